"""Graded activity as pure rules: start below what the person manages on an ordinary day, then
go up in small planned steps, week by week, whatever the pain does (time-contingent)."""

from datetime import date

MARGIN = 0.2  # start 20% below an ordinary day's amount
INCREASE = 0.1  # about 10% more each week (DOMAIN.md: a common heuristic is 10-20% per step)
WEEKS = 8


def plan_steps(baseline: int, weeks: int = WEEKS, margin=MARGIN, increase=INCREASE) -> list[int]:
    """The planned amount for week 1, 2, 3 ... Each week is at least one unit more than the last."""
    if baseline < 1 or weeks < 1:
        raise ValueError("baseline and weeks must be at least 1")
    steps = [max(1, round(baseline * (1 - margin)))]
    while len(steps) < weeks:
        steps.append(max(steps[-1] + 1, round(steps[-1] * (1 + increase))))
    return steps


def week_number(starts_on: date, today: date) -> int | None:
    """1 in the first week of the plan, 2 in the second ...; None before it starts."""
    if today < starts_on:
        return None
    return (today - starts_on).days // 7 + 1


def amount_this_week(steps: list[int], starts_on: date, today: date) -> int | None:
    """This week's planned amount; after the last planned week, the last amount holds."""
    week = week_number(starts_on, today)
    if week is None or not steps:
        return None
    return steps[min(week, len(steps)) - 1]


def parse_steps(text: str) -> list[int]:
    """Steps typed as "12, 13, 15". Raises ValueError for anything else."""
    steps = [int(part) for part in text.replace(";", ",").split(",") if part.strip()]
    if not steps or len(steps) > 52 or any(s < 1 or s > 1000 for s in steps):
        raise ValueError("steps")
    return steps
