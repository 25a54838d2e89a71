"""What the patient records between visits: check-ins, goal reviews, flare-ups and reminder
choices (graded activity is part of the plan: plan.models). Entries made on the device carry the
device's key and time, so an entry sent again after a lost connection is stored once, with the
time the patient made it."""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def zero_to_ten():
    return [MinValueValidator(0), MaxValueValidator(10)]


class Status(models.TextChoices):
    DONE = "done", _("Done")
    PARTLY = "partly", _("Partly")
    NOT_DONE = "not_done", _("Not done")


class CheckIn(models.Model):
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.CASCADE, related_name="check_ins"
    )
    key = models.UUIDField(unique=True, help_text="Made on the device; a resend finds the row.")
    made_at = models.DateTimeField(help_text="When the patient made it (the device's clock).")
    received_at = models.DateTimeField(default=timezone.now)
    # {action key: {"status": "done" | "partly" | "not_done", "amount": int | None}}
    actions = models.JSONField(default=dict)
    confidence = models.PositiveSmallIntegerField(validators=zero_to_ten())
    pain = models.PositiveSmallIntegerField(null=True, blank=True, validators=zero_to_ten())
    sleep = models.PositiveSmallIntegerField(null=True, blank=True)  # 1 (bad) to 5 (good)
    mood = models.PositiveSmallIntegerField(null=True, blank=True)  # 1 (low) to 5 (good)
    note = models.TextField(blank=True, max_length=1000)
    offline = models.BooleanField(default=False)

    class Meta:
        ordering = ["-made_at", "-id"]
        indexes = [models.Index(fields=["patient", "-made_at"])]


class GoalReview(models.Model):
    """How far a goal has come this week, goal attainment style: -2 (much less than expected) to
    +2 (much more). One per goal per week; a second review that week replaces the first."""

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.CASCADE, related_name="goal_reviews"
    )
    goal_key = models.CharField(max_length=40)
    week = models.DateField(help_text="The Monday of the week reviewed.")
    attainment = models.SmallIntegerField(validators=[MinValueValidator(-2), MaxValueValidator(2)])
    note = models.CharField(max_length=300, blank=True)
    made_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["week", "goal_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "goal_key", "week"], name="one_review_per_goal_and_week"
            )
        ]


class Flare(models.Model):
    patient = models.ForeignKey("patients.Patient", on_delete=models.CASCADE, related_name="flares")
    key = models.UUIDField(unique=True, default=uuid.uuid4)
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-started_at", "-id"]

    @property
    def is_open(self) -> bool:
        return self.ended_at is None


class FlareNote(models.Model):
    """What the patient tried during a flare-up, and whether it helped."""

    flare = models.ForeignKey(Flare, on_delete=models.CASCADE, related_name="notes")
    key = models.UUIDField(unique=True)
    made_at = models.DateTimeField()
    received_at = models.DateTimeField(default=timezone.now)
    tried = models.CharField(max_length=300)
    helped = models.CharField(
        max_length=10,
        choices=[("yes", _("It helped")), ("some", _("A little")), ("no", _("It did not help"))],
        blank=True,
    )
    offline = models.BooleanField(default=False)

    class Meta:
        ordering = ["made_at", "id"]


class ReminderChoice(models.Model):
    """The patient's own reminders: which weekdays, what time, by email or not at all."""

    patient = models.OneToOneField(
        "patients.Patient", on_delete=models.CASCADE, related_name="reminder_choice"
    )
    weekdays = models.JSONField(default=list)  # 0 Monday ... 6 Sunday
    time = models.TimeField(null=True, blank=True)
    by_email = models.BooleanField(default=False)
    changed_at = models.DateTimeField(default=timezone.now)


class ReminderSent(models.Model):
    """One check-in reminder. Unique per patient and due time: a run claims the row before it
    sends, so a repeated or parallel run cannot send it twice."""

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.CASCADE, related_name="check_in_reminders"
    )
    due_at = models.DateTimeField()
    claimed_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["patient", "due_at"], name="one_reminder_per_due_time")
        ]
