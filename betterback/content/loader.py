"""Reads a content pack and refuses anything that is not right, naming the file and the field.

The format is described in docs/content-format.md. Unknown keys are errors too: a misspelt key
would otherwise be ignored without a word.
"""

import re
import tomllib
from dataclasses import replace
from pathlib import Path

from betterback.content import svg
from betterback.content.model import (
    AUDIENCES,
    BODY_REGIONS,
    CHOICE_TYPES,
    FIELD_TYPES,
    ITEM_FIELD_TYPES,
    LANGUAGES,
    PHASES,
    Field,
    Illustration,
    Material,
    Option,
    Section,
    Source,
    Text,
)

# Material ids appear in URLs; field and option ids in form field names (where "-" separates the
# parts of a name); section and illustration ids only in the page.
MATERIAL_ID = re.compile(r"^[a-z][a-z0-9-]*$")
FIELD_ID = re.compile(r"^[a-z][a-z0-9_]*$")
PART_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
ID_RULES = {
    MATERIAL_ID: "lower-case letters, digits and -",
    FIELD_ID: "lower-case letters, digits and _",
    PART_ID: "lower-case letters, digits, - and _",
}

MATERIAL_KEYS = {
    "id", "number", "version", "phase", "audience", "in_plan", "title", "summary", "intro",
    "sources", "sections", "illustrations", "fields", "charts", "comparisons", "roles",
}  # fmt: skip
FIELD_KEYS = {
    "id", "type", "label", "help", "clinician_only", "required", "options", "options_from",
    "max_length", "min", "max", "min_label", "max_label", "rank", "max_items", "item_fields",
    "links_to", "multiple",
}  # fmt: skip


class ContentError(Exception):
    def __init__(self, path: Path, field: str, problem: str):
        super().__init__(f"{path}: field '{field}': {problem}")
        self.path, self.field, self.problem = path, field, problem


class RoleError(ContentError):
    """A role the code relies on (content.roles) is missing or does not fit."""


class Reader:
    """Reads one material file; every error names this file and the field's path in it."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, where: str, problem: str):
        raise ContentError(self.path, where, problem)

    def table(self, value, where: str, allowed: set[str]) -> dict:
        if not isinstance(value, dict):
            self.fail(where or "(file)", "must be a table")
        unknown = sorted(set(value) - allowed)
        if unknown:
            self.fail(f"{where}.{unknown[0]}" if where else unknown[0], "unknown key")
        return value

    def tables(self, value, where: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(where, "must be a list of tables ([[...]])")
        return value

    def text(self, data: dict, key: str, where: str, required=True) -> Text | None:
        value = data.get(key)
        here = f"{where}.{key}" if where else key
        if value is None and not required:
            return None
        self.table(value, here, set(LANGUAGES))
        for language in LANGUAGES:
            if not isinstance(value.get(language), str) or not value[language].strip():
                self.fail(f"{here}.{language}", "missing translation")
        return Text({language: value[language].strip() for language in LANGUAGES})

    def string(self, data: dict, key: str, where: str, pattern=None, default=None) -> str:
        value = data.get(key, default)
        here = f"{where}.{key}" if where else key
        if not isinstance(value, str) or not value.strip():
            self.fail(here, "missing; give a text")
        if pattern and not pattern.match(value):
            self.fail(here, f"'{value}' may hold only {ID_RULES[pattern]}, starting with a letter")
        return value

    def integer(self, data: dict, key: str, where: str, minimum: int, default=None) -> int:
        value = data.get(key, default)
        here = f"{where}.{key}" if where else key
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.fail(here, f"must be a whole number of at least {minimum}")
        return value

    def boolean(self, data: dict, key: str, where: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.fail(f"{where}.{key}" if where else key, "must be true or false")
        return value

    def unique(self, items, where: str, what: str = "id"):
        seen = set()
        for index, item in enumerate(items):
            key = getattr(item, what)
            if key in seen:
                self.fail(f"{where}[{index}].{what}", f"duplicate {what} '{key}'")
            seen.add(key)


def read_sources(reader: Reader, data: dict) -> tuple[Source, ...]:
    """The file's [[sources]]: at least one, each an id and a full citation."""
    sources = []
    for index, source in enumerate(reader.tables(data.get("sources"), "sources")):
        here = f"sources[{index}]"
        reader.table(source, here, {"id", "citation"})
        sources.append(
            Source(
                reader.string(source, "id", here, PART_ID), reader.string(source, "citation", here)
            )
        )
    if not sources:
        reader.fail("sources", "cite at least one source")
    reader.unique(sources, "sources")
    return tuple(sources)


