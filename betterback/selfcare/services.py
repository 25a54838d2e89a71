"""Self-management writes and reads. Every call records its audit event.

Entries the patient makes (check-ins, flare-up notes) carry a key made on the device and the time
the patient made them. Storing an entry whose key is already stored changes nothing, so a resend
after a lost connection, a double tap or a retried sync stores it once.
"""

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from betterback.audit import events
from betterback.audit.targets import Target
from betterback.core.once import create_once
from betterback.plan import reader
from betterback.selfcare.models import (
    CheckIn,
    Flare,
    FlareNote,
    GoalReview,
    ReminderChoice,
    Status,
)

# A device clock may be a little ahead; anything further ahead, or older than this, is refused.
CLOCK_SLACK = timedelta(minutes=10)
OLDEST = timedelta(days=60)


class Invalid(ValueError):
    """An entry that cannot be stored. ``problems`` maps field names to error codes."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(problems)
        self.problems = problems


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _when(made_at: datetime | None) -> datetime:
    now = timezone.now()
    if made_at is None:
        return now
    if timezone.is_naive(made_at):
        raise Invalid({"made_at": "naive"})
    if made_at > now + CLOCK_SLACK or made_at < now - OLDEST:
        raise Invalid({"made_at": "out_of_range"})
    return min(made_at, now)


def _scale(value, low: int, high: int, name: str, problems: dict, required=False):
    if value in (None, ""):
        if required:
            problems[name] = "required"
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        problems[name] = "invalid"
        return None
    if not low <= number <= high:
        problems[name] = "invalid"
        return None
    return number


def clean_check_in(data: dict, action_keys: list[str]) -> dict:
    """The fields of a check-in, checked. Raises Invalid."""
    problems: dict[str, str] = {}
    actions = {}
    given = data.get("actions") or {}
    if not isinstance(given, dict):  # sent from a device: anything may come
        problems["actions"] = "invalid"
        given = {}
    for key in action_keys:
        raw = given.get(key) or {}
        if not isinstance(raw, dict):
            problems[f"action-{key}"] = "invalid"
            continue
        status = raw.get("status") or ""
        if status and status not in Status.values:
            problems[f"action-{key}"] = "invalid"
            continue
        amount = _scale(raw.get("amount"), 0, 1000, f"amount-{key}", problems)
        if status or amount is not None:
            actions[key] = {"status": status or Status.DONE, "amount": amount}
    fields = {
        "actions": actions,
        "confidence": _scale(data.get("confidence"), 0, 10, "confidence", problems, True),
        "pain": _scale(data.get("pain"), 0, 10, "pain", problems),
        "sleep": _scale(data.get("sleep"), 1, 5, "sleep", problems),
        "mood": _scale(data.get("mood"), 1, 5, "mood", problems),
        "note": str(data.get("note") or "").strip(),
    }
    if len(fields["note"]) > 1000:
        problems["note"] = "too_long"
    if problems:
        raise Invalid(problems)
    return fields


def record_check_in(
    *, patient, key: uuid.UUID, made_at, data: dict, action_keys, actor, source, offline=False
) -> tuple[CheckIn, bool]:
    """Store a check-in once. Returns it and whether it was new."""
    existing = CheckIn.objects.filter(key=key).first()
    if existing:
        if existing.patient_id != patient.pk:
            raise Invalid({"key": "taken"})
        return existing, False
    fields = clean_check_in(data, action_keys)
    # The same key, sent twice at the same moment, is stored once.
    check_in, created = create_once(
        CheckIn, {"key": key, "patient": patient}, made_at=_when(made_at), offline=offline, **fields
    )
    if not created:
        return check_in, False
    events.check_in_recorded(check_in=check_in, actor=actor, source=source)
    return check_in, True


def review_goals(*, patient, week: date, reviews: dict[str, tuple[int, str]], actor, source):
    """This week's review of each goal (-2 to +2). A second review in the same week replaces it."""
    problems = {}
    for goal_key, (attainment, _note) in reviews.items():
        if attainment not in (-2, -1, 0, 1, 2):
            problems[f"goal-{goal_key}"] = "invalid"
    if problems:
        raise Invalid(problems)
    with transaction.atomic():
        for goal_key, (attainment, note) in reviews.items():
            GoalReview.objects.update_or_create(
                patient=patient,
                goal_key=goal_key,
                week=monday(week),
                defaults={
                    "attainment": attainment,
                    "note": note[:300],
                    "made_at": timezone.now(),
                },
            )
    events.goals_reviewed(patient=patient, actor=actor, source=source)


def open_flare(patient) -> Flare | None:
    return Flare.objects.filter(patient=patient, ended_at__isnull=True).first()


def start_flare(*, patient, actor, source, started_at=None) -> Flare:
    """Log the start of a flare-up; if one is already open, that one goes on."""
    with transaction.atomic():
        flare = open_flare(patient)
        if flare:
            return flare
        flare = Flare.objects.create(patient=patient, started_at=_when(started_at))
    events.flare_started(flare=flare, actor=actor, source=source)
    return flare


