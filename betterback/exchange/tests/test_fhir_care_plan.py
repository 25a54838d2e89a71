"""My plan and the flare-up plan as CarePlans."""

from betterback.exchange.fhir.care_plan import care_plan, care_plan_id, flare_up_plan
from betterback.exchange.fhir.checks import check, validate
from betterback.exchange.fhir.goal import goal_id
from betterback.exchange.tests import world
from betterback.exchange.tests.golden import golden


def my_plan(language="da", clinicians=None):
    clinicians = [world.lise()] if clinicians is None else clinicians
    plan = world.plan(language)
    return care_plan(world.peter(), plan.actions, plan.goals, clinicians, language)


def flare_plan(language="da", data=None):
    patient = world.peter()
    plan = world.plan(language, **({} if data is None else {"flare-up-plan": data}))
    return flare_up_plan(
        patient,
        plan.flare_plan,
        [world.lise()],
        language,
        part_of=care_plan_id(patient, "my-plan"),
    )


def test_golden_my_plan():
    resource = my_plan()
    validate(resource)
    golden("care-plan.json", resource)


def test_golden_flare_up_plan():
    resource = flare_plan()
    validate(resource)
    golden("care-plan-flare-up.json", resource)


def test_each_step_names_its_goal_and_when():
    first, second = my_plan("en")["activity"]
    assert first["detail"] == {
        "status": "in-progress",
        "description": "Gåtur med hunden\nWhere? Rundt om søen\n"
        "How much – and how will I build up? 20 minutter, 2 minutter mere hver uge",
        "scheduledString": "Mandag, onsdag, fredag kl. 8",
        "goal": [{"reference": f"Goal/{goal_id(world.peter(), 'goal2')}"}],
    }
    # Its goal has been deleted since: no reference to a goal that is not exported.
    assert second["detail"] == {
        "status": "in-progress",
        "description": "Øve at rejse mig fra gulvet",
    }


def test_the_plan_without_a_clinician_has_the_patient_as_its_only_contributor():
    resource = my_plan(clinicians=[])
    validate(resource)
    assert "author" not in resource
    assert resource["contributor"] == [{"reference": f"Patient/{world.PATIENT_ID}"}]


def test_the_flare_up_plan_is_part_of_my_plan_in_the_patients_language():
    resource = flare_plan("en")
    assert resource["partOf"] == [{"reference": f"CarePlan/{my_plan()['id']}"}]
    assert resource["category"][0]["text"] == resource["title"] == "My flare-up plan"
    assert [a["detail"]["description"] for a in resource["activity"]] == [
        "My early signs: Ryggen bliver stiv om morgenen.",
        "What I use from my toolbox: Gå en kort tur",
        "Who supports me: Hanne\nHow they can help: Går med på turen",
        "Gone through with your clinician: We have gone through the warning signs together",
    ]


def test_an_empty_flare_up_plan_has_no_activities():
    assert "activity" not in flare_plan(data={"early_signs": "", "supporters": []})


def test_wrong_status_intent_and_activity_status_are_caught():
    resource = my_plan()
    resource.update(status="ongoing", intent="goal")
    resource["activity"][0]["detail"]["status"] = "doing"
    assert [p.split(" is not")[0] for p in check(resource)] == [
        "status: 'ongoing'",
        "intent: 'goal'",
        "activity.detail.status: 'doing'",
    ]


def test_an_activity_with_both_a_reference_and_a_detail_is_caught():
    resource = my_plan()
    resource["activity"][0]["reference"] = {"reference": "ServiceRequest/1"}
    assert check(resource) == ["activity[0]: give a reference or a detail (cpl-3)"]
