"""Working hours, for the escalation of an unacknowledged alert: opening hours on weekdays, Danish
public holidays closed, Copenhagen time through summer time. Pure functions."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from betterback.safety.hours import OpeningHours, add_working_hours, danish_holidays, easter

CPH = ZoneInfo("Europe/Copenhagen")
CLINIC = OpeningHours()  # 8-16, Monday to Friday


def at(y, m, d, hh, mm=0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=CPH)


@pytest.mark.parametrize(
    ("year", "sunday"),
    [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2026, date(2026, 4, 5)),
     (2027, date(2027, 3, 28)), (2038, date(2038, 4, 25))],
)  # fmt: skip
def test_easter_sunday(year, sunday):
    assert easter(year) == sunday


def test_the_danish_public_holidays_of_2026():
    assert sorted(danish_holidays(2026)) == [
        date(2026, 1, 1),  # New Year's Day
        date(2026, 4, 2),  # Maundy Thursday
        date(2026, 4, 3),  # Good Friday
        date(2026, 4, 5),  # Easter Sunday
        date(2026, 4, 6),  # Easter Monday
        date(2026, 5, 14),  # Ascension Day
        date(2026, 5, 24),  # Whit Sunday
        date(2026, 5, 25),  # Whit Monday
        date(2026, 12, 25),
        date(2026, 12, 26),
    ]


def test_store_bededag_was_a_holiday_until_2023():
    assert date(2023, 5, 5) in danish_holidays(2023)
    assert date(2024, 4, 26) not in danish_holidays(2024)


# raised at -> two working hours later
TWO_HOURS = {
    "Tuesday morning: the same morning": (at(2026, 12, 8, 9), at(2026, 12, 8, 11)),
    "Tuesday 15:30: half an hour now, the rest on Wednesday": (
        at(2026, 12, 8, 15, 30),
        at(2026, 12, 9, 9, 30),
    ),
    "Friday 15:30: Monday 09:30": (at(2026, 12, 11, 15, 30), at(2026, 12, 14, 9, 30)),
    "Saturday: Monday 10:00": (at(2026, 12, 12, 11), at(2026, 12, 14, 10)),
    "before opening: two hours after opening": (at(2026, 12, 8, 6, 10), at(2026, 12, 8, 10)),
    "after closing: the next morning": (at(2026, 12, 8, 19), at(2026, 12, 9, 10)),
    "Maundy Thursday 2026: the Tuesday after Easter": (
        at(2026, 4, 1, 15),
        at(2026, 4, 7, 9),
    ),
    "across the start of summer time": (at(2026, 3, 27, 15), at(2026, 3, 30, 9)),
    "exactly at closing: the next morning": (at(2026, 12, 8, 16), at(2026, 12, 9, 10)),
}


@pytest.mark.parametrize(("raised", "due"), TWO_HOURS.values(), ids=TWO_HOURS.keys())
def test_two_working_hours_after(raised, due):
    assert add_working_hours(raised, 2, CLINIC) == due


def test_a_clinic_with_its_own_hours():
    evening = OpeningHours(opens=time(12, 0), closes=time(20, 0))

    assert add_working_hours(at(2026, 12, 8, 19), 2, evening) == at(2026, 12, 9, 13)


def test_the_result_keeps_the_time_zone_of_the_start():
    utc = datetime(2026, 12, 8, 8, 0, tzinfo=ZoneInfo("UTC"))  # 09:00 in Copenhagen

    due = add_working_hours(utc, 1.5, CLINIC)

    assert due.tzinfo == utc.tzinfo
    assert due == at(2026, 12, 8, 10, 30)


def test_no_time_is_no_wait():
    assert add_working_hours(at(2026, 12, 12, 11), 0, CLINIC) == at(2026, 12, 12, 11)
