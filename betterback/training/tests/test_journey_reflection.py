"""Reflection after a real session, and the course pages the main journey does not visit, in a
real browser in Danish and English with axe-core on every page. Lise ends a session with Peter,
goes from the summary to "Reflect on the session", is told to write something when she sends an
empty form, writes her reflection and finds it in "My reflections", which names no patient. Peter's
access log says that she wrote a note of her own, not what it says. She then opens a module with
notes on materials and a finished case's step-by-step summary on a phone."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from betterback.dialogue.models import DialogueSession
from betterback.testing import browser
from betterback.testing.cast import PASSWORD
from betterback.training.course import course
from betterback.training.tests.world import finish_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WENT_WELL = "Jeg lod ham tale færdig."
TRY_NEXT = "Spørge om tiltro til planen."


@pytest.mark.parametrize("language", ["da", "en"])
def test_lise_reflects_on_her_session_and_only_she_reads_it(cast, browse, language):
    for user in (cast.lise, cast.peter):
        user.language = language
        user.save()
    with translation.override(language):
        say = {
            key: gettext(text)
            for key, text in {
                "end": "End the session and make My plan",
                "reflect": "Reflect on the session",
                "save": "Save my reflection",
                "empty": "Write at least one of the two.",
                "went_well": "What went well in this session?",
                "try_next": "What will you try next time?",
                "logged": "their own note on a session with you, which only they can read",
                "debrief": "Your practice session, step by step",
            }.items()
        }
    session = DialogueSession.objects.create(
        patient=cast.peter_patient, clinician=cast.lise.clinician, material_ids=["what-matters"]
    )

    page = browse()
    browser.log_in(page, cast.lise.email, PASSWORD)
    page.goto(reverse("dialogue:session", args=[cast.peter_patient.public_id, session.pk]))
    with page.expect_navigation():
        page.get_by_role("button", name=say["end"]).click()
    browse.check(page)
    with page.expect_navigation():
        page.get_by_role("link", name=say["reflect"]).first.click()
    browse.check(page)
    with page.expect_navigation():
        page.get_by_role("button", name=say["save"]).click()
    browse.check(page)
    assert say["empty"] in page.locator("#error-summary").inner_text()
    page.get_by_label(say["went_well"]).fill(WENT_WELL)
    page.get_by_label(say["try_next"]).fill(TRY_NEXT)
    with page.expect_navigation():
        page.get_by_role("button", name=say["save"]).click()
    browse.check(page)
    assert page.url.endswith(reverse("training:reflections"))
    main = page.inner_text("main")
    assert WENT_WELL in main and TRY_NEXT in main
    assert cast.peter_patient.full_name not in main

    # A module with notes on materials, and a finished case's summary on a phone.
    page.goto(reverse("training:module", args=["materials-understanding"]))
    browse.check(page)
    case = course().cases[1]
    finish_case(cast.lise.clinician, case)
    phone = browse(width=360, height=780)
    browser.log_in(phone, cast.lise.email, PASSWORD)
    phone.goto(reverse("training:case", args=[case.id]))
    browse.check(phone)
    assert say["debrief"] in phone.inner_text("main")

    # Peter sees that Lise wrote a note of her own, and nothing of what it says.
    peter = browse()
    browser.log_in(peter, cast.peter.email, PASSWORD)
    peter.goto(reverse("patients:access_log"))
    browse.check(peter)
    log = peter.inner_text("main")
    assert say["logged"] in log
    assert WENT_WELL not in log and TRY_NEXT not in log
