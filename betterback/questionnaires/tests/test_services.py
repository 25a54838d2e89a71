"""The questionnaire services with the database: sets sent at the invitation and scheduled at the
first consultation, answers saved and scored, paper forms, warning signs, the audit trail, and the
clinician's follow-up list."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone, translation

from betterback.audit.models import Action, AuditEvent
from betterback.dialogue import services as dialogue
from betterback.front import services as front
from betterback.invitations import services as invitations
from betterback.patients.models import CareRelationship, Patient
from betterback.questionnaires import services
from betterback.questionnaires.definitions import instrument
from betterback.questionnaires.models import (
    DEFAULT_FOLLOW_UP,
    DEFAULT_FOLLOW_UP_WEEKS,
    DEFAULT_INTAKE,
    Notice,
    QuestionnaireSet,
    Response,
    SetKind,
    Source,
)
from betterback.questionnaires.services import InvalidAnswers
from betterback.safety import services as safety
from betterback.testing.clock import stop_the_clock
from betterback.testing.factories import letter_invitation

SOURCE = "test"
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock(monkeypatch):
    return stop_the_clock(monkeypatch, T0)


def accept_invitation(clinician_user, **invited) -> Patient:
    _, token = letter_invitation(clinician_user, **invited)
    user = invitations.accept(
        token=token, password="my back is getting better", language="da", source=SOURCE
    )
    return user.patient


def entries_of(qset) -> list[tuple[str, int, str]]:
    return [(r.entry, r.position, r.instrument_version) for r in qset.responses.all()]


def response_for(qset, entry: str) -> Response:
    instrument_id, variant = services.split_entry(entry)
    return qset.responses.get(instrument_id=instrument_id, variant=variant)


def ones(*yes: int, of: int) -> dict:
    return {str(n): int(n in yes) for n in range(1, of + 1)}


STARTBACK_HIGH = {str(n): code for n, code in enumerate([1, 0, 1, 0, 1, 1, 1, 0, 3], start=1)}
# A complete, valid answer to every entry of the default intake.
COMPLETE = {
    "nrs:back": {"1": 5},
    "nrs:leg": {"1": 2},
    "startback": STARTBACK_HIGH,
    "rmdq": ones(1, 2, 3, of=24),
    "pseq": {str(n): 3 for n in range(1, 11)},
    "redflags:intake": ones(of=19),
    "agenda": {"1": "Kan jeg løfte mit barnebarn?"},
}


@pytest.fixture
def intake(cast):
    """Peter's intake set with Lise, as the invitation would have sent it."""
    return services.send_intake(
        patient=cast.peter_patient, clinician=cast.lise.clinician, actor=cast.peter, source=SOURCE
    )


def answer(response, raw, *, actor, submit=False):
    return services.save_answers(
        response=response, raw=raw, actor=actor, source=SOURCE, submit=submit, wording="reference"
    )


# --- Sets ------------------------------------------------------------------------------------


def test_accepting_an_invitation_sends_one_intake_set_with_the_default_entries_in_order(cast):
    patient = accept_invitation(cast.lise)

    [qset] = QuestionnaireSet.objects.filter(patient=patient)
    assert (qset.kind, qset.clinician, qset.week) == (SetKind.INTAKE, cast.lise.clinician, None)
    assert qset.entries == DEFAULT_INTAKE
    assert entries_of(qset) == [
        (entry, position, instrument(services.split_entry(entry)[0]).version)
        for position, entry in enumerate(DEFAULT_INTAKE)
    ]
    assert not qset.responses.filter(submitted_at__isnull=False).exists()
    assert list(services.open_sets(patient)) == [qset]


def test_sending_the_intake_again_creates_nothing(cast):
    patient = accept_invitation(cast.lise)

    again = services.send_intake(
        patient=patient, clinician=cast.lise.clinician, actor=patient.user, source=SOURCE
    )

    assert again is None
    assert QuestionnaireSet.objects.filter(patient=patient).count() == 1
    assert Response.objects.filter(patient=patient).count() == len(DEFAULT_INTAKE)


