"""Reads and writes of worksheet entries. Each call records its audit event."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from betterback.audit.models import Action
from betterback.audit.services import record
from betterback.materials.models import Context, WorksheetEntry, WorksheetRevision


@dataclass
class StaleVersion(Exception):
    """The entry changed since the form was opened. Carries the entry as it is now."""

    current: WorksheetEntry


def _entry(patient, material_id: str) -> WorksheetEntry:
    entry = (
        WorksheetEntry.objects.filter(patient=patient, material_id=material_id)
        .select_related("updated_by")
        .first()
    )
    return entry or WorksheetEntry(patient=patient, material_id=material_id)


def read_entry(*, patient, material_id: str, actor, source: str, printing=False) -> WorksheetEntry:
    """The patient's entry for a material (unsaved and empty if there is none yet)."""
    entry = _entry(patient, material_id)
    record(
        actor=actor,
        action=Action.PRINT if printing else Action.READ,
        source=source,
        patient=patient,
        target=f"material:{material_id}",
    )
    return entry


def save_entry(
    *,
    patient,
    material_id: str,
    data: dict,
    based_on_version: int,
    actor,
    source: str,
    context: Context,
) -> WorksheetEntry:
    """Store new answers and a revision. Raises StaleVersion if someone saved in between."""
    with transaction.atomic():
        entry, _ = WorksheetEntry.objects.select_for_update().get_or_create(
            patient=patient, material_id=material_id
        )
        if entry.version != based_on_version:
            raise StaleVersion(_entry(patient, material_id))
        if entry.data == data and entry.version:
            return entry
        entry.data = data
        entry.version += 1
        entry.updated_at = timezone.now()
        entry.updated_by = actor
        entry.save()
        WorksheetRevision.objects.create(
            entry=entry,
            version=entry.version,
            data=data,
            changed_at=entry.updated_at,
            changed_by=actor,
            context=context,
        )
        record(
            actor=actor,
            action=Action.CREATE if entry.version == 1 else Action.UPDATE,
            source=source,
            patient=patient,
            target=f"material:{material_id}",
            detail={"version": entry.version, "context": context},
        )
    return entry


def history(entry: WorksheetEntry, limit: int = 10) -> list[WorksheetRevision]:
    """The latest revisions, newest first, plus one older revision (when there is one) to compare
    the oldest shown with. Reading them is part of reading the entry."""
    if entry.pk is None:
        return []
    return list(entry.revisions.select_related("changed_by")[: limit + 1])
