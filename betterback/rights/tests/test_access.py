"""Who may use the rights pages: a patient, for their own data only (the URLs name nobody);
everyone else is refused, and the refusal is logged."""

import json

import pytest
from django.urls import reverse

from betterback.audit.models import Action, AuditEvent

VIEWS = ["rights:my_data", "rights:json", "rights:pdf", "rights:fhir", "rights:delete"]
NOT_PATIENTS = ["lise", "olav", "karim", "anne", "staff"]


@pytest.mark.parametrize("view", VIEWS)
def test_someone_not_logged_in_is_sent_to_the_login_page(cast, client_for, view):
    url = reverse(view)

    response = client_for(None).get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert AuditEvent.objects.filter(action=Action.REFUSED, target=url).exists()


@pytest.mark.parametrize("who", NOT_PATIENTS)
@pytest.mark.parametrize("view", VIEWS)
def test_anyone_but_a_patient_is_refused(cast, client_for, view, who):
    response = client_for(getattr(cast, who)).get(reverse(view))

    assert response.status_code == 403


def test_a_clinician_cannot_delete_a_patients_data(cast, client_for, records):
    response = client_for(cast.lise).post(reverse("rights:delete"), {"confirm": "on"})

    assert response.status_code == 403
    assert not AuditEvent.objects.filter(target="self_management_data").exists()


def test_each_patient_downloads_only_their_own_data(cast, client_for, records):
    data = json.loads(client_for(cast.maja).get(reverse("rights:json")).content)

    assert data["account"]["name"] == "Maja Sørensen"
    assert "Peter" not in json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize("view", ["rights:json", "rights:pdf", "rights:fhir", "rights:my_data"])
def test_downloads_refuse_other_methods(cast, client_for, view):
    assert client_for(cast.peter).post(reverse(view)).status_code == 405
