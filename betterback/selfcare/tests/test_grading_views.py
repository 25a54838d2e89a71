"""Graded steps for an action of the plan, planned by the clinician or changed by the patient."""

import html
from datetime import date

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from betterback.audit.models import AuditEvent
from betterback.plan.models import GradedActivity
from betterback.selfcare import services
from betterback.testing.plans import WALK


def clinician_url(cast, action="act1"):
    return reverse("selfcare:grading", args=[cast.peter_patient.public_id, action])


def patient_url(action="act1"):
    return reverse("selfcare:my_grading", args=[action])


def form_data(steps="12, 13, 15", **change):
    return {
        "unit": "minutes",
        "baseline": "15",
        "starts_on": "2026-03-16",
        "steps": steps,
        **change,
    }


def body_of(response) -> str:
    return html.unescape(response.content.decode())


def test_the_clinician_opens_the_steps_of_an_action(cast, client_for, peter_plan):
    response = client_for(cast.lise).get(clinician_url(cast))

    assert response.status_code == 200
    assert WALK in body_of(response)
    form = response.context["form"]
    assert form["unit"].value() == "minutes"
    assert form["starts_on"].value() == services.monday(timezone.localdate())
    assert not form["steps"].value()
    assert AuditEvent.objects.filter(target="graded_activity").latest("id").actor == cast.lise


def test_the_clinician_saves_steps(cast, client_for, peter_plan):
    response = client_for(cast.lise).post(clinician_url(cast), form_data())

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "selfcare:patient_progress", args=[cast.peter_patient.public_id]
    )
    graded = GradedActivity.objects.get()
    assert (graded.patient, graded.action_key, graded.unit) == (
        cast.peter_patient,
        "act1",
        "minutes",
    )
    assert (graded.baseline, graded.starts_on, graded.steps) == (
        15,
        date(2026, 3, 16),
        [12, 13, 15],
    )
    assert graded.changed_by == cast.lise
    with translation.override("da"):
        assert [str(m) for m in get_messages(response.wsgi_request)] == [
            gettext("The graded plan is saved.")
        ]
    event = AuditEvent.objects.filter(target="graded_activity").latest("id")
    assert (event.patient, event.actor, event.detail) == (
        cast.peter_patient,
        cast.lise,
        {"action": "act1", "steps": [12, 13, 15]},
    )


def test_without_steps_they_are_planned_from_the_baseline(cast, client_for, peter_plan):
    client_for(cast.lise).post(clinician_url(cast), form_data(steps="", baseline="20"))

    assert GradedActivity.objects.get().steps == [16, 18, 20, 22, 24, 26, 29, 32]


def test_the_saved_steps_are_shown_to_change(cast, client_for, peter_plan):
    client = client_for(cast.lise)
    client.post(clinician_url(cast), form_data(unit="repetitions"))

    response = client.get(clinician_url(cast))

    form = response.context["form"]
    assert (form["unit"].value(), form["baseline"].value(), form["steps"].value()) == (
        "repetitions",
        15,
        "12, 13, 15",
    )
    assert "12, 13, 15" in body_of(response)


def test_bad_steps_are_refused_with_a_translated_error(cast, client_for, peter_plan):
    response = client_for(cast.lise).post(clinician_url(cast), form_data(steps="12, x"))

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["steps"]
    with translation.override("da"):
        assert gettext("Give whole numbers from 1 to 1000, separated by commas.") in body_of(
            response
        )
    assert not GradedActivity.objects.exists()


def test_a_baseline_below_one_is_refused(cast, client_for, peter_plan):
    response = client_for(cast.lise).post(clinician_url(cast), form_data(steps="", baseline="0"))

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["baseline"]
    assert not GradedActivity.objects.exists()


def test_an_action_that_is_not_in_the_plan_is_not_found(cast, client_for, peter_plan):
    client = client_for(cast.lise)

    assert client.get(clinician_url(cast, "act9")).status_code == 404
    assert client.post(clinician_url(cast, "act9"), form_data()).status_code == 404
    assert client_for(cast.peter).get(patient_url("act9")).status_code == 404
    assert not GradedActivity.objects.exists()


def test_another_clinician_cannot_plan_peters_steps(cast, client_for, peter_plan):
    response = client_for(cast.karim).post(clinician_url(cast), form_data())

    assert response.status_code == 404
    assert not GradedActivity.objects.exists()


def test_the_patient_changes_the_steps_too(cast, client_for, peter_plan):
    client_for(cast.lise).post(clinician_url(cast), form_data())
    client = client_for(cast.peter)

    assert client.get(patient_url()).status_code == 200
    response = client.post(patient_url(), form_data(steps="10; 11; 12"))

    assert response.status_code == 302
    assert response["Location"] == reverse("front:patient_home")
    graded = GradedActivity.objects.get()
    assert (graded.steps, graded.changed_by) == ([10, 11, 12], cast.peter)


def test_the_patient_sees_bad_steps_refused_too(cast, client_for, peter_plan):
    response = client_for(cast.peter).post(patient_url(), form_data(steps="0, 5"))

    assert response.status_code == 400
    assert not GradedActivity.objects.exists()


def test_in_danish_the_saved_start_date_is_shown_to_the_date_field_and_saves_again(
    cast, client_for, peter_plan
):
    cast.peter.language = "da"
    cast.peter.save(update_fields=["language"])
    peter = client_for(cast.peter)
    peter.post(patient_url(), form_data(starts_on="2026-03-16"))

    page = peter.get(patient_url())
    shown = body_of(page)

    assert page.status_code == 200 and "Første uge begynder" in shown
    assert 'type="date"' in shown and 'value="2026-03-16"' in shown
    again = peter.post(patient_url(), form_data(starts_on="2026-03-16", baseline="20"))
    assert again.status_code == 302
    assert GradedActivity.objects.get().baseline == 20
