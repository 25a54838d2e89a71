"""An urgent warning sign, end to end in a real browser, in Danish and in English: the patient
answers "yes" on a 360 px phone and sees the advice at once, in view, on every screen after; she
stops half-way; her clinician sees her red on the start page and the follow-up list at once and
gets one email; nobody acknowledges it in two working hours, so the clinic administrator gets one
email and sees it on her page; the clinician acknowledges it with what was done, and it leaves the
start page. Every page visited is checked with axe-core."""

from datetime import timedelta

import pytest
from django.core import mail

from betterback.invitations import services as invitations
from betterback.questionnaires import services as questionnaires
from betterback.safety import notify
from betterback.safety.models import Alert
from betterback.testing import browser
from betterback.testing.cast import PASSWORD
from betterback.testing.factories import letter_invitation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
WORDS = {
    "da": {
        "continue": "Fortsæt, hvor jeg slap",
        "next": "Næste",
        "urgent": "Ring straks – vent ikke til i morgen",
        "helpline": "Har din læge lukket: ring til lægevagten, 70 11 07 07",
        "attention": "Advarselstegn kræver din opmærksomhed (1)",
        "reason": "Smerter, prikken eller følelsesløshed i begge ben",
        "now": "Nu – akut",
        "red": "Rød",
        "acknowledge": "Kvittér, og skriv hvad der blev gjort",
        "called": "Jeg ringede til patienten",
        "submit": "Kvittér",
        "acknowledged": "Kvitteret af Lise Holm",
        "admin": "Akutte advarselstegn uden kvittering",
        "subject": "BetterBack: en patient har brug for opmærksomhed nu",
        "escalation": "BetterBack: en akut advarsel er ikke kvitteret",
    },
    "en": {
        "continue": "Continue where I stopped",
        "next": "Next",
        "urgent": "Call now – do not wait until tomorrow",
        "helpline": (
            "If your doctor is closed: call the out-of-hours medical helpline (Lægevagten), "
            "70 11 07 07"
        ),
        "attention": "Warning signs need your attention (1)",
        "reason": "Pain, tingling or numbness in both legs",
        "now": "Now – an emergency",
        "red": "Red",
        "acknowledge": "Acknowledge and say what was done",
        "called": "I called the patient",
        "submit": "Acknowledge",
        "acknowledged": "Acknowledged by Lise Holm",
        "admin": "Urgent warning signs not yet acknowledged",
        "subject": "BetterBack: a patient needs attention now",
        "escalation": "BetterBack: an urgent alert has not been acknowledged",
    },
}
NOTE = {"da": "Talt med Nora kl. 10. Hun tager til akutmodtagelsen.", "en": "Spoke to Nora at 10."}


def nora_before_the_warning_signs(cast, language):
    """Nora accepted Lise's invitation and answered every intake questionnaire before the
    warning signs."""
    _, token = letter_invitation(cast.lise, language=language)
    nora = invitations.accept(token=token, password=PASSWORD, language=language, source="test")
    for response in nora.patient.questionnaire_sets.get().responses.all():
        if response.instrument_id in ("redflags", "agenda"):
            continue
        definition = questionnaires.definition_of(response)
        questionnaires.save_answers(
            response=response,
            raw={item.key: item.scale.codes[0] for item in definition.asked(response.variant)},
            actor=nora,
            source="test",
            submit=True,
        )
    return nora


