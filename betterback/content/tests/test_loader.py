"""The content pack loader refuses every kind of broken pack, naming the file and the field."""

import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from betterback.content.loader import ContentError, load_pack
from betterback.content.pack import pack

DEFAULT_PACK = Path(__file__).resolve().parent.parent / "pack"

PICTURE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#0059b3"/></svg>'

GOOD = """
id = "{id}"
number = {number}
version = "1.0.0"
phase = "plan"
audience = ["patient", "clinician"]
in_plan = true

[title]
da = "Mine mål"
en = "My goals"

[summary]
da = "Kort om det."
en = "In short."

[intro]
da = "Første afsnit.\\n\\nAndet afsnit."
en = "First paragraph.\\n\\nSecond paragraph."

[[sources]]
id = "kjaer2018"
citation = "Kjaer P et al. BMC Musculoskelet Disord 2018;19:418."

[[sections]]
id = "balance"
sources = ["kjaer2018"]
[sections.heading]
da = "Balance"
en = "Balance"
[sections.body]
da = "Tekst."
en = "Text."

[[illustrations]]
id = "scale"
file = "scale.svg"
[illustrations.alt]
da = "En vægt i balance."
en = "A balanced scale."

[[fields]]
id = "areas"
type = "multiple_choice"
[fields.label]
da = "Områder"
en = "Areas"
[[fields.options]]
id = "work"
[fields.options.label]
da = "Arbejde"
en = "Work"

[[fields]]
id = "goals"
type = "list"
max_items = 5
[fields.label]
da = "Mål"
en = "Goals"
[[fields.item_fields]]
id = "text"
type = "text"
[fields.item_fields.label]
da = "Mål"
en = "Goal"
[[fields.item_fields]]
id = "area"
type = "single_choice"
options_from = "areas"
[fields.item_fields.label]
da = "Område"
en = "Area"
[[fields.item_fields]]
id = "serves"
type = "link"
links_to = "{link}"
multiple = true
[fields.item_fields.label]
da = "Tjener"
en = "Serves"

[[fields]]
id = "confidence"
type = "scale"
min = 0
max = 10
[fields.label]
da = "Tro på det"
en = "Confidence"
"""


def write(folder: Path, text: str, name="goals", picture=PICTURE) -> Path:
    """One material in the pack folder, which also gets the default pack's warning-sign texts."""
    if not (folder / "safety.toml").exists():
        shutil.copy(DEFAULT_PACK / "safety.toml", folder / "safety.toml")
    path = folder / name / "material.toml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    (path.parent / "scale.svg").write_text(picture, encoding="utf-8")
    return path


def good(id="goals", number=9, link="goals/goals") -> str:
    return GOOD.format(id=id, number=number, link=link)


def test_a_good_pack_loads_with_resolved_options_and_paragraphs(tmp_path):
    write(tmp_path, good())

    material = load_pack(tmp_path, whole=False)["goals"]

    goals = material.field("goals")
    assert [o.id for o in goals.item_field("area").options] == ["work"]
    assert goals.item_field("serves").links_to == "goals/goals"
    with translation.override("en"):
        assert material.intro.paragraphs == ["First paragraph.", "Second paragraph."]
    with translation.override("da"):
        assert str(material.field("areas").label) == "Områder"
    assert material.illustrations[0].svg().startswith("<svg")


BROKEN = [
    ("missing translation", ('en = "My goals"', ""), "title.en", "missing translation"),
    ("empty translation", ('en = "My goals"', 'en = "  "'), "title.en", "missing translation"),
    ("unknown key", ("in_plan = true", 'in_plan = true\ncolour = "red"'), "colour", "unknown key"),
    ("unknown phase", ('phase = "plan"', 'phase = "later"'), "phase", "must be one of"),
    ("unknown audience", ('"patient", "clinician"]', '"patient", "nurse"]'), "audience", "list"),
    (
        "unknown field type",
        ('type = "scale"', 'type = "slider"'),
        "fields[2].type",
        "unknown field type 'slider'",
    ),
    (
        "duplicate field id",
        ('id = "confidence"', 'id = "areas"'),
        "fields[2].id",
        "duplicate id 'areas'",
    ),
    (
        "duplicate item field id",
        ('id = "serves"', 'id = "text"'),
        "fields[1].item_fields[2].id",
        "duplicate id 'text'",
    ),
    (
        "section cites an unknown source",
        ('sources = ["kjaer2018"]', 'sources = ["nobody2020"]'),
        "sections[0].sources",
        "unknown source 'nobody2020'",
    ),
    (
        "missing illustration file",
        ('file = "scale.svg"', 'file = "gone.svg"'),
        "illustrations[0].file",
        "cannot read 'gone.svg'",
    ),
    (
        "options_from names nothing",
        ('options_from = "areas"', 'options_from = "colours"'),
        "fields[1].item_fields[1].options_from",
        "no field 'colours'",
    ),
    (
        "choice without options",
        (
            'id = "area"\ntype = "single_choice"\noptions_from = "areas"',
            'id = "area"\ntype = "single_choice"',
        ),
        "fields[1].item_fields[1].options",
        "needs options",
    ),
    (
        "scale upside down",
        ("min = 0\nmax = 10", "min = 10\nmax = 10"),
        "fields[2].max",
        "must be above min",
    ),
    (
        "badly written link",
        ('links_to = "goals/goals"', 'links_to = "goals"'),
        "fields[1].item_fields[2].links_to",
        "material-id/field-id",
    ),
    (
        "link to a missing material",
        ('links_to = "goals/goals"', 'links_to = "values/list"'),
        "fields[1].item_fields[2].links_to",
        "no material 'values'",
    ),
    (
        "link to a missing field",
        ('links_to = "goals/goals"', 'links_to = "goals/wishes"'),
        "fields[1].item_fields[2].links_to",
        "has no field 'wishes'",
    ),
    (
        "link to a field that is not a list",
        ('links_to = "goals/goals"', 'links_to = "goals/confidence"'),
        "fields[1].item_fields[2].links_to",
        "not a list field",
    ),
    ("not TOML", ("[title]", "[title"), "(file)", ""),
]


