from django.contrib import admin

from betterback.patients.models import CareRelationship


# Patients' own data is deliberately not in the admin: it is read only through the audited
# services. Staff manage who is in whose care.
@admin.register(CareRelationship)
class CareRelationshipAdmin(admin.ModelAdmin):
    list_display = ["patient", "clinician", "clinic", "started_at", "ended_at"]
    list_select_related = ["patient", "clinician__user", "clinic"]
    raw_id_fields = ["patient", "clinician"]
