"""The friendly error pages: not found, refused, our own error, and a failed CSRF check."""

from unittest.mock import patch

import pytest
from django.db import OperationalError
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from betterback.core.views import error_500


@pytest.mark.parametrize("who", [None, "lise", "peter"])
def test_an_unknown_address_gets_the_not_found_page(cast, client_for, who):
    response = client_for(getattr(cast, who) if who else None).get("/no-such-page/")

    assert response.status_code == 404
    assert "core/404.html" in [t.name for t in response.templates]


def test_a_refused_page_gets_the_refused_page(cast, client_for):
    response = client_for(cast.peter).get(reverse("front:patient_list"))

    assert response.status_code == 403
    assert "core/403.html" in [t.name for t in response.templates]


def test_an_error_in_a_view_gets_our_own_error_page(cast, client_for):
    client = client_for(cast.lise)
    client.raise_request_exception = False

    with patch("betterback.front.services.care_list", side_effect=RuntimeError("boom")):
        response = client.get(reverse("front:patient_list"))

    assert response.status_code == 500
    assert "core/500.html" in [t.name for t in response.templates]


def test_a_failed_csrf_check_gets_its_own_page(db):
    response = Client(enforce_csrf_checks=True).post(
        reverse("accounts:set_language"), {"language": "en"}
    )

    assert response.status_code == 403
    assert "core/csrf_failure.html" in [t.name for t in response.templates]


def test_the_error_page_renders_even_when_the_database_is_down(db):
    request = RequestFactory().get("/clinic/")

    def database_down():
        raise OperationalError("could not connect to server")

    request.user = SimpleLazyObject(database_down)

    response = error_500(request)

    assert response.status_code == 500
