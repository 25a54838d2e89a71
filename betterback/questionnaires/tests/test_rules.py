"""The clinical rules on their own: change from baseline against the minimal important change (MIC),
and the follow-up triage. Pure functions: no database."""

from datetime import UTC, datetime, timedelta

import pytest

from betterback.questionnaires import rules
from betterback.questionnaires.definitions import load_folder
from betterback.questionnaires.rules import GREEN, RED, YELLOW, Facts, Reason

INSTRUMENTS = load_folder()
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

# The instruments with a minimal important change: a new one here needs rows in CHANGES below.
WITH_MIC = {"nrs", "odi", "psfs", "rmdq"}

# instrument, baseline, latest -> points, percent of the baseline, important, direction.
CHANGES = {
    "NRS 6 to 4: 2 points is important": ("nrs", 6, 4, -2, 33.3, True, "better"),
    "NRS 6 to 5: 1 point and 16.7% is not": ("nrs", 6, 5, -1, 16.7, False, "better"),
    "NRS 3 to 2: 1 point but 33% is important by per cent": ("nrs", 3, 2, -1, 33.3, True, "better"),
    "NRS 10 to 7: exactly 30% is important": ("nrs", 10, 7, -3, 30.0, True, "better"),
    "NRS 0 to 1: no per cent of 0, and 1 point is not": ("nrs", 0, 1, 1, None, False, "worse"),
    "NRS 4 to 7: worse and important": ("nrs", 4, 7, 3, 75.0, True, "worse"),
    "NRS 5 to 5: the same": ("nrs", 5, 5, 0, 0.0, False, "same"),
    "RMDQ 10 to 5: important": ("rmdq", 10, 5, -5, 50.0, True, "better"),
    "RMDQ 10 to 8: 2 points and 20% is not": ("rmdq", 10, 8, -2, 20.0, False, "better"),
    "RMDQ 20 to 16: 4 points and 20% is not": ("rmdq", 20, 16, -4, 20.0, False, "better"),
    "RMDQ 20 to 15: 5 points is important": ("rmdq", 20, 15, -5, 25.0, True, "better"),
    "ODI 40 to 30: 10 points is important": ("odi", 40, 30, -10, 25.0, True, "better"),
    "ODI 40 to 32: 8 points and 20% is not": ("odi", 40, 32, -8, 20.0, False, "better"),
    "ODI 20 to 14: 6 points but 30% is important": ("odi", 20, 14, -6, 30.0, True, "better"),
    "PSFS 3 to 5: higher is better, and important": ("psfs", 3, 5, 2, 66.7, True, "better"),
    "PSFS 3 to 4: 33% but PSFS has no per-cent rule": ("psfs", 3, 4, 1, 33.3, False, "better"),
    "PSFS 6 to 4: worse and important": ("psfs", 6, 4, -2, 33.3, True, "worse"),
}


def test_the_instruments_with_a_minimal_important_change_are_the_ones_tested_here():
    with_mic = {
        i.id for i in INSTRUMENTS.values() if i.mic_points is not None or i.mic_percent is not None
    }
    assert with_mic == WITH_MIC
    assert {row[0] for row in CHANGES.values()} == WITH_MIC


@pytest.mark.parametrize(
    ("instrument_id", "baseline", "latest", "points", "percent", "important", "direction"),
    CHANGES.values(),
    ids=CHANGES.keys(),
)
def test_change_is_important_at_the_minimal_important_change_in_points_or_per_cent(
    instrument_id, baseline, latest, points, percent, important, direction
):
    change = rules.change(INSTRUMENTS[instrument_id], baseline, latest)

    assert change == rules.Change(points, percent, important, direction, has_mic=True)


NO_MIC = ["pseq", "startback", "orebro10"]


