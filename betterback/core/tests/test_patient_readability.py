"""Patient texts stay plain: every Danish block of 30 words or more a patient reads has LIX 35 or
below, every English one Flesch reading ease 60 or above. The blocks are the content pack's
materials and warning-sign texts, the questionnaires as patients see them, and the screen and email
texts of the patient's pages (betterback.testing.patient_texts); the scores come from the project's
own functions (betterback.content.readability). A failure lists the blocks, worst first."""

from betterback.content.readability import MINIMUM_WORDS, Block, too_hard, words
from betterback.testing.patient_texts import (
    pack_blocks,
    patient_blocks,
    questionnaire_blocks,
    report,
    screen_blocks,
)


def test_every_long_patient_text_is_plain_in_both_languages():
    found = patient_blocks()
    danish, english = too_hard(found)

    assert (danish, english) == ([], []), report(found)


def test_the_check_reads_materials_warning_signs_questionnaires_and_screens():
    def long(found):
        return [b for b in found if len(words(b.da)) >= MINIMUM_WORDS]

    pack, questionnaires, screens = pack_blocks(), questionnaire_blocks(), screen_blocks()

    assert len(long(pack)) > 50
    assert any(b.where.startswith("safety.now.body") for b in pack)
    assert any(b.where.startswith("flare-up-plan.sections") for b in long(pack))
    assert any(b.where.startswith("redflags.items") for b in questionnaires)
    assert any(b.where.startswith("startback.bands") for b in questionnaires)
    assert any(b.where.startswith("rights/templates") for b in screens)
    assert any(
        b.where.startswith("questionnaires/templates/questionnaires/answer") for b in screens
    )


def test_a_hard_text_would_fail():
    # The medicines paragraph of material 8 before the clinical review (LIX 43).
    old = Block(
        "my-options.medicines",
        "Sundhedsstyrelsen anbefaler (2025), at paracetamol, NSAID (fx ibuprofen) og opioider mod "
        "lænderygsmerter kun bruges efter nøje overvejelse. I et stort forsøg kom de, der fik "
        "paracetamol, ikke hurtigere over smerterne end de, der fik kalkpiller. Opioider var ikke "
        "bedre end kalkpiller efter seks uger og gav flere skadevirkninger.",
        "Plain words.",
    )

    danish, _ = too_hard([old])

    assert [block.where for _, block in danish] == ["my-options.medicines"]
    assert "my-options.medicines" in report([old])
