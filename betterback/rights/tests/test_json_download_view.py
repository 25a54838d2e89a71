"""The JSON file of "Download my data": everything about the patient and nothing of anyone
else, with the access log naming the clinicians."""

import copy
import json
import uuid
from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from betterback.audit.models import Action, AuditEvent
from betterback.clinics.models import Profession
from betterback.dialogue import services as dialogue
from betterback.front.services import read_overview
from betterback.materials.models import Context
from betterback.patients.models import CareRelationship
from betterback.rights.export import SCHEMA, SCHEMA_VERSION
from betterback.rights.tests.records import home_edit, save
from betterback.selfcare import services as selfcare
from betterback.sharing.services import create_share

URL = reverse("rights:json")


# Every test here reads the same two records, so they are built once for the module; each test
# runs in a savepoint of its own (module_db in betterback/conftest.py).
@pytest.fixture
def cast(db, module_cast):
    return copy.deepcopy(module_cast)


@pytest.fixture
def records(db, module_records):
    return copy.deepcopy(module_records)


@pytest.fixture
def download(cast, client_for, records):
    response = client_for(cast.peter).get(URL)
    assert response.status_code == 200
    return response


@pytest.fixture
def data(download):
    return json.loads(download.content)


def test_it_is_a_json_attachment_with_a_schema_version(download, data):
    assert download["Content-Type"] == "application/json; charset=utf-8"
    assert download["Content-Disposition"].startswith('attachment; filename="betterback-my-data-')
    assert data["schema"] == {"name": SCHEMA, "version": SCHEMA_VERSION}


def test_it_holds_the_account_and_the_care_relationship(data):
    assert data["account"]["name"] == "Peter Jensen"
    assert data["account"]["email"] == "peter@test.example"
    assert data["account"]["language"] == "da"
    [care] = data["care_relationships"]
    assert care["name"] == "Lise Holm"
    assert care["profession"] == "physiotherapist"
    assert care["clinic"] == "Rygklinikken Odense"
    assert care["ended_at"] is None


def test_it_holds_the_check_ins(data, records):
    assert [(c["confidence"], c["note"]) for c in data["check_ins"]] == [
        (6, records["peter"].note),
        (8, records["peter"].note),
    ]
    assert data["check_ins"][0]["actions"]["act1"]["what"] == "Walk the dog"


def test_it_holds_every_revision_of_the_materials_with_who_and_where(data, records):
    [what_matters] = [m for m in data["materials"] if m["material"] == "what-matters"]
    assert [(r["version"], r["changed_by"], r["context"]) for r in what_matters["revisions"]] == [
        (1, "Lise Holm", "consultation"),
        (2, "Peter Jensen", "home"),
    ]
    assert records["peter"].home_text in json.dumps(what_matters["data"], ensure_ascii=False)


def test_it_holds_the_questionnaire_responses_with_score_version_and_wording(data):
    [pain] = [r for r in data["questionnaire_responses"] if r["submitted_at"]]
    assert (pain["instrument"], pain["variant"], pain["answers"]) == ("nrs", "back", {"1": 6})
    assert pain["score"] == 6
    assert pain["instrument_version"]
    assert pain["wording"] == "reference"
    assert pain["set"] in {s["id"] for s in data["questionnaire_sets"]}


def test_it_holds_the_self_management_entries(data, records):
    assert [g["goal_text"] for g in data["goal_reviews"]] == [
        "Play 20 minutes on the floor every Sunday"
    ]
    [flare] = data["flare_ups"]
    assert [n["tried"] for n in flare["notes"]] == [records["peter"].tried]
    assert [(g["action"], g["changed_by"]) for g in data["graded_activities"]] == [
        ("act1", "Peter Jensen"),
        ("act2", "Lise Holm"),
    ]
    assert data["reminders"]["choice"]["weekdays"] == [0, 3]
    assert len(data["reminders"]["sent"]) == 1
    assert [s["clinician"]["name"] for s in data["dialogue_sessions"]] == ["Lise Holm"]


def test_the_access_log_names_the_clinician_and_leaves_out_the_patients_own_actions(data):
    log = data["access_log"]
    assert {e["who"] for e in log} == {"Lise Holm"}
    [overview] = [e for e in log if e["target"] == "overview"]
    with translation.override("da"):
        physiotherapist = str(Profession.PHYSIOTHERAPIST.label)
    assert overview["profession"] == physiotherapist
    assert overview["clinic"] == "Rygklinikken Odense"
    assert overview["action"] == Action.READ


def test_times_are_iso_8601_with_their_offset(data):
    made_at = datetime.fromisoformat(data["check_ins"][0]["made_at"])
    assert made_at.utcoffset() is not None
    assert datetime.fromisoformat(data["exported_at"]).utcoffset() is not None


def test_it_holds_nothing_of_another_patient(download, records):
    body = download.content.decode()
    maja = records["maja"]
    for text in ("Maja", "maja@test.example", "Karim", maja.note, maja.home_text, maja.tried):
        assert text not in body


def test_texts_follow_the_patients_language(cast, client_for, records):
    cast.peter.language = "en"
    cast.peter.save()

    data = json.loads(client_for(cast.peter).get(URL).content)

    [overview] = [e for e in data["access_log"] if e["target"] == "overview"]
    assert (overview["profession"], overview["action_text"]) == ("physiotherapist", "looked at")
    assert {m["title"] for m in data["materials"]} >= {"What helps and what hinders"}


def test_the_download_is_logged(cast, download):
    event = AuditEvent.objects.get(target="my_data:json")
    assert (event.actor, event.patient, event.action) == (cast.peter, cast.peter_patient, "read")


def more_of_everything(cast):
    peter = cast.peter_patient
    CareRelationship.objects.create(
        patient=peter, clinician=cast.olav.clinician, clinic=cast.odense
    )
    session = dialogue.open_session(patient=peter, clinician=cast.olav.clinician, source="t")
    dialogue.end_session(session=session, actor=cast.olav, source="t")
    save(peter, "my-options", {"options": []}, cast.olav, Context.CONSULTATION)
    home_edit(peter, "Once more")
    selfcare.record_check_in(
        patient=peter,
        key=uuid.uuid4(),
        made_at=None,
        data={"confidence": 5},
        action_keys=[],
        actor=cast.peter,
        source="t",
    )
    selfcare.add_flare_note(
        patient=peter,
        key=uuid.uuid4(),
        made_at=None,
        tried="Rest",
        helped="",
        actor=cast.peter,
        source="t",
    )
    create_share(patient=peter, recipient="Karim", period="1w", actor=cast.peter, source="t")
    read_overview(patient=peter, actor=cast.olav, source="t")


def test_it_reads_the_record_in_a_fixed_number_of_queries(cast, client_for, records):
    client = client_for(cast.peter)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get(URL)
        return len(captured.captured_queries)

    before = queries()
    more_of_everything(cast)

    assert queries() == before


def test_it_lists_the_shares_without_their_secrets(cast, client_for, records):
    share, token, code = create_share(
        patient=cast.peter_patient,
        recipient="Dr. Hansen",
        period="1m",
        actor=cast.peter,
        source="t",
    )

    body = client_for(cast.peter).get(URL).content.decode()

    [shared] = json.loads(body)["shares"]
    assert (shared["recipient"], shared["status"]) == ("Dr. Hansen", "pending")
    for secret in (token, code, share.token_hash, share.code_hash):
        assert secret not in body
