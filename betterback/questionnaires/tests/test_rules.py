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
WITH_MIC = {"nrs", "odi", "psfs", "pseq", "rmdq"}

# instrument, baseline, latest -> points, percent of the baseline, important, direction.
# "Worse" needs the absolute threshold; "better" needs the points, or the per cent AND the floor.
CHANGES = {
    # The cases of the clinical review (December 2026, section 2.3): all were "important" under the
    # old "points or per cent" rule; a 1-point change is inside the measurement error.
    "review: NRS 2 to 3 is a small change, not clearly worse": (
        "nrs",
        2,
        3,
        1,
        50.0,
        False,
        "worse",
    ),
    "review: NRS 1 to 2 is a small change": ("nrs", 1, 2, 1, 100.0, False, "worse"),
    "review: RMDQ 3 to 4 is a small change": ("rmdq", 3, 4, 1, 33.3, False, "worse"),
    "review: RMDQ 6 to 8 is a small change": ("rmdq", 6, 8, 2, 33.3, False, "worse"),
    "review: ODI 10 to 14 is a small change": ("odi", 10, 14, 4, 40.0, False, "worse"),
    "review: NRS 8 to 6 is better": ("nrs", 8, 6, -2, 25.0, True, "better"),
    # NRS: 2 points either way; the per-cent route has a 2-point floor.
    "NRS 6 to 4: 2 points is important": ("nrs", 6, 4, -2, 33.3, True, "better"),
    "NRS 6 to 5: 1 point and 16.7% is not": ("nrs", 6, 5, -1, 16.7, False, "better"),
    "NRS 3 to 2: 33% but only 1 point is not": ("nrs", 3, 2, -1, 33.3, False, "better"),
    "NRS 10 to 7: 3 points is important": ("nrs", 10, 7, -3, 30.0, True, "better"),
    "NRS 0 to 1: no per cent of 0, and 1 point is not": ("nrs", 0, 1, 1, None, False, "worse"),
    "NRS 4 to 6: worse by 2 points is important": ("nrs", 4, 6, 2, 50.0, True, "worse"),
    "NRS 5 to 5: the same": ("nrs", 5, 5, 0, 0.0, False, "same"),
    # RMDQ: better by 5, or by 30% with at least 3; worse only by 5.
    "RMDQ 10 to 5: important": ("rmdq", 10, 5, -5, 50.0, True, "better"),
    "RMDQ 10 to 7: 30% and 3 points is important": ("rmdq", 10, 7, -3, 30.0, True, "better"),
    "RMDQ 6 to 4: 33% but 2 points is under the floor": ("rmdq", 6, 4, -2, 33.3, False, "better"),
    "RMDQ 10 to 8: 2 points and 20% is not": ("rmdq", 10, 8, -2, 20.0, False, "better"),
    "RMDQ 20 to 16: 4 points and 20% is not": ("rmdq", 20, 16, -4, 20.0, False, "better"),
    "RMDQ 20 to 15: 5 points is important": ("rmdq", 20, 15, -5, 25.0, True, "better"),
    "RMDQ 10 to 14: 40% worse but 4 points is not": ("rmdq", 10, 14, 4, 40.0, False, "worse"),
    "RMDQ 10 to 15: worse by 5 points is important": ("rmdq", 10, 15, 5, 50.0, True, "worse"),
    # ODI: better by 10, or by 30% with at least 5; worse only by 10.
    "ODI 40 to 30: 10 points is important": ("odi", 40, 30, -10, 25.0, True, "better"),
    "ODI 40 to 32: 8 points and 20% is not": ("odi", 40, 32, -8, 20.0, False, "better"),
    "ODI 20 to 14: 30% and 6 points is important": ("odi", 20, 14, -6, 30.0, True, "better"),
    "ODI 12 to 8: 33% but 4 points is under the floor": ("odi", 12, 8, -4, 33.3, False, "better"),
    "ODI 30 to 40: worse by 10 points is important": ("odi", 30, 40, 10, 33.3, True, "worse"),
    "ODI 44.4 to 52.2: 7.8 points worse is not": ("odi", 44.4, 52.2, 7.8, 17.6, False, "worse"),
    # PSFS: 2 points for the mean, higher is better, no per-cent rule.
    "PSFS 3 to 5: higher is better, and important": ("psfs", 3, 5, 2, 66.7, True, "better"),
    "PSFS 3 to 4: 33% but PSFS has no per-cent rule": ("psfs", 3, 4, 1, 33.3, False, "better"),
    "PSFS 6 to 4: worse and important": ("psfs", 6, 4, -2, 33.3, True, "worse"),
    # PSEQ: 5.5 points either way (Chiarotto 2016), higher is better.
    "PSEQ 30 to 36: 6 points better is important": ("pseq", 30, 36, 6, 20.0, True, "better"),
    "PSEQ 30 to 35: 5 points is not": ("pseq", 30, 35, 5, 16.7, False, "better"),
    "PSEQ 30 to 24: 6 points worse is important": ("pseq", 30, 24, -6, 20.0, True, "worse"),
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
def test_change_is_judged_against_the_minimal_important_change_for_its_direction(
    instrument_id, baseline, latest, points, percent, important, direction
):
    change = rules.change(INSTRUMENTS[instrument_id], baseline, latest)

    assert change == rules.Change(points, percent, important, direction, has_mic=True)


def test_every_threshold_names_its_source():
    for instrument in INSTRUMENTS.values():
        if instrument.mic_points is not None or instrument.mic_percent is not None:
            assert instrument.mic_source, instrument.id
        if instrument.mic_percent is not None:
            assert instrument.mic_floor_points, instrument.id


NO_MIC = ["startback", "orebro10"]


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
    change = rules.change(INSTRUMENTS["nrs"], 0, 2)  # worse by 2 points

    assert change.percent is None
    assert change.important and change.direction == "worse"


SADDLE = "Reduced sensation in the saddle area"
FEVER = "Combination: fever and feeling unwell"
CANCER = "History of cancer"
OVER_50 = "Over 50 with new pain"

# facts -> colour and the reasons, in the order the follow-up list shows them. Levels: 1 now,
# 2 the same day, 3 within a few days (all red until acknowledged), 4 at the next follow-up.
TRIAGE = {
    "no facts: green": (Facts(), GREEN, []),
    "an unacknowledged sign for now: red": (
        Facts(flags=[(1, SADDLE)]),
        RED,
        [Reason("red_flag", SADDLE, 1)],
    ),
    "an unacknowledged sign for the same day: red": (
        Facts(flags=[(2, FEVER)]),
        RED,
        [Reason("red_flag", FEVER, 2)],
    ),
    "an unacknowledged sign for within days: red": (
        Facts(flags=[(3, CANCER)]),
        RED,
        [Reason("red_flag", CANCER, 3)],
    ),
    "only a sign for the next follow-up: yellow, for review": (
        Facts(flags=[(4, OVER_50)]),
        YELLOW,
        [Reason("red_flag_review", OVER_50, 4)],
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
    "red beats yellow, and every reason is listed, most urgent first": (
        Facts(
            flags=[(4, OVER_50), (1, SADDLE), (3, CANCER)],
            worse=["Back pain", "RMDQ"],
            unanswered_since=NOW - timedelta(days=8),
            high_risk=True,
        ),
        RED,
        [
            Reason("red_flag", SADDLE, 1),
            Reason("red_flag", CANCER, 3),
            Reason("red_flag_review", OVER_50, 4),
            Reason("worse", "Back pain"),
            Reason("worse", "RMDQ"),
            Reason("no_answer"),
            Reason("high_risk_no_session"),
        ],
    ),
    "several yellow reasons stay yellow": (
        Facts(flags=[(4, OVER_50)], worse=["Back pain"]),
        YELLOW,
        [Reason("red_flag_review", OVER_50, 4), Reason("worse", "Back pain")],
    ),
}


@pytest.mark.parametrize(("facts", "colour", "reasons"), TRIAGE.values(), ids=TRIAGE.keys())
def test_triage_gives_the_colour_and_every_reason(facts, colour, reasons):
    assert rules.triage(facts, NOW) == (colour, reasons)


def test_red_sorts_before_yellow_before_green():
    assert sorted([GREEN, RED, YELLOW], key=rules.ORDER.get) == [RED, YELLOW, GREEN]
