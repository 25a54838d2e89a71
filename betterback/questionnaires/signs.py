"""Warning signs in a set of answers: which signs, which combinations, and how urgent. Pure
functions: no database, no request. Docs: docs/safety.md.

Each "yes" to a warning-sign item is a sign at its urgency. A combination (data in the
instrument file) is more urgent than its signs alone when every one of its groups has a "yes":
in these answers, or for history items in the patient's earlier answers (a follow-up does not ask
them again). A combination needs at least one "yes" in these answers: history alone was judged
when it was given.
"""

from dataclasses import dataclass

from betterback.content.model import Text
from betterback.questionnaires.definitions import YES, Instrument


@dataclass(frozen=True)
class Sign:
    kind: str  # "sign" or "combination"
    id: str
    level: int  # 1 now ... 4 at follow-up
    reason: Text  # for the clinician

    def as_data(self) -> dict:
        """The sign as an alert stores it (safety.services.record_signs)."""
        return {
            "kind": self.kind,
            "id": self.id,
            "level": self.level,
            "reason": dict(self.reason.by_language),
        }


@dataclass(frozen=True)
class Assessment:
    level: int | None  # the most urgent; None: no sign
    signs: tuple[Sign, ...]  # most urgent first


def answered_yes(definition: Instrument, answers: dict, variant: str = "") -> set[str]:
    return {item.id for item in definition.asked(variant) if answers.get(item.key) == YES}


def history_yes(definition: Instrument, answers: dict) -> set[str]:
    """The history items answered "yes": they carry forward to later answers."""
    return {item.id for item in definition.items if item.history and answers.get(item.key) == YES}


def assess(
    definition: Instrument, answers: dict, variant: str = "", history: frozenset[str] = frozenset()
) -> Assessment:
    if definition.kind != "screen":
        return Assessment(None, ())
    yes = answered_yes(definition, answers, variant)
    signs = [
        Sign("sign", item.id, item.level, item.reason)
        for item in definition.asked(variant)
        if item.id in yes
    ]
    known = yes | set(history)
    for combination in definition.combinations:
        members = {item_id for group in combination.groups for item_id in group}
        if members & yes and all(set(group) & known for group in combination.groups):
            signs.append(Sign("combination", combination.id, combination.level, combination.reason))
    signs.sort(key=lambda sign: (sign.level, sign.kind != "combination"))
    return Assessment(min((s.level for s in signs), default=None), tuple(signs))
