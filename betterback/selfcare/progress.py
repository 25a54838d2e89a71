"""Week-by-week progress from check-ins, goal reviews and flare-ups. Pure: lists in, weeks out."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import mean

from django.utils import timezone

DONE_SHARE = {"done": 1.0, "partly": 0.5, "not_done": 0.0}


@dataclass(frozen=True)
class Week:
    start: date
    check_ins: int
    done_percent: float | None  # planned actions done (partly counts half), in per cent
    confidence: float | None
    pain: float | None
    attainment: float | None  # mean goal review, -2 to +2
    flares: int  # flare-ups that started this week


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _day(moment: datetime) -> date:
    """The local calendar day of a time. Times from the database are in UTC: a check-in made at
    00:30 on a Monday in Copenhagen is stored as Sunday 22:30 and still belongs to Monday."""
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(mean(values), 1) if values else None


def weeks(check_ins, reviews, flares, today: date, count: int = 12) -> list[Week]:
    """The last ``count`` weeks up to this one, oldest first. ``check_ins`` need .made_at,
    .actions, .confidence, .pain; ``reviews`` .week and .attainment; ``flares`` .started_at."""
    first = _monday(today) - timedelta(weeks=count - 1)
    result = []
    for index in range(count):
        start = first + timedelta(weeks=index)
        end = start + timedelta(weeks=1)
        these = [c for c in check_ins if start <= _day(c.made_at) < end]
        statuses = [a.get("status") for c in these for a in c.actions.values()]
        shares = [DONE_SHARE[s] for s in statuses if s in DONE_SHARE]
        result.append(
            Week(
                start=start,
                check_ins=len(these),
                done_percent=round(100 * sum(shares) / len(shares)) if shares else None,
                confidence=_mean(c.confidence for c in these),
                pain=_mean(c.pain for c in these),
                attainment=_mean(r.attainment for r in reviews if start <= r.week < end),
                flares=sum(1 for f in flares if start <= _day(f.started_at) < end),
            )
        )
    return result


def first_and_last(weeks_: list[Week], attribute: str) -> tuple[float, float] | None:
    """The first and the latest week with a value, for the plain-language summary."""
    values = [getattr(w, attribute) for w in weeks_ if getattr(w, attribute) is not None]
    return (values[0], values[-1]) if len(values) >= 2 else None
