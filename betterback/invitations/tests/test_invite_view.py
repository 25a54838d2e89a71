"""A clinician invites a patient by email or by a printed letter."""

import html
import re
import smtplib
from unittest.mock import patch

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from betterback.audit.models import Action, AuditEvent
from betterback.invitations.models import Invitation, hash_token
from betterback.patients.models import CareRelationship, Patient
from betterback.testing.factories import fill_what_matters

INVITE = reverse("invitations:invite")
MAJA_ACTIVITY = "Dance tango on Thursdays"
LINK = re.compile(r"http://testserver/invitation/([A-Za-z0-9_-]+)/")


def invite(
    client, email="nora@test.example", name="Nora Lund", delivery="email", language="da", **kwargs
):
    return client.post(
        INVITE,
        {"full_name": name, "email": email, "delivery": delivery, "language": language},
        **kwargs,
    )


def test_the_invite_page_shows_the_form(cast, client_for):
    response = client_for(cast.lise).get(INVITE)

    assert response.status_code == 200
    assert set(response.context["form"].fields) == {"full_name", "email", "delivery", "language"}


def test_an_email_invitation_sends_one_email_with_the_link(cast, client_for):
    response = invite(client_for(cast.lise), email="Nora@Test.Example")

    invitation = Invitation.objects.get()
    assert response["Location"] == reverse("invitations:detail", args=[invitation.pk])
    [email] = mail.outbox
    assert email.to == ["nora@test.example"]
    token = LINK.search(email.body).group(1)
    assert Invitation.objects.get(token_hash=hash_token(token)) == invitation
    assert "Lise Holm" in email.body and "Rygklinikken Odense" in email.subject + email.body


def test_the_invitation_creates_the_patient_but_no_account_or_care_yet(cast, client_for):
    invite(client_for(cast.lise))

    patient = Patient.objects.get(email="nora@test.example")
    assert (patient.full_name, patient.user) == ("Nora Lund", None)
    assert not CareRelationship.objects.filter(patient=patient).exists()
    invitation = Invitation.objects.get()
    assert (invitation.patient, invitation.clinician, invitation.status) == (
        patient,
        cast.lise.clinician,
        "open",
    )
    [event] = AuditEvent.objects.filter(action=Action.INVITE)
    assert (event.actor, event.patient, event.detail) == (cast.lise, patient, {"delivery": "email"})


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_email_is_written_in_the_invitations_language(cast, client_for, language):
    invite(client_for(cast.lise), language=language)

    [email] = mail.outbox
    with translation.override(language):
        ignore = gettext("If you did not expect this email, you can ignore it.")
    assert ignore in email.body


def test_the_email_holds_no_health_data(cast, client_for):
    fill_what_matters(cast.maja_patient, actor=cast.karim, text=MAJA_ACTIVITY, area="leisure")

    invite(client_for(cast.lise), email="maja@test.example", name="Maja Sørensen")

    [email] = mail.outbox
    text = email.subject + email.body
    assert LINK.search(email.body)
    for health_data in (
        MAJA_ACTIVITY,
        "Fritid og interesser",
        "Leisure",
        "Karim Nasser",
        "Kiropraktorhuset Vejle",
        "what-matters",
        "Det, der betyder noget",
    ):
        assert health_data not in text


def test_a_letter_invitation_shows_a_qr_code_and_the_link(cast, client_for):
    lise = client_for(cast.lise)

    response = invite(lise, delivery="letter", follow=True)

    assert mail.outbox == []
    body = html.unescape(response.content.decode())
    assert '<svg width="' in body and 'class="segno"' in body
    token = LINK.search(body).group(1)
    assert client_for(None).get(reverse("invitations:accept", args=[token])).status_code == 200
    assert "Nora Lund" in body


def test_an_email_invitation_page_shows_no_link_and_no_qr_code(cast, client_for):
    response = invite(client_for(cast.lise), follow=True)

    body = response.content.decode()
    assert not LINK.search(body)
    assert 'class="segno"' not in body
    with translation.override("da"):
        assert gettext("The invitation has been sent by email.") in html.unescape(body)


@pytest.mark.parametrize("who", ["lise", "olav", "karim", "anne", "staff"])
def test_an_email_of_a_staff_account_is_refused(cast, client_for, who):
    email = getattr(cast, who).email.upper()

    response = invite(client_for(cast.lise), email=email)

    assert response.status_code == 200
    assert response.context["form"].has_error("email", "staff_email")
    with translation.override("da"):
        message = gettext(
            "This email address belongs to an account that is not a patient's. "
            "Use the patient's own address."
        )
    assert message in html.unescape(response.content.decode())
    assert not Invitation.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "fields",
    [
        {"full_name": ""},
        {"email": "not-an-email"},
        {"delivery": "pigeon"},
        {"language": "fr"},
    ],
    ids=["no name", "bad email", "unknown delivery", "unknown language"],
)
def test_an_incomplete_invitation_is_not_made(cast, client_for, fields):
    data = {
        "full_name": "Nora Lund",
        "email": "nora@test.example",
        "delivery": "email",
        "language": "da",
        **fields,
    }

    response = client_for(cast.lise).post(INVITE, data)

    assert response.status_code == 200
    assert 'id="error-summary"' in response.content.decode()
    assert (
        not Invitation.objects.exists()
        and not Patient.objects.filter(email="nora@test.example").exists()
    )


def test_inviting_an_existing_patient_does_not_reveal_their_stored_name(cast, client_for):
    response = invite(
        client_for(cast.lise),
        email="maja@test.example",
        name="M. S.",
        delivery="letter",
        follow=True,
    )

    body = response.content.decode()
    assert "M. S." in body
    assert "Maja Sørensen" not in body
    assert Patient.objects.filter(email="maja@test.example").count() == 1
    assert Invitation.objects.get().patient == cast.maja_patient


def test_a_failing_mail_server_keeps_the_invitation_and_says_so(cast, client_for):
    with patch(
        "betterback.invitations.services.send_mail",
        side_effect=smtplib.SMTPException("server down"),
    ):
        response = invite(client_for(cast.lise), follow=True)

    assert response.status_code == 200
    assert Invitation.objects.get().status == "open"
    [message] = list(response.context["messages"])
    assert message.level_tag == "error"
