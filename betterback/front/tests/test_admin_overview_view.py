"""The clinic administrator's page: the clinic's clinicians, never patient data."""

from django.urls import reverse
from django.utils import timezone

from betterback.audit.models import AuditEvent
from betterback.patients.models import CareRelationship, Patient

OVERVIEW = reverse("front:admin_overview")


def test_it_lists_the_clinics_clinicians_with_their_active_patient_counts(cast, client_for):
    ended = Patient.objects.create(full_name="Ended Patient", email="ended@test.example")
    CareRelationship.objects.create(
        patient=ended, clinician=cast.lise.clinician, clinic=cast.odense, ended_at=timezone.now()
    )

    response = client_for(cast.anne).get(OVERVIEW)

    assert response.context["clinic"] == cast.odense
    assert [(c.user.full_name, c.patient_count) for c in response.context["clinicians"]] == [
        ("Lise Holm", 1),
        ("Olav Berg", 0),
    ]


def test_it_shows_no_patient_and_no_other_clinic(cast, client_for):
    body = client_for(cast.anne).get(OVERVIEW).content.decode()

    for hidden in (
        "Peter Jensen",
        "Maja Sørensen",
        "Karim Nasser",
        "Kiropraktorhuset Vejle",
        str(cast.peter_patient.public_id),
    ):
        assert hidden not in body
    assert "Rygklinikken Odense" in body


def test_looking_at_the_clinic_reads_no_patient_data(cast, client_for):
    client_for(cast.anne).get(OVERVIEW)

    assert not AuditEvent.objects.filter(patient__isnull=False).exists()
