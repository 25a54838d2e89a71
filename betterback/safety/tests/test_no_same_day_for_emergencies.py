"""An emergency sign is "now", never "the same day": no text anywhere in the product (content pack,
warning-sign texts, questionnaires, clinicians' course, templates, translations) puts an
emergency sign and "the same day" (or "today") in one paragraph.

The emergency signs are those of DOMAIN.md's first tier: numbness in the saddle area or genitals,
problems passing or holding urine or stools, symptoms in both legs, new sexual problems.
"""

import dataclasses
import re
from pathlib import Path

import pytest

from betterback.content.model import Text
from betterback.content.pack import pack, safety
from betterback.questionnaires.definitions import instruments
from betterback.training.course import course

PACKAGE = Path(__file__).resolve().parent.parent.parent
EMERGENCY = {
    "da": ("i skridtet", "ridebukse", "endetarm", "kønsorgan", "tisse", "vandladning", "urin",
           "afføring", "begge ben", "rejsning", "under sex", "inkontinens", "cauda equina"),
    "en": ("saddle", "crotch", "back passage", "genital", "urine", "bladder", "bowel", "stool",
           "both legs", "erection", "during sex", "incontinence", "cauda equina"),
}  # fmt: skip
SAME_DAY = {
    "da": ("samme dag", "i løbet af dagen", "i dag"),
    "en": ("same day", "same-day", "today", "during the day"),
}


def offending(paragraph: str) -> bool:
    lowered = paragraph.lower()
    for language in ("da", "en"):
        if any(s in lowered for s in SAME_DAY[language]) and any(
            e in lowered for e in EMERGENCY[language]
        ):
            return True
    return False


def paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def texts_in(value, where: str):
    """Every (where, text) inside a loaded pack, course or definition, however deep."""
    if isinstance(value, Text):
        for language, text in value.by_language.items():
            yield f"{where} [{language}]", text
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from texts_in(getattr(value, field.name), f"{where}.{field.name}")
    elif isinstance(value, tuple | list):
        for index, part in enumerate(value):
            yield from texts_in(part, f"{where}[{index}]")
    elif isinstance(value, dict):
        for key, part in value.items():
            yield from texts_in(part, f"{where}.{key}")


def product_texts():
    for material in pack().values():
        yield from texts_in(material, material.id)
    yield from texts_in(safety(), "safety.toml")
    for definition in instruments().values():
        yield from texts_in(definition, f"instrument {definition.id}")
    yield from texts_in(course(), "course")
    for path in sorted(PACKAGE.glob("*/templates/**/*")):
        if path.suffix in (".html", ".txt"):
            yield str(path.relative_to(PACKAGE)), path.read_text(encoding="utf-8")
    for path in sorted(PACKAGE.glob("locale/*/LC_MESSAGES/django.po")):
        for number, entry in enumerate(path.read_text(encoding="utf-8").split("\n\n")):
            yield f"{path.relative_to(PACKAGE)} entry {number}", entry


def test_no_text_tells_someone_with_an_emergency_sign_to_act_the_same_day():
    found = [
        f"{where}: {paragraph[:160]!r}"
        for where, text in product_texts()
        for paragraph in paragraphs(text)
        if offending(paragraph)
    ]

    assert found == [], "\n".join(found)


def test_the_check_reads_every_kind_of_text():
    places = {where.split(" ")[0].split(".")[0].split("/")[0] for where, _ in product_texts()}

    assert {"flare-up-plan", "safety", "instrument", "course", "locale"} <= places
    assert any(where.startswith("questionnaires/templates") for where, _ in product_texts())


@pytest.mark.parametrize(
    "text",
    [
        # Material 11 before the clinical review of December 2026 (finding C1).
        "Kontakt din egen læge samme dag – eller lægevagten, hvis det er uden for åbningstid – "
        "hvis du:\n• får nedsat følelse eller prikken i skridtet eller omkring endetarmen",
        "Some signs must always be checked the same day: reduced feeling in your crotch",
        "Same day, acute assessment: pain or numbness in both legs.",
        # Version 1 of the questionnaire's advice: "now", then "today".
        "Søg lægehjælp nu. Ring til din egen læge i dag, hvis du har problemer med at tisse.",
    ],
)
def test_the_check_catches_the_old_wording(text):
    assert offending(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ring til din egen læge i dag, hvis du har feber og føler dig syg.",
        "Tag et lille skridt i dag.",
        "Same day: rapidly worsening weakness in one leg (foot drop).",
        "Ring straks, hvis du får problemer med at tisse.",
    ],
)
def test_the_check_lets_the_right_wording_through(text):
    assert not offending(text)
