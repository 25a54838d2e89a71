"""The questionnaire emails: "new questionnaires" when a follow-up set opens, one reminder three
days after a set opened, each sent exactly once, even by runs at the same time. No health data in
them, only a link to log in."""

import io
import smtplib
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from betterback.audit.models import AuditEvent
from betterback.core.once import claim
from betterback.patients.models import CareRelationship
from betterback.questionnaires import reminders, services
from betterback.questionnaires.definitions import instruments
from betterback.questionnaires.models import Notice, QuestionnaireSet
from betterback.testing.cast import build_cast
from betterback.testing.clock import stop_the_clock
from betterback.testing.concurrency import at_once

SOURCE = "test"
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
AVAILABLE, REMINDER = Notice.Kind.AVAILABLE, Notice.Kind.REMINDER


@pytest.fixture
def clock(monkeypatch):
    return stop_the_clock(monkeypatch, T0)


def follow_ups(patient, clinician_user, start=T0) -> dict[int, QuestionnaireSet]:
    """Follow-up sets at weeks 4, 12 and 26 after ``start``, by week."""
    sets = services.schedule_follow_ups(
        patient=patient,
        clinician=clinician_user.clinician,
        start=start,
        actor=clinician_user,
        source=SOURCE,
    )
    return {qset.week: qset for qset in sets}


def intake(patient, clinician_user) -> QuestionnaireSet:
    return services.send_intake(
        patient=patient, clinician=clinician_user.clinician, actor=patient.user, source=SOURCE
    )


def run() -> int:
    """One run of the sender; returns how many emails it sent."""
    outcome = reminders.send_due()
    assert outcome.failed == 0
    return outcome.sent


def notices() -> list[tuple[int, str]]:
    return sorted(
        Notice.objects.filter(sent_at__isnull=False).values_list("questionnaire_set_id", "kind")
    )


def test_a_follow_up_set_that_opens_gets_one_email_and_one_reminder_three_days_later(cast, clock):
    week_4 = follow_ups(cast.peter_patient, cast.lise)[4]
    clock.now = week_4.available_from - timedelta(minutes=1)
    assert run() == 0  # not open yet

    clock.now = week_4.available_from
    assert run() == 1
    assert [m.subject for m in mail.outbox] == ["Nye spørgeskemaer i BetterBack"]
    assert mail.outbox[0].to == ["peter@test.example"]
    assert notices() == [(week_4.pk, AVAILABLE)]

    assert run() == 0  # a second run

    clock.now = week_4.available_from + timedelta(days=3) - timedelta(seconds=1)
    assert run() == 0

    clock.now = week_4.available_from + timedelta(days=3)
    assert run() == 1
    assert mail.outbox[1].subject == "En påmindelse fra BetterBack"
    assert notices() == sorted([(week_4.pk, AVAILABLE), (week_4.pk, REMINDER)])

    clock.now += timedelta(days=30)
    assert run() == 0  # no second reminder
    assert len(mail.outbox) == 2


def test_after_the_sender_was_down_the_reminder_still_waits_three_days_after_the_first_email(
    cast, clock
):
    week_4 = follow_ups(cast.peter_patient, cast.lise)[4]
    clock.now = week_4.available_from + timedelta(days=10)  # the sender was down for 10 days
    assert run() == 1
    assert notices() == [(week_4.pk, AVAILABLE)]
    clock.now += timedelta(days=3) - timedelta(seconds=1)
    assert run() == 0
    clock.now += timedelta(seconds=1)
    assert run() == 1
    assert notices() == sorted([(week_4.pk, AVAILABLE), (week_4.pk, REMINDER)])


def test_the_intake_gets_no_new_questionnaires_email_but_does_get_a_reminder(cast, clock):
    first = intake(cast.peter_patient, cast.lise)
    assert run() == 0  # the invitation was the notice

    clock.now = T0 + timedelta(days=3)
    assert run() == 1

    assert [m.subject for m in mail.outbox] == ["En påmindelse fra BetterBack"]
    assert notices() == [(first.pk, REMINDER)]
    assert run() == 0


def test_each_email_is_audited_as_sent_to_the_patient(cast, clock):
    follow_ups(cast.peter_patient, cast.lise)
    clock.now = T0 + timedelta(weeks=4)

    run()

    event = AuditEvent.objects.first()
    assert (event.actor, event.patient, event.target, event.source) == (
        None,
        cast.peter_patient,
        "notice:available",
        reminders.SOURCE,
    )


def test_a_completed_set_gets_nothing(cast, clock):
    sets = follow_ups(cast.peter_patient, cast.lise)
    QuestionnaireSet.objects.filter(pk=sets[4].pk).update(completed_at=T0 + timedelta(weeks=4))

    clock.now = T0 + timedelta(weeks=5)
    assert run() == 0
    assert mail.outbox == []


def test_a_patient_whose_care_ended_gets_nothing(cast, clock):
    follow_ups(cast.peter_patient, cast.lise)
    intake(cast.peter_patient, cast.lise)
    CareRelationship.objects.filter(patient=cast.peter_patient).update(ended_at=T0)

    clock.now = T0 + timedelta(weeks=30)
    assert run() == 0
    assert mail.outbox == []


