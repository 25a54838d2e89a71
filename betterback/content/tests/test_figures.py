"""Charts drawn on the server (content.figures) and their templates: one bar per value, the
patient's own column marked in the bars and in the table by more than colour, no inline style,
well-formed SVG; and which compared options the patient chose."""

import xml.etree.ElementTree as ElementTree

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from betterback.content import figures, svg
from betterback.content.model import Chart, ChartColumn, ChartRow, Text
from betterback.content.pack import pack

SVG = "{http://www.w3.org/2000/svg}"
SCANS = "scans-and-findings"


def both(text: str) -> Text:
    return Text({"da": text, "en": text})


CHART = Chart(
    id="by-age",
    title=both("By age"),
    description=both("More with age."),
    columns=(ChartColumn("young", both("20")), ChartColumn("old", both("80 & over"))),
    rows=(
        ChartRow("bulge", both("Bulges <b>"), (30, 84)),
        ChartRow("tear", both("Tears"), (4.5, 100)),
    ),
    sources=("x",),
    unit="%",
    highlight_field="age",
)


def parsed(panel_svg: str) -> ElementTree.Element:
    # Our own output: no DOCTYPE or entities (svg.problem checks that too, below).
    return ElementTree.fromstring(panel_svg)  # noqa: S314


def bars(root: ElementTree.Element, marked: bool) -> list[ElementTree.Element]:
    return [
        rect
        for rect in root.iter(f"{SVG}rect")
        if "bb-bars-bar" in rect.get("class", "").split()
        and ("bb-bars-bar--you" in rect.get("class")) == marked
    ]


def test_each_row_is_a_panel_with_one_bar_per_value_and_no_mark_without_an_answer():
    drawing = figures.draw(CHART)

    assert drawing.highlight is None
    assert [panel.row.id for panel in drawing.panels] == ["bulge", "tear"]
    for panel in drawing.panels:
        root = parsed(panel.svg)
        assert root.get("role") == "img" and root.get("viewBox")
        assert len(bars(root, marked=False)) == 2
        assert bars(root, marked=True) == []
        assert "bb-bars-marker" not in panel.svg
        assert not any(cell.highlighted for cell in panel.cells)


def test_the_answered_column_is_marked_by_colour_bold_text_band_and_marker():
    drawing = figures.draw(CHART, answers={"age": "old"})

    assert drawing.highlight == CHART.columns[1]
    for panel in drawing.panels:
        root = parsed(panel.svg)
        [you] = bars(root, marked=True)
        [other] = bars(root, marked=False)
        assert you.get("fill") != other.get("fill")
        assert len([p for p in root.iter(f"{SVG}path") if "bb-bars-marker" in p.get("class")]) == 1
        assert len([r for r in root.iter(f"{SVG}rect") if r.get("class") == "bb-bars-band"]) == 1
        bold = [t.text for t in root.iter(f"{SVG}text") if t.get("font-weight") == "700"]
        assert bold[0] == "80 & over" and len(bold) == 2  # the column's label and its value
        assert [cell.highlighted for cell in panel.cells] == [False, True]


def test_bar_lengths_follow_the_values_on_a_scale_to_100_percent():
    drawing = figures.draw(CHART)

    lengths = [float(bars(parsed(p.svg), marked=False)[1].get("width")) for p in drawing.panels]
    track = [
        r for r in parsed(drawing.panels[1].svg).iter(f"{SVG}rect") if "track" in r.get("class")
    ]
    assert lengths[1] == pytest.approx(float(track[1].get("width")), abs=0.1)  # 100 % is full
    assert lengths[0] == pytest.approx(0.84 * lengths[1], abs=0.2)


@pytest.mark.parametrize(
    "answers",
    [None, "", {}, {"age": "middle"}, {"age": ["old"]}, {"other": "old"}],
    ids=["no entry", "no data", "no answer", "unknown option", "a list", "another field"],
)
def test_nothing_is_marked_unless_the_answer_names_a_column(answers):
    assert figures.draw(CHART, answers=answers).highlight is None


def test_the_svg_is_safe_to_show_inline_and_escapes_the_texts(tmp_path):
    for panel in figures.draw(CHART, answers={"age": "young"}).panels:
        assert "style" not in panel.svg
        assert "<b>" not in panel.svg
        file = tmp_path / f"{panel.row.id}.svg"
        file.write_text(panel.svg, encoding="utf-8")
        assert svg.problem(file) == ""


