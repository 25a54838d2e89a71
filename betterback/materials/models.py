from django.conf import settings
from django.db import models
from django.utils import timezone


class WorksheetEntry(models.Model):
    """A patient's current answers to one material. Every save also writes a WorksheetRevision."""

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="worksheet_entries"
    )
    material_id = models.CharField(max_length=64)
    data = models.JSONField(default=dict)
    # Bumped on every save; a form posts the version it started from, so a save based on stale
    # data is caught instead of silently overwriting someone else's change.
    version = models.PositiveIntegerField(default=0)
    # The open page (one form, identified by a random id) that saved last. A page that saved the
    # newer version itself, e.g. by autosave just before its Save button, is not in conflict.
    draft = models.CharField(max_length=32, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "material_id"], name="one_entry_per_material"
            )
        ]


class Context(models.TextChoices):
    CONSULTATION = "consultation"
    HOME = "home"
    SYSTEM = "system"


class WorksheetRevision(models.Model):
    entry = models.ForeignKey(WorksheetEntry, on_delete=models.PROTECT, related_name="revisions")
    version = models.PositiveIntegerField()
    data = models.JSONField()
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    context = models.CharField(max_length=20, choices=Context.choices)

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "version"], name="one_revision_per_version")
        ]
