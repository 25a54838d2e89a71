"""Writes and reads of the course: progress, quiz answers, practice cases, the certificate and
reflections.

Course progress and the sandbox hold no patient data, so they are not audited. A reflection belongs
to a real session with a patient: writing and reading one is recorded on that patient's record
(without its text), so the patient's access log stays complete.
"""

from collections import defaultdict

from django.db import IntegrityError, transaction
from django.utils import timezone

from betterback.audit import events
from betterback.training.course import Case, Module, Question, Step, course
from betterback.training.models import (
    CaseAttempt,
    Certificate,
    ModuleRead,
    PracticeWorksheet,
    QuizAnswer,
    Reflection,
    StepChoice,
)
from betterback.training.progress import Progress, progress


class NotComplete(Exception):
    """The certificate is asked for before every module and case is done."""


def _progress(rows: dict) -> Progress:
    return progress(
        course(),
        read=rows["read"],
        right=rows["right"],
        started=rows["started"],
        steps_done=rows["steps"],
    )


def _rows(clinician_ids: list[int]) -> dict[int, dict]:
    """What the clinicians have done, in four queries whatever their number."""
    rows = defaultdict(lambda: {"read": set(), "right": set(), "started": set(), "steps": set()})
    for clinician_id, module_id in ModuleRead.objects.filter(
        clinician_id__in=clinician_ids
    ).values_list("clinician_id", "module_id"):
        rows[clinician_id]["read"].add(module_id)
    for clinician_id, module_id, question_id in (
        QuizAnswer.objects.filter(clinician_id__in=clinician_ids, right=True)
        .values_list("clinician_id", "module_id", "question_id")
        .distinct()
    ):
        rows[clinician_id]["right"].add((module_id, question_id))
    for clinician_id, case_id in CaseAttempt.objects.filter(
        clinician_id__in=clinician_ids
    ).values_list("clinician_id", "case_id"):
        rows[clinician_id]["started"].add(case_id)
    done = [
        *StepChoice.objects.filter(attempt__clinician_id__in=clinician_ids, best=True).values_list(
            "attempt__clinician_id", "attempt__case_id", "step_id"
        ),
        *PracticeWorksheet.objects.filter(attempt__clinician_id__in=clinician_ids).values_list(
            "attempt__clinician_id", "attempt__case_id", "step_id"
        ),
    ]
    for clinician_id, case_id, step_id in done:
        rows[clinician_id]["steps"].add((case_id, step_id))
    return rows


def progress_for(clinician) -> Progress:
    return _progress(_rows([clinician.pk])[clinician.pk])


def clinic_progress(clinic) -> list[tuple]:
    """(clinician, progress, certificate or None) for every clinician of the clinic, by name, in a
    fixed number of queries."""
    clinicians = list(
        clinic.clinicians.select_related("user", "certificate").order_by("user__full_name", "pk")
    )
    rows = _rows([clinician.pk for clinician in clinicians])
    return [
        (clinician, _progress(rows[clinician.pk]), getattr(clinician, "certificate", None))
        for clinician in clinicians
    ]


# Modules and quizzes


def mark_read(*, clinician, module: Module) -> None:
    ModuleRead.objects.get_or_create(clinician=clinician, module_id=module.id)


def answer(*, clinician, module: Module, question: Question, chosen: list[str]) -> QuizAnswer:
    """Store one try at a question. ``chosen`` holds option ids the form has already checked."""
    return QuizAnswer.objects.create(
        clinician=clinician,
        module_id=module.id,
        question_id=question.id,
        answer=list(chosen),
        right=question.is_right(tuple(chosen)),
    )


def last_answer(*, clinician, module: Module, question: Question) -> QuizAnswer | None:
    return (
        QuizAnswer.objects.filter(clinician=clinician, module_id=module.id, question_id=question.id)
        .order_by("-answered_at", "-id")
        .first()
    )


# Practice cases: the sandbox


def attempt_for(*, clinician, case: Case) -> CaseAttempt | None:
    return CaseAttempt.objects.filter(clinician=clinician, case_id=case.id).first()


