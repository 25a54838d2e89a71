"""An invitation's status, on a fixed clock."""

from datetime import datetime, timedelta
from unittest.mock import patch

import pytest
from django.utils import timezone

from betterback.invitations import services
from betterback.testing.factories import letter_invitation

NOON = timezone.make_aware(datetime(2026, 3, 2, 12, 0))


@pytest.fixture
def invitation(cast):
    with patch("django.utils.timezone.now", return_value=NOON):
        invitation, _ = letter_invitation(cast.lise)
    return invitation


def test_a_link_is_valid_for_the_configured_number_of_days(invitation, settings):
    assert invitation.expires_at == NOON + timedelta(days=settings.INVITATION_VALID_DAYS)


@pytest.mark.parametrize(
    ("after", "status"),
    [
        (timedelta(0), "open"),
        (timedelta(days=14) - timedelta(seconds=1), "open"),
        (timedelta(days=14), "expired"),
        (timedelta(days=30), "expired"),
    ],
)
def test_a_link_expires_exactly_when_its_time_is_up(invitation, after, status):
    with patch("django.utils.timezone.now", return_value=NOON + after):
        assert invitation.status == status


@pytest.mark.parametrize(
    ("used", "revoked", "expired", "status"),
    [
        (True, True, True, "used"),
        (False, True, True, "revoked"),
        (False, False, True, "expired"),
        (False, False, False, "open"),
    ],
)
def test_used_beats_revoked_beats_expired(invitation, used, revoked, expired, status):
    invitation.used_at = NOON if used else None
    invitation.revoked_at = NOON if revoked else None
    later = NOON + timedelta(days=20 if expired else 1)

    with patch("django.utils.timezone.now", return_value=later):
        assert invitation.status == status


def test_only_open_links_are_pending(cast, invitation):
    with patch("django.utils.timezone.now", return_value=NOON + timedelta(days=1)):
        assert list(services.pending_for(cast.lise.clinician)) == [invitation]
        assert list(services.pending_for(cast.karim.clinician)) == []
    with patch("django.utils.timezone.now", return_value=NOON + timedelta(days=15)):
        assert list(services.pending_for(cast.lise.clinician)) == []
