"""What the patient reads: our reference wording, or a clinic's licensed wording pack.

A wording pack is one TOML file for one instrument in one language (format in docs/instruments.md).
It is checked against the instrument's definition before it is installed, like the content pack:
every item needs its text, every answer option its label, and errors name the field.
"""

import tomllib
from dataclasses import dataclass, field

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from betterback.questionnaires.definitions import Instrument, Item

PACK_KEYS = {
    "instrument", "instrument_version", "language", "name", "version", "copyright", "intro",
    "recall", "items", "options", "item_options",
}  # fmt: skip
LANGUAGES = ("da", "en")


class WordingError(ValueError):
    def __init__(self, field_name: str, problem: str):
        super().__init__(f"field '{field_name}': {problem}")
        self.field, self.problem = field_name, problem


@dataclass(frozen=True)
class Wording:
    """The words for one instrument in one language."""

    source: str  # "reference" or "<name> <version>"
    copyright: str
    intro: str
    recall: str
    items: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[int, str]] = field(default_factory=dict)  # item key -> code -> label

    @property
    def is_reference(self) -> bool:
        return self.source == "reference"

    def available(self, instrument: Instrument) -> bool:
        """Whether the items can be shown at all (ODI has no wording without a licensed pack)."""
        return all(self.items.get(item.key) for item in instrument.items)


def reference(instrument: Instrument, language: str | None = None) -> Wording:
    language = language or get_language() or "da"

    def text(value):
        return value.by_language.get(language, value.by_language["da"]) if value else ""

    return Wording(
        source="reference",
        copyright=text(instrument.copyright),
        intro=text(instrument.intro),
        recall=text(instrument.recall),
        items={item.key: text(item.text) for item in instrument.items if item.text},
        options={
            item.key: {option.code: text(option.label) for option in item.scale.options}
            for item in instrument.items
        },
    )


def parse_pack(source_text: str, instrument: Instrument) -> dict:
    """Check a wording pack against the instrument. Returns its fields; raises WordingError."""
    try:
        data = tomllib.loads(source_text)
    except tomllib.TOMLDecodeError as error:
        raise WordingError("(file)", f"not valid TOML: {error}") from None
    unknown = sorted(set(data) - PACK_KEYS)
    if unknown:
        raise WordingError(unknown[0], "unknown key")
    for key in ("instrument", "instrument_version", "language", "name", "version", "copyright"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise WordingError(key, "missing; give a text")
    for key in ("intro", "recall"):  # optional, but from_pack needs text
        if key in data and not isinstance(data[key], str):
            raise WordingError(key, "give a text")
    if data["instrument"] != instrument.id:
        raise WordingError("instrument", f"this pack is for '{data['instrument']}'")
    if data["instrument_version"] != instrument.version:
        raise WordingError(
            "instrument_version",
            f"the pack fits version {data['instrument_version']}; "
            f"the installed definition is version {instrument.version}",
        )
    if data["language"] not in LANGUAGES:
        raise WordingError("language", f"use one of {LANGUAGES}")
    items = data.get("items")
    if not isinstance(items, dict):
        raise WordingError("items", "give the text of every item as [items]")
    for key in items:
        if key not in {item.key for item in instrument.items}:
            raise WordingError(f"items.{key}", "the instrument has no such item")
    for item in instrument.items:
        if not isinstance(items.get(item.key), str) or not items[item.key].strip():
            raise WordingError(f"items.{item.key}", "missing text")
    scale_labels = _labels(data.get("options", {}), "options")
    item_labels = _labels(data.get("item_options", {}), "item_options")
    for item in instrument.items:
        for code in item.scale.codes if item.scale.type == "choice" else ():
            label = item_labels.get(item.key, {}).get(code) or scale_labels.get(
                item.scale.id, {}
            ).get(code)
            if not label:
                raise WordingError(
                    f"options.{item.scale.id}.{code}",
                    f"item {item.key} needs a label for answer {code} "
                    f"(in [options.{item.scale.id}] or [item_options.{item.key}])",
                )
    return data


def _labels(value, where: str) -> dict[str, dict[int, str]]:
    if not isinstance(value, dict):
        raise WordingError(where, "must be a table")
    labels = {}
    for group, codes in value.items():
        if not isinstance(codes, dict):
            raise WordingError(f"{where}.{group}", "must be a table of code = label")
        labels[group] = {}
        for code, label in codes.items():
            if not code.isdigit() or not isinstance(label, str) or not label.strip():
                raise WordingError(f"{where}.{group}.{code}", 'give code = "label"')
            labels[group][int(code)] = label.strip()
    return labels


def from_pack(source_text: str, instrument: Instrument, label: str) -> Wording:
    data = parse_pack(source_text, instrument)
    scale_labels = _labels(data.get("options", {}), "options")
    item_labels = _labels(data.get("item_options", {}), "item_options")
    return Wording(
        source=label,
        copyright=data["copyright"].strip(),
        intro=data.get("intro", "").strip() or reference(instrument, data["language"]).intro,
        recall=data.get("recall", "").strip(),
        items={key: text.strip() for key, text in data["items"].items()},
        options={
            item.key: {
                **scale_labels.get(item.scale.id, {}),
                **item_labels.get(item.key, {}),
            }
            for item in instrument.items
        },
    )


@dataclass(frozen=True)
class Question:
    item: Item
    text: str
    options: list[tuple[int, str]]
    level: int | None  # a warning sign's urgency

    @property
    def key(self) -> str:
        return self.item.key

    @property
    def kind(self) -> str:
        return self.item.scale.type


def questions(instrument: Instrument, wording: Wording, variant: str = "") -> list[Question]:
    """The questions asked in this variant (a follow-up leaves out history items)."""
    chosen = instrument.variant(variant) if variant else None
    result = []
    for item in instrument.asked(variant):
        text = wording.items.get(item.key, "")
        if chosen and chosen.text and len(instrument.items) == 1:
            text = str(chosen.text) if wording.is_reference else text
        if not text:  # no licensed wording: the clinician works from the paper form
            text = _("Section %(number)s: %(topic)s") % {
                "number": item.number,
                "topic": item.topic or "",
            }
        labels = wording.options.get(item.key, {})
        if item.scale.type == "choice":
            options = [(code, labels.get(code, str(code))) for code in item.scale.codes]
        elif item.scale.type == "numeric":
            options = [(code, str(code)) for code in item.scale.codes]
        else:
            options = []
        result.append(Question(item, text, options, item.level))
    return result
