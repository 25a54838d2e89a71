"""Search in the library: pure Python over the in-memory content pack, in the active language.

A passage is one section of a material (its heading and text) or a material's introduction (its
title, summary and intro). A passage is a hit when it contains every word of the query, ignoring
case and accents. Letters are compared as in the Unicode root collation at primary strength:
"å" is "a", "ø" is "o" and "æ" is "ae", so someone without a Danish keyboard finds "søvn" by
typing "sovn", and "lænderyg" by typing "laenderyg". A word matches inside longer words, so
"smerte" finds "smerter" and "rygsmerter".
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from betterback.content.model import Material, Section

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
    section: Section | None  # None: the material's introduction
    heading: tuple[Part, ...]
    paragraphs: tuple[tuple[Part, ...], ...]

    @property
    def anchor(self) -> str:
        """The id of the passage on the material's page ("" for the top of the page)."""
        return f"section-{self.section.id}" if self.section else ""


def _fold_char(char: str) -> str:
    folded = []
    for lower in char.casefold():
        lower = _LETTERS.get(lower, lower)
        folded.extend(c for c in unicodedata.normalize("NFKD", lower) if not unicodedata.combining(c))
    return "".join(folded)


def _fold_with_origin(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the index of the original character."""
    folded, origin = [], []
    for index, char in enumerate(text):
        for piece in _fold_char(char):
            folded.append(piece)
            origin.append(index)
    return "".join(folded), origin


def fold(text: str) -> str:
    """The text as search compares it: lower case, without accents."""
    return _fold_with_origin(text)[0]


def words_of(query: str) -> list[str]:
    """The distinct folded words of a query, in order; punctuation separates words."""
    words = []
    for word in _WORD.findall(fold(query)):
        if word not in words:
            words.append(word)
    return words[:MAX_WORDS]


def marked(text: str, words: Iterable[str]) -> tuple[Part, ...]:
    """The text cut into parts, with every occurrence of the words marked."""
    folded, origin = _fold_with_origin(text)
    spans = []
    for word in words:
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
    """(section or None, heading, paragraphs) for the introduction and each section."""
    yield None, str(material.title), [str(material.summary), *material.intro.paragraphs]
    for section in material.sections:
        yield section, str(section.heading), section.body.paragraphs


def search(query: str, materials: Iterable[Material]) -> list[Hit]:
    """The passages that contain all the words of the query, in the order of the materials.

    An empty query, or one without any letters or digits, finds nothing.
    """
    words = words_of(query)
    if not words:
        return []
    hits = []
    for material in materials:
        for section, heading, paragraphs in _passages(material):
            haystack = fold("\n".join([heading, *paragraphs]))
            if all(word in haystack for word in words):
                hits.append(
                    Hit(
                        material=material,
                        section=section,
                        heading=marked(heading, words),
                        paragraphs=tuple(marked(p, words) for p in paragraphs),
                    )
                )
    return hits
