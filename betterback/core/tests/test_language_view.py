"""The language switch: a cookie for visitors, the user's own setting once logged in."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

LANGUAGE = reverse("accounts:set_language")


def test_a_visitor_gets_a_language_cookie_and_the_next_page_in_that_language(db):
    client = Client()

    response = client.post(LANGUAGE, {"language": "en", "next": "/login/"})

    assert (response.status_code, response["Location"]) == (302, "/login/")
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    page = client.get("/login/")
    assert page["Content-Language"] == "en"
    assert '<html lang="en">' in page.content.decode()


@pytest.mark.parametrize("who", ["lise", "peter", "anne"])
def test_a_logged_in_user_keeps_the_choice_on_their_account(cast, client_for, who):
    user = getattr(cast, who)
    client = client_for(user)

    client.post(LANGUAGE, {"language": "en", "next": "/"})

    user.refresh_from_db()
    assert user.language == "en"
    other_device = client_for(user)
    assert other_device.get(reverse("front:start"), follow=True)["Content-Language"] == "en"


def test_the_users_own_language_wins_over_the_cookie(cast, client_for):
    client = client_for(cast.peter)  # Peter's language is Danish
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(reverse("front:patient_home"))

    assert response["Content-Language"] == "da"


@pytest.mark.parametrize("language", ["fr", "", "de-DE"])
def test_an_unknown_language_changes_nothing(cast, client_for, language):
    client = client_for(cast.peter)

    response = client.post(LANGUAGE, {"language": language, "next": "/me/"})

    assert response.status_code == 302
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    cast.peter.refresh_from_db()
    assert cast.peter.language == "da"


@pytest.mark.parametrize(
    ("next_url", "landing"),
    [
        ("/me/materials/what-matters/", "/me/materials/what-matters/"),
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
        ("", "/"),
    ],
)
def test_it_returns_only_to_a_page_on_the_same_site(db, next_url, landing):
    response = Client().post(LANGUAGE, {"language": "en", "next": next_url})

    assert response["Location"] == landing


def test_the_switch_only_answers_post(db):
    assert Client().get(LANGUAGE).status_code == 405
