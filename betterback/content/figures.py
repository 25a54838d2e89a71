"""A content-pack chart drawn on the server: one small bar panel per row, and the same numbers as
table cells, with the column that the patient's own answer names marked in both.

A panel per row, not one large picture: each panel is a short list of horizontal bars (one per
column, label on the left, value on the right), so long row labels stay in HTML where they wrap,
and the page lays the panels out in one column on a phone and side by side on a wide screen.

Pure and deterministic, no JavaScript, no inline styles (the Content Security Policy forbids them):
colours are SVG presentation attributes, with ``bb-bars*`` classes for a stylesheet. The marked
column is told apart by more than colour: a darker bar, bold text, a tinted band and a ▶ marker.
"""

import base64
import hashlib
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from betterback.content.model import Chart, ChartColumn, ChartRow, Comparison, Material

WIDTH = 320
FONT = 13
CHAR = 0.6 * FONT  # a generous width of one character, to size the label and value columns
ROW, BAR = 22, 14  # the height of one column's line and of its bar
PAD = 4
MARKER = 14  # room on the left for the ▶ of the marked column
TEXT, BAR_FILL, YOUR_FILL, TRACK, BAND = "#1a1a1a", "#4f86c6", "#004993", "#ededed", "#e5eef7"
PERCENT = "%"


@dataclass(frozen=True)
class Cell:
    text: str
    highlighted: bool


@dataclass(frozen=True)
class Panel:
    row: ChartRow
    cells: tuple[Cell, ...]
    svg: SafeString
    values: str  # "20 år: 37 %; 30 år: 52 %; ...": the panel in words


@dataclass(frozen=True)
class Scale:
    """Where the bars run in every panel of a chart (the same for all, so they compare)."""

    left: float
    right: float
    top: float  # the value of a full-length bar


@dataclass(frozen=True)
class Drawing:
    chart: Chart
    panels: tuple[Panel, ...]
    highlight: ChartColumn | None = None
    highlight_label: str = ""  # the label of the field whose answer chose the column


def number(value: float) -> str:
    """Whole numbers plainly, others localised ("4,5" in Danish)."""
    if float(value).is_integer():
        return str(int(value))
    return number_format(round(float(value), 2))


def value_text(value: float, unit: str) -> str:
    """The value with its unit: "37 %" in Danish (a space that does not break), "37%" in
    English; other units always after a space."""
    if not unit:
        return number(value)
    if unit == PERCENT and (get_language() or "da") == "en":
        return f"{number(value)}{unit}"
    return f"{number(value)}\u00a0{unit}"


def answer(answers, field_id: str):
    """The saved answer to a field, from a worksheet entry's data (anything else: no answer)."""
    return answers.get(field_id) if isinstance(answers, dict) and field_id else None


def draw(chart: Chart, material: Material | None = None, answers=None) -> Drawing:
    """The chart's panels and table cells, with the column the saved answer names marked."""
    chosen = answer(answers, chart.highlight_field)
    highlight = chart.column(chosen) if isinstance(chosen, str) else None
    label = ""
    if highlight and material is not None:
        label = str(material.field(chart.highlight_field).label)
    rows = [
        tuple(
            Cell(value_text(value, chart.unit), column == highlight)
            for column, value in zip(chart.columns, row.values, strict=True)
        )
        for row in chart.rows
    ]
    scale = _scale(chart, rows)
    panels = []
    for row, cells in zip(chart.rows, rows, strict=True):
        pairs = zip(chart.columns, cells, strict=True)
        values = "; ".join(f"{column.label}: {cell.text}" for column, cell in pairs)
        panels.append(Panel(row, cells, panel_svg(chart, row, cells, scale, values), values))
    return Drawing(chart, tuple(panels), highlight, label)


def _scale(chart: Chart, rows: list[tuple[Cell, ...]]) -> Scale:
    """Room for the longest column label on the left and the longest value on the right."""
    longest_label = max(len(str(column.label)) for column in chart.columns)
    longest_value = max(len(cell.text) for cells in rows for cell in cells)
    top = 100 if chart.unit == PERCENT else max(max(row.values) for row in chart.rows) or 1
    return Scale(MARKER + CHAR * longest_label + 8, WIDTH - CHAR * longest_value - 10, top)


def _text(x: float, y: float, content: str, cls: str, anchor: str, bold: bool) -> str:
    weight = ' font-weight="700"' if bold else ""
    return (
        f'<text class="{cls}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" '
        f'font-size="{FONT}" fill="{TEXT}"{weight}>{escape(content)}</text>'
    )


def panel_svg(
    chart: Chart, row: ChartRow, cells: tuple[Cell, ...], scale: Scale, values: str
) -> SafeString:
    """One row as horizontal bars, one per column; ``values`` says the same in words (the SVG's
    description)."""
    labels = [str(column.label) for column in chart.columns]
    left, right = scale.left, scale.right
    height = 2 * PAD + ROW * len(cells)
    key = repr((chart.id, row.id, get_language(), [cell.highlighted for cell in cells]))
    uid = "bb-bars-" + hashlib.sha256(key.encode()).hexdigest()[:12]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bb-bars" viewBox="0 0 {WIDTH} {height}" '
        f'preserveAspectRatio="xMidYMid meet" role="img" '
        f'aria-labelledby="{uid}-title {uid}-desc">',
        f'<title id="{uid}-title">{escape(row.label)}</title>',
        f'<desc id="{uid}-desc">{escape(values)}</desc>',
    ]
    for index, (label, cell, value) in enumerate(zip(labels, cells, row.values, strict=True)):
        y = PAD + index * ROW
        middle = y + ROW / 2
        baseline = middle + FONT * 0.35
        length = value / scale.top * (right - left)
        you = cell.highlighted
        if you:
            out.append(
                f'<rect class="bb-bars-band" x="0" y="{y}" width="{WIDTH}" height="{ROW}" '
                f'fill="{BAND}"/>'
            )
            out.append(
                f'<path class="bb-bars-marker" d="M2 {middle - 5:.1f}L11 {middle:.1f}'
                f'L2 {middle + 5:.1f}Z" fill="{YOUR_FILL}"/>'
            )
        out.append(_text(left - 6, baseline, label, "bb-bars-label", "end", you))
        bar_y = middle - BAR / 2
        out.append(
            f'<rect class="bb-bars-track" x="{left:.1f}" y="{bar_y:.1f}" '
            f'width="{right - left:.1f}" height="{BAR}" fill="{TRACK}"/>'
        )
        cls = "bb-bars-bar bb-bars-bar--you" if you else "bb-bars-bar"
        out.append(
            f'<rect class="{cls}" x="{left:.1f}" y="{bar_y:.1f}" width="{length:.1f}" '
            f'height="{BAR}" fill="{YOUR_FILL if you else BAR_FILL}"/>'
        )
        out.append(_text(right + 6, baseline, cell.text, "bb-bars-value", "start", you))
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text put in above is escaped


def chosen_options(comparison: Comparison, answers) -> set[str]:
    """The ids of the compared options that the saved answers chose in their ``option_of``
    fields."""
    chosen = set()
    for option in comparison.options:
        value = answer(answers, option.option_of)
        if value == option.id or (isinstance(value, list) and option.id in value):
            chosen.add(option.id)
    return chosen


def data_uri(svg: str) -> str:
    """An SVG as a data: URI, for an <img> in a PDF (where its alt text is tagged)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
