"""Self-management writes: each entry stored once, with the time the patient made it, checked,
and audited on the patient."""

import uuid
from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.utils import timezone

from betterback.audit.models import Action, AuditEvent
from betterback.audit.targets import Target
from betterback.plan import services as plan_services
from betterback.selfcare import services
from betterback.selfcare.models import (
    CheckIn,
    Flare,
    FlareNote,
    GoalReview,
    ReminderChoice,
)
from betterback.selfcare.services import Invalid

SOURCE = "test"
ACTIONS = ["act1", "act2"]
GOOD = {
    "actions": {"act1": {"status": "done", "amount": 16}, "act2": {"status": "partly"}},
    "confidence": 7,
    "pain": 3,
    "sleep": 4,
    "mood": 2,
    "note": "  A good walk.  ",
}


def check_in(cast, *, key=None, made_at=None, data=None, patient=None, offline=False):
    patient = patient or cast.peter_patient
    return services.record_check_in(
        patient=patient,
        key=key or uuid.uuid4(),
        made_at=made_at,
        data=GOOD if data is None else data,
        action_keys=ACTIONS,
        actor=patient.user,
        source=SOURCE,
        offline=offline,
    )


def note(cast, *, key=None, made_at=None, tried="A short walk", helped="yes", patient=None):
    patient = patient or cast.peter_patient
    return services.add_flare_note(
        patient=patient,
        key=key or uuid.uuid4(),
        made_at=made_at,
        tried=tried,
        helped=helped,
        actor=patient.user,
        source=SOURCE,
    )


def events(target):
    return list(AuditEvent.objects.filter(target=target).order_by("id"))


# Check-ins


def test_a_check_in_is_stored_with_the_time_the_patient_made_it(cast):
    made_at = timezone.now() - timedelta(days=3, hours=2)
    before = timezone.now()

    stored, new = check_in(cast, made_at=made_at)

    assert new is True
    stored.refresh_from_db()
    assert stored.patient == cast.peter_patient
    assert stored.made_at == made_at
    assert before <= stored.received_at <= timezone.now()
    assert stored.actions == {
        "act1": {"status": "done", "amount": 16},
        "act2": {"status": "partly", "amount": None},
    }
    assert (stored.confidence, stored.pain, stored.sleep, stored.mood) == (7, 3, 4, 2)
    assert stored.note == "A good walk."
    assert stored.offline is False


def test_a_check_in_without_a_time_is_made_now(cast):
    before = timezone.now()

    stored, _ = check_in(cast)

    assert before <= stored.made_at <= timezone.now()


def test_a_device_clock_a_little_ahead_is_taken_as_now(cast):
    stored, _ = check_in(cast, made_at=timezone.now() + timedelta(minutes=9))

    assert stored.made_at <= timezone.now()


def test_only_the_plans_actions_are_kept_and_an_amount_alone_counts_as_done(cast):
    data = {
        "actions": {
            "act1": {"amount": "12"},
            "act2": {},
            "not-in-plan": {"status": "done", "amount": 3},
        },
        "confidence": "0",
    }

    stored, _ = check_in(cast, data=data)

    stored.refresh_from_db()
    assert stored.actions == {"act1": {"status": "done", "amount": 12}}
    assert (stored.confidence, stored.pain, stored.sleep, stored.mood) == (0, None, None, None)


def test_the_same_key_twice_is_stored_once(cast):
    key = uuid.uuid4()

    first, first_new = check_in(cast, key=key)
    again, again_new = check_in(cast, key=key, data={**GOOD, "confidence": 1})

    assert (first_new, again_new) == (True, False)
    assert again.pk == first.pk
    assert again.confidence == 7
    assert CheckIn.objects.count() == 1
    assert len(events("check_in")) == 1


def test_another_patients_key_is_refused(cast):
    key = uuid.uuid4()
    check_in(cast, key=key)

    with pytest.raises(Invalid) as error:
        check_in(cast, key=key, patient=cast.maja_patient)

    assert error.value.problems == {"key": "taken"}
    assert CheckIn.objects.get().patient == cast.peter_patient


