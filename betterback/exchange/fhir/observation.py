"""A check-in as Observations: one per measure the patient answered, each a survey score in UCUM's
"{score}", at the time the patient made it (made_at, the device's clock), not when it arrived."""

from betterback.exchange.fhir.common import (
    BASE,
    CATEGORY,
    LOINC,
    LOINC_DISPLAY,
    UCUM,
    coding,
    reference,
)

CHECK_IN = f"{BASE}/CodeSystem/check-in"
PAIN_LOINC = "72514-3"  # the 0-10 numeric rating scale, as for the NRS questionnaire
MEASURES = {
    "confidence": "Confidence in keeping to the plan this week (0-10)",
    "pain": "Pain today (0-10)",
    "sleep": "Sleep (1 very bad to 5 very good)",
    "mood": "Mood (1 very low to 5 very good)",
}


def check_in_observations(check_in, patient) -> list[dict]:
    result = []
    for measure, display in MEASURES.items():
        value = getattr(check_in, measure)
        if value is None:
            continue
        codings = [coding(CHECK_IN, measure, display)]
        if measure == "pain":
            codings.insert(0, coding(LOINC, PAIN_LOINC, LOINC_DISPLAY[PAIN_LOINC]))
        result.append(
            {
                "resourceType": "Observation",
                "id": f"{check_in.key}-{measure}",
                "status": "final",
                "category": [{"coding": [coding(CATEGORY, "survey", "Survey")]}],
                "code": {"coding": codings},
                "subject": reference("Patient", patient.public_id),
                "effectiveDateTime": check_in.made_at.isoformat(),
                "valueQuantity": {
                    "value": value,
                    "unit": "{score}",
                    "system": UCUM,
                    "code": "{score}",
                },
            }
        )
    return result
