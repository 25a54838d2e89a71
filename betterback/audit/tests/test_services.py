"""Recording audit events, and what the patient's own log shows."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import resolve

from betterback.audit.models import Action, AuditEvent
from betterback.audit.services import events_about, record, record_many, source_of


def test_the_source_of_a_request_is_its_view_name():
    request = RequestFactory().get("/me/access-log/")
    request.resolver_match = resolve("/me/access-log/")

    assert source_of(request) == "view:patients:access_log"


def test_the_source_of_an_unresolved_request_is_its_path():
    request = RequestFactory().get("/nowhere/" + "x" * 200)

    assert source_of(request) == "path:" + ("/nowhere/" + "x" * 200)[:90]


@pytest.mark.parametrize(
    ("who", "name", "role"),
    [
        ("lise", "Lise Holm", "clinician"),
        ("karim", "Karim Nasser", "clinician"),
        ("peter", "Peter Jensen", "patient"),
        ("anne", "Anne Dahl", "clinic_admin"),
        ("staff", "Sam Staff", "staff"),
    ],
)
def test_an_event_keeps_the_actors_name_and_role_even_after_a_rename(cast, who, name, role):
    actor = getattr(cast, who)

    event = record(actor=actor, action=Action.READ, source="test")
    actor.full_name = "Renamed Later"
    actor.save()

    stored = AuditEvent.objects.get(pk=event.pk)
    assert (stored.actor, stored.actor_label, stored.actor_role) == (actor, name, role)


@pytest.mark.parametrize("actor", [None, AnonymousUser()], ids=["none", "anonymous user"])
def test_an_event_without_a_logged_in_actor_is_anonymous(db, actor):
    event = record(actor=actor, action=Action.LOGIN_FAILED, source="test", detail={"email": "x"})

    assert (event.actor, event.actor_label, event.actor_role) == (None, "", "anonymous")
    assert AuditEvent.objects.get().detail == {"email": "x"}


def test_record_many_writes_one_event_per_patient_in_one_query(cast, django_assert_num_queries):
    lise = cast.lise
    lise.clinician.clinic  # noqa: B018 - load the label's relations before counting
    patients = [cast.peter_patient, cast.maja_patient]

    with django_assert_num_queries(1):
        record_many(
            actor=lise, action=Action.LIST, source="test", patients=patients, target="patient_list"
        )

    events = AuditEvent.objects.filter(action=Action.LIST)
    assert sorted(e.patient.full_name for e in events) == ["Maja Sørensen", "Peter Jensen"]
    assert {(e.actor, e.target) for e in events} == {(lise, "patient_list")}


def test_the_patients_log_shows_what_others_did_but_not_their_own_visits_or_lists(cast):
    peter = cast.peter_patient
    read = record(actor=cast.lise, action=Action.READ, source="t", patient=peter)
    refused = record(actor=cast.karim, action=Action.REFUSED, source="t", patient=peter)
    anonymous = record(actor=None, action=Action.REFUSED, source="t", patient=peter)
    record(actor=cast.peter, action=Action.READ, source="t", patient=peter)
    record(actor=cast.lise, action=Action.LIST, source="t", patient=peter)
    record(actor=cast.karim, action=Action.READ, source="t", patient=cast.maja_patient)

    assert set(events_about(peter)) == {read, refused, anonymous}