def _options(reader: Reader, data: dict, where: str) -> tuple[Option, ...]:
    options = []
    for index, option in enumerate(reader.tables(data.get("options"), f"{where}.options")):
        here = f"{where}.options[{index}]"
        reader.table(option, here, {"id", "label"})
        options.append(
            Option(reader.string(option, "id", here, FIELD_ID), reader.text(option, "label", here))
        )
    reader.unique(options, f"{where}.options")
    return tuple(options)


def _field(reader: Reader, data: dict, where: str, allowed_types: tuple[str, ...]) -> Field:
    reader.table(data, where, FIELD_KEYS)
    kind = reader.string(data, "type", where)
    if kind not in allowed_types:
        reader.fail(f"{where}.type", f"unknown field type '{kind}'; use one of {allowed_types}")
    values = {
        "id": reader.string(data, "id", where, FIELD_ID),
        "type": kind,
        "label": reader.text(data, "label", where),
        "help": reader.text(data, "help", where, required=False),
        "clinician_only": reader.boolean(data, "clinician_only", where),
        "required": reader.boolean(data, "required", where),
        "options": _options(reader, data, where),
        "options_from": data.get("options_from", ""),
        "multiple": reader.boolean(data, "multiple", where),
        "links_to": data.get("links_to", ""),
    }
    if kind in ("text", "textarea"):
        default = 200 if kind == "text" else 2000
        values["max_length"] = reader.integer(data, "max_length", where, 1, default)
    if kind == "scale":
        values["min"] = reader.integer(data, "min", where, 0, 0)
        values["max"] = reader.integer(data, "max", where, 1, 10)
        if values["min"] >= values["max"]:
            reader.fail(f"{where}.max", "must be above min")
        values["min_label"] = reader.text(data, "min_label", where, required=False)
        values["max_label"] = reader.text(data, "max_label", where, required=False)
    if kind == "multiple_choice" and "max" in data:
        values["max"] = reader.integer(data, "max", where, 1)
    if kind == "rank":
        values["max"] = reader.integer(data, "max", where, 1, 3)
    if kind == "ranked_cards":
        values["rank"] = reader.integer(data, "rank", where, 1)
        if values["rank"] > len(values["options"]):
            reader.fail(f"{where}.rank", "ranks more cards than there are options")
    if kind == "list":
        values["max_items"] = reader.integer(data, "max_items", where, 1, 20)
        item_fields = [
            _field(reader, item, f"{where}.item_fields[{index}]", ITEM_FIELD_TYPES)
            for index, item in enumerate(
                reader.tables(data.get("item_fields"), f"{where}.item_fields")
            )
        ]
        if not item_fields:
            reader.fail(f"{where}.item_fields", "a list needs at least one item field")
        reader.unique(item_fields, f"{where}.item_fields")
        values["item_fields"] = tuple(item_fields)
    if kind == "link" and not re.match(r"^[a-z][a-z0-9-]*/[a-z][a-z0-9_]*$", values["links_to"]):
        reader.fail(f"{where}.links_to", "give the linked list as 'material-id/field-id'")
    if kind == "body_chart":
        for index, option in enumerate(values["options"]):
            if option.id not in BODY_REGIONS:
                reader.fail(f"{where}.options[{index}].id", f"unknown body region '{option.id}'")
    if kind in CHOICE_TYPES and not values["options"] and not values["options_from"]:
        reader.fail(f"{where}.options", "a choice needs options (or options_from)")
    return Field(**values)


