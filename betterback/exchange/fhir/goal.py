from datetime import date

from betterback.content.pack import material
from betterback.exchange.fhir.common import BASE, drop_none, name_uuid, reference, text_in

GOALS = "my-goals"
# Goal.addresses may only point at a Condition, Observation and the like, and "What matters to me"
# is none of those; so each value a goal serves is one of these extensions, with its text.
SERVES_VALUE = f"{BASE}/StructureDefinition/goal-serves-value"


def goal(row: dict, patient, values: dict[str, str], language: str = "da") -> dict:
    """One goal of "My goals" (`row`: an item of its goals list). `values` maps the keys of the
    activities in "What matters to me" to their text."""
    target = {}
    if row.get("measure"):
        # The patient's own sign of success: the field's question names what is measured.
        label = material(GOALS).field("goals").item_field("measure").label
        target.update(measure={"text": text_in(label, language)}, detailString=row["measure"])
    if _is_date(row.get("by_when")):
        target["dueDate"] = row["by_when"]
    serves = [values[key] for key in row.get("serves") or [] if values.get(key)]
    return drop_none(
        {
            "resourceType": "Goal",
            "id": goal_id(patient, row["key"]),
            "extension": [{"url": SERVES_VALUE, "valueString": v} for v in serves] or None,
            "lifecycleStatus": "active",
            "description": {"text": row["text"]},
            "subject": reference("Patient", patient.public_id),
            "target": [target] if target else None,
            "expressedBy": reference("Patient", patient.public_id),
        }
    )


def goal_id(patient, key: str) -> str:
    return name_uuid("Goal", patient.public_id, key)


def _is_date(value) -> bool:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True
