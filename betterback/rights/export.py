"""Everything BetterBack holds about one patient, as plain data for "Download my data".

The shape is documented in docs/data-rights.md; raise SCHEMA_VERSION when it changes in a way a
reader would notice. Codes stay codes (stable, documented); names and titles are given as text in
the patient's language next to them. Times are ISO 8601 in Danish time with their UTC offset.
The caller records the audit event.
"""

from datetime import date, datetime, time

from django.utils import timezone

from betterback.audit.services import events_about
from betterback.content.pack import pack
from betterback.dialogue.models import DialogueSession
from betterback.materials.models import WorksheetEntry, WorksheetRevision
from betterback.patients.access_log import what_was_touched
from betterback.patients.models import CareRelationship
from betterback.plan import reader
from betterback.plan.models import GradedActivity
from betterback.questionnaires.definitions import instruments
from betterback.questionnaires.models import QuestionnaireSet, Response
from betterback.safety.display import reason_text
from betterback.safety.models import Alert
from betterback.selfcare.models import (
    CheckIn,
    Flare,
    GoalReview,
    ReminderChoice,
    ReminderSent,
)
from betterback.sharing.models import Share

SCHEMA = "betterback.my-data"
SCHEMA_VERSION = 1


def iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    raise TypeError(value)


def _name(user) -> str | None:
    return (user.full_name or user.email) if user else None


def _clinician(clinician) -> dict:
    return {
        "name": clinician.user.full_name,
        "profession": clinician.profession,
        "profession_text": str(clinician.get_profession_display()),
        "clinic": clinician.clinic.name,
    }


def _material_title(material_id: str) -> str:
    material = pack().get(material_id)
    return str(material.title) if material else material_id


def _account(patient) -> dict:
    user = patient.user
    return {
        "name": patient.full_name,
        "email": patient.email,
        "language": user.language if user else None,
        "joined": iso(user.date_joined) if user else None,
        "record_created": iso(patient.created_at),
    }


def _care(patient) -> list[dict]:
    relationships = (
        CareRelationship.objects.filter(patient=patient)
        .select_related("clinician__user", "clinician__clinic", "clinic")
        .order_by("started_at", "id")
    )
    return [
        {
            **_clinician(r.clinician),
            "clinic": r.clinic.name,
            "started_at": iso(r.started_at),
            "ended_at": iso(r.ended_at),
        }
        for r in relationships
    ]


def _revision(revision: WorksheetRevision) -> dict:
    return {
        "version": revision.version,
        "changed_at": iso(revision.changed_at),
        "changed_by": _name(revision.changed_by),
        "context": revision.context,
        "data": revision.data,
    }


def _materials(patient) -> list[dict]:
    revisions: dict[int, list[WorksheetRevision]] = {}
    for revision in (
        WorksheetRevision.objects.filter(entry__patient=patient)
        .select_related("changed_by")
        .order_by("entry_id", "version")
    ):
        revisions.setdefault(revision.entry_id, []).append(revision)
    entries = WorksheetEntry.objects.filter(patient=patient).select_related("updated_by")
    return [
        {
            "material": entry.material_id,
            "title": _material_title(entry.material_id),
            "version": entry.version,
            "updated_at": iso(entry.updated_at),
            "updated_by": _name(entry.updated_by),
            "data": entry.data,
            "revisions": [_revision(r) for r in revisions.get(entry.pk, [])],
        }
        for entry in sorted(entries, key=lambda e: e.material_id)
    ]


def _sessions(patient) -> list[dict]:
    sessions = (
        DialogueSession.objects.filter(patient=patient)
        .select_related("clinician__user", "clinician__clinic")
        .order_by("started_at", "id")
    )
    return [
        {
            "clinician": _clinician(s.clinician),
            "started_at": iso(s.started_at),
            "ended_at": iso(s.ended_at),
            "materials": [{"material": m, "title": _material_title(m)} for m in s.material_ids],
        }
        for s in sessions
    ]


