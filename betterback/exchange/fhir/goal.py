from datetime import date

from betterback.content.pack import role
from betterback.exchange.fhir.common import BASE, drop_none, name_uuid, reference, text_in
from betterback.plan.reader import Goal

# Goal.addresses may only point at a Condition, Observation and the like, and "What matters to me"
# is none of those; so each value a goal serves is one of these extensions, with its text.
SERVES_VALUE = f"{BASE}/StructureDefinition/goal-serves-value"


def goal(item: Goal, patient, language: str = "da") -> dict:
    """One goal of the plan (plan.reader.Goal), with the values it serves."""
    target = {}
    if item.measure:
        # The patient's own sign of success: the field's question names what is measured.
        label = role("goals").field("measure").label
        target.update(measure={"text": text_in(label, language)}, detailString=item.measure)
    if _is_date(item.by_when):
        target["dueDate"] = item.by_when
    return drop_none(
        {
            "resourceType": "Goal",
            "id": goal_id(patient, item.key),
            "extension": [{"url": SERVES_VALUE, "valueString": v.text} for v in item.values]
            or None,
            "lifecycleStatus": "active",
            "description": {"text": item.text},
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
