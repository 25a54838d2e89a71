"""Trend charts drawn on the server as inline SVG, shown beside a table that holds the same data.

Pure and deterministic: no database, no JavaScript, no inline styles. Colours are SVG presentation
attributes (CSP allows them) so the chart reads well without CSS; the ``bb-chart*`` classes let a
stylesheet override them. Text inherits the page's font; dates and decimals follow the active
language.
"""

import datetime
import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import date_format, number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 64, 592, 24, 200  # the plot area inside the viewBox
TEXT, AXIS, GRID, LINE = "#1a1a1a", "#595959", "#d0d0d0", "#004993"
BAND_FILLS = ("#e5eef7", "#f3f3f3")  # alternate so adjacent bands stay distinguishable
FONT = 14
LABEL_GAP = 84  # the least x distance between two date labels, so they never overlap


@dataclass(frozen=True)
class Point:
    at: datetime.date
    value: float | int
    label: str = ""


def _number(value: float, places: int = 3) -> str:
    """Whole numbers plainly, anything else localised ("4,5" in Danish), to at most `places`."""
    if float(value).is_integer():
        return str(int(value))
    return number_format(round(float(value), places))


def _is_nice(step: float) -> bool:
    return round(step / 10 ** math.floor(math.log10(step)), 6) in (1, 2, 2.5, 5)


def _ticks(low: float, high: float) -> list[float]:
    """3-6 tick values: whole steps from end to end when the range allows, else nice multiples."""
    span = high - low
    if float(low).is_integer() and float(high).is_integer():
        steps = [span // n for n in (5, 4, 3, 2) if span % n == 0 and low % (span // n) == 0]
        if steps:
            step = next((s for s in steps if _is_nice(s)), steps[0])
            return [low + i * step for i in range(int(span // step) + 1)]
    magnitude = 10 ** math.floor(math.log10(span / 10))
    for step in (magnitude * m * 10**e for e in range(3) for m in (1, 2, 2.5, 5)):
        first, last = math.ceil(round(low / step, 9)), math.floor(round(high / step, 9))
        if last - first + 1 <= 6 and (step < 1 or float(step).is_integer()):
            return [round(k * step, 9) for k in range(first, last + 1)]
    return [low, high]  # not reached: the last step above is at least ten times the span


def _spaced(xs: list[float]) -> list[int]:
    """Indexes of the x positions to label, at least LABEL_GAP apart, always with the last."""
    kept: list[int] = []
    for i, x in enumerate(xs):
        if not kept or x - xs[kept[-1]] >= LABEL_GAP:
            kept.append(i)
    if kept[-1] != len(xs) - 1:
        if len(kept) > 1 and xs[-1] - xs[kept[-1]] < LABEL_GAP:
            kept.pop()
        kept.append(len(xs) - 1)
    return kept


def _text(
    x: float, y: float, content: str, cls: str, anchor: str = "middle", extra: str = ""
) -> str:
    return (
        f'<text class="bb-chart-label {cls}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" '
        f'font-size="{FONT}" fill="{TEXT}"{extra}>{escape(content)}</text>'
    )


def trend_svg(
    points: Sequence[Point],
    *,
    minimum: float,
    maximum: float,
    title: str,
    description: str,
    higher_is_better: bool = False,
    bands: Sequence[tuple[float, float, str]] = (),
) -> str:
    """The points as an SVG line chart, or "" when there are none (the caller says "no data")."""
    if not points:
        return ""
    if not minimum < maximum:
        raise ValueError("minimum must be below maximum")
    points = sorted(points, key=lambda p: p.at)
    key = repr((title, description, minimum, maximum, higher_is_better, tuple(bands), points))
    uid = "bb-chart-" + hashlib.sha256(key.encode()).hexdigest()[:12]

    def y_of(value: float) -> float:
        clamped = min(max(float(value), minimum), maximum)
        return BOTTOM - (clamped - minimum) / (maximum - minimum) * (BOTTOM - TOP)

    days = (points[-1].at - points[0].at).days
    xs = [
        LEFT + (p.at - points[0].at).days / days * (RIGHT - LEFT) if days else (LEFT + RIGHT) / 2
        for p in points
    ]
    ys = [y_of(p.value) for p in points]
    better = "higher" if higher_is_better else "lower"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bb-chart bb-chart--{better}-better" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" preserveAspectRatio="xMidYMid meet" role="img" '
        f'aria-labelledby="{uid}-title {uid}-desc">',
        f'<title id="{uid}-title">{escape(title)}</title>',
        f'<desc id="{uid}-desc">{escape(description)}</desc>',
    ]
    for i, (lower, upper, name) in enumerate(bands):
        top, bottom = y_of(max(lower, upper)), y_of(min(lower, upper))
        cls = name if name.startswith("bb-chart-band-") else f"bb-chart-band-{name}"
        if bottom > top:
            out.append(
                f'<rect class="bb-chart-band {escape(cls)}" x="{LEFT}" y="{top:.1f}" '
                f'width="{RIGHT - LEFT}" height="{bottom - top:.1f}" '
                f'fill="{BAND_FILLS[i % 2]}"/>'
            )
    for tick in _ticks(minimum, maximum):
        y = y_of(tick)
        out.append(
            f'<line class="bb-chart-grid" x1="{LEFT}" y1="{y:.1f}" x2="{RIGHT}" y2="{y:.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        out.append(_text(LEFT - 8, y + FONT * 0.35, _number(tick, 9), "bb-chart-tick", "end"))
    out.append(
        f'<path class="bb-chart-axis" d="M{LEFT} {TOP}V{BOTTOM}H{RIGHT}" fill="none" '
        f'stroke="{AXIS}" stroke-width="1.5"/>'
    )
    for x in dict.fromkeys(xs):  # a tick under every measurement, once per date
        out.append(
            f'<line class="bb-chart-axis" x1="{x:.1f}" y1="{BOTTOM}" x2="{x:.1f}" '
            f'y2="{BOTTOM + 5}" stroke="{AXIS}" stroke-width="1.5"/>'
        )
    for i in _spaced(xs):
        at = date_format(points[i].at, "SHORT_DATE_FORMAT")
        out.append(_text(xs[i], BOTTOM + 22, at, "bb-chart-date"))
        if points[i].label:
            out.append(_text(xs[i], BOTTOM + 40, points[i].label, "bb-chart-point-label"))
    if len(points) > 1:
        coordinates = " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys, strict=True))
        out.append(
            f'<polyline class="bb-chart-line" points="{coordinates}" fill="none" '
            f'stroke="{LINE}" stroke-width="2.5" stroke-linejoin="round"/>'
        )
    for point, x, y in zip(points, xs, ys, strict=True):
        out.append(
            f'<circle class="bb-chart-point" cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{LINE}" '
            f'stroke="#ffffff" stroke-width="1.5"/>'
        )
        label_y = y + 22 if y - TOP < 20 else y - 11  # below the point when it sits at the top
        halo = ' paint-order="stroke" stroke="#ffffff" stroke-width="4"'  # legible over the line
        out.append(_text(x, label_y, _number(point.value), "bb-chart-value", extra=halo))
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every piece of input above is escaped