@pytest.mark.parametrize(
    ("change", "problems"),
    [
        ({"confidence": None}, {"confidence": "required"}),
        ({"confidence": ""}, {"confidence": "required"}),
        ({"confidence": 11}, {"confidence": "invalid"}),
        ({"confidence": -1}, {"confidence": "invalid"}),
        ({"confidence": "very"}, {"confidence": "invalid"}),
        ({"pain": 11}, {"pain": "invalid"}),
        ({"pain": "x"}, {"pain": "invalid"}),
        ({"sleep": 0}, {"sleep": "invalid"}),
        ({"sleep": 6}, {"sleep": "invalid"}),
        ({"mood": 0}, {"mood": "invalid"}),
        ({"mood": 6}, {"mood": "invalid"}),
        ({"note": "x" * 1001}, {"note": "too_long"}),
        ({"actions": {"act1": {"status": "maybe"}}}, {"action-act1": "invalid"}),
        ({"actions": {"act2": {"amount": 1001}}}, {"amount-act2": "invalid"}),
        (
            {"confidence": 12, "pain": -2, "sleep": 9, "mood": "?", "note": "y" * 2000},
            {
                "confidence": "invalid",
                "pain": "invalid",
                "sleep": "invalid",
                "mood": "invalid",
                "note": "too_long",
            },
        ),
    ],
)
def test_an_invalid_check_in_is_refused_with_the_field_names(cast, change, problems):
    with pytest.raises(Invalid) as error:
        check_in(cast, data={**GOOD, **change})

    assert error.value.problems == problems
    assert not CheckIn.objects.exists()
    assert events("check_in") == []


def test_a_note_of_1000_characters_is_kept(cast):
    stored, _ = check_in(cast, data={**GOOD, "note": "x" * 1000})

    assert len(stored.note) == 1000


@pytest.mark.parametrize(
    ("made_at", "problem"),
    [
        (lambda now: now + timedelta(minutes=11), "out_of_range"),
        (lambda now: now + timedelta(days=1), "out_of_range"),
        (lambda now: now - timedelta(days=60, minutes=1), "out_of_range"),
        (lambda now: now - timedelta(days=400), "out_of_range"),
        (lambda now: now.replace(tzinfo=None), "naive"),
    ],
    ids=["11-minutes-ahead", "a-day-ahead", "over-60-days-old", "a-year-old", "naive"],
)
def test_an_impossible_time_is_refused(cast, made_at, problem):
    with pytest.raises(Invalid) as error:
        check_in(cast, made_at=made_at(timezone.now()))

    assert error.value.problems == {"made_at": problem}
    assert not CheckIn.objects.exists()


def test_a_check_in_59_days_old_is_stored(cast):
    made_at = timezone.now() - timedelta(days=59)

    stored, _ = check_in(cast, made_at=made_at)

    assert stored.made_at == made_at


# Goal reviews


def test_goal_reviews_are_stored_for_the_monday_of_the_week(cast):
    wednesday = date(2026, 3, 18)

    services.review_goals(
        patient=cast.peter_patient,
        week=wednesday,
        reviews={"goal1": (1, "Went well"), "goal2": (-2, "")},
        actor=cast.peter,
        source=SOURCE,
    )

    assert [(r.goal_key, r.week, r.attainment, r.note) for r in GoalReview.objects.all()] == [
        ("goal1", date(2026, 3, 16), 1, "Went well"),
        ("goal2", date(2026, 3, 16), -2, ""),
    ]


def test_a_second_review_in_the_same_week_replaces_the_first(cast):
    def review(day, attainment):
        services.review_goals(
            patient=cast.peter_patient,
            week=day,
            reviews={"goal1": (attainment, "")},
            actor=cast.peter,
            source=SOURCE,
        )

    review(date(2026, 3, 16), -1)
    review(date(2026, 3, 22), 2)  # the Sunday of the same week
    review(date(2026, 3, 23), 0)  # the next week

    assert [(r.week, r.attainment) for r in GoalReview.objects.all()] == [
        (date(2026, 3, 16), 2),
        (date(2026, 3, 23), 0),
    ]


