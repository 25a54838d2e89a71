"""The alert emails: each clinician of the patient and the clinic's duty address as soon as an
urgent sign is saved, the clinic administrator once when nobody acknowledges it in time; each
email exactly once, also with several senders at the same time; no health data in any of them."""

import io
import smtplib
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from betterback.audit.models import Action, AuditEvent
from betterback.clinics.models import ClinicAdministrator
from betterback.patients.models import CareRelationship
from betterback.questionnaires import services as questionnaires
from betterback.safety import notify, services
from betterback.safety.models import Alert, AlertNotice
from betterback.testing.cast import build_cast
from betterback.testing.clock import stop_the_clock
from betterback.testing.concurrency import at_once

SOURCE = "test"
# Tuesday 8 December 2026, 09:00 in Copenhagen: the clinics are open 8-16.
T0 = datetime(2026, 12, 8, 8, 0, tzinfo=UTC)


@pytest.fixture
def clock(monkeypatch):
    return stop_the_clock(monkeypatch, T0)


def say_yes(patient, clinician_user, item: str):
    """The patient answers "yes" to one warning sign of their intake screen (and stops there)."""
    intake = questionnaires.send_intake(
        patient=patient, clinician=clinician_user.clinician, actor=patient.user, source=SOURCE
    )
    screen = intake.responses.get(instrument_id="redflags")
    questionnaires.save_answers(response=screen, raw={item: 1}, actor=patient.user, source=SOURCE)
    return Alert.objects.get(source_id=screen.public_id)


def sent(kind=None) -> list[tuple[str, str]]:
    notices = AlertNotice.objects.filter(sent_at__isnull=False)
    if kind:
        notices = notices.filter(kind=kind)
    return sorted(notices.values_list("kind", "recipient"))


def run(now=None) -> int:
    outcome = notify.send_due(now)
    assert outcome.failed == 0
    return outcome.sent


def test_an_urgent_sign_emails_the_patients_clinician_once(cast, clock):
    say_yes(cast.peter_patient, cast.lise, "1")

    first, second = run(), run()

    assert (first, second) == (1, 0)
    [email] = mail.outbox
    assert email.to == [cast.lise.email]
    assert email.subject == "BetterBack: en patient har brug for opmærksomhed nu"
    assert f"/clinic/patients/{cast.peter_patient.public_id}/" in email.body


def test_the_email_holds_no_health_data(cast, clock):
    say_yes(cast.peter_patient, cast.lise, "1")

    run()

    [email] = mail.outbox
    text = email.subject + email.body
    for private in ("Peter", "Jensen", "skridt", "saddle", "ridebukse", "følesans"):
        assert private not in text


def test_the_email_is_in_the_clinicians_language(cast, clock):
    cast.lise.language = "en"
    cast.lise.save()
    say_yes(cast.peter_patient, cast.lise, "1")

    run()

    assert mail.outbox[0].subject == "BetterBack: a patient needs attention now"


def test_every_clinician_in_care_and_the_duty_address_get_one_each(cast, clock):
    cast.odense.duty_email = "vagt@odense.example"
    cast.odense.save()
    CareRelationship.objects.create(
        patient=cast.peter_patient, clinician=cast.karim.clinician, clinic=cast.vejle
    )
    CareRelationship.objects.create(
        patient=cast.peter_patient, clinician=cast.olav.clinician, clinic=cast.odense,
        ended_at=T0,
    )  # fmt: skip
    say_yes(cast.peter_patient, cast.lise, "2")

    assert run() == 3

    assert sorted(email.to[0] for email in mail.outbox) == [
        cast.karim.email,
        cast.lise.email,
        "vagt@odense.example",
    ]
    assert sent() == sorted(
        [
            ("clinician", f"user:{cast.karim.pk}"),
            ("clinician", f"user:{cast.lise.pk}"),
            ("duty", f"clinic:{cast.odense.pk}"),
        ]
    )


def test_a_sign_for_the_same_day_emails_too(cast, clock):
    say_yes(cast.peter_patient, cast.lise, "7")

    assert run() == 1


@pytest.mark.parametrize("item", ["12", "18"])  # within days, at follow-up
def test_a_sign_that_can_wait_emails_nobody(cast, clock, item):
    say_yes(cast.peter_patient, cast.lise, item)

    assert run() == 0


def test_an_alert_acknowledged_before_the_sender_runs_emails_nobody(cast, clock):
    alert = say_yes(cast.peter_patient, cast.lise, "1")
    services.acknowledge(
        alert=alert, what_was_done="called_patient", note="", actor=cast.lise, source=SOURCE
    )

    assert run() == 0


def test_each_email_sent_is_audited_on_the_patient_without_a_person(cast, clock):
    say_yes(cast.peter_patient, cast.lise, "1")

    run()

    event = AuditEvent.objects.get(target="alert_notice:clinician")
    assert (event.action, event.actor, event.patient, event.source) == (
        Action.CREATE,
        None,
        cast.peter_patient,
        "command:send_reminders",
    )


