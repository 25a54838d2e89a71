"""Every test of sharing runs at one fixed moment unless it moves the clock."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

# A Tuesday morning in Copenhagen.
NOW = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Europe/Copenhagen"))


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    fixed = Clock(NOW)
    monkeypatch.setattr(timezone, "now", fixed)
    return fixed
