"""Where the answering goes after a save, as pure rules: one question per screen on a phone, a
step at a time, back and forth, and the first missing answer when a questionnaire is sent in
incomplete."""

from dataclasses import dataclass, field

MOVES = {"next": 1, "back": -1}


@dataclass(frozen=True)
class After:
    """``kind``: "sent" (sent in: go on to the next questionnaire), "saved" (saved for later:
    back to the list), "step" (show question ``step``), or "again" (this page once more, at
    ``step``, with ``problems``)."""

    kind: str
    step: int = 0
    problems: dict = field(default_factory=dict)


def clamp(value, count: int) -> int | None:
    """A step from the request, kept within the questionnaire; None when it is not a number."""
    try:
        return min(max(int(value), 0), count - 1)
    except (TypeError, ValueError):
        return None


def opening(value, items, answers: dict) -> int:
    """The step a page opens at: the one asked for, else the first question not answered."""
    asked = clamp(value, len(items))
    if asked is not None:
        return asked
    return next(
        (i for i, item in enumerate(items) if answers.get(item.key) is None), len(items) - 1
    )


def first_problem(items, problems: dict) -> int:
    return next((i for i, item in enumerate(items) if item.key in problems), 0)


def after_save(action: str, step: int, items, answers: dict, missing: dict) -> After:
    """What follows a save of the answers ``answers`` with the button ``action`` pressed on
    question ``step``; ``missing``: the required answers a submit lacked."""
    if missing:
        return After("again", first_problem(items, missing), missing)
    if action == "submit":
        return After("sent")
    if action == "save":
        return After("saved")
    current = items[step]
    if action == "next" and current.required and current.key not in answers:
        return After("again", step, {current.key: "required"})
    return After("step", clamp(step + MOVES.get(action, 0), len(items)))
