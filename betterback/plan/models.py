"""The one thing the plan stores besides the worksheet entries: the graded steps of an action."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Unit(models.TextChoices):
    MINUTES = "minutes", _("minutes")
    REPETITIONS = "repetitions", _("repetitions")


class GradedActivity(models.Model):
    """An action of the action plan done in planned steps, week by week: time-contingent, not
    pain-contingent. ``steps`` holds the planned amount for week 1, 2, 3 ..."""

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.CASCADE, related_name="graded_activities"
    )
    action_key = models.CharField(max_length=40)
    unit = models.CharField(max_length=20, choices=Unit.choices)
    baseline = models.PositiveIntegerField(help_text="What the patient manages on an ordinary day.")
    starts_on = models.DateField()
    steps = models.JSONField(default=list)
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["patient", "action_key"], name="one_grading_per_action")
        ]
        # Made by the selfcare app before the plan had an app of its own; the table kept its name.
        db_table = "selfcare_gradedactivity"
