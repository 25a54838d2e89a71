"""The clinicians' course: modules with quizzes, practice cases in the sandbox, the certificate,
the clinic administrator's progress table, and reflections on real sessions."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from betterback.audit.services import source_of
from betterback.content.pack import pack
from betterback.dialogue.access import session_for_clinician
from betterback.materials import display
from betterback.materials.builder import Worksheet
from betterback.materials.services import link_targets, links_in
from betterback.patients.access import clinic_admin_required, clinician_required
from betterback.training import services
from betterback.training.course import course
from betterback.training.forms import QuestionForm, ReflectionForm, StepChoiceForm, option_text
from betterback.training.progress import DONE, ModuleStatus


def _module(module_id: str):
    try:
        return course().module(module_id)
    except KeyError:
        raise Http404 from None


def _case(case_id: str):
    try:
        return course().case(case_id)
    except KeyError:
        raise Http404 from None


def _resume_url(status) -> str:
    """The page where a part of the course carries on."""
    if isinstance(status, ModuleStatus):
        if status.read and status.next_question:
            return reverse("training:question", args=[status.module.id, status.next_question.id])
        return reverse("training:module", args=[status.module.id])
    if status.started and status.next_step:
        return reverse("training:step", args=[status.case.id, status.next_step.id])
    return reverse("training:case", args=[status.case.id])


@require_GET
@clinician_required
def overview(request: HttpRequest) -> HttpResponse:
    progress = services.progress_for(request.user.clinician)
    return render(
        request,
        "training/overview.html",
        {
            "course": course(),
            "progress": progress,
            "resume": progress.next and _resume_url(progress.next),
            "DONE": DONE,
        },
    )


@require_http_methods(["GET", "POST"])
@clinician_required
def module(request: HttpRequest, module_id) -> HttpResponse:
    """The module's text; "Go to the quiz" marks it read."""
    current = _module(module_id)
    clinician = request.user.clinician
    if request.method == "POST":
        services.mark_read(clinician=clinician, module=current)
        status = services.progress_for(clinician).modules[current.number - 1]
        if status.next_question:
            return redirect("training:question", current.id, status.next_question.id)
        return redirect("training:module_done", current.id)
    materials = pack()
    return render(
        request,
        "training/module.html",
        {
            "course": course(),
            "module": current,
            "notes": [(note, materials[note.material]) for note in current.materials],
            "status": services.progress_for(clinician).modules[current.number - 1],
        },
    )


def _feedback(question, chosen: list[str], right: bool) -> list[dict]:
    """What to show after a try: after a right answer every option's explanation; after a wrong
    one the explanation of each option that was ticked wrongly or put in the wrong place, so the
    next try is still a real one."""
    shown = []
    for place, option in enumerate(question.options):
        picked = option.id in chosen
        if question.type == "order":
            off = chosen.index(option.id) != place if picked else True
            if right or off:
                shown.append({"option": option, "picked": picked, "place": place + 1})
        elif right or (picked and not option.correct):
            shown.append({"option": option, "picked": picked})
    return shown


@require_http_methods(["GET", "POST"])
@clinician_required
def question(request: HttpRequest, module_id, question_id) -> HttpResponse:
    current = _module(module_id)
    try:
        asked = current.question(question_id)
    except KeyError:
        raise Http404 from None
    clinician = request.user.clinician
    if request.method == "POST":
        form = QuestionForm(request.POST, question=asked)
        if form.is_valid():
            services.mark_read(clinician=clinician, module=current)
            services.answer(
                clinician=clinician, module=current, question=asked, chosen=form.chosen()
            )
            return redirect(
                reverse("training:question", args=[module_id, question_id]) + "?tried=1"
            )
    else:
        form = QuestionForm(question=asked)
    last = services.last_answer(clinician=clinician, module=current, question=asked)
    tried = last if request.method == "GET" and request.GET.get("tried") and last else None
    status = services.progress_for(clinician).modules[current.number - 1]
    index = current.questions.index(asked)
    missed = (
        tried
        and not tried.right
        and asked.type == "multiple"
        and not set(asked.correct_ids) <= set(tried.answer)
    )
    return render(
        request,
        "training/question.html",
        {
            "course": course(),
            "module": current,
            "question": asked,
            "number": index + 1,
            "form": form if not (tried and tried.right) else None,
            "tried": tried,
            "feedback": _feedback(asked, tried.answer, tried.right) if tried else [],
            "missed": missed,
            "next_question": status.next_question,
            "module_done": status.state == DONE,
        },
    )


@require_GET
@clinician_required
def module_done(request: HttpRequest, module_id) -> HttpResponse:
    current = _module(module_id)
    progress = services.progress_for(request.user.clinician)
    status = progress.modules[current.number - 1]
    if status.state != DONE:
        return redirect("training:module", current.id)
    return render(
        request,
        "training/module_done.html",
        {
            "course": course(),
            "module": current,
            "progress": progress,
            "resume": progress.next and _resume_url(progress.next),
        },
    )


@require_http_methods(["GET", "POST"])
@clinician_required
def case(request: HttpRequest, case_id) -> HttpResponse:
    """The case's fictional patient and its steps. POST starts (or, with again=1, restarts) the
    practice session."""
    current = _case(case_id)
    clinician = request.user.clinician
    if request.method == "POST":
        attempt = services.start_case(
            clinician=clinician, case=current, again=request.POST.get("again") == "1"
        )
        done = services.done_steps(attempt)
        step = next((s for s in current.steps if s.id not in done), current.steps[0])
        return redirect("training:step", current.id, step.id)
    attempt = services.attempt_for(clinician=clinician, case=current)
    done = services.done_steps(attempt) if attempt else set()
    return render(
        request,
        "training/case.html",
        {
            "course": course(),
            "case": current,
            "attempt": attempt,
            "done": done,
            "next_step": next((s for s in current.steps if s.id not in done), None),
            "debrief": _debrief(attempt, current) if attempt and attempt.completed_at else [],
        },
    )


