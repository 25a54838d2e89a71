import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Delivery(models.TextChoices):
    EMAIL = "email", _("By email")
    LETTER = "letter", _("As a printed letter with a QR code")


class Invitation(models.Model):
    """A single-use link that lets a patient set up an account. Only the token's hash is stored;
    the token itself exists in the email, or in the letter printed right after creation."""

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="invitations"
    )
    clinician = models.ForeignKey(
        "clinics.Clinician", on_delete=models.PROTECT, related_name="invitations"
    )
    # The name as the clinician typed it. Shown on the clinician's pages instead of the stored
    # patient record, so an invitation does not reveal who already has an account.
    invited_name = models.CharField(max_length=200)
    token_hash = models.CharField(max_length=64, unique=True)
    delivery = models.CharField(max_length=10, choices=Delivery.choices)
    language = models.CharField(max_length=5, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def status(self) -> str:
        if self.used_at:
            return "used"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "open"
