"""The patient's plan as self-management needs it: actions (with any graded steps), goals with the
values they serve, and the flare-up plan. Read from the worksheet entries; the caller audits."""

from dataclasses import dataclass, field
from datetime import date

from betterback.content.pack import material
from betterback.materials.display import answers
from betterback.materials.models import WorksheetEntry
from betterback.materials.services import linked_labels
from betterback.selfcare import grading
from betterback.selfcare.models import GradedActivity

ACTIONS, GOALS, VALUES = "action-plan", "my-goals", "what-matters"
FLARE_PLAN, FOLLOW_UP = "flare-up-plan", "follow-up"


@dataclass
class Action:
    key: str
    what: str
    when: str
    how_much: str
    goal_key: str
    graded: GradedActivity | None = None
    this_week: int | None = None


@dataclass
class Goal:
    key: str
    text: str
    measure: str
    values: list[str] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)


@dataclass
class Plan:
    actions: list[Action]
    goals: list[Goal]
    flare_plan: list  # answers of the flare-up plan, for materials/_answers.html
    has_flare_plan: bool
    next_appointment: str


def read(patient, today: date) -> Plan:
    entries = {
        e.material_id: e.data
        for e in WorksheetEntry.objects.filter(
            patient=patient, material_id__in=[ACTIONS, GOALS, VALUES, FLARE_PLAN, FOLLOW_UP]
        )
    }
    graded = {g.action_key: g for g in GradedActivity.objects.filter(patient=patient)}
    actions = []
    for row in entries.get(ACTIONS, {}).get("actions", []):
        if not row.get("what"):
            continue
        grading_row = graded.get(row.get("key"))
        actions.append(
            Action(
                key=row.get("key", ""),
                what=row["what"],
                when=row.get("when", ""),
                how_much=row.get("how_much", ""),
                goal_key=row.get("goal", ""),
                graded=grading_row,
                this_week=grading.amount_this_week(grading_row.steps, grading_row.starts_on, today)
                if grading_row
                else None,
            )
        )
    values = {
        row.get("key"): row.get("text", "") for row in entries.get(VALUES, {}).get("activities", [])
    }
    goals = []
    for row in entries.get(GOALS, {}).get("goals", []):
        if not row.get("text"):
            continue
        serves = row.get("serves") or []
        goals.append(
            Goal(
                key=row.get("key", ""),
                text=row["text"],
                measure=row.get("measure", ""),
                values=[values[k] for k in serves if values.get(k)],
                actions=[a for a in actions if a.goal_key == row.get("key")],
            )
        )
    flare_material = material(FLARE_PLAN)
    flare_data = entries.get(FLARE_PLAN, {})
    labels = linked_labels(patient=patient, materials=[flare_material]) if flare_data else {}
    return Plan(
        actions=actions,
        goals=goals,
        flare_plan=answers(flare_material, flare_data, labels) if flare_data else [],
        has_flare_plan=bool(flare_data),
        next_appointment=entries.get(FOLLOW_UP, {}).get("next_appointment", ""),
    )
