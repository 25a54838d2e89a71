"""The patient's plan, read once into typed values from the current worksheet entries.

Every page and file that shows the plan reads it here: My plan (page, print view and PDF), My back
plan and the self-management pages, the plan a patient shares, the data download (JSON and PDF)
and the FHIR Goals and CarePlans. The pack says which materials hold the plan: the materials with
``in_plan = true`` are its parts, and the roles (content.roles) say where the values, goals,
actions, flare-up plan and next appointment are. Nothing here records an audit event: callers do
(plan.services.read_plan, or the export or print that the read is part of).
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from betterback.content.model import Material
from betterback.content.pack import pack, role
from betterback.content.roles import ROLES
from betterback.materials.display import Answer, answers
from betterback.materials.models import WorksheetEntry
from betterback.materials.services import linked_labels
from betterback.plan import grading
from betterback.plan.models import GradedActivity


@dataclass(frozen=True)
class Part:
    """One material of the plan with what is filled in (``entry`` is None when nothing is)."""

    material: Material
    entry: WorksheetEntry | None
    answers: list[Answer]


@dataclass(frozen=True)
class Value:
    """Something that matters to the patient, that goals can serve."""

    key: str
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass
class Action:
    """A step of the action plan, with its graded steps when it has them."""

    key: str
    what: str
    when: str = ""
    where: str = ""
    how_much: str = ""
    goal_key: str = ""
    graded: GradedActivity | None = None
    this_week: int | None = None  # the graded amount planned for this week


@dataclass
class Goal:
    key: str
    text: str
    measure: str = ""
    by_when: str = ""  # an ISO date, or "" when none is set
    values: list[Value] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)


@dataclass
class Plan:
    parts: list[Part]
    values: list[Value]
    goals: list[Goal]
    actions: list[Action]  # every action, also those for no goal
    flare_plan: list[Answer]  # the flare-up plan's answers; [] when it is not filled in
    next_appointment: date | None  # None when none is set (or it is not a date)
    material_ids: dict[str, str]  # role -> the id of the material that plays it, for links

    @property
    def has_flare_plan(self) -> bool:
        return bool(self.flare_plan)

    @property
    def versions(self) -> list[str]:
        return [part.material.version for part in self.parts]

    def action(self, key: str) -> Action | None:
        return next((a for a in self.actions if a.key == key), None)


def read(patient, today: date | None = None) -> Plan:
    """The plan as it is now. ``today`` sets the week of the graded steps (default: today)."""
    in_plan, flare_material = _materials()
    ids = {m.id for m in in_plan} | {role(name).material_id for name in ROLES}
    entries = {
        e.material_id: e
        for e in WorksheetEntry.objects.filter(patient=patient, material_id__in=ids)
    }
    shown = in_plan if flare_material in in_plan else [*in_plan, flare_material]
    return build(
        {material_id: entry.data for material_id, entry in entries.items()},
        entries=entries,
        labels=linked_labels(patient=patient, materials=shown) if entries else {},
        graded=(
            {g.action_key: g for g in GradedActivity.objects.filter(patient=patient)}
            if role("actions").material_id in entries
            else {}
        ),
        today=today or timezone.localdate(),
    )


def build(
    data: dict[str, dict],
    *,
    today: date,
    labels: dict | None = None,
    graded: dict[str, GradedActivity] | None = None,
    entries: dict[str, WorksheetEntry] | None = None,
) -> Plan:
    """The plan from worksheet data ({material id: data}) without a query: ``labels`` name the
    linked items (materials.services.linked_labels), ``graded`` holds the graded steps by action
    key, and ``entries`` the stored entries (a part without one shows as not filled in)."""
    roles = {name: role(name) for name in ROLES}
    in_plan, flare_material = _materials()
    labels, entries = labels or {}, entries if entries is not None else {}
    values = _values(roles["values"], data)
    actions = _actions(roles["actions"], data, graded or {}, today)
    follow_up = roles["follow_up"]
    flare_data = data.get(flare_material.id)
    return Plan(
        parts=[Part(m, entries.get(m.id), answers(m, data.get(m.id, {}), labels)) for m in in_plan],
        values=values,
        goals=_goals(roles["goals"], data, values, actions),
        actions=actions,
        flare_plan=answers(flare_material, flare_data, labels) if flare_data else [],
        next_appointment=_date(
            follow_up.value(data.get(follow_up.material_id, {}), "next_appointment")
        ),
        material_ids={name: r.material_id for name, r in roles.items()},
    )


def _materials() -> tuple[list[Material], Material]:
    """The materials of the plan in toolkit order, and the flare-up plan's."""
    return [m for m in pack().values() if m.in_plan], pack()[role("flare_plan").material_id]


def _values(values, data: dict) -> list[Value]:
    rows = values.rows(data.get(values.material_id, {}))
    return [
        Value(str(row.get("key", "")), str(values.value(row, "text")))
        for row in rows
        if values.value(row, "text")
    ]


def _actions(actions, data: dict, graded: dict, today: date) -> list[Action]:
    rows = [
        row for row in actions.rows(data.get(actions.material_id, {})) if actions.value(row, "what")
    ]
    found = []
    for row in rows:
        steps = graded.get(row.get("key"))
        found.append(
            Action(
                key=str(row.get("key", "")),
                what=str(actions.value(row, "what")),
                when=str(actions.value(row, "when")),
                where=str(actions.value(row, "where")),
                how_much=str(actions.value(row, "how_much")),
                goal_key=next(iter(_keys(actions.value(row, "goal"))), ""),
                graded=steps,
                this_week=grading.amount_this_week(steps.steps, steps.starts_on, today)
                if steps
                else None,
            )
        )
    return found


def _goals(goals, data: dict, values: list[Value], actions: list[Action]) -> list[Goal]:
    by_key = {value.key: value for value in values}
    found = []
    for row in goals.rows(data.get(goals.material_id, {})):
        if not goals.value(row, "text"):
            continue
        key = str(row.get("key", ""))
        served = _keys(goals.value(row, "values"))
        found.append(
            Goal(
                key=key,
                text=str(goals.value(row, "text")),
                measure=str(goals.value(row, "measure")),
                by_when=str(goals.value(row, "by_when")),
                values=[by_key[k] for k in served if k in by_key],
                actions=[a for a in actions if a.goal_key == key],
            )
        )
    return found


def _keys(link) -> list[str]:
    """The keys a link answer holds: one (a single link) or a list (a multiple one)."""
    if isinstance(link, str):
        return [link] if link else []
    return [str(key) for key in link or [] if key]


def _date(value) -> date | None:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
