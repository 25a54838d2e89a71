"""The Patient: public id as identifier, name, email and language."""

from betterback.exchange.fhir.checks import check, validate
from betterback.exchange.fhir.patient import PATIENT_ID, patient
from betterback.exchange.tests import world
from betterback.exchange.tests.golden import golden


def test_golden_patient():
    resource = patient(world.peter())
    validate(resource)
    golden("patient.json", resource)


def test_it_is_known_by_its_public_id():
    resource = patient(world.peter())
    assert resource["id"] == str(world.PATIENT_ID)
    assert resource["identifier"] == [{"system": PATIENT_ID, "value": str(world.PATIENT_ID)}]


def test_the_language_is_the_one_the_patient_chose():
    [communication] = patient(world.peter("en"))["communication"]
    assert communication["language"]["coding"] == [
        {"system": "urn:ietf:bcp:47", "code": "en", "display": "English"}
    ]
    assert communication["preferred"] is True


def test_a_patient_without_an_account_has_no_language_yet():
    resource = patient(world.peter(account=False))
    validate(resource)
    assert "communication" not in resource


def test_a_patient_without_our_identifier_is_caught():
    resource = {**patient(world.peter()), "identifier": [{"system": "urn:other", "value": "1"}]}
    assert check(resource) == [f"identifier: none in {PATIENT_ID}"]
