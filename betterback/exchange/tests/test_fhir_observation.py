"""A check-in as survey Observations, one per measure answered, at the time the patient made it."""

from betterback.exchange.fhir.checks import validate
from betterback.exchange.fhir.common import CATEGORY, LOINC, UCUM
from betterback.exchange.fhir.observation import CHECK_IN, check_in_observations
from betterback.exchange.tests import world
from betterback.exchange.tests.golden import golden


def observations(**values):
    patient = world.peter()
    return check_in_observations(world.check_in(patient, 1, **values), patient)


def test_golden_check_in_observations():
    resources = observations(confidence=6, pain=4, sleep=3, mood=4)
    for resource in resources:
        validate(resource)
    golden("observations-check-in.json", resources)


def test_each_is_a_survey_score_with_its_code():
    resources = observations(confidence=6, pain=4, sleep=3, mood=4)
    codes = [[(c["system"], c["code"]) for c in r["code"]["coding"]] for r in resources]
    assert codes == [
        [(CHECK_IN, "confidence")],
        [(LOINC, "72514-3"), (CHECK_IN, "pain")],
        [(CHECK_IN, "sleep")],
        [(CHECK_IN, "mood")],
    ]
    for resource in resources:
        assert resource["category"][0]["coding"][0] == {
            "system": CATEGORY,
            "code": "survey",
            "display": "Survey",
        }
        assert resource["valueQuantity"]["system"] == UCUM
        assert resource["valueQuantity"]["code"] == "{score}"


def test_the_time_is_when_the_patient_made_it_not_when_it_arrived():
    [confidence] = observations(confidence=0, pain=None, sleep=None, mood=None)
    assert confidence["effectiveDateTime"] == "2025-03-06T20:15:00+00:00"
    assert confidence["valueQuantity"]["value"] == 0  # 0 is an answer


def test_measures_left_out_give_no_observation():
    resources = observations(confidence=7, pain=None, sleep=None, mood=2)
    assert [r["id"].rsplit("-", 1)[1] for r in resources] == ["confidence", "mood"]
