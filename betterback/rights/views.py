import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from betterback.audit.services import source_of
from betterback.patients.access import own_patient_record, patient_required
from betterback.rights import services
from betterback.rights.forms import DeleteForm


def _download(content, *, content_type: str, name: str, extension: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    filename = f"betterback-{name}-{timezone.localdate().isoformat()}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _json(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


@require_GET
@patient_required
def my_data(request: HttpRequest) -> HttpResponse:
    return render(request, "rights/my_data.html")


@require_GET
@patient_required
def data_json(request: HttpRequest) -> HttpResponse:
    data = services.my_data_json(
        patient=own_patient_record(request), actor=request.user, source=source_of(request)
    )
    return _download(
        _json(data),
        content_type="application/json; charset=utf-8",
        name="my-data",
        extension="json",
    )


@require_GET
@patient_required
def summary_pdf(request: HttpRequest) -> HttpResponse:
    pdf = services.my_data_pdf(
        patient=own_patient_record(request),
        actor=request.user,
        source=source_of(request),
        language=request.user.language,
    )
    return _download(pdf, content_type="application/pdf", name="summary", extension="pdf")


@require_GET
@patient_required
def fhir_json(request: HttpRequest) -> HttpResponse:
    bundle = services.my_data_fhir(
        patient=own_patient_record(request), actor=request.user, source=source_of(request)
    )
    return _download(
        _json(bundle),
        content_type="application/fhir+json; charset=utf-8",
        name="fhir",
        extension="json",
    )


@require_http_methods(["GET", "POST"])
@patient_required
def delete(request: HttpRequest) -> HttpResponse:
    patient, source = own_patient_record(request), source_of(request)
    form = DeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.delete_self_management_data(patient=patient, actor=request.user, source=source)
        messages.success(request, _("Your self-management data has been deleted."))
        return redirect("rights:my_data")
    counts = services.read_self_management_counts(
        patient=patient, actor=request.user, source=source
    )
    return render(
        request,
        "rights/delete.html",
        {"form": form, "counts": counts, "nothing": not any(counts.values())},
        status=400 if form.errors else 200,
    )
