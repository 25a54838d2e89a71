"""Alerts with the database: raised the moment an answer holds a warning sign, kept true to what was
answered, acknowledged once with what was done, and audited."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from betterback.audit.models import Action, AuditEvent
from betterback.patients.models import CareRelationship, Patient
from betterback.questionnaires import services as questionnaires
from betterback.safety import services
from betterback.safety.models import Alert, Level
from betterback.testing.clock import stop_the_clock

SOURCE = "test"
T0 = datetime(2026, 12, 8, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock(monkeypatch):
    return stop_the_clock(monkeypatch, T0)


@pytest.fixture
def screen(cast):
    """Peter's warning-sign screen in his intake set, not yet answered."""
    intake = questionnaires.send_intake(
        patient=cast.peter_patient, clinician=cast.lise.clinician, actor=cast.peter, source=SOURCE
    )
    return intake.responses.get(instrument_id="redflags")


def answer(screen, actor, submit=False, **yes_no):
    """Save answers to the screen by item number: answer(screen, peter, **{"1": 1})."""
    return questionnaires.save_answers(
        response=screen, raw=yes_no, actor=actor, source=SOURCE, submit=submit
    )


def test_one_urgent_answer_raises_an_alert_at_once_before_the_screen_is_sent(cast, clock, screen):
    answer(screen, cast.peter, **{"1": 1})

    [alert] = Alert.objects.all()
    assert (alert.patient, alert.source_id, alert.level) == (
        cast.peter_patient,
        screen.public_id,
        1,
    )
    assert (alert.raised_at, alert.urgent_since, alert.acknowledged_at) == (T0, T0, None)
    assert [(s["id"], s["level"], s["withdrawn"]) for s in alert.signs] == [("saddle", 1, False)]
    assert alert.signs[0]["reason"] == {
        "da": "Nedsat følesans i skridtet (ridebukseområdet)",
        "en": "Reduced sensation in the saddle area",
    }


def test_a_sign_for_within_days_raises_an_alert_without_the_urgent_clock(cast, screen):
    answer(screen, cast.peter, **{"12": 1})  # a history of cancer

    alert = Alert.objects.get()
    assert (alert.level, alert.urgent_since) == (Level.WITHIN_DAYS, None)


def test_later_signs_join_the_open_alert_and_a_combination_raises_its_level(cast, clock, screen):
    answer(screen, cast.peter, **{"12": 1})
    clock.now = T0 + timedelta(minutes=3)

    answer(screen, cast.peter, **{"7": 1})  # one leg getting weaker, after cancer

    alert = Alert.objects.get()
    assert alert.level == Level.NOW
    assert [s["id"] for s in alert.signs] == ["cancer_and_legs", "leg_one_worse", "cancer"]
    assert (alert.raised_at, alert.urgent_since) == (T0, T0 + timedelta(minutes=3))


def test_an_answer_changed_back_to_no_stays_on_the_alert_marked_withdrawn(cast, screen):
    answer(screen, cast.peter, **{"4": 1})
    answer(screen, cast.peter, **{"4": 0})

    alert = Alert.objects.get()
    assert (alert.level, [(s["id"], s["withdrawn"]) for s in alert.signs]) == (
        Level.NOW,
        [("legs_both", True)],
    )


def test_no_alert_without_a_sign(cast, screen):
    answer(screen, cast.peter, submit=True, **{str(n): 0 for n in range(1, 20)})

    assert not Alert.objects.exists()


def test_a_new_sign_after_an_acknowledgement_opens_a_new_alert(cast, screen):
    answer(screen, cast.peter, **{"12": 1})
    first = services.acknowledge(
        alert=Alert.objects.get(), what_was_done="already_known", note="", actor=cast.lise,
        source=SOURCE,
    )  # fmt: skip

    answer(screen, cast.peter, **{"1": 1})

    second = Alert.objects.get(acknowledged_at__isnull=True)
    assert second.pk != first.pk and second.source_id == first.source_id
    assert [s["id"] for s in second.signs] == ["saddle"]
    assert first.acknowledged_by == cast.lise


def test_raising_and_updating_an_alert_is_audited_without_the_answers(cast, screen):
    answer(screen, cast.peter, **{"12": 1})
    answer(screen, cast.peter, **{"1": 1})

    events = AuditEvent.objects.filter(target__startswith="alert:").order_by("id")
    assert [(e.action, e.actor, e.patient, e.detail) for e in events] == [
        (Action.CREATE, cast.peter, cast.peter_patient, {"level": 3, "signs": ["cancer"]}),
        (Action.UPDATE, cast.peter, cast.peter_patient, {"level": 1, "signs": ["saddle"]}),
    ]


