"""Saved answers as people read them: on the print view, in the history and in My plan.

Pure functions of a material definition, its saved data and the labels of linked items.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from betterback.content.model import Field, Material

Labels = dict[str, dict[str, str]]  # "material-id/field-id" -> {item key: item label}


def is_empty(value) -> bool:
    """Nothing filled in. 0 is an answer (a scale), so it is not empty."""
    return value is None or value is False or value == "" or value == []


def name_field(definition: Field) -> Field | None:
    """The item field that names a list's items: the first item field when it is a text or a
    link (a review names the goal it reviews), otherwise the first text field."""
    first = definition.item_fields[0]
    if first.type in ("text", "textarea", "link"):
        return first
    return next((f for f in definition.item_fields if f.type in ("text", "textarea")), None)


def item_label(definition: Field, item: dict, labels: "Labels | None" = None) -> str:
    naming = name_field(definition)
    if naming is None or is_empty(item.get(naming.id)):
        return ""
    if naming.type == "link":
        # Without the linked items' labels (as in the history) a link cannot name the item.
        return value_text(naming, item[naming.id], labels) if labels is not None else ""
    return str(item[naming.id])


def value_text(definition: Field, value, labels: Labels) -> str:
    """One answer as text in the active language; "" when nothing is filled in."""
    if is_empty(value):
        return ""
    kind = definition.type
    if kind in ("text", "textarea"):
        return str(value)
    if kind == "checkbox":
        return _("Yes")
    if kind in ("single_choice", "multiple_choice", "checklist", "body_chart", "ranked_cards"):
        ids = value if isinstance(value, list) else [value]
        texts = [definition.option_label(option_id) for option_id in ids]
        if kind == "ranked_cards":
            return ", ".join(f"{n}. {text}" for n, text in enumerate(texts, start=1) if text)
        return ", ".join(text for text in texts if text)
    if kind == "scale":
        return _("%(value)s of %(max)s") % {"value": value, "max": definition.max}
    if kind == "rank":
        return _("Number %(rank)s") % {"rank": value}
    if kind == "date":
        try:
            return date_format(date.fromisoformat(value), "DATE_FORMAT")
        except (TypeError, ValueError):
            return str(value)
    if kind == "link":
        keys = value if isinstance(value, list) else [value]
        known = labels.get(definition.links_to, {})
        return ", ".join(known.get(key, _("(removed)")) for key in keys)
    return str(value)


@dataclass
class Answer:
    field: Field
    text: str = ""
    items: list | None = None  # for lists: [(item label, [(item field, text)])]


def answers(material: Material, data: dict, labels: Labels) -> list[Answer]:
    """Every field of the material with what is filled in, in the pack's order."""
    result = []
    for definition in material.fields:
        value = data.get(definition.id)
        if definition.type != "list":
            result.append(Answer(definition, value_text(definition, value, labels)))
            continue
        items = []
        naming = name_field(definition)
        for item in value or []:
            details = [
                (item_field, value_text(item_field, item.get(item_field.id), labels))
                for item_field in definition.item_fields
                if item_field != naming
            ]
            items.append((item_label(definition, item, labels), [d for d in details if d[1]]))
        result.append(Answer(definition, items=items))
    return result


def _normal(value):
    return None if is_empty(value) else value


@dataclass
class Change:
    kind: str  # "added", "removed", "renamed", "changed", "item_changed"
    field: str  # the field's label
    item: str = ""  # the item's label, for list changes
    detail: str = ""  # an item field's label, or the old name when renamed


def changes(material: Material, before: dict, after: dict) -> list[Change]:
    """What one save changed, field by field; list items are matched by their key, so a renamed
    item reads as renamed, not as one removed and one added."""
    found = []
    for definition in material.fields:
        old, new = before.get(definition.id), after.get(definition.id)
        label = str(definition.label)
        if definition.type != "list":
            if _normal(old) != _normal(new):
                found.append(Change("changed", label))
            continue
        old_items = {item["key"]: item for item in old or []}
        new_items = {item["key"]: item for item in new or []}
        for key, item in new_items.items():
            name = item_label(definition, item)
            if key not in old_items:
                found.append(Change("added", label, name))
                continue
            previous = old_items[key]
            old_name = item_label(definition, previous)
            if old_name != name:
                found.append(Change("renamed", label, name, old_name))
            for item_field in definition.item_fields:
                if item_field == name_field(definition):
                    continue
                if _normal(previous.get(item_field.id)) != _normal(item.get(item_field.id)):
                    found.append(Change("item_changed", label, name, str(item_field.label)))
        found += [
            Change("removed", label, item_label(definition, item))
            for key, item in old_items.items()
            if key not in new_items
        ]
    return found


def history_with_changes(material: Material, revisions: list) -> list[dict]:
    """Pairs each revision (newest first) with what it changed compared with the one before.

    The last revision in the list is compared with an empty sheet only if it is the first one
    ever; otherwise it is the extra, older revision fetched for comparison and is not shown.
    """
    shown = []
    for index, revision in enumerate(revisions):
        older = revisions[index + 1] if index + 1 < len(revisions) else None
        if older is None and revision.version != 1:
            break
        before = older.data if older else {}
        shown.append({"revision": revision, "changes": changes(material, before, revision.data)})
    return shown
