"""The content pack loader: a broken pack stops start-up with a message naming the file and the
field."""

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from betterback.materials.content import ContentError, load_pack, pack

HEADER = """
id = "{id}"
number = 1
version = "1.0.0"
phase = "{phase}"
"""
TEXTS = """
[title]
da = "Titel"
en = "{title_en}"

[summary]
da = "Resumé"
en = "Summary"

[intro]
da = "Indledning"
en = "Introduction"
"""
SOURCES = """
[sources]
items = ["A source, 2021."]
"""
LIMITS = """
[limits]
max_activities = {max_activities}
ranked = 3
"""
AREAS = """
[[life_areas]]
id = "work"
da = "Arbejde"
en = "Work"

[[life_areas]]
id = "{second_area}"
da = "Familie"
en = "{second_area_en}"
"""


def toml(
    id="example",
    phase="plan",
    title_en="Title",
    sources=True,
    second_area="family",
    second_area_en="Family",
    max_activities="5",
    limits=True,
    areas=True,
    top="",
):
    """A material file; ``top`` adds top-level keys (they must come before the first table)."""
    return (
        HEADER.format(id=id, phase=phase)
        + top
        + TEXTS.format(title_en=title_en)
        + (SOURCES if sources else "")
        + (LIMITS.format(max_activities=max_activities) if limits else "")
        + (AREAS.format(second_area=second_area, second_area_en=second_area_en) if areas else "")
    )


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name / "material.toml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_pack_loads_with_every_text_in_both_languages(tmp_path):
    write(tmp_path, "example", toml())

    [material] = load_pack(tmp_path).values()

    assert (material.id, material.phase, material.max_activities, material.ranked) == (
        "example",
        "plan",
        5,
        3,
    )
    assert [a.id for a in material.life_areas] == ["work", "family"]
    assert material.sources == ("A source, 2021.",)
    with translation.override("en"):
        assert (str(material.title), material.life_area_label("family")) == ("Title", "Family")
    with translation.override("da"):
        assert (str(material.title), material.life_area_label("family")) == ("Titel", "Familie")
    assert material.life_area_label("unknown") == ""


BROKEN = {
    "a missing translation": (toml(title_en=""), "title.en"),
    "an unknown phase": (toml(phase="someday"), "phase"),
    "a duplicate life-area id": (toml(second_area="work"), "life_areas[1].id"),
    "no sources": (toml(sources=False), "sources.items"),
    "a limit that is not a number": (toml(max_activities='"many"'), "max_activities"),
    "a limit below one": (toml(max_activities="0"), "max_activities"),
    "a missing id": (toml(id=""), "id"),
    "a file that is not TOML": ("id = [unclosed", "(file)"),
}


@pytest.mark.parametrize(("text", "field"), BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_material_names_the_file_and_the_field(tmp_path, text, field):
    path = write(tmp_path, "example", text)

    with pytest.raises(ContentError) as raised:
        load_pack(tmp_path)

    assert raised.value.path == path
    # A field inside [limits] may be named with or without its table.
    names = {field, f"limits.{field}"} if field == "max_activities" else {field}
    assert raised.value.field in names
    assert str(path) in str(raised.value)
    assert f"{raised.value.field}'" in str(raised.value)


def test_two_materials_with_the_same_id_name_the_second_file(tmp_path):
    write(tmp_path, "a-first", toml(id="same"))
    second = write(tmp_path, "b-second", toml(id="same"))

    with pytest.raises(ContentError) as raised:
        load_pack(tmp_path)

    assert (raised.value.path, raised.value.field) == (second, "id")
    assert str(second) in str(raised.value) and "same" in str(raised.value)


def test_a_missing_life_area_translation_names_the_life_area(tmp_path):
    path = write(tmp_path, "example", toml(second_area_en=""))

    with pytest.raises(ContentError) as raised:
        load_pack(tmp_path)

    assert (raised.value.path, raised.value.field) == (path, "life_areas[1].en")
    assert "'life_areas[1].en'" in str(raised.value)


WRONG_TYPE = {
    "a life area that is not a table": (
        toml(areas=False, top='life_areas = ["work"]\n'),
        "life_areas[0]",
    ),
    "life areas that are not a list": (
        toml(areas=False, top='life_areas = "work"\n'),
        "life_areas",
    ),
    "sources that are not a table": (
        toml(sources=False, top='sources = ["A source"]\n'),
        "sources",
    ),
    "a source that is not text": (
        toml(sources=False, top="[sources]\nitems = [42]\n"),
        "sources.items",
    ),
    "limits that are not a table": (toml(limits=False, top="limits = 5\n"), "limits"),
}


@pytest.mark.parametrize(("text", "field"), WRONG_TYPE.values(), ids=WRONG_TYPE.keys())
def test_a_value_of_the_wrong_type_is_a_content_error_naming_the_field(tmp_path, text, field):
    path = write(tmp_path, "example", text)

    with pytest.raises(ContentError) as raised:
        load_pack(tmp_path)

    assert (raised.value.path, raised.value.field) == (path, field)


def test_the_shipped_pack_loads_what_matters_to_me():
    materials = pack()

    assert "what-matters" in materials
    assert Path(settings.BETTERBACK_CONTENT_PACK).is_dir()
    what_matters = materials["what-matters"]
    assert what_matters.max_activities >= what_matters.ranked >= 1
    with translation.override("en"):
        assert str(what_matters.title) == "What matters to me"
