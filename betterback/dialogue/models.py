from django.db import models
from django.utils import timezone


class DialogueSession(models.Model):
    """One consultation in which a clinician and a patient work through chosen materials.
    Ending it makes "My plan" current for the patient."""

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="dialogue_sessions"
    )
    clinician = models.ForeignKey(
        "clinics.Clinician", on_delete=models.PROTECT, related_name="dialogue_sessions"
    )
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    # The chosen materials' ids, in the order the clinician wants to go through them.
    material_ids = models.JSONField(default=list)

    class Meta:
        ordering = ["-started_at", "-id"]

    @property
    def is_open(self) -> bool:
        return self.ended_at is None
