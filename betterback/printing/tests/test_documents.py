"""The PDFs that printing.services makes: every material blank and filled in, My plan and the
questionnaire forms, in Danish and English and in large print, read back with poppler-utils."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from betterback.audit.models import Action, AuditEvent
from betterback.content.pack import pack
from betterback.demo.data import worksheets
from betterback.printing import services
from betterback.printing.tests import pdfs
from betterback.questionnaires import services as questionnaires
from betterback.questionnaires.wording import reference
from betterback.testing.factories import small_pack

PETERS = worksheets("peter")
MOST_PAGES = 8  # the longest blank material has 7 pages; more would mean a layout gone wrong


def written(value) -> list[str]:
    """The texts a person wrote in saved answers: not ids, keys or dates."""
    if isinstance(value, dict):
        return [text for part in value.values() for text in written(part)]
    if isinstance(value, list):
        return [text for part in value for text in written(part)]
    return [value] if isinstance(value, str) and " " in value else []


PETERS_WORDS = written(PETERS)


def one_line(text) -> str:
    return " ".join(str(text).split())


def assert_numbered(pdf: bytes, language: str) -> None:
    """Each page says "Page n of N", with N the PDF's real number of pages."""
    count = pdfs.pages(pdf)
    assert 1 <= count <= MOST_PAGES
    with translation.override(language):
        last = gettext("Page %(page)s of %(pages)s") % {"page": count, "pages": count}
    assert last in pdfs.text(pdf, page=count)


def assert_tagged(pdf: bytes, language: str) -> None:
    catalog = pdfs.objects(pdf)
    assert pdfs.info(pdf)["Tagged"] == "yes"
    assert b"/StructTreeRoot" in catalog
    assert b"/MarkInfo <</Marked true>>" in catalog
    assert f"/Lang ({language})".encode() in catalog


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("material_id", list(pack()))
def test_every_material_prints_blank_with_its_text_and_no_patient_data(
    peters_plan, material_id, language
):
    definition = pack()[material_id]

    printed = services.blank_material(definition, clinic=None, language=language, large=False)

    pdf, text = printed.content, pdfs.text(printed.content)
    assert pdfs.page_size(pdf) == pdfs.A4_POINTS
    assert_numbered(pdf, language)
    assert_tagged(pdf, language)
    with translation.override(language):
        assert one_line(definition.title) in text
        for paragraph in definition.intro.paragraphs:  # the Danish letters come out intact
            assert one_line(paragraph) in text
        for field in definition.fields:
            assert one_line(field.label) in text
    assert "Peter Jensen" not in text
    assert [words for words in PETERS_WORDS if words in text] == []
    assert printed.filename == f"betterback-{material_id}-blank-{language}.pdf"


def test_danish_letters_survive_in_a_danish_blank_form():
    printed = services.blank_material(pack()["my-goals"], clinic=None, language="da", large=False)

    text = pdfs.text(printed.content)
    assert "Mine mål" in text
    assert "Hvor sikker er jeg på, at jeg når målet?" in text
    assert "Kan slet ikke" in text


def test_a_blank_form_has_room_for_every_kind_of_field(tmp_path):
    """ranked_cards and body_chart are in no material of the pack yet."""
    [sheet] = small_pack(tmp_path, {"cards": CARDS_AND_BODY}).values()

    printed = services.blank_material(sheet, clinic=None, language="en", large=False)

    text = pdfs.text(printed.content)
    assert "Cards Write 1 to 2 by the 2 cards that matter most. Walk Swim Bike" in text
    assert "Where Neck Lower back" in text


CARDS_AND_BODY = """
[[fields]]
id = "cards"
type = "ranked_cards"
rank = 2
label = { da = "Kort", en = "Cards" }
options = [
  { id = "walk", label = { da = "Gå", en = "Walk" } },
  { id = "swim", label = { da = "Svømme", en = "Swim" } },
  { id = "bike", label = { da = "Cykle", en = "Bike" } },
]

[[fields]]
id = "where"
type = "body_chart"
label = { da = "Hvor", en = "Where" }
options = [
  { id = "neck", label = { da = "Nakke", en = "Neck" } },
  { id = "lower_back", label = { da = "Lænd", en = "Lower back" } },
]
"""


@pytest.mark.parametrize(
    ("material_id", "language"), [*((m, "da") for m in PETERS), ("my-goals", "en")]
)
def test_a_material_prints_filled_in_with_the_patients_answers(
    cast, peters_plan, material_id, language
):
    printed = services.filled_material(
        patient=peters_plan,
        definition=pack()[material_id],
        actor=cast.lise,
        source="test",
        clinic=cast.odense,
        language=language,
        large=False,
    )

    pdf, text = printed.content, pdfs.text(printed.content)
    assert pdfs.page_size(pdf) == pdfs.A4_POINTS
    assert_numbered(pdf, language)
    assert_tagged(pdf, language)
    assert "Peter Jensen" in text
    assert "Rygklinikken Odense" in text
    assert [words for words in written(PETERS[material_id]) if words not in text] == []
    printed_event = AuditEvent.objects.get(action=Action.PRINT)
    assert printed_event.patient == peters_plan
    assert printed_event.actor == cast.lise
    assert printed_event.target == f"material:{material_id}"


def test_a_goal_prints_the_activities_it_serves_by_name(cast, peters_plan):
    printed = services.filled_material(
        patient=peters_plan,
        definition=pack()["my-goals"],
        actor=cast.peter,
        source="test",
        clinic=None,
        language="da",
        large=False,
    )

    assert "Målet hjælper mig med: Lege med mine børnebørn på gulvet" in pdfs.text(printed.content)


