"""Audit events are append-only: no code path may change or remove one."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError

from betterback.audit.models import Action, AppendOnlyError, AuditEvent
from betterback.audit.services import record


@pytest.fixture
def event(cast):
    return record(
        actor=cast.lise,
        action=Action.READ,
        source="test",
        patient=cast.peter_patient,
        target="overview",
    )


def unchanged(event):
    stored = AuditEvent.objects.get(pk=event.pk)
    return (stored.action, stored.target, stored.actor_id) == (
        Action.READ,
        "overview",
        event.actor_id,
    )


ATTEMPTS = {
    "save an existing event": lambda e: (setattr(e, "target", "forged"), e.save()),
    "delete an event": lambda e: e.delete(),
    "update through the queryset": lambda e: AuditEvent.objects.filter(pk=e.pk).update(
        target="forged"
    ),
    "update all events": lambda e: AuditEvent.objects.update(target="forged"),
    "delete through the queryset": lambda e: AuditEvent.objects.filter(pk=e.pk).delete(),
    "delete all events": lambda e: AuditEvent.objects.all().delete(),
    "bulk update": lambda e: AuditEvent.objects.bulk_update(
        [AuditEvent(pk=e.pk, target="forged")], ["target"]
    ),
}


@pytest.mark.parametrize("attempt", ATTEMPTS.values(), ids=ATTEMPTS.keys())
def test_an_audit_event_cannot_be_changed_or_deleted(event, attempt):
    with pytest.raises(AppendOnlyError), transaction.atomic():
        attempt(event)

    assert unchanged(event)


def test_a_new_event_can_be_saved(cast):
    AuditEvent(actor=cast.lise, action=Action.LOGIN, source="test").save()

    assert AuditEvent.objects.filter(action=Action.LOGIN).count() == 1


def test_a_user_with_audit_events_cannot_be_deleted(cast, event):
    with pytest.raises(ProtectedError):
        cast.lise.delete()

    assert unchanged(event)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL")
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET target = 'forged' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ],
    ids=["update", "delete"],
)
def test_postgresql_itself_refuses_raw_updates_and_deletes(event, sql):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [event.pk])

    assert unchanged(event)
