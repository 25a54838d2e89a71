"""What the patient reads: our reference wording, or a clinic's licensed wording pack, checked
against the instrument before it is installed, with errors that name the field."""

import pytest
from django.utils import translation

from betterback.audit.models import AuditEvent
from betterback.questionnaires import services
from betterback.questionnaires.definitions import instruments
from betterback.questionnaires.models import WordingPack
from betterback.questionnaires.wording import (
    WordingError,
    from_pack,
    parse_pack,
    questions,
    reference,
)

STARTBACK = instruments()["startback"]
ODI = instruments()["odi"]
NRS = instruments()["nrs"]

# A small, valid STarT Back pack (the texts are placeholders, not the licensed STarT-dk).
STARTBACK_PACK = """\
instrument = "startback"
instrument_version = "1"
language = "da"
name = "STarT-dk"
version = "2011"
copyright = "STarT Back © Keele University. Dansk oversættelse: Morsø m.fl. 2011."
recall = "Tænk på de sidste 2 uger."

[items]
1 = "Tekst 1"
2 = "Tekst 2"
3 = "Tekst 3"
4 = "Tekst 4"
5 = "Tekst 5"
6 = "Tekst 6"
7 = "Tekst 7"
8 = "Tekst 8"
9 = "Tekst 9"

[options.agree]
0 = "Uenig (pakke)"
1 = "Enig (pakke)"

[options.bother]
0 = "Slet ikke (pakke)"
1 = "Lidt (pakke)"
2 = "Moderat (pakke)"
3 = "Meget (pakke)"
4 = "Ekstremt (pakke)"
"""


def changed(old: str, new: str, pack: str = STARTBACK_PACK) -> str:
    assert old in pack, old
    return pack.replace(old, new, 1)


def test_a_valid_pack_is_accepted():
    data = parse_pack(STARTBACK_PACK, STARTBACK)

    assert (data["name"], data["version"], data["language"]) == ("STarT-dk", "2011", "da")
    assert data["items"]["9"] == "Tekst 9"


# How the valid pack is spoiled -> the field the error names.
BROKEN = {
    "an unknown key": (("name =", 'colour = "blue"\nname ='), "colour"),
    "another instrument": (('"startback"', '"rmdq"'), "instrument"),
    "another instrument version": (('instrument_version = "1"', 'instrument_version = "2"'),
                                   "instrument_version"),
    "a language we do not have": (('language = "da"', 'language = "sv"'), "language"),
    "no name": (('name = "STarT-dk"\n', ""), "name"),
    "an empty version": (('version = "2011"', 'version = " "'), "version"),
    "no copyright": (("copyright =", "# copyright ="), "copyright"),
    "a missing item text": (('9 = "Tekst 9"\n', ""), "items.9"),
    "an empty item text": (('3 = "Tekst 3"', '3 = "  "'), "items.3"),
    "an item the instrument does not have": (('9 = "Tekst 9"', '9 = "Tekst 9"\n10 = "Ti"'),
                                             "items.10"),
    "a missing option label": (('4 = "Ekstremt (pakke)"\n', ""), "options.bother.4"),
    "an option code that is not a number": (('4 = "Ekstremt (pakke)"', 'four = "Ekstremt"'),
                                            "options.bother.four"),
    "invalid TOML": (('name = "STarT-dk"', "name = STarT-dk"), "(file)"),
    "an intro that is not a text": (("recall =", "intro = 5\nrecall ="), "intro"),
    "a recall that is not a text": (('recall = "Tænk på de sidste 2 uger."', "recall = []"),
                                    "recall"),
}  # fmt: skip


@pytest.mark.parametrize(("change", "field"), BROKEN.values(), ids=BROKEN)
def test_a_broken_pack_is_refused_naming_the_field(change, field):
    with pytest.raises(WordingError) as raised:
        parse_pack(changed(*change), STARTBACK)

    assert raised.value.field == field
    assert f"field '{field}'" in str(raised.value)


def test_a_missing_option_label_names_the_scale_the_code_and_the_item():
    with pytest.raises(WordingError) as raised:
        parse_pack(changed('1 = "Enig (pakke)"\n', ""), STARTBACK)

    assert raised.value.field == "options.agree.1"
    assert "item 1 needs a label for answer 1" in raised.value.problem


def odi_pack(*, scale_labels=True, sections=range(1, 11)) -> str:
    """A Danish ODI pack: a text for every section, neutral labels for the codes of the scale
    (unless left out), and the statements of each section in ``sections`` as its own labels."""
    lines = [
        'instrument = "odi"',
        'instrument_version = "1"',
        'language = "da"',
        'name = "ODI-dk"',
        'version = "2.1a"',
        'copyright = "Oswestry Disability Index 2.1a © Jeremy Fairbank."',
        "[items]",
        *(f'{n} = "Afsnit {n}"' for n in range(1, 11)),
    ]
    if scale_labels:
        lines += ["[options.section]", *(f'{code} = "Kode {code}"' for code in range(6))]
    for section in sections:
        lines += [
            f"[item_options.{section}]",
            *(f'{code} = "Afsnit {section}, udsagn {code}"' for code in range(6)),
        ]
    return "\n".join(lines) + "\n"


def test_item_options_give_each_section_its_own_statements():
    wording = from_pack(odi_pack(sections=[1]), ODI, "ODI-dk 2.1a")

    assert wording.options["1"][0] == "Afsnit 1, udsagn 0"
    assert wording.options["1"][5] == "Afsnit 1, udsagn 5"
    assert wording.options["2"][0] == "Kode 0"  # the scale's label where no section has its own
    shown = questions(ODI, wording)
    assert shown[0].text == "Afsnit 1"
    assert shown[0].options[2] == (2, "Afsnit 1, udsagn 2")
    assert shown[1].options[2] == (2, "Kode 2")


