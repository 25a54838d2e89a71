"""The instruments as data: one versioned TOML file each in ``instruments/``, read and checked here.

A definition holds what the software needs to ask, store and explain a questionnaire: items in
the order of the published form, answer options with their codes, required items, subscales, the
missing-item rule, bands, the minimal important change, the licence and the copyright line. The
arithmetic lives in scoring.py; a test holds the two together. The format is described in
docs/instruments.md. Errors name the file and the field, as in the content pack.
"""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from betterback.content.loader import FIELD_ID, ContentError, Reader
from betterback.content.model import Text
from betterback.content.safety import LEVELS

FOLDER = Path(__file__).parent / "instruments"
# Earlier versions of a definition, kept so that answers given with them keep their meaning:
# archive/<id>-<version>.toml.
ARCHIVE = FOLDER / "archive"
KINDS = ("score", "screen", "open")
LICENCES = ("free", "free-non-commercial", "proprietary", "unclear")
SCALE_TYPES = ("choice", "numeric", "text")
YES = 1  # a screen item's "yes"

INSTRUMENT_KEYS = {
    "id", "version", "kind", "name", "short_name", "intro", "recall", "copyright",
    "licence_note", "licence", "reference_wording", "higher_is_better", "minimum", "maximum",
    "mic_points", "mic_percent", "mic_floor_points", "mic_points_worse", "mic_source", "trend_note",
    "missing_rule", "max_missing", "min_answered", "loinc", "subscales", "bands", "scales",
    "items", "variants", "combinations", "sources",
}  # fmt: skip
ITEM_KEYS = {
    "number", "id", "scale", "text", "topic", "required", "urgency", "reason", "history",
    "activity",
}  # fmt: skip
SCALE_KEYS = {"type", "options", "min", "max", "min_label", "max_label", "max_length"}


@dataclass(frozen=True)
class Option:
    code: int
    label: Text


@dataclass(frozen=True)
class Scale:
    id: str
    type: str
    options: tuple[Option, ...] = ()
    min: int = 0
    max: int = 10
    min_label: Text | None = None
    max_label: Text | None = None
    max_length: int = 1000

    @property
    def codes(self) -> list[int]:
        if self.type == "choice":
            return [o.code for o in self.options]
        if self.type == "numeric":
            return list(range(self.min, self.max + 1))
        return []


@dataclass(frozen=True)
class Item:
    number: int
    scale: Scale
    text: Text | None  # None: the wording comes only from a licensed wording pack
    topic: Text | None = None
    required: bool = True
    # Warning-sign screen: a stable id, how urgent a "yes" is (content.safety.LEVELS), what the
    # clinician is told, and whether it is history (asked at intake only, carried forward).
    id: str = ""
    urgency: str | None = None
    reason: Text | None = None
    history: bool = False
    activity: bool = False  # the patient names the activity they rate (PSFS)

    @property
    def key(self) -> str:
        return str(self.number)

    @property
    def level(self) -> int | None:
        """1 (now) to 4 (at follow-up); None for an item that is not a warning sign."""
        return LEVELS.index(self.urgency) + 1 if self.urgency else None


@dataclass(frozen=True)
class Combination:
    """Warning signs that together are more urgent than each alone. Every group needs one
    "yes" (from this answer or, for history items, an earlier one)."""

    id: str
    urgency: str
    groups: tuple[tuple[str, ...], ...]  # item ids
    reason: Text

    @property
    def level(self) -> int:
        return LEVELS.index(self.urgency) + 1


@dataclass(frozen=True)
class Subscale:
    id: str
    name: Text
    items: tuple[int, ...]
    high_above: int | None = None


@dataclass(frozen=True)
class Band:
    id: str
    label: Text  # for clinicians
    patient_label: Text  # what the patient reads: plain, never a risk label
    explain: Text  # for the patient