SCHEDULED_INTAKES = {
    "the clinic's own entries, in its order": (["odi", "nrs:back"], ["odi", "nrs:back"]),
    "an unknown instrument is left out": (["agenda", "nosuch", "nrs:leg"], ["agenda", "nrs:leg"]),
}


@pytest.mark.parametrize(("intake", "expected"), SCHEDULED_INTAKES.values(), ids=SCHEDULED_INTAKES)
def test_the_clinics_schedule_decides_what_the_intake_holds(cast, intake, expected):
    services.save_schedule(
        clinic=cast.odense,
        intake=intake,
        follow_up=DEFAULT_FOLLOW_UP,
        weeks=DEFAULT_FOLLOW_UP_WEEKS,
        actor=cast.anne,
        source=SOURCE,
    )

    patient = accept_invitation(cast.lise)

    qset = QuestionnaireSet.objects.get(patient=patient)
    assert qset.entries == expected
    assert [r.entry for r in qset.responses.all()] == expected


def test_a_clinic_without_an_intake_sends_none(cast):
    services.save_schedule(
        clinic=cast.odense, intake=[], follow_up=[], weeks=[], actor=cast.anne, source=SOURCE
    )

    patient = accept_invitation(cast.lise)

    assert not QuestionnaireSet.objects.filter(patient=patient).exists()


def test_another_clinics_schedule_does_not_change_this_clinics_intake(cast):
    services.save_schedule(
        clinic=cast.vejle, intake=["odi"], follow_up=[], weeks=[], actor=cast.anne, source=SOURCE
    )

    patient = accept_invitation(cast.lise)

    assert QuestionnaireSet.objects.get(patient=patient).entries == DEFAULT_INTAKE


def test_the_first_session_schedules_follow_ups_at_weeks_4_12_and_26_from_its_start(cast):
    peter, lise = cast.peter_patient, cast.lise.clinician

    session = dialogue.open_session(patient=peter, clinician=lise, source=SOURCE)

    sets = QuestionnaireSet.objects.filter(patient=peter, kind=SetKind.FOLLOW_UP).order_by("week")
    assert [(s.week, s.available_from) for s in sets] == [
        (week, session.started_at + timedelta(weeks=week)) for week in (4, 12, 26)
    ]
    for qset in sets:
        assert qset.entries == DEFAULT_FOLLOW_UP
        assert [r.entry for r in qset.responses.all()] == DEFAULT_FOLLOW_UP
    assert list(services.open_sets(peter)) == []  # none is open yet


def test_a_second_session_adds_no_follow_ups_and_moves_none(cast):
    peter, lise = cast.peter_patient, cast.lise.clinician
    first = dialogue.open_session(patient=peter, clinician=lise, source=SOURCE)
    before = list(QuestionnaireSet.objects.values_list("pk", "week", "available_from"))
    dialogue.end_session(session=first, actor=cast.lise, source=SOURCE)

    second = dialogue.open_session(patient=peter, clinician=lise, source=SOURCE)

    assert second.pk != first.pk
    assert list(QuestionnaireSet.objects.values_list("pk", "week", "available_from")) == before


def test_the_follow_ups_follow_the_clinics_schedule(cast):
    services.save_schedule(
        clinic=cast.odense,
        intake=DEFAULT_INTAKE,
        follow_up=["rmdq", "nrs:back"],
        weeks=[6],
        actor=cast.anne,
        source=SOURCE,
    )

    session = dialogue.open_session(
        patient=cast.peter_patient, clinician=cast.lise.clinician, source=SOURCE
    )

    [qset] = QuestionnaireSet.objects.filter(patient=cast.peter_patient)
    assert (qset.week, qset.entries) == (6, ["rmdq", "nrs:back"])
    assert qset.available_from == session.started_at + timedelta(weeks=6)


# --- Answering -------------------------------------------------------------------------------


