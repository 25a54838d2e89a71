"""Autosave in a real browser, in Danish and English: what the patient writes is saved without
pressing Save, survives a reload, waits through a lost connection, and a second device's newer
save is never overwritten silently."""

import re

import pytest

from betterback.materials.models import WorksheetEntry
from betterback.testing import browser
from betterback.testing.cast import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAVED = {"da": re.compile(r"Gemt kl\."), "en": re.compile(r"Saved at")}
OFFLINE = {"da": "Ikke gemt endnu", "en": "Not saved yet"}
CONFLICT = {"da": "har gemt materialet i mellemtiden", "en": "has saved this material"}


def log_in(page, email):
    browser.log_in(page, email, PASSWORD)


def wait_for_status(page, pattern):
    status = page.locator("#autosave-status")
    if isinstance(pattern, str):
        page.wait_for_function(
            "text => document.getElementById('autosave-status').textContent.includes(text)",
            arg=pattern,
        )
    else:
        page.wait_for_function(
            "source => new RegExp(source).test("
            "document.getElementById('autosave-status').textContent)",
            arg=pattern.pattern,
        )
    return status.inner_text()


@pytest.mark.parametrize("language", ["da", "en"])
def test_writing_is_saved_without_pressing_save(cast, browse, language):
    cast.peter.language = language
    cast.peter.save()
    phone = browse(width=360, height=780)
    log_in(phone, cast.peter.email)
    phone.goto("/me/materials/what-matters/")

    phone.fill("input[name=activities-0-text]", "Svømme")
    phone.check("input[name=life_areas][value=leisure]")
    wait_for_status(phone, SAVED[language])
    browse.check(phone)
    phone.fill("input[name=activities-1-text]", "Cykle")
    wait_for_status(phone, SAVED[language])

    # One item each, with keys: the second autosave did not add the first item again.
    entry = WorksheetEntry.objects.get(patient=cast.peter_patient)
    assert [a["text"] for a in entry.data["activities"]] == ["Svømme", "Cykle"]

    phone.reload()
    assert phone.locator("input[name=activities-0-text]").input_value() == "Svømme"
    assert phone.locator("input[name=activities-1-text]").input_value() == "Cykle"
    assert phone.locator("input[name=life_areas][value=leisure]").is_checked()

    # Offline: the text stays on the page and is sent when the connection is back.
    phone.context.set_offline(True)
    phone.fill("input[name=activities-2-text]", "Gå på ski")
    wait_for_status(phone, OFFLINE[language])
    phone.context.set_offline(False)
    phone.evaluate("window.dispatchEvent(new Event('online'))")
    wait_for_status(phone, SAVED[language])
    entry.refresh_from_db()
    assert [a["text"] for a in entry.data["activities"]][-1] == "Gå på ski"


def test_a_second_device_is_told_instead_of_overwriting(cast, browse):
    first = browse()
    log_in(first, cast.peter.email)
    second = browse()
    log_in(second, cast.peter.email)
    first.goto("/me/materials/what-matters/")
    second.goto("/me/materials/what-matters/")

    first.fill("input[name=activities-0-text]", "Fra telefonen")
    wait_for_status(first, SAVED["da"])
    second.fill("input[name=activities-0-text]", "Fra computeren")
    wait_for_status(second, CONFLICT["da"])

    entry = WorksheetEntry.objects.get(patient=cast.peter_patient)
    assert entry.data["activities"][0]["text"] == "Fra telefonen"
    assert second.locator("input[name=activities-0-text]").input_value() == "Fra computeren"
    browse.check(second)
