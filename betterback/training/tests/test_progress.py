"""Where a clinician stands: the pure progress rules."""

from betterback.training.course import course
from betterback.training.progress import DONE, IN_PROGRESS, NOT_STARTED, progress


def _everything():
    the_course = course()
    return {
        "read": {m.id for m in the_course.modules},
        "right": {(m.id, q.id) for m in the_course.modules for q in m.questions},
        "started": {c.id for c in the_course.cases},
        "steps_done": {(c.id, s.id) for c in the_course.cases for s in c.steps},
    }


def _nothing():
    return {"read": set(), "right": set(), "started": set(), "steps_done": set()}


def test_nothing_done_is_nothing_started_and_resumes_at_the_first_module():
    result = progress(course(), **_nothing())
    assert result.done == 0 and result.percent == 0 and not result.started
    assert result.parts == len(course().modules) + len(course().cases) == 14
    assert result.next.module.id == "approach"
    assert {s.state for s in (*result.modules, *result.cases)} == {NOT_STARTED}


def test_everything_done_is_complete():
    result = progress(course(), **_everything())
    assert result.complete and result.percent == 100 and result.next is None


def test_a_module_is_done_only_when_read_and_every_question_right():
    module = course().modules[0]
    done = _nothing()
    done["right"] = {(module.id, q.id) for q in module.questions}
    assert progress(course(), **done).modules[0].state == IN_PROGRESS  # not read
    done["read"] = {module.id}
    assert progress(course(), **done).modules[0].state == DONE
    done["right"].discard((module.id, module.questions[-1].id))
    status = progress(course(), **done).modules[0]
    assert status.state == IN_PROGRESS and status.next_question == module.questions[-1]


def test_a_case_is_done_when_every_step_is_done():
    case = course().cases[0]
    done = _nothing()
    done["started"] = {case.id}
    assert progress(course(), **done).cases[0].state == IN_PROGRESS
    done["steps_done"] = {(case.id, s.id) for s in case.steps[:-1]}
    status = progress(course(), **done).cases[0]
    assert status.state == IN_PROGRESS and status.next_step == case.steps[-1]
    done["steps_done"].add((case.id, case.steps[-1].id))
    assert progress(course(), **done).cases[0].state == DONE


def test_resume_prefers_a_part_already_begun_over_the_first_not_started():
    done = _nothing()
    third_case = course().cases[2]
    done["started"] = {third_case.id}
    assert progress(course(), **done).next.case == third_case


def test_half_the_parts_is_fifty_percent_and_ids_no_longer_in_the_course_are_ignored():
    everything = _everything()
    the_course = course()
    half = {
        "read": {m.id for m in the_course.modules[:5]} | {"retired-module"},
        "right": {(m.id, q.id) for m in the_course.modules[:5] for q in m.questions}
        | {("approach", "retired-question")},
        "started": {c.id for c in the_course.cases[:2]},
        "steps_done": {k for k in everything["steps_done"] if k[0] in
                       {c.id for c in the_course.cases[:2]}},
    }  # fmt: skip
    result = progress(the_course, **half)
    assert (result.modules_done, result.cases_done, result.done, result.percent) == (5, 2, 7, 50)
