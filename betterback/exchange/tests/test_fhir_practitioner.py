"""The Practitioner (name and profession) and the PractitionerRole that links them to a clinic."""

import pytest

from betterback.clinics.models import Profession
from betterback.exchange.fhir.checks import check, validate
from betterback.exchange.fhir.practitioner import PROFESSION, practitioner
from betterback.exchange.fhir.practitioner_role import practitioner_role
from betterback.exchange.tests import world
from betterback.exchange.tests.golden import golden


def test_golden_practitioner():
    resource = practitioner(world.lise(), "da")
    validate(resource)
    golden("practitioner.json", resource)


def test_golden_practitioner_role():
    clinician = world.lise()
    resource = practitioner_role(clinician, clinician.clinic, "da")
    validate(resource)
    golden("practitioner-role.json", resource)


@pytest.mark.parametrize(
    ("profession", "display", "danish"),
    [
        (Profession.PHYSIOTHERAPIST, "physiotherapist", "fysioterapeut"),
        (Profession.CHIROPRACTOR, "chiropractor", "kiropraktor"),
        (Profession.GENERAL_PRACTITIONER, "general practitioner", "praktiserende læge"),
    ],
)
def test_each_profession_is_coded_in_our_code_system(profession, display, danish):
    resource = practitioner(world.lise(profession), "da")
    validate(resource)
    [qualification] = resource["qualification"]
    assert qualification["code"] == {
        "coding": [{"system": PROFESSION, "code": profession.value, "display": display}],
        "text": danish,
    }
    english = practitioner(world.lise(profession), "en")["qualification"][0]["code"]["text"]
    assert english == display


def test_an_unknown_profession_is_caught():
    resource = practitioner(world.lise(), "da")
    resource["qualification"][0]["code"]["coding"][0]["code"] = "surgeon"
    assert check(resource) == [
        "qualification: 'surgeon' is not one of "
        "['chiropractor', 'general_practitioner', 'physiotherapist']"
    ]