def _instrument_name(instrument_id: str, variant: str) -> str:
    definition = instruments().get(instrument_id)
    if definition is None:
        return instrument_id
    chosen = definition.variant(variant) if variant else None
    return str(chosen.name if chosen else definition.name)


def _band_text(instrument_id: str, band: str) -> str:
    """The band in the patient's own words (never the clinicians' risk label)."""
    definition = instruments().get(instrument_id)
    found = definition.band(band) if definition and band else None
    return str(found.patient_label) if found else ""


def _questionnaire_sets(patient) -> list[dict]:
    sets = (
        QuestionnaireSet.objects.filter(patient=patient)
        .select_related("clinician__user", "clinician__clinic")
        .order_by("available_from", "id")
    )
    return [
        {
            "id": str(s.public_id),
            "kind": s.kind,
            "week": s.week,
            "clinician": _clinician(s.clinician),
            "questionnaires": s.entries,
            "available_from": iso(s.available_from),
            "created_at": iso(s.created_at),
            "completed_at": iso(s.completed_at),
        }
        for s in sets
    ]


def _responses(patient) -> list[dict]:
    responses = (
        Response.objects.filter(patient=patient)
        .select_related("questionnaire_set", "submitted_by")
        .order_by("created_at", "id")
    )
    return [
        {
            "id": str(r.public_id),
            "set": str(r.questionnaire_set.public_id) if r.questionnaire_set else None,
            "instrument": r.instrument_id,
            "instrument_version": r.instrument_version,
            "variant": r.variant,
            "name": _instrument_name(r.instrument_id, r.variant),
            "wording": r.wording,
            "source": r.source,
            "answers": r.answers,
            "notes": r.notes,
            "created_at": iso(r.created_at),
            "updated_at": iso(r.updated_at),
            "submitted_at": iso(r.submitted_at),
            "submitted_by": _name(r.submitted_by),
            "score": r.total,
            "subscales": r.subscales,
            "band": r.band,
            "band_text": _band_text(r.instrument_id, r.band),
            "warning_sign_level": r.flag_level,
        }
        for r in responses
    ]


def _alerts(patient) -> list[dict]:
    """The warning signs the patient's answers raised, and what the clinicians did about them."""
    alerts = (
        Alert.objects.filter(patient=patient)
        .select_related("acknowledged_by")
        .order_by("raised_at", "id")
    )
    return [
        {
            "id": str(a.public_id),
            "answers": str(a.source_id),
            "level": a.level,
            "level_text": str(a.get_level_display()),
            "signs": [
                {"id": sign["id"], "reason": reason_text(sign), "level": sign["level"]}
                for sign in a.signs
            ],
            "raised_at": iso(a.raised_at),
            "acknowledged_at": iso(a.acknowledged_at),
            "acknowledged_by": _name(a.acknowledged_by),
            "what_was_done": str(a.get_what_was_done_display()) if a.what_was_done else "",
            "note": a.note,
        }
        for a in alerts
    ]


def _plan_names(patient) -> tuple[dict[str, str], dict[str, str]]:
    """{action key: what} and {goal key: goal}, from the plan as it is now."""
    plan = reader.read(patient)
    return {a.key: a.what for a in plan.actions}, {g.key: g.text for g in plan.goals}


def _check_ins(patient, action_names: dict) -> list[dict]:
    return [
        {
            "made_at": iso(c.made_at),
            "received_at": iso(c.received_at),
            "made_offline": c.offline,
            "actions": {
                key: {**value, "what": action_names.get(key, "")}
                for key, value in c.actions.items()
            },
            "confidence": c.confidence,
            "pain": c.pain,
            "sleep": c.sleep,
            "mood": c.mood,
            "note": c.note,
        }
        for c in CheckIn.objects.filter(patient=patient).order_by("made_at", "id")
    ]


def _goal_reviews(patient, goal_names: dict) -> list[dict]:
    return [
        {
            "goal": r.goal_key,
            "goal_text": goal_names.get(r.goal_key, ""),
            "week_starting": iso(r.week),
            "attainment": r.attainment,
            "note": r.note,
            "made_at": iso(r.made_at),
        }
        for r in GoalReview.objects.filter(patient=patient).order_by("week", "goal_key")
    ]


