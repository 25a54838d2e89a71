"""Dialogue sessions and My plan: who may do what, and what each step leaves behind."""

import pytest
from django.urls import reverse

from betterback.audit.models import Action, AuditEvent
from betterback.dialogue.models import DialogueSession
from betterback.testing.factories import fill_what_matters


def start_url(cast):
    return reverse("dialogue:start", args=[cast.peter_patient.public_id])


def session_url(cast, session, name="dialogue:session"):
    return reverse(name, args=[cast.peter_patient.public_id, session.pk])


def started(cast, client_for):
    client_for(cast.lise).post(start_url(cast))
    return DialogueSession.objects.get(patient=cast.peter_patient)


def test_starting_twice_continues_the_open_session(cast, client_for):
    lise = client_for(cast.lise)

    first = lise.post(start_url(cast))
    second = lise.post(start_url(cast))

    session = DialogueSession.objects.get()
    assert first["Location"] == second["Location"] == session_url(cast, session)
    assert (
        AuditEvent.objects.filter(action=Action.CREATE, target=f"session:{session.pk}").count() == 1
    )


def test_the_clinician_chooses_and_orders_the_materials(cast, client_for):
    session = started(cast, client_for)

    response = client_for(cast.lise).post(
        session_url(cast, session),
        {"materials": ["what-matters", "my-goals", "action-plan"], "order_action-plan": "1"},
    )

    assert response.status_code == 302
    session.refresh_from_db()
    assert session.material_ids == ["action-plan", "what-matters", "my-goals"]


def test_a_material_opened_in_the_session_shows_where_it_stands(cast, client_for):
    session = started(cast, client_for)
    session.material_ids = ["what-matters", "my-goals", "action-plan"]
    session.save()
    url = reverse("dialogue:material", args=[cast.peter_patient.public_id, "my-goals"])

    response = client_for(cast.lise).get(f"{url}?session={session.pk}&mode=present")

    assert response.status_code == 200
    assert response.context["step"] == 2 and response.context["steps"] == 3
    assert response.context["previous_material"].id == "what-matters"
    assert response.context["next_material"].id == "action-plan"


def test_ending_the_session_gives_a_summary_and_the_patient_sees_my_plan(cast, client_for):
    fill_what_matters(cast.peter_patient, actor=cast.lise, text="Carry my grandson")
    session = started(cast, client_for)
    lise = client_for(cast.lise)

    response = lise.post(session_url(cast, session, "dialogue:end"))

    assert response["Location"] == session_url(cast, session, "dialogue:summary")
    session.refresh_from_db()
    assert session.ended_at is not None
    summary = lise.get(session_url(cast, session, "dialogue:summary")).context["summary"]
    assert "Peter Jensen" in summary and "Carry my grandson" in summary
    plan = client_for(cast.peter).get(reverse("dialogue:my_plan"))
    assert plan.status_code == 200
    assert plan.context["session"] == session
    assert "Carry my grandson" in plan.content.decode()
    assert [p.material.id for p in plan.context["plan"].parts] == [
        "what-matters",
        "my-goals",
        "action-plan",
        "flare-up-plan",
        "follow-up",
    ]


def test_reading_my_plan_is_logged(cast, client_for):
    client_for(cast.lise).get(reverse("dialogue:patient_plan", args=[cast.peter_patient.public_id]))

    event = AuditEvent.objects.get(action=Action.READ, target="plan")
    assert (event.actor, event.patient) == (cast.lise, cast.peter_patient)


def test_the_print_view_of_my_plan_opens(cast, client_for):
    response = client_for(cast.peter).get(reverse("dialogue:my_plan_print"))

    assert response.status_code == 200
    assert "bb-sheet" in response.content.decode()


def test_an_ended_session_cannot_be_changed(cast, client_for):
    session = started(cast, client_for)
    lise = client_for(cast.lise)
    lise.post(session_url(cast, session, "dialogue:end"))

    lise.post(session_url(cast, session), {"materials": ["my-goals"]})

    session.refresh_from_db()
    assert session.material_ids == []


@pytest.mark.parametrize("who", ["olav", "karim"])
def test_another_clinician_cannot_open_start_or_end_peters_session(cast, client_for, who):
    session = started(cast, client_for)
    other = client_for(getattr(cast, who))

    assert other.post(start_url(cast)).status_code == 404
    assert other.get(session_url(cast, session)).status_code == 404
    assert other.post(session_url(cast, session, "dialogue:end")).status_code == 404
    assert other.get(session_url(cast, session, "dialogue:summary")).status_code == 404
    session.refresh_from_db()
    assert session.ended_at is None


def test_a_session_id_of_another_patient_is_refused(cast, client_for):
    maja_session = DialogueSession.objects.create(
        patient=cast.maja_patient, clinician=cast.karim.clinician
    )
    url = reverse("dialogue:session", args=[cast.peter_patient.public_id, maja_session.pk])

    assert client_for(cast.lise).get(url).status_code == 404
    assert AuditEvent.objects.filter(action=Action.REFUSED, patient=cast.peter_patient).exists()


@pytest.mark.parametrize("who", ["peter", "maja", "anne"])
def test_patients_and_administrators_cannot_use_clinician_session_pages(cast, client_for, who):
    session = started(cast, client_for)

    client = client_for(getattr(cast, who))
    assert client.post(start_url(cast)).status_code == 403
    assert client.get(session_url(cast, session)).status_code == 403
    assert (
        client.get(
            reverse("dialogue:patient_plan", args=[cast.peter_patient.public_id])
        ).status_code
        == 403
    )


def test_anonymous_is_sent_to_log_in(cast, client_for):
    for url in (reverse("dialogue:my_plan"), start_url(cast)):
        response = client_for(None).get(url)
        assert response.status_code in (302, 405)
    assert client_for(None).get(reverse("dialogue:my_plan"))["Location"].startswith("/login/")


def test_maja_sees_only_her_own_plan(cast, client_for):
    fill_what_matters(cast.peter_patient, actor=cast.lise, text="Carry my grandson")

    response = client_for(cast.maja).get(reverse("dialogue:my_plan"))

    assert "Carry my grandson" not in response.content.decode()


def test_opening_the_session_page_is_logged(cast, client_for):
    session = started(cast, client_for)

    client_for(cast.lise).get(session_url(cast, session))

    event = AuditEvent.objects.get(action=Action.READ, target=f"session:{session.pk}")
    assert (event.actor, event.patient, event.source) == (
        cast.lise,
        cast.peter_patient,
        "view:dialogue:session",
    )


def test_the_clinicians_plan_page_speaks_to_the_clinician_not_the_patient(cast, client_for):
    cast.lise.language = "en"
    cast.lise.save(update_fields=["language"])
    session = started(cast, client_for)
    lise = client_for(cast.lise)
    plan_url = reverse("dialogue:patient_plan", args=[cast.peter_patient.public_id])
    before = lise.get(plan_url).content.decode()
    lise.post(session_url(cast, session, "dialogue:end"))

    after = lise.get(plan_url).content.decode()

    assert "No session with Peter Jensen has ended yet" in before
    assert "Made by Peter Jensen and Lise Holm on" in after
    for text in (before, after):
        assert "your clinician" not in text and "you have filled in yourself" not in text
