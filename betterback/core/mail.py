"""Emails sent exactly once, from `betterback send_reminders` (run every minute).

A run first claims an email by creating its row (core.once.claim): a unique constraint allows one
row per email, so a second or parallel run skips it. Then it sends. When the mail server fails,
the claim is given back (the row deleted) and the next run tries again; when it works, the row is
marked sent."""

import logging
import smtplib
from dataclasses import dataclass

from django.utils import timezone

logger = logging.getLogger(__name__)


@dataclass
class Outcome:
    sent: int = 0
    failed: int = 0

    def __add__(self, other: "Outcome") -> "Outcome":
        return Outcome(self.sent + other.sent, self.failed + other.failed)


def send_claimed(claimed, outcome: Outcome, what: str, send, *args) -> bool:
    """Send the email ``claimed`` (a row with a ``sent_at``) by calling ``send(*args)``; then mark
    it sent, or give the claim back if the mail server failed. Counts in ``outcome``; ``what``
    names the email in the log."""
    try:
        send(*args)
    except (OSError, smtplib.SMTPException):
        logger.exception("Could not send %s", what)
        claimed.delete()
        outcome.failed += 1
        return False
    type(claimed).objects.filter(pk=claimed.pk).update(sent_at=timezone.now())
    outcome.sent += 1
    return True
