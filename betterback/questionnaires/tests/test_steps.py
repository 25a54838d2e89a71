"""Where answering goes after a save: the rules of questionnaires.steps."""

from dataclasses import dataclass

import pytest

from betterback.questionnaires.steps import After, after_save, clamp, opening


@dataclass(frozen=True)
class Item:
    key: str
    required: bool = True


ITEMS = [Item("1"), Item("2", required=False), Item("3")]


@pytest.mark.parametrize(
    ("value", "expected"), [("0", 0), ("2", 2), ("9", 2), ("-4", 0), ("x", None), (None, None)]
)
def test_a_step_from_the_request_stays_within_the_questionnaire(value, expected):
    assert clamp(value, len(ITEMS)) == expected


def test_a_page_opens_at_the_step_asked_for_or_at_the_first_unanswered_question():
    assert opening("1", ITEMS, {}) == 1
    assert opening(None, ITEMS, {"1": 0}) == 1
    assert opening(None, ITEMS, {"1": 0, "2": 1, "3": 2}) == 2


@pytest.mark.parametrize(
    ("action", "step", "answers", "missing", "expected"),
    [
        ("submit", 2, {"1": 0, "3": 1}, {}, After("sent")),
        ("submit", 2, {"1": 0}, {"3": "required"}, After("again", 2, {"3": "required"})),
        ("save", 0, {}, {}, After("saved")),
        ("next", 0, {"1": 0}, {}, After("step", 1)),
        ("next", 0, {}, {}, After("again", 0, {"1": "required"})),
        ("next", 1, {"1": 0}, {}, After("step", 2)),  # question 2 may be left empty
        ("next", 2, {"1": 0, "3": 1}, {}, After("step", 2)),  # the last question stays
        ("back", 0, {}, {}, After("step", 0)),
        ("back", 2, {}, {}, After("step", 1)),
    ],
)
def test_after_a_save(action, step, answers, missing, expected):
    assert after_save(action, step, ITEMS, answers, missing) == expected
