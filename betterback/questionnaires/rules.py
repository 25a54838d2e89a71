"""Clinical rules on scores over time: change from baseline and the minimal important change, and
the follow-up triage. Pure functions: no database, no request."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from betterback.questionnaires.definitions import Instrument

# How long after a reminder an unanswered set counts as "no answer" for triage.
NO_ANSWER_AFTER = timedelta(days=7)


@dataclass(frozen=True)
class Change:
    points: float
    percent: float | None  # of the baseline; None when the baseline is 0
    important: bool  # at least the minimal important change, in points or in per cent
    direction: str  # "better", "worse" or "same"
    has_mic: bool = True  # False: the instrument has no minimal important change to compare


def change(definition: Instrument, baseline: float | None, latest: float | None) -> Change | None:
    """The change from baseline. ``important`` follows the instrument's minimal important change
    ("5 points or 30%": either is enough). None when either score is missing."""
    if baseline is None or latest is None:
        return None
    points = round(latest - baseline, 2)
    percent = round(abs(points) / abs(baseline) * 100, 1) if baseline else None
    if points == 0:
        direction = "same"
    elif (points > 0) == definition.higher_is_better:
        direction = "better"
    else:
        direction = "worse"
    important = False
    if points and definition.mic_points is not None and abs(points) >= definition.mic_points:
        important = True
    if points and definition.mic_percent is not None and percent is not None:
        important = important or percent >= definition.mic_percent
    has_mic = definition.mic_points is not None or definition.mic_percent is not None
    return Change(points, percent, important, direction, has_mic)


GREEN, YELLOW, RED = "green", "yellow", "red"
ORDER = {RED: 0, YELLOW: 1, GREEN: 2}


@dataclass(frozen=True)
class Reason:
    code: str  # red_flag, red_flag_review, worse, no_answer, high_risk_no_session
    detail: str = ""  # what to name: a warning sign, an instrument


@dataclass
class Facts:
    """What the triage needs to know about one patient, gathered by the service."""

    flags: list[tuple[int, str]] = field(default_factory=list)  # unreviewed (tier, reason)
    worse: list[str] = field(default_factory=list)  # instruments worse beyond the MIC
    unanswered_since: datetime | None = None  # the oldest reminded, unanswered set
    high_risk: bool = False  # latest STarT Back band is "high"
    had_session: bool = False


def triage(facts: Facts, now: datetime) -> tuple[str, list[Reason]]:
    """Red: a warning sign of tier 1 or 2 that no clinician has reviewed. Yellow: a tier 3 sign,
    worsening beyond the minimal important change, no answer a week after the reminder, or a
    high STarT Back risk without a dialogue session yet. Green: none of these."""
    reasons = []
    for tier, text in sorted(facts.flags):
        reasons.append(Reason("red_flag" if tier <= 2 else "red_flag_review", text))
    reasons += [Reason("worse", name) for name in facts.worse]
    if facts.unanswered_since and now - facts.unanswered_since >= NO_ANSWER_AFTER:
        reasons.append(Reason("no_answer"))
    if facts.high_risk and not facts.had_session:
        reasons.append(Reason("high_risk_no_session"))
    if any(r.code == "red_flag" for r in reasons):
        return RED, reasons
    return (YELLOW if reasons else GREEN), reasons
