"""Sharing My plan in a real browser, in Danish and in English: Peter shares his plan for a
month and copies the link; Karim, a chiropractor in another clinic, logs in through the link,
accepts and reads the plan under the "shared by the patient" label; Peter stops sharing; Karim's
next look finds nothing; Peter's "Who has looked at my data" shows Karim's look."""

from urllib.parse import urlparse

import pytest
from django.utils import translation
from django.utils.translation import gettext

from betterback.sharing.models import Share
from betterback.sharing.tests.world import PETER_GOAL, give_peter_a_score
from betterback.testing import browser
from betterback.testing.cast import PASSWORD
from betterback.testing.factories import give_peter_the_demo_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submit(page, selector):
    with page.expect_navigation():
        page.click(selector)
    page.wait_for_load_state("load")


@pytest.mark.parametrize("language", ["da", "en"])
def test_peter_shares_his_plan_with_karim_and_stops_again(cast, browse, language):
    for user in (cast.peter, cast.karim):
        user.language = language
        user.save()
    give_peter_the_demo_plan(cast)
    give_peter_a_score(cast)
    with translation.override(language):
        label = gettext("Shared by the patient")
        what = gettext("your plan and scores, which you shared")
        profession = str(cast.karim.clinician.get_profession_display())

    # Peter makes a link for a month from his home page and copies it.
    peter = browse(width=360, height=740)
    browser.log_in(peter, cast.peter.email, PASSWORD)
    peter.click("main a[href='/me/sharing/']")
    browse.check(peter)
    assert peter.locator("html").get_attribute("lang") == language
    peter.fill("input[name=recipient]", "Karim, kiropraktor i Vejle")
    peter.check("input[name=period][value='1m']")
    submit(peter, "form[action='/me/sharing/new/'] button[type=submit]")
    browse.check(peter)
    link = peter.locator("#share-link").inner_text().strip()
    assert urlparse(link).path.startswith("/share/")
    assert len(peter.locator("#share-code").inner_text().strip()) == 11

    # Karim opens the link, logs in, accepts and reads the plan.
    karim = browse()
    karim.goto(link)
    assert "/login/" in karim.url
    browse.check(karim)
    karim.fill("input[name=email]", cast.karim.email)
    karim.fill("input[name=password]", PASSWORD)
    submit(karim, "form.bb-stack button[type=submit]")
    assert "/share/" in karim.url
    browse.check(karim)
    assert "Peter Jensen" in karim.locator("main h1").inner_text()
    submit(karim, "main form button[type=submit]")
    assert "/clinic/shared/" in karim.url
    browse.check(karim)
    assert karim.locator("#shared-label").inner_text().strip() == label
    assert PETER_GOAL in karim.locator("main").inner_text()
    assert karim.locator("main a[href*='/materials/']").count() == 0
    plan_url = karim.url
    karim.goto("/clinic/")
    browse.check(karim)
    karim.click("main a[href='/clinic/shared/']")
    browse.check(karim)
    assert karim.locator(f"main a[href='{urlparse(plan_url).path}']").count() == 1

    # Peter sees who opened it, and stops sharing.
    peter.goto("/me/sharing/")
    browse.check(peter)
    assert "Karim Nasser" in peter.locator("main table").inner_text()
    peter.click("main a[href$='/stop/']")
    browse.check(peter)
    submit(peter, "main form button[type=submit]")
    browse.check(peter)
    assert peter.locator("main a[href$='/stop/']").count() == 0
    assert Share.objects.get().status == "revoked"

    # Karim's next look finds nothing.
    response = karim.goto(plan_url)
    assert response.status == 404
    browse.check(karim)
    assert PETER_GOAL not in karim.locator("main").inner_text()

    # Peter's log shows that Karim looked, with his profession and clinic.
    peter.goto("/me/access-log/")
    browse.check(peter)
    log = peter.locator("main table").inner_text()
    assert f"Karim Nasser, {profession}, Kiropraktorhuset Vejle" in log
    assert what in log
