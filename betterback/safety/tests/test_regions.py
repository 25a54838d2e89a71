"""Which region's helpline a page names: the region of the person's clinic (a patient's: the clinic
of their care relationship), with the clinic's own number when it has one; else the default."""

import pytest
from django.urls import reverse

from betterback.safety.middleware import services_for


@pytest.fixture
def capital(cast):
    cast.odense.region = "hovedstaden"
    cast.odense.save()
    return cast.odense


def test_a_patients_flare_up_page_names_the_helpline_of_their_clinics_region(
    cast, client_for, capital
):
    body = client_for(cast.peter).get(reverse("selfcare:flare_up")).content.decode()

    assert "Ring straks – vent ikke til i morgen" in body
    assert "ring til Akuttelefonen på 1813" in body
    assert 'href="tel:1813"' in body


def test_a_patient_of_another_clinic_gets_that_clinics_region(cast, client_for, capital):
    body = client_for(cast.maja).get(reverse("selfcare:flare_up")).content.decode()

    assert "lægevagten på 70 11 07 07" in body  # Vejle: the default region


def test_a_clinic_with_its_own_number(cast, client_for):
    cast.vejle.helpline_phone = "76 00 00 00"
    cast.vejle.save()

    body = client_for(cast.maja).get(reverse("selfcare:flare_up")).content.decode()

    assert "lægevagten på 76 00 00 00" in body


def test_the_course_shows_a_clinician_their_own_regions_text(cast, client_for, capital):
    body = (
        client_for(cast.lise).get(reverse("training:module", args=["red-flags"])).content.decode()
    )

    assert "Ring straks – vent ikke til i morgen" in body
    assert "ring til Akuttelefonen på 1813" in body


@pytest.mark.parametrize(
    ("who", "region"),
    [("lise", "hovedstaden"), ("peter", "hovedstaden"), ("anne", "hovedstaden"),
     ("karim", "syddanmark"), ("staff", None)],
)  # fmt: skip
def test_whose_region(cast, capital, who, region):
    services = services_for(getattr(cast, who))

    assert (services.region_id if services else None) == region


def test_someone_not_logged_in_gets_no_region_of_their_own():
    from django.contrib.auth.models import AnonymousUser

    assert services_for(AnonymousUser()) is None