def test_a_paper_form_with_a_warning_sign_raises_the_alert_too(cast):
    import uuid

    from betterback.questionnaires.definitions import instrument

    questionnaires.enter_paper(
        patient=cast.peter_patient,
        definition=instrument("redflags"),
        variant="intake",
        raw={"5": "1"},
        notes={},
        key=uuid.uuid4(),
        actor=cast.lise,
        source=SOURCE,
    )

    assert Alert.objects.get().level == Level.NOW


# --- Acknowledging ---------------------------------------------------------------------------


def test_acknowledging_keeps_who_when_what_and_the_note(cast, clock, screen):
    answer(screen, cast.peter, **{"1": 1})
    clock.now = T0 + timedelta(minutes=20)

    services.acknowledge(
        alert=Alert.objects.get(),
        what_was_done="referred_acutely",
        note="  Ringede til patienten; akut henvist via FAM.  ",
        actor=cast.lise,
        source=SOURCE,
    )

    alert = Alert.objects.get()
    assert (alert.acknowledged_at, alert.acknowledged_by) == (T0 + timedelta(minutes=20), cast.lise)
    assert (alert.what_was_done, alert.note) == (
        "referred_acutely",
        "Ringede til patienten; akut henvist via FAM.",
    )
    event = AuditEvent.objects.filter(target=f"alert:{alert.public_id}").first()
    assert (event.action, event.actor, event.detail) == (
        Action.ACKNOWLEDGE,
        cast.lise,
        {"acknowledged": True, "what_was_done": "referred_acutely"},
    )


def test_a_second_acknowledgement_keeps_the_first(cast, clock, screen):
    answer(screen, cast.peter, **{"1": 1})
    alert = Alert.objects.get()
    services.acknowledge(
        alert=alert, what_was_done="called_patient", note="", actor=cast.lise, source=SOURCE
    )
    clock.now = T0 + timedelta(hours=1)

    services.acknowledge(
        alert=alert, what_was_done="examined", note="", actor=cast.olav, source=SOURCE
    )

    alert.refresh_from_db()
    assert (alert.acknowledged_by, alert.what_was_done, alert.acknowledged_at) == (
        cast.lise,
        "called_patient",
        T0,
    )


@pytest.mark.parametrize(
    ("what", "note", "code"),
    [("", "", "what_was_done"), ("guessed", "", "what_was_done"), ("other", "  ", "note_required"),
     ("called_patient", "x" * 501, "note_too_long")],
)  # fmt: skip
def test_an_acknowledgement_that_says_nothing_is_refused(cast, screen, what, note, code):
    answer(screen, cast.peter, **{"1": 1})

    with pytest.raises(services.AcknowledgementProblem) as problem:
        services.acknowledge(
            alert=Alert.objects.get(), what_was_done=what, note=note, actor=cast.lise,
            source=SOURCE,
        )  # fmt: skip

    assert problem.value.code == code
    assert Alert.objects.get().is_open


# --- Reading ---------------------------------------------------------------------------------


def test_the_open_alerts_in_care_come_most_urgent_first_in_one_query(cast, clock):
    patients = []
    for number, (item, minutes) in enumerate([("12", 0), ("1", 5), ("7", 10), ("18", 15)]):
        patient = Patient.objects.create(full_name=f"P{number}", email=f"p{number}@test.example")
        CareRelationship.objects.create(
            patient=patient, clinician=cast.lise.clinician, clinic=cast.odense
        )
        clock.now = T0 + timedelta(minutes=minutes)
        screen = questionnaires.send_intake(
            patient=patient, clinician=cast.lise.clinician, actor=cast.lise, source=SOURCE
        ).responses.get(instrument_id="redflags")
        answer(screen, cast.lise, **{item: 1})
        patients.append(patient)
    ended = CareRelationship.objects.filter(patient=patients[3]).get()
    ended.ended_at = T0
    ended.save()

    with CaptureQueriesContext(connection) as queries:
        alerts = services.open_alerts_in_care(cast.lise.clinician)
        names = [alert.patient.full_name for alert in alerts]

    assert len(queries) == 1
    assert names == ["P1", "P2", "P0"]  # now, the same day, within days; P3 is out of care
    assert services.open_alerts_in_care(cast.karim.clinician) == []
