import hashlib
import uuid
from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def hash_code(code: str) -> str:
    # A short code has about 50 bits, few enough to try them all against a plain SHA-256 of a
    # copied table; keyed with SECRET_KEY, the copy alone yields no working code.
    return salted_hmac("betterback.sharing.code", code, algorithm="sha256").hexdigest()


class Period(models.TextChoices):
    WEEK = "1w", _("1 week")
    MONTH = "1m", _("1 month")
    THREE_MONTHS = "3m", _("3 months")
    SIX_MONTHS = "6m", _("6 months")


class ShareQuerySet(models.QuerySet):
    def active(self):
        return self.filter(
            accepted_at__isnull=False, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Share(models.Model):
    """The patient lets one clinician outside their care read My plan and their scores until a
    day they chose. The link is single use: the first clinician who accepts it is bound to it.
    Only hashes of the link's token and of the short code are stored."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey("patients.Patient", on_delete=models.PROTECT, related_name="shares")
    # Typed by the patient, for their own list ("Dr. Hansen, my GP"); shown to the clinician
    # who opens the link, so they can see that it was meant for them.
    recipient = models.CharField(_("who you share with"), max_length=200)
    token_hash = models.CharField(max_length=64, unique=True)
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    clinician = models.ForeignKey(
        "clinics.Clinician",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="shares_received",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ShareQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True) | Q(clinician__isnull=False),
                name="accepted_share_has_clinician",
            )
        ]

    @property
    def status(self) -> str:
        """ "revoked", "expired", "active" (accepted) or "pending" (the link is not used yet)."""
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "active" if self.accepted_at else "pending"

    @property
    def last_day(self):
        """The last day the share works, in local time (it ends at the following midnight)."""
        return timezone.localtime(self.expires_at - timedelta(microseconds=1)).date()
