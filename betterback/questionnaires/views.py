from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from betterback.audit.services import source_of
from betterback.patients.access import own_patient_record, patient_required
from betterback.questionnaires import presentation, results, services
from betterback.questionnaires.access import own_response, own_set
from betterback.questionnaires.definitions import definition_of

STEP_ACTIONS = {"next": 1, "back": -1}


@require_GET
@patient_required
def my_questionnaires(request):
    patient = own_patient_record(request)
    sets = list(services.open_sets(patient))
    for qset in sets:
        services.read_set(qset=qset, actor=request.user, source=source_of(request))
    return render(request, "questionnaires/my_questionnaires.html", {"sets": sets})


@require_GET
@patient_required
def continue_set(request, set_id):
    """Go on where the patient stopped: the first questionnaire of the set not yet sent."""
    qset = own_set(request, set_id)
    responses = services.read_set(qset=qset, actor=request.user, source=source_of(request))
    for response in responses:
        if not response.is_submitted:
            return redirect("questionnaires:answer", qset.public_id, response.public_id)
    return redirect("questionnaires:done", qset.public_id)


def _first_unanswered(items, answers) -> int:
    for index, item in enumerate(items):
        if answers.get(item.key) is None:
            return index
    return len(items) - 1


# Warning signs up to "the same day" put their advice at the top of every next screen, in view.
URGENT_UP_TO = 2


def _urgent_level(responses) -> int | None:
    """The most urgent warning sign the patient has answered "yes" to in this set, sent or not."""
    return min((r.flag_level for r in responses if r.flag_level), default=None)


def _step(value, count: int) -> int | None:
    try:
        return min(max(int(value), 0), count - 1)
    except (TypeError, ValueError):
        return None


@require_http_methods(["GET", "POST"])
@patient_required
def answer(request, set_id, response_id):
    qset = own_set(request, set_id)
    response = own_response(request, qset, response_id)
    if response.is_submitted:
        return redirect("questionnaires:continue", qset.public_id)
    source = source_of(request)
    definition = definition_of(response)
    clinic = qset.clinician.clinic
    wording = services.wording_for(definition, clinic, get_language())
    minimum = services.schedule_for(clinic).min_answered.get(definition.id)
    items = definition.asked(response.variant)
    count = len(items)
    problems, notes = {}, response.notes
    if request.method == "POST":
        action = request.POST.get("action", "save")
        step = _step(request.POST.get("step"), count) or 0
        raw, notes = presentation.read_post(definition, request.POST, response.variant)
        try:
            response = services.save_answers(
                response=response,
                raw=raw,
                notes=notes,
                actor=request.user,
                source=source,
                submit=action == "submit",
                wording=wording.source,
                min_answered=minimum,
            )
        except services.InvalidAnswers as error:
            problems = error.problems
            response.refresh_from_db()
            answers = {**response.answers, **raw}
            step = next((i for i, it in enumerate(items) if it.key in problems), 0)
        else:
            current = items[step]
            if action == "submit":
                return redirect("questionnaires:continue", qset.public_id)
            if action == "save":
                messages.success(request, _("Your answers are saved. You can go on later."))
                return redirect("questionnaires:mine")
            if action == "next" and current.required and current.key not in response.answers:
                problems = {current.key: "required"}
                answers = response.answers
            else:
                target = step + STEP_ACTIONS.get(action, 0)
                url = reverse("questionnaires:answer", args=[qset.public_id, response.public_id])
                urgent = _urgent_level(qset.responses.all())
                anchor = "urgent" if urgent and urgent <= URGENT_UP_TO else "question"
                return redirect(f"{url}?step={_step(target, count)}#{anchor}")
    else:
        services.read_response(response=response, actor=request.user, source=source)
        answers = response.answers
        step = _step(request.GET.get("step"), count)
        if step is None:
            step = _first_unanswered(items, answers)
    responses = list(qset.responses.all())
    position = next(i for i, r in enumerate(responses) if r.pk == response.pk) + 1
    # A warning sign answered "yes" stays in view for the rest of the set.
    return render(
        request,
        "questionnaires/answer.html",
        {
            "qset": qset,
            "response": response,
            "definition": definition,
            "wording": wording,
            "recall": presentation.recall(definition, wording, response.variant),
            "variant": definition.variant(response.variant),
            "questions": presentation.shown(
                definition, wording, response.variant, answers, notes, problems
            ),
            "step": step,
            "count": count,
            "position": position,
            "total": len(responses),
            "urgent": _urgent_level(responses),
            "errors": problems,
        },
        status=400 if problems else 200,
    )


@require_GET
@patient_required
def done(request, set_id):
    qset = own_set(request, set_id)
    responses = services.read_set(qset=qset, actor=request.user, source=source_of(request))
    if any(not r.is_submitted for r in responses):
        return redirect("questionnaires:continue", qset.public_id)
    return render(
        request, "questionnaires/done.html", {"qset": qset, "urgent": _urgent_level(responses)}
    )


@require_GET
@patient_required
def my_results(request):
    patient = own_patient_record(request)
    data = results.read_results(patient=patient, actor=request.user, source=source_of(request))
    return render(request, "questionnaires/my_results.html", data)
