from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from betterback.audit.services import source_of
from betterback.content.pack import pack, role
from betterback.materials import autosave as autosave_answers
from betterback.materials import display, services
from betterback.materials.builder import Worksheet
from betterback.materials.models import Context
from betterback.patients.access import (
    clinician_required,
    own_patient_record,
    patient_for_clinician,
    patient_required,
)


def material_or_404(material_id: str):
    try:
        return pack()[material_id]
    except KeyError:
        raise Http404 from None


def _labels(links: dict) -> dict:
    return {target: dict(items) for target, items in links.items()}


def worksheet_page(
    request: HttpRequest, patient, definition, *, context: Context, done_url: str, extra: dict
) -> HttpResponse:
    """The GET/POST flow of a material page: the patient's own here, the clinician's in the
    consultation (dialogue.views.material). ``extra`` goes into the page's context."""
    source = source_of(request)
    # Opening the page is a read; a save (an autosave every few seconds) is only its write.
    reading = {"actor": request.user, "source": source, "audited": request.method == "GET"}
    entry = services.read_entry(patient=patient, material_id=definition.id, **reading)
    links = services.linked_items(patient=patient, material=definition, **reading)
    patient_view = context == Context.HOME
    sheet_args = {"links": links, "patient_view": patient_view}
    conflict = None
    if request.method == "POST":
        # The page's script saves as the person writes; it asks for an answer in JSON.
        autosave = request.headers.get("X-Autosave") == "1"
        sheet = Worksheet(definition, entry.data, entry.version, post=request.POST, **sheet_args)
        if not sheet.is_valid() and autosave:
            return autosave_answers.invalid()
        if sheet.is_valid():
            try:
                saved = services.save_entry(
                    patient=patient,
                    material_id=definition.id,
                    data=sheet.data(),
                    based_on_version=sheet.based_on_version(),
                    draft=sheet.draft(),
                    actor=request.user,
                    source=source,
                    context=context,
                )
            except services.StaleVersion as stale:
                if autosave:
                    return autosave_answers.conflict(stale.current)
                conflict = stale.current
                # The person keeps what they typed; saving again now replaces the newer version.
                sheet.main.data = sheet.main.data.copy()
                sheet.main.data["version"] = conflict.version
            else:
                if autosave:
                    return autosave_answers.saved(saved, sheet)
                messages.success(request, _("Saved."))
                return redirect(done_url)
    else:
        sheet = Worksheet(definition, entry.data, entry.version, **sheet_args)
    history = display.history_with_changes(definition, services.history(entry))
    return render(
        request,
        "materials/material.html",
        {
            "material": definition,
            "patient": patient,
            "entry": entry,
            "sheet": sheet,
            "conflict": conflict,
            "history": history,
            # The follow-up material shows what the patient logged since the last session.
            "follow_up": definition.id == role("follow_up").material_id,
            **extra,
        },
    )


@require_http_methods(["GET", "POST"])
@patient_required
def patient_material(request: HttpRequest, material_id) -> HttpResponse:
    return worksheet_page(
        request,
        own_patient_record(request),
        material_or_404(material_id),
        context=Context.HOME,
        done_url=request.path,
        extra={"present": False, "as_clinician": False},
    )


def _print(request: HttpRequest, patient, definition) -> HttpResponse:
    source = source_of(request)
    entry = services.read_entry(
        patient=patient, material_id=definition.id, actor=request.user, source=source,
        printing=True,
    )  # fmt: skip
    links = services.linked_items(
        patient=patient, material=definition, actor=request.user, source=source
    )
    return render(
        request,
        "materials/print.html",
        {
            "material": definition,
            "patient": patient,
            "entry": entry,
            "answers": display.answers(definition, entry.data, _labels(links)),
            "as_clinician": request.user.role == "clinician",
        },
    )


@require_GET
@clinician_required
def clinician_print(request: HttpRequest, public_id, material_id) -> HttpResponse:
    return _print(request, patient_for_clinician(request, public_id), material_or_404(material_id))


@require_GET
@patient_required
def patient_print(request: HttpRequest, material_id) -> HttpResponse:
    return _print(request, own_patient_record(request), material_or_404(material_id))
