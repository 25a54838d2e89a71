"""Emails about urgent alerts, sent by `betterback send_reminders` (run it every minute):

- each clinician with the patient in care, and the clinic's duty address if it has one, as soon as
  an alert reaches "now" or "the same day";
- each administrator of such a clinic, once, when nobody has acknowledged the alert within the
  clinic's working time (safety.hours; default 2 working hours).

Exactly once: a run first claims an email by inserting an AlertNotice row, which a unique
constraint allows once per alert, kind and recipient; a parallel run cannot claim it. If the mail
server fails, the claim is removed so the next run tries again. The emails hold no health data:
no name, no sign, only that a patient needs attention and a link.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from betterback.audit import events
from betterback.core.mail import Outcome, send_claimed
from betterback.core.once import claim
from betterback.patients.models import CareRelationship
from betterback.safety.hours import OpeningHours, add_working_hours
from betterback.safety.models import Alert, AlertNotice

SOURCE = "command:send_reminders"


@dataclass(frozen=True)
class Email:
    kind: str
    recipient: str  # user:<id> or clinic:<id>
    address: str
    language: str
    url: str


def escalation_due(alert: Alert, clinic) -> object:
    """When an unacknowledged alert goes to this clinic's administrators."""
    hours = OpeningHours(opens=clinic.opens_at, closes=clinic.closes_at)
    return add_working_hours(alert.urgent_since, clinic.escalation_minutes / 60, hours)


def _site(path: str) -> str:
    return settings.BETTERBACK_SITE_URL.rstrip("/") + path


def emails_for(alert: Alert, relationships: list[CareRelationship], now) -> list[Email]:
    """Every email this alert should have by now."""
    overview = _site(reverse("front:patient_overview", args=[alert.patient.public_id]))
    emails, clinics = [], {}
    for relationship in relationships:
        user = relationship.clinician.user
        emails.append(Email("clinician", f"user:{user.pk}", user.email, user.language, overview))
        clinics[relationship.clinic.pk] = relationship.clinic
    for clinic in clinics.values():
        if clinic.duty_email:
            emails.append(
                Email(
                    "duty",
                    f"clinic:{clinic.pk}",
                    clinic.duty_email,
                    settings.LANGUAGE_CODE,
                    _site(reverse("front:patient_list")),
                )
            )
        if now >= escalation_due(alert, clinic):
            for administrator in clinic.administrators.all():
                user = administrator.user
                emails.append(
                    Email(
                        "escalation",
                        f"user:{user.pk}",
                        user.email,
                        user.language,
                        _site(reverse("front:admin_overview")),
                    )
                )
    return emails


def _send(alert: Alert, email: Email) -> None:
    with translation.override(email.language or settings.LANGUAGE_CODE):
        context = {"kind": email.kind, "url": email.url, "alert": alert}
        subject = render_to_string("safety/email_subject.txt", context).strip()
        body = render_to_string("safety/email_body.txt", context)
    send_mail(subject, body, None, [email.address])


def send_due(now=None) -> Outcome:
    now = now or timezone.now()
    outcome = Outcome()
    alerts = list(
        Alert.objects.open()
        .notifying()
        .filter(urgent_since__isnull=False)
        .select_related("patient")
        .prefetch_related("notices")
    )
    relationships: dict[int, list[CareRelationship]] = {}
    for relationship in (
        CareRelationship.objects.active()
        .filter(patient__in=[alert.patient for alert in alerts])
        .select_related("clinician__user", "clinic")
        .prefetch_related("clinic__administrators__user")
    ):
        relationships.setdefault(relationship.patient_id, []).append(relationship)
    for alert in alerts:
        done = {(notice.kind, notice.recipient) for notice in alert.notices.all()}
        for email in emails_for(alert, relationships.get(alert.patient_id, []), now):
            if (email.kind, email.recipient) in done or not email.address:
                continue
            notice = claim(AlertNotice, alert=alert, kind=email.kind, recipient=email.recipient)
            if notice is None:  # another run has it
                continue
            what = f"the {email.kind} email for alert {alert.pk}"
            if not send_claimed(notice, outcome, what, _send, alert, email):
                continue
            done.add((email.kind, email.recipient))
            events.alert_email_sent(alert=alert, kind=email.kind, source=SOURCE)
    return outcome
