"""The clinician's download of a patient's FHIR bundle: only for the patient's own clinician,
recorded in the patient's access log."""

import json

from django.urls import reverse

from betterback.audit.models import Action, AuditEvent
from betterback.exchange.fhir.checks import validate_bundle
from betterback.testing.plans import save_plan


def url(cast):
    return reverse("exchange:patient_fhir", args=[cast.peter_patient.public_id])


def test_peters_clinician_downloads_his_bundle(cast, client_for):
    save_plan(cast.peter_patient, cast.lise)

    response = client_for(cast.lise).get(url(cast))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="betterback-{cast.peter_patient.public_id}.fhir.json"'
    )
    assert "no-store" in response["Cache-Control"]
    bundle = json.loads(response.content.decode("utf-8"))
    validate_bundle(bundle)
    assert bundle["entry"][0]["resource"]["name"] == [{"text": "Peter Jensen"}]
    assert "CarePlan" in {e["resource"]["resourceType"] for e in bundle["entry"]}


def test_the_download_is_recorded_on_the_patients_record(cast, client_for):
    client_for(cast.lise).get(url(cast))

    event = AuditEvent.objects.get(target="fhir_export")
    assert event.action == Action.EXPORT
    assert event.actor == cast.lise
    assert event.patient == cast.peter_patient
    assert event.source == "view:exchange:patient_fhir"
    assert event.detail == {"format": "fhir+json", "resources": 1 + 1 + 1 + 1}


def test_other_clinicians_are_told_the_patient_does_not_exist(cast, client_for):
    for clinician in (cast.olav, cast.karim):
        response = client_for(clinician).get(url(cast))

        assert response.status_code == 404
        assert "Peter" not in response.content.decode()
        refusal = AuditEvent.objects.filter(actor=clinician).get()
        assert refusal.action == Action.REFUSED
        assert refusal.patient == cast.peter_patient
    assert not AuditEvent.objects.filter(target="fhir_export").exists()


def test_the_patient_is_refused(cast, client_for):
    response = client_for(cast.peter).get(url(cast))

    assert response.status_code == 403
    assert not AuditEvent.objects.filter(target="fhir_export").exists()


def test_an_anonymous_visitor_is_sent_to_log_in(cast, client_for):
    response = client_for(None).get(url(cast))

    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


def test_it_answers_only_get(cast, client_for):
    assert client_for(cast.lise).post(url(cast)).status_code == 405


def test_the_overview_links_to_the_download(cast, client_for):
    overview = reverse("front:patient_overview", args=[cast.peter_patient.public_id])

    page = client_for(cast.lise).get(overview).content.decode()

    assert f'href="{url(cast)}"' in page
