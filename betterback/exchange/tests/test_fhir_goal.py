"""A goal of "My goals": its text, the patient's own sign of success and date, and the values from
"What matters to me" that it serves."""

import pytest

from betterback.exchange.fhir.checks import check, validate
from betterback.exchange.fhir.goal import SERVES_VALUE, goal
from betterback.exchange.tests import world
from betterback.exchange.tests.golden import golden

ROW = world.GOALS["goals"][0]


def goal_of(row: dict, language="da") -> dict:
    """The Goal of one row of "My goals", read with the plan as the bundle reads it."""
    [item] = world.plan(**{"my-goals": {"goals": [row]}}).goals
    return goal(item, world.peter(), language)


def test_golden_goal():
    resource = goal_of(ROW)
    validate(resource)
    golden("goal.json", resource)


def test_it_names_each_value_it_serves_in_an_extension():
    row = {**ROW, "serves": ["v2", "removed", "v1"]}  # a value deleted since: left out
    resource = goal_of(row)
    validate(resource)
    assert resource["extension"] == [
        {"url": SERVES_VALUE, "valueString": "Gå lange ture med hunden"},
        {"url": SERVES_VALUE, "valueString": "Lege med mine børnebørn"},
    ]


def test_the_measure_is_named_in_the_patients_language():
    [target] = goal_of(ROW, "en")["target"]
    assert target == {
        "measure": {"text": "How I will know I have got there"},
        "detailString": "Jeg kan rejse mig fra gulvet uden hjælp",
        "dueDate": "2025-06-01",
    }


@pytest.mark.parametrize(
    ("extra", "target"),
    [
        ({"measure": "", "by_when": ""}, None),
        ({"measure": "", "by_when": "2025-06-01"}, [{"dueDate": "2025-06-01"}]),
        ({"measure": "", "by_when": "1. juni"}, None),  # not a date: left out, not guessed
        ({"measure": "", "by_when": None, "serves": []}, None),
    ],
)
def test_a_goal_with_less_filled_in_still_validates(extra, target):
    resource = goal_of({**ROW, **extra})
    validate(resource)
    assert resource.get("target") == target
    assert resource["lifecycleStatus"] == "active"


def test_the_id_comes_from_the_patient_and_the_goals_key():
    first = goal_of(ROW)["id"]
    assert first == goal_of({**ROW, "text": "Renamed"})["id"]
    assert first != goal_of({**ROW, "key": "goal9"})["id"]


def test_a_detail_without_a_measure_is_caught():
    resource = goal_of(ROW)
    del resource["target"][0]["measure"]
    assert check(resource) == ["target[0]: a detail needs a measure (gol-1)"]
