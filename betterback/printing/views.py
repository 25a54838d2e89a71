"""PDF downloads. Each view checks the role and the patient, reads ?lang and ?large, and asks
printing.services for the document; the services record the audit events."""

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from betterback.audit.services import source_of
from betterback.patients.access import (
    clinician_required,
    own_patient_record,
    patient_for_clinician,
    patient_required,
)
from betterback.printing import services
from betterback.printing.forms import PdfOptions
from betterback.training.services import NotComplete


def _options(request: HttpRequest) -> dict:
    """language and large, from ?lang= (the user's language when left out) and ?large=1."""
    form = PdfOptions(request.GET)
    if not form.is_valid():
        raise BadRequest("lang must be da or en")
    return {
        "language": form.cleaned_data["lang"] or get_language(),
        "large": form.cleaned_data["large"],
    }


def _material(material_id: str):
    try:
        return services.material(material_id)
    except services.NotPrintable:
        raise Http404 from None


def _pdf(printed: services.Printed) -> HttpResponse:
    response = HttpResponse(printed.content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, printed.filename)
    return response


@require_GET
@clinician_required
def clinician_material(request: HttpRequest, public_id, material_id) -> HttpResponse:
    patient = patient_for_clinician(request, public_id)
    printed = services.filled_material(
        patient=patient,
        definition=_material(material_id),
        actor=request.user,
        source=source_of(request),
        clinic=request.user.clinician.clinic,
        **_options(request),
    )
    return _pdf(printed)


@require_GET
@clinician_required
def clinician_plan(request: HttpRequest, public_id) -> HttpResponse:
    patient = patient_for_clinician(request, public_id)
    printed = services.plan(
        patient=patient,
        actor=request.user,
        source=source_of(request),
        clinic=request.user.clinician.clinic,
        **_options(request),
    )
    return _pdf(printed)


@require_GET
@clinician_required
def blank_material(request: HttpRequest, material_id) -> HttpResponse:
    printed = services.blank_material(
        _material(material_id), clinic=request.user.clinician.clinic, **_options(request)
    )
    return _pdf(printed)


@require_GET
@clinician_required
def questionnaire(request: HttpRequest, entry) -> HttpResponse:
    try:
        definition, variant = services.questionnaire(entry)
    except services.NotPrintable:
        raise Http404 from None
    printed = services.questionnaire_form(
        definition, variant, clinic=request.user.clinician.clinic, **_options(request)
    )
    return _pdf(printed)


@require_GET
@patient_required
def patient_material(request: HttpRequest, material_id) -> HttpResponse:
    patient = own_patient_record(request)
    printed = services.filled_material(
        patient=patient,
        definition=_material(material_id),
        actor=request.user,
        source=source_of(request),
        clinic=services.clinic_of(patient),
        show_version=False,
        **_options(request),
    )
    return _pdf(printed)


@require_GET
@patient_required
def patient_plan(request: HttpRequest) -> HttpResponse:
    patient = own_patient_record(request)
    printed = services.plan(
        patient=patient,
        actor=request.user,
        source=source_of(request),
        clinic=services.clinic_of(patient),
        show_version=False,
        **_options(request),
    )
    return _pdf(printed)


@require_GET
@clinician_required
def certificate(request: HttpRequest) -> HttpResponse:
    """The course certificate, as a download (the clinician keeps it)."""
    try:
        printed = services.certificate(request.user.clinician, language=get_language())
    except NotComplete:
        messages.info(request, _("The certificate is ready when every module and case is done."))
        return redirect("training:overview")
    response = HttpResponse(printed.content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, printed.filename)
    return response
