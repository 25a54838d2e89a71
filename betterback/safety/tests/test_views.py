"""The pages of the safety app and the places an alert shows: the clinician's start page, the
patient's overview, the acknowledgement page, and the clinic administrator's pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from betterback.audit.models import Action, AuditEvent
from betterback.patients.models import CareRelationship, Patient
from betterback.questionnaires import services as questionnaires
from betterback.safety.models import Alert

SOURCE = "test"
SADDLE = "Nedsat følesans i skridtet (ridebukseområdet)"


def say_yes(patient, clinician_user, *items: str) -> Alert:
    intake = questionnaires.send_intake(
        patient=patient, clinician=clinician_user.clinician, actor=clinician_user, source=SOURCE
    )
    screen = intake.responses.get(instrument_id="redflags")
    questionnaires.save_answers(
        response=screen, raw=dict.fromkeys(items, 1), actor=clinician_user, source=SOURCE
    )
    return Alert.objects.get(source_id=screen.public_id, acknowledged_at__isnull=True)


def acknowledge_url(patient, alert):
    return reverse("safety:acknowledge", args=[patient.public_id, alert.public_id])


# --- The start page (the patient list) -------------------------------------------------------


def test_the_start_page_puts_an_urgent_patient_first_with_the_reason(cast, client_for):
    say_yes(cast.peter_patient, cast.lise, "1")

    page = client_for(cast.lise).get(reverse("front:patient_list"))

    body = page.content.decode()
    assert "Advarselstegn kræver din opmærksomhed (1)" in body
    assert "Peter Jensen</a>:" in body
    assert "Nu – akut" in body and SADDLE in body
    assert body.index("Advarselstegn kræver") < body.index("<table")
    assert 'bb-triage-badge bb-triage-red">Advarselstegn' in body


def test_the_start_page_of_another_clinician_shows_nothing_of_it(cast, client_for):
    say_yes(cast.peter_patient, cast.lise, "1")

    body = client_for(cast.karim).get(reverse("front:patient_list")).content.decode()

    assert "Advarselstegn kræver" not in body and "Peter" not in body


def test_an_acknowledged_alert_leaves_the_start_page(cast, client_for):
    alert = say_yes(cast.peter_patient, cast.lise, "1")
    client_for(cast.lise).post(
        acknowledge_url(cast.peter_patient, alert), {"what_was_done": "called_patient"}
    )

    body = client_for(cast.lise).get(reverse("front:patient_list")).content.decode()

    assert "Advarselstegn kræver" not in body


def test_the_start_page_answers_in_a_fixed_number_of_queries(cast, client_for):
    lise = client_for(cast.lise)
    lise.get(reverse("front:patient_list"))  # warm up the session

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert lise.get(reverse("front:patient_list")).status_code == 200
        return len(captured)

    before = queries()
    for number in range(5):
        patient = Patient.objects.create(full_name=f"P{number}", email=f"p{number}@test.example")
        CareRelationship.objects.create(
            patient=patient, clinician=cast.lise.clinician, clinic=cast.odense
        )
        say_yes(patient, cast.lise, "1", "12")
    assert queries() == before


# --- The overview and the acknowledgement ----------------------------------------------------


def test_the_overview_shows_the_open_alert_with_the_acute_route_and_a_way_to_acknowledge(
    cast, client_for
):
    alert = say_yes(cast.peter_patient, cast.lise, "1")

    body = (
        client_for(cast.lise)
        .get(reverse("front:patient_overview", args=[cast.peter_patient.public_id]))
        .content.decode()
    )

    assert SADDLE in body
    assert "Akut vej:" in body and "fælles akutmodtagelse (FAM)" in body
    assert acknowledge_url(cast.peter_patient, alert) in body


def test_the_acknowledgement_page_shows_what_the_patient_was_told(cast, client_for):
    alert = say_yes(cast.peter_patient, cast.lise, "1")

    page = client_for(cast.lise).get(acknowledge_url(cast.peter_patient, alert))

    body = page.content.decode()
    assert page.status_code == 200
    assert "Ring straks – vent ikke til i morgen" in body
    assert "Jeg henviste patienten akut" in body
    assert AuditEvent.objects.filter(
        actor=cast.lise, action=Action.READ, target=f"alert:{alert.public_id}"
    ).exists()


def test_acknowledging_records_who_and_what_and_shows_it_to_colleagues(cast, client_for):
    alert = say_yes(cast.peter_patient, cast.lise, "1")
    CareRelationship.objects.create(
        patient=cast.peter_patient, clinician=cast.olav.clinician, clinic=cast.odense
    )

    done = client_for(cast.lise).post(
        acknowledge_url(cast.peter_patient, alert),
        {"what_was_done": "referred_acutely", "note": "Talt med patienten kl. 9.10."},
    )
    seen_by_olav = client_for(cast.olav).get(
        reverse("front:patient_overview", args=[cast.peter_patient.public_id])
    )

    assert done["Location"] == reverse(
        "front:patient_overview", args=[cast.peter_patient.public_id]
    )
    alert.refresh_from_db()
    assert (alert.acknowledged_by, alert.what_was_done) == (cast.lise, "referred_acutely")
    body = seen_by_olav.content.decode()
    assert "Kvitteret af Lise Holm" in body
    assert "Jeg henviste patienten akut" in body and "Talt med patienten kl. 9.10." in body


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({}, "Vælg, hvad der blev gjort."),
        ({"what_was_done": "other"}, "Skriv i noten, hvad der blev gjort."),
        ({"what_was_done": "called_patient", "note": "x" * 501}, "Skriv højst 500 tegn."),
    ],
)
def test_an_acknowledgement_without_what_was_done_is_refused_in_plain_words(
    cast, client_for, posted, message
):
    alert = say_yes(cast.peter_patient, cast.lise, "1")

    page = client_for(cast.lise).post(acknowledge_url(cast.peter_patient, alert), posted)

    assert page.status_code == 400
    assert message in page.content.decode()
    alert.refresh_from_db()
    assert alert.is_open


def test_another_patients_alert_is_not_found_through_this_patient(cast, client_for):
    CareRelationship.objects.create(
        patient=cast.maja_patient, clinician=cast.lise.clinician, clinic=cast.odense
    )
    majas = say_yes(cast.maja_patient, cast.karim, "1")

    page = client_for(cast.lise).get(acknowledge_url(cast.peter_patient, majas))

    assert page.status_code == 404
    refusal = AuditEvent.objects.filter(action=Action.REFUSED).first()
    assert (refusal.patient, refusal.detail) == (
        cast.peter_patient,
        {"reason": "not_this_patients_alert"},
    )


def test_a_clinician_of_another_clinic_cannot_acknowledge(cast, client_for):
    alert = say_yes(cast.peter_patient, cast.lise, "1")

    page = client_for(cast.karim).post(
        acknowledge_url(cast.peter_patient, alert), {"what_was_done": "called_patient"}
    )

    assert page.status_code == 404
    alert.refresh_from_db()
    assert alert.is_open


# --- The clinic administrator ----------------------------------------------------------------


def test_the_administrator_sees_open_urgent_alerts_without_patient_data(cast, client_for):
    say_yes(cast.peter_patient, cast.lise, "1")

    body = client_for(cast.anne).get(reverse("front:admin_overview")).content.decode()

    assert "Akutte advarselstegn uden kvittering" in body
    assert "Lise Holm" in body
    assert "Peter" not in body and SADDLE not in body


def test_the_administrator_sets_region_number_duty_address_and_escalation(cast, client_for):
    anne = client_for(cast.anne)
    url = reverse("safety:clinic_settings")

    saved = anne.post(
        url,
        {
            "region": "midtjylland",
            "helpline_phone": "",
            "acute_route": "",
            "duty_email": "vagt@odense.example",
            "escalation_minutes": "90",
            "opens_at": "07:30",
            "closes_at": "15:30",
        },
    )

    assert saved["Location"] == url
    cast.odense.refresh_from_db()
    assert (cast.odense.region, cast.odense.duty_email, cast.odense.escalation_minutes) == (
        "midtjylland",
        "vagt@odense.example",
        90,
    )
    page = anne.get(url).content.decode()
    assert "lægevagten, 70 11 31 31 (Region Midtjylland)" in page
    event = AuditEvent.objects.get(target="clinic_safety_settings")
    assert (event.actor, event.action) == (cast.anne, Action.UPDATE)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("helpline_phone", "call us", "Skriv et telefonnummer med cifre og mellemrum"),
        ("escalation_minutes", "5", "Brug mindst 15 minutter."),
        ("escalation_minutes", "1000", "Brug højst 480 minutter (én arbejdsdag)."),
        ("escalation_minutes", "soon", "Skriv et helt antal minutter."),
        ("closes_at", "07:00", "Klinikken skal lukke, efter den åbner."),
        ("opens_at", "morning", "Skriv et klokkeslæt som 08:00."),
        ("duty_email", "vagt", "Skriv en gyldig e-mailadresse."),
        ("region", "atlantis", "Vælg en af de viste regioner."),
    ],
)
def test_bad_settings_are_refused_in_plain_words_and_nothing_changes(
    cast, client_for, field, value, message
):
    posted = {
        "region": "",
        "helpline_phone": "",
        "acute_route": "",
        "duty_email": "",
        "escalation_minutes": "120",
        "opens_at": "08:00",
        "closes_at": "16:00",
        field: value,
    }

    page = client_for(cast.anne).post(reverse("safety:clinic_settings"), posted)

    assert page.status_code == 400
    assert message in page.content.decode()
    cast.odense.refresh_from_db()
    assert (cast.odense.region, cast.odense.escalation_minutes) == ("", 120)


# --- The patient's own pages while a sign that cannot wait is open ---------------------------


@pytest.mark.parametrize(
    "page", ["front:patient_home", "questionnaires:mine", "questionnaires:my_results"]
)
def test_the_advice_stays_on_the_patients_pages_until_a_clinician_acknowledges(
    cast, client_for, page
):
    alert = say_yes(cast.peter_patient, cast.lise, "1")
    peter = client_for(cast.peter)

    before = peter.get(reverse(page)).content.decode()
    client_for(cast.lise).post(
        acknowledge_url(cast.peter_patient, alert), {"what_was_done": "called_patient"}
    )
    after = peter.get(reverse(page)).content.decode()

    assert "Du har svaret ja til et tegn, der ikke kan vente." in before
    assert "Ring straks – vent ikke til i morgen" in before
    assert "Ring straks" not in after


def test_a_sign_that_can_wait_puts_no_advice_on_the_home_page(cast, client_for):
    say_yes(cast.peter_patient, cast.lise, "12")

    body = client_for(cast.peter).get(reverse("front:patient_home")).content.decode()

    assert "ikke kan vente" not in body


def test_the_acknowledgement_page_shows_the_number_the_patient_was_given(cast, client_for):
    alert = say_yes(cast.peter_patient, cast.lise, "1")
    cast.odense.region = "hovedstaden"
    cast.odense.save()

    body = client_for(cast.lise).get(acknowledge_url(cast.peter_patient, alert)).content.decode()

    assert alert.helpline["phone"] == "70 11 07 07"
    assert "så ring til lægevagten på 70 11 07 07. Kommer du ikke igennem" in body
    assert "så ring til Akuttelefonen på 1813" not in body