@dataclass(frozen=True)
class Variant:
    id: str
    name: Text
    text: Text | None = None  # a one-item instrument's question for this variant
    recall: Text | None = None  # replaces the instrument's recall
    asks_history: bool = True  # False: history items are not asked (they carry forward)


@dataclass(frozen=True)
class Instrument:
    id: str
    version: str
    kind: str
    name: Text
    short_name: Text
    intro: Text
    copyright: Text  # shown with the questions, to everyone
    licence: str
    reference_wording: bool
    items: tuple[Item, ...]
    missing_rule: Text
    licence_note: Text | None = None  # for clinicians only: the state of the licence
    trend_note: Text | None = None  # for clinicians only: how to read the scores over time
    max_missing: int = 0
    min_answered: int | None = None
    recall: Text | None = None
    higher_is_better: bool = False
    minimum: float | None = None
    maximum: float | None = None
    # The minimal important change (docs/scoring.md): "better" needs mic_points, or mic_percent
    # of the baseline together with at least mic_floor_points; "worse" needs mic_points_worse.
    mic_points: float | None = None
    mic_percent: float | None = None
    mic_floor_points: float | None = None
    mic_points_worse: float | None = None
    mic_source: str = ""
    loinc: str = ""
    subscales: tuple[Subscale, ...] = ()
    bands: tuple[Band, ...] = ()
    variants: tuple[Variant, ...] = ()
    combinations: tuple[Combination, ...] = ()
    sources: tuple[str, ...] = ()

    def item(self, key: str) -> Item:
        return next(i for i in self.items if i.key == str(key))

    def asked(self, variant: str = "") -> tuple[Item, ...]:
        """The items asked in this variant: without history items where it does not ask them."""
        chosen = self.variant(variant) if variant else None
        if chosen is None or chosen.asks_history:
            return self.items
        return tuple(item for item in self.items if not item.history)

    def band(self, band_id: str | None) -> Band | None:
        return next((b for b in self.bands if b.id == band_id), None)

    def variant(self, variant_id: str) -> Variant | None:
        return next((v for v in self.variants if v.id == variant_id), None)

    @property
    def scored(self) -> bool:
        return self.kind == "score"


def _number(reader: Reader, data: dict, key: str, where: str, default=None):
    value = data.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        reader.fail(f"{where}.{key}" if where else key, "must be a number")
    return value


def _scale(reader: Reader, scale_id: str, data: dict) -> Scale:
    where = f"scales.{scale_id}"
    reader.table(data, where, SCALE_KEYS)
    kind = reader.string(data, "type", where)
    if kind not in SCALE_TYPES:
        reader.fail(f"{where}.type", f"unknown scale type '{kind}'; use one of {SCALE_TYPES}")
    if kind == "choice":
        options = []
        for index, option in enumerate(reader.tables(data.get("options"), f"{where}.options")):
            here = f"{where}.options[{index}]"
            reader.table(option, here, {"code", "label"})
            options.append(
                Option(reader.integer(option, "code", here, 0), reader.text(option, "label", here))
            )
        if len(options) < 2:
            reader.fail(f"{where}.options", "a choice needs at least two options")
        reader.unique(options, f"{where}.options", "code")
        return Scale(scale_id, kind, options=tuple(options))
    if kind == "numeric":
        low = reader.integer(data, "min", where, 0, 0)
        high = reader.integer(data, "max", where, 1, 10)
        if high <= low:
            reader.fail(f"{where}.max", "must be above min")
        return Scale(
            scale_id,
            kind,
            min=low,
            max=high,
            min_label=reader.text(data, "min_label", where, required=False),
            max_label=reader.text(data, "max_label", where, required=False),
        )
    return Scale(scale_id, kind, max_length=reader.integer(data, "max_length", where, 1, 1000))


