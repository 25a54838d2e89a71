"""The installable app and its offline half on the server: the manifest, the service worker at the
root, the sync of entries kept on a device, and logout clearing what the browser keeps."""

import json
import re
import uuid
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from betterback.materials.models import Context
from betterback.materials.services import save_entry
from betterback.selfcare import services
from betterback.selfcare.models import CheckIn, FlareNote

pytestmark = pytest.mark.django_db

SYNC = reverse("selfcare:sync")
COPENHAGEN = ZoneInfo("Europe/Copenhagen")
FOREIGN_URL = re.compile(r"(https?:)?//[a-z0-9]", re.IGNORECASE)
PLAN = {
    "actions": [
        {"key": "act1", "what": "Gåtur", "when": "", "where": "", "how_much": "", "goal": "",
         "confidence": 7},
    ]
}  # fmt: skip


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


def check_in(key, made_at, confidence=7, **data):
    return {
        "kind": "check_in",
        "key": str(key),
        "made_at": made_at.isoformat(),
        "data": {
            "actions": {"act1": {"status": "done", "amount": 20}},
            "confidence": confidence,
            "pain": 4,
            "sleep": 3,
            "mood": 4,
            "note": "",
            **data,
        },
    }


def flare_note(key, made_at, tried="Varmepude og en kort gåtur", helped="some"):
    return {
        "kind": "flare_note",
        "key": str(key),
        "made_at": made_at.isoformat(),
        "data": {"tried": tried, "helped": helped},
    }


def post(client, entries):
    return client.post(SYNC, json.dumps({"entries": entries}), content_type="application/json")


@pytest.fixture
def peter(cast, client_for):
    give_plan(cast)
    return client_for(cast.peter)


def two_hours_ago():
    return (timezone.now() - timedelta(hours=2)).astimezone(COPENHAGEN).replace(microsecond=0)


# The manifest and the service worker


def test_the_manifest_makes_the_patient_app_installable(db):
    response = Client().get("/manifest.webmanifest")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "BetterBack"
    assert manifest["short_name"]
    assert manifest["start_url"] == reverse("front:patient_home") == "/me/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] and manifest["background_color"]
    assert {"any", "maskable"} <= {icon["purpose"] for icon in manifest["icons"]}
    for icon in manifest["icons"]:
        assert icon["src"].startswith("/static/")
        assert finders.find(icon["src"].removeprefix("/static/")), icon["src"]
    assert not FOREIGN_URL.search(response.content.decode())


def test_every_page_links_the_manifest(db):
    page = Client().get(reverse("accounts:login")).content.decode()

    assert '<link rel="manifest" href="/manifest.webmanifest">' in page


def test_the_service_worker_is_served_from_the_root_for_the_whole_site(db):
    response = Client().get("/sw.js")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    source = response.content.decode()
    assert not FOREIGN_URL.search(source)
    # The pages it keeps are the check-in and the flare-up plan, at their real addresses.
    kept = re.search(r"var PAGES = \[(.*?)\];", source).group(1)
    assert json.loads(f"[{kept}]") == [reverse("selfcare:check_in"), reverse("selfcare:flare_up")]
    assert 'method !== "GET"' in source  # a POST is never cached


def test_the_offline_script_has_no_foreign_addresses():
    with open(finders.find("selfcare/js/offline.js"), encoding="utf-8") as script:
        assert not FOREIGN_URL.search(script.read())


@pytest.mark.parametrize(
    "name", ["selfcare:check_in", "selfcare:flare_up", "front:patient_home"], ids=str
)
def test_patient_pages_load_the_offline_script(peter, name):
    page = peter.get(reverse(name)).content.decode()

    assert re.search(r'<script src="/static/selfcare/js/offline\.js" defer data-user=', page)
    assert 'data-sync="/me/sync/"' in page


# The sync