def test_a_partial_save_keeps_the_answers_and_does_not_submit(cast, intake):
    startback = response_for(intake, "startback")

    answer(startback, {"1": "1", "2": "0"}, actor=cast.peter)
    answer(startback, {"3": 1}, actor=cast.peter)

    startback.refresh_from_db()
    assert startback.answers == {"1": 1, "2": 0, "3": 1}
    assert startback.submitted_at is None and startback.total is None
    assert startback.wording == "reference"


def test_an_answer_left_empty_clears_the_earlier_one(cast, intake):
    startback = response_for(intake, "startback")
    answer(startback, {"1": "1", "2": "1"}, actor=cast.peter)

    answer(startback, {"1": ""}, actor=cast.peter)

    startback.refresh_from_db()
    assert startback.answers == {"2": 1}


def test_submitting_with_a_required_answer_missing_saves_the_rest_and_names_what_is_missing(
    cast, intake
):
    startback = response_for(intake, "startback")
    given = {k: v for k, v in STARTBACK_HIGH.items() if k not in {"4", "9"}}

    saved = answer(startback, given, actor=cast.peter, submit=True)

    assert saved.missing == {"4": "required", "9": "required"}
    startback.refresh_from_db()
    assert startback.answers == given
    assert startback.submitted_at is None and startback.total is None


def test_submitting_scores_the_answers(cast, intake):
    startback = response_for(intake, "startback")

    saved = answer(startback, STARTBACK_HIGH, actor=cast.peter, submit=True).response

    startback.refresh_from_db()
    for response in (saved, startback):
        assert (response.total, response.subscales, response.band) == (
            6,
            {"psychosocial": 4},
            "high",
        )
        assert response.submitted_by == cast.peter and response.submitted_at is not None


def test_submitting_the_last_response_completes_the_set(cast, clock, intake):
    for entry in DEFAULT_INTAKE:
        if entry != "startback":
            answer(response_for(intake, entry), COMPLETE[entry], actor=cast.peter, submit=True)
    intake.refresh_from_db()
    assert intake.completed_at is None
    clock.now = T0 + timedelta(hours=1)

    answer(response_for(intake, "startback"), STARTBACK_HIGH, actor=cast.peter, submit=True)

    intake.refresh_from_db()
    assert intake.completed_at == T0 + timedelta(hours=1)
    assert list(services.open_sets(cast.peter_patient)) == []


def test_a_second_submit_changes_nothing(cast, clock, intake):
    startback = response_for(intake, "startback")
    answer(startback, STARTBACK_HIGH, actor=cast.peter, submit=True)
    clock.now = T0 + timedelta(minutes=5)

    again = answer(startback, {**STARTBACK_HIGH, "9": "0"}, actor=cast.peter, submit=True).response

    startback.refresh_from_db()
    for response in (again, startback):
        assert response.submitted_at == T0
        assert response.answers == STARTBACK_HIGH
        assert response.total == 6


INVALID = {
    "a code the scale does not have": ("startback", {"1": "2"}, {"1": "invalid"}),
    "a code above the last option": ("startback", {"9": "5"}, {"9": "invalid"}),
    "a word instead of a code": ("startback", {"1": "yes"}, {"1": "invalid"}),
    "a pain above 10": ("nrs:back", {"1": "11"}, {"1": "invalid"}),
    "a pain below 0": ("nrs:back", {"1": "-1"}, {"1": "invalid"}),
    "a fraction": ("rmdq", {"3": "1.5"}, {"3": "invalid"}),
    "one bad answer among good ones": ("startback", {"1": "1", "2": "9"}, {"2": "invalid"}),
    "an agenda text over 1000 characters": ("agenda", {"1": "x" * 1001}, {"1": "too_long"}),
}


@pytest.mark.parametrize(("entry", "raw", "problems"), INVALID.values(), ids=INVALID)
@pytest.mark.parametrize("submit", [False, True], ids=["save", "submit"])
def test_an_invalid_answer_is_refused_and_nothing_is_stored(
    cast, intake, entry, raw, problems, submit
):
    response = response_for(intake, entry)

    with pytest.raises(InvalidAnswers) as raised:
        answer(response, raw, actor=cast.peter, submit=submit)

    assert raised.value.problems == problems
    response.refresh_from_db()
    assert response.answers == {} and response.submitted_at is None
    assert not AuditEvent.objects.filter(target=f"questionnaire:{response.instrument_id}").exists()


