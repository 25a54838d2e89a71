"""Week-by-week progress as pure rules: simple stand-ins in, one row per Monday-week out."""

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from betterback.selfcare.progress import Week, first_and_last, weeks

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
TODAY = date(2026, 3, 18)  # a Wednesday
THIS_MONDAY = date(2026, 3, 16)
LAST_MONDAY = date(2026, 3, 9)


def at(day: date, hour=12, minute=0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=COPENHAGEN)


def check_in(day, actions=(), confidence=5, pain=None, hour=12, minute=0):
    return SimpleNamespace(
        made_at=at(day, hour, minute),
        actions={f"a{n}": {"status": status, "amount": None} for n, status in enumerate(actions)},
        confidence=confidence,
        pain=pain,
    )


def review(week: date, attainment: int):
    return SimpleNamespace(week=week, attainment=attainment)


def flare(day: date, hour=12):
    return SimpleNamespace(started_at=at(day, hour))


def week_of(result, monday: date) -> Week:
    return next(w for w in result if w.start == monday)


def test_twelve_weeks_up_to_this_one_oldest_first():
    result = weeks([], [], [], TODAY)

    assert len(result) == 12
    assert result[-1].start == THIS_MONDAY
    assert result[0].start == THIS_MONDAY - timedelta(weeks=11)
    assert [w.start for w in result] == sorted(w.start for w in result)
    assert all(w.start.weekday() == 0 for w in result)


def test_the_number_of_weeks_can_be_chosen():
    assert [w.start for w in weeks([], [], [], TODAY, count=2)] == [LAST_MONDAY, THIS_MONDAY]


def test_weeks_without_data_have_no_values_and_no_flares():
    [week] = weeks([], [], [], TODAY, count=1)

    assert week == Week(
        start=THIS_MONDAY,
        check_ins=0,
        done_percent=None,
        confidence=None,
        pain=None,
        attainment=None,
        flares=0,
    )


def test_done_percent_counts_partly_as_half():
    result = weeks(
        [
            check_in(THIS_MONDAY, ["done", "partly"]),
            check_in(THIS_MONDAY + timedelta(days=1), ["not_done", "done"]),
        ],
        [],
        [],
        TODAY,
    )

    # 1 + 0.5 + 0 + 1 of 4 planned actions
    assert week_of(result, THIS_MONDAY).done_percent == 62
    assert week_of(result, THIS_MONDAY).check_ins == 2


@pytest.mark.parametrize(
    ("statuses", "percent"),
    [
        (["done"], 100),
        (["partly"], 50),
        (["not_done"], 0),
        (["partly", "partly", "not_done"], 33),
        (["done", "done", "partly"], 83),
    ],
)
def test_done_percent(statuses, percent):
    [week] = weeks([check_in(THIS_MONDAY, statuses)], [], [], TODAY, count=1)

    assert week.done_percent == percent


def test_a_check_in_without_actions_or_with_unknown_statuses_gives_no_done_percent():
    [week] = weeks(
        [check_in(THIS_MONDAY), check_in(THIS_MONDAY, ["", "maybe"])], [], [], TODAY, count=1
    )

    assert week.check_ins == 2
    assert week.done_percent is None


def test_confidence_and_pain_are_means_that_ignore_missing_answers():
    [week] = weeks(
        [
            check_in(THIS_MONDAY, confidence=6, pain=4),
            check_in(THIS_MONDAY, confidence=7, pain=None),
            check_in(THIS_MONDAY, confidence=8, pain=5),
        ],
        [],
        [],
        TODAY,
        count=1,
    )

    assert week.confidence == 7.0
    assert week.pain == 4.5


def test_means_are_rounded_to_one_decimal():
    [week] = weeks(
        [check_in(THIS_MONDAY, confidence=c, pain=p) for c, p in [(5, 1), (5, 2), (6, 2)]],
        [],
        [],
        TODAY,
        count=1,
    )

    assert week.confidence == 5.3
    assert week.pain == 1.7


def test_pain_is_none_when_nobody_answered_it():
    [week] = weeks([check_in(THIS_MONDAY, confidence=4)], [], [], TODAY, count=1)

    assert week.pain is None
    assert week.confidence == 4.0


def test_attainment_is_the_mean_of_the_weeks_goal_reviews():
    result = weeks(
        [],
        [review(THIS_MONDAY, 1), review(THIS_MONDAY, 2), review(LAST_MONDAY, -2)],
        [],
        TODAY,
    )

    assert week_of(result, THIS_MONDAY).attainment == 1.5
    assert week_of(result, LAST_MONDAY).attainment == -2.0
    assert week_of(result, LAST_MONDAY - timedelta(weeks=1)).attainment is None


