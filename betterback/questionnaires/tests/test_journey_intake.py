"""The intake questionnaires in a real browser, in Danish and in English, on a phone-sized screen:
the patient accepts the invitation, answers one question per screen, stops half-way and comes
back, says yes to a warning sign and is told at once to get medical help. The clinician sees the
patient red with the reason and the STarT Back band; after a follow-up, a trend chart and the
change from baseline."""

from datetime import timedelta

import pytest
from django.utils import timezone

from betterback.questionnaires.models import QuestionnaireSet, SetKind
from betterback.testing import browser
from betterback.testing.cast import PASSWORD
from betterback.testing.factories import letter_invitation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
WORDS = {
    "da": {
        "accept": "Opret",
        "answer": "Besvar spørgeskemaerne",
        "continue": "Fortsæt, hvor jeg slap",
        "next": "Næste",
        "send": "Send mine svar",
        "urgent": "Ring straks – vent ikke til i morgen",
        "reason": "Nedsat følesans i skridtet",
        "red": "Rød",
        "band": "Høj risiko",
        "better": "bedre, mere end den mindste vigtige ændring",
        "question": "Spørgsmål 5 af 9",
    },
    "en": {
        "accept": "Create",
        "answer": "Answer the questionnaires",
        "continue": "Continue where I stopped",
        "next": "Next",
        "send": "Send my answers",
        "urgent": "Call now – do not wait until tomorrow",
        "reason": "Reduced sensation in the saddle area",
        "red": "Red",
        "band": "High risk",
        "better": "better, beyond the minimal important change",
        "question": "Question 5 of 9",
    },
}
# STarT Back answers giving a high risk: total 8, psychosocial 4.
STARTBACK = ["1", "1", "1", "1", "1", "1", "1", "0", "4"]


def click(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def answer_steps(page, browse, words, codes, check_first=True, finish=True):
    """One question per screen: pick the answer, then Next (or Send on the last)."""
    for index, code in enumerate(codes):
        assert page.locator(".bb-question:visible").count() == 1
        page.locator(".bb-question.is-current label").nth(0).wait_for()
        page.check(f".bb-question.is-current input[value='{code}']")
        if index == 0 and check_first:
            browse.check(page)
        last = finish and index == len(codes) - 1
        click(page, words["send"] if last else words["next"])


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_patient_answers_the_intake_and_the_clinician_sees_the_result(cast, browse, language):
    words = WORDS[language]
    cast.lise.language = language
    cast.lise.save()
    _, token = letter_invitation(cast.lise, language=language)

    # The invitation: the patient sets a password and lands on her home page.
    nora = browse(**PHONE)
    nora.goto(f"/invitation/{token}/")
    browse.check(nora)
    nora.fill("input[name=password1]", PASSWORD)
    nora.fill("input[name=password2]", PASSWORD)
    nora.check(f"input[name=language][value={language}]")
    with nora.expect_navigation():
        nora.locator("main form button[type=submit]").click()
    browse.check(nora)
    nora.get_by_role("link", name=words["answer"]).click()

    # Pain in the back and in the leg: one question each.
    answer_steps(nora, browse, words, ["6"])
    answer_steps(nora, browse, words, ["5"])
    # STarT Back: four answers, then she stops and logs out.
    answer_steps(nora, browse, words, STARTBACK[:4], finish=False)
    assert words["question"] in nora.locator(".bb-question.is-current legend").inner_text()
    with nora.expect_navigation():
        nora.locator("header form[action$='/logout/'] button").click()

    # Later, on the same phone, she logs in again and goes on where she stopped.
    nora = browse(**PHONE)
    browser.log_in(nora, "nora@test.example", PASSWORD)
    nora.get_by_role("link", name=words["continue"]).click()
    assert words["question"] in nora.locator(".bb-question.is-current legend").inner_text()
    browse.check(nora)
    answer_steps(nora, browse, words, STARTBACK[4:], check_first=False)
    answer_steps(nora, browse, words, ["1"] * 10 + ["0"] * 14)  # RMDQ: 10
    answer_steps(nora, browse, words, ["3"] * 10)  # PSEQ: 30

    # Warning signs: numbness in the saddle area. The next screen tells her to get help now.
    nora.check(".bb-question.is-current input[value='1']")
    click(nora, words["next"])
    urgent = nora.locator("#urgent")
    assert words["urgent"] in urgent.inner_text()
    assert urgent.locator("[role=alert]").count() == 1
    browse.check(nora)
    answer_steps(nora, browse, words, ["0"] * 18, check_first=False)
    assert words["urgent"] in nora.locator("#urgent").inner_text()  # still shown

    # What I want to talk about: free text, then the thank-you page, again with the advice.
    nora.fill(".bb-question.is-current textarea", "Jeg vil gerne gå ture igen.")
    click(nora, words["next"])
    click(nora, words["send"])
    assert "/done/" in nora.url
    assert words["urgent"] in nora.locator("#urgent").inner_text()
    browse.check(nora)

    # The clinician: Nora is red, with the reason, and her STarT Back band.
    lise = browse()
    browser.log_in(lise, cast.lise.email, PASSWORD)
    lise.goto("/clinic/follow-up/")
    row = lise.locator("tr", has_text="Nora Lund")
    assert words["red"] in row.inner_text()
    assert words["reason"] in row.inner_text()
    browse.check(lise)
    row.get_by_role("link").click()
    assert words["reason"] in lise.locator(".bb-alert").first.inner_text()
    assert words["band"] in lise.locator("main").inner_text()
    assert "Jeg vil gerne gå ture igen." in lise.locator("main").inner_text()
    browse.check(lise)

    # The first consultation starts the follow-up schedule; week 4 comes (moved to now here).
    lise.goto(lise.url.replace("/results/", "/"))
    with lise.expect_navigation():
        lise.locator("form[action$='/sessions/start/'] button").click()
    week4 = QuestionnaireSet.objects.get(
        patient__email="nora@test.example", kind=SetKind.FOLLOW_UP, week=4
    )
    week4.available_from = timezone.now() - timedelta(minutes=1)
    week4.save()

    # On a large screen every question shows on one page; she answers her back pain: 2.
    nora = browse()
    browser.log_in(nora, "nora@test.example", PASSWORD)
    nora.get_by_role("link", name=words["answer"]).click()
    assert nora.locator(".bb-question:visible").count() == 1  # NRS has one question
    nora.check(".bb-question input[value='2']")
    click(nora, words["send"])
    nora.goto("/me/results/")
    browse.check(nora)

    lise.goto(f"/clinic/patients/{week4.patient.public_id}/results/")
    back_pain = lise.locator("section.bb-result").first
    assert back_pain.locator("svg[role=img] circle").count() == 2
    assert back_pain.locator("table tbody tr").count() == 2
    assert words["better"] in back_pain.inner_text()
    browse.check(lise)
