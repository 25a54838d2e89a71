"""The demo clinician Lise is half-way through the course: modules 1-5 and cases 1-2 are done
(7 of 14 parts), with one wrong try on the way, and she has reflected on her session with Peter.

Everything is written through the training services, as her own clicks would be."""

from betterback.demo import data
from betterback.training import services as training
from betterback.training.course import course

SOURCE = "command:demo"
MODULES_DONE = 5
CASES_DONE = 2


def practice_data(material_id: str) -> dict:
    """What Lise wrote on the practice sheet of a material (course/demo.toml; empty if nothing)."""
    return data.practice_sheets().get(material_id, {})


def load_training(lise, peters_session) -> None:
    clinician = lise
    the_course = course()
    for module in the_course.modules[:MODULES_DONE]:
        training.mark_read(clinician=clinician, module=module)
        for index, question in enumerate(module.questions):
            if training.last_answer(clinician=clinician, module=module, question=question):
                continue
            if module.number == 1 and index == 0:  # one wrong try first, as a learner would
                wrong = [o.id for o in question.options if not o.correct][:1]
                training.answer(clinician=clinician, module=module, question=question, chosen=wrong)
            training.answer(
                clinician=clinician,
                module=module,
                question=question,
                chosen=list(question.correct_ids),
            )
    for case in the_course.cases[:CASES_DONE]:
        attempt = training.start_case(clinician=clinician, case=case)
        if attempt.completed_at is not None:
            continue
        for step in case.steps:
            if step.type == "choice":
                best = next(option for option in step.options if option.best)
                training.choose(attempt=attempt, case=case, step=step, option_id=best.id)
            else:
                training.save_practice_sheet(
                    attempt=attempt, case=case, step=step, data=practice_data(step.material)
                )
    if peters_session is not None:
        training.reflect(
            session=peters_session,
            clinician=clinician,
            went_well="Jeg spurgte åbent til, hvad der betyder mest, og lyttede færdigt.",
            try_next="Spørge, hvor sikker han er på planen (0-10), før vi slutter.",
            actor=clinician.user,
            source=SOURCE,
        )