def test_an_attainment_of_zero_is_a_value():
    [week] = weeks([], [review(THIS_MONDAY, 0)], [], TODAY, count=1)

    assert week.attainment == 0.0


def test_a_flare_counts_in_the_week_it_started_only():
    long_flare = flare(LAST_MONDAY + timedelta(days=5))  # Saturday, going on into this week
    result = weeks(
        [], [], [long_flare, flare(THIS_MONDAY), flare(THIS_MONDAY + timedelta(days=1))], TODAY
    )

    assert week_of(result, LAST_MONDAY).flares == 1
    assert week_of(result, THIS_MONDAY).flares == 2
    assert sum(w.flares for w in result) == 3


def test_a_week_with_only_a_flare_has_no_other_values():
    result = weeks([], [], [flare(LAST_MONDAY)], TODAY)

    week = week_of(result, LAST_MONDAY)
    assert (week.check_ins, week.done_percent, week.confidence, week.flares) == (0, None, None, 1)


def test_sunday_evening_and_monday_morning_fall_in_different_weeks():
    sunday = THIS_MONDAY - timedelta(days=1)
    result = weeks(
        [
            check_in(sunday, ["done"], confidence=3, hour=23, minute=59),
            check_in(THIS_MONDAY, ["not_done"], confidence=9, hour=0, minute=1),
        ],
        [],
        [],
        TODAY,
    )

    assert week_of(result, LAST_MONDAY).confidence == 3.0
    assert week_of(result, LAST_MONDAY).done_percent == 100
    assert week_of(result, THIS_MONDAY).confidence == 9.0
    assert week_of(result, THIS_MONDAY).done_percent == 0


def test_times_stored_in_utc_count_on_the_local_day():
    """The database gives times in UTC: Monday 00:30 in Copenhagen is Sunday 22:30 UTC, and a
    check-in made then belongs to Monday's week, as does a flare-up started then."""
    monday_half_past_midnight = at(THIS_MONDAY, 0, 30).astimezone(UTC)
    sunday_evening = at(THIS_MONDAY - timedelta(days=1), 23, 30).astimezone(UTC)
    result = weeks(
        [
            SimpleNamespace(made_at=monday_half_past_midnight, actions={}, confidence=9, pain=None),
            SimpleNamespace(made_at=sunday_evening, actions={}, confidence=3, pain=None),
        ],
        [],
        [SimpleNamespace(started_at=monday_half_past_midnight)],
        TODAY,
    )

    assert week_of(result, THIS_MONDAY).confidence == 9.0
    assert week_of(result, THIS_MONDAY).flares == 1
    assert week_of(result, LAST_MONDAY).confidence == 3.0
    assert week_of(result, LAST_MONDAY).flares == 0


def test_data_outside_the_weeks_shown_is_left_out():
    old = THIS_MONDAY - timedelta(weeks=12)
    result = weeks(
        [check_in(old, ["done"]), check_in(TODAY + timedelta(days=7), ["done"])],
        [review(old, 2)],
        [flare(old)],
        TODAY,
    )

    assert sum(w.check_ins for w in result) == 0
    assert all(w.attainment is None and w.flares == 0 for w in result)


def test_first_and_last_are_the_first_and_latest_weeks_with_a_value():
    result = weeks(
        [
            check_in(THIS_MONDAY - timedelta(weeks=5), confidence=4),
            check_in(THIS_MONDAY - timedelta(weeks=3), confidence=6),
            check_in(LAST_MONDAY, confidence=8, pain=2),
        ],
        [],
        [],
        TODAY,
    )

    assert first_and_last(result, "confidence") == (4.0, 8.0)
    assert first_and_last(result, "pain") is None  # only one week with pain
    assert first_and_last(result, "done_percent") is None
    assert first_and_last(result, "flares") == (0, 0)


def test_first_and_last_need_two_weeks_with_a_value():
    assert first_and_last([], "confidence") is None
    assert first_and_last(weeks([check_in(THIS_MONDAY)], [], [], TODAY), "confidence") is None
    assert first_and_last(
        weeks([], [review(LAST_MONDAY, -1), review(THIS_MONDAY, 0)], [], TODAY), "attainment"
    ) == (-1.0, 0.0)