@pytest.mark.parametrize("instrument_id", NO_MIC)
@pytest.mark.parametrize(("baseline", "latest"), [(30, 10), (10, 30), (1, 9), (5, 5)])
def test_an_instrument_without_a_minimal_important_change_never_calls_a_change_important(
    instrument_id, baseline, latest
):
    change = rules.change(INSTRUMENTS[instrument_id], baseline, latest)

    assert change.has_mic is False
    assert change.important is False


@pytest.mark.parametrize(
    ("baseline", "latest", "direction"), [(30, 40, "better"), (40, 30, "worse"), (30, 30, "same")]
)
def test_for_pseq_higher_is_better(baseline, latest, direction):
    assert rules.change(INSTRUMENTS["pseq"], baseline, latest).direction == direction


@pytest.mark.parametrize(("baseline", "latest"), [(None, 4), (6, None), (None, None)])
def test_there_is_no_change_without_both_scores(baseline, latest):
    assert rules.change(INSTRUMENTS["nrs"], baseline, latest) is None


def test_a_baseline_of_zero_keeps_the_rule_in_points():
    change = rules.change(INSTRUMENTS["nrs"], 0, 2)

    assert change.percent is None
    assert change.important and change.direction == "worse"


SADDLE = "Reduced sensation in the saddle area"
CANCER = "History of cancer"
OVER_50 = "Over 50 with new pain"

# facts -> colour and the reasons, in the order the follow-up list shows them.
TRIAGE = {
    "no facts: green": (Facts(), GREEN, []),
    "an unreviewed tier-1 sign: red": (
        Facts(flags=[(1, SADDLE)]),
        RED,
        [Reason("red_flag", SADDLE)],
    ),
    "an unreviewed tier-2 sign: red": (
        Facts(flags=[(2, CANCER)]),
        RED,
        [Reason("red_flag", CANCER)],
    ),
    "only a tier-3 sign: yellow, for review": (
        Facts(flags=[(3, OVER_50)]),
        YELLOW,
        [Reason("red_flag_review", OVER_50)],
    ),
    "worse beyond the MIC: yellow": (
        Facts(worse=["Back pain"]),
        YELLOW,
        [Reason("worse", "Back pain")],
    ),
    "reminded 6 days ago and no answer: still green": (
        Facts(unanswered_since=NOW - timedelta(days=6, hours=23)),
        GREEN,
        [],
    ),
    "reminded 7 days ago and no answer: yellow": (
        Facts(unanswered_since=NOW - timedelta(days=7)),
        YELLOW,
        [Reason("no_answer")],
    ),
    "high risk without a session: yellow": (
        Facts(high_risk=True),
        YELLOW,
        [Reason("high_risk_no_session")],
    ),
    "high risk after a session: green": (Facts(high_risk=True, had_session=True), GREEN, []),
    "a session alone: green": (Facts(had_session=True), GREEN, []),
    "red beats yellow, and every reason is listed": (
        Facts(
            flags=[(3, OVER_50), (1, SADDLE)],
            worse=["Back pain", "RMDQ"],
            unanswered_since=NOW - timedelta(days=8),
            high_risk=True,
        ),
        RED,
        [
            Reason("red_flag", SADDLE),
            Reason("red_flag_review", OVER_50),
            Reason("worse", "Back pain"),
            Reason("worse", "RMDQ"),
            Reason("no_answer"),
            Reason("high_risk_no_session"),
        ],
    ),
    "several yellow reasons stay yellow": (
        Facts(flags=[(3, OVER_50)], worse=["Back pain"]),
        YELLOW,
        [Reason("red_flag_review", OVER_50), Reason("worse", "Back pain")],
    ),
}


@pytest.mark.parametrize(("facts", "colour", "reasons"), TRIAGE.values(), ids=TRIAGE.keys())
def test_triage_gives_the_colour_and_every_reason(facts, colour, reasons):
    assert rules.triage(facts, NOW) == (colour, reasons)


def test_red_sorts_before_yellow_before_green():
    assert sorted([GREEN, RED, YELLOW], key=rules.ORDER.get) == [RED, YELLOW, GREEN]
