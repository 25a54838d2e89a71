"""No material id or field id of the default pack is written in the app's code or templates: the
code finds what it needs through the pack's roles (content.roles). test_another_pack.py runs the
app on a pack where every id is renamed; this test finds a hard-coded id before that.

A few words are field ids of the default pack and also, by coincidence, names the app uses for its
own things. They are listed below with what they are in the code; the other-pack test renames the
fields, so a use of them as field ids would fail there."""

import ast
import io
import re
import tokenize
from pathlib import Path

from betterback.content.model import FIELD_TYPES, ITEM_FIELD_TYPES
from betterback.content.pack import pack
from betterback.content.roles import ROLES

APP = Path(__file__).resolve().parents[2]
NOT_APP_CODE = {"tests", "migrations", "testing", "pack", "course", "node_modules"}

# The roles and their needs in content.roles (the default pack names its fields after them) and the
# field types are the contract itself, not a pack's ids.
CONTRACT = {
    *ROLES,
    *(need.key for spec in ROLES.values() for need in spec.needs),
    *FIELD_TYPES,
    *ITEM_FIELD_TYPES,
}
HOMONYMS = {
    # material ids
    "flare-up-plan": "the code of the flare-up CarePlan in BetterBack's FHIR CodeSystem",
    # field ids
    "action": "a check-in's action, a graded activity's action key",
    "actions": "the actions of a check-in",
    "activity": "a FHIR CarePlan's activity",
    "agenda": "the agenda questionnaire",
    "answer": "a questionnaire or quiz answer",
    "before": "an audit event's value before a change",
    "confidence": "a check-in's confidence (0-10)",
    "done": "a check-in status, a course step done",
    "goal_reviews": "the patient's weekly goal reviews (selfcare)",
    "mood": "a check-in's mood",
    "name": "people's and things' names",
    "next_step": "the next step of a practice case",
    "note": "a check-in's or an alert's note",
    "plan": "the plan app and the audit target of My plan",
    "psfs": "the PSFS questionnaire",
    "question": "a quiz or questionnaire question",
    "questions": "a course module's quiz questions",
    "resources": "FHIR resources",
    "score": "a questionnaire score",
    "topic": "a questionnaire's topic",
    "tried": "what a patient tried in a flare-up, a quiz try",
}


def ids_of_the_pack() -> set[str]:
    found = set()
    for material in pack().values():
        found.add(material.id)
        for field in material.fields:
            found |= {field.id, *(item.id for item in field.item_fields)}
    return found - CONTRACT - set(HOMONYMS)


def app_files(suffix: str):
    for path in sorted(APP.rglob(f"*{suffix}")):
        if not NOT_APP_CODE & set(path.relative_to(APP).parts):
            yield path


def strings_in_python(path: Path):
    source = path.read_text(encoding="utf-8")
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.STRING:
            try:
                value = ast.literal_eval(token.string)
            except (ValueError, SyntaxError):
                continue
            if isinstance(value, str):
                yield token.start[0], value


def strings_in_template(path: Path):
    text = path.read_text(encoding="utf-8")
    for match in re.finditer(r"""(["'])([a-z][a-z0-9_-]*)\1""", text):
        yield text.count("\n", 0, match.start()) + 1, match.group(2)


def test_no_id_of_the_pack_is_written_in_the_code_or_templates():
    ids = ids_of_the_pack()
    found = [
        f"{path.relative_to(APP)}:{line}: {value!r}"
        for suffix, strings in ((".py", strings_in_python), (".html", strings_in_template))
        for path in app_files(suffix)
        for line, value in strings(path)
        if value in ids
    ]

    assert found == []


def test_the_check_finds_an_id(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<a href=\"{% url 'materials:patient_material' 'my-goals' %}\">")

    assert (1, "my-goals") in list(strings_in_template(path))
    assert "my-goals" in ids_of_the_pack() and "early_signs" in ids_of_the_pack()
