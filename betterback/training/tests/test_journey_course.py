"""The course in a real browser, in Danish and in English. Lise starts the course, reads the first
module and takes its quiz: a wrong answer shows its explanation, then she answers right. She opens
the first practice case, chooses badly once and gets feedback, fills in the real material for the
fictional patient, logs out half-way, logs in again and carries on where she stopped. The rest of
the course is then done through the services (the journey stays short), and she downloads her
certificate. The fictional patient appears in no patient list, no export and no statistic.
axe-core checks every page she visits."""

import json
import subprocess

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from betterback.patients.models import Patient
from betterback.testing import browser
from betterback.testing.cast import PASSWORD
from betterback.training.course import course
from betterback.training.models import PracticeWorksheet
from betterback.training.tests.world import finish_case, finish_module

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def words(language: str) -> dict:
    with translation.override(language):
        return {
            key: gettext(text)
            for key, text in {
                "start": "Start the course",
                "quiz": "Go to the quiz",
                "answer": "Answer",
                "again": "Try again",
                "not_quite": "Not quite",
                "right": "Right",
                "next_question": "Next question",
                "finish": "Finish the module",
                "start_case": "Start the practice session",
                "choose": "Choose",
                "choose_again": "Choose again",
                "think_again": "Think again",
                "next_step": "Next step",
                "save": "Save",
                "saved": "Saved in the practice area",
                "resume": "Continue where you left off",
                "case_done": "Case done: back to the course",
                "certificate": "Download your certificate (PDF)",
                "log_out": "Log out",
                "certificate_title": "Course certificate",
            }.items()
        }


def click(page, role: str, name: str):
    with page.expect_navigation():
        page.get_by_role(role, name=name, exact=True).click()
    page.wait_for_load_state("load")


def answer(page, question, chosen: list[str]):
    if question.type == "order":
        for place, option_id in enumerate(chosen, start=1):
            page.select_option(f"select[name=place_{option_id}]", str(place))
    else:
        for option_id in chosen:
            page.check(f"input[name=answer][value='{option_id}']")


def text_in(page, language: str, text) -> bool:
    return " ".join(text.by_language[language].split()) in " ".join(page.inner_text("main").split())