def test_item_options_for_every_section_need_no_scale_labels():
    parse_pack(odi_pack(scale_labels=False), ODI)


def test_item_options_for_one_section_leave_the_others_without_labels():
    with pytest.raises(WordingError) as raised:
        parse_pack(odi_pack(scale_labels=False, sections=[1]), ODI)

    assert raised.value.field == "options.section.0"
    assert "item 2" in raised.value.problem


def test_from_pack_gives_the_packs_texts_and_labels():
    wording = from_pack(STARTBACK_PACK, STARTBACK, "STarT-dk 2011")

    assert wording.source == "STarT-dk 2011" and not wording.is_reference
    assert wording.copyright.startswith("STarT Back © Keele University. Dansk")
    assert wording.recall == "Tænk på de sidste 2 uger."
    assert wording.intro == str(STARTBACK.intro.by_language["da"])  # none in the pack
    assert wording.items == {str(n): f"Tekst {n}" for n in range(1, 10)}
    assert wording.options["1"] == {0: "Uenig (pakke)", 1: "Enig (pakke)"}
    assert wording.options["9"][4] == "Ekstremt (pakke)"
    assert wording.available(STARTBACK)
    assert [q.text for q in questions(STARTBACK, wording)][8] == "Tekst 9"


@pytest.mark.parametrize(
    ("language", "item_1", "agree"),
    [
        ("da", "Mine rygsmerter har bredt sig ned i det ene eller begge ben.", "Enig"),
        ("en", "My back pain has spread down one or both legs.", "Agree"),
    ],
)
def test_the_reference_wording_is_in_the_language_asked_for(language, item_1, agree):
    wording = reference(STARTBACK, language)

    assert wording.is_reference
    assert wording.items["1"] == item_1
    assert wording.options["1"][1] == agree
    assert wording.copyright == STARTBACK.copyright.by_language[language]


def test_the_reference_wording_follows_the_active_language_when_none_is_asked_for():
    with translation.override("en"):
        assert reference(STARTBACK).items["2"] == "I have also had pain in my shoulder or neck."


@pytest.mark.parametrize(
    ("language", "first", "last"),
    [
        ("da", "Afsnit 1: Smerteintensitet", "Afsnit 10: Rejser og transport"),
        ("en", "Section 1: Pain intensity", "Section 10: Travelling"),
    ],
)
def test_odi_without_a_pack_shows_each_sections_topic(language, first, last):
    wording = reference(ODI, language)

    with translation.override(language):
        shown = questions(ODI, wording)

    assert not wording.available(ODI)
    assert (shown[0].text, shown[-1].text) == (first, last)
    assert [code for code, _ in shown[0].options] == [0, 1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("variant", "text"),
    [
        ("back", "On average, how much pain have you had in your back?"),
        ("leg", "On average, how much pain have you had in your leg or legs?"),
        ("", "On average, how much pain have you had?"),
    ],
)
def test_the_pain_scale_asks_about_the_place_its_variant_names(variant, text):
    with translation.override("en"):
        [question] = questions(NRS, reference(NRS, "en"), variant)

    assert question.text == text
    assert question.kind == "numeric"
    assert question.options == [(n, str(n)) for n in range(11)]


# --- Installed packs -------------------------------------------------------------------------


def install(cast, source_text=STARTBACK_PACK, clinic=None):
    return services.install_wording_pack(
        clinic=clinic or cast.odense,
        definition=STARTBACK,
        source_text=source_text,
        actor=cast.anne,
        source="test",
    )


def test_installing_a_pack_replaces_the_earlier_one_of_the_same_language(cast):
    install(cast)
    english = install(cast, changed('language = "da"', 'language = "en"'))

    newer = install(cast, changed('version = "2011"', 'version = "2012"'))

    packs = WordingPack.objects.filter(clinic=cast.odense, instrument_id="startback")
    assert sorted((p.language, p.label) for p in packs) == [
        ("da", "STarT-dk 2012"),
        ("en", "STarT-dk 2011"),
    ]
    assert newer.pk != english.pk and newer.installed_by == cast.anne
    event = AuditEvent.objects.first()
    assert (event.target, event.detail) == (
        "wording_pack:startback",
        {"language": "da", "pack": "STarT-dk 2012"},
    )


def test_a_broken_pack_is_not_installed(cast):
    with pytest.raises(WordingError):
        install(cast, changed('9 = "Tekst 9"\n', ""))

    assert not WordingPack.objects.exists()


WORDING_FOR = {
    "the clinic's pack in its language": ("odense", "da", "STarT-dk 2011"),
    "the reference in another language": ("odense", "en", "reference"),
    "the reference at another clinic": ("vejle", "da", "reference"),
    "the reference without a clinic": (None, "da", "reference"),
}


@pytest.mark.parametrize(("clinic", "language", "source"), WORDING_FOR.values(), ids=WORDING_FOR)
def test_a_clinics_pack_is_used_only_for_that_clinic_and_language(cast, clinic, language, source):
    install(cast)

    wording = services.wording_for(STARTBACK, getattr(cast, clinic) if clinic else None, language)

    assert wording.source == source
    expected = (
        "Tekst 1" if source != "reference" else STARTBACK.item("1").text.by_language[language]
    )
    assert wording.items["1"] == expected


def test_a_removed_pack_gives_the_reference_wording_back(cast):
    pack = install(cast)

    services.remove_wording_pack(pack=pack, actor=cast.anne, source="test")

    assert services.wording_for(STARTBACK, cast.odense, "da").is_reference
    assert AuditEvent.objects.first().detail == {"language": "da", "removed": "STarT-dk 2011"}