def _resolve_options_from(reader: Reader, fields: list[Field]) -> list[Field]:
    """Give item fields with ``options_from`` the options of the field they name."""
    by_id = {f.id: f for f in fields}
    resolved = []
    for index, top in enumerate(fields):
        items = []
        for item_index, item in enumerate(top.item_fields):
            if item.options_from:
                source = by_id.get(item.options_from)
                if source is None or not source.options:
                    reader.fail(
                        f"fields[{index}].item_fields[{item_index}].options_from",
                        f"no field '{item.options_from}' with options in this material",
                    )
                item = replace(item, options=source.options)
            items.append(item)
        resolved.append(replace(top, item_fields=tuple(items)))
    return resolved


def shared_section(reader: Reader, data: dict, where: str, safety) -> Section:
    """``{ id = "...", shared = "now" }``: the pack's one text for that warning-sign level."""
    from betterback.content.safety import LEVELS
    from betterback.content.safety import shared_section as build

    reader.table(data, where, {"id", "shared"})
    level = reader.string(data, "shared", where)
    if level not in LEVELS:
        reader.fail(f"{where}.shared", f"'{level}' is not a warning-sign level: use {LEVELS}")
    if safety is None:
        reader.fail(f"{where}.shared", "a shared text needs the pack's safety.toml")
    return build(safety, level, reader.string(data, "id", where, PART_ID))


def merge_sources(reader: Reader, sources, sections, safety) -> tuple[Source, ...]:
    """A file's own sources, plus those of the shared warning-sign texts it shows."""
    by_id = {source.id: source for source in sources}
    cited = {cite for section in sections if section.shared for cite in section.sources}
    for source in safety.sources:
        if source.id not in cited:
            continue
        own = by_id.get(source.id)
        if own is not None and own.citation != source.citation:
            reader.fail("sources", f"'{source.id}' is cited differently in {safety.path.name}")
        by_id.setdefault(source.id, source)
    return tuple(by_id.values())


