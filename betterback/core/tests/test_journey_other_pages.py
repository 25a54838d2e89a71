"""The pages no other journey visits, checked by axe-core in both languages: the clinic
administrator's page, the clinician's view of a patient's plan and its print view, the invitation
pages for a used link and for an existing patient, and the "not found" page."""

import pytest

from betterback.testing import browser
from betterback.testing.cast import PASSWORD
from betterback.testing.factories import letter_invitation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADINGS = {
    "da": {"not_found": "Vi kan ikke finde siden", "plan": "Planen for Peter Jensen"},
    "en": {"not_found": "We could not find this page", "plan": "Peter Jensen's plan"},
}


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_remaining_pages_are_accessible(cast, browse, language):
    for user in (cast.anne, cast.lise, cast.maja):
        user.language = language
        user.save()
    words = HEADINGS[language]

    anne = browse()
    browser.log_in(anne, cast.anne.email, PASSWORD)
    anne.wait_for_url("**/clinic/admin/")
    assert "Lise Holm" in anne.locator("table").inner_text()
    browse.check(anne)

    lise = browse()
    browser.log_in(lise, cast.lise.email, PASSWORD)
    lise.goto(f"/clinic/patients/{cast.peter_patient.public_id}/plan/")
    assert lise.locator("h1").inner_text() == words["plan"]
    browse.check(lise)
    lise.goto(f"/clinic/patients/{cast.peter_patient.public_id}/plan/print/")
    assert lise.locator(".bb-sheet").count() == 1
    browse.check(lise)
    lise.goto("/clinic/patients/00000000-0000-0000-0000-000000000000/")
    assert lise.locator("h1").inner_text() == words["not_found"]
    browse.check(lise)

    # Maja already has an account: an invitation from Lise asks her to log in, then to accept.
    _, token = letter_invitation(cast.lise, name="Maja Sørensen", email=cast.maja.email)
    visitor = browse(width=360, height=780)
    visitor.goto(f"/invitation/{token}/")
    assert visitor.locator("a.button[href^='/login/']").count() == 1
    browse.check(visitor)
    browser.log_in(visitor, cast.maja.email, PASSWORD)
    visitor.goto(f"/invitation/{token}/")
    browse.check(visitor)
    with visitor.expect_navigation():
        visitor.click("main form button[type=submit]")
    visitor.wait_for_url("**/me/")

    # The link is used now: the page says so plainly.
    visitor.goto(f"/invitation/{token}/")
    assert visitor.locator("h1").count() == 1
    assert visitor.locator("a[href='/login/']").count() == 1
    browse.check(visitor)