@pytest.mark.parametrize("attainment", [3, -3, None, "1"])
def test_an_attainment_outside_minus_two_to_two_is_refused(cast, attainment):
    with pytest.raises(Invalid) as error:
        services.review_goals(
            patient=cast.peter_patient,
            week=date(2026, 3, 16),
            reviews={"goal1": (1, ""), "goal2": (attainment, "")},
            actor=cast.peter,
            source=SOURCE,
        )

    assert error.value.problems == {"goal-goal2": "invalid"}
    assert not GoalReview.objects.exists()


def test_a_long_review_note_is_cut_to_300_characters(cast):
    services.review_goals(
        patient=cast.peter_patient,
        week=date(2026, 3, 16),
        reviews={"goal1": (0, "n" * 400)},
        actor=cast.peter,
        source=SOURCE,
    )

    assert len(GoalReview.objects.get().note) == 300


# Flare-ups


def test_starting_a_flare_twice_gives_the_same_open_flare(cast):
    started_at = timezone.now() - timedelta(hours=5)

    first = services.start_flare(
        patient=cast.peter_patient, actor=cast.peter, source=SOURCE, started_at=started_at
    )
    again = services.start_flare(patient=cast.peter_patient, actor=cast.peter, source=SOURCE)

    assert again.pk == first.pk
    assert first.started_at == started_at
    assert first.is_open
    assert Flare.objects.count() == 1
    assert services.open_flare(cast.peter_patient) == first
    assert services.open_flare(cast.maja_patient) is None
    assert len(events("flare")) == 1


def test_ending_a_flare(cast):
    flare = services.start_flare(patient=cast.peter_patient, actor=cast.peter, source=SOURCE)

    services.end_flare(flare=flare, actor=cast.peter, source=SOURCE)
    services.end_flare(flare=flare, actor=cast.peter, source=SOURCE)  # a second tap: no change

    flare.refresh_from_db()
    assert flare.ended_at is not None
    assert not flare.is_open
    assert services.open_flare(cast.peter_patient) is None
    assert [e.detail for e in events("flare")] == [{}, {"ended": True}]


def test_after_a_flare_has_ended_a_new_one_can_start(cast):
    first = services.start_flare(patient=cast.peter_patient, actor=cast.peter, source=SOURCE)
    services.end_flare(flare=first, actor=cast.peter, source=SOURCE)

    second = services.start_flare(patient=cast.peter_patient, actor=cast.peter, source=SOURCE)

    assert second.pk != first.pk
    assert second.is_open


def test_a_note_without_an_open_flare_starts_one_at_the_notes_time(cast):
    made_at = timezone.now() - timedelta(days=2)

    stored, new = note(cast, made_at=made_at, tried="  Heat pad  ", helped="some")

    assert new is True
    flare = Flare.objects.get()
    assert flare.started_at == made_at
    assert flare.is_open
    assert (stored.flare, stored.made_at, stored.tried, stored.helped) == (
        flare,
        made_at,
        "Heat pad",
        "some",
    )
    assert [e.target for e in AuditEvent.objects.filter(source=SOURCE).order_by("id")] == [
        "flare",
        "flare_note",
    ]


def test_a_note_goes_with_the_open_flare(cast):
    flare = services.start_flare(patient=cast.peter_patient, actor=cast.peter, source=SOURCE)

    first, _ = note(cast)
    second, _ = note(cast, tried="Breathing", helped="")

    assert Flare.objects.count() == 1
    assert list(flare.notes.all()) == [first, second]


def test_the_same_note_twice_is_stored_once(cast):
    key = uuid.uuid4()

    first, first_new = note(cast, key=key)
    again, again_new = note(cast, key=key, tried="Something else")

    assert (first_new, again_new) == (True, False)
    assert again.pk == first.pk
    assert FlareNote.objects.get().tried == "A short walk"
    assert len(events("flare_note")) == 1


def test_another_patients_note_key_is_refused(cast):
    key = uuid.uuid4()
    note(cast, key=key)

    with pytest.raises(Invalid) as error:
        note(cast, key=key, patient=cast.maja_patient)

    assert error.value.problems == {"key": "taken"}
    assert not Flare.objects.filter(patient=cast.maja_patient).exists()


