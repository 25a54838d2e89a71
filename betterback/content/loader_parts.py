"""Reads the parts a material may show beside its sections: ``[[charts]]`` (numbers drawn as bars,
always with a table) and ``[[comparisons]]`` (options side by side). Part of the loader: every
error names the file and the field. The format is in docs/content-format.md.

Both may name a section to stand after and a field of the same material, so ``check_links`` runs
once the sections and fields are read.
"""

import math

from betterback.content.loader import FIELD_ID, PART_ID, Reader
from betterback.content.model import (
    Aspect,
    Chart,
    ChartColumn,
    ChartRow,
    ComparedOption,
    Comparison,
    Field,
    Point,
    Section,
)

CHART_KEYS = {
    "id", "title", "description", "unit", "sources", "highlight_field", "after_section",
    "columns", "rows",
}  # fmt: skip
COMPARISON_KEYS = {"id", "heading", "intro", "sources", "after_section", "aspects", "options"}
OPTION_KEYS = {"id", "title", "texts", "sources", "option_of"}
PERCENT = "%"
MIN_COLUMNS = 2
MIN_ASPECTS, MAX_ASPECTS = 2, 6
MIN_OPTIONS = 2
# Field types whose option ids a compared option may name.
OPTION_OF_TYPES = ("single_choice", "multiple_choice")


def _cited(reader: Reader, data: dict, where: str, known: set[str], required: bool) -> tuple:
    cited = data.get("sources", [])
    here = f"{where}.sources"
    if not isinstance(cited, list) or not all(isinstance(c, str) for c in cited):
        reader.fail(here, "must be a list of source ids")
    if required and not cited:
        reader.fail(here, "cite at least one source")
    for cite in cited:
        if cite not in known:
            reader.fail(here, f"unknown source '{cite}'")
    return tuple(cited)


def _optional_id(reader: Reader, data: dict, key: str, where: str, pattern) -> str:
    if key not in data:
        return ""
    return reader.string(data, key, where, pattern)


def _at_least(reader: Reader, data: dict, key: str, where: str, at_least: int) -> list[dict]:
    """The [[key]] tables of ``data``, at least ``at_least`` of them."""
    items = reader.tables(data.get(key), f"{where}.{key}")
    if len(items) < at_least:
        reader.fail(f"{where}.{key}", f"give at least {at_least}")
    return items


def _values(reader: Reader, row: dict, where: str, count: int, unit: str) -> tuple[float, ...]:
    values = row.get("values")
    here = f"{where}.values"
    if not isinstance(values, list):
        reader.fail(here, "must be a list of numbers, one per column")
    if len(values) != count:
        reader.fail(here, f"has {len(values)} values for {count} columns")
    for index, value in enumerate(values):
        if isinstance(value, bool) or not isinstance(value, int | float):
            reader.fail(f"{here}[{index}]", "must be a number")
        if not math.isfinite(value) or value < 0:
            reader.fail(f"{here}[{index}]", "must be a number of 0 or more")
        if unit == PERCENT and value > 100:
            reader.fail(f"{here}[{index}]", f"{value} is over 100 %")
    return tuple(values)


def read_chart(reader: Reader, data: dict, where: str, known_sources: set[str]) -> Chart:
    reader.table(data, where, CHART_KEYS)
    unit = data.get("unit", "")
    if not isinstance(unit, str) or unit != unit.strip() or len(unit) > 10:
        reader.fail(f"{where}.unit", "must be a short text without spaces around it, such as %")
    columns = []
    for index, column in enumerate(_at_least(reader, data, "columns", where, MIN_COLUMNS)):
        here = f"{where}.columns[{index}]"
        reader.table(column, here, {"id", "label"})
        columns.append(
            ChartColumn(
                reader.string(column, "id", here, PART_ID), reader.text(column, "label", here)
            )
        )
    reader.unique(columns, f"{where}.columns")
    rows = []
    for index, row in enumerate(_at_least(reader, data, "rows", where, 1)):
        here = f"{where}.rows[{index}]"
        reader.table(row, here, {"id", "label", "values"})
        rows.append(
            ChartRow(
                id=reader.string(row, "id", here, PART_ID),
                label=reader.text(row, "label", here),
                values=_values(reader, row, here, len(columns), unit),
            )
        )
    reader.unique(rows, f"{where}.rows")
    return Chart(
        id=reader.string(data, "id", where, PART_ID),
        title=reader.text(data, "title", where),
        description=reader.text(data, "description", where),
        columns=tuple(columns),
        rows=tuple(rows),
        sources=_cited(reader, data, where, known_sources, required=True),
        unit=unit,
        highlight_field=_optional_id(reader, data, "highlight_field", where, FIELD_ID),
        after_section=_optional_id(reader, data, "after_section", where, PART_ID),
    )


