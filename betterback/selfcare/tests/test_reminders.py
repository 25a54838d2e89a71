"""The patients' own check-in reminders: at the local time the patient chose, on the weekdays the
patient chose, at most 6 hours late, never twice, not after a check-in that day. No health data in
them, only a link to the check-in page."""

import io
import smtplib
import uuid
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from betterback.audit.models import AuditEvent
from betterback.materials.models import WorksheetEntry
from betterback.patients.models import CareRelationship
from betterback.plan import reader
from betterback.selfcare import reminders, services
from betterback.selfcare.models import CheckIn, ReminderSent
from betterback.testing.cast import build_cast
from betterback.testing.clock import stop_the_clock
from betterback.testing.concurrency import at_once

SOURCE = "test"
COPENHAGEN = ZoneInfo("Europe/Copenhagen")
MONDAY, TUESDAY, THURSDAY = 0, 1, 3
SEVEN_PM = time(19, 0)


def local(year, month, day, hour=0, minute=0, second=0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=COPENHAGEN)


# Monday 6 July 2026, summer time (UTC+2).
MONDAY_7PM = local(2026, 7, 6, 19)


@pytest.fixture
def clock(monkeypatch):
    return stop_the_clock(monkeypatch, local(2026, 7, 6, 12))


def choose(patient, weekdays=(MONDAY, THURSDAY), at=SEVEN_PM, by_email=True):
    return services.save_reminders(
        patient=patient,
        weekdays=list(weekdays),
        time=at,
        by_email=by_email,
        actor=patient.user,
        source=SOURCE,
    )


def check_in(patient, made_at, **fields):
    return CheckIn.objects.create(
        patient=patient,
        key=uuid.uuid4(),
        made_at=made_at,
        **{"confidence": 6, "pain": 7, "note": "Ondt efter havearbejde", **fields},
    )


def run() -> int:
    """One run of the sender; returns how many emails it sent."""
    outcome = reminders.send_due()
    assert outcome.failed == 0
    return outcome.sent


def sent() -> list[tuple[int, datetime]]:
    return sorted(
        ReminderSent.objects.filter(sent_at__isnull=False).values_list("patient_id", "due_at")
    )


def test_a_reminder_goes_out_at_the_chosen_time_on_a_chosen_weekday_and_once(cast, clock):
    peter = cast.peter_patient
    choose(peter)

    clock.now = MONDAY_7PM - timedelta(seconds=1)
    assert run() == 0  # not yet

    clock.now = MONDAY_7PM
    assert run() == 1
    assert mail.outbox[0].to == ["peter@test.example"]
    assert sent() == [(peter.pk, MONDAY_7PM)]

    clock.now = MONDAY_7PM + timedelta(minutes=1)
    assert run() == 0  # a second run
    clock.now = MONDAY_7PM + timedelta(hours=2)
    assert run() == 0

    for day in (1, 2):  # Tuesday and Wednesday are not chosen
        clock.now = MONDAY_7PM + timedelta(days=day)
        assert run() == 0

    clock.now = MONDAY_7PM + timedelta(days=3)  # Thursday
    assert run() == 1

    clock.now = MONDAY_7PM + timedelta(weeks=1)  # next Monday
    assert run() == 1
    assert run() == 0
    assert sent() == [
        (peter.pk, MONDAY_7PM),
        (peter.pk, MONDAY_7PM + timedelta(days=3)),
        (peter.pk, MONDAY_7PM + timedelta(weeks=1)),
    ]
    assert len(mail.outbox) == 3


def test_each_reminder_is_audited_as_sent_to_the_patient(cast, clock):
    choose(cast.peter_patient)
    clock.now = MONDAY_7PM

    run()

    event = AuditEvent.objects.get(target="notice:check_in")
    assert (event.actor, event.patient, event.source, event.action) == (
        None,
        cast.peter_patient,
        "command:send_reminders",
        "create",
    )


