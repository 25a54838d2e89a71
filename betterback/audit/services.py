"""One function records every audit event; callers name the action, the patient and the source."""

from collections.abc import Iterable

from django.http import HttpRequest

from betterback.audit.models import Action, AuditEvent


def source_of(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    return f"view:{match.view_name}" if match else f"path:{request.path[:90]}"


def _actor_fields(actor) -> dict:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return {"actor": None, "actor_label": "", "actor_role": "anonymous"}
    return {"actor": actor, "actor_label": _label(actor), "actor_role": actor.role}


def _label(user) -> str:
    # A snapshot of the name only; profession and clinic are shown from the live records, so they
    # appear in the reader's language.
    return user.full_name or user.email


def record(
    *, actor, action: Action, source: str, patient=None, target: str = "", detail=None
) -> AuditEvent:
    return AuditEvent.objects.create(
        **_actor_fields(actor),
        action=action,
        patient=patient,
        target=target,
        source=source,
        detail=detail or {},
    )


def record_many(*, actor, action: Action, source: str, patients: Iterable, target: str = ""):
    """One event per patient in one query: used when a list shows several patients."""
    fields = _actor_fields(actor)
    AuditEvent.objects.bulk_create(
        [
            AuditEvent(**fields, action=action, patient=p, target=target, source=source)
            for p in patients
        ]
    )


def events_about(patient):
    """What the patient's "Who has looked at my data" page lists: everything others did."""
    return (
        AuditEvent.objects.filter(patient=patient)
        .exclude(actor=patient.user)
        .exclude(action=Action.LIST)
        .select_related("actor__clinician__clinic")
    )
