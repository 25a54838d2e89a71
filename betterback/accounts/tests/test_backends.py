"""The email backend: demo accounts work only on a development machine (DEBUG on)."""

import pytest
from django.contrib.auth import authenticate
from django.test import Client
from django.urls import reverse

from betterback.testing.cast import PASSWORD


@pytest.fixture
def demo_lise(cast):
    cast.lise.is_demo = True
    cast.lise.save()
    return cast.lise


@pytest.mark.parametrize(("debug", "can_log_in"), [(False, False), (True, True)])
def test_a_demo_account_logs_in_only_with_debug_on(demo_lise, settings, debug, can_log_in):
    settings.DEBUG = debug
    client = Client()

    client.post(reverse("accounts:login"), {"email": demo_lise.email, "password": PASSWORD})

    assert (client.session.get("_auth_user_id") == str(demo_lise.pk)) is can_log_in


def test_an_open_demo_session_ends_when_debug_is_off(demo_lise, settings, client_for):
    settings.DEBUG = True
    client = client_for(demo_lise)
    assert client.get(reverse("front:patient_list")).status_code == 200

    settings.DEBUG = False
    response = client.get(reverse("front:patient_list"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_ordinary_accounts_log_in_with_debug_off(cast, settings):
    settings.DEBUG = False

    assert authenticate(None, email="LISE@test.example", password=PASSWORD) == cast.lise
    assert authenticate(None, email="lise@test.example", password="wrong") is None
    assert authenticate(None, email=None, password=PASSWORD) is None
