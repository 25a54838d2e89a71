"""The clinician course as Python values, and the loader that reads and checks a course pack.

The format is described in docs/course-format.md. Every error names the file and the field, like
the content pack's loader, whose reader this reuses. Everything here is immutable.
"""

import random
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

from betterback.content.loader import (
    PART_ID,
    ContentError,
    Reader,
    merge_sources,
    read_sources,
    shared_section,
)
from betterback.content.model import Material, Section, Source, Text

QUESTION_TYPES = ("single", "multiple", "order", "phrasing")
STEP_TYPES = ("choice", "worksheet")
# (fewest, most) options per question type and per choice step.
OPTION_COUNTS = {"single": (3, 5), "multiple": (3, 6), "order": (3, 6), "phrasing": (2, 3)}
STEP_OPTION_COUNT = (2, 5)
MINIMUM_CASES = 6

COURSE_KEYS = {"id", "version", "title", "summary", "modules", "cases"}
MODULE_KEYS = {"id", "version", "title", "summary", "sources", "sections", "materials", "questions"}
CASE_KEYS = {"id", "version", "title", "patient", "sources", "steps"}


@dataclass(frozen=True)
class MaterialNote:
    material: str
    when: Text
    introduce: Text
    pitfalls: Text
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Option:
    id: str
    text: Text
    explanation: Text
    correct: bool = False


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    prompt: Text
    options: tuple[Option, ...]

    def option(self, option_id: str) -> Option:
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(option_id)

    @property
    def correct_ids(self) -> tuple[str, ...]:
        """The right answer: the correct options' ids, or for an ordering every id in order."""
        if self.type == "order":
            return tuple(option.id for option in self.options)
        return tuple(option.id for option in self.options if option.correct)

    @property
    def shown(self) -> tuple[Option, ...]:
        """The options in the order they are shown: shuffled the same way every time (seeded by
        the question's id), so the file's order gives nothing away. Steps to order are never
        shown in the right order."""
        shown = list(self.options)
        random.Random(self.id).shuffle(shown)
        if self.type == "order" and shown == list(self.options):
            shown = shown[1:] + shown[:1]
        return tuple(shown)

    def is_right(self, answer: tuple[str, ...]) -> bool:
        if self.type == "order":
            return tuple(answer) == self.correct_ids
        return sorted(answer) == sorted(self.correct_ids)


@dataclass(frozen=True)
class Module:
    id: str
    number: int
    version: str
    title: Text
    summary: Text
    sources: tuple[Source, ...]
    sections: tuple[Section, ...]
    materials: tuple[MaterialNote, ...]
    questions: tuple[Question, ...]

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)


@dataclass(frozen=True)
class Choice:
    id: str
    text: Text | None
    feedback: Text
    best: bool = False
    material: str = ""


@dataclass(frozen=True)
class Step:
    id: str
    type: str
    prompt: Text
    sources: tuple[str, ...]
    options: tuple[Choice, ...] = ()
    material: str = ""
    patient_says: Text | None = None
    feedback: Text | None = None

    def option(self, option_id: str) -> Choice:
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(option_id)

    @property
    def shown(self) -> tuple[Choice, ...]:
        """The options shuffled the same way every time, so the file's order gives nothing away."""
        shown = list(self.options)
        random.Random(self.id).shuffle(shown)
        return tuple(shown)

    @property
    def material_title(self) -> str:
        from betterback.content.pack import pack

        return str(pack()[self.material].title) if self.material else ""


@dataclass(frozen=True)
class FictionalPatient:
    name: str
    age: int
    story: Text


@dataclass(frozen=True)
class Case:
    id: str
    number: int
    version: str
    title: Text
    patient: FictionalPatient
    sources: tuple[Source, ...]
    steps: tuple[Step, ...]

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)


@dataclass(frozen=True)
class Course:
    id: str
    version: str
    title: Text
    summary: Text
    modules: tuple[Module, ...]
    cases: tuple[Case, ...]

    def module(self, module_id: str) -> Module:
        for module in self.modules:
            if module.id == module_id:
                return module
        raise KeyError(module_id)

    def case(self, case_id: str) -> Case:
        for case in self.cases:
            if case.id == case_id:
                return case
        raise KeyError(case_id)

    @property
    def questions(self) -> int:
        return sum(len(module.questions) for module in self.modules)


def _read(path: Path) -> tuple[Reader, dict]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ContentError(path, "(file)", str(error)) from None
    return Reader(path), data


def _cited(reader: Reader, data: dict, where: str, known: set[str]) -> tuple[str, ...]:
    cited = data.get("sources", [])
    if not isinstance(cited, list) or not all(isinstance(c, str) for c in cited):
        reader.fail(f"{where}.sources", "must be a list of source ids")
    for cite in cited:
        if cite not in known:
            reader.fail(f"{where}.sources", f"unknown source '{cite}'")
    return tuple(cited)


def _material_id(reader: Reader, data: dict, where: str, materials: dict[str, Material]) -> str:
    material_id = reader.string(data, "material", where)
    if material_id not in materials:
        reader.fail(f"{where}.material", f"no material '{material_id}' in the content pack")
    return material_id


