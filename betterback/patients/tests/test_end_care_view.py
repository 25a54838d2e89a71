"""Ending a care relationship: the clinician loses access, the patient keeps everything."""

import pytest
from django.urls import reverse

from betterback.audit.models import Action, AuditEvent
from betterback.patients.models import CareRelationship


def end_care_url(cast):
    return reverse("patients:end_care", args=[cast.peter_patient.public_id])


def test_the_clinician_is_asked_to_confirm_first(cast, client_for):
    response = client_for(cast.lise).get(end_care_url(cast))

    assert response.status_code == 200
    assert "Peter Jensen" in response.content.decode()
    assert CareRelationship.objects.active().filter(patient=cast.peter_patient).exists()


def test_ending_care_takes_away_the_clinicians_access_and_is_audited(cast, client_for):
    lise = client_for(cast.lise)

    response = lise.post(end_care_url(cast))

    assert response.status_code == 302
    assert response["Location"] == reverse("front:patient_list")
    assert not CareRelationship.objects.active().filter(patient=cast.peter_patient).exists()
    event = AuditEvent.objects.get(action=Action.END_CARE)
    assert (event.actor, event.patient, event.source) == (
        cast.lise,
        cast.peter_patient,
        "view:patients:end_care",
    )
    overview = reverse("front:patient_overview", args=[cast.peter_patient.public_id])
    assert lise.get(overview).status_code == 404
    assert "Peter Jensen" not in lise.get(reverse("front:patient_list")).content.decode()


def test_the_patient_keeps_access_and_sees_who_ended_care(cast, client_for):
    client_for(cast.lise).post(end_care_url(cast))

    peter = client_for(cast.peter)
    assert peter.get(reverse("front:patient_home")).status_code == 200
    log = peter.get(reverse("patients:access_log")).content.decode()
    assert "Lise Holm" in log


@pytest.mark.parametrize("who", ["olav", "karim"])
def test_another_clinician_cannot_end_someone_elses_care(cast, client_for, who):
    response = client_for(getattr(cast, who)).post(end_care_url(cast))

    assert response.status_code == 404
    assert CareRelationship.objects.active().filter(patient=cast.peter_patient).exists()


@pytest.mark.parametrize("who", ["peter", "maja", "anne"])
def test_patients_and_administrators_cannot_end_care(cast, client_for, who):
    response = client_for(getattr(cast, who)).post(end_care_url(cast))

    assert response.status_code == 403
    assert CareRelationship.objects.active().filter(patient=cast.peter_patient).exists()
