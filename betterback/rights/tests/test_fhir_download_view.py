"""The FHIR bundle of "Download my data": the exchange app's validated bundle of the patient."""

import json

from django.urls import reverse

from betterback.audit.models import AuditEvent
from betterback.exchange.fhir.checks import validate_bundle

URL = reverse("rights:fhir")


def test_it_downloads_the_patients_bundle_and_it_validates(cast, client_for, records):
    response = client_for(cast.peter).get(URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="betterback-fhir-')
    bundle = json.loads(response.content)
    validate_bundle(bundle)
    [patient] = [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"
    ]
    assert "Jensen" in json.dumps(patient["name"])
    assert "Maja" not in response.content.decode()


def test_the_download_is_logged(cast, client_for, records):
    client_for(cast.peter).get(URL)

    event = AuditEvent.objects.get(target="my_data:fhir")
    assert (event.actor, event.patient, event.action) == (cast.peter, cast.peter_patient, "read")
