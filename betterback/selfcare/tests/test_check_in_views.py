"""Today's check-in: the plan's actions (with this week's graded amount), confidence, pain, sleep
and mood; saved once however often it is sent."""

import html
import uuid

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from betterback.audit.models import Action, AuditEvent
from betterback.plan import services as plan_services
from betterback.selfcare import services
from betterback.selfcare.models import CheckIn
from betterback.testing.plans import GET_UP, WALK

URL = reverse("selfcare:check_in")


def grade_the_walk(cast, baseline=20):
    """Act1 graded from this week's Monday: 16 minutes this week for a baseline of 20."""
    return plan_services.save_grading(
        patient=cast.peter_patient,
        action_key="act1",
        unit="minutes",
        baseline=baseline,
        starts_on=services.monday(timezone.localdate()),
        steps=[],
        actor=cast.lise,
        source="test",
    )


def english(user):
    user.language = "en"
    user.save(update_fields=["language"])
    return user


def body_of(response) -> str:
    return html.unescape(response.content.decode())


def test_the_check_in_shows_the_actions_of_the_plan_with_this_weeks_amount(
    cast, client_for, peter_plan
):
    grade_the_walk(cast)

    response = client_for(english(cast.peter)).get(URL)

    assert response.status_code == 200
    body = body_of(response)
    assert WALK in body and GET_UP in body
    assert "This week: 16 minutes" in body
    assert "Planned: 5 times" in body  # the ungraded action shows what was planned
    assert "How much? (minutes)" in body
    form = response.context["form"]
    assert {"status-act1", "amount-act1", "status-act2", "amount-act2"} <= set(form.fields)


def test_the_check_in_in_danish_shows_this_weeks_amount(cast, client_for, peter_plan):
    grade_the_walk(cast)

    body = body_of(client_for(cast.peter).get(URL))

    with translation.override("da"):
        expected = gettext("This week: %(amount)s %(unit)s") % {
            "amount": 16,
            "unit": gettext("minutes"),
        }
    assert expected in body


def test_without_a_plan_the_patient_can_still_check_in(cast, client_for):
    response = client_for(english(cast.maja)).get(URL)

    assert response.status_code == 200
    assert "You have no actions in your plan yet. You can still check in." in body_of(response)
    assert "status-act1" not in response.context["form"].fields


def test_opening_the_check_in_is_audited_as_a_read_of_the_plan(cast, client_for, peter_plan):
    client_for(cast.peter).get(URL)

    event = AuditEvent.objects.filter(action=Action.READ).latest("id")
    assert (event.patient, event.actor, event.target, event.source) == (
        cast.peter_patient,
        cast.peter,
        "plan",
        "view:selfcare:check_in",
    )


def test_a_check_in_is_saved_and_the_patient_goes_home_with_a_message(cast, client_for, peter_plan):
    key = uuid.uuid4()
    before = timezone.now()

    response = client_for(cast.peter).post(
        URL,
        {
            "key": str(key),
            "status-act1": "done",
            "amount-act1": "16",
            "status-act2": "partly",
            "confidence": "7",
            "pain": "3",
            "sleep": "4",
            "mood": "5",
            "note": "Walked round the lake",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("front:patient_home")
    stored = CheckIn.objects.get()
    assert stored.key == key
    assert stored.patient == cast.peter_patient
    assert stored.actions == {
        "act1": {"status": "done", "amount": 16},
        "act2": {"status": "partly", "amount": None},
    }
    assert (stored.confidence, stored.pain, stored.sleep, stored.mood) == (7, 3, 4, 5)
    assert stored.note == "Walked round the lake"
    assert stored.offline is False
    assert before <= stored.made_at <= stored.received_at
    with translation.override("da"):
        expected = gettext("Your check-in is saved. Well done for keeping track.")
    assert [str(m) for m in get_messages(response.wsgi_request)] == [expected]
    assert AuditEvent.objects.filter(target="check_in", action=Action.CREATE).count() == 1


def test_only_confidence_is_needed(cast, client_for, peter_plan):
    response = client_for(cast.peter).post(URL, {"key": str(uuid.uuid4()), "confidence": "0"})

    assert response.status_code == 302
    stored = CheckIn.objects.get()
    assert (stored.actions, stored.confidence, stored.pain, stored.sleep) == ({}, 0, None, None)


def test_a_check_in_without_confidence_is_refused_with_a_translated_error(
    cast, client_for, peter_plan
):
    response = client_for(cast.peter).post(
        URL, {"key": str(uuid.uuid4()), "status-act1": "done", "pain": "4"}
    )

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["confidence"]
    with translation.override("da"):
        required = gettext("This field is required.")
    assert required != "This field is required."  # Django's own Danish
    assert required in body_of(response)
    assert not CheckIn.objects.exists()
    assert not AuditEvent.objects.filter(target="check_in").exists()


def test_an_answer_outside_the_choices_is_refused(cast, client_for, peter_plan):
    response = client_for(cast.peter).post(
        URL,
        {"key": str(uuid.uuid4()), "confidence": "11", "status-act1": "maybe", "amount-act2": "-1"},
    )

    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"confidence", "status-act1", "amount-act2"}
    assert not CheckIn.objects.exists()


def test_the_same_check_in_sent_twice_is_stored_once(cast, client_for, peter_plan):
    client = client_for(cast.peter)
    data = {"key": str(uuid.uuid4()), "confidence": "6", "status-act1": "done"}

    first = client.post(URL, data)
    second = client.post(URL, {**data, "confidence": "2"})

    assert (first.status_code, second.status_code) == (302, 302)
    assert CheckIn.objects.get().confidence == 6
    assert AuditEvent.objects.filter(target="check_in").count() == 1


def test_a_key_already_used_by_another_patient_is_refused(cast, client_for, peter_plan):
    key = str(uuid.uuid4())
    client_for(cast.maja).post(URL, {"key": key, "confidence": "5"})

    response = client_for(cast.peter).post(URL, {"key": key, "confidence": "6"})

    assert response.status_code == 400
    assert CheckIn.objects.get().patient == cast.maja_patient
    assert not CheckIn.objects.filter(patient=cast.peter_patient).exists()


def test_each_visit_gets_a_new_key(cast, client_for, peter_plan):
    client = client_for(cast.peter)

    keys = {client.get(URL).context["form"]["key"].value() for _ in range(2)}

    assert len(keys) == 2
