"""Links between materials store the linked item's key, so a renamed value shows everywhere."""

from django.urls import reverse

from betterback.materials.models import Context
from betterback.materials.services import save_entry
from betterback.testing.factories import save_what_matters


def test_renaming_a_value_shows_in_the_goal_that_serves_it_and_in_my_plan(cast, client_for):
    save_what_matters(
        cast.peter_patient,
        {"life_areas": [], "activities": [{"key": "v1", "text": "Walk the dog"}]},
        actor=cast.lise,
    )
    save_entry(
        patient=cast.peter_patient,
        material_id="my-goals",
        data={"goals": [{"key": "g1", "text": "Walk 30 minutes", "serves": ["v1"]}]},
        based_on_version=0,
        actor=cast.lise,
        source="test",
        context=Context.CONSULTATION,
    )
    save_what_matters(
        cast.peter_patient,
        {"life_areas": [], "activities": [{"key": "v1", "text": "Walk the dog by the lake"}]},
        actor=cast.peter,
        context=Context.HOME,
    )
    peter = client_for(cast.peter)

    goals = peter.get(reverse("materials:patient_material", args=["my-goals"]))
    choices = dict(goals.context["sheet"].lists["goals"].forms[0].fields["serves"].choices)
    plan = peter.get(reverse("dialogue:my_plan")).content.decode()

    assert choices == {"v1": "Walk the dog by the lake"}
    assert plan.count("Walk the dog by the lake") >= 2  # the value itself, and the goal's link
    assert "Walk the dog<" not in plan
