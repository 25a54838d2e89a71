"""Peter's plan as the self-management pages read it: what matters to him, two goals serving it,
two actions for those goals and a flare-up plan, saved through the materials service as a
consultation would save them (the shape of betterback.demo.services.PETER_PLAN)."""

from betterback.materials.models import Context, WorksheetEntry
from betterback.materials.services import save_entry

FAMILY = "Play with my grandchildren on the floor"
DOG = "Long walks with the dog"
GOAL_FLOOR = "Play 20 minutes on the floor every Sunday"
GOAL_WALK = "Walk the dog for 45 minutes three times a week"
WALK = "Walk the dog"
GET_UP = "Practise getting up from the floor"
EARLY_SIGNS = "My back gets stiff in the morning and I sleep worse."

PLAN = {
    "what-matters": {
        "life_areas": ["family", "physical_activity"],
        "activities": [
            {"key": "v1", "text": FAMILY, "area": "family", "stopped_by_pain": True, "rank": 1},
            {"key": "v2", "text": DOG, "area": "physical_activity", "stopped_by_pain": True,
             "rank": 2},
        ],
    },
    "my-goals": {
        "goals": [
            {"key": "goal1", "text": GOAL_FLOOR, "serves": ["v1"],
             "measure": "I can get up from the floor without help"},
            {"key": "goal2", "text": GOAL_WALK, "serves": ["v2"],
             "measure": "Three walks a week for four weeks"},
        ],
    },
    "action-plan": {
        "actions": [
            {"key": "act1", "what": WALK, "when": "Monday, Wednesday, Friday",
             "how_much": "20 minutes", "goal": "goal2"},
            {"key": "act2", "what": GET_UP, "when": "Every evening", "how_much": "5 times",
             "goal": "goal1"},
        ],
    },
    "flare-up-plan": {
        "early_signs": EARLY_SIGNS,
        "first_days": "Keep going with short walks.",
        "contact_when": "If it is not better after a week.",
    },
}  # fmt: skip


def save_plan(patient, actor, materials=None) -> None:
    """Save `materials` (material id -> data; Peter's whole PLAN by default) for `patient`."""
    for material_id, data in (PLAN if materials is None else materials).items():
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
