"""A small fixed world of unsaved rows for the mapping and golden tests: Peter in Lise's care at
the Odense clinic, two questionnaires answered, two check-ins, and a plan with two goals, two steps
and a flare-up plan. Fixed ids and times, so the golden files are stable; unsaved, so a mapping
that queried the database would fail ("Database access not allowed")."""

import uuid
from datetime import UTC, datetime

from django.utils import translation

from betterback.accounts.models import User
from betterback.clinics.models import Clinic, Clinician, Profession
from betterback.exchange.bundle import Record
from betterback.patients.models import CareRelationship, Patient
from betterback.plan import reader
from betterback.questionnaires import scoring
from betterback.questionnaires.definitions import instruments
from betterback.questionnaires.models import Response
from betterback.selfcare.models import CheckIn

PATIENT_ID = uuid.UUID("00000000-0000-4000-8000-00000000a001")
AT = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)

VALUES = {
    "activities": [
        {"key": "v1", "text": "Lege med mine børnebørn", "area": "family", "rank": 1},
        {"key": "v2", "text": "Gå lange ture med hunden", "area": "physical_activity", "rank": 2},
    ]
}
GOALS = {
    "goals": [
        {
            "key": "goal1",
            "text": "Lege 20 minutter på gulvet hver søndag",
            "serves": ["v1"],
            "measure": "Jeg kan rejse mig fra gulvet uden hjælp",
            "by_when": "2025-06-01",
            "confidence": 7,
        },
        {
            "key": "goal2",
            "text": "Gå 45 minutter med hunden tre gange om ugen",
            "serves": ["v1", "v2"],
        },
        {"key": "goal3", "text": ""},  # an empty box on the page: not a goal
    ]
}
ACTIONS = {
    "actions": [
        {
            "key": "act1",
            "what": "Gåtur med hunden",
            "when": "Mandag, onsdag, fredag kl. 8",
            "where": "Rundt om søen",
            "how_much": "20 minutter, 2 minutter mere hver uge",
            "goal": "goal2",
            "confidence": 8,
        },
        {"key": "act2", "what": "Øve at rejse mig fra gulvet", "goal": "gone"},
    ],
    "toolbox": [{"key": "tool1", "strategy": "Gå en kort tur", "when_to_use": "Når jeg er stiv"}],
}
FLARE_PLAN = {
    "early_signs": "Ryggen bliver stiv om morgenen.",
    "toolbox_strategies": ["tool1"],
    "supporters": [{"key": "sup1", "name": "Hanne", "how": "Går med på turen"}],
    "warning_signs_reviewed": ["talked_through"],
}
FLARE_LABELS = {"action-plan/toolbox": {"tool1": "Gå en kort tur"}}


def plan(language="da", **data) -> reader.Plan:
    """The plan read from these entries (``data`` replaces some: material id -> data), with the
    answers in ``language``, as bundle.collect reads it in the patient's language."""
    entries = {
        "what-matters": VALUES,
        "my-goals": GOALS,
        "action-plan": ACTIONS,
        "flare-up-plan": FLARE_PLAN,
        **data,
    }
    with translation.override(language):
        return reader.build(entries, today=AT.date(), labels=FLARE_LABELS)


def odense() -> Clinic:
    return Clinic(pk=1, name="Rygklinikken Odense", city="Odense")


def lise(profession=Profession.PHYSIOTHERAPIST) -> Clinician:
    user = User(pk=11, email="lise@test.example", full_name="Lise Holm", language="da")
    return Clinician(pk=1, user=user, clinic=odense(), profession=profession)


def peter(language="da", *, account=True) -> Patient:
    user = User(pk=21, email="peter@test.example", full_name="Peter Jensen", language=language)
    return Patient(
        pk=1,
        public_id=PATIENT_ID,
        full_name="Peter Jensen",
        email="peter@test.example",
        user=user if account else None,
    )


def response(patient, n: int, instrument_id: str, answers: dict, variant="") -> Response:
    """A submitted response as services.save_answers leaves it, scored."""
    result = scoring.score(instrument_id, answers)
    return Response(
        public_id=uuid.UUID(f"00000000-0000-4000-8000-00000000b00{n}"),
        patient=patient,
        instrument_id=instrument_id,
        instrument_version=instruments()[instrument_id].version,
        variant=variant,
        answers=answers,
        submitted_at=datetime(2025, 3, n, 9, 30, tzinfo=UTC),
        total=result.total,
        subscales={k: v for k, v in result.subscales.items() if v is not None},
        band=result.band or "",
    )


def check_in(patient, n: int, **values) -> CheckIn:
    return CheckIn(
        patient=patient,
        key=uuid.UUID(f"00000000-0000-4000-8000-00000000c00{n}"),
        made_at=datetime(2025, 3, 5 + n, 20, 15, tzinfo=UTC),
        received_at=datetime(2025, 3, 9, 8, 0, tzinfo=UTC),  # sent later, from offline
        **values,
    )


def record() -> Record:
    patient, clinician = peter(), lise()
    relationship = CareRelationship(
        pk=1, patient=patient, clinician=clinician, clinic=clinician.clinic,
        started_at=datetime(2025, 2, 20, 10, 0, tzinfo=UTC),
    )  # fmt: skip
    startback = {"1": 1, "2": 0, "3": 1, "4": 1, "5": 1, "6": 1, "7": 0, "8": 1, "9": 3}
    return Record(
        patient=patient,
        relationships=[relationship],
        responses=[
            response(patient, 1, "nrs", {"1": 6}, variant="back"),
            response(patient, 2, "startback", startback),
        ],
        check_ins=[
            check_in(patient, 1, confidence=6, pain=4, sleep=3, mood=4),
            check_in(patient, 2, confidence=7, pain=None, sleep=None, mood=2),
        ],
        plan=plan(),
    )
