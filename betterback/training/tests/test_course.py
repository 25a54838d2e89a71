"""The course pack: the shipped course is complete, and the loader refuses what is wrong,
naming the file and the field."""

import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from betterback.content.loader import ContentError, Reader, read_sources
from betterback.content.pack import pack, safety
from betterback.training.course import MINIMUM_CASES, _question, course, load_course

COURSE = Path(settings.BETTERBACK_COURSE_PACK)


def test_the_course_covers_every_material_and_has_six_or_more_cases():
    the_course = course()
    covered = [note.material for module in the_course.modules for note in module.materials]
    assert sorted(covered) == sorted(pack())
    assert len(the_course.cases) >= MINIMUM_CASES
    assert [m.id for m in the_course.modules][:2] == ["approach", "dialogue-skills"]


def _every_text():
    the_course = course()
    texts = [the_course.title, the_course.summary]
    for module in the_course.modules:
        texts += [module.title, module.summary]
        texts += [t for s in module.sections for t in (s.heading, s.body)]
        texts += [t for n in module.materials for t in (n.when, n.introduce, n.pitfalls)]
        for question in module.questions:
            texts += [question.prompt]
            texts += [t for o in question.options for t in (o.text, o.explanation)]
    for case in the_course.cases:
        texts += [case.title, case.patient.story]
        for step in case.steps:
            texts += [step.prompt, *(t for t in (step.patient_says, step.feedback) if t)]
            texts += [t for o in step.options for t in (o.text, o.feedback) if t]
    return texts


def test_every_text_of_the_course_is_there_in_danish_and_english():
    texts = _every_text()
    assert len(texts) > 500
    for text in texts:
        assert text.by_language["da"].strip() and text.by_language["en"].strip()
        assert text.by_language["da"] != text.by_language["en"] or len(text.by_language["da"]) < 12


# Words that name an emergency sign (DOMAIN.md, "Warning signs": now, an emergency).
EMERGENCY = (
    "skridt", "ridebukse", "endetarm", "kønsorgan", "tisse", "urin", "afføring", "blære",
    "begge ben", "svaghed i benene", "rejsning", "sex", "saddle", "back passage", "genital",
    "urine", "bladder", "bowel", "stools", "both legs", "weakness in the legs", "erection",
)  # fmt: skip


def test_no_text_of_the_course_gives_an_emergency_sign_the_same_day():
    """Cauda equina signs are "now", never "the same day" (clinical review C1): no paragraph that
    says "same day" names one of them."""
    for text in _every_text():
        for language in ("da", "en"):
            for paragraph in text.by_language[language].split("\n\n"):
                if re.search(r"same[ -]day|samme dag", paragraph, re.IGNORECASE):
                    named = [word for word in EMERGENCY if word in paragraph.lower()]
                    assert not named, (named, paragraph)


def test_the_modules_that_name_the_emergency_signs_show_the_packs_own_urgent_text():
    for module_id in ("red-flags", "flare-ups"):
        shared = [section for section in course().module(module_id).sections if section.shared]
        assert [section.shared for section in shared] == ["now"], module_id
        assert shared[0].heading == safety().advice["now"].heading


def test_every_module_and_case_cites_sources_with_full_citations():
    for part in (*course().modules, *course().cases):
        assert part.sources
        assert all(len(source.citation) > 30 for source in part.sources)


def test_each_question_type_is_used_and_its_right_answer_is_recognised():
    questions = [q for module in course().modules for q in module.questions]
    assert {q.type for q in questions} == {"single", "multiple", "order", "phrasing"}
    for question in questions:
        assert question.is_right(question.correct_ids)
        if question.type in ("single", "phrasing"):
            alone = [o.id for o in question.options if question.is_right((o.id,))]
            assert alone == list(question.correct_ids) and len(alone) == 1


def test_steps_to_order_are_never_shown_in_order_and_always_the_same_way():
    for module in course().modules:
        for question in module.questions:
            assert sorted(o.id for o in question.shown) == sorted(o.id for o in question.options)
            assert question.shown == question.shown
            if question.type == "order":
                assert question.shown != question.options


