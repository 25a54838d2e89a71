"""The clinician's and the clinic administrator's questionnaire pages."""

import uuid

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from betterback.audit.services import source_of
from betterback.core.charts import Point, trend_svg
from betterback.patients.access import (
    clinic_admin_required,
    clinician_required,
    patient_for_clinician,
)
from betterback.questionnaires import presentation, results, services
from betterback.questionnaires.access import response_for_clinician, wording_pack_for_admin
from betterback.questionnaires.definitions import (
    NoPaperForm,
    definition_of,
    instruments,
    paper_form,
)
from betterback.questionnaires.forms import ScheduleForm, WordingPackForm
from betterback.questionnaires.models import WordingPack
from betterback.safety.services import alerts_for


def _chart(series) -> str:
    definition = series.definition
    return trend_svg(
        [Point(r.submitted_at.date(), r.total) for r in series.responses if r.total is not None],
        minimum=definition.minimum,
        maximum=definition.maximum,
        title=series.name,
        description=_("Scores over time; the table beside the chart has the same numbers."),
        higher_is_better=definition.higher_is_better,
    )


@require_GET
@clinician_required
def patient_results(request: HttpRequest, public_id) -> HttpResponse:
    patient = patient_for_clinician(request, public_id)
    data = results.read_results(patient=patient, actor=request.user, source=source_of(request))
    charts = [(series, _chart(series)) for series in data["series"]]
    return render(
        request,
        "questionnaires/patient_results.html",
        {**data, "patient": patient, "charts": charts},
    )


@require_GET
@clinician_required
def response_detail(request: HttpRequest, public_id, response_id) -> HttpResponse:
    patient = patient_for_clinician(request, public_id)
    response = response_for_clinician(request, patient, response_id)
    services.read_response(response=response, actor=request.user, source=source_of(request))
    definition = definition_of(response)
    clinic = request.user.clinician.clinic
    wording = services.wording_for(definition, clinic, get_language())
    shown = presentation.shown(
        definition, wording, response.variant, response.answers, response.notes, {}
    )
    return render(
        request,
        "questionnaires/response_detail.html",
        {
            "patient": patient,
            "response": response,
            "definition": definition,
            "wording": wording,
            "questions": shown,
            "alerts": [a for a in alerts_for(patient) if a.source_id == response.public_id],
        },
    )


def _paper_entry(entry: str):
    try:
        return paper_form(entry)
    except NoPaperForm:
        raise Http404 from None


@require_GET
@clinician_required
def paper_choice(request: HttpRequest, public_id) -> HttpResponse:
    patient = patient_for_clinician(request, public_id)
    services.read_for_paper(
        patient=patient, entry="", actor=request.user, source=source_of(request)
    )
    entries = []
    # In the order results are shown: pain first, then risk, function and confidence.
    order = [*results.ORDER, *instruments()]
    for definition in sorted(instruments().values(), key=lambda d: order.index(d.id)):
        if definition.kind == "open":
            continue
        for variant in definition.variants or [None]:
            entries.append(
                (
                    f"{definition.id}:{variant.id}" if variant else definition.id,
                    variant.name if variant else definition.name,
                )
            )
    return render(
        request, "questionnaires/paper_choice.html", {"patient": patient, "entries": entries}
    )


@require_http_methods(["GET", "POST"])
@clinician_required
def paper_entry(request: HttpRequest, public_id, entry) -> HttpResponse:
    patient = patient_for_clinician(request, public_id)
    definition, variant = _paper_entry(entry)
    clinic = request.user.clinician.clinic
    wording = services.wording_for(definition, clinic, get_language())
    answers, notes, problems, key = {}, {}, {}, uuid.uuid4()
    if request.method == "POST":
        raw, notes = presentation.read_post(definition, request.POST, variant)
        try:
            key = uuid.UUID(request.POST.get("key", ""))
            services.enter_paper(
                patient=patient,
                definition=definition,
                variant=variant,
                raw=raw,
                notes=notes,
                key=key,
                actor=request.user,
                source=source_of(request),
                min_answered=services.schedule_for(clinic).min_answered.get(definition.id),
            )
        except ValueError as error:
            problems = getattr(error, "problems", {"": "invalid"})
            answers = raw
        else:
            messages.success(request, _("The answers from the paper form are saved."))
            return redirect("questionnaires:patient_results", patient.public_id)
    else:
        source = source_of(request)
        services.read_for_paper(patient=patient, entry=entry, actor=request.user, source=source)
    return render(
        request,
        "questionnaires/paper_entry.html",
        {
            "patient": patient,
            "definition": definition,
            "variant": definition.variant(variant) if variant else None,
            "wording": wording,
            "questions": presentation.shown(definition, wording, variant, answers, notes, problems),
            "empty": "" in problems,
            "key": key,
            "errors": problems,
        },
        status=400 if problems else 200,
    )


@require_http_methods(["GET", "POST"])
@clinic_admin_required
def clinic_settings(request: HttpRequest) -> HttpResponse:
    clinic = request.user.clinic_administrator.clinic
    schedule = services.schedule_for(clinic)
    form = ScheduleForm(request.POST if request.method == "POST" else None, schedule=schedule)
    if request.method == "POST" and form.is_valid():
        services.save_schedule(
            clinic=clinic, **form.cleaned_data, actor=request.user, source=source_of(request)
        )
        messages.success(request, _("The questionnaire schedule is saved."))
        return redirect("questionnaires:clinic_settings")
    return render(
        request,
        "questionnaires/clinic_settings.html",
        {
            "form": form,
            "packs": WordingPack.objects.filter(clinic=clinic).order_by("instrument_id"),
            "pack_form": WordingPackForm(),
            "instruments": instruments().values(),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@clinic_admin_required
def install_pack(request: HttpRequest) -> HttpResponse:
    clinic = request.user.clinic_administrator.clinic
    form = WordingPackForm(request.POST, request.FILES)
    if form.is_valid():
        pack = services.install_wording_pack(
            clinic=clinic,
            definition=form.cleaned_data["instrument"],
            source_text=form.cleaned_data["source_text"],
            actor=request.user,
            source=source_of(request),
        )
        messages.success(
            request, _("The wording pack %(pack)s is installed.") % {"pack": pack.label}
        )
        return redirect("questionnaires:clinic_settings")
    return render(
        request,
        "questionnaires/clinic_settings.html",
        {
            "form": ScheduleForm(schedule=services.schedule_for(clinic)),
            "packs": WordingPack.objects.filter(clinic=clinic).order_by("instrument_id"),
            "pack_form": form,
            "instruments": instruments().values(),
        },
        status=400,
    )


@require_POST
@clinic_admin_required
def remove_pack(request: HttpRequest, pack_id) -> HttpResponse:
    pack = wording_pack_for_admin(request, pack_id)
    services.remove_wording_pack(pack=pack, actor=request.user, source=source_of(request))
    messages.success(request, _("The wording pack is removed; the reference text is used again."))
    return redirect("questionnaires:clinic_settings")