def _flares(patient) -> list[dict]:
    flares = Flare.objects.filter(patient=patient).prefetch_related("notes").order_by("started_at")
    return [
        {
            "started_at": iso(f.started_at),
            "ended_at": iso(f.ended_at),
            "received_at": iso(f.received_at),
            "notes": [
                {
                    "made_at": iso(n.made_at),
                    "received_at": iso(n.received_at),
                    "made_offline": n.offline,
                    "tried": n.tried,
                    "helped": n.helped,
                }
                for n in f.notes.all()
            ],
        }
        for f in flares
    ]


def _graded(patient, action_names: dict) -> list[dict]:
    graded = GradedActivity.objects.filter(patient=patient).select_related("changed_by")
    return [
        {
            "action": g.action_key,
            "what": action_names.get(g.action_key, ""),
            "unit": g.unit,
            "baseline": g.baseline,
            "starts_on": iso(g.starts_on),
            "steps": g.steps,
            "changed_at": iso(g.changed_at),
            "changed_by": _name(g.changed_by),
        }
        for g in graded.order_by("action_key")
    ]


def _reminders(patient) -> dict:
    choice = ReminderChoice.objects.filter(patient=patient).first()
    return {
        "choice": {
            "by_email": choice.by_email,
            "weekdays": choice.weekdays,
            "time": iso(choice.time),
            "changed_at": iso(choice.changed_at),
        }
        if choice
        else None,
        "sent": [
            {"due_at": iso(r.due_at), "sent_at": iso(r.sent_at)}
            for r in ReminderSent.objects.filter(patient=patient).order_by("due_at")
        ],
    }


def _shares(patient) -> list[dict]:
    """Who the patient shared My plan with; never the link's token or code (only hashes are
    kept anyway)."""
    shares = (
        Share.objects.filter(patient=patient)
        .select_related("clinician__user", "clinician__clinic")
        .order_by("created_at", "id")
    )
    return [
        {
            "recipient": s.recipient,
            "status": s.status,
            "created_at": iso(s.created_at),
            "expires_at": iso(s.expires_at),
            "accepted_at": iso(s.accepted_at),
            "accepted_by": _clinician(s.clinician) if s.clinician else None,
            "revoked_at": iso(s.revoked_at),
        }
        for s in shares
    ]


def access_log(patient) -> list[dict]:
    """What "Who has looked at my data" shows, oldest first."""
    rows = []
    for event in events_about(patient).order_by("at", "id"):
        clinician = getattr(event.actor, "clinician", None) if event.actor else None
        rows.append(
            {
                "at": iso(event.at),
                "who": event.actor_label or None,
                "role": event.actor_role,
                "profession": str(clinician.get_profession_display()) if clinician else None,
                "clinic": clinician.clinic.name if clinician else None,
                "action": event.action,
                "action_text": str(event.get_action_display()),
                "target": event.target,
                "target_text": what_was_touched(event),
                "source": event.source,
            }
        )
    return rows


def my_data(patient) -> dict:
    """The whole export, in the active language."""
    action_names, goal_names = _plan_names(patient)
    return {
        "schema": {"name": SCHEMA, "version": SCHEMA_VERSION},
        "exported_at": iso(timezone.now()),
        "account": _account(patient),
        "care_relationships": _care(patient),
        "materials": _materials(patient),
        "dialogue_sessions": _sessions(patient),
        "questionnaire_sets": _questionnaire_sets(patient),
        "questionnaire_responses": _responses(patient),
        "warning_sign_alerts": _alerts(patient),
        "check_ins": _check_ins(patient, action_names),
        "goal_reviews": _goal_reviews(patient, goal_names),
        "flare_ups": _flares(patient),
        "graded_activities": _graded(patient, action_names),
        "reminders": _reminders(patient),
        "shares": _shares(patient),
        "access_log": access_log(patient),
    }