@pytest.mark.parametrize(
    ("change", "field", "problem"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN]
)
def test_a_broken_material_is_refused_naming_file_and_field(tmp_path, change, field, problem):
    old, new = change
    text = good()
    assert old in text, "the test's replacement must apply"
    path = write(tmp_path, text.replace(old, new, 1))

    with pytest.raises(ContentError) as refused:
        load_pack(tmp_path, whole=False)

    assert refused.value.path == path
    assert refused.value.field == field
    assert problem in refused.value.problem
    assert str(path) in str(refused.value) and field in str(refused.value)


def test_a_material_without_sources_is_refused(tmp_path):
    text = good().replace('sources = ["kjaer2018"]\n', "")
    start = text.index("[[sources]]")
    text = text[:start] + text[text.index("[[sections]]") :]
    path = write(tmp_path, text)

    with pytest.raises(ContentError, match="cite at least one source") as refused:
        load_pack(tmp_path, whole=False)
    assert refused.value.path == path


def test_a_material_without_an_illustration_is_refused(tmp_path):
    text = good()
    text = text[: text.index("[[illustrations]]")] + text[text.index("[[fields]]") :]
    write(tmp_path, text)

    with pytest.raises(ContentError, match="at least one illustration"):
        load_pack(tmp_path, whole=False)


@pytest.mark.parametrize(
    ("what", "old", "new", "field"),
    [
        ("duplicate material id", 'id = "{id}"', 'id = "goals"', "id"),
        ("duplicate number", "number = {number}", "number = 9", "number"),
    ],
)
def test_two_materials_may_not_share_an_id_or_a_number(tmp_path, what, old, new, field):
    write(tmp_path, good(), name="a-goals")
    second = GOOD.replace(old, new).format(id="other", number=10, link="other/goals")
    path = write(tmp_path, second, name="b-other")

    with pytest.raises(ContentError) as refused:
        load_pack(tmp_path, whole=False)
    assert (refused.value.path, refused.value.field) == (path, field)


SVGS = [
    (
        "script",
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><script>alert(1)</script></svg>',
        "<script>",
    ),
    (
        "style element",
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><style>*{}</style></svg>',
        "<style>",
    ),
    (
        "style attribute",
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect style="fill:red"/></svg>',
        "style attributes",
    ),
    (
        "event attribute",
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" onload="x()"></svg>',
        "event attributes",
    ),
    (
        "external link",
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 1 1"><use xlink:href="http://x.example/a.svg#b"/></svg>',
        "#ids",
    ),
    (
        "external url()",
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect fill="url(http://x.example/p)"/></svg>',
        "#ids",
    ),
    (
        "foreignObject",
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><foreignObject/></svg>',
        "<foreignObject>",
    ),
    ("no viewBox", '<svg xmlns="http://www.w3.org/2000/svg"></svg>', "viewBox"),
    (
        "entity",
        '<!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
        "DOCTYPE",
    ),
    ("not svg", '<html xmlns="http://www.w3.org/1999/xhtml"/>', "root"),
    ("not xml", "<svg", "well-formed"),
]


@pytest.mark.parametrize(("svg", "problem"), [s[1:] for s in SVGS], ids=[s[0] for s in SVGS])
def test_an_unsafe_or_broken_illustration_is_refused(tmp_path, svg, problem):
    write(tmp_path, good(), picture=svg)

    with pytest.raises(ContentError) as refused:
        load_pack(tmp_path, whole=False)
    assert refused.value.field == "illustrations[0].file"
    assert problem in refused.value.problem


def test_the_default_pack_is_valid_and_complete_in_both_languages():
    materials = pack()

    assert "what-matters" in materials
    for material in materials.values():
        for language in ("da", "en"):
            with translation.override(language):
                assert str(material.title) and str(material.intro)
        assert material.sources and material.illustrations


def test_content_check_lists_the_materials_of_a_pack_with_their_roles(tmp_path, capsys):
    shutil.copytree(DEFAULT_PACK, tmp_path, dirs_exist_ok=True)

    call_command("content", "check", str(tmp_path))

    out = capsys.readouterr().out
    assert "12 materials, all valid" in out
    assert "my-goals" in out and "Mine mål / My goals" in out and "[roles: goals]" in out


def test_content_check_fails_with_the_file_field_and_check_id(tmp_path):
    shutil.copytree(DEFAULT_PACK, tmp_path, dirs_exist_ok=True)
    path = tmp_path / "my-goals" / "material.toml"
    path.write_text(path.read_text().replace('en = "My goals"', "", 1))

    with pytest.raises(CommandError) as refused:
        call_command("content", "check", str(tmp_path))
    assert str(path) in str(refused.value) and "title.en" in str(refused.value)
    assert "betterback.E001" in str(refused.value)


def test_content_check_without_a_path_checks_the_configured_pack(capsys):
    call_command("content", "check")

    assert "what-matters" in capsys.readouterr().out
