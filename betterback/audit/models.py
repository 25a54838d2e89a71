from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    pass


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Audit events are append-only.")

    def delete(self):
        raise AppendOnlyError("Audit events are append-only.")


class Action(models.TextChoices):
    READ = "read", _("looked at")
    LIST = "list", _("saw in a patient list")
    CREATE = "create", _("created")
    UPDATE = "update", _("changed")
    PRINT = "print", _("printed")
    REFUSED = "refused", _("was refused access to")
    LOGIN = "login", _("logged in")
    LOGIN_FAILED = "login_failed", _("failed to log in")
    LOGOUT = "logout", _("logged out")
    INVITE = "invite", _("invited")
    ACCEPT = "accept", _("accepted an invitation")
    END_CARE = "end_care", _("ended the care relationship with")
    EXPORT = "export", _("downloaded")
    ACKNOWLEDGE = "acknowledge", _("followed up on")


class AuditEvent(models.Model):
    """One read or write of patient data, or one security event. Never changed, never deleted
    (a PostgreSQL trigger backs this up in production)."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Kept as text too, so the event still reads right if the user is renamed later.
    actor_label = models.CharField(max_length=300, blank=True)
    actor_role = models.CharField(max_length=20, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    patient = models.ForeignKey(
        "patients.Patient",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_events",
    )
    target = models.CharField(max_length=100, blank=True, help_text="What was touched.")
    source = models.CharField(max_length=100, help_text="The view or command that did it.")
    detail = models.JSONField(default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["patient", "-at"])]

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit events are append-only.")
