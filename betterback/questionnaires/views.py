from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from betterback.audit.services import source_of
from betterback.patients.access import own_patient_record, patient_required
from betterback.questionnaires import presentation, results, services, steps
from betterback.questionnaires.access import own_response, own_set
from betterback.questionnaires.definitions import definition_of
from betterback.questionnaires.models import QuestionnaireSet, Response


@require_GET
@patient_required
def my_questionnaires(request: HttpRequest) -> HttpResponse:
    patient = own_patient_record(request)
    sets = list(services.open_sets(patient))
    for qset in sets:
        services.read_set(qset=qset, actor=request.user, source=source_of(request))
    return render(request, "questionnaires/my_questionnaires.html", {"sets": sets})


@require_GET
@patient_required
def continue_set(request: HttpRequest, set_id) -> HttpResponse:
    """Go on where the patient stopped: the first questionnaire of the set not yet sent."""
    qset = own_set(request, set_id)
    responses = services.read_set(qset=qset, actor=request.user, source=source_of(request))
    for response in responses:
        if not response.is_submitted:
            return redirect("questionnaires:answer", qset.public_id, response.public_id)
    return redirect("questionnaires:done", qset.public_id)


# Warning signs up to "the same day" put their advice at the top of every next screen, in view.
URGENT_UP_TO = 2


def _urgent_level(responses) -> int | None:
    """The most urgent warning sign the patient has answered "yes" to in this set, sent or not."""
    return min((r.flag_level for r in responses if r.flag_level), default=None)


@dataclass
class AnswerPage:
    """One questionnaire of a set, as the patient answers it, in the clinic's wording."""

    request: HttpRequest
    qset: QuestionnaireSet
    response: Response

    def __post_init__(self):
        self.definition = definition_of(self.response)
        clinic = self.qset.clinician.clinic
        self.wording = services.wording_for(self.definition, clinic, get_language())
        self.minimum = services.schedule_for(clinic).min_answered.get(self.definition.id)
        self.items = self.definition.asked(self.response.variant)

    def save(self, raw: dict, notes: dict, action: str) -> services.Saved:
        return services.save_answers(
            response=self.response,
            raw=raw,
            notes=notes,
            actor=self.request.user,
            source=source_of(self.request),
            submit=action == "submit",
            wording=self.wording.source,
            min_answered=self.minimum,
        )

    def go(self, after: steps.After) -> HttpResponse:
        """Where the patient goes after a save that needs no second look at this page."""
        qset, response = self.qset, self.response
        if after.kind == "sent":
            return redirect("questionnaires:continue", qset.public_id)
        if after.kind == "saved":
            messages.success(self.request, _("Your answers are saved. You can go on later."))
            return redirect("questionnaires:mine")
        url = reverse("questionnaires:answer", args=[qset.public_id, response.public_id])
        urgent = _urgent_level(qset.responses.all())
        anchor = "urgent" if urgent and urgent <= URGENT_UP_TO else "question"
        return redirect(f"{url}?step={after.step}#{anchor}")

    def render(self, answers: dict, step: int, notes: dict, problems: dict) -> HttpResponse:
        responses = list(self.qset.responses.all())
        definition, wording, variant = self.definition, self.wording, self.response.variant
        context = {
            "qset": self.qset,
            "response": self.response,
            "definition": definition,
            "wording": wording,
            "recall": presentation.recall(definition, wording, variant),
            "variant": definition.variant(variant),
            "questions": presentation.shown(definition, wording, variant, answers, notes, problems),
            "step": step,
            "count": len(self.items),
            "position": next(i for i, r in enumerate(responses) if r.pk == self.response.pk) + 1,
            "total": len(responses),
            # A warning sign answered "yes" stays in view for the rest of the set.
            "urgent": _urgent_level(responses),
            "errors": problems,
        }
        status = 400 if problems else 200
        return render(self.request, "questionnaires/answer.html", context, status=status)


@require_http_methods(["GET", "POST"])
@patient_required
def answer(request: HttpRequest, set_id, response_id) -> HttpResponse:
    qset = own_set(request, set_id)
    response = own_response(request, qset, response_id)
    if response.is_submitted:
        return redirect("questionnaires:continue", qset.public_id)
    page = AnswerPage(request, qset, response)
    if request.method == "GET":
        services.read_response(response=response, actor=request.user, source=source_of(request))
        step = steps.opening(request.GET.get("step"), page.items, response.answers)
        return page.render(response.answers, step, response.notes, {})
    action = request.POST.get("action", "save")
    step = steps.clamp(request.POST.get("step"), len(page.items)) or 0
    raw, notes = presentation.read_post(page.definition, request.POST, response.variant)
    try:
        saved = page.save(raw, notes, action)
    except services.InvalidAnswers as error:  # nothing was stored: show what was typed
        answers = {**response.answers, **raw}
        return page.render(
            answers, steps.first_problem(page.items, error.problems), notes, error.problems
        )
    after = steps.after_save(action, step, page.items, saved.response.answers, saved.missing)
    if after.kind == "again":
        return page.render(saved.response.answers, after.step, notes, after.problems)
    return page.go(after)


@require_GET
@patient_required
def done(request: HttpRequest, set_id) -> HttpResponse:
    qset = own_set(request, set_id)
    responses = services.read_set(qset=qset, actor=request.user, source=source_of(request))
    if any(not r.is_submitted for r in responses):
        return redirect("questionnaires:continue", qset.public_id)
    return render(
        request, "questionnaires/done.html", {"qset": qset, "urgent": _urgent_level(responses)}
    )


@require_GET
@patient_required
def my_results(request: HttpRequest) -> HttpResponse:
    patient = own_patient_record(request)
    data = results.read_results(patient=patient, actor=request.user, source=source_of(request))
    return render(request, "questionnaires/my_results.html", data)