@pytest.mark.parametrize(
    ("language", "value", "unit", "text"),
    [
        ("da", 37, "%", "37\u00a0%"),
        ("en", 37, "%", "37%"),
        ("da", 4.5, "%", "4,5\u00a0%"),
        ("en", 4.5, "%", "4.5%"),
        ("da", 12, "", "12"),
        ("en", 3, "kg", "3\u00a0kg"),
    ],
)
def test_values_are_written_as_the_language_writes_them(language, value, unit, text):
    with translation.override(language):
        assert figures.value_text(value, unit) == text


def chart_html(answers, language="da") -> str:
    material = pack()[SCANS]
    context = {"chart": material.charts[0], "material": material}
    if answers is not None:
        context["entry"] = type("Entry", (), {"data": answers})()
    with translation.override(language):
        return render_to_string("content/_chart.html", context)


def test_the_chart_template_marks_the_answer_in_text_and_in_the_table():
    html = chart_html({"my_age": "age50"})

    assert '<p class="bb-chart-you">' in html
    assert "Min aldersgruppe: <strong>50 år</strong>" in html
    assert html.count("bb-bars-bar--you") == 8  # one in each finding's panel
    assert '<th scope="col" class="bb-chart-you-cell"><strong>' in html
    assert "▶ </span>50 år</strong>" in html
    assert html.count("<strong>80\u00a0%</strong>") == 1  # drier discs at 50
    assert html.count('<td class="bb-chart-number bb-chart-you-cell"><strong>') == 8
    assert "style=" not in html


def test_the_table_holds_every_value_of_the_chart():
    html = chart_html(None, language="en")
    chart = pack()[SCANS].charts[0]

    table = html[html.index("<table") : html.index("</table>")]
    title = "How many people without back pain have the findings – by age"
    assert f'<caption class="sr-only">{title}</caption>' in table
    assert 'class="table--responsive-scroll bb-chart-table" tabindex="0" role="region"' in html
    cells = table.count('<td class="bb-chart-number">')
    assert cells == len(chart.rows) * len(chart.columns)
    for row in chart.rows:
        assert f'<th scope="row">{row.label.by_language["en"]}</th>' in table
        for value in row.values:
            assert f'<td class="bb-chart-number">{value}%</td>' in table
    assert "bb-chart-you" not in html


def test_the_panels_are_one_image_named_by_the_title_and_described_by_the_summary():
    html = chart_html(None)

    assert (
        '<div class="bb-bar-panels" role="img" aria-labelledby="chart-findings-by-age-title" '
        'aria-describedby="chart-findings-by-age-desc" data-read-aloud-skip>'
    ) in html
    assert '<h2 id="chart-findings-by-age-title">' in html
    assert '<div id="chart-findings-by-age-desc"><p>' in html


def test_the_options_chosen_in_their_field_are_the_ones_marked():
    comparison = pack()["my-options"].comparisons[0]
    ids = [option.id for option in comparison.options]

    chosen = figures.chosen_options(comparison, {"leaning_towards": [ids[0], ids[2], "nothing"]})

    assert chosen == {ids[0], ids[2]}
    assert figures.chosen_options(comparison, None) == set()
    assert figures.chosen_options(comparison, {"leaning_towards": None}) == set()


def test_a_comparison_renders_one_card_per_option_with_every_aspect():
    material = pack()["my-options"]
    comparison = material.comparisons[0]
    chosen = comparison.options[1]
    entry = type("Entry", (), {"data": {"leaning_towards": [chosen.id]}})()

    with translation.override("en"):
        html = render_to_string(
            "content/_comparison.html",
            {"comparison": comparison, "material": material, "entry": entry},
        )
        for option in comparison.options:
            assert f"<h3>{option.title}</h3>" in html
        label = str(material.field("leaning_towards").label)

    assert html.count('<li class="bb-compare-card') == len(comparison.options)
    assert html.count("<dt><p>") == len(comparison.options) * len(comparison.aspects)
    assert html.count("bb-compare-card--chosen") == 1
    assert f"Chosen in “{label}”" in html
    assert f'id="comparison-{comparison.id}-{chosen.id}"' in html
