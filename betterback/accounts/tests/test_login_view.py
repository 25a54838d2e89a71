"""Logging in: by email, throttled, audited, with a session length that fits the role."""

from datetime import timedelta
from unittest.mock import patch

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from betterback.accounts.models import FailedLogin
from betterback.audit.models import Action, AuditEvent
from betterback.testing.cast import PASSWORD

LOGIN = reverse("accounts:login")


def log_in(client, email, password=PASSWORD, **extra):
    return client.post(LOGIN, {"email": email, "password": password, **extra})


def logged_in_as(client):
    return client.session.get("_auth_user_id")


def wrong_login_message(language="da"):
    with translation.override(language):
        return gettext("The email address or the password is not right. Please try again.")


def locked_message(language="da"):
    minutes = django_settings.LOGIN_FAILURE_WINDOW_SECONDS // 60
    with translation.override(language):
        return ngettext(
            "Too many failed attempts. For your safety, logging in with this email "
            "address is paused for %(minutes)d minute.",
            "Too many failed attempts. For your safety, logging in with this email "
            "address is paused for %(minutes)d minutes.",
            minutes,
        ) % {"minutes": minutes}


@pytest.mark.parametrize(
    "email", ["lise@test.example", "LISE@TEST.EXAMPLE", "Lise@Test.Example", "  lise@test.example "]
)
def test_it_logs_in_by_email_whatever_its_case(cast, email):
    client = Client()

    response = log_in(client, email)

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert logged_in_as(client) == str(cast.lise.pk)


def test_a_login_is_audited(cast):
    log_in(Client(), "lise@test.example")

    [event] = AuditEvent.objects.filter(action=Action.LOGIN)
    assert (event.actor, event.source) == (cast.lise, "view:accounts:login")


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_wrong_password_gives_the_translated_error_and_is_audited(cast, language):
    client = Client()
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language

    response = log_in(client, "Lise@Test.Example", "not-the-password")

    assert response.status_code == 200
    assert wrong_login_message(language) in response.content.decode()
    assert logged_in_as(client) is None
    [event] = AuditEvent.objects.filter(action=Action.LOGIN_FAILED)
    assert (event.actor, event.actor_role, event.detail) == (
        None,
        "anonymous",
        {"email": "lise@test.example"},
    )


def test_the_danish_error_is_really_danish(cast):
    assert wrong_login_message("da") != wrong_login_message("en")


def test_an_unknown_address_gets_the_same_error_as_a_wrong_password(cast):
    response = log_in(Client(), "nobody@test.example")

    assert wrong_login_message() in response.content.decode()


def test_after_the_failure_limit_even_the_right_password_is_refused(cast, settings):
    client = Client()
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        log_in(client, "lise@test.example", "wrong-password")

    response = log_in(client, "LISE@test.example")

    assert response.status_code == 200
    assert locked_message() in response.content.decode()
    assert logged_in_as(client) is None
    assert AuditEvent.objects.filter(action=Action.LOGIN_FAILED).count() == 5
    assert not AuditEvent.objects.filter(action=Action.LOGIN).exists()


def test_one_failure_less_than_the_limit_still_lets_the_right_password_in(cast, settings):
    client = Client()
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        log_in(client, "lise@test.example", "wrong-password")

    log_in(client, "lise@test.example")

    assert logged_in_as(client) == str(cast.lise.pk)
    assert not FailedLogin.objects.filter(email="lise@test.example").exists()


def test_a_locked_address_does_not_lock_other_addresses(cast, settings):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        log_in(Client(), "lise@test.example", "wrong-password")
    client = Client()

    log_in(client, "peter@test.example")

    assert logged_in_as(client) == str(cast.peter.pk)


def test_the_lock_opens_when_the_window_has_passed(cast, settings):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        log_in(Client(), "lise@test.example", "wrong-password")
    later = timezone.now() + timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS + 1)
    client = Client()

    with patch("django.utils.timezone.now", return_value=later):
        log_in(client, "lise@test.example")

    assert logged_in_as(client) == str(cast.lise.pk)


def test_old_failures_do_not_count(cast, settings):
    long_ago = timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS + 60)
    FailedLogin.objects.bulk_create(
        [FailedLogin(email="lise@test.example", at=long_ago)] * settings.LOGIN_FAILURE_LIMIT
    )
    client = Client()

    log_in(client, "lise@test.example")

    assert logged_in_as(client) == str(cast.lise.pk)


@pytest.mark.parametrize(
    ("who", "setting"),
    [
        ("lise", "CLINICIAN_SESSION_SECONDS"),
        ("anne", "CLINICIAN_SESSION_SECONDS"),
        ("staff", "CLINICIAN_SESSION_SECONDS"),
        ("peter", "PATIENT_SESSION_SECONDS"),
    ],
)
def test_the_session_lasts_as_long_as_the_role_allows(cast, settings, who, setting):
    client = Client()

    log_in(client, getattr(cast, who).email)

    assert client.session.get_expiry_age() == getattr(settings, setting)
    assert settings.CLINICIAN_SESSION_SECONDS < settings.PATIENT_SESSION_SECONDS


def test_an_inactive_user_cannot_log_in(cast):
    cast.lise.is_active = False
    cast.lise.save()
    client = Client()

    response = log_in(client, "lise@test.example")

    assert response.status_code == 200
    assert logged_in_as(client) is None


@pytest.mark.parametrize(
    ("next_url", "landing"),
    [
        ("/clinic/", "/clinic/"),
        ("/me/?tab=1", "/me/?tab=1"),
        ("http://testserver/clinic/", "http://testserver/clinic/"),
        ("https://evil.example/", "/"),
        ("//evil.example/clinic/", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
        ("", "/"),
    ],
)
def test_next_only_leads_to_the_same_site(cast, next_url, landing):
    client = Client()

    response = log_in(client, "lise@test.example", next=next_url)

    assert response.status_code == 302
    assert response["Location"] == landing


def test_the_login_page_keeps_a_safe_next_and_drops_an_unsafe_one(db):
    safe = Client().get(LOGIN, {"next": "/clinic/"})
    unsafe = Client().get(LOGIN, {"next": "https://evil.example/"})

    assert 'name="next" value="/clinic/"' in safe.content.decode()
    assert unsafe.context["next"] == ""
    assert 'name="next" value="https://evil' not in unsafe.content.decode()


def test_a_logged_in_user_is_sent_home_from_the_login_page(cast, client_for):
    response = client_for(cast.peter).get(LOGIN)

    assert (response.status_code, response["Location"]) == (302, "/")


def test_the_login_page_is_never_cached(db):
    response = Client().get(LOGIN)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_the_login_form_is_protected_against_cross_site_posts(cast):
    client = Client(enforce_csrf_checks=True)

    response = log_in(client, "lise@test.example")

    assert response.status_code == 403
    assert logged_in_as(client) is None
