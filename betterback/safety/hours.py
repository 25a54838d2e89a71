"""Working hours: when an unacknowledged alert goes to the clinic administrator. Pure functions.

"2 working hours" after an alert raised at 15:30 on a Friday is 09:30 on Monday when the clinic
is open 8-16 on weekdays. Danish public holidays are closed days (Store Bededag until 2023, when it
was abolished). Times are in Europe/Copenhagen, so summer time is handled.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


@dataclass(frozen=True)
class OpeningHours:
    opens: time = time(8, 0)
    closes: time = time(16, 0)
    weekdays: frozenset[int] = frozenset(range(5))  # Monday 0 ... Sunday 6


def easter(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


@cache
def danish_holidays(year: int) -> frozenset[date]:
    """The Danish public holidays (helligdage) of a year."""
    sunday = easter(year)
    moving = [-3, -2, 0, 1, 39, 49, 50]  # Maundy Thursday ... Whit Monday
    if year < 2024:
        moving.append(26)  # Store Bededag, abolished from 2024
    fixed = [date(year, 1, 1), date(year, 12, 25), date(year, 12, 26)]
    return frozenset([sunday + timedelta(days=n) for n in moving] + fixed)


def is_open_day(day: date, hours: OpeningHours) -> bool:
    return day.weekday() in hours.weekdays and day not in danish_holidays(day.year)


def add_working_hours(start: datetime, amount: float, hours: OpeningHours) -> datetime:
    """The moment ``amount`` hours of opening time have passed since ``start`` (aware)."""
    if amount <= 0:
        return start
    left = timedelta(hours=amount)
    local = start.astimezone(COPENHAGEN)
    day = local.date()
    for _ in range(400):  # a year and more of closed days is a configuration error
        if is_open_day(day, hours):
            opens = datetime.combine(day, hours.opens, COPENHAGEN)
            closes = datetime.combine(day, hours.closes, COPENHAGEN)
            begin = max(opens, local)
            if begin < closes:
                if begin + left <= closes:
                    return (begin + left).astimezone(start.tzinfo)
                left -= closes - begin
        day += timedelta(days=1)
        local = datetime.combine(day, time(0, 0), COPENHAGEN)
    raise ValueError("no opening hours within 400 days")
