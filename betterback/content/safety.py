"""The pack's warning-sign texts and the regions whose services they name.

One file, ``safety.toml`` at the root of the content pack, holds the one text per urgency level
that every place shows (the questionnaire screen, the flare-up page, the materials, the course,
the PDFs) and the regional data those texts point to: each region's out-of-hours medical helpline
and, for clinicians, its acute route. A clinic picks its region and may override the number
(clinics.Clinic). The loader holds the urgent text to what safety needs: it says "now", names the
helpline and 112, and never says "the same day". Errors name the file and the field.
"""

import re
import string
import tomllib
from dataclasses import dataclass
from pathlib import Path

from betterback.content.loader import FIELD_ID, PART_ID, ContentError, Reader, read_sources
from betterback.content.model import LANGUAGES, RegionalText, Source, Text
from betterback.content.regional import Services

FILE_NAME = "safety.toml"
# Most urgent first. "now" is an emergency: never "the same day".
LEVELS = ("now", "same_day", "within_days", "at_follow_up")
PLACEHOLDERS = {"helpline_name", "helpline_phone"}
PHONE = re.compile(r"^\+?[0-9][0-9 ]{1,18}[0-9]$")
# Words that would soften an emergency into an appointment (checked in the "now" text).
SLOW_WORDS = {
    "da": ("samme dag", "i løbet af dagen", "inden for få dage", "næste aftale"),
    "en": ("same day", "same-day", "later today", "within a few days", "next appointment"),
}
# What the "now" text must say, in each language, besides naming the helpline.
NOW_WORDS = {"da": ("straks", "112"), "en": ("now", "112")}

SAFETY_KEYS = {"version", "default_region", "sources", "advice", "regions"}
ADVICE_KEYS = {"heading", "body", "sources"}
REGION_KEYS = {
    "id", "name", "helpline_name", "helpline_phone", "acute_route", "checked", "checked_at",
}  # fmt: skip


@dataclass(frozen=True)
class Advice:
    level: str
    heading: Text
    body: RegionalText
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Region:
    id: str
    name: Text
    helpline_name: Text
    helpline_phone: str
    acute_route: RegionalText  # for clinicians: where an emergency is referred
    checked: str  # where the number was checked
    checked_at: str  # when

    def services(self, helpline_phone: str = "", acute_route: str = "") -> Services:
        return Services(
            region_id=self.id,
            region_name=self.name,
            helpline_name=self.helpline_name,
            helpline_phone=helpline_phone or self.helpline_phone,
            acute_route=acute_route or self.acute_route,
        )


@dataclass(frozen=True)
class Safety:
    version: str
    default_region: str
    advice: dict[str, Advice]
    regions: dict[str, Region]
    sources: tuple[Source, ...]
    path: Path

    def region(self, region_id: str) -> Region:
        return self.regions.get(region_id) or self.regions[self.default_region]


def _placeholders(reader: Reader, text: Text, where: str) -> RegionalText:
    for language in LANGUAGES:
        value = text.by_language[language]
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        except ValueError as error:
            reader.fail(f"{where}.{language}", f"braces must hold a placeholder: {error}")
        unknown = sorted(names - PLACEHOLDERS)
        if unknown:
            reader.fail(
                f"{where}.{language}",
                f"unknown placeholder {{{unknown[0]}}}; use {sorted(PLACEHOLDERS)}",
            )
    return RegionalText(text.by_language)


def _check_now(reader: Reader, advice: Advice) -> None:
    """The emergency text: "now", the helpline and 112; never "the same day"."""
    for language in LANGUAGES:
        where = f"advice.now.body.{language}"
        body = advice.body.by_language[language]
        said = f"{advice.heading.by_language[language]}\n{body}".lower()
        for slow in SLOW_WORDS[language]:
            if slow in said:
                reader.fail(where, f"an emergency is 'now', never '{slow}'")
        for word in NOW_WORDS[language]:
            if word not in said:
                reader.fail(where, f"the emergency text must say '{word}'")
        for placeholder in sorted(PLACEHOLDERS):
            if f"{{{placeholder}}}" not in body:
                reader.fail(where, f"the emergency text must name {{{placeholder}}}")


def _region(reader: Reader, data: dict, where: str) -> Region:
    reader.table(data, where, REGION_KEYS)
    phone = reader.string(data, "helpline_phone", where)
    if not PHONE.match(phone):
        reader.fail(f"{where}.helpline_phone", f"'{phone}' is not a phone number")
    return Region(
        id=reader.string(data, "id", where, FIELD_ID),
        name=reader.text(data, "name", where),
        helpline_name=reader.text(data, "helpline_name", where),
        helpline_phone=phone,
        acute_route=_placeholders(
            reader, reader.text(data, "acute_route", where), f"{where}.acute_route"
        ),
        checked=reader.string(data, "checked", where),
        checked_at=reader.string(data, "checked_at", where),
    )


def load_safety(folder: Path) -> Safety:
    path = folder / FILE_NAME
    reader = Reader(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError:
        raise ContentError(path, "(file)", "missing: a pack needs its warning-sign texts") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ContentError(path, "(file)", str(error)) from None
    reader.table(data, "", SAFETY_KEYS)
    sources = read_sources(reader, data)
    known = {source.id for source in sources}

    raw_advice = reader.table(data.get("advice"), "advice", set(LEVELS))
    advice = {}
    for level in LEVELS:
        where = f"advice.{level}"
        raw = reader.table(raw_advice.get(level), where, ADVICE_KEYS)
        cited = raw.get("sources")
        if not isinstance(cited, list) or not cited:
            reader.fail(f"{where}.sources", "cite at least one source")
        for cite in cited:
            if cite not in known:
                reader.fail(f"{where}.sources", f"unknown source '{cite}'")
        advice[level] = Advice(
            level=level,
            heading=reader.text(raw, "heading", where),
            body=_placeholders(reader, reader.text(raw, "body", where), f"{where}.body"),
            sources=tuple(cited),
        )
    _check_now(reader, advice["now"])

    regions = [
        _region(reader, raw, f"regions[{index}]")
        for index, raw in enumerate(reader.tables(data.get("regions"), "regions"))
    ]
    if not regions:
        reader.fail("regions", "name at least one region with its out-of-hours helpline")
    reader.unique(regions, "regions")
    by_id = {region.id: region for region in regions}
    default = reader.string(data, "default_region", "", FIELD_ID)
    if default not in by_id:
        reader.fail("default_region", f"no region '{default}' in [[regions]]")
    return Safety(
        version=reader.string(data, "version", ""),
        default_region=default,
        advice=advice,
        regions=by_id,
        sources=sources,
        path=path,
    )


def shared_section(safety: Safety, level: str, section_id: str):
    """The Section a material or a course module shows for ``shared = "<level>"``."""
    from betterback.content.model import Section

    advice = safety.advice[level]
    return Section(
        id=section_id,
        heading=advice.heading,
        body=advice.body,
        sources=advice.sources,
        shared=level,
    )


__all__ = ["LEVELS", "PART_ID", "Advice", "Region", "Safety", "load_safety", "shared_section"]
