"""The upgrade to version 2 of the warning signs keeps every answer's meaning: answers given with
version 1 raise alerts with version 1's reasons and urgencies (a sign marked as seen becomes an
acknowledged alert), answers not started move to version 2, and clinics' schedules ask the intake
and follow-up screens."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("questionnaires", "0001_initial"), ("safety", None), ("clinics", "0001_initial")]
AFTER = [
    ("questionnaires", "0003_remove_response_reviewed"),
    ("safety", "0002_alerts_from_version_1_answers"),
]


def migrate(targets):
    """Migrate to ``targets`` ((app, None): unapplied); the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


@pytest.fixture
def back_to_latest():
    """Whatever happens in the test, the database ends at the latest migrations."""
    yield
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_version_1_answers_become_alerts_and_keep_their_meaning(back_to_latest):
    old = migrate(BEFORE)
    User = old.get_model("accounts", "User")
    Clinic = old.get_model("clinics", "Clinic")
    Clinician = old.get_model("clinics", "Clinician")
    Patient = old.get_model("patients", "Patient")
    Schedule = old.get_model("questionnaires", "Schedule")
    QuestionnaireSet = old.get_model("questionnaires", "QuestionnaireSet")
    Response = old.get_model("questionnaires", "Response")
    now = timezone.now()
    clinic = Clinic.objects.create(name="Klinik")
    lise = User.objects.create(email="lise@test.example", full_name="Lise")
    clinician = Clinician.objects.create(user=lise, clinic=clinic, profession="physiotherapist")
    patient = Patient.objects.create(full_name="Ea", email="ea@test.example")
    Schedule.objects.create(
        clinic=clinic, intake=["nrs:back", "redflags"], follow_up=["redflags"], follow_up_weeks=[4]
    )
    intake = QuestionnaireSet.objects.create(
        patient=patient, clinician=clinician, kind="intake", entries=["redflags"],
        available_from=now,
    )  # fmt: skip
    week_4 = QuestionnaireSet.objects.create(
        patient=patient, clinician=clinician, kind="follow_up", week=4, entries=["redflags"],
        available_from=now,
    )  # fmt: skip
    answered = Response.objects.create(
        patient=patient, questionnaire_set=intake, instrument_id="redflags",
        instrument_version="1", answers={"2": 1, "5": 1, "12": 0}, submitted_at=now, flag_tier=1,
    )  # fmt: skip
    seen = Response.objects.create(
        patient=patient, instrument_id="redflags", instrument_version="1",
        answers={"5": 1}, submitted_at=now, flag_tier=2, reviewed_at=now, reviewed_by=lise,
        source="paper",
    )  # fmt: skip
    not_started = Response.objects.create(
        patient=patient, questionnaire_set=week_4, instrument_id="redflags",
        instrument_version="1",
    )  # fmt: skip

    new = migrate(AFTER)
    Alert = new.get_model("safety", "Alert")
    Response = new.get_model("questionnaires", "Response")
    Schedule = new.get_model("questionnaires", "Schedule")
    QuestionnaireSet = new.get_model("questionnaires", "QuestionnaireSet")

    open_alert = Alert.objects.get(source_id=answered.public_id)
    assert (open_alert.level, open_alert.acknowledged_at) == (1, None)
    assert open_alert.urgent_since is not None
    assert [(s["id"], s["level"]) for s in open_alert.signs] == [("bladder", 1), ("cancer", 3)]
    assert open_alert.signs[0]["reason"]["en"] == "New problems passing or holding urine"
    seen_alert = Alert.objects.get(source_id=seen.public_id)
    assert (seen_alert.level, seen_alert.acknowledged_by_id, seen_alert.what_was_done) == (
        3,
        lise.pk,
        "other",
    )
    assert [r.flag_level for r in Response.objects.filter(pk__in=[answered.pk, seen.pk])
            .order_by("pk")] == [1, 3]  # fmt: skip
    upgraded = Response.objects.get(pk=not_started.pk)
    assert (upgraded.instrument_version, upgraded.variant) == ("2", "follow_up")
    assert QuestionnaireSet.objects.get(pk=week_4.pk).entries == ["redflags:follow_up"]
    assert QuestionnaireSet.objects.get(pk=intake.pk).entries == ["redflags"]  # answered: kept
    schedule = Schedule.objects.get()
    assert (schedule.intake, schedule.follow_up) == (
        ["nrs:back", "redflags:intake"],
        ["redflags:follow_up"],
    )
