from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Clinic(models.Model):
    name = models.CharField(_("name"), max_length=200)
    city = models.CharField(_("city"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("clinic")
        verbose_name_plural = _("clinics")
        ordering = ["name"]

    def __str__(self):
        return self.name


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
