"""A patient's plan for tests, written by role (content.roles), so that it fits whatever pack is in
use: Peter's values, two goals serving them, two actions for those goals, a flare-up plan.

Rows use the roles' own keys ("text", "values", "what", "goal" ...); ``plan_data`` turns them into
worksheet data keyed by the pack's field ids, and ``save_plan`` saves them through the materials
service as a consultation would."""

from betterback.content.pack import material, role
from betterback.materials.models import Context, WorksheetEntry
from betterback.materials.services import save_entry

FAMILY = "Play with my grandchildren on the floor"
DOG = "Long walks with the dog"
GOAL_FLOOR = "Play 20 minutes on the floor every Sunday"
GOAL_WALK = "Walk the dog for 45 minutes three times a week"
WALK = "Walk the dog"
GET_UP = "Practise getting up from the floor"
EARLY_SIGNS = "My back gets stiff in the morning and I sleep worse."
FIRST_DAYS = "Keep going with short walks."

PETER = {
    "values": [{"key": "v1", "text": FAMILY}, {"key": "v2", "text": DOG}],
    "goals": [
        {"key": "goal1", "text": GOAL_FLOOR, "values": ["v1"],
         "measure": "I can get up from the floor without help"},
        {"key": "goal2", "text": GOAL_WALK, "values": ["v2"],
         "measure": "Three walks a week for four weeks"},
    ],
    "actions": [
        {"key": "act1", "what": WALK, "when": "Monday, Wednesday, Friday",
         "how_much": "20 minutes", "goal": "goal2"},
        {"key": "act2", "what": GET_UP, "when": "Every evening", "how_much": "5 times",
         "goal": "goal1"},
    ],
    "flare_plan": [EARLY_SIGNS, FIRST_DAYS, "If it is not better after a week."],
}  # fmt: skip


def plan_data(
    *, values=None, goals=None, actions=None, flare_plan=None, next_appointment=None
) -> dict[str, dict]:
    """{material id: data} for the parts given. Rows are dicts by role key (a "key" each);
    ``flare_plan`` is a list of texts for the flare-up plan's first text fields, in order."""
    data: dict[str, dict] = {}
    for name, rows in (("values", values), ("goals", goals), ("actions", actions)):
        if rows is not None:
            part = role(name)
            data.setdefault(part.material_id, {})[part.field_id("list")] = [
                _row(part, row) for row in rows
            ]
    if flare_plan is not None:
        part = role("flare_plan")
        texts = [f for f in material(part.material_id).fields if f.type in ("text", "textarea")]
        data[part.material_id] = {f.id: text for f, text in zip(texts, flare_plan, strict=False)}
    if next_appointment is not None:
        part = role("follow_up")
        data.setdefault(part.material_id, {})[part.field_id("next_appointment")] = next_appointment
    return data


def _row(part, row: dict) -> dict:
    return {
        ("key" if key == "key" else part.field_id(key)): _link(part, key, value)
        for key, value in row.items()
    }


def _link(part, key: str, value):
    """A link answer as its field holds it: a list for a multiple link, else one key."""
    if key == "key" or part.field(key).type != "link":
        return value
    keys = value if isinstance(value, list) else [value]
    return keys if part.field(key).multiple else (keys[0] if keys else "")


def peter_data() -> dict[str, dict]:
    return plan_data(**PETER)


def save_plan(patient, actor, materials: dict | None = None) -> None:
    """Save `materials` ({material id: data}; Peter's whole plan by default) for `patient`."""
    for material_id, data in (peter_data() if materials is None else materials).items():
        entry = WorksheetEntry.objects.filter(patient=patient, material_id=material_id).first()
        save_entry(
            patient=patient,
            material_id=material_id,
            data=data,
            based_on_version=entry.version if entry else 0,
            actor=actor,
            source="test",
            context=Context.CONSULTATION,
        )
