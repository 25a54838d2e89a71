"""The home page sends each role to its own start page."""

import pytest
from django.urls import reverse

from betterback.accounts.models import User


@pytest.mark.parametrize(
    ("who", "start"),
    [
        (None, "accounts:login"),
        ("lise", "front:patient_list"),
        ("olav", "front:patient_list"),
        ("karim", "front:patient_list"),
        ("peter", "front:patient_home"),
        ("maja", "front:patient_home"),
        ("anne", "front:admin_overview"),
        ("staff", "admin:index"),
    ],
)
def test_home_sends_each_role_to_its_start_page(cast, client_for, who, start):
    client = client_for(getattr(cast, who) if who else None)

    response = client.get(reverse("front:start"))

    assert (response.status_code, response["Location"]) == (302, reverse(start))
    assert client.get(response["Location"]).status_code == 200


def test_a_user_without_a_role_is_told_so_instead_of_looping(cast, client_for):
    nobody = User.objects.create_user(
        email="nobody@test.example", password="x" * 12, full_name="No Body"
    )
    client = client_for(nobody)

    response = client.get(reverse("front:start"), follow=True)

    assert response.status_code == 403
    assert response.templates[0].name == "core/no_role.html"


def test_home_only_answers_get(db, client):
    assert client.post(reverse("front:start")).status_code == 405