def test_an_agenda_text_of_1000_characters_is_kept_and_trimmed(cast, intake):
    agenda = response_for(intake, "agenda")
    text = "x" * 1000

    answer(agenda, {"1": f"  {text}  ", "2": "   "}, actor=cast.peter, submit=True)

    agenda.refresh_from_db()
    assert agenda.answers == {"1": text}
    assert agenda.submitted_at is not None


# Warning-sign item numbers (redflags.toml, version 2): 1 saddle (now), 5 both legs weaker (now),
# 7 one leg weaker (the same day), 9 fever, 12 cancer (within days), 18 over 50 (at follow-up).
RED_FLAG_LEVELS = {
    "saddle numbness: now": ((1,), 1),
    "one leg getting weaker: the same day": ((7,), 2),
    "a history of cancer: within days": ((12,), 3),
    "over 50 with new pain: at the next follow-up": ((18,), 4),
    "within days and at follow-up: the most urgent": ((12, 19), 3),
    "now, within days and at follow-up: the most urgent": ((5, 12, 18), 1),
    "cancer and one leg getting weaker combine to now": ((7, 12), 1),
    "all no": ((), None),
}


@pytest.mark.parametrize(("yes", "level"), RED_FLAG_LEVELS.values(), ids=RED_FLAG_LEVELS)
def test_a_warning_sign_screen_stores_its_most_urgent_level(cast, intake, yes, level):
    screen = response_for(intake, "redflags:intake")

    answer(screen, ones(*yes, of=19), actor=cast.peter, submit=True)

    screen.refresh_from_db()
    assert screen.flag_level == level
    assert screen.total is None and screen.band == ""


def test_the_level_is_stored_with_each_answer_before_the_screen_is_sent(cast, intake):
    screen = response_for(intake, "redflags:intake")

    answer(screen, {"1": 1}, actor=cast.peter)  # one answer, on its own screen

    screen.refresh_from_db()
    assert (screen.flag_level, screen.submitted_at) == (1, None)


def test_a_follow_up_screen_asks_only_what_is_new_and_remembers_the_history(cast, intake):
    answer(response_for(intake, "redflags:intake"), ones(12, of=19), actor=cast.peter, submit=True)
    [week_4, week_12, _] = services.schedule_follow_ups(
        patient=cast.peter_patient,
        clinician=cast.lise.clinician,
        start=T0,
        actor=cast.lise,
        source=SOURCE,
    )
    quiet, worse = (
        response_for(week_4, "redflags:follow_up"),
        response_for(week_12, "redflags:follow_up"),
    )

    answer(quiet, ones(of=19), actor=cast.peter, submit=True)
    answer(worse, ones(7, of=19), actor=cast.peter, submit=True)

    quiet.refresh_from_db(), worse.refresh_from_db()
    assert set(quiet.answers) == {item.key for item in instrument("redflags").asked("follow_up")}
    assert quiet.flag_level is None  # a cancer survivor with nothing new is not flagged
    assert worse.flag_level == 1  # cancer at intake + one leg getting weaker now: an emergency


def test_a_cancer_survivor_with_nothing_new_is_not_red_at_weeks_4_12_and_26(cast, intake):
    answer(response_for(intake, "redflags:intake"), ones(12, of=19), actor=cast.peter, submit=True)
    safety.acknowledge(
        alert=cast.peter_patient.alerts.get(), what_was_done="already_known", note="",
        actor=cast.lise, source=SOURCE,
    )  # fmt: skip
    follow_ups = services.schedule_follow_ups(
        patient=cast.peter_patient, clinician=cast.lise.clinician, start=T0, actor=cast.lise,
        source=SOURCE,
    )  # fmt: skip

    for qset in follow_ups:
        answer(response_for(qset, "redflags:follow_up"), ones(of=19), actor=cast.peter,
               submit=True)  # fmt: skip

    assert [qset.week for qset in follow_ups] == [4, 12, 26]
    assert all(response_for(q, "redflags:follow_up").flag_level is None for q in follow_ups)
    assert cast.peter_patient.alerts.filter(acknowledged_at__isnull=True).count() == 0
    [row] = front.follow_up_list(clinician=cast.lise.clinician, source=SOURCE)
    assert [r.code for r in row.reasons if r.code.startswith("red_flag")] == []


