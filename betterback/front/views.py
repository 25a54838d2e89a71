"""Where each person starts, and the pages that gather from every app: the clinician's patient
list, patient overview and follow-up list, the patient's home, the clinic administrator's page."""

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from betterback.audit.services import source_of
from betterback.dialogue import services as dialogue_services
from betterback.front import services
from betterback.invitations import services as invitation_services
from betterback.patients.access import (
    clinic_admin_required,
    clinician_required,
    own_patient_record,
    patient_for_clinician,
    patient_required,
)
from betterback.questionnaires import services as questionnaire_services
from betterback.safety import services as safety_services

HOME_BY_ROLE = {
    "clinician": "front:patient_list",
    "patient": "front:patient_home",
    "clinic_admin": "front:admin_overview",
    "staff": "admin:index",
}


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    if request.user.role not in HOME_BY_ROLE:
        # Logged in but neither patient, clinician, administrator nor staff: nothing to show.
        return render(request, "core/no_role.html", status=403)
    return redirect(HOME_BY_ROLE[request.user.role])


@require_GET
@clinician_required
def patient_list(request: HttpRequest) -> HttpResponse:
    clinician, source = request.user.clinician, source_of(request)
    relationships = services.care_list(clinician=clinician, source=source)
    alerts = safety_services.open_alerts_in_care(clinician)
    return render(
        request,
        "front/patient_list.html",
        {
            "relationships": relationships,
            "attention": [alert for alert in alerts if alert.is_red],
            "flagged": {alert.patient_id: alert for alert in reversed(alerts)},
            "invitations": invitation_services.pending_list(clinician=clinician, source=source),
        },
    )


@require_GET
@clinician_required
def patient_overview(request: HttpRequest, public_id) -> HttpResponse:
    patient = patient_for_clinician(request, public_id)
    overview = services.read_overview(
        patient=patient, actor=request.user, source=source_of(request)
    )
    open_session = dialogue_services.has_open_session(
        patient=patient, clinician=request.user.clinician
    )
    return render(
        request,
        "front/patient_overview.html",
        {
            "patient": patient,
            "open_session": open_session,
            "alerts": safety_services.alerts_for(patient),
            **overview,
        },
    )


@require_GET
@patient_required
def patient_home(request: HttpRequest) -> HttpResponse:
    patient = own_patient_record(request)
    overview = services.read_overview(
        patient=patient, actor=request.user, source=source_of(request)
    )
    return render(
        request,
        "front/home.html",
        {
            "patient": patient,
            "questionnaire_sets": list(questionnaire_services.open_sets(patient)),
            **services.self_management(patient, timezone.localdate()),
            **overview,
        },
    )


@require_GET
@clinician_required
def follow_up(request: HttpRequest) -> HttpResponse:
    rows = services.follow_up_list(clinician=request.user.clinician, source=source_of(request))
    return render(request, "front/follow_up.html", {"rows": rows})


@require_GET
@clinic_admin_required
def admin_overview(request: HttpRequest) -> HttpResponse:
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
        "front/admin_overview.html",
        {
            "clinic": clinic,
            "clinicians": clinicians,
            "urgent": safety_services.open_urgent_alerts_of_clinic(clinic),
        },
    )
