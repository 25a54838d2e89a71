"""Every page that shows patient data records who looked, at whom, and from which view."""

import pytest
from django.urls import reverse

from betterback.audit.models import Action, AuditEvent
from betterback.patients.models import CareRelationship, Patient

PAGES = [
    # (who, view, the URL names Peter, action, target)
    ("lise", "patients:overview", True, Action.READ, "overview"),
    ("lise", "materials:clinician_what_matters", True, Action.READ, "material:what-matters"),
    ("lise", "materials:clinician_what_matters_print", True, Action.PRINT, "material:what-matters"),
    ("peter", "patients:home", False, Action.READ, "overview"),
    ("peter", "patients:access_log", False, Action.READ, "access_log"),
    ("peter", "materials:patient_what_matters", False, Action.READ, "material:what-matters"),
    ("peter", "materials:patient_what_matters_print", False, Action.PRINT, "material:what-matters"),
]


@pytest.mark.parametrize(
    ("who", "view", "names_peter", "action", "target"), PAGES, ids=[p[1] for p in PAGES]
)
def test_each_look_at_patient_data_is_recorded(
    cast, client_for, who, view, names_peter, action, target
):
    actor = getattr(cast, who)
    url = reverse(view, args=[cast.peter_patient.public_id] if names_peter else [])
    before = AuditEvent.objects.count()

    response = client_for(actor).get(url)

    assert response.status_code == 200
    [event] = AuditEvent.objects.order_by("-id")[: AuditEvent.objects.count() - before]
    assert (event.action, event.actor, event.patient, event.source, event.target) == (
        action,
        actor,
        cast.peter_patient,
        f"view:{view}",
        target,
    )
    assert event.actor_label.startswith(actor.full_name)
    assert event.actor_role == actor.role


def test_the_patient_list_records_one_list_event_per_patient_shown(cast, client_for):
    for n in range(2):
        patient = Patient.objects.create(full_name=f"Extra {n}", email=f"extra{n}@test.example")
        CareRelationship.objects.create(
            patient=patient, clinician=cast.lise.clinician, clinic=cast.odense
        )

    client_for(cast.lise).get(reverse("patients:list"))

    events = AuditEvent.objects.filter(action=Action.LIST)
    assert sorted(e.patient.full_name for e in events) == ["Extra 0", "Extra 1", "Peter Jensen"]
    assert {(e.actor, e.source, e.target) for e in events} == {
        (cast.lise, "view:patients:list", "patient_list")
    }


def test_a_save_is_recorded_after_the_read_of_the_same_request(cast, client_for):
    url = reverse("materials:patient_what_matters")
    data = {
        "version": "0",
        "activity-TOTAL_FORMS": "1",
        "activity-INITIAL_FORMS": "0",
        "activity-0-text": "Walk the dog",
    }

    client_for(cast.peter).post(url, data)

    assert [e.action for e in AuditEvent.objects.order_by("id")] == [Action.READ, Action.CREATE]
