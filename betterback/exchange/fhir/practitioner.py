from django.utils import translation

from betterback.exchange.fhir.common import BASE, coding, name_uuid

PROFESSION = f"{BASE}/CodeSystem/profession"


def practitioner(clinician, language: str = "da") -> dict:
    """The clinician's name and profession. No email or other contact: the clinic is the contact."""
    return {
        "resourceType": "Practitioner",
        "id": practitioner_id(clinician),
        "name": [{"text": clinician.user.full_name}],
        "qualification": [{"code": profession(clinician, language)}],
    }


def practitioner_id(clinician) -> str:
    return name_uuid("Practitioner", clinician.pk)


def profession(clinician, language: str) -> dict:
    """Our own code (physiotherapist, chiropractor, general_practitioner) with the English name
    as display and the name in `language` as text."""
    with translation.override("en"):
        display = clinician.get_profession_display()
    with translation.override(language):
        text = clinician.get_profession_display()
    return {"coding": [coding(PROFESSION, clinician.profession, display)], "text": text}
