"""The patient opens the invitation link, chooses a password and is in."""

import html
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

import betterback.settings as project_settings
from betterback.accounts.models import User
from betterback.audit.models import Action, AuditEvent
from betterback.invitations import services
from betterback.invitations.models import Invitation
from betterback.patients.models import CareRelationship
from betterback.testing.cast import PASSWORD
from betterback.testing.factories import letter_invitation

NEW_PASSWORD = "my back is getting better"


def url(token):
    return reverse("invitations:accept", args=[token])


def accept(client, token, password1=NEW_PASSWORD, password2=NEW_PASSWORD, language="en"):
    return client.post(
        url(token), {"password1": password1, "password2": password2, "language": language}
    )


def text(response):
    return html.unescape(response.content.decode())


def test_the_link_shows_who_invites_and_the_login_address(cast):
    _, token = letter_invitation(cast.lise, email="nora@test.example", language="da")

    response = Client().get(url(token))

    assert response.status_code == 200
    body = text(response)
    assert "Lise Holm" in body and "Rygklinikken Odense" in body and "nora@test.example" in body
    assert response.context["form"]["language"].value() == "da"


def test_accepting_creates_the_account_starts_care_and_logs_in(cast, settings):
    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS
    invitation, token = letter_invitation(cast.lise, name="Nora Lund", email="nora@test.example")
    client = Client()

    response = accept(client, token, language="en")

    assert (response.status_code, response["Location"]) == (302, reverse("front:patient_home"))
    user = User.objects.get(email="nora@test.example")
    assert user.password.startswith("argon2")
    assert user.check_password(NEW_PASSWORD)
    assert (user.language, user.full_name, user.patient) == ("en", "Nora Lund", invitation.patient)
    care = CareRelationship.objects.get(patient=invitation.patient)
    assert (care.clinician, care.clinic, care.is_active) == (cast.lise.clinician, cast.odense, True)
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.session.get_expiry_age() == settings.PATIENT_SESSION_SECONDS
    invitation.refresh_from_db()
    assert invitation.status == "used"
    [event] = AuditEvent.objects.filter(action=Action.ACCEPT)
    assert (event.actor, event.patient) == (user, invitation.patient)


def test_the_new_patient_lands_on_their_home_page_in_their_language(cast):
    _, token = letter_invitation(cast.lise)
    client = Client()

    response = client.post(
        url(token),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "language": "en"},
        follow=True,
    )

    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert "Lise Holm" in text(response)


def _used(cast, client_token):
    invitation, token = client_token
    invitation.used_at = timezone.now()
    invitation.save()
    return token


def _expired(cast, client_token):
    invitation, token = client_token
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    return token


def _revoked(cast, client_token):
    invitation, token = client_token
    services.renew(None, invitation, source="test")
    return token


def _unknown(cast, client_token):
    return "made-up-token-that-nobody-ever-issued"


UNUSABLE = {
    "used": (
        _used,
        "The invitation has already been used. If you set up your account, just log in.",
    ),
    "expired": (_expired, "The invitation has expired. Ask your clinic to send you a new one."),
    "revoked": (
        _revoked,
        "The invitation has been replaced by a newer one. Use the newest "
        "email or letter from your clinic.",
    ),
    "unknown": (
        _unknown,
        "We do not know this link. Check that the whole address was copied, "
        "or ask your clinic for a new invitation.",
    ),
}


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(("spoil", "message"), UNUSABLE.values(), ids=UNUSABLE.keys())
def test_an_unusable_link_shows_the_friendly_page_with_410(cast, spoil, message, method):
    token = spoil(cast, letter_invitation(cast.lise))
    client = Client()

    response = client.get(url(token)) if method == "get" else accept(client, token)

    assert response.status_code == 410
    with translation.override("da"):
        assert gettext(message) in text(response)
    assert not User.objects.filter(email="nora@test.example").exists()
    assert "_auth_user_id" not in client.session


def test_a_link_can_be_used_only_once(cast):
    _, token = letter_invitation(cast.lise)
    accept(Client(), token)

    response = accept(
        Client(), token, password1="another password 42", password2="another password 42"
    )

    assert response.status_code == 410
    assert User.objects.filter(email="nora@test.example").count() == 1


