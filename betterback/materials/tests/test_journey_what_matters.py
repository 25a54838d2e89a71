"""The foundation's user journey in a real browser, in Danish and in English.

A clinician invites a new patient, the patient accepts and sets a password, the two fill in
"What matters to me" in a consultation, the patient edits it at home, the clinician sees the
change, and the patient sees the clinician's reads in "Who has looked at my data". axe-core checks
every page on the way.
"""

import re

import pytest
from django.core import mail

from betterback.testing.browser import screenshot_dir
from betterback.testing.cast import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "da": {
        "invite": "Invitér en patient",
        "saved": "Gemt.",
        "my_plan": "Min rygplan",
        "at_home": "derhjemme",
        "who": "Hvem har set mine oplysninger",
        "looked": "åbnede",
    },
    "en": {
        "invite": "Invite a patient",
        "saved": "Saved.",
        "my_plan": "My back plan",
        "at_home": "at home",
        "who": "Who has looked at my data",
        "looked": "looked at",
    },
}


def log_in(page, browse, email, password):
    page.goto("/login/")
    browse.check(page)
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.click("form.bb-stack button[type=submit]")


def shot(page, name):
    page.screenshot(path=str(screenshot_dir() / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["da", "en"])
def test_clinician_and_patient_fill_in_what_matters_together(cast, browse, language):
    words = WORDS[language]
    lise = browse()

    # The clinician logs in. In the English run she switches the language on the login page,
    # and again after logging in, where her own saved choice (Danish) applies until she changes it.
    lise.goto("/login/")
    if language == "en":
        lise.click(".bb-language button[value=en]")
        assert lise.locator("html").get_attribute("lang") == "en"
    log_in(lise, browse, cast.lise.email, PASSWORD)
    if language == "en":
        lise.click(".bb-language button[value=en]")
    assert lise.locator("html").get_attribute("lang") == language
    browse.check(lise)

    # She invites a new patient: by letter in the Danish run, by email in the English run.
    assert words["invite"] in lise.locator("a.button[href='/clinic/invitations/new/']").inner_text()
    lise.click("a.button[href='/clinic/invitations/new/']")
    browse.check(lise)
    lise.fill("input[name=full_name]", "Bente Lund")
    lise.fill("input[name=email]", "bente@test.example")
    lise.check(
        "input[name=delivery][value=letter]"
        if language == "da"
        else "input[name=delivery][value=email]"
    )
    lise.check(f"input[name=language][value={language}]")
    lise.click("form.bb-stack button[type=submit]")
    browse.check(lise)
    if language == "da":
        assert lise.locator(".bb-qr svg").count() == 1
        link = lise.locator(".bb-url").inner_text().strip()
    else:
        assert len(mail.outbox) == 1
        link = re.search(r"http\S+/invitation/\S+/", mail.outbox[0].body).group(0)

    # The patient accepts on her own device and sets a password.
    bente = browse(width=390, height=844)
    bente.goto(link)
    browse.check(bente)
    bente.fill("input[name=password1]", "min ryg og mine ture")
    bente.fill("input[name=password2]", "min ryg og mine ture")
    bente.click("form.bb-stack button[type=submit]")
    bente.wait_for_url("**/me/")
    assert words["my_plan"] in bente.locator("h1").inner_text()
    browse.check(bente)

    # The consultation: the clinician opens Bente and the material, and they fill it in.
    lise.goto("/clinic/")
    browse.check(lise)
    lise.click("text=Bente Lund")
    browse.check(lise)
    lise.click("a[href$='/materials/what-matters/']")
    browse.check(lise)
    lise.click("a[href$='?mode=present']")
    assert lise.locator("header.header").count() == 0
    browse.check(lise)
    lise.check("input[name=life_areas][value=family]")
    lise.check("input[name=life_areas][value=physical_activity]")
    lise.fill("input[name=activities-0-text]", "Gå med barnebarnet i skoven")
    lise.select_option("select[name=activities-0-area]", "family")
    lise.select_option("select[name=activities-0-rank]", "1")
    lise.check("input[name=activities-0-stopped_by_pain]")
    lise.fill("input[name=activities-1-text]", "Svømme om morgenen")
    lise.select_option("select[name=activities-1-rank]", "2")
    shot(lise, f"consultation-{language}")
    lise.click("form.bb-stack button[type=submit]")
    assert words["saved"] in lise.locator(".alert-success").inner_text()
    browse.check(lise)

    # A clean print view.
    lise.goto(lise.url.split("?")[0] + "print/")
    assert "Gå med barnebarnet i skoven" in lise.locator(".bb-sheet").inner_text()
    browse.check(lise)

    # At home: the patient logs in on her phone, sees the material and adds an activity.
    home = browse(width=360, height=780)
    log_in(home, browse, "bente@test.example", "min ryg og mine ture")
    home.wait_for_url("**/me/")
    browse.check(home)
    home.click("a[href='/me/materials/what-matters/']")
    assert (
        home.locator("input[name=activities-0-text]").input_value() == "Gå med barnebarnet i skoven"
    )
    browse.check(home)
    home.fill("input[name=activities-2-text]", "Cykle til arbejde")
    home.select_option("select[name=activities-2-rank]", "3")
    home.click("form.bb-stack button[type=submit]")
    assert words["saved"] in home.locator(".alert-success").inner_text()
    browse.check(home)
    shot(home, f"home-phone-{language}")

    # The clinician sees the patient's change and that it was made at home.
    lise.goto(lise.url.replace("print/", ""))
    assert lise.locator("input[name=activities-2-text]").input_value() == "Cykle til arbejde"
    assert words["at_home"] in lise.locator(".bb-history").inner_text()
    browse.check(lise)

    # The patient sees the clinician's reads in "Who has looked at my data".
    home.click(f"text={words['who']}")
    log_text = home.locator("table").inner_text()
    assert "Lise Holm" in log_text
    assert words["looked"] in log_text.lower()
    browse.check(home)
    shot(home, f"access-log-{language}")

    # The course ends: the clinician ends the care relationship and loses access; the patient
    # keeps her material.
    lise.goto("/clinic/")
    lise.click("text=Bente Lund")
    lise.click("a[href$='/end-care/']")
    browse.check(lise)
    lise.click("form.bb-stack button[type=submit]")
    lise.wait_for_url("**/clinic/")
    assert lise.locator("table a", has_text="Peter Jensen").count() == 1
    assert lise.locator("table a", has_text="Bente Lund").count() == 0
    browse.check(lise)
    home.goto("/me/materials/what-matters/")
    assert home.locator("input[name=activities-2-text]").input_value() == "Cykle til arbejde"
