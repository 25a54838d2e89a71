"""The instrument files load, agree with the scoring code, and a broken file is refused by name."""

import dataclasses
from pathlib import Path

import pytest

from betterback.content.loader import ContentError
from betterback.content.model import Text
from betterback.questionnaires import definitions, scoring
from betterback.questionnaires.definitions import FOLDER, load_folder, load_instrument

INSTRUMENTS = load_folder()
SCORED = sorted(scoring.INSTRUMENTS)

# Every band each scoring rule can give, by instrument; an instrument left out gives none.
BANDS = {
    "startback": {"low", "medium", "high"},
    "odi": {name for _, name in scoring.ODI_BANDS},
    "orebro10": {"low", "raised"},
}

# The items of each subscale in scoring.py.
SUBSCALES = {
    ("startback", "psychosocial"): ["5", "6", "7", "8", "9"],
    ("fabq", "physical_activity"): scoring.FABQ_PHYSICAL_ACTIVITY,
    ("fabq", "work"): scoring.FABQ_WORK,
}


def test_every_file_in_the_folder_loads_with_its_id():
    assert set(INSTRUMENTS) == {
        "agenda",
        "fabq",
        "nrs",
        "odi",
        "orebro10",
        "psfs",
        "pseq",
        "redflags",
        "rmdq",
        "startback",
    }
    assert sorted(INSTRUMENTS) == sorted(p.stem for p in FOLDER.glob("*.toml"))


def test_the_cached_instruments_are_the_folder():
    assert definitions.instruments().keys() == INSTRUMENTS.keys()
    assert definitions.instrument("odi").id == "odi"


@pytest.mark.parametrize("instrument_id", SCORED)
def test_every_scored_instrument_has_a_definition_of_kind_score(instrument_id):
    definition = INSTRUMENTS[instrument_id]
    assert definition.kind == "score"
    assert definition.minimum is not None and definition.maximum is not None
    assert definition.minimum < definition.maximum


@pytest.mark.parametrize("instrument_id", SCORED)
def test_the_definition_has_the_items_of_the_scoring_rule(instrument_id):
    definition = INSTRUMENTS[instrument_id]
    assert [item.key for item in definition.items] == list(scoring.INSTRUMENTS[instrument_id].items)


@pytest.mark.parametrize("instrument_id", SCORED)
def test_each_item_offers_exactly_the_codes_the_scoring_rule_allows(instrument_id):
    definition = INSTRUMENTS[instrument_id]
    allowed = scoring.INSTRUMENTS[instrument_id].items
    assert {item.key: item.scale.codes for item in definition.items} == {
        key: list(codes) for key, codes in allowed.items()
    }


@pytest.mark.parametrize("instrument_id", SCORED)
def test_the_definition_has_the_subscales_of_the_scoring_rule(instrument_id):
    definition = INSTRUMENTS[instrument_id]
    assert [s.id for s in definition.subscales] == scoring.SUBSCALES.get(instrument_id, [])


@pytest.mark.parametrize(("instrument_id", "subscale_id"), list(SUBSCALES))
def test_subscale_items_in_the_data_are_those_of_the_scoring_rule(instrument_id, subscale_id):
    subscale = next(s for s in INSTRUMENTS[instrument_id].subscales if s.id == subscale_id)
    assert [str(n) for n in subscale.items] == SUBSCALES[instrument_id, subscale_id]


@pytest.mark.parametrize(("subscale_id", "high_above"), [("physical_activity", 14), ("work", 34)])
def test_fabq_subscales_are_high_above_their_cut_off(subscale_id, high_above):
    subscale = next(s for s in INSTRUMENTS["fabq"].subscales if s.id == subscale_id)
    assert subscale.high_above == high_above


@pytest.mark.parametrize("instrument_id", SCORED)
def test_the_definition_explains_every_band_the_scoring_rule_gives_and_no_other(instrument_id):
    assert {b.id for b in INSTRUMENTS[instrument_id].bands} == BANDS.get(instrument_id, set())


def test_odi_bands_follow_the_order_of_the_scoring_rule():
    assert [b.id for b in INSTRUMENTS["odi"].bands] == [name for _, name in scoring.ODI_BANDS]


