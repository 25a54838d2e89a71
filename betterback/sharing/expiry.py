"""When a share ends: pure date rules, no database and no clock of their own."""

import calendar
from datetime import date, datetime, time, timedelta

from django.utils import timezone

MONTHS = {"1m": 1, "3m": 3, "6m": 6}


def last_day(period: str, today: date) -> date:
    """The last day a share made today works. A month ahead is the same day of the month, or
    the month's last day when it is shorter (31 January + 1 month = 28 or 29 February)."""
    if period == "1w":
        return today + timedelta(days=7)
    months = MONTHS[period]
    index = today.month - 1 + months
    year, month = today.year + index // 12, index % 12 + 1
    return date(year, month, min(today.day, calendar.monthrange(year, month)[1]))


def expires_at(last: date) -> datetime:
    """The moment a share whose last day is `last` stops working: the next local midnight."""
    return timezone.make_aware(
        datetime.combine(last + timedelta(days=1), time.min), timezone.get_default_timezone()
    )
