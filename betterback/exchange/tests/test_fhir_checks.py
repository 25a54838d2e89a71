"""Our own checks catch what the fhir.resources models let through: wrong codes for required
elements, codings without a system or code, and references that point nowhere or at the wrong
type; what the models refuse comes back as a ValueError too."""

import importlib
from importlib.metadata import version

import pytest

from betterback.exchange.bundle import assemble
from betterback.exchange.fhir.care_plan import care_plan
from betterback.exchange.fhir.checks import check, check_bundle, validate, validate_bundle
from betterback.exchange.fhir.goal import goal
from betterback.exchange.fhir.observation import check_in_observations
from betterback.exchange.fhir.questionnaire import questionnaire
from betterback.exchange.fhir.questionnaire_response import questionnaire_response
from betterback.exchange.fhir.score_observation import score_observations
from betterback.exchange.tests import world
from betterback.exchange.tests.responses import STARTBACK, make_response
from betterback.questionnaires.definitions import instruments


def schema_accepts(resource: dict) -> bool:
    name = resource["resourceType"]
    model = getattr(importlib.import_module(f"fhir.resources.R4B.{name.lower()}"), name)
    try:
        model.model_validate(resource)
    except ValueError:
        return False
    return True


def a_goal():
    return goal(world.plan().goals[0], world.peter(), "da")


def a_care_plan():
    return care_plan(world.peter(), world.plan().actions, [], [world.lise()], "da")


def a_check_in_observation():
    patient = world.peter()
    return check_in_observations(world.check_in(patient, 1, confidence=5), patient)[0]


def a_questionnaire():
    return questionnaire(instruments()["nrs"])


def a_questionnaire_response():
    return questionnaire_response(make_response("nrs", {"1": 3}), instruments()["nrs"])


def a_score_observation():
    return score_observations(make_response("nrs", {"1": 3}), instruments()["nrs"])[0]


@pytest.mark.parametrize(
    ("build", "element", "wrong"),
    [
        (a_goal, "lifecycleStatus", "doing"),
        (a_care_plan, "status", "ongoing"),
        (a_care_plan, "intent", "goal"),
        (a_check_in_observation, "status", "done"),
        (a_score_observation, "status", "done"),
        (a_questionnaire_response, "status", "finished"),
        (a_questionnaire, "status", "published"),
    ],
)
def test_a_wrong_code_is_caught_by_our_checks(build, element, wrong):
    resource = {**build(), element: wrong}
    assert any(p.startswith(f"{element}: {wrong!r} is not one of") for p in check(resource))
    # fhir.resources 8.3.0 (R4B) does not check code bindings: the model takes any code.
    accepted = schema_accepts(resource)
    if version("fhir.resources") == "8.3.0":
        assert accepted
    with pytest.raises(ValueError, match=element):
        validate(resource)


@pytest.mark.parametrize(
    ("build", "element"),
    [(a_goal, "lifecycleStatus"), (a_care_plan, "status"), (a_care_plan, "intent")],
)
def test_a_missing_required_code_is_caught(build, element):
    resource = build()
    del resource[element]
    assert f"{element}: missing" in check(resource)
    with pytest.raises(ValueError, match=element):
        validate(resource)


def test_a_check_in_observation_without_the_survey_category_is_caught():
    resource = a_check_in_observation()
    resource["category"][0]["coding"][0]["code"] = "vital-signs"
    assert check(resource) == ["category: the survey category is missing"]


def test_a_coding_without_a_system_is_caught():
    resource = a_care_plan()
    del resource["category"][0]["coding"][0]["system"]
    assert schema_accepts(resource)
    assert check(resource) == ["category[0].coding[0]: coding without a system"]


def test_a_coding_without_a_system_is_caught_in_questionnaires_and_scores():
    resource = questionnaire(instruments()["startback"], "da")
    del resource["item"][8]["answerOption"][2]["valueCoding"]["system"]
    assert schema_accepts(resource)
    assert check(resource) == ["item[8].answerOption[2].valueCoding: coding without a system"]
    with pytest.raises(ValueError, match="coding without a system"):
        validate(resource)

    [observation, _] = score_observations(
        make_response("startback", STARTBACK), instruments()["startback"]
    )
    observation["code"]["coding"][0].pop("system")
    observation["interpretation"][0]["coding"][0].pop("code")
    observation["category"][0]["coding"][0]["code"] = "exam"
    assert check(observation) == [
        "category: the survey category is missing",
        "code: no coding with a system",
        "code.coding[0]: coding without a system",
        "interpretation[0].coding[0]: coding without a code",
    ]


def test_validate_reports_schema_errors_as_value_errors():
    observation = a_score_observation()
    with pytest.raises(ValueError, match="effectiveDateTime"):
        validate({**observation, "effectiveDateTime": "2025-03-04T09:30:00"})  # no zone
    with pytest.raises(ValueError, match="id"):
        validate({**observation, "id": "a_b"})
    with pytest.raises(ValueError):
        validate({"resourceType": "NoSuchThing"})


def test_a_type_we_do_not_export_is_refused():
    assert check({"resourceType": "Condition"}) == ["resourceType: 'Condition' is not exported"]
    with pytest.raises(ValueError, match="Condition"):
        validate({"resourceType": "Condition", "status": "active"})


def bundle():
    return assemble(world.record(), world.AT)


def entry(result, kind) -> tuple[int, dict]:
    """The index and entry of the first resource of `kind`."""
    return next(
        (n, e) for n, e in enumerate(result["entry"]) if e["resource"]["resourceType"] == kind
    )


def test_the_fixed_world_has_no_problems():
    validate_bundle(bundle())
    assert check_bundle(bundle()) == []


def test_a_reference_to_nothing_in_the_bundle_is_caught():
    result = bundle()
    index, goal_entry = entry(result, "Goal")
    goal_entry["resource"]["subject"]["reference"] = "Patient/elsewhere"
    assert check_bundle(result) == [
        f"entry[{index}] Goal: Goal.subject 'Patient/elsewhere' is not in the bundle"
    ]


def test_a_reference_to_the_wrong_type_is_caught():
    """CarePlan.careTeam points at a CareTeam in R4, never at a Practitioner directly."""
    result = bundle()
    (index, plan), (_, practitioner) = entry(result, "CarePlan"), entry(result, "Practitioner")
    plan["resource"]["careTeam"] = [{"reference": practitioner["fullUrl"]}]
    assert schema_accepts(plan["resource"])
    assert check_bundle(result) == [
        f"entry[{index}] CarePlan: CarePlan.careTeam may not point at a Practitioner"
    ]
    with pytest.raises(ValueError, match="careTeam"):
        validate_bundle(result)


def test_fullurls_must_be_unique_lower_case_urn_uuids():
    result = bundle()
    result["entry"][1]["fullUrl"] = result["entry"][0]["fullUrl"]
    result["entry"][2]["fullUrl"] = "https://example.org/Practitioner/1"
    result["entry"][3]["fullUrl"] = result["entry"][3]["fullUrl"].upper()
    problems = check_bundle(result)
    assert problems[:3] == [
        f"entry[1].fullUrl: {result['entry'][0]['fullUrl']} is used twice",
        "entry[2].fullUrl: 'https://example.org/Practitioner/1' is not a urn:uuid",
        f"entry[3].fullUrl: {result['entry'][3]['fullUrl']!r} is not a urn:uuid",
    ]


def test_a_wrong_bundle_type_is_caught():
    result = {**bundle(), "type": "folder"}
    assert check_bundle(result)[0].startswith("type: 'folder' is not one of")
