"""Loads the toolkit's material definitions from the content pack and validates them.

A pack is a folder with one sub-folder per material, each holding ``material.toml``. Any problem
stops start-up with a message naming the file and the field.
"""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils.translation import get_language

REQUIRED_LANGUAGES = ("da", "en")
PHASES = ("understand", "plan", "act", "follow_up")


class ContentError(Exception):
    def __init__(self, path: Path, field: str, problem: str):
        super().__init__(f"{path}: field '{field}': {problem}")
        self.path, self.field, self.problem = path, field, problem


@dataclass(frozen=True)
class Text:
    """One user-facing text in every required language; str() gives the active language."""

    by_language: dict[str, str]

    def __str__(self) -> str:
        return self.by_language.get(get_language() or "da", self.by_language["da"])


@dataclass(frozen=True)
class Choice:
    id: str
    label: Text


@dataclass(frozen=True)
class Material:
    id: str
    number: int
    version: str
    phase: str
    title: Text
    summary: Text
    intro: Text
    sources: tuple[str, ...]
    life_areas: tuple[Choice, ...]
    max_activities: int
    ranked: int

    def life_area_label(self, area_id: str) -> str:
        for area in self.life_areas:
            if area.id == area_id:
                return str(area.label)
        return ""


def _translations(path: Path, value, field: str) -> Text:
    if not isinstance(value, dict):
        raise ContentError(path, field, "missing; give a table with one text per language")
    for language in REQUIRED_LANGUAGES:
        if not isinstance(value.get(language), str) or not value[language].strip():
            raise ContentError(path, f"{field}.{language}", "missing translation")
    return Text({lang: value[lang] for lang in REQUIRED_LANGUAGES})


def _text(path: Path, data: dict, field: str) -> Text:
    return _translations(path, data.get(field), field)


def _table(path: Path, data: dict, field: str, kind: type, default):
    value = data.get(field, default)
    if not isinstance(value, kind):
        raise ContentError(path, field, f"must be a {'list' if kind is list else 'table'}")
    return value


def _int(path: Path, data: dict, field: str, minimum: int) -> int:
    value = data.get(field)
    if not isinstance(value, int) or value < minimum:
        raise ContentError(path, field, f"must be a whole number of at least {minimum}")
    return value


def load_material(path: Path) -> Material:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ContentError(path, "(file)", str(error)) from None
    material_id = data.get("id")
    if not isinstance(material_id, str) or not material_id:
        raise ContentError(path, "id", "missing")
    phase = data.get("phase")
    if phase not in PHASES:
        raise ContentError(path, "phase", f"must be one of {', '.join(PHASES)}")
    areas, seen = [], set()
    for index, area in enumerate(_table(path, data, "life_areas", list, [])):
        field = f"life_areas[{index}]"
        if not isinstance(area, dict):
            raise ContentError(path, field, "must be a table with an id and its texts")
        area_id = area.get("id")
        if not isinstance(area_id, str) or not area_id or area_id in seen:
            raise ContentError(path, f"{field}.id", "missing or duplicate id")
        seen.add(area_id)
        areas.append(Choice(area_id, _translations(path, area, field)))
    if not areas:
        raise ContentError(path, "life_areas", "needs at least one life area")
    limits = _table(path, data, "limits", dict, {})
    sources = _table(path, _table(path, data, "sources", dict, {}), "items", list, [])
    if not sources or not all(isinstance(s, str) and s.strip() for s in sources):
        raise ContentError(path, "sources.items", "cite at least one source, each as text")
    return Material(
        id=material_id,
        number=_int(path, data, "number", 1),
        version=str(data.get("version", "")) or "0",
        phase=phase,
        title=_text(path, data, "title"),
        summary=_text(path, data, "summary"),
        intro=_text(path, data, "intro"),
        sources=tuple(sources),
        life_areas=tuple(areas),
        max_activities=_int(path, limits, "max_activities", 1),
        ranked=_int(path, limits, "ranked", 1),
    )


def load_pack(folder: Path) -> dict[str, Material]:
    materials: dict[str, Material] = {}
    for path in sorted(folder.glob("*/material.toml")):
        material = load_material(path)
        if material.id in materials:
            raise ContentError(path, "id", f"duplicate id '{material.id}'")
        materials[material.id] = material
    return materials


@cache
def pack() -> dict[str, Material]:
    return load_pack(Path(settings.BETTERBACK_CONTENT_PACK))


def material(material_id: str) -> Material:
    return pack()[material_id]
