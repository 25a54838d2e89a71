"""Security headers on every page, and Danish first whatever the browser asks for."""

import pytest
from django.test import Client
from django.urls import reverse

from betterback.content.pack import pack

PAGES = [
    (None, "accounts:login", 200),
    (None, "front:start", 302),
    ("lise", "front:patient_list", 200),
    ("peter", "front:patient_home", 200),
    ("anne", "front:admin_overview", 200),
    ("peter", "front:patient_list", 403),
]


@pytest.mark.parametrize(("who", "view", "status"), PAGES)
def test_every_page_carries_the_security_headers(cast, client_for, who, view, status):
    response = client_for(getattr(cast, who) if who else None).get(reverse(view))

    assert response.status_code == status
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


def test_a_not_found_page_carries_the_security_headers_too(db):
    response = Client().get("/no-such-page/")

    assert response.status_code == 404
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(
    ("who", "view", "args"),
    [
        ("lise", "front:patient_list", []),
        ("peter", "front:patient_home", []),
        ("peter", "materials:patient_material", ["what-matters"]),
        ("peter", "materials:patient_print", ["my-goals"]),
        ("anne", "front:admin_overview", []),
    ],
)
def test_a_logged_in_page_is_never_stored_by_the_browser(cast, client_for, who, view, args):
    response = client_for(getattr(cast, who)).get(reverse(view, args=args))

    assert response["Cache-Control"] == "no-store"


def test_no_page_needs_inline_scripts_or_styles(cast, client_for):
    pages = [
        client_for(None).get(reverse("accounts:login")),
        client_for(cast.lise).get(reverse("front:patient_list")),
        *(
            client_for(cast.lise).get(
                reverse("dialogue:material", args=[cast.peter_patient.public_id, m])
            )
            for m in pack()
        ),
        *(client_for(cast.peter).get(reverse("materials:patient_print", args=[m])) for m in pack()),
        client_for(cast.peter).get(reverse("patients:access_log")),
    ]

    for response in pages:
        assert response.status_code == 200
        body = response.content.decode()
        assert "<script>" not in body and "<style" not in body and " style=" not in body
        assert " onclick=" not in body and "javascript:" not in body


@pytest.mark.parametrize("accept_language", ["en", "en-US,en;q=0.9", "de", ""])
def test_danish_is_the_default_whatever_the_browser_asks_for(db, accept_language):
    response = Client().get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response["Content-Language"] == "da"
    assert '<html lang="da">' in response.content.decode()