def test_a_screen_answered_with_version_1_keeps_version_1(cast, intake):
    screen = response_for(intake, "redflags:intake")
    Response.objects.filter(pk=screen.pk).update(instrument_version="1", variant="")
    screen.refresh_from_db()

    answer(screen, ones(5, of=13), actor=cast.peter, submit=True)  # version 1: cancer

    screen.refresh_from_db()
    assert (screen.instrument_version, screen.flag_level) == ("1", 3)
    assert screen.answers == ones(5, of=13)


# --- Paper forms -----------------------------------------------------------------------------


def enter_paper(cast, instrument_id, raw, *, key=None, variant=""):
    return services.enter_paper(
        patient=cast.peter_patient,
        definition=instrument(instrument_id),
        variant=variant,
        raw=raw,
        notes={},
        key=key or uuid.uuid4(),
        actor=cast.lise,
        source=SOURCE,
    )


def odi(*missing: int) -> dict:
    return {str(n): 2 for n in range(1, 11) if n not in missing}


def test_a_paper_form_submitted_twice_with_its_key_stores_one_response(cast):
    key = uuid.uuid4()

    first = enter_paper(cast, "odi", odi(8), key=key)
    second = enter_paper(cast, "odi", odi(8), key=key)

    assert first.pk == second.pk
    assert Response.objects.filter(patient=cast.peter_patient).count() == 1
    assert AuditEvent.objects.filter(target="questionnaire:odi").count() == 1
    stored = Response.objects.get(key=key)
    assert (stored.source, stored.wording, stored.submitted_by) == (
        Source.PAPER,
        "paper",
        cast.lise,
    )
    assert stored.questionnaire_set is None


PAPER_ODI = {
    "all ten sections": ((), 40.0, "moderate"),
    "one section missing: scored from the nine answered": ((8,), 40.0, "moderate"),
    "two sections missing: no score": ((8, 10), None, ""),
}


@pytest.mark.parametrize(("missing", "total", "band"), PAPER_ODI.values(), ids=PAPER_ODI)
def test_a_paper_form_may_leave_items_out_and_the_missing_item_rule_decides_the_score(
    cast, missing, total, band
):
    response = enter_paper(cast, "odi", odi(*missing))

    response.refresh_from_db()
    assert response.answers == {k: 2 for k in odi(*missing)}
    assert (response.total, response.band) == (total, band)
    assert response.submitted_at is not None


def test_an_empty_paper_form_is_refused(cast):
    with pytest.raises(InvalidAnswers) as raised:
        enter_paper(cast, "odi", {"1": "", "2": None})

    assert raised.value.problems == {"": "empty"}
    assert not Response.objects.exists()


def test_a_paper_form_with_an_invalid_code_is_refused(cast):
    with pytest.raises(InvalidAnswers) as raised:
        enter_paper(cast, "odi", {**odi(), "3": "6"})

    assert raised.value.problems == {"3": "invalid"}
    assert not Response.objects.exists()


# --- The audit trail -------------------------------------------------------------------------


def _first_response(cast, entry):
    qset = services.send_intake(
        patient=cast.peter_patient, clinician=cast.lise.clinician, actor=cast.peter, source=SOURCE
    )
    return response_for(qset, entry)