def test_no_email_when_the_patient_chose_no_email_or_no_days(cast, clock):
    choose(cast.peter_patient, by_email=False)
    choose(cast.maja_patient, weekdays=())
    clock.now = MONDAY_7PM

    assert run() == 0
    assert mail.outbox == []


def test_no_email_when_the_care_relationship_ended(cast, clock):
    choose(cast.peter_patient)
    CareRelationship.objects.filter(patient=cast.peter_patient).update(ended_at=clock.now)
    clock.now = MONDAY_7PM

    assert run() == 0
    assert mail.outbox == []


def test_no_email_to_a_patient_who_checked_in_earlier_that_day(cast, clock):
    choose(cast.peter_patient)
    choose(cast.maja_patient)
    check_in(cast.peter_patient, local(2026, 7, 6, 0, 5))  # just after midnight
    check_in(cast.maja_patient, local(2026, 7, 5, 23, 55))  # the day before: does not count
    clock.now = MONDAY_7PM

    assert run() == 1
    assert mail.outbox[0].to == ["maja@test.example"]

    clock.now = MONDAY_7PM + timedelta(days=3)  # Thursday: Peter has not checked in today
    assert run() == 2


def test_no_late_email_to_a_patient_who_checked_in_after_the_time_before_the_sender_ran(
    cast, clock
):
    choose(cast.peter_patient)
    check_in(cast.peter_patient, MONDAY_7PM + timedelta(minutes=30))
    clock.now = MONDAY_7PM + timedelta(hours=1)  # the sender was down for an hour

    assert run() == 0


def test_a_sender_down_for_more_than_six_hours_does_not_send_the_stale_reminder(cast, clock):
    choose(cast.peter_patient)
    choose(cast.maja_patient)

    clock.now = MONDAY_7PM + timedelta(hours=6)  # down for six hours: still sent
    assert reminders.send_due().sent == 2
    ReminderSent.objects.all().delete()
    mail.outbox.clear()

    clock.now = MONDAY_7PM + timedelta(hours=6, seconds=1)
    assert run() == 0

    clock.now = MONDAY_7PM + timedelta(days=1, hours=1)  # down for a day: nothing on Tuesday
    assert run() == 0
    assert mail.outbox == []

    clock.now = MONDAY_7PM + timedelta(days=3)  # Thursday's is sent as usual
    assert run() == 2


def test_a_mail_failure_keeps_no_claim_and_the_next_run_sends_it(cast, clock, monkeypatch):
    choose(cast.peter_patient)
    clock.now = MONDAY_7PM

    def failing(*args, **kwargs):
        raise smtplib.SMTPException("the mail server is down")

    with monkeypatch.context() as patched:
        patched.setattr(reminders, "send_mail", failing)
        outcome = reminders.send_due()

    assert (outcome.sent, outcome.failed) == (0, 1)
    assert mail.outbox == []
    assert not ReminderSent.objects.exists()
    assert not AuditEvent.objects.filter(target="notice:check_in").exists()

    clock.now += timedelta(minutes=1)
    assert run() == 1
    assert sent() == [(cast.peter_patient.pk, MONDAY_7PM)]


@pytest.mark.parametrize(
    ("language", "subject", "greeting"),
    [
        ("da", "Tid til dagens status", "Hej,"),
        ("en", "Time for your check-in", "Hello,"),
    ],
)
def test_the_email_links_to_the_check_in_in_the_patients_language_without_health_data(
    cast, clock, settings, language, subject, greeting
):
    settings.BETTERBACK_SITE_URL = "https://ryg.example.dk/"
    cast.peter.language = language
    cast.peter.save(update_fields=["language"])
    peter = cast.peter_patient
    choose(peter)
    # Peter has a plan and checked in last week: actions, scores and a note the email must not
    # show.
    WorksheetEntry.objects.create(
        patient=peter,
        material_id="action-plan",
        data={"actions": [{"key": "walk", "what": "Gå med hunden", "when": "Efter aftensmad"}]},
    )
    check_in(peter, local(2026, 7, 2, 18), actions={"walk": {"status": "done", "amount": 20}})
    clock.now = MONDAY_7PM

    run()

    [email] = mail.outbox
    assert email.subject == subject
    assert email.body.startswith(greeting)
    assert "\nhttps://ryg.example.dk/me/check-in/\n" in email.body
    text = f"{email.subject}\n{email.body}".replace("https://ryg.example.dk/me/check-in/", "")
    assert not any(ch.isdigit() for ch in text), "no scores, no dates, no times"
    for word in ("Peter", "Jensen", "Lise", "Holm", "Odense", "havearbejde", "walk"):
        assert word not in text
    [action] = reader.read(peter, local(2026, 7, 6).date()).actions
    for words in (action.what, action.when):
        assert words.lower() not in text.lower()


