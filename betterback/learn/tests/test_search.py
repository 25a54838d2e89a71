"""Search in the library, without the database: a table of queries over the default pack."""

from dataclasses import replace

import pytest
from django.utils import translation

from betterback.content.pack import pack
from betterback.learn.library import patient_materials
from betterback.learn.search import Part, fold, marked, search, words_of

ALARM = ("understanding-pain", "alarm")  # "Tænk på en røgalarm ... en skive toast ... skademåler"
SLEEP = [
    ("todays-conversation", "more_than_the_back"),
    ("understanding-pain", "what_turns_the_knob"),
    ("understanding-pain", "sleep"),
    ("load-and-capacity", "capacity"),
    ("load-and-capacity", "rebalance"),
    ("helps-and-hinders", "use_it"),
]
LOW_BACK_PAIN = [("scans-and-findings", "when_a_scan_helps"), ("my-options", "medicines")]
X_RAY = [("my-options", "rarely")]

CASES = [
    # (language, query, the passages found as (material, section or None for the intro))
    ("da", "røgalarm", [ALARM]),
    ("da", "RØGALARM", [ALARM]),  # case
    ("da", "RøGaLaRm", [ALARM]),
    ("da", "rogalarm", [ALARM]),  # ø typed as o
    ("da", "skademaler", [ALARM]),  # å typed as a
    ("da", "skademåler", [ALARM]),
    ("da", "lænderygsmerter", LOW_BACK_PAIN),  # æ
    ("da", "LÆNDERYGSMERTER", LOW_BACK_PAIN),
    ("da", "laenderygsmerter", LOW_BACK_PAIN),  # æ typed as ae
    ("da", "røntgen", X_RAY),
    ("da", "rontgen", X_RAY),
    ("da", "søvn", SLEEP),
    ("da", "sovn", SLEEP),
    ("en", "sleep", SLEEP),  # the same passages in English
    ("da", "røgalarm toast", [ALARM]),  # every word, in one passage
    ("da", "toast røgalarm", [ALARM]),  # in any order
    ("da", "  røgalarm,   toast! ", [ALARM]),  # punctuation and spaces separate words
    ("da", "røgalarm røgalarm", [ALARM]),
    ("da", "røgalarm scanning", []),  # both words are in the pack, but not in one passage
    ("da", "scanningsbeskrivelse", [("scans-and-findings", "common_not_meaningless")]),
    (
        "da",
        "Forstå rygsmerter",
        [("todays-conversation", "more_than_the_back"), ("understanding-pain", None)],
    ),  # noqa: E501
    ("en", "Understanding back pain", [("understanding-pain", None)]),  # the title is searched
    ("en", "smoke alarm", [ALARM]),
    ("en", "røgalarm", []),  # only the page's language is searched
    ("da", "smoke alarm", []),
    ("da", "xyzzy", []),  # no hits
    ("da", "", []),  # empty query
    ("da", "   ", []),
    ("da", "?! –", []),  # no words at all
]


@pytest.mark.parametrize(("language", "query", "expected"), CASES, ids=[c[1] for c in CASES])
def test_search_finds_the_passages_with_all_the_words(language, query, expected):
    with translation.override(language):
        hits = search(query, patient_materials())

    assert [(hit.material.id, hit.section.id if hit.section else None) for hit in hits] == expected


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Søvn", "sovn"),
        ("ÆBLE", "aeble"),
        ("Gå", "ga"),
        ("idé", "ide"),
        ("a\u030a", "a"),  # å written as a and a combining ring
        ("Straße", "strasse"),
        ("3.110 og 37 %", "3.110 og 37 %"),
    ],
)
def test_fold_takes_off_case_and_accents(text, folded):
    assert fold(text) == folded


def test_a_word_typed_with_accents_matches_only_those_letters():
    with translation.override("da"):
        with_ring = search("år", patient_materials())
        without = search("ar", patient_materials())

    assert 0 < len(with_ring) < len(without)
    assert marked("Det var et år", ["år"]) == (Part("Det var et "), Part("år", marked=True))
    assert marked("Det var et år", ["ar"]) == (
        Part("Det v"),
        Part("ar", marked=True),
        Part(" et "),
        Part("år", marked=True),
    )


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("Søvn og STRESS", ["søvn", "og", "stress"]),
        ("søvn, søvn", ["søvn"]),
        ("a\u030ar", ["år"]),
        ("", []),
        ("…", []),
    ],
)
def test_words_of_a_query(query, words):
    assert words_of(query) == words


def test_the_found_words_are_marked_in_the_original_text():
    with translation.override("da"):
        [hit] = search("ROGALARM toast", patient_materials())

    marked_words = [part.text for p in hit.paragraphs for part in p if part.marked]
    assert marked_words == ["røgalarm", "toast"]
    assert hit.anchor == "section-alarm"
    text = "".join(part.text for part in hit.paragraphs[1])
    assert text.startswith("Men alarmen måler ikke, hvor meget skade der er. Tænk på en røgalarm")


def test_marking_keeps_the_whole_text():
    text = "Tænk på en røgalarm: Den hyler lige højt."

    parts = marked(text, ["taenk", "hyler", "højt"])

    assert "".join(part.text for part in parts) == text
    assert [part.text for part in parts if part.marked] == ["Tænk", "hyler", "højt"]
    assert marked(text, []) == (Part(text),)
    assert marked("", ["ryg"]) == (Part(""),)


def test_an_introduction_is_found_with_the_material_title_and_summary():
    with translation.override("en"):
        [hit] = search("damage meter turns", patient_materials())

    assert (hit.material.id, hit.section, hit.anchor) == ("understanding-pain", None, "")
    assert "".join(part.text for part in hit.heading) == "Understanding back pain"


def test_the_library_holds_only_materials_for_patients_in_pack_order():
    materials = list(pack().values())
    for_clinicians = replace(materials[0], audience=("clinician",))

    library = patient_materials([for_clinicians, *reversed(materials[1:])])

    assert [m.number for m in library] == sorted(m.number for m in materials[1:])
    assert for_clinicians not in library
