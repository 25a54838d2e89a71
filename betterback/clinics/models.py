from datetime import time

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Clinic(models.Model):
    name = models.CharField(_("name"), max_length=200)
    city = models.CharField(_("city"), max_length=100, blank=True)
    # Safety settings (docs/safety.md). The region names the out-of-hours helpline patients are
    # told to call and the acute route; blank means the content pack's default region. A clinic
    # may set its own number and route.
    region = models.CharField(_("region"), max_length=40, blank=True)
    helpline_phone = models.CharField(_("out-of-hours helpline number"), max_length=20, blank=True)
    acute_route = models.TextField(_("acute route for clinicians"), blank=True)
    duty_email = models.EmailField(_("duty email address"), blank=True)
    escalation_minutes = models.PositiveSmallIntegerField(
        _("working time before an unacknowledged urgent alert goes to the administrator"),
        default=120,
    )
    opens_at = models.TimeField(_("opens"), default=time(8, 0))
    closes_at = models.TimeField(_("closes"), default=time(16, 0))

    class Meta:
        verbose_name = _("clinic")
        verbose_name_plural = _("clinics")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def services(self):
        """The regional services its patients and clinicians are pointed to (content.regional)."""
        from betterback.content.pack import safety

        return (
            safety()
            .region(self.region)
            .services(helpline_phone=self.helpline_phone, acute_route=self.acute_route)
        )


class Profession(models.TextChoices):
    PHYSIOTHERAPIST = "physiotherapist", _("physiotherapist")
    CHIROPRACTOR = "chiropractor", _("chiropractor")
    GENERAL_PRACTITIONER = "general_practitioner", _("general practitioner")


class Clinician(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="clinician"
    )
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="clinicians")
    profession = models.CharField(_("profession"), max_length=30, choices=Profession.choices)

    class Meta:
        verbose_name = _("clinician")
        verbose_name_plural = _("clinicians")

    def __str__(self):
        return f"{self.user.full_name} ({self.get_profession_display()}, {self.clinic})"


class ClinicAdministrator(models.Model):
    """Runs a clinic's settings and staff. Sees no patient data by this role alone."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="clinic_administrator"
    )
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="administrators")

    class Meta:
        verbose_name = _("clinic administrator")
        verbose_name_plural = _("clinic administrators")

    def __str__(self):
        return f"{self.user.full_name} ({self.clinic})"
