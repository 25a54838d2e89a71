from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from betterback.audit.events import refused as refuse
from betterback.audit.services import source_of
from betterback.patients.access import (
    clinic_admin_required,
    clinician_required,
    patient_for_clinician,
)
from betterback.safety import services
from betterback.safety.forms import AcknowledgeForm, ClinicSafetyForm


def _alert_for_clinician(request: HttpRequest, public_id, alert_id) -> tuple:
    """The alert, if it is about a patient in the clinician's care; else 404 (logged)."""
    patient = patient_for_clinician(request, public_id)
    alert = services.alert_for_patient(patient, alert_id)
    if alert is None:
        refuse(request, reason="not_this_patients_alert", patient=patient)
        raise Http404
    return patient, alert


@require_http_methods(["GET", "POST"])
@clinician_required
def acknowledge(request: HttpRequest, public_id, alert_id) -> HttpResponse:
    patient, alert = _alert_for_clinician(request, public_id, alert_id)
    source = source_of(request)
    form = AcknowledgeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.acknowledge(alert=alert, **form.cleaned_data, actor=request.user, source=source)
        messages.success(
            request, _("The alert is acknowledged. Your colleagues can see what was done.")
        )
        return redirect("front:patient_overview", patient.public_id)
    services.read_alert(alert=alert, actor=request.user, source=source)
    return render(
        request,
        "safety/acknowledge.html",
        {"patient": patient, "alert": alert, "form": form},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@clinic_admin_required
def clinic_settings(request: HttpRequest) -> HttpResponse:
    clinic = request.user.clinic_administrator.clinic
    form = ClinicSafetyForm(request.POST if request.method == "POST" else None, instance=clinic)
    if request.method == "POST" and form.is_valid():
        services.save_clinic_settings(form=form, actor=request.user, source=source_of(request))
        messages.success(request, _("The safety settings are saved."))
        return redirect("safety:clinic_settings")
    return render(
        request,
        "safety/clinic_settings.html",
        {"clinic": clinic, "form": form, "services": clinic.services()},
        status=400 if form.errors else 200,
    )
