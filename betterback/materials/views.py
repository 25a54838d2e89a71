from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from betterback.accounts.decorators import clinician_required, patient_required
from betterback.audit.services import source_of
from betterback.content.pack import material
from betterback.materials import services, what_matters
from betterback.materials.forms import build_forms, collected_data
from betterback.materials.models import Context
from betterback.patients.access import own_patient_record, patient_for_clinician


def _fields(definition) -> dict:
    activities = definition.field("activities")
    return {
        "areas_field": definition.field("life_areas"),
        "activities_field": activities,
        "rank_places": activities.item_field("rank").max,
    }


def _worksheet(request, patient, *, context: Context, done_url: str, template_context: dict):
    """The shared GET/POST flow of "What matters to me" for the clinician and the patient."""
    definition = material(what_matters.MATERIAL_ID)
    source = source_of(request)
    entry = services.read_entry(
        patient=patient, material_id=definition.id, actor=request.user, source=source
    )
    conflict = None
    if request.method == "POST":
        main, rows = build_forms(definition, entry.data, entry.version, request.POST)
        if main.is_valid() and rows.is_valid():
            try:
                services.save_entry(
                    patient=patient,
                    material_id=definition.id,
                    data=collected_data(main, rows),
                    based_on_version=main.cleaned_data["version"],
                    actor=request.user,
                    source=source,
                    context=context,
                )
            except services.StaleVersion as stale:
                conflict = stale.current
                # The person keeps what they typed; saving again now replaces the newer version.
                main.data = main.data.copy()
                main.data["version"] = conflict.version
            else:
                messages.success(request, _("Saved."))
                return redirect(done_url)
    else:
        main, rows = build_forms(definition, entry.data, entry.version)
    return render(
        request,
        "materials/what_matters.html",
        {
            "material": definition,
            "patient": patient,
            "entry": entry,
            "form": main,
            "rows": rows,
            "conflict": conflict,
            "history": what_matters.history_with_changes(services.history(entry)),
            **_fields(definition),
            **template_context,
        },
    )


@require_http_methods(["GET", "POST"])
@clinician_required
def clinician_what_matters(request, public_id):
    patient = patient_for_clinician(request, public_id)
    present = request.GET.get("mode") == "present"
    return _worksheet(
        request,
        patient,
        context=Context.CONSULTATION,
        done_url=request.get_full_path(),
        template_context={"present": present, "as_clinician": True},
    )


@require_http_methods(["GET", "POST"])
@patient_required
def patient_what_matters(request):
    return _worksheet(
        request,
        own_patient_record(request),
        context=Context.HOME,
        done_url=request.path,
        template_context={"present": False, "as_clinician": False},
    )


def _print(request, patient):
    definition = material(what_matters.MATERIAL_ID)
    entry = services.read_entry(
        patient=patient,
        material_id=definition.id,
        actor=request.user,
        source=source_of(request),
        printing=True,
    )
    return render(
        request,
        "materials/what_matters_print.html",
        {
            "material": definition,
            "patient": patient,
            "entry": entry,
            "ranked": what_matters.ranked(entry.data),
            **_fields(definition),
            "others": what_matters.unranked(entry.data),
        },
    )


@require_GET
@clinician_required
def clinician_what_matters_print(request, public_id):
    return _print(request, patient_for_clinician(request, public_id))


@require_GET
@patient_required
def patient_what_matters_print(request):
    return _print(request, own_patient_record(request))