def test_odi_ships_no_wording_only_the_topic_of_each_section():
    odi = INSTRUMENTS["odi"]
    assert odi.licence == "proprietary"
    assert odi.reference_wording is False
    assert all(item.text is None for item in odi.items)
    assert all(item.topic is not None for item in odi.items)


def test_odi_allows_one_missing_section_and_sex_life_may_be_skipped():
    odi = INSTRUMENTS["odi"]
    assert odi.max_missing == 1
    assert [item.number for item in odi.items if not item.required] == [8]


def test_psfs_asks_for_up_to_five_activities_and_needs_one():
    psfs = INSTRUMENTS["psfs"]
    assert psfs.min_answered == 1
    assert all(item.activity for item in psfs.items)
    assert [item.required for item in psfs.items] == [True, False, False, False, False]


@pytest.mark.parametrize(
    ("instrument_id", "higher_is_better"),
    [(i, i in {"psfs", "pseq"}) for i in SCORED],
)
def test_only_psfs_and_pseq_are_better_when_higher(instrument_id, higher_is_better):
    assert INSTRUMENTS[instrument_id].higher_is_better is higher_is_better


@pytest.mark.parametrize(
    ("instrument_id", "points", "percent", "floor", "worse"),
    [
        ("rmdq", 5, 30, 3, 5),
        ("odi", 10, 30, 5, 10),
        ("psfs", 2, None, None, 2),
        ("nrs", 2, 30, 2, 2),
        ("pseq", 5.5, None, None, 5.5),
    ],
)
def test_the_minimal_important_change_is_as_published(instrument_id, points, percent, floor, worse):
    definition = INSTRUMENTS[instrument_id]
    assert (
        definition.mic_points,
        definition.mic_percent,
        definition.mic_floor_points,
        definition.mic_points_worse,
    ) == (points, percent, floor, worse)


@pytest.mark.parametrize(
    ("instrument_id", "licence"),
    [
        ("startback", "free-non-commercial"),
        ("rmdq", "free"),
        ("odi", "proprietary"),
        ("psfs", "free"),
        ("pseq", "unclear"),
        ("fabq", "free"),
        ("orebro10", "unclear"),
        ("nrs", "free"),
    ],
)
def test_each_instrument_carries_its_licence(instrument_id, licence):
    assert INSTRUMENTS[instrument_id].licence == licence


def _texts(value):
    """Every Text inside a loaded definition, however deeply it sits."""
    if isinstance(value, Text):
        yield value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _texts(getattr(value, f.name))
    elif isinstance(value, tuple | list):
        for part in value:
            yield from _texts(part)
    elif isinstance(value, dict):
        for part in value.values():
            yield from _texts(part)


@pytest.mark.parametrize("instrument_id", sorted(INSTRUMENTS))
def test_every_text_has_danish_and_english(instrument_id):
    texts = list(_texts(INSTRUMENTS[instrument_id]))
    assert texts
    for text in texts:
        assert set(text.by_language) == {"da", "en"}
        assert all(value.strip() for value in text.by_language.values())


VERSIONS = {"redflags": "2"}  # version 2 after the clinical review of December 2026


@pytest.mark.parametrize("instrument_id", sorted(INSTRUMENTS))
def test_every_instrument_cites_a_source_and_has_its_version(instrument_id):
    definition = INSTRUMENTS[instrument_id]
    assert definition.version == VERSIONS.get(instrument_id, "1")
    assert definition.sources


@pytest.mark.parametrize("instrument_id", SCORED)
def test_every_band_has_a_patient_label_that_is_not_the_clinicians(instrument_id):
    for band in INSTRUMENTS[instrument_id].bands:
        for language in ("da", "en"):
            patient = band.patient_label.by_language[language].lower()
            assert patient != band.label.by_language[language].lower()
            assert "risiko" not in patient and "risk" not in patient
            assert "begrænsning" not in patient and "limitation" not in patient


@pytest.mark.parametrize("instrument_id", sorted(INSTRUMENTS))
def test_the_copyright_line_patients_see_holds_no_licence_note(instrument_id):
    copyright = INSTRUMENTS[instrument_id].copyright
    for words in ("licensen", "licence", "omskrivning", "paraphrase", "validerede", "validated"):
        assert words not in copyright.by_language["da"].lower() + copyright.by_language["en"]


