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
    important: bool  # at least the minimal important change for its direction
    direction: str  # "better", "worse" or "same"
    has_mic: bool = True  # False: the instrument has no minimal important change to compare


def change(definition: Instrument, baseline: float | None, latest: float | None) -> Change | None:
    """The change from baseline, judged against the instrument's minimal important change
    (docs/scoring.md). "Worse" needs the absolute threshold (mic_points_worse): a per-cent rule
    would call a 1-point change at a low baseline important. "Better" needs mic_points, or the
    per-cent threshold together with the absolute floor. Anything less is a small change. None
    when either score is missing."""
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
    size = abs(points)
    if direction == "worse":
        threshold = definition.mic_points_worse
        important = threshold is not None and size >= threshold
    elif direction == "better":
        by_points = definition.mic_points is not None and size >= definition.mic_points
        by_percent = (
            definition.mic_percent is not None
            and percent is not None
            and percent >= definition.mic_percent
            and size >= (definition.mic_floor_points or 0)
        )
        important = by_points or by_percent
    else:
        important = False
    has_mic = definition.mic_points is not None or definition.mic_percent is not None
    return Change(points, percent, important, direction, has_mic)


GREEN, YELLOW, RED = "green", "yellow", "red"
ORDER = {RED: 0, YELLOW: 1, GREEN: 2}


@dataclass(frozen=True)
class Reason:
    code: str  # red_flag, red_flag_review, worse, no_answer, high_risk_no_session
    detail: str = ""  # what to name: a warning sign, an instrument
    level: int | None = None  # a warning sign's urgency: 1 now ... 4 at follow-up


# Warning signs up to "within a few days" make a patient red until acknowledged (safety.models).
RED_FLAG_UP_TO = 3


@dataclass
class Facts:
    """What the triage needs to know about one patient, gathered by the service."""

    flags: list[tuple[int, str]] = field(default_factory=list)  # unacknowledged (level, reason)
    worse: list[str] = field(default_factory=list)  # instruments worse beyond the MIC
    unanswered_since: datetime | None = None  # the oldest reminded, unanswered set
    high_risk: bool = False  # latest STarT Back band is "high"
    had_session: bool = False


def triage(facts: Facts, now: datetime) -> tuple[str, list[Reason]]:
    """Red: a warning sign up to "within a few days" that no clinician has acknowledged. Yellow:
    a sign for the next follow-up, worsening beyond the minimal important change, no answer a
    week after the reminder, or a high STarT Back risk without a dialogue session yet. Green: none
    of these. Reasons come most urgent first."""
    reasons = []
    for level, text in sorted(facts.flags):
        code = "red_flag" if level <= RED_FLAG_UP_TO else "red_flag_review"
        reasons.append(Reason(code, text, level))
    reasons += [Reason("worse", name) for name in facts.worse]
    if facts.unanswered_since and now - facts.unanswered_since >= NO_ANSWER_AFTER:
        reasons.append(Reason("no_answer"))
    if facts.high_risk and not facts.had_session:
        reasons.append(Reason("high_risk_no_session"))
    if any(r.code == "red_flag" for r in reasons):
        return RED, reasons
    return (YELLOW if reasons else GREEN), reasons
