"""Questions as the page shows them: wording, the answer given, and a translated error."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from betterback.questionnaires.definitions import Instrument
from betterback.questionnaires.wording import Question, Wording, questions

ERRORS = {
    "required": lambda item: _("Choose an answer to this question."),
    "invalid": lambda item: _("Choose one of the answers shown."),
    "too_long": lambda item: (
        _("Write at most %(count)s characters.") % {"count": item.scale.max_length}
    ),
}


@dataclass(frozen=True)
class Shown:
    question: Question
    number: int
    value: str
    note: str
    error: str

    @property
    def key(self) -> str:
        return self.question.key


def field_name(key: str) -> str:
    return f"item-{key}"


def note_name(key: str) -> str:
    return f"note-{key}"


def read_post(definition: Instrument, data, variant: str = "") -> tuple[dict, dict]:
    """The answers and notes posted for the items asked in this variant."""
    items = definition.asked(variant)
    raw = {item.key: data.get(field_name(item.key), "") for item in items}
    notes = {item.key: data.get(note_name(item.key), "") for item in items if item.activity}
    return raw, notes


def shown(
    definition: Instrument,
    wording: Wording,
    variant: str,
    answers: dict,
    notes: dict,
    problems: dict[str, str],
) -> list[Shown]:
    return [
        Shown(
            question=question,
            number=index,
            value="" if answers.get(question.key) is None else str(answers[question.key]),
            note=notes.get(question.key, ""),
            error=ERRORS[problems[question.key]](question.item) if question.key in problems else "",
        )
        for index, question in enumerate(questions(definition, wording, variant), start=1)
    ]


def recall(definition: Instrument, wording: Wording, variant: str) -> str:
    """The time the questions are about: the variant's own (a follow-up: "since last time")."""
    chosen = definition.variant(variant) if variant else None
    if chosen and chosen.recall and wording.is_reference:
        return str(chosen.recall)
    return wording.recall
