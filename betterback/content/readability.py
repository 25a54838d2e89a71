"""How hard a text is to read: LIX for Danish, Flesch reading ease for English.

Patient texts aim at LIX 35 or below (easy, everyday Danish) and Flesch 60 or above (plain
English). Both formulas count words per sentence; LIX adds the share of long words (more than six
letters), Flesch the syllables per word. A sentence ends at . ! ? : ; at a line break and at each
item of a list; abbreviations such as "fx" or "e.g." and numbers such as "3.110" do not end one.
Placeholders ({helpline_name}, %(count)s) are left out. Pure functions, no Django.
"""

import re
from dataclasses import dataclass

ABBREVIATIONS = (
    "f.eks.", "bl.a.", "m.fl.", "osv.", "ca.", "dvs.", "m.m.", "evt.", "inkl.", "jf.", "pga.",
    "e.g.", "i.e.", "etc.", "vs.", "approx.", "dr.", "et al.", "no.",
)  # fmt: skip
LETTERS = "A-Za-zÆØÅæøåÄÖÜäöüÉéÈèÊêÁáÍíÓóÚú"
WORD = re.compile(rf"[{LETTERS}0-9]+(?:[-'’][{LETTERS}0-9]+)*")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%\([a-z_]+\)[sd]")
SENTENCE_END = re.compile(r"[.!?:;…]+(?=\s|$)|\n|^\s*[-•]\s", re.MULTILINE)
VOWELS = re.compile(r"[aeiouy]+")
SOUNDED_ES = ("ses", "zes", "ches", "shes", "ges", "ces", "xes")


ABBREVIATION = re.compile(
    r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in ABBREVIATIONS) + ")", re.IGNORECASE
)


def _prepare(text: str) -> str:
    text = PLACEHOLDER.sub(" ", text)
    text = ABBREVIATION.sub(lambda match: match.group(0).replace(".", ""), text)
    # "3.110" and "1,5" are one number.
    return re.sub(r"(?<=\d)[.,](?=\d)", "", text)


def words(text: str) -> list[str]:
    return WORD.findall(_prepare(text))


def sentences(text: str) -> list[str]:
    return [part for part in SENTENCE_END.split(_prepare(text)) if WORD.search(part)]


def lix(text: str) -> float | None:
    """Words per sentence plus the per cent of words longer than six letters. None: no words."""
    found = words(text)
    if not found:
        return None
    long = sum(1 for word in found if len(re.sub(r"[-'’]", "", word)) > 6)
    return len(found) / max(1, len(sentences(text))) + 100 * long / len(found)


def syllables(word: str) -> int:
    """English syllables by vowel groups, with the common silent endings taken off."""
    letters = re.sub(r"[^a-z]", "", word.lower())
    if not letters:
        return 1 if any(character.isdigit() for character in word) else 0
    if len(letters) <= 3:
        return 1
    count = len(VOWELS.findall(letters))
    if letters.endswith("e") and not letters.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1  # make, time
    elif letters.endswith("ed") and not letters.endswith(("ted", "ded")) and count > 1:
        count -= 1  # walked, helped
    elif letters.endswith("es") and not letters.endswith(SOUNDED_ES) and count > 1:
        count -= 1  # makes, times
    # Vowel pairs that are two syllables: "ia" (media), "io" (radio), "ua" (usual).
    count += len(re.findall(r"(?<![cgst])i[ao]|[^q]ua", letters))
    return max(1, count)


def flesch(text: str) -> float | None:
    """Flesch reading ease: higher is easier (60-70 is plain English). None: no words."""
    found = words(text)
    if not found:
        return None
    per_sentence = len(found) / max(1, len(sentences(text)))
    per_word = sum(syllables(word) for word in found) / len(found)
    return 206.835 - 1.015 * per_sentence - 84.6 * per_word


# The goals for patient texts, and the shortest block they apply to (a short label has too few
# words for either formula to mean anything).
LIX_GOAL = 35
FLESCH_GOAL = 60
MINIMUM_WORDS = 30


@dataclass(frozen=True)
class Block:
    """One paragraph of patient text in both languages, and where it comes from."""

    where: str
    da: str
    en: str

    @property
    def lix(self) -> float | None:
        return lix(self.da)

    @property
    def flesch(self) -> float | None:
        return flesch(self.en)


def paragraphs(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]


def blocks(where: str, da: str, en: str) -> list[Block]:
    """A text's paragraphs, Danish and English side by side (by position)."""
    danish, english = paragraphs(da), paragraphs(en)
    if len(danish) != len(english):  # translated with another paragraph break: judge it whole
        return [Block(where, da, en)]
    return [
        Block(f"{where} ¶{index + 1}" if len(danish) > 1 else where, d, e)
        for index, (d, e) in enumerate(zip(danish, english, strict=True))
    ]


def too_hard(found: list[Block]) -> tuple[list[tuple[float, Block]], list[tuple[float, Block]]]:
    """The blocks of at least MINIMUM_WORDS words above the LIX goal (Danish) and below the
    Flesch goal (English), worst first."""
    danish = sorted(
        ((b.lix, b) for b in found if len(words(b.da)) >= MINIMUM_WORDS and b.lix > LIX_GOAL),
        key=lambda pair: -pair[0],
    )
    english = sorted(
        (
            (b.flesch, b)
            for b in found
            if len(words(b.en)) >= MINIMUM_WORDS and b.flesch < FLESCH_GOAL
        ),
        key=lambda pair: pair[0],
    )
    return danish, english