# --- Escalation ------------------------------------------------------------------------------


def test_unacknowledged_after_two_working_hours_it_goes_to_the_administrator_once(cast, clock):
    say_yes(cast.peter_patient, cast.lise, "1")
    run()

    early = run(T0 + timedelta(hours=1, minutes=59))
    due = run(T0 + timedelta(hours=2))
    again = run(T0 + timedelta(hours=5))

    assert (early, due, again) == (0, 1, 0)
    assert sent("escalation") == [("escalation", f"user:{cast.anne.pk}")]
    escalation = mail.outbox[-1]
    assert escalation.to == [cast.anne.email]
    assert escalation.subject == "BetterBack: en akut advarsel er ikke kvitteret"
    assert "Peter" not in escalation.body


def test_escalation_counts_opening_hours_only(cast, clock):
    clock.now = datetime(2026, 12, 11, 14, 30, tzinfo=UTC)  # Friday 15:30 in Copenhagen
    say_yes(cast.peter_patient, cast.lise, "1")
    monday_0929 = datetime(2026, 12, 14, 8, 29, tzinfo=UTC)

    assert run(monday_0929) == 1  # only the clinician's email
    assert run(monday_0929 + timedelta(minutes=1)) == 1  # Monday 09:30: the administrator


def test_the_clinic_sets_how_long_to_wait(cast, clock):
    cast.odense.escalation_minutes = 30
    cast.odense.save()
    say_yes(cast.peter_patient, cast.lise, "1")

    run(T0 + timedelta(minutes=30))

    assert sent("escalation") == [("escalation", f"user:{cast.anne.pk}")]


def test_an_acknowledged_alert_is_not_escalated(cast, clock):
    alert = say_yes(cast.peter_patient, cast.lise, "1")
    run()
    services.acknowledge(
        alert=alert, what_was_done="referred_acutely", note="", actor=cast.lise, source=SOURCE
    )

    assert run(T0 + timedelta(hours=3)) == 0


def test_each_clinic_escalates_to_its_own_administrators(cast, clock):
    vejle_admin = build_admin(cast)
    CareRelationship.objects.create(
        patient=cast.peter_patient, clinician=cast.karim.clinician, clinic=cast.vejle
    )
    say_yes(cast.peter_patient, cast.lise, "1")

    run(T0 + timedelta(hours=2))

    assert sent("escalation") == sorted(
        [("escalation", f"user:{cast.anne.pk}"), ("escalation", f"user:{vejle_admin.pk}")]
    )


def build_admin(cast):
    from betterback.accounts.models import User

    user = User.objects.create_user(
        email="vera@test.example", password="a-long-test-password-42", full_name="Vera Admin"
    )
    ClinicAdministrator.objects.create(user=user, clinic=cast.vejle)
    return user


# --- Failures and parallel senders -----------------------------------------------------------


def test_a_mail_server_failure_is_tried_again_by_the_next_run(cast, clock, monkeypatch):
    say_yes(cast.peter_patient, cast.lise, "1")

    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("down")

    monkeypatch.setattr(notify, "send_mail", refuse)
    outcome = notify.send_due()
    monkeypatch.undo()
    stop_the_clock(monkeypatch, T0)

    assert (outcome.sent, outcome.failed) == (0, 1)
    assert not AlertNotice.objects.exists()
    assert run() == 1


def test_send_reminders_sends_the_alert_emails_first(cast, clock):
    say_yes(cast.peter_patient, cast.lise, "1")
    out = io.StringIO()

    call_command("send_reminders", stdout=out)

    assert mail.outbox[0].subject == "BetterBack: en patient har brug for opmærksomhed nu"
    assert "sent 1" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_senders_at_the_same_time_send_each_email_exactly_once(database_for_threads, clock):
    cast = build_cast()
    cast.odense.duty_email = "vagt@odense.example"
    cast.odense.save()
    say_yes(cast.peter_patient, cast.lise, "1")
    say_yes(cast.maja_patient, cast.karim, "4")
    outcomes, errors = [], []

    at_once(notify.send_due, 4, outcomes, errors)  # the clinicians and the duty address
    clock.now = T0 + timedelta(hours=2)
    at_once(notify.send_due, 4, outcomes, errors)  # Anne: Peter's alert is not acknowledged

    assert errors == []
    expected = [
        ("clinician", f"user:{cast.karim.pk}"),
        ("clinician", f"user:{cast.lise.pk}"),
        ("duty", f"clinic:{cast.odense.pk}"),
        ("escalation", f"user:{cast.anne.pk}"),
    ]
    assert sent() == sorted(expected)
    assert AlertNotice.objects.count() == len(expected)
    assert sum(o.sent for o in outcomes) == len(expected)
    assert sorted(email.to[0] for email in mail.outbox) == sorted(
        [cast.karim.email, cast.lise.email, "vagt@odense.example", cast.anne.email]
    )