def load_material(path: Path, safety=None) -> Material:
    """One material. ``safety`` (the pack's content.safety.Safety) gives the texts of shared
    sections."""
    reader = Reader(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ContentError(path, "(file)", str(error)) from None
    reader.table(data, "", MATERIAL_KEYS)
    phase = reader.string(data, "phase", "")
    if phase not in PHASES:
        reader.fail("phase", f"must be one of {', '.join(PHASES)}")
    audience = data.get("audience", list(AUDIENCES))
    if not isinstance(audience, list) or not audience or set(audience) - set(AUDIENCES):
        reader.fail("audience", f"must be a list drawn from {', '.join(AUDIENCES)}")

    sources = read_sources(reader, data)
    known_sources = {s.id for s in sources}

    sections = []
    for index, section in enumerate(reader.tables(data.get("sections"), "sections")):
        here = f"sections[{index}]"
        if "shared" in section:
            sections.append(shared_section(reader, section, here, safety))
            continue
        reader.table(section, here, {"id", "heading", "body", "sources"})
        cited = section.get("sources", [])
        if not isinstance(cited, list):
            reader.fail(f"{here}.sources", "must be a list of source ids")
        for cite in cited:
            if cite not in known_sources:
                reader.fail(f"{here}.sources", f"unknown source '{cite}'")
        sections.append(
            Section(
                id=reader.string(section, "id", here, PART_ID),
                heading=reader.text(section, "heading", here),
                body=reader.text(section, "body", here),
                sources=tuple(cited),
            )
        )
    reader.unique(sections, "sections")

    illustrations = []
    for index, picture in enumerate(reader.tables(data.get("illustrations"), "illustrations")):
        here = f"illustrations[{index}]"
        reader.table(picture, here, {"id", "file", "alt", "caption"})
        file = path.parent / reader.string(picture, "file", here)
        problem = svg.problem(file)
        if problem:
            reader.fail(f"{here}.file", problem)
        illustrations.append(
            Illustration(
                id=reader.string(picture, "id", here, PART_ID),
                path=file,
                alt=reader.text(picture, "alt", here),
                caption=reader.text(picture, "caption", here, required=False),
            )
        )
    if not illustrations:
        reader.fail("illustrations", "each material needs at least one illustration of its own")
    reader.unique(illustrations, "illustrations")

    fields = [
        _field(reader, item, f"fields[{index}]", FIELD_TYPES)
        for index, item in enumerate(reader.tables(data.get("fields"), "fields"))
    ]
    reader.unique(fields, "fields")
    # Imported here, not at the top: loader_parts itself imports Reader from this module.
    from betterback.content.loader_parts import check_links, read_parts

    charts, comparisons = read_parts(reader, data, known_sources)
    check_links(reader, charts, comparisons, sections, fields)
    if safety is not None:
        sources = merge_sources(reader, sources, sections, safety)

    material = Material(
        id=reader.string(data, "id", "", MATERIAL_ID),
        number=reader.integer(data, "number", "", 1),
        version=reader.string(data, "version", ""),
        phase=phase,
        audience=tuple(audience),
        in_plan=reader.boolean(data, "in_plan", ""),
        title=reader.text(data, "title", ""),
        summary=reader.text(data, "summary", ""),
        intro=reader.text(data, "intro", ""),
        sources=sources,
        sections=tuple(sections),
        illustrations=tuple(illustrations),
        fields=tuple(_resolve_options_from(reader, fields)),
        charts=charts,
        comparisons=comparisons,
        folder=path.parent,
    )
    return replace(material, roles=_roles(reader, data, material))


def _roles(reader: Reader, data: dict, material: Material) -> tuple:
    """The ``[roles.<name>]`` tables: the roles the material plays for the code (content.roles)."""
    from betterback.content.roles import RoleProblem, bind

    declared = reader.table(data.get("roles", {}), "roles", set(data.get("roles") or {}))
    try:
        return tuple(bind(material, name, field_ids) for name, field_ids in declared.items())
    except RoleProblem as problem:
        raise RoleError(reader.path, problem.where, problem.problem) from None


def _check_links(materials: dict[str, Material]) -> None:
    for material in materials.values():
        path = material.folder / "material.toml"
        for index, top in enumerate(material.fields):
            candidates = [(f"fields[{index}]", top)] + [
                (f"fields[{index}].item_fields[{i}]", item)
                for i, item in enumerate(top.item_fields)
            ]
            for where, field in candidates:
                if field.type != "link":
                    continue
                target_material, _, target_field = field.links_to.partition("/")
                target = materials.get(target_material)
                if target is None:
                    raise ContentError(
                        path, f"{where}.links_to", f"no material '{target_material}'"
                    )
                try:
                    linked = target.field(target_field)
                except KeyError:
                    raise ContentError(
                        path,
                        f"{where}.links_to",
                        f"'{target_material}' has no field '{target_field}'",
                    ) from None
                if linked.type != "list":
                    raise ContentError(
                        path, f"{where}.links_to", f"'{field.links_to}' is not a list field"
                    )


def load_pack(folder: Path, *, whole: bool = True) -> dict[str, Material]:
    """Every material of the pack, by id, in toolkit order. A whole pack plays every role the
    code relies on (content.roles); ``whole=False`` reads a part of a pack, for tests of the
    loader and the form builder."""
    if not folder.is_dir():
        raise ContentError(folder, "(folder)", "no such folder")
    from betterback.content.safety import load_safety

    safety = load_safety(folder)
    materials: dict[str, Material] = {}
    numbers: dict[int, str] = {}
    for path in sorted(folder.glob("*/material.toml")):
        material = load_material(path, safety)
        if material.id in materials:
            raise ContentError(path, "id", f"duplicate material id '{material.id}'")
        if material.number in numbers:
            raise ContentError(
                path, "number", f"number {material.number} is also '{numbers[material.number]}'"
            )
        materials[material.id] = material
        numbers[material.number] = material.id
    if not materials:
        raise ContentError(folder, "(folder)", "no */material.toml files found")
    _check_links(materials)
    if whole:
        _check_roles(folder, materials)
    return dict(sorted(materials.items(), key=lambda item: item[1].number))


def _check_roles(folder: Path, materials: dict[str, Material]) -> None:
    from betterback.content.roles import RoleProblem, cast

    try:
        cast(materials)
    except RoleProblem as problem:
        path = problem.material.folder / "material.toml" if problem.material else folder
        raise RoleError(path, problem.where, problem.problem) from None
