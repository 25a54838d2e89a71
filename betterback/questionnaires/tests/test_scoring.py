"""Worked examples and every band boundary of each instrument's scoring rule."""

import pytest

from betterback.questionnaires.scoring import InvalidAnswer, score


def items(*codes, first=1) -> dict:
    return {str(n): code for n, code in enumerate(codes, start=first)}


# STarT Back: items 1-8 are 0/1; item 9 is 0-4 and counts 1 only for 3 or 4.
STARTBACK = [
    # (answers, total, psychosocial, band)
    (items(0, 0, 0, 0, 0, 0, 0, 0, 0), 0, 0, "low"),
    (items(1, 1, 1, 0, 0, 0, 0, 0, 2), 3, 0, "low"),  # total 3 is still low
    (items(1, 1, 1, 0, 0, 0, 0, 0, 3), 4, 1, "medium"),  # item 9 = 3 counts
    (items(1, 1, 1, 1, 1, 1, 1, 0, 0), 7, 3, "medium"),  # psychosocial 3 is medium
    (items(1, 1, 1, 1, 1, 1, 1, 1, 0), 8, 4, "high"),  # psychosocial 4 is high
    (items(0, 0, 0, 0, 1, 1, 1, 0, 4), 4, 4, "high"),
    (items(1, 1, 1, 1, 1, 1, 1, 1, 4), 9, 5, "high"),
]


@pytest.mark.parametrize(("answers", "total", "psychosocial", "band"), STARTBACK)
def test_startback(answers, total, psychosocial, band):
    result = score("startback", answers)
    assert (result.total, result.subscales, result.band, result.complete) == (
        total,
        {"psychosocial": psychosocial},
        band,
        True,
    )


def test_startback_with_a_missing_item_has_no_score():
    answers = items(1, 1, 1, 1, 1, 1, 1, 1)
    result = score("startback", answers)
    assert (result.total, result.subscales, result.band, result.complete) == (
        None,
        {"psychosocial": None},
        None,
        False,
    )


@pytest.mark.parametrize(("yes", "total"), [(0, 0), (5, 5), (24, 24)])
def test_rmdq_counts_the_yes_answers(yes, total):
    result = score("rmdq", items(*([1] * yes + [0] * (24 - yes))))
    assert (result.total, result.complete) == (total, True)


def test_rmdq_with_an_unanswered_item_has_no_score():
    assert score("rmdq", items(*([1] * 23))).total is None


ODI = [
    (items(*[0] * 10), 0, "minimal", True),
    (items(*[1] * 10), 20, "minimal", True),  # 20 is the top of minimal
    (items(1, 1, 1, 1, 1, 1, 1, 1, 1, 2), 22, "moderate", True),
    (items(*[2] * 10), 40, "moderate", True),
    (items(3, 2, 2, 2, 2, 2, 2, 2, 2, 2), 42, "severe", True),
    (items(*[3] * 10), 60, "severe", True),
    (items(*[4] * 10), 80, "crippled", True),
    (items(5, 4, 4, 4, 4, 4, 4, 4, 4, 4), 82, "bed-bound", True),
    (items(*[5] * 10), 100, "bed-bound", True),
    # One section missing: the sum is divided by 5 x 9 answered sections.
    ({**items(*[2] * 9), "10": None}, 40, "moderate", False),
    (items(3, 3, 3, 3, 3, 3, 3, 3, 2), round(26 / 45 * 100, 1), "severe", False),
]


@pytest.mark.parametrize(("answers", "total", "band", "complete"), ODI)
def test_odi(answers, total, band, complete):
    result = score("odi", answers)
    assert (result.total, result.band, result.complete) == (total, band, complete)


def test_odi_with_two_sections_missing_has_no_score():
    result = score("odi", items(*[2] * 8))
    assert (result.total, result.band) == (None, None)


@pytest.mark.parametrize(
    ("answers", "total"),
    [(items(2, 4, 6), 4.0), (items(10, 10, 10, 10, 9), 9.8), (items(0, 1, 1, 1), 0.75)],
)
def test_psfs_is_the_mean_of_the_rated_activities(answers, total):
    assert score("psfs", answers).total == total


