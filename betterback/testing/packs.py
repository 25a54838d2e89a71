"""Another content pack and course, made from the default ones for tests: every material id and
field id renamed, the materials in the reverse order, and 10 or 14 materials instead of 12. The
app must run on it as it runs on the default pack: the code knows the pack only through its
roles (content.roles).

    another_pack(folder, materials=10)   -> Pack(pack=<folder>/pack, course=<folder>/course, ...)

The files are written as TOML again by ``dumps``, a small writer for the values tomllib reads.
"""

import json
import re
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PACK = Path(__file__).resolve().parent.parent / "content" / "pack"
DEFAULT_COURSE = Path(__file__).resolve().parent.parent / "training" / "course"

# Left out of the 10-material pack; copied under new ids into the 14-material one.
DROPPED = ("pain-over-time", "todays-conversation")
COPIED = ("understanding-pain", "scans-and-findings")
BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


@dataclass(frozen=True)
class Pack:
    pack: Path
    course: Path
    material_ids: dict[str, str]  # default id -> id in this pack (only the materials kept)


def material_id(old: str) -> str:
    """A material's id in the other pack: the default id backwards ("what-matters" ->
    "srettam-tahw")."""
    return old[::-1]


def field_id(old: str) -> str:
    return f"x_{old}"


def another_pack(folder: Path, *, materials: int = 12, drop_role: str = "") -> Pack:
    """Write the other pack and its course into ``folder``. ``materials``: 10, 12 or 14;
    ``drop_role``: leave that role's [roles.<name>] out (the loader must refuse the pack)."""
    defaults = {
        path.parent.name: tomllib.loads(path.read_text(encoding="utf-8"))
        for path in sorted(DEFAULT_PACK.glob("*/material.toml"))
    }
    kept = [m for m in defaults if not (materials == 10 and m in DROPPED)]
    ids = {old: material_id(old) for old in kept}
    copies = (
        {f"{old}-copy": f"copy-{material_id(old)}" for old in COPIED} if materials == 14 else {}
    )
    order = sorted(kept, key=lambda m: defaults[m]["number"], reverse=True) + list(copies)
    numbers = {m: n for n, m in enumerate(order, start=1)}
    pack = folder / "pack"
    pack.mkdir(parents=True)
    shutil.copy(DEFAULT_PACK / "safety.toml", pack / "safety.toml")
    for old in kept:
        data = _material(defaults[old], ids, numbers[old], drop_role)
        _write(DEFAULT_PACK / old, pack / ids[old], data)
    for name, new in copies.items():
        old = name.removesuffix("-copy")
        data = _material(defaults[old], {**ids, old: new}, numbers[name], drop_role)
        data["title"] = {lang: f"{text} (2)" for lang, text in data["title"].items()}
        _write(DEFAULT_PACK / old, pack / new, data)
    demo = tomllib.loads((DEFAULT_PACK / "demo.toml").read_text(encoding="utf-8"))
    (pack / "demo.toml").write_text(dumps(_worksheets(demo, ids)), encoding="utf-8")
    course = folder / "course"
    _course(course, ids, {name.removesuffix("-copy"): new for name, new in copies.items()})
    return Pack(pack, course, ids)


def _write(source: Path, target: Path, data: dict) -> None:
    shutil.copytree(source, target)
    (target / "material.toml").write_text(dumps(data), encoding="utf-8")


def _material(data: dict, ids: dict, number: int, drop_role: str) -> dict:
    data = json.loads(json.dumps(data))  # a deep copy
    data["id"], data["number"] = ids[data["id"]], number
    data["fields"] = [_field(f, ids) for f in data.get("fields", [])]
    roles = {
        name: {need: field_id(value) for need, value in needs.items()}
        for name, needs in data.get("roles", {}).items()
        if name != drop_role
    }
    data.pop("roles", None)
    if roles:
        data["roles"] = roles
    for chart in data.get("charts", []):
        if chart.get("highlight_field"):
            chart["highlight_field"] = field_id(chart["highlight_field"])
    for comparison in data.get("comparisons", []):
        for option in comparison.get("options", []):
            if option.get("option_of"):
                option["option_of"] = field_id(option["option_of"])
    return data


def _field(field: dict, ids: dict) -> dict:
    field["id"] = field_id(field["id"])
    if field.get("options_from"):
        field["options_from"] = field_id(field["options_from"])
    if field.get("links_to"):
        target, _, linked = field["links_to"].partition("/")
        field["links_to"] = f"{ids[target]}/{field_id(linked)}"
    field["item_fields"] = [_field(f, ids) for f in field.get("item_fields", [])]
    if not field["item_fields"]:
        del field["item_fields"]
    return field


def _worksheets(people: dict, ids: dict) -> dict:
    """demo.toml's answers, keyed by the other pack's ids."""
    return {
        person: {
            ids[material]: {field_id(k): _rows(v) for k, v in answers.items()}
            for material, answers in materials.items()
            if material in ids
        }
        for person, materials in people.items()
    }


def _rows(value):
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return [{(k if k == "key" else field_id(k)): v for k, v in row.items()} for row in value]
    return value


def _course(folder: Path, ids: dict, copies: dict) -> None:
    shutil.copytree(DEFAULT_COURSE, folder)
    for path in folder.glob("modules/*.toml"):
        module = tomllib.loads(path.read_text(encoding="utf-8"))
        notes = []
        for note in module.get("materials", []):
            old = note["material"]
            if old in ids:
                notes.append({**note, "material": ids[old]})
            if old in copies:
                notes.append({**note, "material": copies[old]})
        module["materials"] = notes
        path.write_text(dumps(module), encoding="utf-8")
    for path in folder.glob("cases/*.toml"):
        case = tomllib.loads(path.read_text(encoding="utf-8"))
        steps = []
        for step in case["steps"]:
            if step.get("material"):
                if step["material"] not in ids:
                    continue
                step["material"] = ids[step["material"]]
            options = []
            for option in step.get("options", []):
                if option.get("material"):
                    if option["material"] not in ids:
                        continue
                    option["material"] = ids[option["material"]]
                options.append(option)
            if step.get("options"):
                step["options"] = options
            steps.append(step)
        case["steps"] = steps
        path.write_text(dumps(case), encoding="utf-8")
    demo = tomllib.loads((DEFAULT_COURSE / "demo.toml").read_text(encoding="utf-8"))
    practice = {"practice": _worksheets({"p": demo["practice"]}, ids)["p"]}
    (folder / "demo.toml").write_text(dumps(practice), encoding="utf-8")


def dumps(data: dict) -> str:
    """``data`` (as tomllib reads it) as TOML: each top-level key on one line, tables and
    arrays of tables inline."""
    return "".join(f"{_key(key)} = {_value(value)}\n" for key, value in data.items())


def _key(key: str) -> str:
    return key if BARE_KEY.match(key) else json.dumps(key, ensure_ascii=False)


def _value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")
