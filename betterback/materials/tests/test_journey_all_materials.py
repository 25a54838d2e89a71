"""Every material of the default pack, in both languages: the clinician opens it in the
consultation and in presentation mode, the patient at home on a phone, and axe-core finds
nothing on any of those pages."""

import pytest

from betterback.content.pack import pack
from betterback.testing import browser
from betterback.testing.cast import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, email):
    browser.log_in(page, email, PASSWORD)


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_material_opens_accessibly_for_clinician_and_patient(cast, browse, language):
    for user in (cast.lise, cast.peter):
        user.language = language
        user.save()
    clinic = browse()
    log_in(clinic, cast.lise.email)
    home = browse(width=360, height=780)
    log_in(home, cast.peter.email)
    base = f"/clinic/patients/{cast.peter_patient.public_id}/materials"

    for material in pack().values():
        clinic.goto(f"{base}/{material.id}/")
        assert clinic.locator("h1").inner_text() == str_in(material.title, language)
        browse.check(clinic)
        clinic.goto(f"{base}/{material.id}/?mode=present")
        assert clinic.locator("header.header").count() == 0
        browse.check(clinic)
        home.goto(f"/me/materials/{material.id}/")
        assert home.locator("h1").inner_text() == str_in(material.title, language)
        browse.check(home)


def str_in(text, language: str) -> str:
    return text.by_language[language]
