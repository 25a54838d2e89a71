"""My back plan (the patient's home) as self-management uses it: check in, flare-up, this week's
actions, goals with what they are for, the weekly review and the next follow-up."""

import html
import uuid
from datetime import timedelta

from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from betterback.plan import services as plan_services
from betterback.questionnaires import services as questionnaires
from betterback.selfcare import services
from betterback.testing.plans import (
    DOG,
    FAMILY,
    GET_UP,
    GOAL_FLOOR,
    GOAL_WALK,
    WALK,
    save_plan,
)

HOME = reverse("front:patient_home")


def danish(message: str) -> str:
    with translation.override("da"):
        return gettext(message)


def home(client_for, user) -> str:
    response = client_for(user).get(HOME)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_check_in_and_flare_up_buttons_are_there(cast, client_for):
    body = home(client_for, cast.maja)

    assert f'href="{reverse("selfcare:check_in")}"' in body
    assert f'href="{reverse("selfcare:flare_up")}"' in body
    assert danish("Today's check-in") in body
    assert danish("My back is flaring up") in body
    assert f'href="{reverse("selfcare:my_progress")}"' in body
    assert f'href="{reverse("selfcare:reminders")}"' in body


def test_after_checking_in_today_the_button_says_check_in_again(cast, client_for):
    services.record_check_in(
        patient=cast.maja_patient,
        key=uuid.uuid4(),
        made_at=None,
        data={"confidence": 5},
        action_keys=[],
        actor=cast.maja,
        source="test",
    )

    assert danish("Check in again") in home(client_for, cast.maja)
    assert danish("Check in again") not in home(client_for, cast.peter)


def test_this_weeks_actions_with_the_graded_amount(cast, client_for, peter_plan):
    plan_services.save_grading(
        patient=cast.peter_patient,
        action_key="act1",
        unit="minutes",
        baseline=20,
        starts_on=services.monday(timezone.localdate()),
        steps=[],
        actor=cast.lise,
        source="test",
    )

    body = home(client_for, cast.peter)

    assert WALK in body and GET_UP in body
    with translation.override("da"):
        this_week = gettext("This week: %(amount)s %(unit)s") % {
            "amount": 16,
            "unit": gettext("minutes"),
        }
    assert this_week in body
    assert "5 times" in body  # the ungraded action shows what was planned
    assert f'href="{reverse("selfcare:my_grading", args=["act1"])}"' in body
    assert reverse("selfcare:my_grading", args=["act2"]) not in body


def test_without_a_plan_the_home_says_where_actions_come_from(cast, client_for):
    body = home(client_for, cast.maja)

    assert (
        danish("Your actions appear here when you have made an action plan with your clinician.")
        in body
    )
    assert 'id="goals-heading"' not in body  # no goals section without goals


def test_the_goals_with_the_values_they_serve(cast, client_for, peter_plan):
    body = home(client_for, cast.peter)

    assert 'id="goals-heading"' in body
    assert GOAL_FLOOR in body and GOAL_WALK in body
    because = danish("Because it matters to me:")
    assert f"{because} {FAMILY}" in body
    assert f"{because} {DOG}" in body


def test_the_weekly_review_prompt_goes_once_the_goals_are_reviewed(cast, client_for, peter_plan):
    review = reverse("selfcare:goal_review")
    assert review in home(client_for, cast.peter)

    client_for(cast.peter).post(review, {"goal-goal1": "0", "goal-goal2": "1"})

    assert review not in home(client_for, cast.peter)


def test_a_review_last_week_does_not_count_for_this_week(cast, client_for, peter_plan):
    services.review_goals(
        patient=cast.peter_patient,
        week=services.monday(timezone.localdate()) - timedelta(days=1),
        reviews={"goal1": (0, ""), "goal2": (0, "")},
        actor=cast.peter,
        source="test",
    )

    assert reverse("selfcare:goal_review") in home(client_for, cast.peter)


def test_an_open_flare_up_shows_on_the_home(cast, client_for):
    flare = services.start_flare(patient=cast.peter_patient, actor=cast.peter, source="test")
    with translation.override("da"):
        date = formats.date_format(timezone.localtime(flare.started_at), "SHORT_DATE_FORMAT")
        logged = gettext("You logged a flare-up on %(date)s.") % {"date": date}

    assert logged in home(client_for, cast.peter)
    services.end_flare(flare=flare, actor=cast.peter, source="test")
    assert logged not in home(client_for, cast.peter)


def test_the_next_follow_up(cast, client_for):
    save_plan(cast.peter_patient, cast.lise, {"follow-up": {"next_appointment": "2027-01-05"}})
    questionnaires.save_schedule(
        clinic=cast.odense,
        intake=[],
        follow_up=["nrs:back"],
        weeks=[4, 12],
        actor=cast.anne,
        source="test",
    )
    questionnaires.schedule_follow_ups(
        patient=cast.peter_patient,
        clinician=cast.lise.clinician,
        start=timezone.now(),
        actor=cast.lise,
        source="test",
    )
    first = cast.peter_patient.questionnaire_sets.order_by("available_from").first()

    body = home(client_for, cast.peter)

    with translation.override("da"):
        date = formats.date_format(timezone.localtime(first.available_from), "DATE_FORMAT")
        assert gettext("Next questionnaires: %(date)s.") % {"date": date} in body
        # Written out in words, as everywhere else on the page: "5. januar 2027".
        assert gettext("Next appointment: %(date)s.") % {"date": "5. januar 2027"} in body
        assert gettext("No follow-up planned yet.") not in body


def test_no_follow_up_planned(cast, client_for):
    assert danish("No follow-up planned yet.") in home(client_for, cast.maja)