def _item(
    reader: Reader, data: dict, index: int, scales: dict[str, Scale], kind: str, wording: bool
) -> Item:
    where = f"items[{index}]"
    reader.table(data, where, ITEM_KEYS)
    number = reader.integer(data, "number", where, 1)
    if number != index + 1:
        reader.fail(f"{where}.number", f"items must be numbered 1, 2, 3 ... in order; expected "
                    f"{index + 1}")  # fmt: skip
    scale_id = reader.string(data, "scale", where)
    if scale_id not in scales:
        reader.fail(f"{where}.scale", f"no scale '{scale_id}' in [scales]")
    text = reader.text(data, "text", where, required=wording)
    if not wording and "text" in data:
        reader.fail(f"{where}.text", "this instrument's wording comes only from a licensed pack")
    warning_sign = {}
    if kind == "screen":
        urgency = data.get("urgency")
        if urgency not in LEVELS:
            reader.fail(f"{where}.urgency", f"a warning sign needs its urgency: one of {LEVELS}")
        if scales[scale_id].codes != [0, YES]:
            reader.fail(f"{where}.scale", "a warning sign is answered no (0) or yes (1)")
        warning_sign = {
            "id": reader.string(data, "id", where, FIELD_ID),
            "urgency": urgency,
            "reason": reader.text(data, "reason", where),
            "history": reader.boolean(data, "history", where),
        }
    else:
        for key in ("urgency", "reason", "id", "history"):
            if key in data:
                reader.fail(f"{where}.{key}", "only a warning-sign screen has this")
    required = data.get("required", True)
    if not isinstance(required, bool):
        reader.fail(f"{where}.required", "must be true or false")
    return Item(
        number=number,
        scale=scales[scale_id],
        text=text,
        topic=reader.text(data, "topic", where, required=False),
        required=required,
        activity=reader.boolean(data, "activity", where),
        **warning_sign,
    )


def _combinations(reader: Reader, data: dict, items: tuple[Item, ...]) -> tuple[Combination, ...]:
    by_id = {item.id: item for item in items}
    found = []
    for index, raw in enumerate(reader.tables(data.get("combinations"), "combinations")):
        here = f"combinations[{index}]"
        reader.table(raw, here, {"id", "urgency", "when_all", "reason"})
        urgency = raw.get("urgency")
        if urgency not in LEVELS:
            reader.fail(f"{here}.urgency", f"use one of {LEVELS}")
        groups = raw.get("when_all")
        if (
            not isinstance(groups, list)
            or len(groups) < 2
            or not all(isinstance(g, list) and g and all(isinstance(i, str) for i in g)
                       for g in groups)
        ):  # fmt: skip
            reader.fail(f"{here}.when_all", "give two or more groups of item ids, e.g. "
                        '[["cancer"], ["leg_one_weaker", "legs_weaker"]]')  # fmt: skip
        for group in groups:
            for item_id in group:
                if item_id not in by_id:
                    reader.fail(f"{here}.when_all", f"no item with id '{item_id}'")
        level = LEVELS.index(urgency) + 1
        if all(min(by_id[i].level for i in group) <= level for group in groups):
            reader.fail(
                f"{here}.urgency",
                "a combination must be more urgent than some of its signs alone",
            )
        found.append(
            Combination(
                id=reader.string(raw, "id", here, FIELD_ID),
                urgency=urgency,
                groups=tuple(tuple(group) for group in groups),
                reason=reader.text(raw, "reason", here),
            )
        )
    reader.unique(found, "combinations")
    return tuple(found)