def _debrief(attempt, current) -> list[dict]:
    """The finished session's steps, with each worksheet's answers as people read them."""
    data = services.practice_data(attempt)
    rows = services.debrief(attempt, current)
    for row in rows:
        if row.get("data") is not None:
            material = pack()[row["step"].material]
            labels = {
                target: dict(items)
                for target, items in links_in(data, link_targets(material)).items()
            }
            row["material"] = material
            row["answers"] = [
                answer
                for answer in display.answers(material, row["data"], labels)
                if answer.text or answer.items
            ]
        elif row.get("option"):
            row["option_text"] = option_text(row["option"])
    return rows


def _step_context(current, step, attempt) -> dict:
    done = services.done_steps(attempt)
    index = current.steps.index(step)
    later = current.steps[index + 1 :]
    return {
        "course": course(),
        "case": current,
        "step": step,
        "number": index + 1,
        "done": done,
        "step_done": step.id in done,
        "next_step": later[0] if later else None,
        "case_done": attempt.completed_at is not None,
    }


@require_http_methods(["GET", "POST"])
@clinician_required
def step(request: HttpRequest, case_id, step_id) -> HttpResponse:
    """One step of a practice session: a choice, or a worksheet filled in for the case's patient."""
    current = _case(case_id)
    try:
        shown = current.step(step_id)
    except KeyError:
        raise Http404 from None
    attempt = services.attempt_for(clinician=request.user.clinician, case=current)
    if attempt is None:
        return redirect("training:case", current.id)
    here = reverse("training:step", args=[current.id, shown.id])
    practice = _choice_step if shown.type == "choice" else _worksheet_step
    return practice(request, current, shown, attempt, here)


def _choice_step(request: HttpRequest, current, shown, attempt, here: str) -> HttpResponse:
    form = StepChoiceForm(request.POST if request.method == "POST" else None, step=shown)
    if request.method == "POST" and form.is_valid():
        option = form.cleaned_data["option"]
        services.choose(attempt=attempt, case=current, step=shown, option_id=option)
        return redirect(here + "?tried=1")
    last = services.last_choice(attempt=attempt, step=shown)
    tried = last if request.method == "GET" and request.GET.get("tried") and last else None
    chosen = shown.option(tried.option_id) if tried else None
    others = [(option, option_text(option)) for option in shown.options if option != chosen]
    context = {
        **_step_context(current, shown, attempt),
        "form": None if tried and tried.best else form,
        "tried": tried,
        "chosen": chosen,
        "chosen_text": option_text(chosen) if chosen else "",
        "others": others,
    }
    return render(request, "training/step_choice.html", context)


def _worksheet_step(request: HttpRequest, current, shown, attempt, here: str) -> HttpResponse:
    material = pack()[shown.material]
    row = services.practice_sheet(attempt=attempt, step=shown)
    saved = row.data if row else None
    links = links_in(services.practice_data(attempt), link_targets(material))
    post = request.POST if request.method == "POST" else None
    sheet = Worksheet(material, saved or {}, 0, post=post, links=links, patient_view=False)
    if post is not None and sheet.is_valid():
        if all(display.is_empty(v) for v in sheet.data().values()):
            name = {"name": current.patient.name}
            sheet.main.add_error(None, _("Fill in what %(name)s tells you before you save.") % name)
        else:
            services.save_practice_sheet(
                attempt=attempt, case=current, step=shown, data=sheet.data()
            )
            return redirect(here + "?saved=1")
    just_saved = request.method == "GET" and request.GET.get("saved") and saved is not None
    context = {
        **_step_context(current, shown, attempt),
        "material": material,
        "sheet": sheet,
        "just_saved": just_saved,
    }
    return render(request, "training/step_worksheet.html", context)


@require_GET
@clinic_admin_required
def clinic_progress(request: HttpRequest) -> HttpResponse:
    """The clinic administrator sees how far each of the clinic's clinicians has come."""
    clinic = request.user.clinic_administrator.clinic
    return render(
        request,
        "training/clinic_progress.html",
        {"clinic": clinic, "course": course(), "rows": services.clinic_progress(clinic)},
    )


@require_http_methods(["GET", "POST"])
@clinician_required
def reflect(request: HttpRequest, public_id, session_id) -> HttpResponse:
    session = session_for_clinician(request, public_id, session_id)
    clinician = request.user.clinician
    source = source_of(request)
    existing = services.reflection_on(
        session=session, clinician=clinician, actor=request.user, source=source
    )
    if request.method == "POST":
        form = ReflectionForm(request.POST)
        if form.is_valid():
            services.reflect(
                session=session,
                clinician=clinician,
                went_well=form.cleaned_data["went_well"].strip(),
                try_next=form.cleaned_data["try_next"].strip(),
                actor=request.user,
                source=source,
            )
            messages.success(request, _("Your reflection is saved. Only you can see it."))
            return redirect("training:reflections")
    else:
        initial = (
            {"went_well": existing.went_well, "try_next": existing.try_next} if existing else {}
        )
        form = ReflectionForm(initial=initial)
    return render(
        request,
        "training/reflect.html",
        {"session": session, "patient": session.patient, "form": form, "existing": existing},
    )


@require_GET
@clinician_required
def reflections(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "training/reflections.html",
        {
            "reflections": services.my_reflections(
                clinician=request.user.clinician, actor=request.user, source=source_of(request)
            )
        },
    )
