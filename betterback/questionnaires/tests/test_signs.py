"""The warning-sign rules on their own (questionnaires.signs): each sign's urgency, the
combinations that escalate, history asked at intake only and carried forward. Pure functions."""

import pytest

from betterback.content.pack import safety
from betterback.questionnaires.definitions import instrument, instruments
from betterback.questionnaires.signs import assess

REDFLAGS = instruments()["redflags"]
NUMBER = {item.id: item.key for item in REDFLAGS.items}
NOW, SAME_DAY, WITHIN_DAYS, AT_FOLLOW_UP = 1, 2, 3, 4


def answers(*yes: str) -> dict:
    """Every item answered: "yes" to the named signs, "no" to the rest."""
    return {item.key: int(item.id in yes) for item in REDFLAGS.items}


def follow_up(*yes: str) -> dict:
    """A follow-up's answers: only the items it asks."""
    return {item.key: int(item.id in yes) for item in REDFLAGS.asked("follow_up")}


# yes to -> the level and the signs found (combinations by their id), most urgent first.
AT_INTAKE = {
    "nothing": ((), None, []),
    "numbness in the saddle area is an emergency": (("saddle",), NOW, ["saddle"]),
    "not feeling urine pass, or a weak stream": (("bladder",), NOW, ["bladder"]),
    "new incontinence": (("continence",), NOW, ["continence"]),
    "symptoms in both legs": (("legs_both",), NOW, ["legs_both"]),
    "both legs getting weaker": (("legs_weaker",), NOW, ["legs_weaker"]),
    "new sexual problems": (("sexual",), NOW, ["sexual"]),
    "one leg getting weaker is for today": (("leg_one_worse",), SAME_DAY, ["leg_one_worse"]),
    "severe pain after a bad fall is for today": (("trauma",), SAME_DAY, ["trauma"]),
    "fever alone is within days": (("fever",), WITHIN_DAYS, ["fever"]),
    "feeling unwell alone is within days": (("unwell",), WITHIN_DAYS, ["unwell"]),
    "fever and feeling unwell is for today": (
        ("fever", "unwell"),
        SAME_DAY,
        ["fever_and_unwell", "fever", "unwell"],
    ),
    "fever and immunosuppression is an emergency": (
        ("fever", "immune"),
        NOW,
        ["fever_and_risk", "fever", "immune"],
    ),
    "fever and a recent infection or procedure is an emergency": (
        ("fever", "recent_infection"),
        NOW,
        ["fever_and_risk", "fever", "recent_infection"],
    ),
    "a history of cancer alone is within days": (("cancer",), WITHIN_DAYS, ["cancer"]),
    "cancer and one leg getting weaker is an emergency": (
        ("cancer", "leg_one_worse"),
        NOW,
        ["cancer_and_legs", "leg_one_worse", "cancer"],
    ),
    "cancer and both legs": (
        ("cancer", "legs_both"),
        NOW,
        ["cancer_and_legs", "legs_both", "cancer"],
    ),
    "osteoporosis or steroids with new pain": (("bones",), WITHIN_DAYS, ["bones"]),
    "constant progressive or thoracic pain": (
        ("constant_or_high",),
        WITHIN_DAYS,
        ["constant_or_high"],
    ),
    "over 50 with new pain is for the next follow-up": (
        ("over_50_new",),
        AT_FOLLOW_UP,
        ["over_50_new"],
    ),
    "the most urgent sign sets the level": (
        ("no_improvement", "night_pain", "saddle"),
        NOW,
        ["saddle", "night_pain", "no_improvement"],
    ),
}


@pytest.mark.parametrize(("yes", "level", "found"), AT_INTAKE.values(), ids=AT_INTAKE.keys())
def test_at_intake_each_sign_and_combination_has_its_urgency(yes, level, found):
    assessment = assess(REDFLAGS, answers(*yes), "intake")

    assert assessment.level == level
    assert [sign.id for sign in assessment.signs] == found


def test_a_combination_is_named_as_one_for_the_clinician():
    [combination] = [
        sign for sign in assess(REDFLAGS, answers("cancer", "leg_one_worse")).signs
        if sign.kind == "combination"
    ]  # fmt: skip

    assert combination.reason.by_language["en"].startswith("Combination:")
    assert combination.reason.by_language["da"].startswith("Kombination:")


def test_a_follow_up_asks_no_history_items():
    asked = {item.id for item in REDFLAGS.asked("follow_up")}

    assert {"cancer", "immune", "over_50_new", "no_improvement"}.isdisjoint(asked)
    assert {"saddle", "legs_both", "fever", "leg_one_worse"} <= asked
    assert {item.id for item in REDFLAGS.asked("intake")} == set(NUMBER)


# The history from earlier answers, and the follow-up's answers -> the level.
AT_FOLLOW_UP_CASES = {
    "a cancer survivor with no new signs is not flagged": ({"cancer"}, (), None),
    "a cancer survivor with one leg getting weaker: now": ({"cancer"}, ("leg_one_worse",), NOW),
    "without the history, one leg weaker is for today": (set(), ("leg_one_worse",), SAME_DAY),
    "immunosuppression from intake and a new fever: now": ({"immune"}, ("fever",), NOW),
    "over 50 at intake is not asked again": ({"over_50_new"}, (), None),
    "a new emergency sign is an emergency": ({"cancer"}, ("saddle",), NOW),
}  # fmt: skip


@pytest.mark.parametrize(
    ("history", "yes", "level"), AT_FOLLOW_UP_CASES.values(), ids=AT_FOLLOW_UP_CASES.keys()
)
def test_at_follow_up_history_carries_forward_into_combinations_only(history, yes, level):
    assert assess(REDFLAGS, follow_up(*yes), "follow_up", frozenset(history)).level == level


def test_a_history_answer_sent_with_a_follow_up_is_not_counted():
    # The follow-up does not ask about cancer; an answer to it (a crafted post) changes nothing.
    given = {**follow_up(), NUMBER["cancer"]: 1}

    assert assess(REDFLAGS, given, "follow_up").level is None


def test_an_instrument_that_is_not_a_screen_has_no_signs():
    assert assess(instruments()["rmdq"], {"1": 1}).level is None


def test_the_urgent_text_lists_one_line_per_emergency_sign_and_combination():
    """The pack's one urgent text names every "now" sign of the screen in plain words: when a sign
    is added to the screen, the text must be extended too."""
    now_signs = [item for item in REDFLAGS.items if item.urgency == "now"]
    now_combinations = [c for c in REDFLAGS.combinations if c.urgency == "now"]
    for language in ("da", "en"):
        body = safety().advice["now"].body.by_language[language]
        bullets = [line for line in body.splitlines() if line.startswith("- ")]
        assert len(bullets) == len(now_signs) + len(now_combinations)


def test_version_1_answers_keep_their_meaning():
    old = instrument("redflags", "1")

    assert old.version == "1" and len(old.items) == 13
    assert old.item("2").urgency == "now"  # new problems passing or holding urine
    assert old.item("5").urgency == "within_days"  # history of cancer
    assert old.item("5").history and old.item("5").id == "cancer"
    assert instrument("redflags", "2") is REDFLAGS
    assert instrument("redflags", "9") is REDFLAGS  # an unknown version: the current one
