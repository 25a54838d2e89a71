"""The instruments as data: one versioned TOML file each in ``instruments/``, read and checked here.

A definition holds what the software needs to ask, store and explain a questionnaire: items in
the order of the published form, answer options with their codes, required items, subscales, the
missing-item rule, bands, the minimal important change, the licence and the copyright line. The
arithmetic lives in scoring.py; a test holds the two together. The format is described in
docs/instruments.md. Errors name the file and the field, as in the content pack.
"""

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from betterback.content.loader import FIELD_ID, ContentError, Reader
from betterback.content.model import Text

FOLDER = Path(__file__).parent / "instruments"
KINDS = ("score", "screen", "open")
LICENCES = ("free", "free-non-commercial", "proprietary", "unclear")
SCALE_TYPES = ("choice", "numeric", "text")
TIERS = (1, 2, 3)

INSTRUMENT_KEYS = {
    "id", "version", "kind", "name", "short_name", "intro", "recall", "copyright", "licence",
    "reference_wording", "higher_is_better", "minimum", "maximum", "mic_points", "mic_percent",
    "missing_rule", "max_missing", "min_answered", "loinc", "subscales", "bands", "scales",
    "items", "variants", "advice", "sources",
}  # fmt: skip
ITEM_KEYS = {"number", "scale", "text", "topic", "required", "tier", "reason", "activity"}
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
    tier: int | None = None  # red-flag screen: 1 same day, 2 within days, 3 at follow-up
    reason: Text | None = None  # red-flag screen: what the clinician is told
    activity: bool = False  # the patient names the activity they rate (PSFS)

    @property
    def key(self) -> str:
        return str(self.number)


@dataclass(frozen=True)
class Subscale:
    id: str
    name: Text
    items: tuple[int, ...]
    high_above: int | None = None


@dataclass(frozen=True)
class Band:
    id: str
    label: Text
    explain: Text


@dataclass(frozen=True)
class Variant:
    id: str
    name: Text
    text: Text


@dataclass(frozen=True)
class Instrument:
    id: str
    version: str
    kind: str
    name: Text
    short_name: Text
    intro: Text
    copyright: Text
    licence: str
    reference_wording: bool
    items: tuple[Item, ...]
    missing_rule: Text
    max_missing: int = 0
    min_answered: int | None = None
    recall: Text | None = None
    higher_is_better: bool = False
    minimum: float | None = None
    maximum: float | None = None
    mic_points: float | None = None
    mic_percent: float | None = None
    loinc: str = ""
    subscales: tuple[Subscale, ...] = ()
    bands: tuple[Band, ...] = ()
    variants: tuple[Variant, ...] = ()
    advice: dict[int, Text] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    def item(self, key: str) -> Item:
        return next(i for i in self.items if i.key == str(key))

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
    tier = data.get("tier")
    if kind == "screen":
        if tier not in TIERS:
            reader.fail(f"{where}.tier", "a screen item needs a tier: 1, 2 or 3")
        reason = reader.text(data, "reason", where)
    else:
        if tier is not None or "reason" in data:
            reader.fail(f"{where}.tier", "only a red-flag screen has tiers and reasons")
        reason = None
    required = data.get("required", True)
    if not isinstance(required, bool):
        reader.fail(f"{where}.required", "must be true or false")
    return Item(
        number=number,
        scale=scales[scale_id],
        text=text,
        topic=reader.text(data, "topic", where, required=False),
        required=required,
        tier=tier,
        reason=reason,
        activity=reader.boolean(data, "activity", where),
    )


def load_instrument(path: Path) -> Instrument:
    reader = Reader(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        reader.fail("(file)", f"not valid TOML: {error}")
    reader.table(data, "", INSTRUMENT_KEYS)
    instrument_id = reader.string(data, "id", "", FIELD_ID)
    if path.stem != instrument_id:
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
        reader.table(band, here, {"id", "label", "explain"})
        bands.append(
            Band(
                reader.string(band, "id", here),
                reader.text(band, "label", here),
                reader.text(band, "explain", here),
            )
        )
    reader.unique(bands, "bands")
    variants = []
    for index, variant in enumerate(reader.tables(data.get("variants"), "variants")):
        here = f"variants[{index}]"
        reader.table(variant, here, {"id", "name", "text"})
        variants.append(
            Variant(
                reader.string(variant, "id", here, FIELD_ID),
                reader.text(variant, "name", here),
                reader.text(variant, "text", here),
            )
        )
    reader.unique(variants, "variants")
    advice = {}
    if kind == "screen":
        raw_advice = reader.table(data.get("advice"), "advice", {"tier1", "tier2", "tier3"})
        for tier in TIERS:
            advice[tier] = reader.text(raw_advice, f"tier{tier}", "advice")
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
        licence=licence,
        reference_wording=wording,
        items=items,
        missing_rule=reader.text(data, "missing_rule", ""),
        max_missing=reader.integer(data, "max_missing", "", 0, 0),
        min_answered=data.get("min_answered"),
        higher_is_better=reader.boolean(data, "higher_is_better", ""),
        minimum=_number(reader, data, "minimum", ""),
        maximum=_number(reader, data, "maximum", ""),
        mic_points=_number(reader, data, "mic_points", ""),
        mic_percent=_number(reader, data, "mic_percent", ""),
        loinc=data.get("loinc", ""),
        subscales=tuple(subscales),
        bands=tuple(bands),
        variants=tuple(variants),
        advice=advice,
        sources=tuple(sources),
    )
    if kind == "score" and (instrument.minimum is None or instrument.maximum is None):
        reader.fail("maximum", "a scored instrument needs its minimum and maximum")
    return instrument


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


def instrument(instrument_id: str) -> Instrument:
    return instruments()[instrument_id]
