"""My plan as two CarePlans: "My plan" (the action plan's steps, for the goals) and the flare-up
plan, a CarePlan of its own that is partOf My plan. The flare-up plan is guidance for a time that
may come, not a list of steps, so it is kept apart from the steps the patient checks in on."""

from django.utils import translation
from django.utils.translation import gettext

from betterback.content.pack import material, role
from betterback.exchange.fhir.common import BASE, coding, drop_none, name_uuid, reference, text_in
from betterback.exchange.fhir.goal import goal_id
from betterback.exchange.fhir.practitioner import practitioner_id
from betterback.materials.display import Answer
from betterback.plan.reader import Action, Goal

CATEGORY = f"{BASE}/CodeSystem/care-plan"


def care_plan(patient, actions: list[Action], goals: list[Goal], clinicians, language="da") -> dict:
    """My plan: one activity per step of the action plan, with what, where and how much as the
    description, "when" as the schedule and the step's goal (when it is one of ``goals``, the
    plan's goals). The first clinician is the author."""
    fields = role("actions")
    goal_keys = {item.key for item in goals}
    activities = []
    for action in actions:
        lines = [action.what] + [
            _labelled(text_in(fields.field(need).label, language), value)
            for need, value in (("where", action.where), ("how_much", action.how_much))
            if value
        ]
        detail = {
            "status": "in-progress",
            "description": "\n".join(lines),
            "scheduledString": action.when or None,
            "goal": [_goal(patient, action.goal_key)] if action.goal_key in goal_keys else None,
        }
        activities.append({"detail": detail})
    with translation.override(language):
        title = gettext("My plan")
    return drop_none(
        {
            **_plan(patient, "my-plan", "My plan", title, clinicians),
            "goal": [_goal(patient, item.key) for item in goals] or None,
            "activity": activities or None,
        }
    )


def flare_up_plan(patient, answers: list[Answer], clinicians, language="da", part_of=None) -> dict:
    """The flare-up plan: one activity for each answer that is filled in, "label: answer", in the
    patient's language (``answers``: the plan's flare_plan, read in that language); ``part_of``
    is the id of My plan, when there is one."""
    activities = []
    with translation.override(language):
        for answer in answers:
            label = str(answer.field.label)
            if answer.items is None:
                texts = [_labelled(label, answer.text)] if answer.text else []
            else:
                texts = [
                    "\n".join(
                        [_labelled(label, name) if name else label]
                        + [_labelled(str(item_field.label), text) for item_field, text in rest]
                    )
                    for name, rest in answer.items
                ]
            activities += [{"detail": {"status": "not-started", "description": t}} for t in texts]
    title = text_in(material(role("flare_plan").material_id).title, language)
    return drop_none(
        {
            **_plan(patient, "flare-up-plan", "Flare-up plan", title, clinicians),
            "partOf": [reference("CarePlan", part_of)] if part_of else None,
            "activity": activities or None,
        }
    )


def care_plan_id(patient, kind: str) -> str:
    return name_uuid("CarePlan", patient.public_id, kind)


def _plan(patient, kind: str, display: str, title: str, clinicians) -> dict:
    practitioners = [reference("Practitioner", practitioner_id(c)) for c in clinicians]
    return {
        "resourceType": "CarePlan",
        "id": care_plan_id(patient, kind),
        "status": "active",
        "intent": "plan",
        "category": [{"coding": [coding(CATEGORY, kind, display)], "text": title}],
        "title": title,
        "subject": reference("Patient", patient.public_id),
        "author": practitioners[0] if practitioners else None,
        # The patient fills in the plan with the clinician and goes on changing it at home.
        "contributor": [reference("Patient", patient.public_id), *practitioners],
    }


def _goal(patient, key: str) -> dict:
    return reference("Goal", goal_id(patient, key))


def _labelled(label: str, value: str) -> str:
    """ "Label: value", or "Question? value" for the fields whose label is a question."""
    return f"{label} {value}" if label.endswith("?") else f"{label}: {value}"
