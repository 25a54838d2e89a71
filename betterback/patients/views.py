from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from betterback.audit.services import source_of
from betterback.patients import services
from betterback.patients.access import (
    care_for_clinician,
    clinician_required,
    own_patient_record,
    patient_required,
)


@require_http_methods(["GET", "POST"])
@clinician_required
def end_care(request: HttpRequest, public_id) -> HttpResponse:
    relationship = care_for_clinician(request, public_id)
    if request.method == "POST":
        services.end_care(relationship=relationship, actor=request.user, source=source_of(request))
        messages.success(
            request,
            _("%(name)s is no longer in your care.") % {"name": relationship.patient.full_name},
        )
        return redirect("front:patient_list")
    services.read_care(relationship=relationship, actor=request.user, source=source_of(request))
    return render(request, "patients/end_care.html", {"patient": relationship.patient})


@require_GET
@patient_required
def access_log(request: HttpRequest) -> HttpResponse:
    patient = own_patient_record(request)
    events = services.access_log(patient=patient, actor=request.user, source=source_of(request))
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "patients/access_log.html", {"page": page})
