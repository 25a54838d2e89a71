"""This week's goal review: one answer per goal, -2 to +2; a second review that week replaces it."""

import html

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from betterback.audit.models import Action, AuditEvent
from betterback.selfcare import services
from betterback.selfcare.models import GoalReview
from betterback.testing.plans import GOAL_FLOOR, GOAL_WALK

URL = reverse("selfcare:goal_review")


def this_monday():
    return services.monday(timezone.localdate())


def test_the_review_asks_about_each_goal(cast, client_for, peter_plan):
    response = client_for(cast.peter).get(URL)

    assert response.status_code == 200
    body = html.unescape(response.content.decode())
    assert GOAL_FLOOR in body and GOAL_WALK in body
    assert list(response.context["form"].fields) == ["goal-goal1", "goal-goal2"]
    with translation.override("da"):
        assert gettext("Much more than I hoped") in body
    assert reverse("materials:patient_material", args=["my-goals"]) in body
    event = AuditEvent.objects.filter(action=Action.READ).latest("id")
    assert (event.patient, event.target) == (cast.peter_patient, "goal_review")


def test_without_goals_the_page_says_so(cast, client_for):
    response = client_for(cast.maja).get(URL)

    assert response.status_code == 200
    body = html.unescape(response.content.decode())
    with translation.override("da"):
        assert (
            gettext("You have no goals in your plan yet. You make them with your clinician.")
            in body
        )
        assert gettext("Save the review") not in body


def test_a_review_is_saved_for_this_week(cast, client_for, peter_plan):
    response = client_for(cast.peter).post(URL, {"goal-goal1": "1", "goal-goal2": "-2"})

    assert response.status_code == 302
    assert response["Location"] == reverse("front:patient_home")
    assert [(r.goal_key, r.week, r.attainment) for r in GoalReview.objects.all()] == [
        ("goal1", this_monday(), 1),
        ("goal2", this_monday(), -2),
    ]
    assert all(r.patient == cast.peter_patient for r in GoalReview.objects.all())
    with translation.override("da"):
        expected = gettext(
            "Thank you. If a goal feels too big or too small, change it in My goals."
        )
    assert [str(m) for m in get_messages(response.wsgi_request)] == [expected]
    assert AuditEvent.objects.filter(target="goal_review", action=Action.UPDATE).count() == 1


def test_a_second_review_this_week_replaces_the_first_and_the_page_shows_it(
    cast, client_for, peter_plan
):
    client = client_for(cast.peter)
    client.post(URL, {"goal-goal1": "1", "goal-goal2": "-2"})

    client.post(URL, {"goal-goal1": "2", "goal-goal2": "0"})

    assert [(r.goal_key, r.attainment) for r in GoalReview.objects.all()] == [
        ("goal1", 2),
        ("goal2", 0),
    ]
    form = client.get(URL).context["form"]
    assert (form["goal-goal1"].value(), form["goal-goal2"].value()) == (2, 0)


def test_every_goal_needs_an_answer(cast, client_for, peter_plan):
    response = client_for(cast.peter).post(URL, {"goal-goal1": "1"})

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["goal-goal2"]
    with translation.override("da"):
        assert gettext("This field is required.") in html.unescape(response.content.decode())
    assert not GoalReview.objects.exists()


def test_an_answer_outside_the_scale_is_refused(cast, client_for, peter_plan):
    response = client_for(cast.peter).post(URL, {"goal-goal1": "3", "goal-goal2": "0"})

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["goal-goal1"]
    assert not GoalReview.objects.exists()
