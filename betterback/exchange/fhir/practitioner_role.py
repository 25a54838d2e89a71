from betterback.exchange.fhir.common import name_uuid, reference
from betterback.exchange.fhir.organization import organization_id
from betterback.exchange.fhir.practitioner import practitioner_id, profession


def practitioner_role(clinician, clinic, language: str = "da") -> dict:
    """What links a Practitioner to an Organization: the clinician working at the clinic of the
    patient's care relationship, in their profession."""
    return {
        "resourceType": "PractitionerRole",
        "id": name_uuid("PractitionerRole", clinician.pk, clinic.pk),
        "active": True,
        "practitioner": reference("Practitioner", practitioner_id(clinician)),
        "organization": reference("Organization", organization_id(clinic)),
        "code": [profession(clinician, language)],
    }
