"""Logging out ends the session on the server, not only in the browser."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from betterback.audit.models import Action, AuditEvent
from betterback.testing.cast import PASSWORD

LOGOUT = reverse("accounts:logout")


@pytest.fixture
def lise(cast):
    client = Client()
    client.post(reverse("accounts:login"), {"email": "lise@test.example", "password": PASSWORD})
    assert client.session.get("_auth_user_id") == str(cast.lise.pk)
    return client


def test_logout_only_answers_post(lise):
    response = lise.get(LOGOUT)

    assert response.status_code == 405
    assert lise.get(reverse("front:patient_list")).status_code == 200


def test_logout_deletes_the_session_on_the_server(cast, lise):
    old_key = lise.cookies[settings.SESSION_COOKIE_NAME].value
    assert Session.objects.filter(session_key=old_key).exists()

    response = lise.post(LOGOUT)

    assert (response.status_code, response["Location"]) == (302, reverse("accounts:login"))
    assert not Session.objects.filter(session_key=old_key).exists()


def test_the_old_session_cookie_is_worthless_after_logout(cast, lise):
    old_key = lise.cookies[settings.SESSION_COOKIE_NAME].value
    lise.post(LOGOUT)
    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = old_key

    response = thief.get(reverse("front:patient_list"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_logout_is_audited(cast, lise):
    lise.post(LOGOUT)

    [event] = AuditEvent.objects.filter(action=Action.LOGOUT)
    assert event.actor == cast.lise


def test_logging_out_when_not_logged_in_just_goes_to_login(db):
    response = Client().post(LOGOUT)

    assert (response.status_code, response["Location"]) == (302, reverse("accounts:login"))
    assert not AuditEvent.objects.exists()
