"""The patients' own check-in reminders: an email at the time the patient chose on the weekdays
the patient chose (/me/reminders/). Sent by ``betterback send_reminders``, which is safe to run
every minute from cron or a timer, from several machines at once.

When: the chosen time is local time (settings.TIME_ZONE, Europe/Copenhagen), so a 19:00 reminder
goes out at 19:00 in both summer and winter time. A run looks at the most recent due moment at or
before now and sends it if it is at most ``LATEST`` (6 hours) old: a sender that was down for a day
does not send yesterday's reminder late, and never sends a backlog. A time that does not exist on
the day summer time starts (02:00-03:00) is sent an hour later; a time that happens twice when it
ends is sent the first time.

Not needed: no reminder goes out if the patient has already checked in that local day (any
check-in made from the start of the due moment's local day until the run, before or after the
chosen time), if the reminder is switched off or has no day or time, if the patient has no active
user, or no active care relationship with any clinician.

Exactly once: before sending, a run claims the reminder by inserting a ReminderSent row, which a
unique constraint allows once per patient and due moment. A second run (or a parallel one) cannot
claim it and skips. If the mail server fails, the claim is removed so the next run tries again
(while the reminder is still at most 6 hours old). The email holds no health data and no names of
actions, only a link to the check-in page.
"""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from betterback.audit import events
from betterback.core.mail import Outcome, send_claimed
from betterback.core.once import claim
from betterback.patients.models import CareRelationship
from betterback.selfcare.models import CheckIn, ReminderChoice, ReminderSent

SOURCE = "command:send_reminders"
LATEST = timedelta(hours=6)


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _weekdays(choice: ReminderChoice) -> set[int]:
    days = set()
    for day in choice.weekdays or []:
        try:
            number = int(day)
        except (TypeError, ValueError):
            continue
        if 0 <= number <= 6:
            days.add(number)
    return days


def last_due(weekdays: set[int], at: time, now: datetime) -> datetime | None:
    """The most recent moment at or before ``now`` that is ``at`` local time on one of
    ``weekdays`` (0 Monday ... 6 Sunday), in UTC; None without weekdays."""
    zone = _zone()
    today = timezone.localtime(now, zone).date()
    for back in range(8):
        day = today - timedelta(days=back)
        if day.weekday() not in weekdays:
            continue
        # fold=0: a missing local time counts with the offset before the change, an ambiguous
        # one is the first of the two. Either way the same moment every run, as the claim needs.
        due = datetime.combine(day, at.replace(tzinfo=None), tzinfo=zone).astimezone(UTC)
        if due <= now:
            return due
    return None


def _start_of_local_day(moment: datetime) -> datetime:
    zone = _zone()
    day = timezone.localtime(moment, zone).date()
    return datetime.combine(day, time.min, tzinfo=zone)


def _choices():
    in_care = CareRelationship.objects.active().filter(patient=OuterRef("patient"))
    return (
        ReminderChoice.objects.filter(
            by_email=True,
            time__isnull=False,
            patient__user__isnull=False,
            patient__user__is_active=True,
        )
        .filter(Exists(in_care))
        .select_related("patient__user")
        .order_by("id")
    )


def _due(now: datetime) -> list[tuple[ReminderChoice, datetime]]:
    due = []
    for choice in _choices():
        due_at = last_due(_weekdays(choice), choice.time, now)
        if due_at is None or now - due_at > LATEST:
            continue
        checked_in = CheckIn.objects.filter(
            patient_id=choice.patient_id, made_at__gte=_start_of_local_day(due_at)
        ).exists()
        if checked_in:
            continue
        if ReminderSent.objects.filter(patient_id=choice.patient_id, due_at=due_at).exists():
            continue  # sent, or being sent by another run
        due.append((choice, due_at))
    return due


def _send(patient) -> None:
    user = patient.user
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {
            "url": settings.BETTERBACK_SITE_URL.rstrip("/") + reverse("selfcare:check_in"),
        }
        subject = render_to_string("selfcare/reminder_subject.txt", context).strip()
        body = render_to_string("selfcare/reminder_body.txt", context)
    send_mail(subject, body, None, [user.email])


def send_due(now=None) -> Outcome:
    now = now or timezone.now()
    outcome = Outcome()
    for choice, due_at in _due(now):
        patient = choice.patient
        reminder = claim(ReminderSent, patient=patient, due_at=due_at)
        if reminder is None:  # another run has it
            continue
        what = f"the check-in reminder for patient {patient.pk}"
        if send_claimed(reminder, outcome, what, _send, patient):
            events.check_in_reminder_sent(patient=patient, source=SOURCE)
    return outcome
