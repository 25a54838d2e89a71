"""The plan read from the worksheet entries by role, and the graded steps of its actions."""

from datetime import date

from betterback.audit.models import AuditEvent
from betterback.plan import grading, reader, services
from betterback.plan.models import GradedActivity
from betterback.testing.plans import (
    DOG,
    EARLY_SIGNS,
    FAMILY,
    GET_UP,
    GOAL_FLOOR,
    GOAL_WALK,
    WALK,
    plan_data,
    save_plan,
)

SOURCE = "test"


def events(target):
    return AuditEvent.objects.filter(target=target).order_by("id")


def test_save_grading_plans_the_steps_when_none_are_given(cast):
    graded = services.save_grading(
        patient=cast.peter_patient,
        action_key="act1",
        unit="minutes",
        baseline=20,
        starts_on=date(2026, 3, 16),
        steps=[],
        actor=cast.lise,
        source=SOURCE,
    )

    graded.refresh_from_db()
    assert graded.steps == grading.plan_steps(20) == [16, 18, 20, 22, 24, 26, 29, 32]
    assert (graded.unit, graded.baseline, graded.starts_on, graded.changed_by) == (
        "minutes",
        20,
        date(2026, 3, 16),
        cast.lise,
    )


def test_save_grading_stores_the_steps_given_and_replaces_the_last(cast):
    def save(steps, actor, unit="minutes"):
        return services.save_grading(
            patient=cast.peter_patient,
            action_key="act2",
            unit=unit,
            baseline=5,
            starts_on=date(2026, 3, 16),
            steps=steps,
            actor=actor,
            source=SOURCE,
        )

    save([12, 13, 15], cast.lise)
    graded = save([4, 5, 6], cast.peter, unit="repetitions")

    assert GradedActivity.objects.get() == graded
    assert (graded.steps, graded.unit, graded.changed_by) == ([4, 5, 6], "repetitions", cast.peter)
    assert [e.detail for e in events("graded_activity")] == [
        {"action": "act2", "steps": [12, 13, 15]},
        {"action": "act2", "steps": [4, 5, 6]},
    ]


def test_plan_read_gives_the_actions_with_this_weeks_amount_and_the_goals_with_their_values(cast):
    save_plan(cast.peter_patient, cast.lise)
    today = date(2026, 3, 18)
    services.save_grading(
        patient=cast.peter_patient,
        action_key="act1",
        unit="minutes",
        baseline=20,
        starts_on=date(2026, 3, 9),  # last Monday: this is week 2
        steps=[],
        actor=cast.lise,
        source=SOURCE,
    )

    read = reader.read(cast.peter_patient, today)

    walk, get_up = read.actions
    assert (walk.key, walk.what, walk.goal_key, walk.this_week) == ("act1", WALK, "goal2", 18)
    assert walk.graded == GradedActivity.objects.get()
    assert walk.how_much == "20 minutes"
    assert (get_up.key, get_up.what, get_up.graded, get_up.this_week) == (
        "act2",
        GET_UP,
        None,
        None,
    )
    assert [
        (g.key, g.text, [str(v) for v in g.values], [a.key for a in g.actions]) for g in read.goals
    ] == [
        ("goal1", GOAL_FLOOR, [FAMILY], ["act2"]),
        ("goal2", GOAL_WALK, [DOG], ["act1"]),
    ]
    assert read.has_flare_plan is True
    assert EARLY_SIGNS in str(read.flare_plan)
    assert read.next_appointment is None


def test_plan_read_before_the_graded_plan_starts(cast):
    save_plan(cast.peter_patient, cast.lise)
    services.save_grading(
        patient=cast.peter_patient,
        action_key="act1",
        unit="minutes",
        baseline=20,
        starts_on=date(2026, 3, 23),
        steps=[],
        actor=cast.lise,
        source=SOURCE,
    )

    walk = reader.read(cast.peter_patient, date(2026, 3, 18)).actions[0]

    assert walk.graded is not None
    assert walk.this_week is None


def test_plan_read_leaves_out_empty_rows_and_values_that_are_gone(cast):
    save_plan(
        cast.peter_patient,
        cast.lise,
        plan_data(
            values=[{"key": "v1", "text": FAMILY}],
            goals=[
                {"key": "goal1", "text": GOAL_FLOOR, "values": ["v1", "gone"]},
                {"key": "goal2", "text": ""},
            ],
            actions=[{"key": "act1", "what": ""}, {"key": "act2", "what": WALK}],
            next_appointment="2027-01-05",
        ),
    )

    read = reader.read(cast.peter_patient, date(2026, 3, 18))

    assert [a.key for a in read.actions] == ["act2"]
    assert [(g.key, [v.text for v in g.values]) for g in read.goals] == [("goal1", [FAMILY])]
    assert read.has_flare_plan is False
    assert read.flare_plan == []
    assert read.next_appointment == date(2027, 1, 5)


def test_plan_read_of_a_patient_without_a_plan(cast):
    read = reader.read(cast.maja_patient, date(2026, 3, 18))

    assert (read.actions, read.goals, read.flare_plan, read.has_flare_plan) == ([], [], [], False)


def test_plan_read_is_per_patient(cast):
    save_plan(cast.peter_patient, cast.lise)

    assert reader.read(cast.maja_patient, date(2026, 3, 18)).actions == []


def test_the_plan_has_every_plan_material_in_toolkit_order_with_what_is_filled_in(cast):
    save_plan(cast.peter_patient, cast.lise)

    read = reader.read(cast.peter_patient, date(2026, 3, 18))

    numbers = [part.material.number for part in read.parts]
    assert numbers == sorted(numbers)
    filled = {part.material.id for part in read.parts if part.entry}
    assert filled == set(plan_data(values=[], goals=[], actions=[], flare_plan=[]))
    assert filled | {read.material_ids["flare_plan"]} <= {p.material.id for p in read.parts}
    assert all(part.answers for part in read.parts)


def test_a_goal_carries_its_measure_and_date_and_an_action_where_it_happens(cast):
    save_plan(
        cast.peter_patient,
        cast.lise,
        plan_data(
            goals=[
                {"key": "g", "text": GOAL_WALK, "measure": "Three walks", "by_when": "2027-02-01"}
            ],
            actions=[{"key": "a", "what": WALK, "where": "By the lake", "goal": "g"}],
        ),
    )

    read = reader.read(cast.peter_patient, date(2026, 3, 18))

    [goal] = read.goals
    assert (goal.measure, goal.by_when, [a.where for a in goal.actions]) == (
        "Three walks",
        "2027-02-01",
        ["By the lake"],
    )
    assert read.action("a").where == "By the lake"
    assert read.action("gone") is None
