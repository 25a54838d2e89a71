"""Peter's data rights in a real browser, on a phone: from his home page he downloads his data
(the JSON file holds his check-ins and who has looked at his data), reads what a deletion removes,
is stopped until he ticks the box, and deletes his self-management data. Every page passes
axe-core."""

import json

import pytest

from betterback.rights import services
from betterback.rights.tests.records import build
from betterback.testing import browser
from betterback.testing.cast import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def test_peter_downloads_and_then_deletes_his_self_management_data(cast, browse):
    cast.peter.language = "en"
    cast.peter.save()
    record = build(cast.peter_patient, cast.lise, "Peter")
    page = browse(**PHONE)
    browser.log_in(page, cast.peter.email, PASSWORD)

    page.get_by_role("link", name="Download or delete my data").click()
    browse.check(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Everything, as a data file (JSON)").click()
    data = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert [c["note"] for c in data["check_ins"]] == [record.note, record.note]
    assert "Lise Holm" in {e["who"] for e in data["access_log"]}

    page.get_by_role("link", name="See what is deleted and what stays").click()
    browse.check(page)
    page.get_by_role("button", name="Delete my self-management data").click()
    browse.check(page)
    assert "Tick the box" in page.locator("#error-summary").inner_text()
    assert services.self_management_counts(cast.peter_patient)["check_ins"] == 2

    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Delete my self-management data").click()
    browse.check(page)
    assert "has been deleted" in page.locator("main").inner_text()
    assert not any(services.self_management_counts(cast.peter_patient).values())