def load_instrument(path: Path, expected_id: str | None = None) -> Instrument:
    reader = Reader(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        reader.fail("(file)", f"not valid TOML: {error}")
    reader.table(data, "", INSTRUMENT_KEYS)
    instrument_id = reader.string(data, "id", "", FIELD_ID)
    if (expected_id or path.stem) != instrument_id:
        reader.fail("id", f"'{instrument_id}' must match the file name '{path.stem}'")
    kind = reader.string(data, "kind", "")
    if kind not in KINDS:
        reader.fail("kind", f"unknown kind '{kind}'; use one of {KINDS}")
    licence = reader.string(data, "licence", "")
    if licence not in LICENCES:
        reader.fail("licence", f"unknown licence '{licence}'; use one of {LICENCES}")
    wording = data.get("reference_wording", True)
    if not isinstance(wording, bool):
        reader.fail("reference_wording", "must be true or false")
    if licence == "proprietary" and wording:
        reader.fail("reference_wording", "a proprietary instrument ships no wording of its own")

    raw_scales = reader.table(data.get("scales", {}), "scales", set(data.get("scales", {})))
    scales = {}
    for scale_id, scale in raw_scales.items():
        if not FIELD_ID.match(scale_id):
            reader.fail(f"scales.{scale_id}", "scale ids hold lower-case letters, digits and _")
        scales[scale_id] = _scale(reader, scale_id, scale)
    raw_items = reader.tables(data.get("items"), "items")
    if not raw_items:
        reader.fail("items", "an instrument needs at least one item")
    items = tuple(
        _item(reader, item, index, scales, kind, wording) for index, item in enumerate(raw_items)
    )

    subscales = []
    for index, sub in enumerate(reader.tables(data.get("subscales"), "subscales")):
        here = f"subscales[{index}]"
        reader.table(sub, here, {"id", "name", "items", "high_above"})
        numbers = sub.get("items")
        if not isinstance(numbers, list) or not all(
            isinstance(n, int) and 1 <= n <= len(items) for n in numbers
        ):
            reader.fail(f"{here}.items", f"give item numbers from 1 to {len(items)}")
        subscales.append(
            Subscale(
                reader.string(sub, "id", here, FIELD_ID),
                reader.text(sub, "name", here),
                tuple(numbers),
                _number(reader, sub, "high_above", here),
            )
        )
    bands = []
    for index, band in enumerate(reader.tables(data.get("bands"), "bands")):
        here = f"bands[{index}]"
        reader.table(band, here, {"id", "label", "patient_label", "explain"})
        bands.append(
            Band(
                reader.string(band, "id", here),
                reader.text(band, "label", here),
                reader.text(band, "patient_label", here),
                reader.text(band, "explain", here),
            )
        )
    reader.unique(bands, "bands")
    variants = []
    for index, variant in enumerate(reader.tables(data.get("variants"), "variants")):
        here = f"variants[{index}]"
        reader.table(variant, here, {"id", "name", "text", "recall", "asks_history"})
        asks_history = variant.get("asks_history", True)
        if not isinstance(asks_history, bool):
            reader.fail(f"{here}.asks_history", "must be true or false")
        variants.append(
            Variant(
                reader.string(variant, "id", here, FIELD_ID),
                reader.text(variant, "name", here),
                reader.text(variant, "text", here, required=len(items) == 1),
                reader.text(variant, "recall", here, required=False),
                asks_history,
            )
        )
    reader.unique(variants, "variants")
    combinations = ()
    if kind == "screen":
        reader.unique(items, "items", "id")
        combinations = _combinations(reader, data, items)
    elif "combinations" in data:
        reader.fail("combinations", "only a warning-sign screen has combinations")
    _check_mic(reader, data)
    sources = data.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, str) and s for s in sources):
        reader.fail("sources", "give a list of references")
    if not sources:
        reader.fail("sources", "cite at least one source")

    instrument = Instrument(
        id=instrument_id,
        version=reader.string(data, "version", ""),
        kind=kind,
        name=reader.text(data, "name", ""),
        short_name=reader.text(data, "short_name", ""),
        intro=reader.text(data, "intro", ""),
        recall=reader.text(data, "recall", "", required=False),
        copyright=reader.text(data, "copyright", ""),
        licence_note=reader.text(data, "licence_note", "", required=False),
        trend_note=reader.text(data, "trend_note", "", required=False),
        licence=licence,
        reference_wording=wording,
        items=items,
        missing_rule=reader.text(data, "missing_rule", ""),
        max_missing=reader.integer(data, "max_missing", "", 0, 0),
        min_answered=(
            reader.integer(data, "min_answered", "", 1) if "min_answered" in data else None
        ),
        higher_is_better=reader.boolean(data, "higher_is_better", ""),
        minimum=_number(reader, data, "minimum", ""),
        maximum=_number(reader, data, "maximum", ""),
        mic_points=_number(reader, data, "mic_points", ""),
        mic_percent=_number(reader, data, "mic_percent", ""),
        mic_floor_points=_number(reader, data, "mic_floor_points", ""),
        mic_points_worse=_number(
            reader, data, "mic_points_worse", "", default=data.get("mic_points")
        ),
        mic_source=data.get("mic_source", ""),
        loinc=data.get("loinc", ""),
        subscales=tuple(subscales),
        bands=tuple(bands),
        variants=tuple(variants),
        combinations=combinations,
        sources=tuple(sources),
    )
    if kind == "score" and (instrument.minimum is None or instrument.maximum is None):
        reader.fail("maximum", "a scored instrument needs its minimum and maximum")
    return instrument


