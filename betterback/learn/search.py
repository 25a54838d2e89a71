"""Search in the library: pure Python over the in-memory content pack, in the active language.

A passage is one section of a material (its heading and text), a material's introduction (its
title, summary and intro), a chart (its title, summary and row labels), a comparison's heading
and intro, or one compared option (its title and what it says about each aspect). A passage is a
hit when it contains every word of the query. Case never
matters. Accents matter only when the person types them:

- a word typed without accents or Danish letters matches the text with its accents taken off, as
  in the Unicode root collation at primary strength ("å" is "a", "ø" is "o", "æ" is "ae", "é" is
  "e"), so someone without a Danish keyboard finds "søvn" by typing "sovn" and "lænderyg" by
  typing "laenderyg";
- a word typed with them matches only those letters, so "år" finds "år" and not "var".

A word matches inside longer words: "smerte" finds "smerter" and "rygsmerter".
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from betterback.content.model import Chart, ComparedOption, Comparison, Material, Section

# Letters that are not a base letter with an accent in Unicode, but are read as one (or two).
_LETTERS = {"æ": "ae", "ø": "o", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "ł": "l", "þ": "th"}
_WORD = re.compile(r"\w+")
MAX_WORDS = 10


@dataclass(frozen=True)
class Part:
    """A piece of a text; `marked` when it is (part of) a word the person searched for."""

    text: str
    marked: bool = False


@dataclass(frozen=True)
class Hit:
    material: Material
    section: Section | Chart | Comparison | ComparedOption | None  # None: the introduction
    heading: tuple[Part, ...]
    paragraphs: tuple[tuple[Part, ...], ...]
    anchor: str = ""  # the id of the passage on the material's page ("" for the top of the page)


def _fold_char(char: str, keep_accents: bool = False) -> str:
    lowered = unicodedata.normalize("NFKC", char).casefold()
    if keep_accents:
        return lowered
    folded = []
    for lower in lowered:
        decomposed = unicodedata.normalize("NFKD", _LETTERS.get(lower, lower))
        folded.extend(c for c in decomposed if not unicodedata.combining(c))
    return "".join(folded)


# The pack's texts never change while the process runs: each is folded once per language.
@lru_cache(maxsize=4096)
def _fold_with_origin(text: str, keep_accents: bool = False) -> tuple[str, tuple[int, ...]]:
    """The folded text, and for each of its characters the index of the original character."""
    folded, origin = [], []
    for index, char in enumerate(text):
        for piece in _fold_char(char, keep_accents):
            folded.append(piece)
            origin.append(index)
    return "".join(folded), tuple(origin)


def fold(text: str, keep_accents: bool = False) -> str:
    """The text as search compares it: lower case, and without accents unless kept."""
    return _fold_with_origin(text, keep_accents)[0]


def has_accents(word: str) -> bool:
    """Whether a (lower-case) word has accents or letters that folding changes."""
    return fold(word) != word


def words_of(query: str) -> list[str]:
    """The distinct lower-case words of a query, in order; punctuation separates words."""
    words = []
    composed = unicodedata.normalize("NFC", query)  # an accent typed as its own character
    for word in _WORD.findall(_fold_char(composed, keep_accents=True)):
        if word not in words:
            words.append(word)
    return words[:MAX_WORDS]


def _contains(text: str, word: str) -> bool:
    return word in fold(text, keep_accents=has_accents(word))


def marked(text: str, words: Iterable[str]) -> tuple[Part, ...]:
    """The text cut into parts, with every occurrence of the words marked."""
    forms = {keep: _fold_with_origin(text, keep) for keep in (False, True)}
    spans = []
    for word in words:
        folded, origin = forms[has_accents(word)]
        start = folded.find(word)
        while start != -1:
            end = start + len(word)
            first, last = origin[start], origin[end - 1] + 1
            # Keep accents written as separate characters with their letter.
            while last < len(text) and unicodedata.combining(text[last]):
                last += 1
            spans.append((first, last))
            start = folded.find(word, end)
    parts, position = [], 0
    for first, last in _merged(spans):
        if first > position:
            parts.append(Part(text[position:first]))
        parts.append(Part(text[first:last], marked=True))
        position = last
    if position < len(text) or not parts:
        parts.append(Part(text[position:]))
    return tuple(parts)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for first, last in sorted(spans):
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def _passages(material: Material):
    """(part or None, anchor, heading, paragraphs) for the introduction, then for each section,
    chart, comparison and compared option in the order of the page."""
    yield None, "", str(material.title), [str(material.summary), *material.intro.paragraphs]
    for part in material.reading_order:
        anchor = f"{part.kind}-{part.id}"
        if isinstance(part, Chart):
            labels = ", ".join(str(row.label) for row in part.rows)
            yield part, anchor, str(part.title), [*part.description.paragraphs, labels]
        elif isinstance(part, Comparison):
            yield part, anchor, str(part.heading), part.intro.paragraphs if part.intro else []
            for option in part.options:
                said = [f"{point.aspect.label} {point.text}" for point in option.points]
                yield option, f"{anchor}-{option.id}", str(option.title), said
        else:
            yield part, anchor, str(part.heading), part.body.paragraphs


def search(query: str, materials: Iterable[Material]) -> list[Hit]:
    """The passages that contain all the words of the query, in the order of the materials.

    An empty query, or one without any letters or digits, finds nothing.
    """
    words = words_of(query)
    if not words:
        return []
    hits = []
    for material in materials:
        for part, anchor, heading, paragraphs in _passages(material):
            haystack = "\n".join([heading, *paragraphs])
            if all(_contains(haystack, word) for word in words):
                hits.append(
                    Hit(
                        material=material,
                        section=part,
                        heading=marked(heading, words),
                        paragraphs=tuple(marked(p, words) for p in paragraphs),
                        anchor=anchor,
                    )
                )
    return hits