@pytest.mark.parametrize(
    ("now", "utc_hour"),
    [
        (local(2026, 7, 6, 19), 17),  # summer time, UTC+2
        (local(2026, 1, 12, 19), 18),  # winter time, UTC+1
    ],
)
def test_seven_pm_is_seven_pm_in_denmark_in_summer_and_in_winter(cast, clock, now, utc_hour):
    choose(cast.peter_patient, weekdays=[MONDAY], at=SEVEN_PM)

    clock.now = now - timedelta(seconds=1)
    assert run() == 0
    clock.now = now
    assert run() == 1

    [(_, due_at)] = sent()
    assert due_at.astimezone(UTC).hour == utc_hour
    assert timezone.localtime(due_at, COPENHAGEN).hour == 19


def test_the_days_summer_time_starts_and_ends_each_get_one_reminder(cast, clock):
    """02:30 does not exist on 29 March 2026 (it is sent at 03:30) and happens twice on
    25 October 2026 (it is sent the first time)."""
    choose(cast.peter_patient, weekdays=[6], at=time(2, 30))  # Sundays

    clock.now = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03:30 summer time
    assert run() == 1
    clock.now = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # the first 02:30, summer time
    assert run() == 1
    clock.now = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # the second 02:30, winter time
    assert run() == 0

    assert [due for _, due in sent()] == [
        datetime(2026, 3, 29, 1, 30, tzinfo=UTC),
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
    ]


def test_the_command_counts_check_in_reminders_with_the_questionnaire_emails(cast, clock):
    choose(cast.peter_patient)
    choose(cast.maja_patient)
    clock.now = MONDAY_7PM
    out = io.StringIO()

    call_command("send_reminders", stdout=out)

    assert out.getvalue().startswith("sent 2, failed 0")
    assert len(mail.outbox) == 2


@pytest.mark.django_db(transaction=True)
def test_runs_at_the_same_time_send_each_reminder_exactly_once(database_for_threads, clock):
    cast = build_cast()
    peter, maja = cast.peter_patient, cast.maja_patient
    choose(peter, weekdays=[MONDAY, TUESDAY])
    choose(maja, weekdays=[MONDAY])
    runners = 4
    outcomes, errors = [], []

    def run_at_once():
        at_once(reminders.send_due, runners, outcomes, errors)

    clock.now = MONDAY_7PM
    run_at_once()  # Peter's and Maja's Monday reminders
    clock.now = MONDAY_7PM + timedelta(minutes=1)
    run_at_once()  # nothing new
    clock.now = MONDAY_7PM + timedelta(days=1)
    run_at_once()  # Peter's Tuesday reminder

    assert errors == []
    tuesday_7pm = MONDAY_7PM + timedelta(days=1)
    expected = sorted([(peter.pk, MONDAY_7PM), (maja.pk, MONDAY_7PM), (peter.pk, tuesday_7pm)])
    assert sent() == expected
    assert ReminderSent.objects.count() == len(expected)
    assert sum(o.sent for o in outcomes) == len(expected)
    assert sum(o.failed for o in outcomes) == 0
    assert len(mail.outbox) == len(expected)
    assert sorted(email.to[0] for email in mail.outbox) == [
        "maja@test.example",
        "peter@test.example",
        "peter@test.example",
    ]
    assert AuditEvent.objects.filter(target="notice:check_in").count() == len(expected)
