"""The invitation service on its own: accepting re-checks the link under a row lock, so two
quick submits (or a page opened before the link was replaced) cannot use it twice."""

from datetime import timedelta

import pytest
from django.utils import timezone

from betterback.accounts.models import User
from betterback.invitations import services
from betterback.invitations.models import Invitation
from betterback.patients.models import CareRelationship
from betterback.testing.factories import letter_invitation


def accept(token, user=None):
    return services.accept(
        token=token,
        password="my back is getting better",
        language="da",
        user=user,
        source="test",
    )


SPOIL = {
    "used": {"used_at": timezone.now()},
    "revoked": {"revoked_at": timezone.now()},
    "expired": {"expires_at": timezone.now() - timedelta(seconds=1)},
}


@pytest.mark.parametrize(("status", "change"), SPOIL.items(), ids=SPOIL.keys())
def test_accepting_a_link_that_changed_meanwhile_is_refused(cast, status, change):
    invitation, token = letter_invitation(cast.lise)
    Invitation.objects.filter(pk=invitation.pk).update(**change)

    with pytest.raises(services.InvitationUnusable) as raised:
        accept(token)

    assert raised.value.status == status
    assert not User.objects.filter(email="nora@test.example").exists()


def test_accepting_an_unknown_token_is_refused(db):
    with pytest.raises(services.InvitationUnusable) as raised:
        accept("no-such-token")

    assert raised.value.status == "unknown"


def test_the_second_of_two_quick_submits_is_refused(cast):
    _, token = letter_invitation(cast.lise)
    accept(token)

    with pytest.raises(services.InvitationUnusable) as raised:
        accept(token)

    assert raised.value.status == "used"
    assert User.objects.filter(email="nora@test.example").count() == 1


@pytest.mark.parametrize("who", [None, "peter"])
def test_an_existing_account_can_only_accept_while_logged_in_as_itself(cast, who):
    invitation, token = letter_invitation(cast.lise, email="maja@test.example")

    with pytest.raises(services.InvitationUnusable) as raised:
        accept(token, user=getattr(cast, who) if who else None)

    assert raised.value.status == "needs_login"
    invitation.refresh_from_db()
    assert invitation.status == "open"
    assert not CareRelationship.objects.filter(
        patient=cast.maja_patient, clinician=cast.lise.clinician
    ).exists()


def test_the_token_itself_is_never_stored(cast):
    invitation, token = letter_invitation(cast.lise)

    stored = Invitation.objects.filter(pk=invitation.pk).values().get()
    assert token not in {str(value) for value in stored.values()}
    assert len(invitation.token_hash) == 64
