"""The invitation's page for the clinician who made it: status, and the letter to print."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from betterback.audit.models import Action, AuditEvent
from betterback.invitations.models import Invitation
from betterback.testing.factories import letter_invitation

LINK = re.compile(r"http://testserver/invitation/([A-Za-z0-9_-]+)/")


@pytest.fixture
def lise(cast, client_for):
    return client_for(cast.lise)


@pytest.fixture
def letter(lise):
    """Lise invites Nora by letter; returns the invitation."""
    lise.post(
        reverse("invitations:invite"),
        {
            "full_name": "Nora Lund",
            "email": "nora@test.example",
            "delivery": "letter",
            "language": "en",
        },
    )
    return Invitation.objects.get()


def detail(invitation):
    return reverse("invitations:detail", args=[invitation.pk])


def test_the_letter_is_written_in_the_patients_language(lise, letter):
    response = lise.get(detail(letter))

    body = response.content.decode()
    assert LINK.search(body)
    with translation.override("da"):
        danish_dear = gettext("Dear %(name)s") % {"name": "Nora Lund"}
    assert "Dear Nora Lund" in body  # the letter is in English ...
    assert danish_dear != "Dear Nora Lund" and danish_dear not in body
    assert response["Content-Language"] == "da"  # ... on Lise's Danish page


def test_the_letter_is_only_shown_in_the_session_that_made_it(cast, letter, client_for):
    response = client_for(cast.lise).get(detail(letter))  # a new login: a new session

    assert response.status_code == 200
    assert not LINK.search(response.content.decode())
    assert 'class="segno"' not in response.content.decode()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"used_at": timezone.now()}, "The patient has accepted the invitation."),
        ({"expires_at": timezone.now() - timedelta(seconds=1)}, "The link has expired."),
        ({"revoked_at": timezone.now()}, "This link has been replaced by a newer one."),
    ],
    ids=["used", "expired", "revoked"],
)
def test_a_link_that_no_longer_works_shows_its_status_and_no_letter(lise, letter, change, message):
    Invitation.objects.filter(pk=letter.pk).update(**change)

    response = lise.get(detail(letter))

    body = response.content.decode()
    with translation.override("da"):
        assert gettext(message) in body
    assert not LINK.search(body)


def test_another_clinician_gets_not_found_and_the_refusal_is_audited(cast, letter, client_for):
    response = client_for(cast.olav).get(detail(letter))

    assert response.status_code == 404
    assert "Nora Lund" not in response.content.decode()
    event = AuditEvent.objects.filter(action=Action.REFUSED).get()
    assert (event.actor, event.detail) == (cast.olav, {"reason": "not_own_invitation"})


def test_an_unknown_invitation_is_not_found(lise, db):
    assert lise.get(reverse("invitations:detail", args=[999999])).status_code == 404


def test_opening_an_invitation_is_logged_as_a_read_of_the_patient(cast, client_for):
    invitation, _ = letter_invitation(cast.lise)

    client_for(cast.lise).get(reverse("invitations:detail", args=[invitation.pk]))

    event = AuditEvent.objects.get(action=Action.READ, target=f"invitation:{invitation.pk}")
    assert (event.actor, event.patient, event.source) == (
        cast.lise,
        invitation.patient,
        "view:invitations:detail",
    )
