"""Warning-sign alerts: a patient's answer that a clinician must act on, who was told, and who
acted. Docs: docs/safety.md."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Level(models.IntegerChoices):
    """How urgent a warning sign is, most urgent first (content.safety.LEVELS)."""

    NOW = 1, _("now, an emergency")
    SAME_DAY = 2, _("the same day")
    WITHIN_DAYS = 3, _("within a few days")
    AT_FOLLOW_UP = 4, _("at the next follow-up")


# Levels that email the patient's clinicians at once and go to the clinic administrator when
# nobody acknowledges them in time.
NOTIFY_UP_TO = Level.SAME_DAY
# Levels that make a patient red until a clinician acknowledges them; the rest make them yellow.
RED_UP_TO = Level.WITHIN_DAYS


class WhatWasDone(models.TextChoices):
    CALLED_PATIENT = "called_patient", _("I called the patient")
    REFERRED_ACUTELY = "referred_acutely", _("I referred the patient acutely")
    SENT_TO_DOCTOR = "sent_to_doctor", _("The patient is contacting their doctor or the helpline")
    EXAMINED = "examined", _("I have examined the patient")
    ALREADY_KNOWN = "already_known", _("Already known and being looked after")
    OTHER = "other", _("Something else (say what in the note)")


class AlertQuerySet(models.QuerySet):
    def open(self):
        return self.filter(acknowledged_at__isnull=True)

    def notifying(self):
        return self.filter(level__lte=NOTIFY_UP_TO)


class Alert(models.Model):
    """The warning signs one set of answers raised, until a clinician acknowledges them. A sign
    answered after an acknowledgement opens a new alert for the same answers."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey("patients.Patient", on_delete=models.PROTECT, related_name="alerts")
    # The answers the signs came from: a questionnaire response's public id.
    source_id = models.UUIDField(db_index=True)
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    # [{"kind": "sign"|"combination", "id", "level", "reason": {"da", "en"}, "withdrawn": bool}]
    signs = models.JSONField(default=list)
    raised_at = models.DateTimeField(default=timezone.now)
    # The helpline the advice named when the answers were saved: {"region", "phone", "name"}.
    helpline = models.JSONField(default=dict, blank=True)
    # When it first reached a level that notifies: the clock for the emails and the escalation.
    urgent_since = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    what_was_done = models.CharField(max_length=30, choices=WhatWasDone.choices, blank=True)
    note = models.TextField(blank=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        ordering = ["level", "raised_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_id"],
                condition=Q(acknowledged_at__isnull=True),
                name="one_open_alert_per_source",
            )
        ]
        indexes = [models.Index(fields=["patient", "acknowledged_at"])]

    @property
    def is_open(self) -> bool:
        return self.acknowledged_at is None

    @property
    def is_red(self) -> bool:
        return self.level <= RED_UP_TO

    @property
    def notifies(self) -> bool:
        return self.level <= NOTIFY_UP_TO


class AlertNotice(models.Model):
    """One email about an alert. Claimed (inserted) before it is sent: the unique constraint lets
    only one sender have it, so each is sent once even with several senders running."""

    class Kind(models.TextChoices):
        CLINICIAN = "clinician", _("the clinician")
        DUTY = "duty", _("the clinic's duty address")
        ESCALATION = "escalation", _("the clinic administrator")

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    recipient = models.CharField(max_length=60, help_text="user:<id> or clinic:<id>")
    claimed_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["alert", "kind", "recipient"], name="one_notice_per_alert_recipient"
            )
        ]
