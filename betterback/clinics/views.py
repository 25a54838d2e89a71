from django.db.models import Count, Q
from django.shortcuts import render
from django.views.decorators.http import require_GET

from betterback.accounts.decorators import clinic_admin_required
from betterback.safety.services import open_urgent_alerts_of_clinic


@require_GET
@clinic_admin_required
def admin_overview(request):
    """The clinic administrator's page: the clinic's clinicians and how many patients each has
    in care. No patient data: an administrator is not in a care relationship."""
    clinic = request.user.clinic_administrator.clinic
    clinicians = (
        clinic.clinicians.select_related("user")
        .annotate(
            patient_count=Count(
                "care_relationships", filter=Q(care_relationships__ended_at__isnull=True)
            )
        )
        .order_by("user__full_name")
    )
    return render(
        request,
        "clinics/admin_overview.html",
        {
            "clinic": clinic,
            "clinicians": clinicians,
            "urgent": open_urgent_alerts_of_clinic(clinic),
        },
    )
