"""Scoring of the back pain instruments: pure functions, one per instrument.

    from betterback.questionnaires.scoring import score
    result = score("startback", {"1": 1, "2": 0, ..., "9": 3})
    result.total, result.subscales, result.band, result.complete

``answers`` maps item numbers as strings ("1", "2", ...) to the answer codes of
docs/scoring.md (and ../shared/docs/DOMAIN.md); a missing item is absent or None. Codes may be
whole numbers or their text ("3"), as read from a CSV file. An invalid code raises InvalidAnswer,
naming the item. See docs/scoring.md for each instrument's rules and sources.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

Answers = Mapping[str, object]


class InvalidAnswer(ValueError):
    """An answer that the instrument does not allow. The message names the item."""


@dataclass(frozen=True)
class Score:
    total: float | int | None
    subscales: dict[str, float | int | None] = field(default_factory=dict)
    band: str | None = None
    complete: bool = False


@dataclass(frozen=True)
class Instrument:
    id: str
    items: dict[str, range]  # item number -> allowed codes
    rule: Callable[..., Score]
    # The rule takes min_answered: how many items must be answered (a clinic may ask for more).
    takes_minimum: bool = False


def _code(instrument: str, item: str, value, allowed: range) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise InvalidAnswer(f"{instrument} item {item}: {value!r} is not an answer code")
    try:
        code = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise InvalidAnswer(f"{instrument} item {item}: {value!r} is not an answer code") from None
    if code not in allowed:
        raise InvalidAnswer(
            f"{instrument} item {item}: {code} is not allowed (use {allowed.start} to "
            f"{allowed.stop - 1})"
        )
    return code


def _numbers(first: int, last: int) -> list[str]:
    return [str(n) for n in range(first, last + 1)]


def _all(codes: dict, items: list[str]) -> list[int] | None:
    values = [codes.get(item) for item in items]
    return None if any(v is None for v in values) else values


# --- STarT Back Screening Tool --------------------------------------------------------------


def _startback(codes: dict) -> Score:
    values = _all(codes, _numbers(1, 9))
    if values is None:
        return Score(None, {"psychosocial": None})
    # Item 9 (bothersomeness) counts 1 only for "very much" (3) or "extremely" (4).
    counted = values[:8] + [1 if values[8] >= 3 else 0]
    total, psychosocial = sum(counted), sum(counted[4:9])
    if total <= 3:
        band = "low"
    elif psychosocial <= 3:
        band = "medium"
    else:
        band = "high"
    return Score(total, {"psychosocial": psychosocial}, band, True)


# --- Roland-Morris Disability Questionnaire ------------------------------------------------


def _rmdq(codes: dict) -> Score:
    values = _all(codes, _numbers(1, 24))
    return Score(sum(values), {}, None, True) if values is not None else Score(None)


# --- Oswestry Disability Index 2.1a --------------------------------------------------------

ODI_BANDS = [
    (20, "minimal"),
    (40, "moderate"),
    (60, "severe"),
    (80, "crippled"),
    (100, "bed-bound"),
]


def _odi(codes: dict) -> Score:
    answered = [codes[s] for s in _numbers(1, 10) if codes.get(s) is not None]
    if len(answered) < 9:  # one section may be missing; more and there is no score
        return Score(None)
    total = round(sum(answered) / (5 * len(answered)) * 100, 1)
    band = next(name for limit, name in ODI_BANDS if total <= limit)
    return Score(total, {}, band, len(answered) == 10)


# --- Patient-Specific Functional Scale -----------------------------------------------------


def _psfs(codes: dict, min_answered: int = 1) -> Score:
    # The mean of the activities rated (Stratford 1995): one is enough, unless the clinic asks
    # for more.
    rated = [codes[a] for a in _numbers(1, 5) if codes.get(a) is not None]
    if not rated or len(rated) < min_answered:
        return Score(None)
    return Score(round(sum(rated) / len(rated), 2), {}, None, True)


# --- Pain Self-Efficacy Questionnaire ------------------------------------------------------


def _pseq(codes: dict) -> Score:
    values = _all(codes, _numbers(1, 10))
    return Score(sum(values), {}, None, True) if values is not None else Score(None)


# --- Fear-Avoidance Beliefs Questionnaire --------------------------------------------------

FABQ_PHYSICAL_ACTIVITY = ["2", "3", "4", "5"]
FABQ_WORK = ["6", "7", "9", "10", "11", "12", "15"]


def _fabq(codes: dict) -> Score:
    physical, work = _all(codes, FABQ_PHYSICAL_ACTIVITY), _all(codes, FABQ_WORK)
    subscales = {
        "physical_activity": sum(physical) if physical is not None else None,
        "work": sum(work) if work is not None else None,
    }
    # FABQ has no total; items 1, 8, 13, 14 and 16 are not scored.
    return Score(None, subscales, None, physical is not None and work is not None)


# --- Örebro Musculoskeletal Pain Screening Questionnaire, short form ------------------------

OREBRO_REVERSED = {"3", "4", "8"}


def _orebro10(codes: dict) -> Score:
    values = _all(codes, _numbers(1, 10))
    if values is None:
        return Score(None)
    total = sum(
        10 - value if item in OREBRO_REVERSED else value
        for item, value in zip(_numbers(1, 10), values, strict=True)
    )
    return Score(total, {}, "raised" if total >= 50 else "low", True)


# --- Numeric rating scale for pain ----------------------------------------------------------


def _nrs(codes: dict) -> Score:
    value = codes.get("1")
    return Score(value, {}, None, value is not None)


INSTRUMENTS: dict[str, Instrument] = {
    "startback": Instrument(
        "startback", {**{n: range(2) for n in _numbers(1, 8)}, "9": range(5)}, _startback
    ),
    "rmdq": Instrument("rmdq", {n: range(2) for n in _numbers(1, 24)}, _rmdq),
    "odi": Instrument("odi", {n: range(6) for n in _numbers(1, 10)}, _odi),
    "psfs": Instrument("psfs", {n: range(11) for n in _numbers(1, 5)}, _psfs, takes_minimum=True),
    "pseq": Instrument("pseq", {n: range(7) for n in _numbers(1, 10)}, _pseq),
    "fabq": Instrument("fabq", {n: range(7) for n in _numbers(1, 16)}, _fabq),
    "orebro10": Instrument(
        "orebro10", {"1": range(1, 11), **{n: range(11) for n in _numbers(2, 10)}}, _orebro10
    ),
    "nrs": Instrument("nrs", {"1": range(11)}, _nrs),
}


def score(instrument_id: str, answers: Answers, *, min_answered: int | None = None) -> Score:
    """Score one response. Raises KeyError for an unknown instrument and InvalidAnswer for an
    unknown item or a code the item does not allow. ``min_answered``: a clinic's own minimum of
    items answered, for the instruments whose rule allows one (PSFS)."""
    instrument = INSTRUMENTS[instrument_id]
    given = {str(item): value for item, value in answers.items()}
    for item in given:
        if item not in instrument.items:
            raise InvalidAnswer(f"{instrument_id} has no item {item!r}")
    codes = {
        item: _code(instrument_id, item, given.get(item), allowed)
        for item, allowed in instrument.items.items()
    }
    if min_answered and instrument.takes_minimum:
        return instrument.rule(codes, min_answered=min_answered)
    return instrument.rule(codes)


SUBSCALES = {"startback": ["psychosocial"], "fabq": ["physical_activity", "work"]}
