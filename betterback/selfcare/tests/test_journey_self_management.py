"""Self-management between visits in a real browser, on a phone, in Danish and in English, with a
fixed clock: the patient checks in on several days over three weeks, reviews the goals each week,
logs a flare-up from start to end, and sees the progress charts change; the clinician sees the
same check-ins, flare-up and charts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from betterback.selfcare.models import CheckIn, Flare, GoalReview
from betterback.testing import browser
from betterback.testing.cast import PASSWORD
from betterback.testing.clock import stop_the_clock
from betterback.testing.factories import give_peter_the_demo_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
WORDS = {
    "da": {
        "check_in": "Dagens status",
        "again": "Tjek ind igen",
        "save": "Gem min status",
        "review": "Gennemgå mine mål i denne uge",
        "save_review": "Gem gennemgangen",
        "flare": "Min ryg blusser op",
        "start": "Skriv, at ryggen er begyndt at blusse op",
        "save_note": "Gem noten",
        "over": "Opblussen er overstået",
        "progress": "Mit forløb",
    },
    "en": {
        "check_in": "Today's check-in",
        "again": "Check in again",
        "save": "Save my check-in",
        "review": "Review my goals this week",
        "save_review": "Save the review",
        "flare": "My back is flaring up",
        "start": "Log that a flare-up has started",
        "save_note": "Save the note",
        "over": "The flare-up is over",
        "progress": "My progress",
    },
}


@pytest.fixture
def clock(monkeypatch):
    # A Monday morning three weeks ago; the live server runs in this process, so it sees it too.
    today = timezone.now()
    start = (today - timedelta(weeks=3, days=today.weekday())).replace(hour=8, minute=0)
    return stop_the_clock(monkeypatch, start)


def click(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def check_in(page, browse, words, confidence, pain):
    page.goto("/me/")
    if "/login/" in page.url:  # days later the session has run out, as on a real phone
        browser.log_in(page, "peter@test.example", PASSWORD)
        page.goto("/me/")
    page.get_by_role("link", name=words["check_in"], exact=True).or_(
        page.get_by_role("link", name=words["again"], exact=True)
    ).click()
    browse.check(page)
    page.check("input[name='status-act1'][value='done']")
    page.fill("input[name='amount-act1']", "20")
    page.check("input[name='status-act2'][value='partly']")
    page.check(f"input[name='confidence'][value='{confidence}']")
    page.check(f"input[name='pain'][value='{pain}']")
    page.check("input[name='sleep'][value='4']")
    click(page, words["save"])
    assert page.locator(".alert-success").count() == 1


def review_goals(page, browse, words, attainment):
    page.get_by_role("link", name=words["review"]).click()
    browse.check(page)
    for goal in ("goal1", "goal2"):
        page.check(f"input[name='goal-{goal}'][value='{attainment}']")
    click(page, words["save_review"])
    assert page.get_by_role("link", name=words["review"]).count() == 0  # done for this week


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_patient_manages_three_weeks_and_the_clinician_sees_it(cast, browse, clock, language):
    for user in (cast.peter, cast.lise):
        user.language = language
        user.save()
    give_peter_the_demo_plan(cast)
    words = WORDS[language]
    peter = browse(**PHONE)
    browser.log_in(peter, cast.peter.email, PASSWORD)
    browse.check(peter)
    assert "Gåtur med hunden" in peter.locator("main").inner_text()

    # Week 1: a check-in and the goal review. One week of data: no chart yet.
    check_in(peter, browse, words, confidence=4, pain=6)
    review_goals(peter, browse, words, attainment=-1)
    peter.goto("/me/progress/")
    browse.check(peter)
    assert peter.locator("#chart-confidence ~ div svg").count() == 0

    # Week 2: a flare-up from start to end, with what he tried.
    clock.now += timedelta(weeks=1)
    check_in(peter, browse, words, confidence=6, pain=5)
    review_goals(peter, browse, words, attainment=0)
    peter.get_by_role("link", name=words["flare"]).first.click()
    browse.check(peter)
    assert peter.locator("#flare-plan").count() == 1  # his flare-up plan
    click(peter, words["start"])
    peter.fill("input[name=tried]", "Korte gåture")
    peter.check("input[name=helped][value=yes]")
    click(peter, words["save_note"])
    assert "Korte gåture" in peter.locator("main").inner_text()
    browse.check(peter)
    clock.now += timedelta(days=2)
    peter.goto("/me/flare-up/")
    click(peter, words["over"])

    # Week 3: two check-ins. The charts now show three weeks.
    clock.now += timedelta(days=5)
    check_in(peter, browse, words, confidence=8, pain=3)
    clock.now += timedelta(days=2)
    check_in(peter, browse, words, confidence=8, pain=2)
    review_goals(peter, browse, words, attainment=1)
    peter.goto("/me/progress/")
    browse.check(peter)
    confidence = peter.locator("section", has=peter.locator("#chart-confidence"))
    assert confidence.locator("svg[role=img] circle").count() == 3
    values = confidence.locator("tbody td:nth-child(2)").all_inner_texts()
    assert values[-3:] == ["4", "6", "8"]

    assert CheckIn.objects.filter(patient=cast.peter_patient).count() == 4
    assert GoalReview.objects.filter(patient=cast.peter_patient).count() == 6
    flare = Flare.objects.get(patient=cast.peter_patient)
    assert flare.ended_at - flare.started_at == timedelta(days=2)

    # The clinician sees the same check-ins, the flare-up with its note, and the charts.
    lise = browse()
    browser.log_in(lise, cast.lise.email, PASSWORD)
    lise.goto(f"/clinic/patients/{cast.peter_patient.public_id}/progress/")
    browse.check(lise)
    main = lise.locator("main").inner_text()
    assert "Korte gåture" in main
    assert lise.locator("table").first.locator("tbody tr").count() == 4
    confidence = lise.locator("section", has=lise.locator("#chart-confidence"))
    assert confidence.locator("svg[role=img] circle").count() == 3