WRITES = {
    "sending the intake": (
        lambda cast: services.send_intake(
            patient=cast.peter_patient,
            clinician=cast.lise.clinician,
            actor=cast.peter,
            source=SOURCE,
        ),
        "peter",
        Action.CREATE,
        "qset:intake",
    ),
    "scheduling follow-ups": (
        lambda cast: services.schedule_follow_ups(
            patient=cast.peter_patient,
            clinician=cast.lise.clinician,
            start=T0,
            actor=cast.lise,
            source=SOURCE,
        ),
        "lise",
        Action.CREATE,
        "qset:follow_up",
    ),
    "saving answers": (
        lambda cast: answer(_first_response(cast, "startback"), {"1": 1}, actor=cast.peter),
        "peter",
        Action.UPDATE,
        "questionnaire:startback",
    ),
    "submitting answers": (
        lambda cast: answer(
            _first_response(cast, "nrs:back"), {"1": 4}, actor=cast.peter, submit=True
        ),
        "peter",
        Action.UPDATE,
        "questionnaire:nrs",
    ),
    "entering a paper form": (
        lambda cast: enter_paper(cast, "rmdq", ones(1, of=24)),
        "lise",
        Action.CREATE,
        "questionnaire:rmdq",
    ),
}


@pytest.mark.parametrize(("write", "actor", "action", "target"), WRITES.values(), ids=WRITES)
def test_every_write_records_an_audit_event_about_the_patient(cast, write, actor, action, target):
    write(cast)

    event = AuditEvent.objects.first()  # the latest
    assert (event.actor, event.action, event.patient, event.target, event.source) == (
        getattr(cast, actor),
        action,
        cast.peter_patient,
        target,
        SOURCE,
    )


def test_a_failed_submit_is_still_audited_as_a_save(cast, intake):
    saved = answer(response_for(intake, "startback"), {"1": 1}, actor=cast.peter, submit=True)

    assert saved.missing and not saved.response.is_submitted

    event = AuditEvent.objects.first()
    assert (event.patient, event.target, event.detail) == (
        cast.peter_patient,
        "questionnaire:startback",
        {"submitted": False},
    )


def test_reading_a_set_and_a_response_is_audited(cast, intake):
    services.read_set(qset=intake, actor=cast.lise, source=SOURCE)
    services.read_response(response=response_for(intake, "rmdq"), actor=cast.lise, source=SOURCE)

    events = AuditEvent.objects.filter(actor=cast.lise).order_by("id")
    assert [(e.action, e.patient, e.target) for e in events] == [
        (Action.READ, cast.peter_patient, "qset:intake"),
        (Action.READ, cast.peter_patient, "questionnaire:rmdq"),
    ]


# --- The follow-up list ----------------------------------------------------------------------


def lises_patient(cast, name: str, *, ended=False) -> Patient:
    patient = Patient.objects.create(
        full_name=name, email=f"{name.split()[0].lower()}@test.example"
    )
    CareRelationship.objects.create(
        patient=patient,
        clinician=cast.lise.clinician,
        clinic=cast.odense,
        ended_at=timezone.now() if ended else None,
    )
    return patient


def paper(cast, patient, entry, raw):
    instrument_id, variant = services.split_entry(entry)
    return services.enter_paper(
        patient=patient,
        definition=instrument(instrument_id),
        variant=variant,
        raw=raw,
        notes={},
        key=uuid.uuid4(),
        actor=cast.lise,
        source=SOURCE,
    )


