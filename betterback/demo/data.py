"""The demo's filled-in materials, read from data files beside the pack and the course, so that no
material or field id of a pack is written in the code:

    <content pack>/demo.toml   [<person>.<material id>]: what the demo patient filled in
    <course>/demo.toml         [practice.<material id>]: the demo clinician's practice sheets

Each material must be in the pack in use and each key must be one of its fields: a pack that
renamed them gets a ContentError naming the file, not a demo with half-saved materials. A pack or
course without the file has no filled-in materials in its demo."""

import tomllib
from functools import cache
from pathlib import Path

from django.conf import settings

from betterback.content.loader import ContentError
from betterback.content.pack import pack

EMPTY_AS_NONE = ("rank", "scale", "date", "single_choice")


@cache
def worksheets(person: str) -> dict[str, dict]:
    """{material id: data} that ``person`` ("peter", "maja") has filled in."""
    return _read(Path(settings.BETTERBACK_CONTENT_PACK) / "demo.toml").get(person, {})


@cache
def practice_sheets() -> dict[str, dict]:
    """{material id: data} of the demo clinician's practice sheets in the course."""
    return _read(Path(settings.BETTERBACK_COURSE_PACK) / "demo.toml").get("practice", {})


def _read(path: Path) -> dict[str, dict[str, dict]]:
    if not path.exists():
        return {}
    try:
        people = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ContentError(path, "(file)", str(error)) from None
    for person, materials in people.items():
        for material_id, data in materials.items():
            where = f"{person}.{material_id}"
            material = pack().get(material_id)
            if material is None:
                raise ContentError(path, where, "no such material in the pack")
            known = {field.id for field in material.fields}
            unknown = sorted(set(data) - known)
            if unknown:
                raise ContentError(path, f"{where}.{unknown[0]}", "no such field in the material")
            _complete(material, data)
    return people


def _complete(material, data: dict) -> None:
    """TOML has no "nothing": an item field left out of a row (a rank not given, say) is stored
    as the page stores an empty one, None."""
    for field in (f for f in material.fields if f.type == "list"):
        for row in data.get(field.id) or []:
            for item_field in field.item_fields:
                if item_field.type in EMPTY_AS_NONE:
                    row.setdefault(item_field.id, None)