def _count(reader: Reader, items: list, where: str, bounds: tuple[int, int], what: str):
    fewest, most = bounds
    if not fewest <= len(items) <= most:
        reader.fail(where, f"{what} needs {fewest} to {most} options, not {len(items)}")


def _question(reader: Reader, data: dict, where: str) -> Question:
    reader.table(data, where, {"id", "type", "prompt", "options"})
    kind = reader.string(data, "type", where)
    if kind not in QUESTION_TYPES:
        reader.fail(f"{where}.type", f"unknown question type '{kind}'; use one of {QUESTION_TYPES}")
    options = []
    for index, raw in enumerate(reader.tables(data.get("options"), f"{where}.options")):
        here = f"{where}.options[{index}]"
        allowed = {"id", "text", "explanation"} | ({"correct"} if kind != "order" else set())
        reader.table(raw, here, allowed)
        options.append(
            Option(
                id=reader.string(raw, "id", here, PART_ID),
                text=reader.text(raw, "text", here),
                explanation=reader.text(raw, "explanation", here),
                correct=reader.boolean(raw, "correct", here),
            )
        )
    _count(reader, options, f"{where}.options", OPTION_COUNTS[kind], f"a '{kind}' question")
    reader.unique(options, f"{where}.options")
    right = sum(option.correct for option in options)
    if kind in ("single", "phrasing") and right != 1:
        reader.fail(f"{where}.options", f"a '{kind}' question needs exactly one correct option")
    if kind == "multiple" and not 0 < right < len(options):
        reader.fail(f"{where}.options", "needs at least one correct and one wrong option")
    return Question(
        id=reader.string(data, "id", where, PART_ID),
        type=kind,
        prompt=reader.text(data, "prompt", where),
        options=tuple(options),
    )


def load_module(path: Path, number: int, materials: dict[str, Material], safety=None) -> Module:
    reader, data = _read(path)
    reader.table(data, "", MODULE_KEYS)
    module_id = reader.string(data, "id", "", PART_ID)
    if module_id != path.stem:
        reader.fail("id", f"'{module_id}' must be the file's name, '{path.stem}'")
    sources = read_sources(reader, data)
    known = {source.id for source in sources}

    sections = []
    for index, raw in enumerate(reader.tables(data.get("sections"), "sections")):
        here = f"sections[{index}]"
        if "shared" in raw:
            sections.append(shared_section(reader, raw, here, safety))
            continue
        reader.table(raw, here, {"id", "heading", "body", "sources"})
        sections.append(
            Section(
                id=reader.string(raw, "id", here, PART_ID),
                heading=reader.text(raw, "heading", here),
                body=reader.text(raw, "body", here),
                sources=_cited(reader, raw, here, known),
            )
        )
    if not sections:
        reader.fail("sections", "a module needs at least one section to read")
    reader.unique(sections, "sections")
    if safety is not None:
        sources = merge_sources(reader, sources, sections, safety)

    notes = []
    for index, raw in enumerate(reader.tables(data.get("materials"), "materials")):
        here = f"materials[{index}]"
        reader.table(raw, here, {"material", "when", "introduce", "pitfalls", "sources"})
        notes.append(
            MaterialNote(
                material=_material_id(reader, raw, here, materials),
                when=reader.text(raw, "when", here),
                introduce=reader.text(raw, "introduce", here),
                pitfalls=reader.text(raw, "pitfalls", here),
                sources=_cited(reader, raw, here, known),
            )
        )
    reader.unique(notes, "materials", "material")

    questions = [
        _question(reader, raw, f"questions[{index}]")
        for index, raw in enumerate(reader.tables(data.get("questions"), "questions"))
    ]
    if len(questions) < 2:
        reader.fail("questions", "a module's quiz needs at least two questions")
    reader.unique(questions, "questions")

    return Module(
        id=module_id,
        number=number,
        version=reader.string(data, "version", ""),
        title=reader.text(data, "title", ""),
        summary=reader.text(data, "summary", ""),
        sources=sources,
        sections=tuple(sections),
        materials=tuple(notes),
        questions=tuple(questions),
    )


