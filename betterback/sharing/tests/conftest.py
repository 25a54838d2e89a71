"""Every test of sharing runs at one fixed moment unless it moves the clock."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from betterback.testing.clock import stop_the_clock

# A Tuesday morning in Copenhagen.
NOW = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Europe/Copenhagen"))


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    return stop_the_clock(monkeypatch, NOW)
