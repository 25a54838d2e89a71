"""The patient app without a connection, in a real browser on a phone-sized screen, in Danish and
in English. Peter opens his check-in and flare-up pages online (the service worker keeps them),
loses the connection, checks in three times and notes what he tried for his flare-up. Reloading
the check-in page offline shows it from the kept copy, with the four entries waiting. When the
connection is back they are sent, stored once with the time he made them, and sending the same
entries again stores nothing. Logging out leaves nothing on the phone."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from betterback.audit.models import Action, AuditEvent
from betterback.materials.models import Context
from betterback.materials.services import save_entry
from betterback.selfcare.models import CheckIn, FlareNote
from betterback.testing import browser
from betterback.testing.cast import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
PLAN = {
    "actions": [
        {"key": "act1", "what": "Gåtur", "when": "", "where": "", "how_much": "", "goal": "",
         "confidence": 7},
    ]
}  # fmt: skip
WORDS = {
    "da": {"save_check_in": "Gem min status", "save_note": "Gem noten"},
    "en": {"save_check_in": "Save my check-in", "save_note": "Save the note"},
}
CONTROLLED = "navigator.serviceWorker.controller !== null"
KEPT = """async () => {
  const paths = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    paths.push(...(await cache.keys()).map(request => new URL(request.url).pathname));
  }
  return ['/me/check-in/', '/me/flare-up/', '/static/core/css/betterback.css']
    .every(path => paths.includes(path))
    && paths.some(path => path.startsWith('/static/core/fonts/'));
}"""
QUEUE = "() => JSON.parse(localStorage.getItem('betterback-queue-' + {pk}) || '[]')"
SEND = """async ([entries, token]) => {
  const response = await fetch('/me/sync/', {
    method: 'POST', credentials: 'same-origin',
    headers: {'Content-Type': 'application/json', 'X-CSRFToken': token},
    body: JSON.stringify({entries}),
  });
  return (await response.json()).results.map(result => result.status);
}"""


def give_plan(cast):
    save_entry(
        patient=cast.peter_patient,
        material_id="action-plan",
        data=PLAN,
        based_on_version=0,
        actor=cast.lise,
        source="test",
        context=Context.CONSULTATION,
    )


def wait_until(page, script, arg=None, timeout=30.0):
    """Poll a (possibly async) script in the page until it returns something true."""
    deadline = time.monotonic() + timeout
    while True:
        result = page.evaluate(script, arg)
        if result:
            return result
        assert time.monotonic() < deadline, f"still false after {timeout}s: {script}"
        page.wait_for_timeout(100)


def open_under_service_worker(page, path):
    """Open the page; the first visit registers the service worker, a reload puts the page under
    its control (so the page's own files go through it too)."""
    page.goto(path)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    if not page.evaluate(CONTROLLED):
        page.reload()
    page.wait_for_function(CONTROLLED)


def waiting_text(page, count):
    status = page.locator("#offline-status")
    template = status.get_attribute("data-waiting-many")
    return template.replace("%(count)s", str(count))


def plan_reads(cast):
    return AuditEvent.objects.filter(
        patient=cast.peter_patient, action=Action.READ, target="plan"
    ).count()


@pytest.mark.parametrize("language", ["da", "en"])
def test_entries_made_offline_are_kept_and_sent_once_when_online(cast, browse, network, language):
    words = WORDS[language]
    cast.peter.language = language
    cast.peter.save()
    give_plan(cast)
    queue = QUEUE.format(pk=cast.peter.pk)

    page = browse(**PHONE)
    browser.log_in(page, "peter@test.example", PASSWORD)
    open_under_service_worker(page, "/me/check-in/")
    assert page.locator("html").get_attribute("lang") == language
    browse.check(page)
    page.goto("/me/flare-up/")
    browse.check(page)
    page.goto("/me/check-in/")
    wait_until(page, KEPT)

    # The connection goes. Three check-ins and a note are kept on the phone.
    network(page).down()
    wait_until(page, "() => navigator.onLine === false")  # the page knows before the first submit
    made = []
    for count, confidence in enumerate((3, 6, 9), start=1):
        page.check("input[name=status-act1][value=done]")
        page.fill("input[name=amount-act1]", "20")
        page.check(f"input[name=confidence][value='{confidence}']")
        made.append(timezone.now())
        page.get_by_role("button", name=words["save_check_in"]).click()
        status = page.locator("#offline-status")
        expected = (
            waiting_text(page, count) if count > 1 else status.get_attribute("data-waiting-one")
        )
        page.wait_for_function(
            "text => document.getElementById('offline-status').innerText.includes(text)",
            arg=expected,
        )
        assert status.get_attribute("data-saved-offline") in status.inner_text()
        assert page.evaluate("document.activeElement.id") == "offline-status"
        # The form is empty again, with a fresh key for the next entry.
        assert not page.locator("input[name=confidence]:checked").count()
    keys = [entry["key"] for entry in page.evaluate(queue)]
    assert len(set(keys)) == 3
    assert page.locator("input[name=key]").input_value() not in keys

    page.goto("/me/flare-up/")  # from the kept copy
    page.fill("input[name=tried]", "Varmepude")
    page.check("input[name=helped][value=some]")
    made.append(timezone.now())
    page.get_by_role("button", name=words["save_note"]).click()
    page.wait_for_function(
        "text => document.getElementById('offline-status').innerText.includes(text)",
        arg=waiting_text(page, 4),
    )

    # Reloading the check-in page offline: the kept copy, with the four entries still waiting.
    reads = plan_reads(cast)
    page.goto("/me/check-in/")
    assert plan_reads(cast) == reads  # the server never saw this visit
    status = page.locator("#offline-status")
    assert status.is_visible()
    assert waiting_text(page, 4) in status.inner_text()
    assert status.locator("li").count() == 4
    assert page.locator("input[name=key]").input_value() not in keys
    browse.check(page)
    entries = page.evaluate(queue)
    assert [entry["kind"] for entry in entries] == ["check_in"] * 3 + ["flare_note"]
    assert not CheckIn.objects.exists() and not FlareNote.objects.exists()

    # The connection is back: everything is sent, and nothing waits any more.
    network(page).up()
    wait_until(page, f"() => ({queue})().length === 0")
    page.wait_for_function(
        "text => document.getElementById('offline-status').innerText.includes(text)",
        arg=page.locator("script[data-sent]").get_attribute("data-sent"),
    )
    assert "%(count)s" not in status.inner_text()
    browse.check(page)

    check_ins = list(CheckIn.objects.filter(patient=cast.peter_patient).order_by("made_at"))
    assert [c.confidence for c in check_ins] == [3, 6, 9]
    assert all(c.offline for c in check_ins)
    assert all(c.actions == {"act1": {"status": "done", "amount": 20}} for c in check_ins)
    [note] = FlareNote.objects.filter(flare__patient=cast.peter_patient)
    assert (note.tried, note.helped, note.offline) == ("Varmepude", "some", True)
    stored = [*check_ins, note]
    assert [str(entry.key) for entry in stored] == [entry["key"] for entry in entries]
    for entry, when in zip(stored, made, strict=True):
        assert abs(entry.made_at - when) < timedelta(minutes=1)
        assert entry.received_at > entry.made_at

    # The answer to the sync is lost and the phone sends the same entries again: nothing changes.
    token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    assert page.evaluate(SEND, [entries, token]) == ["already_stored"] * 4
    assert CheckIn.objects.count() == 3
    assert FlareNote.objects.count() == 1

    # Logging out leaves nothing behind on the phone.
    with page.expect_navigation():
        page.locator("header form[action$='/logout/'] button").click()
    assert page.evaluate("localStorage.length") == 0
    assert page.evaluate("caches.keys()") == []


def test_online_a_check_in_is_posted_as_usual(cast, browse):
    """With a connection the form posts through fetch; the patient lands on the home page with
    the usual message, and the check-in is stored once, not marked as made offline."""
    cast.peter.language = "en"
    cast.peter.save()
    give_plan(cast)
    page = browse(**PHONE)
    browser.log_in(page, "peter@test.example", PASSWORD)
    open_under_service_worker(page, "/me/check-in/")
    page.check("input[name=confidence][value='5']")

    with page.expect_navigation(url="**/me/"):
        page.get_by_role("button", name="Save my check-in").click()

    assert "Your check-in is saved" in page.locator("main").inner_text()
    [check_in] = CheckIn.objects.all()
    assert (check_in.confidence, check_in.offline) == (5, False)
    browse.check(page)


def test_a_check_in_whose_post_is_lost_is_kept_and_sent_later(cast, browse):
    """The phone believes it is online, but the post never reaches the server (a weak signal):
    the check-in is kept as if offline, and sent with the next page."""
    give_plan(cast)
    page = browse(**PHONE)
    browser.log_in(page, "peter@test.example", PASSWORD)
    open_under_service_worker(page, "/me/check-in/")
    lost = []

    def lose_posts(route):
        if route.request.method == "POST":
            lost.append(route.request.url)
            route.abort("internetdisconnected")
        else:
            route.continue_()

    page.route("**/me/check-in/", lose_posts)
    page.check("input[name=confidence][value='4']")
    page.get_by_role("button", name="Gem min status").click()
    status = page.locator("#offline-status")
    page.wait_for_function(
        "text => document.getElementById('offline-status').innerText.includes(text)",
        arg=status.get_attribute("data-waiting-one"),
    )
    assert lost and not CheckIn.objects.exists()
    page.unroute("**/me/check-in/")

    page.goto("/me/")
    wait_until(page, f"() => ({QUEUE.format(pk=cast.peter.pk)})().length === 0")
    [check_in] = CheckIn.objects.all()
    assert (check_in.confidence, check_in.offline) == (4, True)


def test_a_refused_entry_stays_with_its_problem_until_the_patient_removes_it(cast, browse):
    give_plan(cast)
    page = browse(**PHONE)
    browser.log_in(page, "peter@test.example", PASSWORD)
    page.goto("/me/check-in/")
    made_at = timezone.localtime().isoformat()
    entries = [
        {"kind": "check_in", "key": "6f1c4d3a-2b1e-4c5d-9e8f-0a1b2c3d4e5f", "made_at": made_at,
         "data": {"actions": {}, "confidence": 11}},
        {"kind": "check_in", "key": "7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d", "made_at": made_at,
         "data": {"actions": {}, "confidence": 8}},
    ]  # fmt: skip
    page.evaluate(
        "([key, entries]) => localStorage.setItem(key, JSON.stringify(entries))",
        [f"betterback-queue-{cast.peter.pk}", entries],
    )

    page.reload()
    status = page.locator("#offline-status")
    remove = status.get_by_role("button", name="Fjern")
    remove.wait_for()
    assert "Vælg et af de viste svar." in status.inner_text()
    assert list(CheckIn.objects.values_list("confidence", flat=True)) == [8]
    browse.check(page)

    remove.click()
    page.wait_for_function("document.getElementById('offline-status').hidden")
    assert page.evaluate(f"({QUEUE.format(pk=cast.peter.pk)})()") == []
    page.reload()
    assert CheckIn.objects.count() == 1


def test_logging_out_from_any_page_clears_what_the_phone_kept(cast, browse):
    """Pages without offline.js have no script to clear anything: the logout response's
    Clear-Site-Data header does it (the kept pages, the queue, the service worker)."""
    give_plan(cast)
    page = browse(**PHONE)
    browser.log_in(page, "peter@test.example", PASSWORD)
    open_under_service_worker(page, "/me/check-in/")
    wait_until(page, KEPT)
    page.evaluate("localStorage.setItem('betterback-queue-1', '[]')")
    page.goto("/me/access-log/")
    assert not page.locator("script[src*='offline.js']").count()

    with page.expect_navigation():
        page.locator("header form[action$='/logout/'] button").click()

    assert page.evaluate("localStorage.length") == 0
    assert page.evaluate("caches.keys()") == []
    assert page.evaluate("navigator.serviceWorker.getRegistrations()") == []