def _check_mic(reader: Reader, data: dict) -> None:
    """Change rules that can be applied: a per-cent threshold only with an absolute floor, and
    every threshold with its source."""
    if "mic_percent" in data and "mic_floor_points" not in data:
        reader.fail(
            "mic_floor_points",
            "a per-cent threshold needs an absolute floor: a 1-point change at a low baseline is "
            "not an important one",
        )
    if "mic_floor_points" in data and "mic_percent" not in data:
        reader.fail("mic_floor_points", "only used with mic_percent")
    mics = {"mic_points", "mic_percent", "mic_points_worse"} & set(data)
    if mics and not (isinstance(data.get("mic_source"), str) and data["mic_source"].strip()):
        reader.fail("mic_source", "name the source of the minimal important change")


def load_folder(folder: Path = FOLDER) -> dict[str, Instrument]:
    instruments = {}
    for path in sorted(folder.glob("*.toml")):
        instrument = load_instrument(path)
        instruments[instrument.id] = instrument
    if not instruments:
        raise ContentError(folder, "(folder)", "no instrument files (*.toml)")
    return instruments


@cache
def instruments() -> dict[str, Instrument]:
    return load_folder()


@cache
def _archived(instrument_id: str, version: str) -> Instrument | None:
    path = ARCHIVE / f"{instrument_id}-{version}.toml"
    if not path.exists():
        return None
    definition = load_instrument(path, expected_id=instrument_id)
    if definition.version != version:
        raise ContentError(path, "version", f"the file name says version {version}")
    return definition


def instrument(instrument_id: str, version: str | None = None) -> Instrument:
    """The current definition, or the one of an earlier ``version`` (from the archive) so that
    answers keep the meaning they were given with. An unknown version gets the current one."""
    current = instruments()[instrument_id]
    if version is None or version == current.version:
        return current
    return _archived(instrument_id, version) or current


def definition_of(response) -> Instrument:
    """The definition a response was answered with."""
    return instrument(response.instrument_id, response.instrument_version)


class NoPaperForm(LookupError):
    """The entry names no questionnaire with a paper form."""


def paper_form(entry: str) -> tuple[Instrument, str]:
    """The instrument and variant of a paper form, named like ``rmdq`` or ``nrs:back``: for
    printing it blank and for typing in what a patient answered on it. Open questions (the
    agenda) have no paper form. NoPaperForm otherwise."""
    instrument_id, _, variant = entry.partition(":")
    definition = instruments().get(instrument_id)
    if definition is None or definition.kind == "open":
        raise NoPaperForm(entry)
    if variant and definition.variant(variant) is None:
        raise NoPaperForm(entry)
    return definition, variant
