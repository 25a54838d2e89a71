"""When a share ends: the patient's choice of period, counted from today in Copenhagen."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from betterback.sharing.expiry import expires_at, last_day
from betterback.sharing.models import Share

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


@pytest.mark.parametrize(
    ("period", "today", "last"),
    [
        ("1w", date(2026, 3, 10), date(2026, 3, 17)),
        ("1w", date(2026, 12, 28), date(2027, 1, 4)),
        ("1m", date(2026, 3, 10), date(2026, 4, 10)),
        ("1m", date(2026, 12, 15), date(2027, 1, 15)),
        # A shorter month ends the share on its last day.
        ("1m", date(2026, 1, 31), date(2026, 2, 28)),
        ("1m", date(2028, 1, 31), date(2028, 2, 29)),
        ("1m", date(2026, 3, 31), date(2026, 4, 30)),
        ("3m", date(2026, 3, 10), date(2026, 6, 10)),
        ("3m", date(2026, 11, 30), date(2027, 2, 28)),
        ("6m", date(2026, 3, 10), date(2026, 9, 10)),
        ("6m", date(2026, 8, 31), date(2027, 2, 28)),
    ],
)
def test_the_last_day_is_the_chosen_period_from_today(period, today, last):
    assert last_day(period, today) == last


@pytest.mark.parametrize(
    ("last", "end"),
    [
        # Winter time, the night summer time begins (at 02:00, after midnight), summer time.
        (date(2026, 3, 10), datetime(2026, 3, 11, 0, 0, tzinfo=COPENHAGEN)),
        (date(2026, 3, 28), datetime(2026, 3, 29, 0, 0, tzinfo=COPENHAGEN)),
        (date(2026, 7, 1), datetime(2026, 7, 2, 0, 0, tzinfo=COPENHAGEN)),
    ],
)
def test_a_share_works_to_the_end_of_its_last_day_in_copenhagen(last, end):
    assert expires_at(last) == end
    assert Share(expires_at=expires_at(last)).last_day == last


def test_an_unknown_period_is_an_error():
    with pytest.raises(KeyError):
        last_day("2y", date(2026, 3, 10))
