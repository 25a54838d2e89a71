from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from betterback.accounts.decorators import clinician_required, patient_required
from betterback.audit.services import source_of
from betterback.dialogue import services as dialogue_services
from betterback.invitations import services as invitation_services
from betterback.patients import services
from betterback.patients.access import (
    care_for_clinician,
    own_patient_record,
    patient_for_clinician,
)
from betterback.questionnaires import services as questionnaire_services
from betterback.safety import services as safety_services
from betterback.selfcare import services as selfcare_services


@require_GET
@clinician_required
def patient_list(request):
    clinician, source = request.user.clinician, source_of(request)
    relationships = services.care_list(clinician=clinician, source=source)
    alerts = safety_services.open_alerts_in_care(clinician)
    return render(
        request,
        "patients/patient_list.html",
        {
            "relationships": relationships,
            "attention": [alert for alert in alerts if alert.is_red],
            "flagged": {alert.patient_id: alert for alert in reversed(alerts)},
            "invitations": invitation_services.pending_list(clinician=clinician, source=source),
        },
    )


@require_GET
@clinician_required
def patient_overview(request, public_id):
    patient = patient_for_clinician(request, public_id)
    overview = services.read_overview(
        patient=patient, actor=request.user, source=source_of(request)
    )
    open_session = dialogue_services.has_open_session(
        patient=patient, clinician=request.user.clinician
    )
    return render(
        request,
        "patients/patient_overview.html",
        {
            "patient": patient,
            "open_session": open_session,
            "alerts": safety_services.alerts_for(patient),
            **overview,
        },
    )


@require_http_methods(["GET", "POST"])
@clinician_required
def end_care(request, public_id):
    relationship = care_for_clinician(request, public_id)
    if request.method == "POST":
        services.end_care(relationship=relationship, actor=request.user, source=source_of(request))
        messages.success(
            request,
            _("%(name)s is no longer in your care.") % {"name": relationship.patient.full_name},
        )
        return redirect("patients:list")
    return render(request, "patients/end_care.html", {"patient": relationship.patient})


@require_GET
@patient_required
def patient_home(request):
    patient = own_patient_record(request)
    overview = services.read_overview(
        patient=patient, actor=request.user, source=source_of(request)
    )
    return render(
        request,
        "patients/home.html",
        {
            "patient": patient,
            "questionnaire_sets": list(questionnaire_services.open_sets(patient)),
            **selfcare_services.home(patient, timezone.localdate()),
            **overview,
        },
    )


@require_GET
@patient_required
def access_log(request):
    patient = own_patient_record(request)
    events = services.access_log(patient=patient, actor=request.user, source=source_of(request))
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "patients/access_log.html", {"page": page})
