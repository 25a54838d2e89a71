from betterback.exchange.fhir.common import BASE, coding, drop_none

PATIENT_ID = f"{BASE}/patient-id"
BCP47 = "urn:ietf:bcp:47"
LANGUAGES = {"da": "Danish", "en": "English"}


def patient(patient) -> dict:
    """The patient's public id (never the database key), name, email and, once they have an
    account, the language they chose."""
    communication = None
    if patient.user_id:
        language = patient.user.language
        concept = {"coding": [coding(BCP47, language, LANGUAGES.get(language))]}
        communication = [{"language": concept, "preferred": True}]
    return drop_none(
        {
            "resourceType": "Patient",
            "id": str(patient.public_id),
            "identifier": [{"system": PATIENT_ID, "value": str(patient.public_id)}],
            "name": [{"text": patient.full_name}],
            "telecom": [{"system": "email", "value": patient.email}],
            "communication": communication,
        }
    )
