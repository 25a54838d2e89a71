"""Every page that shows patient data records who looked, at whom, and from which view."""

import pytest
from django.urls import reverse

from betterback.audit.models import Action, AuditEvent
from betterback.patients.models import CareRelationship, Patient

WM = "what-matters"
PAGES = [
    # (who, view, the URL names Peter, the material in the URL, action, target)
    ("lise", "front:patient_overview", True, "", Action.READ, "overview"),
    ("lise", "dialogue:material", True, WM, Action.READ, "material:what-matters"),
    ("lise", "materials:clinician_print", True, WM, Action.PRINT, "material:what-matters"),
    ("lise", "dialogue:material", True, "my-goals", Action.READ, "material:my-goals"),
    ("peter", "front:patient_home", False, "", Action.READ, "overview"),
    ("peter", "patients:access_log", False, "", Action.READ, "access_log"),
    ("peter", "materials:patient_material", False, WM, Action.READ, "material:what-matters"),
    ("peter", "materials:patient_print", False, WM, Action.PRINT, "material:what-matters"),
    ("peter", "materials:patient_print", False, "my-goals", Action.PRINT, "material:my-goals"),
]


@pytest.mark.parametrize(
    ("who", "view", "names_peter", "material", "action", "target"),
    PAGES,
    ids=[f"{p[1]}-{p[3]}" if p[3] else p[1] for p in PAGES],
)
def test_each_look_at_patient_data_is_recorded(
    cast, client_for, who, view, names_peter, material, action, target
):
    actor = getattr(cast, who)
    args = [cast.peter_patient.public_id] if names_peter else []
    url = reverse(view, args=args + ([material] if material else []))
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

    client_for(cast.lise).get(reverse("front:patient_list"))

    events = AuditEvent.objects.filter(action=Action.LIST)
    assert sorted(e.patient.full_name for e in events) == ["Extra 0", "Extra 1", "Peter Jensen"]
    assert {(e.actor, e.source, e.target) for e in events} == {
        (cast.lise, "view:front:patient_list", "patient_list")
    }


def test_a_save_records_its_write_and_no_read(cast, client_for):
    url = reverse("materials:patient_material", args=["what-matters"])
    data = {
        "version": "0",
        "activities-TOTAL_FORMS": "1",
        "activities-INITIAL_FORMS": "0",
        "activities-0-text": "Walk the dog",
    }

    client_for(cast.peter).post(url, data)

    # The page was read when it opened; a save (an autosave every few seconds) is only a write.
    assert [e.action for e in AuditEvent.objects.order_by("id")] == [Action.CREATE]