def test_a_patient_in_care_with_another_clinician_gets_nothing_about_the_ended_one(cast, clock):
    """Maja's care with Karim ended; her new care with Lise does not revive Karim's sets."""
    follow_ups(cast.maja_patient, cast.karim)
    CareRelationship.objects.filter(patient=cast.maja_patient).update(ended_at=T0)
    CareRelationship.objects.create(
        patient=cast.maja_patient, clinician=cast.lise.clinician, clinic=cast.odense
    )

    clock.now = T0 + timedelta(weeks=5)
    assert run() == 0


def test_a_mail_failure_sends_nothing_keeps_no_claim_and_the_next_run_sends_it(
    cast, clock, monkeypatch
):
    week_4 = follow_ups(cast.peter_patient, cast.lise)[4]
    clock.now = week_4.available_from

    def failing(*args, **kwargs):
        raise smtplib.SMTPException("the mail server is down")

    with monkeypatch.context() as patched:
        patched.setattr(reminders, "send_mail", failing)
        outcome = reminders.send_due()

    assert (outcome.sent, outcome.failed) == (0, 1)
    assert mail.outbox == []
    assert not Notice.objects.exists()
    assert not AuditEvent.objects.filter(target__startswith="notice:").exists()

    assert run() == 1
    assert notices() == [(week_4.pk, AVAILABLE)]


@pytest.mark.parametrize(
    ("language", "subject", "greeting"),
    [
        ("da", "Nye spørgeskemaer i BetterBack", "Hej"),
        ("en", "New questionnaires in BetterBack", "Hello"),
    ],
)
def test_the_email_links_to_the_questionnaires_in_the_patients_language_without_health_data(
    cast, clock, settings, language, subject, greeting
):
    settings.BETTERBACK_SITE_URL = "https://ryg.example.dk/"
    cast.peter.language = language
    cast.peter.save(update_fields=["language"])
    week_4 = follow_ups(cast.peter_patient, cast.lise)[4]
    # Peter has answered his intake: there are scores the email must not show.
    services.enter_paper(
        patient=cast.peter_patient,
        definition=instruments()["nrs"],
        variant="back",
        raw={"1": 7},
        notes={},
        key=uuid.uuid4(),
        actor=cast.lise,
        source=SOURCE,
    )
    clock.now = week_4.available_from

    run()

    [email] = mail.outbox
    assert email.subject == subject
    assert email.body.startswith(greeting)
    assert "https://ryg.example.dk/me/questionnaires/\n" in email.body
    text = f"{email.subject}\n{email.body}".replace("https://ryg.example.dk/me/questionnaires/", "")
    assert not any(ch.isdigit() for ch in text), "no scores, no dates"
    for word in ("Peter", "Jensen", "Lise", "Holm", "Odense"):
        assert word not in text
    for definition in instruments().values():
        for name in (definition.name, definition.short_name):
            for value in name.by_language.values():
                assert value.lower() not in text.lower(), value


def test_the_command_says_how_many_it_sent(cast, clock):
    follow_ups(cast.peter_patient, cast.lise)
    follow_ups(cast.maja_patient, cast.karim)
    clock.now = T0 + timedelta(weeks=4)
    out = io.StringIO()

    call_command("send_reminders", stdout=out)

    assert out.getvalue().startswith("sent 2, failed 0")
    assert len(mail.outbox) == 2


def test_the_second_claim_of_an_email_gets_nothing(cast):
    week_4 = follow_ups(cast.peter_patient, cast.lise)[4]

    first = claim(Notice, questionnaire_set=week_4, kind=AVAILABLE)
    second = claim(Notice, questionnaire_set=week_4, kind=AVAILABLE)
    other_kind = claim(Notice, questionnaire_set=week_4, kind=REMINDER)

    assert first is not None and other_kind is not None
    assert second is None
    assert Notice.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_runs_at_the_same_time_send_each_email_exactly_once(database_for_threads, clock):
    cast = build_cast()
    due = [
        *follow_ups(cast.peter_patient, cast.lise).values(),
        *follow_ups(cast.maja_patient, cast.karim).values(),
        intake(cast.peter_patient, cast.lise),
    ]
    clock.now = T0 + timedelta(weeks=30)  # every set open and past its reminder
    runners = 4
    outcomes, errors = [], []

    def run_at_once():
        at_once(reminders.send_due, runners, outcomes, errors)

    run_at_once()  # "new questionnaires" for the follow-ups, the reminder for the intake
    clock.now += timedelta(days=3)
    run_at_once()  # the follow-ups' reminders, three days after their first email

    assert errors == []
    follow_up_sets = [s for s in due if s.week is not None]
    expected = sorted([(s.pk, AVAILABLE) for s in follow_up_sets] + [(s.pk, REMINDER) for s in due])
    assert notices() == expected
    assert Notice.objects.count() == len(expected)
    assert sum(o.sent for o in outcomes) == len(expected)
    assert sum(o.failed for o in outcomes) == 0
    assert len(mail.outbox) == len(expected)
    recipients = sorted(email.to[0] for email in mail.outbox)
    assert recipients == ["maja@test.example"] * 6 + ["peter@test.example"] * 7