def test_a_multiple_choice_answer_is_right_only_with_every_right_tick_and_no_wrong_one():
    question = next(q for m in course().modules for q in m.questions if q.type == "multiple")
    right = list(question.correct_ids)
    wrong = [o.id for o in question.options if not o.correct]
    assert question.is_right(tuple(reversed(right)))
    assert not question.is_right(tuple(right + wrong[:1]))
    if len(right) > 1:
        assert not question.is_right(tuple(right[:1]))


def test_every_case_has_a_worksheet_on_a_material_with_fields_and_a_best_choice():
    for case in course().cases:
        kinds = {step.type for step in case.steps}
        assert kinds == {"choice", "worksheet"}
        for step in case.steps:
            if step.type == "worksheet":
                assert pack()[step.material].fields
                assert step.material_title
            else:
                assert any(o.best for o in step.options)
                assert sorted(o.id for o in step.shown) == sorted(o.id for o in step.options)


@pytest.fixture
def copy(tmp_path):
    folder = tmp_path / "course"
    shutil.copytree(COURSE, folder)
    return folder


def _edit(path: Path, old: str, new: str, count: int = 1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _refused(folder) -> ContentError:
    with pytest.raises(ContentError) as caught:
        load_course(folder, pack())
    return caught.value


def test_a_copy_of_the_course_loads(copy):
    assert len(load_course(copy, pack()).modules) == len(course().modules)


def test_a_missing_translation_names_the_file_and_field(copy):
    module = copy / "modules" / "approach.toml"
    text = module.read_text(encoding="utf-8")
    start = text.index("[title]")
    end = text.index("\n", text.index("en =", start))
    module.write_text(text[:start] + '[title]\nda = "Tilgangen"' + text[end:], encoding="utf-8")
    error = _refused(copy)
    assert error.path == module and error.field == "title.en"
    assert "missing translation" in str(error)


def test_an_unknown_key_is_refused(copy):
    module = copy / "modules" / "approach.toml"
    _edit(module, '\nid = "approach"\n', '\nid = "approach"\nauthor = "me"\n')
    assert _refused(copy).field == "author"


def test_a_citation_of_an_unknown_source_is_refused(copy):
    module = copy / "modules" / "approach.toml"
    _edit(module, 'sources = ["', 'sources = ["nobody2099", "')
    error = _refused(copy)
    assert error.field == "sections[0].sources" and "nobody2099" in error.problem


def test_a_module_without_sources_is_refused():
    with pytest.raises(ContentError) as caught:
        read_sources(Reader(COURSE / "modules" / "x.toml"), {})
    assert caught.value.field == "sources"
    assert caught.value.problem == "cite at least one source"


def test_a_material_without_a_note_fails_the_course(copy):
    module = copy / "modules" / "flare-ups.toml"
    _edit(module, 'material = "flare-up-plan"', 'material = "follow-up"')
    error = _refused(copy)
    assert (error.path.name, error.field) == ("course.toml", "modules")
    assert error.problem == "no module has a note on the material 'flare-up-plan'"


def test_a_note_on_a_material_not_in_the_pack_is_refused(copy):
    _edit(copy / "modules" / "flare-ups.toml", 'material = "flare-up-plan"', 'material = "x-ray"')
    error = _refused(copy)
    assert error.field == "materials[0].material" and "x-ray" in error.problem


def _first_question_of(copy, kind):
    for path in sorted((copy / "modules").glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        if f'type = "{kind}"' in text:
            return path, text
    raise AssertionError(kind)


def _option(option_id, correct):
    text = {"da": "Svar", "en": "Answer"}
    return {"id": option_id, "text": text, "explanation": text, "correct": correct}


@pytest.mark.parametrize(
    ("kind", "correct", "problem"),
    [
        ("single", [True, True, False], "exactly one correct"),
        ("phrasing", [False, False], "exactly one correct"),
        ("multiple", [True, True, True], "at least one correct and one wrong"),
        ("multiple", [False, False, False], "at least one correct and one wrong"),
        ("single", [True, False], "3 to 5 options"),
        ("phrasing", [True, False, False, False], "2 to 3 options"),
    ],
)
def test_questions_with_the_wrong_right_answers_or_too_few_options_are_refused(
    kind, correct, problem
):
    data = {
        "id": "q",
        "type": kind,
        "prompt": {"da": "Spørgsmål", "en": "Question"},
        "options": [_option(f"o{i}", c) for i, c in enumerate(correct)],
    }
    with pytest.raises(ContentError) as caught:
        _question(Reader(COURSE / "modules" / "x.toml"), data, "questions[2]")
    assert caught.value.field == "questions[2].options"
    assert problem in caught.value.problem


def test_an_ordering_question_may_not_mark_options_correct(copy):
    path, text = _first_question_of(copy, "order")
    start = text.index('type = "order"')
    option = text.index("[[questions.options]]\n", start) + len("[[questions.options]]\n")
    path.write_text(text[:option] + "correct = true\n" + text[option:], encoding="utf-8")
    error = _refused(copy)
    assert error.path == path and error.field.endswith(".correct")


def test_an_option_without_an_explanation_is_refused(copy):
    path = copy / "modules" / "dialogue-skills.toml"
    _edit(path, "[questions.options.explanation]", "[questions.options.comment]")
    error = _refused(copy)
    assert error.path == path and ".options[0]" in error.field


def test_a_case_missing_from_the_folder_or_from_the_list_is_refused(copy):
    (copy / "cases" / "wants-a-scan.toml").rename(copy / "cases" / "wants-a-scan-2.toml")
    error = _refused(copy)
    assert error.path.name == "course.toml" and error.field == "cases"


def test_fewer_than_six_cases_is_refused(copy):
    (copy / "cases" / "wants-a-scan.toml").unlink()
    _edit(copy / "course.toml", '  "wants-a-scan",\n', "")
    error = _refused(copy)
    assert error.field == "cases" and "at least 6" in error.problem


def test_a_choice_step_without_a_best_option_is_refused(copy):
    path = copy / "cases" / "worried-first-episode.toml"
    text = path.read_text(encoding="utf-8").replace("best = true", "best = false")
    path.write_text(text, encoding="utf-8")
    error = _refused(copy)
    assert error.path == path and error.field.endswith(".options")
    assert "best" in error.problem


def test_a_worksheet_step_on_an_unknown_material_is_refused(copy):
    path = copy / "cases" / "worried-first-episode.toml"
    _edit(
        path,
        'type = "worksheet"\nmaterial = "understanding-pain"',
        'type = "worksheet"\nmaterial = "x-ray"',
    )
    error = _refused(copy)
    assert error.path == path and error.field.endswith(".material")


def test_a_file_whose_id_is_not_its_name_is_refused(copy):
    path = copy / "cases" / "sick-leave.toml"
    _edit(path, 'id = "sick-leave"', 'id = "sick-leave-2"')
    error = _refused(copy)
    assert error.path == path and error.field == "id"


def test_the_course_check_command_lists_the_modules_and_cases(capsys):
    call_command("course", "check")
    out = capsys.readouterr().out
    assert "8 modules, 6 cases, all valid" in out
    assert "worried-first-episode" in out


def test_the_content_check_command_fails_on_a_broken_course(copy, settings):
    _edit(copy / "modules" / "approach.toml", '\nid = "approach"\n', '\nid = "approach"\nx = 1\n')
    settings.BETTERBACK_COURSE_PACK = str(copy)
    with pytest.raises(
        CommandError, match=r"approach.toml: \(betterback.E003\) field 'x': unknown key"
    ):
        call_command("content", "check")
    with pytest.raises(CommandError, match=r"approach.toml.*betterback.E003"):
        call_command("course", "check", str(copy))


def test_the_shipped_cases_practise_every_material_of_the_pack():
    practised = {s.material for c in course().cases for s in c.steps if s.type == "worksheet"}
    assert practised == set(pack())


def test_two_notes_on_one_material_are_refused(copy):
    module = copy / "modules" / "red-flags.toml"
    text = "\n".join(
        [
            "",
            "[[materials]]",
            'material = "flare-up-plan"',
            *[
                f'[materials.{key}]\nda = "Tekst"\nen = "Text"'
                for key in ("when", "introduce", "pitfalls")
            ],
        ]
    )
    module.write_text(module.read_text(encoding="utf-8") + text + "\n", encoding="utf-8")
    error = _refused(copy)
    assert error.problem == "more than one module has a note on 'flare-up-plan'"