def _step(reader: Reader, data: dict, where: str, known: set, materials: dict) -> Step:
    reader.table(
        data, where, {"id", "type", "prompt", "sources", "options", "material", "patient_says",
                      "feedback"}
    )  # fmt: skip
    kind = reader.string(data, "type", where)
    if kind not in STEP_TYPES:
        reader.fail(f"{where}.type", f"unknown step type '{kind}'; use one of {STEP_TYPES}")
    values = {
        "id": reader.string(data, "id", where, PART_ID),
        "type": kind,
        "prompt": reader.text(data, "prompt", where),
        "sources": _cited(reader, data, where, known),
    }
    if kind == "worksheet":
        if "options" in data:
            reader.fail(f"{where}.options", "a worksheet step has no options")
        values["material"] = _material_id(reader, data, where, materials)
        values["patient_says"] = reader.text(data, "patient_says", where)
        values["feedback"] = reader.text(data, "feedback", where)
        if not materials[values["material"]].fields:
            reader.fail(f"{where}.material", "this material has nothing to fill in")
        return Step(**values)
    for key in ("material", "patient_says", "feedback"):
        if key in data:
            reader.fail(f"{where}.{key}", "a choice step does not take this key")
    options = []
    for index, raw in enumerate(reader.tables(data.get("options"), f"{where}.options")):
        here = f"{where}.options[{index}]"
        reader.table(raw, here, {"id", "text", "feedback", "best", "material"})
        material_id = _material_id(reader, raw, here, materials) if "material" in raw else ""
        options.append(
            Choice(
                id=reader.string(raw, "id", here, PART_ID),
                text=reader.text(raw, "text", here, required=not material_id),
                feedback=reader.text(raw, "feedback", here),
                best=reader.boolean(raw, "best", here),
                material=material_id,
            )
        )
    _count(reader, options, f"{where}.options", STEP_OPTION_COUNT, "a choice step")
    reader.unique(options, f"{where}.options")
    if not any(option.best for option in options):
        reader.fail(f"{where}.options", "mark at least one option best = true")
    if all(option.best for option in options):
        reader.fail(f"{where}.options", "at least one option must not be best")
    values["options"] = tuple(options)
    return Step(**values)


def load_case(path: Path, number: int, materials: dict[str, Material]) -> Case:
    reader, data = _read(path)
    reader.table(data, "", CASE_KEYS)
    case_id = reader.string(data, "id", "", PART_ID)
    if case_id != path.stem:
        reader.fail("id", f"'{case_id}' must be the file's name, '{path.stem}'")
    sources = read_sources(reader, data)
    known = {source.id for source in sources}
    person = reader.table(data.get("patient"), "patient", {"name", "age", "story"})
    patient = FictionalPatient(
        name=reader.string(person, "name", "patient"),
        age=reader.integer(person, "age", "patient", 16),
        story=reader.text(person, "story", "patient"),
    )
    steps = [
        _step(reader, raw, f"steps[{index}]", known, materials)
        for index, raw in enumerate(reader.tables(data.get("steps"), "steps"))
    ]
    if len(steps) < 2:
        reader.fail("steps", "a case needs at least two steps")
    for kind in STEP_TYPES:
        if not any(step.type == kind for step in steps):
            reader.fail("steps", f"a case needs at least one '{kind}' step")
    reader.unique(steps, "steps")
    return Case(
        id=case_id,
        number=number,
        version=reader.string(data, "version", ""),
        title=reader.text(data, "title", ""),
        patient=patient,
        sources=sources,
        steps=tuple(steps),
    )


def _ids(reader: Reader, data: dict, key: str, folder: Path) -> list[str]:
    ids = data.get(key)
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
        reader.fail(key, "must be a list of ids")
    if len(set(ids)) != len(ids):
        reader.fail(key, "lists an id twice")
    files = {path.stem for path in folder.glob("*.toml")}
    for missing in sorted(set(ids) - files):
        reader.fail(key, f"no file {folder / (missing + '.toml')}")
    for extra in sorted(files - set(ids)):
        reader.fail(key, f"{folder / (extra + '.toml')} is not listed")
    return ids


def load_course(folder: Path, materials: dict[str, Material], safety=None) -> Course:
    """The whole course in the folder, checked against the toolkit's content pack (``safety``:
    the pack's warning-sign texts, for shared sections; the configured pack's by default)."""
    if safety is None:
        from betterback.content.pack import safety as pack_safety

        safety = pack_safety()
    path = folder / "course.toml"
    reader, data = _read(path)
    reader.table(data, "", COURSE_KEYS)
    module_ids = _ids(reader, data, "modules", folder / "modules")
    case_ids = _ids(reader, data, "cases", folder / "cases")
    if len(case_ids) < MINIMUM_CASES:
        reader.fail("cases", f"the course needs at least {MINIMUM_CASES} cases")
    modules = tuple(
        load_module(folder / "modules" / f"{module_id}.toml", number, materials, safety)
        for number, module_id in enumerate(module_ids, start=1)
    )
    cases = tuple(
        load_case(folder / "cases" / f"{case_id}.toml", number, materials)
        for number, case_id in enumerate(case_ids, start=1)
    )
    covered = [note.material for module in modules for note in module.materials]
    for material_id in materials:
        if material_id not in covered:
            reader.fail("modules", f"no module has a note on the material '{material_id}'")
    for material_id in {m for m in covered if covered.count(m) > 1}:
        reader.fail("modules", f"more than one module has a note on '{material_id}'")
    return Course(
        id=reader.string(data, "id", "", PART_ID),
        version=reader.string(data, "version", ""),
        title=reader.text(data, "title", ""),
        summary=reader.text(data, "summary", ""),
        modules=modules,
        cases=cases,
    )


@cache
def course() -> Course:
    """The configured course, loaded once per process."""
    from betterback.content.pack import pack

    return load_course(Path(settings.BETTERBACK_COURSE_PACK), pack())