@pytest.mark.parametrize(
    ("tried", "helped", "problems"),
    [
        ("", "", {"tried": "required"}),
        ("   ", "yes", {"tried": "required"}),
        ("t" * 301, "", {"tried": "too_long"}),
        ("A walk", "maybe", {"helped": "invalid"}),
        ("", "maybe", {"tried": "required", "helped": "invalid"}),
    ],
)
def test_an_invalid_note_is_refused_and_starts_no_flare(cast, tried, helped, problems):
    with pytest.raises(Invalid) as error:
        note(cast, tried=tried, helped=helped)

    assert error.value.problems == problems
    assert not Flare.objects.exists()
    assert not FlareNote.objects.exists()


# Reminders


def test_save_reminders(cast):
    def save(weekdays, at, by_email):
        return services.save_reminders(
            patient=cast.peter_patient,
            weekdays=weekdays,
            time=at,
            by_email=by_email,
            actor=cast.peter,
            source=SOURCE,
        )

    save([3, 0, 3], time(19, 0), True)
    choice = ReminderChoice.objects.get(patient=cast.peter_patient)
    assert (choice.weekdays, choice.time, choice.by_email) == ([0, 3], time(19, 0), True)

    save([], None, False)
    choice = ReminderChoice.objects.get(patient=cast.peter_patient)
    assert (choice.weekdays, choice.time, choice.by_email) == ([], None, False)


def test_every_write_is_audited_on_the_patient(cast):
    peter, user = cast.peter_patient, cast.peter
    check_in(cast)
    services.review_goals(
        patient=peter, week=date(2026, 3, 16), reviews={"g": (0, "")}, actor=user, source=SOURCE
    )
    flare = services.start_flare(patient=peter, actor=user, source=SOURCE)
    note(cast)
    services.end_flare(flare=flare, actor=user, source=SOURCE)
    plan_services.save_grading(
        patient=peter,
        action_key="act1",
        unit="minutes",
        baseline=10,
        starts_on=date(2026, 3, 16),
        steps=[],
        actor=cast.lise,
        source=SOURCE,
    )
    services.save_reminders(
        patient=peter, weekdays=[1], time=time(8, 0), by_email=True, actor=user, source=SOURCE
    )

    written = AuditEvent.objects.filter(source=SOURCE).order_by("id")
    assert [(e.target, e.action, e.patient, e.actor) for e in written] == [
        ("check_in", Action.CREATE, peter, user),
        ("goal_review", Action.UPDATE, peter, user),
        ("flare", Action.CREATE, peter, user),
        ("flare_note", Action.CREATE, peter, user),
        ("flare", Action.UPDATE, peter, user),
        ("graded_activity", Action.UPDATE, peter, cast.lise),
        ("reminders", Action.UPDATE, peter, user),
    ]


def test_opening_a_page_reads_the_plan_and_records_the_read(cast):
    plan = services.open_page(
        patient=cast.peter_patient,
        kind=Target.PROGRESS,
        actor=cast.lise,
        source=SOURCE,
        today=date(2026, 3, 18),
    )

    assert plan.actions == []
    [event] = events("progress")
    assert (event.action, event.patient, event.actor) == (
        Action.READ,
        cast.peter_patient,
        cast.lise,
    )


# Sync of entries kept offline


def entry(kind="check_in", key=None, made_at=None, data=None):
    return {
        "kind": kind,
        "key": str(key or uuid.uuid4()),
        "made_at": (made_at or timezone.now() - timedelta(hours=3)).isoformat(),
        "data": (GOOD if kind == "check_in" else {"tried": "Short walks", "helped": "yes"})
        if data is None
        else data,
    }


def sync(cast, entries, patient=None):
    patient = patient or cast.peter_patient
    return services.sync(
        patient=patient, entries=entries, action_keys=ACTIONS, actor=patient.user, source=SOURCE
    )


