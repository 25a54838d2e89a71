"""A Response as a QuestionnaireResponse: STarT Back's golden JSON, a response not yet sent, the
PSFS activities nested under their ratings, and free text."""

from betterback.exchange.fhir.checks import validate
from betterback.exchange.fhir.questionnaire import questionnaire
from betterback.exchange.fhir.questionnaire_response import questionnaire_response
from betterback.exchange.fhir.score_observation import score_observations
from betterback.exchange.tests.golden import golden
from betterback.exchange.tests.responses import STARTBACK, make_response
from betterback.questionnaires.definitions import instruments


def test_golden_questionnaire_response_startback():
    resource = questionnaire_response(
        make_response("startback", STARTBACK), instruments()["startback"]
    )
    validate(resource)
    golden("questionnaire-response-startback.json", resource)


def test_a_partial_response_is_in_progress_without_scores():
    response = make_response("startback", {"1": 1, "2": 0}, submitted=False)
    resource = questionnaire_response(response, instruments()["startback"])
    validate(resource)
    assert resource["status"] == "in-progress"
    assert "authored" not in resource
    assert [i["linkId"] for i in resource["item"]] == ["1", "2"]
    assert score_observations(response, instruments()["startback"]) == []


def test_psfs_activity_is_nested_under_the_rating():
    psfs = instruments()["psfs"]
    notes = {"1": "Gå en tur", "2": "Cykle", "4": "Løbe"}  # activity 4 is named but not rated
    response = make_response("psfs", {"1": 4, "2": 7, "3": 5}, notes=notes)
    resource = questionnaire_response(response, psfs, "en")
    validate(resource)
    first, second, third = resource["item"]
    assert first["answer"][0]["item"] == [
        {"linkId": "1.activity", "text": "Activity", "answer": [{"valueString": "Gå en tur"}]}
    ]
    assert second["answer"][0]["item"][0]["answer"] == [{"valueString": "Cykle"}]
    assert "item" not in third["answer"][0]
    form = questionnaire(psfs, "en")
    assert form["item"][0]["item"] == [
        {"linkId": "1.activity", "text": "Activity", "type": "string", "maxLength": 200}
    ]
    [total] = score_observations(response, psfs)
    assert total["valueQuantity"]["value"] == 5.33


def test_free_text_answers_are_strings():
    response = make_response("agenda", {"2": "Om jeg kan arbejde"})
    resource = questionnaire_response(response, instruments()["agenda"])
    validate(resource)
    assert [(i["linkId"], i["answer"]) for i in resource["item"]] == [
        ("2", [{"valueString": "Om jeg kan arbejde"}])
    ]
