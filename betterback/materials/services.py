"""Reads and writes of worksheet entries. Each call records its audit event."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from betterback.audit import events
from betterback.content.pack import pack
from betterback.materials.display import item_label
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


def read_entry(
    *, patient, material_id: str, actor, source: str, printing=False, audited=True
) -> WorksheetEntry:
    """The patient's entry for a material (unsaved and empty if there is none yet). ``audited``
    is False only when the entry is read to save it (the save is the event)."""
    entry = _entry(patient, material_id)
    if not audited:
        return entry
    events.material_read(
        patient=patient, material_id=material_id, actor=actor, source=source, printing=printing
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
    draft: str = "",
) -> WorksheetEntry:
    """Store new answers and a revision. Raises StaleVersion if someone else saved in between
    (another page than ``draft``, the id of the page that sends this save). A save at home is
    the patient's: the clinician-only answers stay as they are, whatever was sent."""
    with transaction.atomic():
        entry, _ = WorksheetEntry.objects.select_for_update().get_or_create(
            patient=patient, material_id=material_id
        )
        if entry.version != based_on_version and not (draft and entry.draft == draft):
            raise StaleVersion(_entry(patient, material_id))
        if context == Context.HOME:
            data = keep_locked(pack()[material_id], entry.data, data)
        if entry.data == data and entry.version:
            return entry
        entry.data = data
        entry.version += 1
        entry.updated_at = timezone.now()
        entry.updated_by = actor
        entry.draft = draft
        entry.save()
        WorksheetRevision.objects.create(
            entry=entry,
            version=entry.version,
            data=data,
            changed_at=entry.updated_at,
            changed_by=actor,
            context=context,
        )
        events.material_saved(
            entry=entry, before=entry.version - 1, actor=actor, source=source, context=context
        )
    return entry


def history(entry: WorksheetEntry, limit: int = 10) -> list[WorksheetRevision]:
    """The latest revisions, newest first, plus one older revision (when there is one) to compare
    the oldest shown with. Reading them is part of reading the entry."""
    if entry.pk is None:
        return []
    return list(entry.revisions.select_related("changed_by")[: limit + 1])


def _link_targets(materials) -> set[str]:
    return {
        definition.links_to
        for material in materials
        for top in material.fields
        for definition in (top, *top.item_fields)
        if definition.type == "link"
    }


def _linked(patient, targets: set[str]) -> tuple[dict, set[str]]:
    """{target: [(item key, item label)]} and the ids of the materials that were read."""
    material_ids = {target.split("/")[0] for target in targets}
    data = {
        entry.material_id: entry.data
        for entry in WorksheetEntry.objects.filter(patient=patient, material_id__in=material_ids)
    }
    return links_in(data, targets), set(data)


def links_in(data: dict[str, dict], targets: set[str]) -> dict[str, list[tuple[str, str]]]:
    """{target: [(item key, item label)]} from materials' saved data, {material id: data}."""
    links = {}
    for target in sorted(targets):
        material_id, field_id = target.split("/")
        definition = pack()[material_id].field(field_id)
        items = (data.get(material_id) or {}).get(field_id) or []
        links[target] = [(item["key"], item_label(definition, item)) for item in items]
    return links


def link_targets(material) -> set[str]:
    """The "material-id/field-id" lists that the material's link fields point to."""
    return _link_targets([material])


def linked_items(
    *, patient, material, actor, source: str, audited=True
) -> dict[str, list[tuple[str, str]]]:
    """The items that the material's link fields can point to, from the patient's other
    materials: {"material-id/field-id": [(item key, item label)]}. Reading them is logged
    (unless ``audited`` is False: read to save the material)."""
    targets = _link_targets([material])
    if not targets:
        return {}
    links, read = _linked(patient, targets)
    for material_id in sorted(read) if audited else []:
        events.material_read(
            patient=patient,
            material_id=material_id,
            actor=actor,
            source=source,
            linked_from=material.id,
        )
    return links


def linked_labels(*, patient, materials) -> dict[str, dict[str, str]]:
    """{target: {item key: label}} for showing links; the caller records the read it is part of."""
    links, _ = _linked(patient, _link_targets(materials))
    return {target: dict(items) for target, items in links.items()}


def keep_locked(definition, saved: dict, new: dict) -> dict:
    """``new`` with the clinician-only answers of ``saved``: a patient cannot change them. List
    items are matched by their key (never by their position on the page)."""
    new = {**new}
    for field in definition.fields:
        if field.clinician_only:
            new[field.id] = saved.get(field.id)
            continue
        locked = [item.id for item in field.item_fields if item.clinician_only]
        if not locked or not new.get(field.id):
            continue
        before = {item["key"]: item for item in saved.get(field.id) or []}
        new[field.id] = [
            {**item, **{i: before.get(item["key"], {}).get(i) for i in locked}}
            for item in new[field.id]
        ]
    return new
