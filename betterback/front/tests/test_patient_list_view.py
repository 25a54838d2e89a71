"""The clinician's list of patients in care."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from betterback.audit.models import Action, AuditEvent
from betterback.materials.models import Context
from betterback.patients.models import CareRelationship, Patient
from betterback.testing.factories import letter_invitation, save_what_matters

LIST = reverse("front:patient_list")


def add_patients(cast, count, start=0):
    for n in range(start, start + count):
        patient = Patient.objects.create(full_name=f"Patient {n:02}", email=f"p{n}@test.example")
        CareRelationship.objects.create(
            patient=patient, clinician=cast.lise.clinician, clinic=cast.odense
        )
        save_what_matters(patient, {"life_areas": ["work"]}, actor=cast.lise)


def test_it_lists_only_the_clinicians_own_active_patients(cast, client_for):
    ended = Patient.objects.create(full_name="Ended Patient", email="ended@test.example")
    CareRelationship.objects.create(
        patient=ended, clinician=cast.lise.clinician, clinic=cast.odense, ended_at=timezone.now()
    )

    response = client_for(cast.lise).get(LIST)

    assert [r.patient for r in response.context["relationships"]] == [cast.peter_patient]
    body = response.content.decode()
    assert "Peter Jensen" in body
    assert "Maja Sørensen" not in body and "Ended Patient" not in body


def test_a_clinician_with_no_patients_sees_none(cast, client_for):
    response = client_for(cast.olav).get(LIST)

    assert list(response.context["relationships"]) == []
    assert "Peter Jensen" not in response.content.decode()
    assert not AuditEvent.objects.filter(action=Action.LIST).exists()


def test_it_shows_the_last_change_and_whether_the_patient_made_it(cast, client_for):
    save_what_matters(
        cast.peter_patient, {"life_areas": ["work"]}, actor=cast.peter, context=Context.HOME
    )

    response = client_for(cast.lise).get(LIST)

    [row] = response.context["relationships"]
    assert row.last_change_at is not None
    assert row.last_change_by_id == cast.peter.pk
    with translation.override("da"):
        assert gettext("by the patient") in response.content.decode()


def test_the_number_of_queries_does_not_grow_with_the_number_of_patients(
    cast, client_for, django_assert_max_num_queries
):
    lise = client_for(cast.lise)
    add_patients(cast, 2)  # Peter and two more: three patients
    with CaptureQueriesContext(connection) as three:
        assert len(lise.get(LIST).context["relationships"]) == 3
    add_patients(cast, 17, start=2)

    with django_assert_max_num_queries(len(three.captured_queries)):
        response = lise.get(LIST)

    assert len(response.context["relationships"]) == 20
    assert AuditEvent.objects.filter(action=Action.LIST).count() == 3 + 20


def test_open_invitations_wait_in_their_own_list_and_are_logged(cast, client_for):
    invitation, _ = letter_invitation(cast.lise, name="Nora Lund")
    letter_invitation(cast.karim, name="Karims Patient", email="k@test.example")

    response = client_for(cast.lise).get(LIST)

    assert response.context["invitations"] == [invitation]
    body = response.content.decode()
    assert "Nora Lund" in body and "Karims Patient" not in body
    assert reverse("invitations:detail", args=[invitation.pk]) in body
    listed = AuditEvent.objects.get(action=Action.LIST, target="invitation_list")
    assert (listed.actor, listed.patient) == (cast.lise, invitation.patient)


def test_an_accepted_invitation_leaves_the_waiting_list(cast, client_for):
    invitation, _ = letter_invitation(cast.lise)
    invitation.used_at = timezone.now()
    invitation.save()

    response = client_for(cast.lise).get(LIST)

    assert response.context["invitations"] == []
