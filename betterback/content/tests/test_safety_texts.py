"""The pack's warning-sign texts (safety.toml): one text per urgency, the emergency one held to
"now", its placeholders filled from the region, and every error naming the file and the field."""

import shutil
from pathlib import Path

import pytest
from django.utils import translation

from betterback.content import regional
from betterback.content.loader import ContentError, load_pack
from betterback.content.pack import pack, safety
from betterback.content.safety import LEVELS, load_safety

DEFAULT_PACK = Path(__file__).resolve().parent.parent / "pack"
TEXT = (DEFAULT_PACK / "safety.toml").read_text(encoding="utf-8")


def write(folder: Path, text: str) -> Path:
    path = folder / "safety.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_default_pack_has_a_text_for_every_level_and_five_regions():
    texts = safety()

    assert list(texts.advice) == list(LEVELS)
    assert set(texts.regions) == {
        "hovedstaden", "sjaelland", "syddanmark", "midtjylland", "nordjylland",
    }  # fmt: skip
    assert texts.default_region == "syddanmark"


@pytest.mark.parametrize(
    ("language", "heading", "says"),
    [
        ("da", "Ring straks – vent ikke til i morgen", "Ring til din egen læge nu"),
        ("en", "Call now – do not wait until tomorrow", "Call your own doctor now"),
    ],
)
def test_the_emergency_text_says_now_names_the_helpline_and_112(language, heading, says):
    with translation.override(language):
        advice = safety().advice["now"]
        body = str(advice.body)

    assert advice.heading.by_language[language] == heading
    assert says in body and "112" in body and "70 11 07 07" in body
    lowered = body.lower()
    for slow in ("samme dag", "same day", "i løbet af dagen", "later today"):
        assert slow not in lowered


def test_the_emergency_text_lists_the_signs_the_review_asked_for_in_plain_words():
    danish = safety().advice["now"].body.by_language["da"]

    for words in ("begge ben", "kan ikke mærke, at du tisser", "svag stråle", "sex", "skridtet"):
        assert words in danish


def test_the_placeholders_take_the_active_regions_services():
    hovedstaden = safety().regions["hovedstaden"].services()
    own_number = safety().regions["syddanmark"].services(helpline_phone="70 00 00 01")

    with translation.override("da"), regional.override(hovedstaden):
        capital = str(safety().advice["now"].body)
    with translation.override("en"), regional.override(own_number):
        southern = str(safety().advice["same_day"].body)

    assert "ring til Akuttelefonen på 1813" in capital
    assert "(Lægevagten) on 70 00 00 01" in southern


def test_outside_a_request_the_default_region_applies():
    with translation.override("da"):
        assert "lægevagten på 70 11 07 07" in str(safety().advice["now"].body)


def test_a_material_shows_a_shared_section_with_the_packs_text_and_sources():
    flare_plan = pack()["flare-up-plan"]
    shared = [section for section in flare_plan.sections if section.shared]

    assert [section.shared for section in shared] == list(LEVELS)
    assert shared[0].body == safety().advice["now"].body
    cited = {source.id for source in flare_plan.sources}
    assert set(safety().advice["now"].sources) <= cited


BROKEN = {
    "same day in the emergency text": (
        ("Ring til din egen læge nu.", "Ring til din egen læge samme dag."),
        "advice.now.body.da",
        "never 'samme dag'",
    ),
    "no 112 in the emergency text": (
        ("If you cannot get through, call 112.", "If you cannot get through, call us."),
        "advice.now.body.en",
        "must say '112'",
    ),
    "no helpline number in the emergency text": (
        ("så ring til {helpline_name} på {helpline_phone}. Kommer", "så ring til lægen. Kommer"),
        "advice.now.body.da",
        "{helpline_name}",
    ),
    "an unknown placeholder": (
        ("call {helpline_name} on {helpline_phone}. If it gets worse quickly",
         "call {helpline} on {helpline_phone}. If it gets worse quickly"),
        "advice.same_day.body.en",
        "unknown placeholder {helpline}",
    ),
    "a level missing": (("[advice.at_follow_up]", "[advice.later]"), "advice.later", "unknown key"),
    "a region's number that is no number": (
        ('helpline_phone = "1813"', 'helpline_phone = "ring 1813"'),
        "regions[1].helpline_phone",
        "is not a phone number",
    ),
    "an unknown default region": (
        ('default_region = "syddanmark"', 'default_region = "fyn"'),
        "default_region",
        "no region 'fyn'",
    ),
    "an unknown source": (
        ('sources = ["finucane2020", "nice_ng59"]', 'sources = ["finucane2021"]'),
        "advice.same_day.sources",
        "unknown source 'finucane2021'",
    ),
}  # fmt: skip


@pytest.mark.parametrize(("edit", "field", "problem"), BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_text_is_refused_naming_the_file_and_field(tmp_path, edit, field, problem):
    old, new = edit
    assert old in TEXT
    path = write(tmp_path, TEXT.replace(old, new, 1))

    with pytest.raises(ContentError) as error:
        load_safety(tmp_path)

    assert (error.value.path, error.value.field) == (path, field)
    assert problem in error.value.problem


def test_a_pack_without_warning_sign_texts_is_refused(tmp_path):
    shutil.copytree(DEFAULT_PACK / "what-matters", tmp_path / "what-matters")

    with pytest.raises(ContentError) as error:
        load_pack(tmp_path, whole=False)

    assert error.value.path == tmp_path / "safety.toml"
    assert "needs its warning-sign texts" in error.value.problem


def test_a_lead_line_then_bullets_become_a_text_and_a_list():
    from betterback.content.model import Text

    text = Text({"da": "Det gælder, hvis du:\n- har feber\n- føler dig syg\n\nRing nu.", "en": "x"})

    with translation.override("da"):
        assert text.blocks == [
            {"text": "Det gælder, hvis du:"},
            {"bullets": ["har feber", "føler dig syg"]},
            {"text": "Ring nu."},
        ]
