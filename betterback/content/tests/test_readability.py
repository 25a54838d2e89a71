"""The readability functions: LIX for Danish, Flesch reading ease for English, worked examples."""

import pytest

from betterback.content.readability import (
    Block,
    blocks,
    flesch,
    lix,
    sentences,
    syllables,
    too_hard,
    words,
)


def test_lix_is_words_per_sentence_plus_the_share_of_long_words():
    # 8 words in 2 sentences; 2 words longer than six letters ("rygsmerter", "almindelige").
    assert lix("Mange har rygsmerter. Det er helt almindelige ting.") == pytest.approx(
        8 / 2 + 100 * 2 / 8
    )


def test_flesch_is_the_published_formula_with_our_syllables():
    # 4 words, 1 sentence, 5 syllables (back 1, pain 1, is 1, common 2).
    assert flesch("Back pain is common.") == pytest.approx(206.835 - 1.015 * 4 - 84.6 * 5 / 4)


def test_abbreviations_and_numbers_do_not_end_a_sentence():
    text = "Fx en tur på 3.110 meter, bl.a. ved søen. Det er godt!"

    assert len(sentences(text)) == 2
    assert "3110" in words(text)


def test_each_line_of_a_list_is_a_sentence():
    assert len(sentences("Det gælder, hvis du:\n- har feber\n- føler dig syg")) == 3


def test_placeholders_are_not_words():
    assert words("Ring til {helpline_name} på %(phone)s nu") == ["Ring", "til", "på", "nu"]


@pytest.mark.parametrize(
    ("word", "count"),
    [("back", 1), ("make", 1), ("walked", 1), ("people", 2), ("radio", 3), ("usual", 3),
     ("recommendation", 5), ("boxes", 2), ("activity", 4)],
)  # fmt: skip
def test_english_syllables(word, count):
    assert syllables(word) == count


def test_blocks_pair_the_paragraphs_of_both_languages():
    found = blocks("x", "Et.\n\nTo.", "One.\n\nTwo.")

    assert [(b.where, b.da, b.en) for b in found] == [
        ("x ¶1", "Et.", "One."),
        ("x ¶2", "To.", "Two."),
    ]


def test_only_long_blocks_are_judged_and_the_worst_come_first():
    hard_da = (
        "Sundhedsstyrelsen anbefaler, at paracetamol, ikke-steroide antiinflammatoriske "
        "lægemidler og opioider mod lænderygsmerter kun anvendes efter nøje overvejelse, fordi "
        "dokumentationen "
        "for gavnlige virkninger er begrænset, mens risikoen for bivirkninger og afhængighed er "
        "veldokumenteret i internationale undersøgelser."
    )
    easy = "Gå en tur. " * 8
    short_hard = "Anbefalingerne vedrørende medicinsk behandling."

    danish, english = too_hard(
        [Block("hard", hard_da, easy), Block("easy", easy, easy), Block("short", short_hard, easy)]
    )

    assert [block.where for _, block in danish] == ["hard"]
    assert english == []
