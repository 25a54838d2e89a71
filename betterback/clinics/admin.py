from django.contrib import admin

from betterback.clinics.models import Clinic, ClinicAdministrator, Clinician

admin.site.register(Clinic)
admin.site.register(Clinician, list_display=["user", "clinic", "profession"])
admin.site.register(ClinicAdministrator, list_display=["user", "clinic"])