def end_flare(*, flare: Flare, actor, source) -> None:
    updated = Flare.objects.filter(pk=flare.pk, ended_at__isnull=True).update(
        ended_at=timezone.now()
    )
    if updated:
        events.flare_ended(flare=flare, actor=actor, source=source)


def add_flare_note(
    *, patient, key, made_at, tried: str, helped: str, actor, source, offline=False
) -> tuple[FlareNote, bool]:
    """A note of what the patient tried during a flare-up. Without an open flare-up (made
    offline, say), the note starts one at the note's own time."""
    existing = FlareNote.objects.filter(key=key).select_related("flare").first()
    if existing:
        if existing.flare.patient_id != patient.pk:
            raise Invalid({"key": "taken"})
        return existing, False
    tried = (tried or "").strip()
    problems = {}
    if not tried:
        problems["tried"] = "required"
    elif len(tried) > 300:
        problems["tried"] = "too_long"
    if helped not in ("", "yes", "some", "no"):
        problems["helped"] = "invalid"
    if problems:
        raise Invalid(problems)
    made = _when(made_at)
    flare = open_flare(patient) or start_flare(
        patient=patient, actor=actor, source=source, started_at=made
    )
    note, created = create_once(
        FlareNote, {"key": key}, flare=flare, made_at=made, tried=tried, helped=helped,
        offline=offline,
    )  # fmt: skip
    if not created:
        return note, False
    events.flare_note_added(note=note, patient=patient, actor=actor, source=source)
    return note, True


def read_reminders(*, patient, actor, source: str) -> ReminderChoice | None:
    """The patient's own reminder choice, for the page that changes it."""
    events.self_management_read(patient=patient, kind=Target.REMINDERS, actor=actor, source=source)
    return ReminderChoice.objects.filter(patient=patient).first()


def save_reminders(*, patient, weekdays, time, by_email, actor, source) -> ReminderChoice:
    choice, _ = ReminderChoice.objects.update_or_create(
        patient=patient,
        defaults={
            "weekdays": sorted(set(weekdays)),
            "time": time,
            "by_email": by_email,
            "changed_at": timezone.now(),
        },
    )
    events.reminders_chosen(patient=patient, actor=actor, source=source)
    return choice


@dataclass
class SyncResult:
    key: str
    status: str  # "stored", "already_stored" or "refused"
    problems: dict | None = None


def sync(*, patient, entries: list[dict], action_keys, actor, source) -> list[SyncResult]:
    """Store what a device kept while offline. Each entry: {"kind": "check_in" | "flare_note",
    "key": uuid, "made_at": ISO 8601 with offset, "data": {...}}. Safe to send again."""
    results = []
    for entry in entries[:100]:
        if not isinstance(entry, dict):
            results.append(SyncResult("", "refused", {"entry": "invalid"}))
            continue
        key = str(entry.get("key", ""))
        try:
            parsed_key = uuid.UUID(key)
            made_at = datetime.fromisoformat(str(entry.get("made_at")))
            data = entry.get("data") or {}
            if not isinstance(data, dict):
                raise Invalid({"data": "invalid"})
            if entry.get("kind") == "check_in":
                _, new = record_check_in(
                    patient=patient,
                    key=parsed_key,
                    made_at=made_at,
                    data=data,
                    action_keys=action_keys,
                    actor=actor,
                    source=source,
                    offline=True,
                )
            elif entry.get("kind") == "flare_note":
                _, new = add_flare_note(
                    patient=patient,
                    key=parsed_key,
                    made_at=made_at,
                    tried=str(data.get("tried", "")),
                    helped=str(data.get("helped", "")),
                    actor=actor,
                    source=source,
                    offline=True,
                )
            else:
                raise Invalid({"kind": "unknown"})
        except Invalid as error:
            results.append(SyncResult(key, "refused", error.problems))
        except (TypeError, ValueError):
            results.append(SyncResult(key, "refused", {"entry": "invalid"}))
        else:
            results.append(SyncResult(key, "stored" if new else "already_stored"))
    return results


def open_page(*, patient, kind: Target, actor, source: str, today: date) -> reader.Plan:
    """The plan as a self-management page shows it, with the page's read recorded (``kind``: the
    check-in's plan, the goal review, the flare-up page, progress or the graded steps)."""
    events.self_management_read(patient=patient, kind=kind, actor=actor, source=source)
    return reader.read(patient, today)


def since_last_session(patient) -> dict:
    """For the evaluation material: flare-ups and check-ins since the last ended dialogue session
    (the material's page records the read)."""
    from betterback.dialogue.services import last_ended

    session = last_ended(patient)
    since = session.ended_at if session else None
    check_ins = CheckIn.objects.filter(patient=patient)
    flares = Flare.objects.filter(patient=patient).prefetch_related("notes")
    if since:
        check_ins = check_ins.filter(made_at__gte=since)
        flares = flares.filter(started_at__gte=since)
    confidences = [c.confidence for c in check_ins.only("confidence")]
    return {
        "since": since,
        "check_ins": len(confidences),
        "confidence": round(sum(confidences) / len(confidences), 1) if confidences else None,
        "flares": list(flares[:10]),
    }
