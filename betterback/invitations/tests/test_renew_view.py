"""Renewing an invitation: the old link stops working and a new one is made."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from betterback.audit.models import Action, AuditEvent
from betterback.invitations.models import Invitation
from betterback.testing.factories import letter_invitation

LINK = re.compile(r"http://testserver/invitation/([A-Za-z0-9_-]+)/")


def renew(client, invitation):
    return client.post(reverse("invitations:renew", args=[invitation.pk]))


def accept_status(token):
    return Client().get(reverse("invitations:accept", args=[token])).status_code


def test_renewing_a_letter_revokes_the_old_link_and_prints_a_new_one(cast, client_for):
    old, old_token = letter_invitation(cast.lise, name="Nora Lund", delivery="letter")
    lise = client_for(cast.lise)

    response = renew(lise, old)

    new = Invitation.objects.exclude(pk=old.pk).get()
    assert response["Location"] == reverse("invitations:detail", args=[new.pk])
    page = lise.get(response["Location"]).content.decode()
    new_token = LINK.search(page).group(1)
    assert new_token != old_token
    assert (accept_status(old_token), accept_status(new_token)) == (410, 200)
    old.refresh_from_db()
    assert old.status == "revoked"
    assert (new.patient, new.delivery, new.invited_name) == (old.patient, "letter", "Nora Lund")
    event = AuditEvent.objects.filter(action=Action.INVITE).order_by("-id").first()
    assert event.detail == {"delivery": "letter", "replaces": old.pk}


def test_renewing_an_email_invitation_sends_a_new_email(cast, client_for):
    old, old_token = letter_invitation(cast.lise, delivery="email")
    mail.outbox.clear()

    renew(client_for(cast.lise), old)

    [email] = mail.outbox
    new_token = LINK.search(email.body).group(1)
    assert (accept_status(old_token), accept_status(new_token)) == (410, 200)


def test_an_accepted_invitation_is_not_renewed(cast, client_for):
    old, _ = letter_invitation(cast.lise)
    Invitation.objects.filter(pk=old.pk).update(used_at=timezone.now())

    response = renew(client_for(cast.lise), old)

    assert response["Location"] == reverse("invitations:detail", args=[old.pk])
    assert Invitation.objects.count() == 1


@pytest.mark.parametrize("who", ["olav", "karim"])
def test_another_clinician_cannot_renew(cast, client_for, who):
    old, old_token = letter_invitation(cast.lise)

    response = renew(client_for(getattr(cast, who)), old)

    assert response.status_code == 404
    assert Invitation.objects.count() == 1
    assert accept_status(old_token) == 200


def test_renew_only_answers_post(cast, client_for):
    old, _ = letter_invitation(cast.lise)

    response = client_for(cast.lise).get(reverse("invitations:renew", args=[old.pk]))

    assert response.status_code == 405
    assert Invitation.objects.count() == 1


def test_renewing_twice_from_the_old_page_leaves_only_the_newest_link_working(cast, client_for):
    old, _ = letter_invitation(cast.lise)
    lise = client_for(cast.lise)
    first = lise.get(renew(lise, old)["Location"]).content.decode()
    lost_letter_token = LINK.search(first).group(1)

    renew(lise, old)  # the clinician goes back to the old page and makes yet another letter

    assert accept_status(lost_letter_token) == 410