def test_sync_stores_each_entry_once_and_refuses_the_bad_ones(cast):
    made_at = timezone.now() - timedelta(days=1, hours=4)
    kept = entry(made_at=made_at)
    entries = [
        kept,
        entry(data={**GOOD, "confidence": 42}),
        entry("flare_note", made_at=made_at),
        dict(kept),  # sent twice in one batch
        entry("mood_diary"),
        {**entry(), "key": "not-a-uuid"},
        {**entry(), "made_at": "yesterday"},
        {**entry(), "made_at": None},
        {**entry(), "made_at": "2026-03-16T10:00:00"},  # no offset
        entry(made_at=timezone.now() - timedelta(days=90)),
        {**entry(), "data": ["not", "a", "dict"]},
        entry(),
    ]

    results = sync(cast, entries)

    assert [(r.key, r.status, r.problems) for r in results] == [
        (entries[0]["key"], "stored", None),
        (entries[1]["key"], "refused", {"confidence": "invalid"}),
        (entries[2]["key"], "stored", None),
        (entries[0]["key"], "already_stored", None),
        (entries[4]["key"], "refused", {"kind": "unknown"}),
        ("not-a-uuid", "refused", {"entry": "invalid"}),
        (entries[6]["key"], "refused", {"entry": "invalid"}),
        (entries[7]["key"], "refused", {"entry": "invalid"}),
        (entries[8]["key"], "refused", {"made_at": "naive"}),
        (entries[9]["key"], "refused", {"made_at": "out_of_range"}),
        (entries[10]["key"], "refused", {"data": "invalid"}),
        (entries[11]["key"], "stored", None),
    ]
    stored = CheckIn.objects.get(key=kept["key"])
    assert stored.made_at == made_at
    assert stored.offline is True
    assert CheckIn.objects.count() == 2
    flare_note = FlareNote.objects.get(key=entries[2]["key"])
    assert (flare_note.made_at, flare_note.tried, flare_note.offline) == (
        made_at,
        "Short walks",
        True,
    )
    assert flare_note.flare.started_at == made_at
    assert [e.detail for e in events("check_in")] == [{"offline": True}] * 2


def test_sync_again_changes_nothing(cast):
    entries = [entry(), entry("flare_note")]
    sync(cast, entries)
    before = AuditEvent.objects.count()

    results = sync(cast, entries)

    assert [r.status for r in results] == ["already_stored", "already_stored"]
    assert CheckIn.objects.count() == FlareNote.objects.count() == 1
    assert AuditEvent.objects.count() == before


def test_sync_refuses_another_patients_key(cast):
    taken = entry()
    sync(cast, [taken])

    [result] = sync(cast, [taken], patient=cast.maja_patient)

    assert (result.status, result.problems) == ("refused", {"key": "taken"})
    assert not CheckIn.objects.filter(patient=cast.maja_patient).exists()


def test_sync_accepts_utc_times_written_with_z(cast):
    made_at = (timezone.now() - timedelta(hours=1)).astimezone(UTC).replace(microsecond=0)
    raw = {**entry(), "made_at": made_at.strftime("%Y-%m-%dT%H:%M:%SZ")}

    [result] = sync(cast, [raw])

    assert result.status == "stored"
    assert CheckIn.objects.get().made_at == made_at


@pytest.mark.parametrize(
    "bad",
    [
        "a string",
        None,
        ["a", "list"],
        {"kind": "check_in", "key": str(uuid.uuid4())},  # no time, no data
        {"kind": "check_in", "key": str(uuid.uuid4()), "data": {"actions": ["act1"]}},
        {"kind": "check_in", "key": str(uuid.uuid4()), "data": {"actions": {"act1": "done"}}},
        {"kind": "flare_note", "key": str(uuid.uuid4()), "data": "tried"},
    ],
)
def test_a_malformed_entry_is_refused_without_stopping_the_others(cast, bad):
    if isinstance(bad, dict) and "data" in bad:
        bad = {**bad, "made_at": timezone.now().isoformat()}
    good = entry()

    results = sync(cast, [bad, good])

    assert [r.status for r in results] == ["refused", "stored"]
    assert results[1].key == good["key"]
    assert CheckIn.objects.get().key == uuid.UUID(good["key"])


def test_sync_handles_at_most_100_entries(cast):
    entries = [entry() for _ in range(101)]

    results = sync(cast, entries)

    assert len(results) == 100
    assert {r.status for r in results} == {"stored"}
    assert CheckIn.objects.count() == 100
    assert not CheckIn.objects.filter(key=entries[100]["key"]).exists()


def test_the_monday_of_a_week():
    assert services.monday(date(2026, 3, 16)) == date(2026, 3, 16)
    assert services.monday(date(2026, 3, 22)) == date(2026, 3, 16)
    assert services.monday(datetime(2026, 3, 23).date()) == date(2026, 3, 23)