def click(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def in_view(page, selector) -> bool:
    """The element's top is inside the window as the page opened, without scrolling by hand."""
    return page.evaluate(
        """selector => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return box.top >= 0 && box.top < window.innerHeight && box.height > 0;
        }""",
        selector,
    )


@pytest.mark.parametrize("language", ["da", "en"])
def test_an_urgent_answer_reaches_the_patient_the_clinician_and_the_administrator(
    cast, browse, language
):
    words = WORDS[language]
    for person in (cast.lise, cast.anne):
        person.language = language
        person.save()
    nora_before_the_warning_signs(cast, language)

    # Nora, on her phone, comes to the warning signs: "no", "no", "no", then "yes" to question 4.
    phone = browse(**PHONE)
    browser.log_in(phone, "nora@test.example", PASSWORD)
    phone.goto("/me/questionnaires/")
    phone.get_by_role("link", name=words["continue"]).click()
    for _ in range(3):
        phone.check(".bb-question.is-current input[value='0']")
        click(phone, words["next"])
    phone.check(".bb-question.is-current input[value='1']")
    click(phone, words["next"])

    # The very next screen opens at the advice: in view, with the number to call.
    assert phone.url.endswith("#urgent")
    urgent = phone.locator("#urgent")
    assert words["urgent"] in urgent.inner_text()
    assert in_view(phone, "#urgent .alert-heading")
    assert in_view(phone, "#urgent a[href='tel:70110707']")
    assert phone.locator("#urgent a[href='tel:112']").is_visible()
    assert words["helpline"] in urgent.inner_text().replace("\xa0", " ")
    phone.screenshot(path=str(browser.screenshot_dir() / f"urgent-sign-phone-{language}.png"))
    browse.check(phone)
    # It stays at the top of every screen after; she answers two more, then stops.
    for _ in range(2):
        phone.check(".bb-question.is-current input[value='0']")
        click(phone, words["next"])
        assert in_view(phone, "#urgent .alert-heading")
    alert = Alert.objects.get()
    assert (alert.level, alert.patient.full_name) == (1, "Nora Lund")

    # Lise lands on her start page: Nora is there first, red, with the reason and its urgency.
    lise = browse()
    browser.log_in(lise, cast.lise.email, PASSWORD)
    assert lise.url.endswith("/clinic/")
    attention = lise.locator(".bb-attention")
    assert words["attention"] in attention.inner_text()
    assert "Nora Lund" in attention.inner_text()
    assert words["reason"] in attention.inner_text() and words["now"] in attention.inner_text()
    browse.check(lise)
    lise.goto("/clinic/follow-up/")
    row = lise.locator("tr", has_text="Nora Lund")
    assert words["red"] in row.inner_text() and words["reason"] in row.inner_text()
    browse.check(lise)

    # The sender (cron, every minute) emails Lise once; no health data in it.
    assert notify.send_due().sent == 1
    assert notify.send_due().sent == 0
    [email] = mail.outbox
    assert (email.to, email.subject) == ([cast.lise.email], words["subject"])
    assert "Nora" not in email.body

    # Two working hours on, nobody has acknowledged it: Anne, the administrator, is told once.
    clinic = cast.odense
    due = notify.escalation_due(alert, clinic)
    assert notify.send_due(due - timedelta(minutes=1)).sent == 0
    assert notify.send_due(due).sent == 1
    assert notify.send_due(due + timedelta(hours=1)).sent == 0
    assert (mail.outbox[-1].to, mail.outbox[-1].subject) == ([cast.anne.email], words["escalation"])
    anne = browse()
    browser.log_in(anne, cast.anne.email, PASSWORD)
    anne.goto("/clinic/admin/")
    assert words["admin"] in anne.locator("main").inner_text()
    assert "Lise Holm" in anne.locator("main").inner_text()
    assert "Nora" not in anne.locator("main").inner_text()
    browse.check(anne)

    # Lise opens Nora from the start page and acknowledges, saying what she did.
    lise.goto("/clinic/")
    lise.locator(".bb-attention a", has_text="Nora Lund").click()
    lise.wait_for_load_state("load")
    browse.check(lise)
    lise.get_by_role("link", name=words["acknowledge"]).click()
    lise.wait_for_load_state("load")
    browse.check(lise)
    lise.get_by_label(words["called"]).check()
    lise.locator("textarea[name=note]").fill(NOTE[language])
    click(lise, words["submit"])
    done = lise.locator("main").inner_text()
    assert words["acknowledged"] in done and NOTE[language] in done
    browse.check(lise)
    lise.goto("/clinic/")
    assert lise.locator(".bb-attention").count() == 0
    assert notify.send_due(due + timedelta(hours=5)).sent == 0