def test_my_plan_prints_each_plan_material_with_the_patients_answers(cast, peters_plan):
    printed = services.plan(
        patient=peters_plan,
        actor=cast.lise,
        source="test",
        clinic=cast.odense,
        language="da",
        large=False,
    )

    text = pdfs.text(printed.content)
    assert_numbered(printed.content, "da")
    assert_tagged(printed.content, "da")
    for material in pack().values():
        with translation.override("da"):
            assert (one_line(material.title) in text) == material.in_plan
    assert [
        words
        for words in written({m: d for m, d in PETERS.items() if pack()[m].in_plan})
        if words not in text
    ] == []
    assert printed.filename.startswith("betterback-my-plan-")
    events = AuditEvent.objects.filter(patient=peters_plan, target="plan")
    assert list(events.values_list("action", flat=True)) == [Action.PRINT]  # one event, not two


LARGE = {
    "blank": lambda cast, large: services.blank_material(
        pack()["what-matters"], clinic=None, language="da", large=large
    ),
    "filled": lambda cast, large: services.filled_material(
        patient=cast.peter_patient,
        definition=pack()["my-goals"],
        actor=cast.lise,
        source="test",
        clinic=cast.odense,
        language="da",
        large=large,
    ),
    "questionnaire": lambda cast, large: services.questionnaire_form(
        *services.questionnaire("nrs"), clinic=None, language="en", large=large
    ),
}


@pytest.mark.parametrize("kind", list(LARGE))
def test_large_print_has_text_of_at_least_16_points(cast, peters_plan, kind):
    normal = LARGE[kind](cast, False).content

    large = LARGE[kind](cast, True)

    assert pdfs.word_height(large.content) / pdfs.word_height(normal) >= 16 / 11 * 0.95
    assert pdfs.pages(large.content) >= pdfs.pages(normal)
    assert pdfs.page_size(large.content) == pdfs.A4_POINTS
    assert large.filename.endswith("-large.pdf")


@pytest.mark.parametrize("entry", services.printable_questionnaires())
def test_every_questionnaire_prints_as_a_paper_form_with_its_copyright(entry):
    definition, variant = services.questionnaire(entry)

    printed = services.questionnaire_form(
        definition, variant, clinic=None, language="da", large=False
    )

    pdf, text = printed.content, pdfs.text(printed.content)
    assert_numbered(pdf, "da")
    assert_tagged(pdf, "da")
    wording = reference(definition, "da")
    assert one_line(wording.copyright) in text
    with translation.override("da"):
        notice = gettext(
            "Reference text: BetterBack's own wording of this questionnaire, not the validated "
            "version. Your clinic can install the validated wording."
        )
        # The patient fills the form in: no notes meant for clinicians, no definition version.
        assert one_line(notice) not in text
        assert f", version {definition.version}" not in text
        for each in services.paper_questions(definition, wording, variant):
            assert one_line(each.question.text) in text
    assert "Navn" in text or "Name" in text  # a line to write the name on, nothing filled in


def test_a_questionnaire_form_prints_in_english_too():
    printed = services.questionnaire_form(
        *services.questionnaire("rmdq"), clinic=None, language="en", large=False
    )

    text = pdfs.text(printed.content)
    assert "Roland-Morris Disability Questionnaire" in text
    assert "Because of my back, I stay at home most of the time." in text
    assert printed.filename == "betterback-questionnaire-rmdq-en.pdf"


def test_the_odi_without_a_licence_prints_the_topics_and_boxes_0_to_5_only():
    printed = services.questionnaire_form(
        *services.questionnaire("odi"), clinic=None, language="da", large=False
    )

    text = pdfs.text(printed.content)
    with translation.override("da"):
        first = gettext("Section %(number)s: %(topic)s") % {
            "number": 1,
            "topic": "Smerteintensitet",
        }
    assert f"{first} 0 1 2 3 4 5" in text
    assert f"1. {first}" not in text  # the section says its number itself
    assert "Oswestry Disability Index 2.1a © Jeremy Fairbank" in text


def test_a_clinics_licensed_wording_is_printed_with_its_copyright(cast):
    questionnaires.install_wording_pack(
        clinic=cast.odense,
        definition=services.questionnaire("odi")[0],
        source_text=ODI_PACK,
        actor=cast.anne,
        source="test",
    )

    printed = services.questionnaire_form(
        *services.questionnaire("odi"), clinic=cast.odense, language="da", large=False
    )

    text = pdfs.text(printed.content)
    assert "Afsnit 1: smerte" in text
    assert "Afsnit 1, udsagn 0" in text
    assert "ODI-dk © Licens til Rygklinikken Odense." in text


ODI_PACK = "\n".join(
    [
        'instrument = "odi"',
        'instrument_version = "1"',
        'language = "da"',
        'name = "ODI-dk"',
        'version = "2.1a"',
        'copyright = "ODI-dk © Licens til Rygklinikken Odense."',
        "[items]",
        *(f'{n} = "Afsnit {n}: smerte"' for n in range(1, 11)),
        *(
            line
            for section in range(1, 11)
            for line in (
                f"[item_options.{section}]",
                *(f'{code} = "Afsnit {section}, udsagn {code}"' for code in range(6)),
            )
        ),
    ]
)


@pytest.mark.parametrize("entry", ["agenda", "nope", "nrs:arm", ""])
def test_there_is_no_paper_form_for_open_questions_or_unknown_questionnaires(entry):
    with pytest.raises(services.NotPrintable):
        services.questionnaire(entry)


def test_a_material_not_in_the_pack_is_not_printable():
    with pytest.raises(services.NotPrintable):
        services.material("no-such-material")
