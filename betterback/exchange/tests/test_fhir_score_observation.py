"""The scores of a Response as survey Observations: STarT Back's golden JSON, NRS with LOINC and
UCUM, and FABQ's two subscales without a total."""

from betterback.exchange.fhir.checks import validate
from betterback.exchange.fhir.common import BASE
from betterback.exchange.fhir.questionnaire_response import questionnaire_response
from betterback.exchange.fhir.score_observation import score_observations
from betterback.exchange.tests.golden import golden
from betterback.exchange.tests.responses import RESPONSE_ID, STARTBACK, make_response
from betterback.questionnaires.definitions import instruments


def test_golden_observations_startback():
    resources = score_observations(
        make_response("startback", STARTBACK), instruments()["startback"]
    )
    for resource in resources:
        validate(resource)
    golden("observations-startback.json", resources)


def test_nrs_observation_uses_loinc_and_ucum():
    nrs = instruments()["nrs"]
    response = make_response("nrs", {"1": 6}, variant="leg")
    resource = questionnaire_response(response, nrs)
    validate(resource)
    assert resource["questionnaire"] == f"{BASE}/Questionnaire/nrs-leg|1"
    [observation] = score_observations(response, nrs)
    validate(observation)
    codes = [(c["system"], c["code"]) for c in observation["code"]["coding"]]
    assert codes == [("http://loinc.org", "72514-3"), (f"{BASE}/CodeSystem/scores", "nrs-leg")]
    assert observation["valueQuantity"] == {
        "value": 6,
        "unit": "{score}",
        "system": "http://unitsofmeasure.org",
        "code": "{score}",
    }
    assert "interpretation" not in observation


def test_fabq_gives_two_subscales_and_no_total():
    answers = {str(n): 3 for n in range(1, 17)}
    resources = score_observations(make_response("fabq", answers), instruments()["fabq"])
    for resource in resources:
        validate(resource)
    assert [(r["id"].removeprefix(f"{RESPONSE_ID}-"), r["code"]["coding"][0]["code"],
             r["valueQuantity"]["value"]) for r in resources] == [
        ("physical-activity", "fabq-physical-activity", 12),
        ("work", "fabq-work", 21),
    ]  # fmt: skip
