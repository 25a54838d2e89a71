"""Graded activity as pure rules: the planned steps, the week of the plan, typed steps."""

from datetime import date, timedelta

import pytest

from betterback.plan.grading import amount_this_week, parse_steps, plan_steps, week_number

MONDAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("baseline", "weeks", "steps"),
    [
        (20, 8, [16, 18, 20, 22, 24, 26, 29, 32]),
        (20, 1, [16]),
        (20, 3, [16, 18, 20]),
        (10, 4, [8, 9, 10, 11]),
        (100, 3, [80, 88, 97]),
        (1, 4, [1, 2, 3, 4]),
        (2, 3, [2, 3, 4]),
    ],
)
def test_plan_steps_start_below_an_ordinary_day_and_go_up(baseline, weeks, steps):
    assert plan_steps(baseline, weeks) == steps


def test_plan_steps_default_to_eight_weeks():
    assert plan_steps(20) == [16, 18, 20, 22, 24, 26, 29, 32]


@pytest.mark.parametrize("baseline", [1, 2, 3, 5, 7, 11, 20, 45, 999])
def test_each_week_is_at_least_one_more_than_the_last(baseline):
    steps = plan_steps(baseline)

    assert len(steps) == 8
    assert steps[0] >= 1
    assert steps[0] <= baseline
    assert all(later >= earlier + 1 for earlier, later in zip(steps, steps[1:], strict=False))


def test_a_baseline_of_one_starts_at_one():
    assert plan_steps(1)[0] == 1


@pytest.mark.parametrize(("baseline", "weeks"), [(0, 8), (-5, 8), (20, 0), (20, -1)])
def test_plan_steps_refuse_a_baseline_or_length_below_one(baseline, weeks):
    with pytest.raises(ValueError):
        plan_steps(baseline, weeks)


@pytest.mark.parametrize(
    ("today", "week"),
    [
        (MONDAY - timedelta(days=1), None),
        (MONDAY - timedelta(days=30), None),
        (MONDAY, 1),
        (MONDAY + timedelta(days=6), 1),
        (MONDAY + timedelta(days=7), 2),
        (MONDAY + timedelta(days=13), 2),
        (MONDAY + timedelta(days=14), 3),
        (MONDAY + timedelta(weeks=20), 21),
    ],
)
def test_week_number(today, week):
    assert week_number(MONDAY, today) == week


@pytest.mark.parametrize(
    ("today", "amount"),
    [
        (MONDAY - timedelta(days=1), None),
        (MONDAY, 12),
        (MONDAY + timedelta(days=6), 12),
        (MONDAY + timedelta(days=7), 13),
        (MONDAY + timedelta(days=14), 15),
        (MONDAY + timedelta(days=20), 15),
        (MONDAY + timedelta(days=21), 15),
        (MONDAY + timedelta(weeks=30), 15),
    ],
)
def test_amount_this_week_and_the_last_amount_holds_after_the_plan(today, amount):
    assert amount_this_week([12, 13, 15], MONDAY, today) == amount


def test_no_steps_means_no_amount():
    assert amount_this_week([], MONDAY, MONDAY + timedelta(days=3)) is None


def test_a_plan_may_start_on_any_weekday():
    thursday = MONDAY + timedelta(days=3)

    assert week_number(thursday, MONDAY + timedelta(days=9)) == 1
    assert week_number(thursday, MONDAY + timedelta(days=10)) == 2


@pytest.mark.parametrize(
    ("text", "steps"),
    [
        ("12, 13, 15", [12, 13, 15]),
        ("12,13,15", [12, 13, 15]),
        (" 12 ;13; 15 ", [12, 13, 15]),
        ("12, 13, 15,", [12, 13, 15]),
        ("7", [7]),
        ("1, 1000", [1, 1000]),
        ("20, 18, 16", [20, 18, 16]),  # the clinician may plan steps down, too
        (", ".join(["5"] * 52), [5] * 52),
    ],
)
def test_parse_steps_reads_typed_steps(text, steps):
    assert parse_steps(text) == steps


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        ",,",
        "12, x",
        "twelve",
        "12.5, 13",
        "12 13",
        "0, 5",
        "-3, 5",
        "1001",
        ", ".join(["5"] * 53),
    ],
)
def test_parse_steps_refuses_anything_else(text):
    with pytest.raises(ValueError):
        parse_steps(text)