def test_psfs_is_the_mean_of_however_many_activities_were_rated():
    # Stratford 1995: the mean of the activities rated, with no minimum of three.
    assert score("psfs", items(5, 5)).total == 5
    assert score("psfs", items(4)).total == 4
    assert score("psfs", {}).total is None


def test_a_clinic_may_ask_for_three_psfs_activities():
    assert score("psfs", items(5, 5), min_answered=3).total is None
    assert score("psfs", items(5, 5, 2), min_answered=3).total == 4


def test_the_minimum_applies_only_to_an_instrument_whose_rule_allows_one():
    # ODI has its own missing-section rule from its publisher; a clinic's minimum does not apply.
    assert score("odi", items(*[2] * 9), min_answered=10).total == 40.0


def test_odi_keeps_one_decimal():
    assert score("odi", items(1, 2, 3, 4, 5, 0, 1, 2, 3)).total == 46.7


def test_pseq_sums_ten_items():
    assert score("pseq", items(*[6] * 10)).total == 60
    assert score("pseq", items(*[3] * 9)).total is None


def test_fabq_has_two_subscales_and_ignores_the_unscored_items():
    answers = items(6, 1, 2, 3, 4, 5, 6, 6, 1, 2, 3, 4, 6, 6, 5, 6)
    result = score("fabq", answers)
    assert result.total is None
    assert result.subscales == {
        "physical_activity": 1 + 2 + 3 + 4,
        "work": 5 + 6 + 1 + 2 + 3 + 4 + 5,
    }
    changed_unscored = {**answers, "1": 0, "8": 0, "13": 0, "14": 0, "16": 0}
    assert score("fabq", changed_unscored).subscales == result.subscales


def test_fabq_subscale_with_a_missing_item_is_none():
    answers = {**items(*[3] * 16), "4": None}
    assert score("fabq", answers).subscales == {"physical_activity": None, "work": 21}


OREBRO = [
    # items 3, 4 and 8 are reversed (10 - answer)
    (items(1, 0, 10, 10, 0, 0, 0, 10, 0, 0), 1, "low"),
    (items(10, 10, 0, 0, 10, 10, 10, 0, 10, 10), 100, "raised"),
    (items(5, 5, 5, 5, 5, 5, 5, 5, 5, 5), 50, "raised"),  # 50 or more is raised
    (items(4, 5, 5, 5, 5, 5, 5, 5, 5, 5), 49, "low"),
]


@pytest.mark.parametrize(("answers", "total", "band"), OREBRO)
def test_orebro10(answers, total, band):
    result = score("orebro10", answers)
    assert (result.total, result.band) == (total, band)


@pytest.mark.parametrize("value", [0, 7, 10])
def test_nrs_is_the_answer(value):
    assert score("nrs", {"1": value}).total == value


def test_codes_may_be_text_as_read_from_a_csv_file():
    assert score("nrs", {"1": "7"}).total == 7
    assert score("rmdq", {**items(*["1"] * 24), "3": "0"}).total == 23
    assert score("nrs", {"1": ""}).total is None


@pytest.mark.parametrize(
    ("instrument", "answers", "message"),
    [
        ("startback", items(1, 1, 1, 1, 1, 1, 1, 2, 0), "startback item 8: 2 is not allowed"),
        ("startback", items(0, 0, 0, 0, 0, 0, 0, 0, 5), "startback item 9: 5 is not allowed"),
        ("odi", {"1": 6}, "odi item 1: 6 is not allowed"),
        ("orebro10", {"1": 0}, "orebro10 item 1: 0 is not allowed"),
        ("nrs", {"1": 11}, "nrs item 1: 11"),
        ("nrs", {"1": "seven"}, "nrs item 1: 'seven' is not an answer code"),
        ("nrs", {"1": True}, "nrs item 1: True is not an answer code"),
        ("rmdq", {"25": 1}, "rmdq has no item '25'"),
    ],
)
def test_an_invalid_code_raises_an_error_naming_the_item(instrument, answers, message):
    with pytest.raises(InvalidAnswer, match=message):
        score(instrument, answers)


def test_an_unknown_instrument_raises_key_error():
    with pytest.raises(KeyError):
        score("sf36", {})
