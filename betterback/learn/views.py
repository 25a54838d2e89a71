from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from betterback.audit.services import source_of
from betterback.learn import services
from betterback.learn.library import patient_material, patient_materials
from betterback.learn.search import search
from betterback.patients.access import own_patient_record, patient_required

MAX_QUERY_LENGTH = 200


@require_GET
@patient_required
def library(request: HttpRequest) -> HttpResponse:
    patient = own_patient_record(request)
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    materials = patient_materials()
    services.record_read(patient=patient, actor=request.user, source=source_of(request))
    return render(
        request,
        "learn/library.html",
        {
            "materials": materials,
            "query": query,
            "hits": search(query, materials) if query else [],
        },
    )


@require_GET
@patient_required
def material(request: HttpRequest, material_id) -> HttpResponse:
    patient = own_patient_record(request)
    try:
        chosen = patient_material(material_id)
    except KeyError:
        raise Http404 from None
    services.record_read(
        patient=patient, actor=request.user, source=source_of(request), material_id=chosen.id
    )
    return render(request, "learn/material.html", {"material": chosen})