def test_a_sync_stores_a_check_in_and_a_flare_note_with_the_time_they_were_made(cast, peter):
    made_at = two_hours_ago()
    check_in_key, note_key = uuid.uuid4(), uuid.uuid4()
    before = timezone.now()

    response = post(
        peter,
        [check_in(check_in_key, made_at, confidence=6), flare_note(note_key, made_at)],
    )

    assert response.status_code == 200
    assert response.json() == {
        "results": [
            {"key": str(check_in_key), "status": "stored", "problems": None},
            {"key": str(note_key), "status": "stored", "problems": None},
        ]
    }
    stored = CheckIn.objects.get(key=check_in_key)
    assert stored.patient == cast.peter_patient
    assert (stored.made_at, stored.offline, stored.confidence) == (made_at, True, 6)
    assert stored.actions == {"act1": {"status": "done", "amount": 20}}
    assert stored.received_at >= before > stored.made_at
    note = FlareNote.objects.get(key=note_key)
    assert note.flare.patient == cast.peter_patient
    assert (note.made_at, note.offline, note.tried, note.helped) == (
        made_at,
        True,
        "Varmepude og en kort gåtur",
        "some",
    )
    assert note.received_at >= before
    # No flare-up was open: the note started one at the note's own time.
    assert note.flare.started_at == made_at


def test_sending_the_same_entries_again_stores_nothing_twice(peter):
    entries = [check_in(uuid.uuid4(), two_hours_ago()), flare_note(uuid.uuid4(), two_hours_ago())]
    post(peter, entries)

    again = post(peter, entries)

    assert again.status_code == 200
    assert [r["status"] for r in again.json()["results"]] == ["already_stored", "already_stored"]
    assert (CheckIn.objects.count(), FlareNote.objects.count()) == (1, 1)


def test_a_refused_entry_is_told_and_does_not_stop_the_others(peter):
    good, bad, note = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    made_at = two_hours_ago()

    response = post(
        peter,
        [
            check_in(good, made_at),
            check_in(bad, made_at, confidence=11),
            flare_note(note, made_at),
        ],
    )

    assert response.json()["results"] == [
        {"key": str(good), "status": "stored", "problems": None},
        {"key": str(bad), "status": "refused", "problems": {"confidence": "invalid"}},
        {"key": str(note), "status": "stored", "problems": None},
    ]
    assert list(CheckIn.objects.values_list("key", flat=True)) == [good]
    assert FlareNote.objects.filter(key=note).exists()


def test_an_entry_from_the_future_or_without_an_offset_is_refused(peter):
    future = timezone.now() + timedelta(hours=1)
    naive = {**check_in(uuid.uuid4(), two_hours_ago()), "made_at": "2026-05-12T14:05:09"}

    results = post(peter, [check_in(uuid.uuid4(), future), naive]).json()["results"]

    assert [(r["status"], r["problems"]) for r in results] == [
        ("refused", {"made_at": "out_of_range"}),
        ("refused", {"made_at": "naive"}),
    ]
    assert not CheckIn.objects.exists()


def test_a_key_another_patient_has_used_is_refused(cast, peter):
    key = uuid.uuid4()
    services.record_check_in(
        patient=cast.maja_patient,
        key=key,
        made_at=None,
        data={"confidence": 5},
        action_keys=[],
        actor=cast.maja,
        source="test",
    )

    response = post(peter, [check_in(key, two_hours_ago(), confidence=9)])

    assert response.json()["results"] == [
        {"key": str(key), "status": "refused", "problems": {"key": "taken"}}
    ]
    assert CheckIn.objects.get(key=key).patient == cast.maja_patient
    assert not CheckIn.objects.filter(patient=cast.peter_patient).exists()


@pytest.mark.parametrize("body", ["{not json", '{"entries": {}}', "[]", ""])
def test_a_malformed_sync_is_a_bad_request(peter, body):
    response = peter.post(SYNC, body, content_type="application/json")

    assert response.status_code == 400
    assert not CheckIn.objects.exists()


def test_only_a_patient_can_sync(cast, client_for):
    entries = [check_in(uuid.uuid4(), two_hours_ago())]

    anonymous = post(client_for(None), entries)
    clinician = post(client_for(cast.lise), entries)

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("accounts:login"))
    assert clinician.status_code == 403
    assert not CheckIn.objects.exists()


def test_the_sync_takes_the_csrf_token_of_the_page_in_a_header(cast):
    give_plan(cast)
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.peter)
    page = client.get(reverse("selfcare:check_in")).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = json.dumps({"entries": [check_in(uuid.uuid4(), two_hours_ago())]})

    without = client.post(SYNC, body, content_type="application/json")
    with_token = client.post(SYNC, body, content_type="application/json", HTTP_X_CSRFTOKEN=token)

    assert without.status_code == 403
    assert with_token.status_code == 200
    assert with_token.json()["results"][0]["status"] == "stored"


# Logout


def test_logout_asks_the_browser_to_clear_the_cache_and_storage(cast, client_for):
    response = client_for(cast.peter).post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
