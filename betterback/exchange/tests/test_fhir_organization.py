"""The Organization: the clinic of a care relationship."""

from betterback.clinics.models import Clinic
from betterback.exchange.fhir.checks import validate
from betterback.exchange.fhir.organization import organization
from betterback.exchange.tests import world
from betterback.exchange.tests.golden import golden


def test_golden_organization():
    resource = organization(world.odense())
    validate(resource)
    golden("organization.json", resource)


def test_a_clinic_without_a_city_has_no_address():
    resource = organization(Clinic(pk=2, name="Kiropraktorhuset"))
    validate(resource)
    assert "address" not in resource


def test_the_id_is_the_same_in_every_export_and_differs_between_clinics():
    assert organization(world.odense())["id"] == organization(world.odense())["id"]
    assert organization(Clinic(pk=2, name="Other"))["id"] != organization(world.odense())["id"]