def start_case(*, clinician, case: Case, again: bool = False) -> CaseAttempt:
    """The clinician's practice session on the case, made if new. ``again`` clears its answers
    and worksheets and starts it over (a finished case stays counted as done until then)."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                attempt, made = CaseAttempt.objects.get_or_create(
                    clinician=clinician, case_id=case.id, defaults={"case_version": case.version}
                )
        except IntegrityError:  # two tabs started it at once
            attempt, made = CaseAttempt.objects.get(clinician=clinician, case_id=case.id), False
        if again and not made:
            attempt.choices.all().delete()
            attempt.worksheets.all().delete()
            attempt.case_version = case.version
            attempt.started_at = timezone.now()
            attempt.completed_at = None
            attempt.save()
    return attempt


def done_steps(attempt: CaseAttempt) -> set[str]:
    return set(attempt.choices.filter(best=True).values_list("step_id", flat=True)) | set(
        attempt.worksheets.values_list("step_id", flat=True)
    )


def _complete_if_done(attempt: CaseAttempt, case: Case) -> None:
    if attempt.completed_at is None and done_steps(attempt) >= {s.id for s in case.steps}:
        attempt.completed_at = timezone.now()
        attempt.save(update_fields=["completed_at"])


def choose(*, attempt: CaseAttempt, case: Case, step: Step, option_id: str) -> StepChoice:
    option = step.option(option_id)
    choice = StepChoice.objects.create(
        attempt=attempt, step_id=step.id, option_id=option.id, best=option.best
    )
    _complete_if_done(attempt, case)
    return choice


def last_choice(*, attempt: CaseAttempt, step: Step) -> StepChoice | None:
    return attempt.choices.filter(step_id=step.id).order_by("-chosen_at", "-id").first()


def practice_sheet(*, attempt: CaseAttempt, step: Step) -> PracticeWorksheet | None:
    return attempt.worksheets.filter(step_id=step.id).first()


def practice_data(attempt: CaseAttempt) -> dict[str, dict]:
    """{material id: data} of every practice worksheet in the attempt (for link fields)."""
    return {sheet.material_id: sheet.data for sheet in attempt.worksheets.all()}


def save_practice_sheet(*, attempt: CaseAttempt, case: Case, step: Step, data: dict):
    PracticeWorksheet.objects.update_or_create(
        attempt=attempt,
        step_id=step.id,
        defaults={"material_id": step.material, "data": data, "saved_at": timezone.now()},
    )
    _complete_if_done(attempt, case)


def debrief(attempt: CaseAttempt, case: Case) -> list[dict]:
    """The finished practice session step by step: for a choice step the best option picked and
    how many tries it took; for a worksheet step what was filled in (material id and data)."""
    choices = list(attempt.choices.all())
    sheets = {sheet.step_id: sheet for sheet in attempt.worksheets.all()}
    rows = []
    for step in case.steps:
        if step.type == "choice":
            picks = [choice for choice in choices if choice.step_id == step.id]
            best = next((choice for choice in picks if choice.best), None)
            rows.append(
                {
                    "step": step,
                    "option": step.option(best.option_id) if best else None,
                    "tries": len(picks[: picks.index(best) + 1]) if best else len(picks),
                }
            )
        else:
            sheet = sheets.get(step.id)
            rows.append({"step": step, "data": sheet.data if sheet else None})
    return rows


# The certificate


def certificate_for(clinician) -> Certificate:
    """The clinician's certificate, issued now if this is the first time. NotComplete if any
    module or case is not done."""
    existing = Certificate.objects.filter(clinician=clinician).first()
    if existing:
        return existing
    if not progress_for(clinician).complete:
        raise NotComplete
    certificate, _ = Certificate.objects.get_or_create(
        clinician=clinician, defaults={"course_version": course().version}
    )
    return certificate


# Reflections on real sessions


def reflection_on(*, session, clinician, actor, source: str) -> Reflection | None:
    """The clinician's own reflection on one of their sessions; reading it is logged."""
    events.reflection_read(session=session, actor=actor, source=source)
    return Reflection.objects.filter(session=session, clinician=clinician).first()


def reflect(*, session, clinician, went_well: str, try_next: str, actor, source: str):
    """Write or change the clinician's reflection on a session. The text is not put in the log."""
    with transaction.atomic():
        reflection, made = Reflection.objects.select_for_update().get_or_create(
            session=session,
            clinician=clinician,
            defaults={"went_well": went_well, "try_next": try_next},
        )
        if not made:
            reflection.went_well, reflection.try_next = went_well, try_next
            reflection.changed_at = timezone.now()
            reflection.save(update_fields=["went_well", "try_next", "changed_at"])
        events.reflection_saved(session=session, actor=actor, source=source, new=made)
    return reflection


def my_reflections(*, clinician, actor, source: str) -> list[Reflection]:
    """The clinician's own reflections, newest first, with the session's date. They are notes on
    the clinician's own practice and the list names no patient; each patient's record still
    shows that the list was read."""
    reflections = list(
        Reflection.objects.filter(clinician=clinician)
        .select_related("session__patient")
        .order_by("-written_at", "-id")
    )
    patients = {r.session.patient_id: r.session.patient for r in reflections}
    events.reflections_listed(actor=actor, patients=patients.values(), source=source)
    return reflections