# --- A broken file is refused, naming the field ----------------------------------------------


def _copy(tmp_path: Path, source: str, edits=(), name: str | None = None) -> Path:
    """A copy of an instrument file with text replaced; each replaced text must be there."""
    text = (FOLDER / f"{source}.toml").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / f"{name or source}.toml"
    path.write_text(text, encoding="utf-8")
    return path


BROKEN = [
    # (source file, edits, file name, the field the error names)
    (
        "startback",
        [('name = { da = "STarT Back-screening", en = "STarT Back Screening Tool" }',
          'name = { da = "STarT Back-screening" }')],
        None,
        "name.en",
    ),
    (
        "startback",
        [('en = "My back pain has spread down one or both legs."', 'en = " "')],
        None,
        "items[0].text.en",
    ),
    ("startback", [('version = "1"', 'version = "1"\ncolour = "blue"')], None, "colour"),
    ("startback", [("number = 2", "number = 3")], None, "items[1].number"),
    (
        "startback",
        [('scale = "agree"\ntext', 'scale = "agree"\nshade = "light"\ntext')],
        None,
        "items[0].shade",
    ),
    ("startback", [('scale = "bother"', 'scale = "bothered"')], None, "items[8].scale"),
    ("startback", [('licence = "free-non-commercial"', 'licence = "proprietary"')], None,
     "reference_wording"),
    ("startback", [], "startback2", "id"),
    ("startback", [("minimum = 0\n", "")], None, "maximum"),
    ("startback", [('kind = "score"', 'kind = "screen"')], None, "items[0].urgency"),
    ("redflags", [('urgency = "now"\n', "")], None, "items[0].urgency"),
    ("redflags", [('urgency = "now"\n', 'urgency = "soon"\n')], None, "items[0].urgency"),
    ("redflags", [('id = "saddle"\n', "")], None, "items[0].id"),
    ("redflags", [('id = "bladder"', 'id = "saddle"')], None, "items[1].id"),
    ("redflags", [('when_all = [["cancer"], ', 'when_all = [["cancer_history"], ')], None,
     "combinations[0].when_all"),
    ("redflags", [('when_all = [["cancer"], ["leg_one_worse", "legs_weaker", "legs_both"]]',
                   'when_all = [["cancer"]]')], None, "combinations[0].when_all"),
    ("redflags", [('urgency = "same_day"\nwhen_all = [["fever"], ["unwell"]]',
                   'urgency = "within_days"\nwhen_all = [["fever"], ["unwell"]]')], None,
     "combinations[2].urgency"),
    ("redflags", [("asks_history = false", 'asks_history = "no"')], None,
     "variants[1].asks_history"),
    ("rmdq", [("mic_floor_points = 3\n", "")], None, "mic_floor_points"),
    ("rmdq", [('mic_source = "', 'mic_origin = "')], None, "mic_origin"),
    ("pseq", [("mic_source = ", "# mic_source = ")], None, "mic_source"),
    ("startback", [('patient_label = { da = "Gode chancer for at komme videre", '
                    'en = "A good chance of getting on well" }\n', "")], None,
     "bands[0].patient_label"),
    (
        "odi",
        [('scale = "section"\ntopic', 'scale = "section"\ntext = { da = "x", en = "x" }\ntopic')],
        None,
        "items[0].text",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("source", "edits", "name", "field"), BROKEN)
def test_a_broken_file_fails_naming_the_field(tmp_path, source, edits, name, field):
    path = _copy(tmp_path, source, edits, name)
    with pytest.raises(ContentError) as error:
        load_instrument(path)
    assert error.value.field == field
    assert str(path) in str(error.value)


def test_an_unchanged_copy_loads(tmp_path):
    assert load_instrument(_copy(tmp_path, "startback")) == INSTRUMENTS["startback"]


def test_an_empty_folder_is_refused(tmp_path):
    with pytest.raises(ContentError, match="no instrument files"):
        load_folder(tmp_path)
