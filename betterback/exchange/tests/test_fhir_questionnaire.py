"""Each instrument as a Questionnaire: every one (in both languages, every variant) validates,
ODI carries only its topics, the NRS variants stand on their own, and STarT Back's golden JSON."""

import pytest

from betterback.exchange.fhir.checks import check, validate
from betterback.exchange.fhir.common import BASE, LOINC_DISPLAY
from betterback.exchange.fhir.questionnaire import questionnaire
from betterback.exchange.tests.golden import golden
from betterback.patients.models import Patient
from betterback.questionnaires.definitions import instruments

FORMS = [
    (instrument_id, language, variant)
    for instrument_id, definition in sorted(instruments().items())
    for language in ("da", "en")
    for variant in ["", *(v.id for v in definition.variants)]
]


@pytest.mark.parametrize(("instrument_id", "language", "variant"), FORMS)
def test_every_questionnaire_validates_and_passes_our_checks(instrument_id, language, variant):
    definition = instruments()[instrument_id]
    resource = questionnaire(definition, language, variant)
    validate(resource)
    assert check(resource) == []
    assert resource["language"] == language
    assert [i["linkId"] for i in resource["item"]] == [i.key for i in definition.asked(variant)]
    assert all(i["text"] for i in resource["item"])


def test_odi_items_carry_only_the_topic():
    odi = instruments()["odi"]
    for language in ("da", "en"):
        resource = questionnaire(odi, language)
        for item, entry in zip(odi.items, resource["item"], strict=True):
            assert item.text is None
            assert entry["text"] == item.topic.by_language[language]


def test_nrs_variants_are_questionnaires_of_their_own():
    nrs = instruments()["nrs"]
    back = questionnaire(nrs, "en", "back")
    assert back["id"] == "nrs-back-1"
    assert back["url"] == f"{BASE}/Questionnaire/nrs-back"
    assert back["title"] == "Back pain"
    assert back["item"][0]["text"] == nrs.variant("back").text.by_language["en"]
    assert back["code"] == [
        {"system": "http://loinc.org", "code": "72514-3", "display": LOINC_DISPLAY["72514-3"]}
    ]
    with pytest.raises(ValueError, match="no variant"):
        questionnaire(nrs, "da", "arm")


def test_golden_questionnaire_startback_da():
    resource = questionnaire(instruments()["startback"], "da")
    validate(resource)
    golden("questionnaire-startback-da.json", resource)


def test_the_database_is_out_of_reach_in_the_mapping_tests():
    """What makes the mapping tests, which build unsaved rows and carry no django_db mark, prove
    that the mappings never query."""
    with pytest.raises(RuntimeError, match="Database access not allowed"):
        Patient.objects.exists()
