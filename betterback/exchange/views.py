from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from betterback.audit.services import source_of
from betterback.exchange import services
from betterback.exchange.bundle import dumps
from betterback.patients.access import clinician_required, patient_for_clinician


@require_GET
@clinician_required
def patient_fhir(request: HttpRequest, public_id) -> HttpResponse:
    patient = patient_for_clinician(request, public_id)
    bundle = services.export_bundle(patient=patient, actor=request.user, source=source_of(request))
    response = HttpResponse(dumps(bundle), content_type="application/fhir+json; charset=utf-8")
    # The file name carries the public id only: no name in download folders or proxy logs.
    filename = f"betterback-{patient.public_id}.fhir.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