@pytest.mark.parametrize("language", ["da", "en"])
def test_lise_learns_practises_resumes_and_gets_her_certificate(cast, browse, language):
    say = words(language)
    cast.lise.language = language
    cast.lise.save()
    the_course = course()
    module, case = the_course.modules[0], the_course.cases[0]
    patients = Patient.objects.count()

    page = browse()
    browser.log_in(page, cast.lise.email, PASSWORD)
    page.goto("/clinic/training/")
    browse.check(page)
    assert page.locator("html").get_attribute("lang") == language

    # The first module, and its quiz: a wrong answer first.
    click(page, "link", say["start"])
    assert text_in(page, language, module.sections[0].heading)
    browse.check(page)
    click(page, "button", say["quiz"])
    browse.check(page)
    first = module.questions[0]
    if first.type == "order":
        wrong, explained = list(reversed(first.correct_ids)), first.options[0]
    else:
        explained = next(option for option in first.options if not option.correct)
        wrong = [explained.id]
    answer(page, first, wrong)
    click(page, "button", say["answer"])
    browse.check(page)
    assert say["not_quite"] in page.inner_text("main")
    assert text_in(page, language, explained.explanation)
    for index, question in enumerate(module.questions):
        answer(page, question, list(question.correct_ids))
        click(page, "button", say["again"] if index == 0 else say["answer"])
        browse.check(page)
        assert say["right"] in page.inner_text(".alert-heading")
        last = index == len(module.questions) - 1
        click(page, "link", say["finish"] if last else say["next_question"])
    browse.check(page)
    assert "/done/" in page.url

    # The first case, in the sandbox.
    page.goto(f"/clinic/training/cases/{case.id}/")
    browse.check(page)
    assert text_in(page, language, case.patient.story)
    click(page, "button", say["start_case"])
    for step in case.steps:
        browse.check(page)
        if step.type == "choice":
            worse = next(option for option in step.options if not option.best)
            page.check(f"input[name=option][value='{worse.id}']")
            click(page, "button", say["choose"])
            browse.check(page)
            assert say["think_again"] in page.inner_text("main")
            assert text_in(page, language, worse.feedback)
            best = next(option for option in step.options if option.best)
            page.check(f"input[name=option][value='{best.id}']")
            click(page, "button", say["choose_again"])
            browse.check(page)
            assert text_in(page, language, best.feedback)
        else:
            assert text_in(page, language, step.patient_says)
            textarea = page.locator("main form.bb-worksheet textarea").first
            textarea.fill("Ondt betyder ikke skade." if language == "da" else "Hurt is not harm.")
            click(page, "button", say["save"])
            browse.check(page)
            assert say["saved"] in page.inner_text("main")
            assert text_in(page, language, step.feedback)
            # Half-way through the case, she logs out; logging in again, she carries on here.
            with page.expect_navigation():
                page.get_by_role("button", name=say["log_out"]).click()
            browser.log_in(page, cast.lise.email, PASSWORD)
            page.goto("/clinic/training/")
            browse.check(page)
            later = case.steps[case.steps.index(step) + 1]
            click(page, "link", say["resume"])
            assert page.url.endswith(f"/clinic/training/cases/{case.id}/{later.id}/")
            continue
        if step != case.steps[-1]:
            click(page, "link", say["next_step"])
    click(page, "link", say["case_done"])
    browse.check(page)
    assert PracticeWorksheet.objects.filter(attempt__case_id=case.id).count() == 1

    # The rest of the course, done through the services; then the certificate.
    clinician = cast.lise.clinician
    for other in the_course.modules[1:]:
        finish_module(clinician, other)
    for other in the_course.cases[1:]:
        finish_case(clinician, other)
    page.reload()
    browse.check(page)
    with page.expect_download() as download:
        page.get_by_role("link", name=say["certificate"]).click()
    text = subprocess.run(
        ["pdftotext", str(download.value.path()), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert say["certificate_title"] in text and "Lise Holm" in text

    # The fictional patients are nowhere outside the course.
    names = [c.patient.name for c in the_course.cases]
    assert Patient.objects.count() == patients
    for path in (reverse("front:patient_list"), reverse("front:follow_up")):
        page.goto(path)
        browse.check(page)
        assert cast.peter_patient.full_name in page.content()
        assert not any(name in page.content() for name in names)
    with page.expect_download() as download:
        page.goto(reverse("front:patient_overview", args=[cast.peter_patient.public_id]))
        page.locator("a[href$='fhir.json']").click()
    exported = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert exported["resourceType"] == "Bundle"
    assert not any(name in json.dumps(exported, ensure_ascii=False) for name in names)
    admin = browse()
    browser.log_in(admin, cast.anne.email, PASSWORD)
    admin.goto("/clinic/admin/")
    browse.check(admin)
    counts = admin.locator("tbody tr td:nth-child(3)").all_inner_texts()
    assert sorted(counts) == ["0", "1"]  # Olav none, Lise Peter: the practice adds nobody
    assert not any(name in admin.content() for name in names)
    admin.goto("/clinic/admin/training/")
    browse.check(admin)
    assert "100 %" in admin.inner_text("main")


def test_the_modules_with_the_patients_urgent_text_pass_axe_at_phone_and_desktop_width(
    cast, browse
):
    """red-flags and flare-ups show the pack's own "now" text, with its call buttons, inside the
    module: axe-core checks both pages, narrow and wide."""
    for width in (375, 1280):
        page = browse(width=width)
        browser.log_in(page, cast.lise.email, PASSWORD)
        for module_id in ("red-flags", "flare-ups"):
            page.goto(reverse("training:module", args=[module_id]))
            browse.check(page)
            assert page.locator("#advice-now").count() == 1
            assert page.locator("#advice-now a[href='tel:112']").count() == 1