def _compared_option(
    reader: Reader, data: dict, where: str, aspects: list[Aspect], known_sources: set[str]
) -> ComparedOption:
    reader.table(data, where, OPTION_KEYS)
    texts = data.get("texts")
    reader.table(texts, f"{where}.texts", {aspect.id for aspect in aspects})
    points = []
    for aspect in aspects:
        if aspect.id not in texts:
            reader.fail(f"{where}.texts.{aspect.id}", "missing: every aspect needs a text")
        points.append(Point(aspect, reader.text(texts, aspect.id, f"{where}.texts")))
    return ComparedOption(
        id=reader.string(data, "id", where, PART_ID),
        title=reader.text(data, "title", where),
        points=tuple(points),
        sources=_cited(reader, data, where, known_sources, required=False),
        option_of=_optional_id(reader, data, "option_of", where, FIELD_ID),
    )


def read_comparison(reader: Reader, data: dict, where: str, known_sources: set[str]) -> Comparison:
    reader.table(data, where, COMPARISON_KEYS)
    aspects = []
    for index, aspect in enumerate(_at_least(reader, data, "aspects", where, MIN_ASPECTS)):
        here = f"{where}.aspects[{index}]"
        reader.table(aspect, here, {"id", "label"})
        aspects.append(
            Aspect(reader.string(aspect, "id", here, PART_ID), reader.text(aspect, "label", here))
        )
    if len(aspects) > MAX_ASPECTS:
        reader.fail(f"{where}.aspects", f"give at most {MAX_ASPECTS}")
    reader.unique(aspects, f"{where}.aspects")
    options = [
        _compared_option(reader, option, f"{where}.options[{index}]", aspects, known_sources)
        for index, option in enumerate(_at_least(reader, data, "options", where, MIN_OPTIONS))
    ]
    reader.unique(options, f"{where}.options")
    return Comparison(
        id=reader.string(data, "id", where, PART_ID),
        heading=reader.text(data, "heading", where),
        aspects=tuple(aspects),
        options=tuple(options),
        sources=_cited(reader, data, where, known_sources, required=True),
        intro=reader.text(data, "intro", where, required=False),
        after_section=_optional_id(reader, data, "after_section", where, PART_ID),
    )


def read_parts(reader: Reader, data: dict, known_sources: set[str]) -> tuple[tuple, tuple]:
    """The file's charts and comparisons, each list with unique ids."""
    charts = [
        read_chart(reader, chart, f"charts[{index}]", known_sources)
        for index, chart in enumerate(reader.tables(data.get("charts"), "charts"))
    ]
    reader.unique(charts, "charts")
    comparisons = [
        read_comparison(reader, comparison, f"comparisons[{index}]", known_sources)
        for index, comparison in enumerate(reader.tables(data.get("comparisons"), "comparisons"))
    ]
    reader.unique(comparisons, "comparisons")
    return tuple(charts), tuple(comparisons)


def check_links(
    reader: Reader,
    charts: tuple[Chart, ...],
    comparisons: tuple[Comparison, ...],
    sections: list[Section],
    fields: list[Field],
) -> None:
    """The sections the parts stand after, and the fields they name, exist in the material."""
    section_ids = {section.id for section in sections}
    by_id = {field.id: field for field in fields}
    placed = [("charts", charts), ("comparisons", comparisons)]
    for name, parts in placed:
        for index, part in enumerate(parts):
            if part.after_section and part.after_section not in section_ids:
                reader.fail(f"{name}[{index}].after_section", f"no section '{part.after_section}'")
    for index, chart in enumerate(charts):
        if chart.highlight_field:
            _check_highlight(reader, chart, f"charts[{index}].highlight_field", by_id)
    for index, comparison in enumerate(comparisons):
        for number, option in enumerate(comparison.options):
            if option.option_of:
                where = f"comparisons[{index}].options[{number}].option_of"
                _check_option_of(reader, option, where, by_id)


def _check_highlight(reader: Reader, chart: Chart, where: str, by_id: dict[str, Field]) -> None:
    field = by_id.get(chart.highlight_field)
    if field is None or field.type != "single_choice":
        reader.fail(where, f"no single_choice field '{chart.highlight_field}' in this material")
    column_ids = {column.id for column in chart.columns}
    for option in field.options:
        if option.id not in column_ids:
            reader.fail(where, f"option '{option.id}' of '{field.id}' is not a column of the chart")


def _check_option_of(
    reader: Reader, option: ComparedOption, where: str, by_id: dict[str, Field]
) -> None:
    field = by_id.get(option.option_of)
    if field is None or field.type not in OPTION_OF_TYPES:
        reader.fail(where, f"no choice field '{option.option_of}' in this material")
    if option.id not in {choice.id for choice in field.options}:
        reader.fail(where, f"'{field.id}' has no option '{option.id}'")