@pytest.fixture
def lises_world(cast, intake):
    """Lise's patients, one for each colour and reason, and one whose care has ended."""
    # Peter: a warning sign for now, not acknowledged yet.
    answer(response_for(intake, "redflags:intake"), ones(1, of=19), actor=cast.peter, submit=True)
    # Ida: back pain from 3 to 6, worse beyond the minimal important change.
    ida = lises_patient(cast, "Ida Worse")
    paper(cast, ida, "nrs:back", {"1": 3})
    paper(cast, ida, "nrs:back", {"1": 6})
    # Bo: a high STarT Back risk and no session yet.
    paper(cast, lises_patient(cast, "Bo Risk"), "startback", STARTBACK_HIGH)
    # Ole: reminded 8 days ago about a follow-up set, still unanswered.
    ole = lises_patient(cast, "Ole Waiting")
    [week_4, *_] = services.schedule_follow_ups(
        patient=ole,
        clinician=cast.lise.clinician,
        start=timezone.now() - timedelta(weeks=6),
        actor=cast.lise,
        source=SOURCE,
    )
    Notice.objects.create(
        questionnaire_set=week_4,
        kind=Notice.Kind.REMINDER,
        sent_at=timezone.now() - timedelta(days=8),
    )
    # Carl: a warning sign Lise has acknowledged, and a high risk after a session.
    carl = lises_patient(cast, "Carl Seen")
    paper(cast, carl, "redflags:intake", ones(3, of=19))
    safety.acknowledge(
        alert=carl.alerts.get(), what_was_done="called_patient", note="", actor=cast.lise,
        source=SOURCE,
    )  # fmt: skip
    paper(cast, carl, "startback", STARTBACK_HIGH)
    dialogue.open_session(patient=carl, clinician=cast.lise.clinician, source=SOURCE)
    # Nora: nothing to see. Eva: worse, but no longer in Lise's care.
    lises_patient(cast, "Nora Fine")
    eva = lises_patient(cast, "Eva Ended", ended=True)
    paper(cast, eva, "nrs:back", {"1": 2})
    paper(cast, eva, "nrs:back", {"1": 9})
    # Maja is Karim's: her worsening is his to see.
    paper(cast, cast.maja_patient, "nrs:back", {"1": 2})
    paper(cast, cast.maja_patient, "nrs:back", {"1": 8})


def listed(clinician_user):
    with translation.override("en"):
        rows = front.follow_up_list(clinician=clinician_user.clinician, source=SOURCE)
        return [
            (
                row.relationship.patient.full_name,
                row.colour,
                [(reason.code, reason.detail) for reason in row.reasons],
            )
            for row in rows
        ]


def test_the_follow_up_list_shows_red_then_yellow_then_green_with_reasons(cast, lises_world):
    assert listed(cast.lise) == [
        ("Peter Jensen", "red", [("red_flag", "Reduced sensation in the saddle area")]),
        ("Bo Risk", "yellow", [("high_risk_no_session", "")]),
        ("Ida Worse", "yellow", [("worse", "Back pain")]),
        ("Ole Waiting", "yellow", [("no_answer", "")]),
        ("Carl Seen", "green", []),
        ("Nora Fine", "green", []),
    ]


def test_the_follow_up_list_is_per_clinician(cast, lises_world):
    assert listed(cast.karim) == [("Maja Sørensen", "yellow", [("worse", "Back pain")])]
    assert listed(cast.olav) == []


def test_the_follow_up_list_records_that_the_clinician_saw_each_patient(cast, lises_world):
    listed(cast.lise)

    seen = AuditEvent.objects.filter(action=Action.LIST, target="follow_up_list", actor=cast.lise)
    assert sorted(e.patient.full_name for e in seen) == [
        "Bo Risk",
        "Carl Seen",
        "Ida Worse",
        "Nora Fine",
        "Ole Waiting",
        "Peter Jensen",
    ]


def test_an_acknowledged_sign_for_now_turns_the_patient_green(cast, lises_world):
    safety.acknowledge(
        alert=cast.peter_patient.alerts.get(),
        what_was_done="referred_acutely",
        note="",
        actor=cast.lise,
        source=SOURCE,
    )

    assert ("Peter Jensen", "green", []) in listed(cast.lise)


def test_a_patient_who_stopped_half_way_after_an_urgent_answer_is_red_with_the_reason(
    cast, lises_world
):
    nina = accept_invitation(cast.lise, name="Nina Half", email="nina@test.example")
    [qset] = QuestionnaireSet.objects.filter(patient=nina)
    answer(response_for(qset, "redflags:intake"), {"4": 1}, actor=nina.user)  # and stops

    assert ("Nina Half", "red", [("red_flag", "Pain, tingling or numbness in both legs")]) in (
        listed(cast.lise)
    )