@pytest.mark.parametrize(
    ("password1", "password2", "field", "code"),
    [
        (NEW_PASSWORD, "my back is getting worse", "password2", "mismatch"),
        ("short1", "short1", "password1", "password_too_short"),
        ("password123", "password123", "password1", "password_too_common"),
        ("12345678901234", "12345678901234", "password1", "password_entirely_numeric"),
        ("nora@test.example", "nora@test.example", "password1", "password_too_similar"),
        ("", "", "password1", "required"),
    ],
    ids=["mismatch", "too short", "too common", "only digits", "like the email", "empty"],
)
def test_a_weak_or_mistyped_password_is_refused(cast, password1, password2, field, code):
    invitation, token = letter_invitation(cast.lise)

    response = accept(Client(), token, password1, password2)

    assert response.status_code == 200
    assert response.context["form"].has_error(field, code)
    assert 'id="error-summary"' in response.content.decode()
    assert not User.objects.filter(email="nora@test.example").exists()
    invitation.refresh_from_db()
    assert invitation.status == "open"


def test_the_mismatch_error_is_translated(cast):
    _, token = letter_invitation(cast.lise)

    response = accept(Client(), token, NEW_PASSWORD, "something else entirely")

    with translation.override("da"):
        assert gettext("The two passwords are not the same.") in text(response)


@pytest.fixture
def lise_invites_maja(cast):
    """Maja already has an account (in Karim's care); Lise invites her too."""
    return letter_invitation(cast.lise, email="maja@test.example", name="Maja S.")


def test_an_existing_patient_is_asked_to_log_in_first(cast, lise_invites_maja):
    _, token = lise_invites_maja

    response = Client().get(url(token))

    assert response.status_code == 200
    with translation.override("da"):
        assert gettext("Log in to accept the invitation") in text(response)
    assert f"/login/?next={url(token)}" in text(response)


def test_an_existing_patient_who_logs_in_and_accepts_gives_the_clinician_access(
    cast, lise_invites_maja, client_for
):
    _, token = lise_invites_maja
    maja = Client()
    login = maja.post(
        reverse("accounts:login"),
        {"email": "maja@test.example", "password": PASSWORD, "next": url(token)},
    )
    assert login["Location"] == url(token)
    assert maja.get(url(token)).status_code == 200
    overview = reverse("front:patient_overview", args=[cast.maja_patient.public_id])
    assert client_for(cast.lise).get(overview).status_code == 404

    response = maja.post(url(token))

    assert (response.status_code, response["Location"]) == (302, reverse("front:patient_home"))
    assert client_for(cast.lise).get(overview).status_code == 200
    assert set(
        CareRelationship.objects.active()
        .filter(patient=cast.maja_patient)
        .values_list("clinician__user__email", flat=True)
    ) == {"karim@test.example", "lise@test.example"}
    maja.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "da"
    with translation.override("da"):
        assert gettext("You are now connected with %(name)s.") % {"name": "Lise Holm"} in text(
            maja.get(reverse("front:patient_home"))
        )


@pytest.mark.parametrize("method", ["get", "post"])
def test_someone_else_logged_in_cannot_accept_for_an_existing_patient(
    cast, lise_invites_maja, client_for, method
):
    invitation, token = lise_invites_maja

    response = getattr(client_for(cast.peter), method)(url(token))

    assert response.status_code == 200
    assert response.templates[0].name == "invitations/login_first.html"
    assert not CareRelationship.objects.filter(
        patient=cast.maja_patient, clinician=cast.lise.clinician
    ).exists()
    invitation.refresh_from_db()
    assert invitation.status == "open"


def test_accepting_again_for_a_patient_already_in_care_adds_no_second_relationship(
    cast, client_for
):
    _, token = letter_invitation(cast.lise, email="peter@test.example", name="Peter")

    client_for(cast.peter).post(url(token))

    assert CareRelationship.objects.filter(patient=cast.peter_patient).count() == 1


def test_an_email_of_an_account_that_is_not_a_patient_cannot_be_invited(cast, client_for):
    User.objects.create_user(email="nobody@test.example", password=PASSWORD, full_name="No Body")

    response = client_for(cast.lise).post(
        reverse("invitations:invite"),
        {
            "full_name": "No Body",
            "email": "nobody@test.example",
            "delivery": "letter",
            "language": "da",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].has_error("email", "staff_email")
    assert not Invitation.objects.filter(patient__email="nobody@test.example").exists()
