"""Emails about questionnaires: "new questionnaires" when a follow-up set opens, and one reminder
when a set is still unanswered some days later. Safe to run every minute from cron or a timer.

Exactly once: before sending, a run claims the email by inserting a Notice row, which a unique
constraint allows once per set and kind. A second run (or a parallel one) cannot claim it and
skips. If the mail server fails, the claim is removed so the next run tries again. The emails
hold no health data, only a link to log in.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from betterback.audit import events
from betterback.core.mail import Outcome, send_claimed
from betterback.core.once import claim
from betterback.patients.models import CareRelationship
from betterback.questionnaires.models import Notice, QuestionnaireSet, SetKind

SOURCE = "command:send_reminders"
REMIND_AFTER = timedelta(days=3)


def _due(kind: str, now):
    sets = QuestionnaireSet.objects.filter(
        completed_at__isnull=True, patient__user__isnull=False
    ).exclude(notices__kind=kind)
    if kind == Notice.Kind.AVAILABLE:
        # The invitation itself tells the patient about the intake questionnaires.
        sets = sets.filter(kind=SetKind.FOLLOW_UP, available_from__lte=now)
    else:
        # Three days after the first email (for the intake: after the invitation was accepted).
        sets = sets.filter(
            Q(kind=SetKind.INTAKE, available_from__lte=now - REMIND_AFTER)
            | Q(
                kind=SetKind.FOLLOW_UP,
                notices__kind=Notice.Kind.AVAILABLE,
                notices__sent_at__lte=now - REMIND_AFTER,
            )
        ).distinct()
    in_care = CareRelationship.objects.active().filter(
        patient=OuterRef("patient"), clinician=OuterRef("clinician")
    )
    return list(
        sets.filter(Exists(in_care))
        .select_related("patient__user")
        .order_by("available_from", "id")
    )


def _send(notice: Notice) -> None:
    user = notice.questionnaire_set.patient.user
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {
            "kind": notice.kind,
            "url": settings.BETTERBACK_SITE_URL.rstrip("/") + reverse("questionnaires:mine"),
        }
        subject = render_to_string("questionnaires/email_subject.txt", context).strip()
        body = render_to_string("questionnaires/email_body.txt", context)
    send_mail(subject, body, None, [user.email])


def send_due(now=None) -> Outcome:
    now = now or timezone.now()
    outcome = Outcome()
    for kind in (Notice.Kind.AVAILABLE, Notice.Kind.REMINDER):
        for qset in _due(kind, now):
            notice = claim(Notice, questionnaire_set=qset, kind=kind)
            if notice is None:  # another run has it
                continue
            what = f"{kind} for questionnaire set {qset.pk}"
            if not send_claimed(notice, outcome, what, _send, notice):
                continue
            events.questionnaire_email_sent(qset=qset, kind=kind, source=SOURCE)
    return outcome
