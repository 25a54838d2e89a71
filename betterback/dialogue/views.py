from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from betterback.audit.services import source_of
from betterback.content.pack import pack
from betterback.dialogue import services
from betterback.dialogue.access import session_for_clinician
from betterback.dialogue.forms import ChooseMaterialsForm
from betterback.dialogue.summary import summary_text
from betterback.materials.models import Context
from betterback.materials.views import material_or_404, worksheet_page
from betterback.patients.access import (
    clinician_required,
    own_patient_record,
    patient_for_clinician,
    patient_required,
)
from betterback.plan.services import read_plan


@require_POST
@clinician_required
def start(request: HttpRequest, public_id) -> HttpResponse:
    patient = patient_for_clinician(request, public_id)
    session = services.open_session(
        patient=patient, clinician=request.user.clinician, source=source_of(request)
    )
    return redirect("dialogue:session", public_id=public_id, session_id=session.pk)


@require_http_methods(["GET", "POST"])
@clinician_required
def session(request: HttpRequest, public_id, session_id) -> HttpResponse:
    current = services.read_session(
        session=session_for_clinician(request, public_id, session_id),
        actor=request.user,
        source=source_of(request),
    )
    previous = services.last_ended(current.patient)
    changed = services.changed_at_home_since(
        current.patient, previous.ended_at if previous else None
    )
    initial = {"materials": current.material_ids}
    initial.update({f"order_{m}": n for n, m in enumerate(current.material_ids, start=1)})
    form = ChooseMaterialsForm(request.POST or None, initial=initial, changed_at_home=changed)
    if request.method == "POST" and current.is_open and form.is_valid():
        services.choose_materials(
            session=current, material_ids=form.ordered(), actor=request.user,
            source=source_of(request),
        )  # fmt: skip
        messages.success(request, _("Saved."))
        return redirect("dialogue:session", public_id=public_id, session_id=current.pk)
    return render(
        request,
        "dialogue/session.html",
        {
            "session": current,
            "patient": current.patient,
            "form": form,
            "order_fields": form.bound_order_fields(),
            "chosen": [pack()[m] for m in current.material_ids if m in pack()],
            "changed_at_home": changed,
            "previous": previous,
        },
    )


@require_POST
@clinician_required
def end(request: HttpRequest, public_id, session_id) -> HttpResponse:
    current = session_for_clinician(request, public_id, session_id)
    services.end_session(session=current, actor=request.user, source=source_of(request))
    messages.success(request, _("The session has ended. The patient can see My plan now."))
    return redirect("dialogue:summary", public_id=public_id, session_id=current.pk)


@require_GET
@clinician_required
def summary(request: HttpRequest, public_id, session_id) -> HttpResponse:
    current = session_for_clinician(request, public_id, session_id)
    plan = read_plan(patient=current.patient, actor=request.user, source=source_of(request))
    titles = [str(pack()[m].title) for m in current.material_ids if m in pack()]
    return render(
        request,
        "dialogue/summary.html",
        {
            "session": current,
            "patient": current.patient,
            "summary": summary_text(current, titles, plan.parts),
        },
    )


def _plan(request: HttpRequest, patient, template, as_clinician) -> HttpResponse:
    plan = read_plan(patient=patient, actor=request.user, source=source_of(request))
    context = {"patient": patient, "as_clinician": as_clinician, "plan": plan}
    return render(request, template, {**context, "session": services.last_ended(patient)})


@require_GET
@patient_required
def my_plan(request: HttpRequest) -> HttpResponse:
    return _plan(request, own_patient_record(request), "dialogue/plan.html", False)


@require_GET
@patient_required
def my_plan_print(request: HttpRequest) -> HttpResponse:
    return _plan(request, own_patient_record(request), "dialogue/plan_print.html", False)


@require_GET
@clinician_required
def patient_plan(request: HttpRequest, public_id) -> HttpResponse:
    return _plan(request, patient_for_clinician(request, public_id), "dialogue/plan.html", True)


@require_GET
@clinician_required
def patient_plan_print(request: HttpRequest, public_id) -> HttpResponse:
    patient = patient_for_clinician(request, public_id)
    return _plan(request, patient, "dialogue/plan_print.html", True)


def _session_steps(request: HttpRequest, public_id, material_id) -> dict:
    """Where this material stands in the dialogue session named by ?session=, if any."""
    raw = request.GET.get("session")
    if not raw:
        return {}
    if not raw.isdigit():
        raise Http404
    session = session_for_clinician(request, public_id, int(raw))
    order = session.material_ids
    if material_id not in order:
        return {"session": session}
    index = order.index(material_id)
    return {
        "session": session,
        "step": index + 1,
        "steps": len(order),
        "previous_material": pack()[order[index - 1]] if index > 0 else None,
        "next_material": pack()[order[index + 1]] if index + 1 < len(order) else None,
    }


@require_http_methods(["GET", "POST"])
@clinician_required
def material(request: HttpRequest, public_id, material_id) -> HttpResponse:
    """A material in the consultation: the clinician and the patient fill it in together, in a
    session (?session=) or on its own, on the shared screen (?mode=present) or not."""
    patient = patient_for_clinician(request, public_id)
    definition = material_or_404(material_id)
    return worksheet_page(
        request,
        patient,
        definition,
        context=Context.CONSULTATION,
        done_url=request.get_full_path(),
        extra={
            "present": request.GET.get("mode") == "present",
            "as_clinician": True,
            **_session_steps(request, public_id, definition.id),
        },
    )
