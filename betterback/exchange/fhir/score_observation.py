"""The scores of a Response as survey Observations: the total and each subscale, derived from the
QuestionnaireResponse. They carry the score stored when the answers were sent; nothing is scored
again here.

Scores have our own code f"{BASE}/CodeSystem/scores" ("<instrument>-<scale>"); a total with a
LOINC code has it first (NRS: 72514-3 and "nrs-back" or "nrs-leg" side by side, as LOINC does not
say where the pain is). The band of a total is its interpretation. A response not yet sent gives
"preliminary" Observations without an effective time.
"""

from betterback.exchange.fhir.common import (
    BASE,
    CATEGORY,
    LOINC,
    LOINC_DISPLAY,
    UCUM,
    coding,
    drop_none,
    reference,
    slug,
)
from betterback.questionnaires.definitions import Instrument

SCORES = f"{BASE}/CodeSystem/scores"
BANDS = f"{BASE}/CodeSystem/bands"


def score_observations(response, instrument: Instrument) -> list[dict]:
    scores = [("total", response.total), *response.subscales.items()]
    return [
        _observation(response, instrument, name, value)
        for name, value in scores
        if value is not None
    ]


def _observation(response, instrument: Instrument, name: str, value) -> dict:
    total = name == "total"
    codes = [coding(SCORES, slug(instrument.id, (response.variant or name) if total else name))]
    if total and instrument.loinc:
        codes.insert(0, coding(LOINC, instrument.loinc, LOINC_DISPLAY.get(instrument.loinc)))
    observation = {
        "resourceType": "Observation",
        "id": f"{response.public_id}-{slug(name)}",
        "status": "final" if response.submitted_at else "preliminary",
        "category": [{"coding": [coding(CATEGORY, "survey", "Survey")]}],
        "code": {"coding": codes},
        "subject": reference("Patient", response.patient.public_id),
        "effectiveDateTime": response.submitted_at and response.submitted_at.isoformat(),
        "valueQuantity": {
            "value": int(value) if float(value).is_integer() else value,
            "unit": "{score}",
            "system": UCUM,
            "code": "{score}",
        },
        "derivedFrom": [reference("QuestionnaireResponse", response.public_id)],
    }
    if total and response.band:
        observation["interpretation"] = [{"coding": [coding(BANDS, response.band)]}]
    return drop_none(observation)
