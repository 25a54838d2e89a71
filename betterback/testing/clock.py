"""A stopped clock for tests: ``timezone.now()`` returns what the test says until it moves on."""

from django.utils import timezone


class Clock:
    """A fixed clock for ``timezone.now()``; a test moves it on by setting ``now``."""

    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


def stop_the_clock(monkeypatch, now) -> Clock:
    """Make ``timezone.now()`` return ``now`` for the rest of the test (the live server of a
    browser test runs in the same process, so it sees the same time)."""
    clock = Clock(now)
    monkeypatch.setattr(timezone, "now", clock)
    return clock
