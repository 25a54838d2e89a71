import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from betterback.clinics.models import Clinic, Clinician


class Patient(models.Model):
    """A person in care. Exists from the invitation on; gets a user when the invitation is
    accepted."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="patient",
        null=True,
        blank=True,
    )
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("email address"), unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("patient")
        verbose_name_plural = _("patients")

    def __str__(self):
        return self.full_name


class CareRelationshipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(ended_at__isnull=True)


class CareRelationship(models.Model):
    """A patient in the care of one clinician at one clinic. Access to the patient's data lasts
    exactly as long as the relationship is active."""

    patient = models.ForeignKey(
        Patient, on_delete=models.PROTECT, related_name="care_relationships"
    )
    clinician = models.ForeignKey(
        Clinician, on_delete=models.PROTECT, related_name="care_relationships"
    )
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="care_relationships")
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = CareRelationshipQuerySet.as_manager()

    class Meta:
        verbose_name = _("care relationship")
        verbose_name_plural = _("care relationships")
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "clinician"],
                condition=Q(ended_at__isnull=True),
                name="one_active_relationship_per_pair",
            )
        ]

    @property
    def is_active(self) -> bool:
        return self.ended_at is None
