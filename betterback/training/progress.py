"""Where a clinician stands in the course: a pure function of what they have done.

A module is done when it has been read and every question of its quiz has been answered right once.
A case is done when every step is done: a choice step once a best option was picked, a worksheet
step once the material was saved. The course is complete when every module and case is done.
"""

from dataclasses import dataclass

from betterback.training.course import Case, Course, Module, Question, Step

NOT_STARTED, IN_PROGRESS, DONE = "not_started", "in_progress", "done"


@dataclass(frozen=True)
class ModuleStatus:
    module: Module
    read: bool
    right: frozenset[str]  # the ids of the questions answered right

    @property
    def next_question(self) -> Question | None:
        for question in self.module.questions:
            if question.id not in self.right:
                return question
        return None

    @property
    def state(self) -> str:
        if self.read and self.next_question is None:
            return DONE
        return IN_PROGRESS if self.read or self.right else NOT_STARTED


@dataclass(frozen=True)
class CaseStatus:
    case: Case
    started: bool
    done_steps: frozenset[str]

    @property
    def next_step(self) -> Step | None:
        for step in self.case.steps:
            if step.id not in self.done_steps:
                return step
        return None

    @property
    def state(self) -> str:
        if self.started and self.next_step is None:
            return DONE
        return IN_PROGRESS if self.started else NOT_STARTED


@dataclass(frozen=True)
class Progress:
    modules: tuple[ModuleStatus, ...]
    cases: tuple[CaseStatus, ...]

    @property
    def parts(self) -> int:
        return len(self.modules) + len(self.cases)

    @property
    def done(self) -> int:
        return sum(status.state == DONE for status in (*self.modules, *self.cases))

    @property
    def modules_done(self) -> int:
        return sum(status.state == DONE for status in self.modules)

    @property
    def cases_done(self) -> int:
        return sum(status.state == DONE for status in self.cases)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.parts) if self.parts else 0

    @property
    def complete(self) -> bool:
        return self.done == self.parts

    @property
    def started(self) -> bool:
        return any(status.state != NOT_STARTED for status in (*self.modules, *self.cases))

    @property
    def next(self) -> ModuleStatus | CaseStatus | None:
        """Where to resume: a part already begun, else the first part not done, in course order
        (modules before cases)."""
        unfinished = [s for s in (*self.modules, *self.cases) if s.state != DONE]
        for status in unfinished:
            if status.state == IN_PROGRESS:
                return status
        return unfinished[0] if unfinished else None


def progress(
    course: Course,
    *,
    read: set[str],
    right: set[tuple[str, str]],
    started: set[str],
    steps_done: set[tuple[str, str]],
) -> Progress:
    """read: module ids; right: (module id, question id) answered right; started: case ids;
    steps_done: (case id, step id). Ids the course no longer has are ignored."""
    return Progress(
        modules=tuple(
            ModuleStatus(
                module=module,
                read=module.id in read,
                right=frozenset(q.id for q in module.questions if (module.id, q.id) in right),
            )
            for module in course.modules
        ),
        cases=tuple(
            CaseStatus(
                case=case,
                started=case.id in started,
                done_steps=frozenset(s.id for s in case.steps if (case.id, s.id) in steps_done),
            )
            for case in course.cases
        ),
    )
