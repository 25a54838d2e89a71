"""A whole dialogue session in a real browser, in Danish and in English: the clinician picks all
12 materials, works through them with the patient in presentation mode (values, a goal linked to
a value, an action linked to the goal, a flare-up plan using the toolbox), reloads midway, ends
the session, and the patient sees My plan at home and opens its print view."""

import pytest

from betterback.content.pack import pack
from betterback.testing import browser
from betterback.testing.cast import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, email):
    browser.log_in(page, email, PASSWORD)


def save(page, browse):
    with page.expect_navigation():
        page.click("form.bb-worksheet button[type=submit]")
    assert page.locator(".alert-success").count() == 1
    browse.check(page)


def fill_in(page, browse, material_id):
    """What the clinician and the patient write in some of the materials."""
    if material_id == "what-matters":
        page.fill("input[name=activities-0-text]", "Gå i skoven")
        page.select_option("select[name=activities-0-rank]", "1")
        save(page, browse)
        page.reload()  # nothing saved is lost on a reload
        assert page.locator("input[name=activities-0-text]").input_value() == "Gå i skoven"
    elif material_id == "my-goals":
        page.fill("input[name=goals-0-text]", "Gå en time hver søndag")
        page.check("input[name=goals-0-serves]")  # the goal serves the value "Gå i skoven"
        save(page, browse)
    elif material_id == "action-plan":
        page.fill("input[name=actions-0-what]", "Gåtur efter aftensmaden")
        page.select_option("select[name=actions-0-goal]", index=1)  # the goal above
        page.fill("input[name=toolbox-0-strategy]", "Kort gåtur")
        save(page, browse)
    elif material_id == "flare-up-plan":
        page.fill("textarea[name=early_signs]", "Stiv om morgenen")
        page.check("input[name=toolbox_strategies]")  # "Kort gåtur" from the toolbox
        save(page, browse)


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_whole_dialogue_session_ends_in_my_plan(cast, browse, language):
    for user in (cast.lise, cast.peter):
        user.language = language
        user.save()
    lise = browse()
    log_in(lise, cast.lise.email)
    lise.goto(f"/clinic/patients/{cast.peter_patient.public_id}/")
    browse.check(lise)

    with lise.expect_navigation():
        lise.click("form[action$='/sessions/start/'] button")
    browse.check(lise)
    for material in pack().values():
        lise.check(f"input[name=materials][value={material.id}]")
    with lise.expect_navigation():
        lise.click("form.bb-stack button.button-secondary")
    assert lise.locator(".bb-session-materials li").count() == 12
    browse.check(lise)

    # Material 1 to 12 in presentation mode, in the toolkit's order, with "Next" each time.
    materials = list(pack().values())
    lise.click(".bb-session-materials li:first-child a")
    for index, material in enumerate(materials):
        assert f"/materials/{material.id}/" in lise.url and "mode=present" in lise.url
        assert lise.locator("header.header").count() == 0
        browse.check(lise)
        fill_in(lise, browse, material.id)
        if index + 1 < len(materials):
            lise.click(f".bb-session-nav a[href*='/materials/{materials[index + 1].id}/']")

    lise.click(".bb-session-nav a[href$='/']:not([href*='materials'])")
    with lise.expect_navigation():
        lise.click("form[action$='/end/'] button")
    summary = lise.locator("textarea#summary").input_value()
    assert "Gå en time hver søndag" in summary and "Gåtur efter aftensmaden" in summary
    browse.check(lise)

    # At home: My plan is there at once, with the goal, the action and the flare-up plan.
    peter = browse(width=360, height=780)
    log_in(peter, cast.peter.email)
    peter.click("a[href='/me/plan/']")
    plan = peter.locator("main").inner_text()
    for text in ("Gå i skoven", "Gå en time hver søndag", "Gåtur efter aftensmaden", "Kort gåtur"):
        assert text in plan
    browse.check(peter)
    peter.click("a[href='/me/plan/print/']")
    assert "Stiv om morgenen" in peter.locator(".bb-sheet").inner_text()
    browse.check(peter)
