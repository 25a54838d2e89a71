"""Where the pack's charts and comparisons show: the material pages of patient and clinician (the
chart marks the age group the patient saved), the Learn pages and their search, the PDFs, and the
texts the readability check reads."""

import html
import subprocess
import tempfile

import pytest
from django.urls import reverse
from django.utils import translation

from betterback.content.pack import pack
from betterback.learn.library import patient_materials
from betterback.learn.search import search
from betterback.materials.models import Context
from betterback.materials.services import save_entry
from betterback.printing import services as printing
from betterback.printing.tests import pdfs
from betterback.testing.patient_texts import material_blocks

SCANS, OPTIONS = "scans-and-findings", "my-options"
MARKED_HEADER = (
    '<th scope="col" class="bb-chart-you-cell"><strong><span aria-hidden="true">▶ </span>'
)


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def one_line(text) -> str:
    return " ".join(str(text).split())


def laid_out(pdf: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        command = ["pdftotext", "-layout", file.name, "-"]
        return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def save(cast, material_id: str, data: dict, actor):
    return save_entry(
        patient=cast.peter_patient,
        material_id=material_id,
        data=data,
        based_on_version=0,
        actor=actor,
        source="test",
        context=Context.HOME,
    )


def page_of(cast, client_for, who: str, material_id: str) -> str:
    if who == "clinician":
        url = reverse("dialogue:material", args=[cast.peter_patient.public_id, material_id])
        return text_of(client_for(cast.lise).get(url))
    return text_of(
        client_for(cast.peter).get(reverse("materials:patient_material", args=[material_id]))
    )


@pytest.mark.parametrize("who", ["patient", "clinician"])
def test_the_scans_page_shows_the_chart_with_the_age_group_the_patient_saved(cast, client_for, who):
    save(cast, SCANS, {"my_age": "age60"}, actor=cast.peter)

    page = page_of(cast, client_for, who, SCANS)

    assert '<section class="bb-chart-block" id="chart-findings-by-age"' in page
    assert "Min aldersgruppe: <strong>60 år</strong>" in page
    assert f"{MARKED_HEADER}60 år</strong>" in page
    assert page.count("bb-bars-bar--you") == 8
    assert page.count('<td class="bb-chart-number bb-chart-you-cell"><strong>') == 8
    assert "<strong>88\u00a0%</strong>" in page  # drier discs at 60
    # The chart stands right after the section it illustrates.
    section = page.index('id="section-common_findings"')
    assert section < page.index('id="chart-findings-by-age"') < page.index("section-common_not")


@pytest.mark.parametrize("who", ["patient", "clinician"])
def test_without_a_saved_age_group_the_chart_marks_nothing(cast, client_for, who):
    page = page_of(cast, client_for, who, SCANS)

    assert 'id="chart-findings-by-age"' in page
    assert "bb-chart-you" not in page
    assert "bb-bars-bar--you" not in page
    assert page.count('<td class="bb-chart-number">') == 8 * 7


def test_the_options_page_shows_the_comparison_and_what_the_patient_chose(cast, client_for):
    comparison = pack()[OPTIONS].comparisons[0]
    chosen = comparison.options[2]
    save(cast, OPTIONS, {"leaning_towards": [chosen.id]}, actor=cast.lise)

    page = page_of(cast, client_for, "patient", OPTIONS)

    with translation.override("da"):
        for option in comparison.options:
            assert f"<h3>{option.title}</h3>" in page
            for point in option.points:
                assert f"<dt><p>{point.aspect.label}</p></dt>" in page
                assert all(p in page for p in point.text.paragraphs)
    assert page.count("bb-compare-card--chosen") == 1
    assert f'bb-compare-card--chosen" id="comparison-options-{chosen.id}"' in page


def test_the_learn_page_shows_the_chart_without_marking_anything(cast, client_for):
    page = text_of(client_for(cast.peter).get(reverse("learn:material", args=[SCANS])))

    assert 'id="chart-findings-by-age"' in page
    assert "bb-chart-you" not in page
    assert "Tørrere diske (diskusdegeneration)" in page


@pytest.mark.parametrize(
    ("language", "query", "anchor"),
    [
        ("da", "diskusbuling efter alder", "chart-findings-by-age"),
        ("en", "spondylolisthesis by age", "chart-findings-by-age"),
        ("da", "mulighederne side om side", "comparison-options"),
    ],
)
def test_search_finds_chart_and_comparison_texts_with_their_anchors(language, query, anchor):
    with translation.override(language):
        hits = search(query, patient_materials())

    assert anchor in [hit.anchor for hit in hits]


def test_search_finds_a_compared_option_by_what_it_says():
    option = pack()[OPTIONS].comparisons[0].options[0]
    with translation.override("en"):
        words = " ".join(str(option.points[-1].text).split()[:3])
        hits = search(words, patient_materials())

    assert f"comparison-options-{option.id}" in [hit.anchor for hit in hits]


def test_the_readability_check_reads_every_chart_and_comparison_text():
    chart = pack()[SCANS].charts[0]
    comparison = pack()[OPTIONS].comparisons[0]

    scans = {block.da for block in material_blocks(pack()[SCANS])}
    options = {block.da for block in material_blocks(pack()[OPTIONS])}

    assert {chart.title.by_language["da"], chart.description.by_language["da"]} <= scans
    assert {row.label.by_language["da"] for row in chart.rows} <= scans
    assert comparison.heading.by_language["da"] in options
    assert {a.label.by_language["da"] for a in comparison.aspects} <= options
    for option in comparison.options:
        assert option.title.by_language["da"] in options
        assert {point.text.by_language["da"] for point in option.points} <= options


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_scans_pdf_prints_the_chart_with_its_table(language):
    printed = printing.blank_material(pack()[SCANS], clinic=None, language=language, large=False)

    text = pdfs.text(printed.content)
    chart = pack()[SCANS].charts[0]
    # The table as laid out on the page: each row on a line, its values side by side.
    lines = ["".join(line.split()) for line in laid_out(printed.content).splitlines()]
    with translation.override(language):
        assert one_line(chart.title) in text
        for row in chart.rows:
            assert one_line(row.label) in text  # above its panel
            values = "".join(f"{value}%" for value in row.values)
            assert any(values in line for line in lines), row.id


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_options_pdf_prints_every_compared_option(language):
    printed = printing.blank_material(pack()[OPTIONS], clinic=None, language=language, large=False)

    text = pdfs.text(printed.content)
    comparison = pack()[OPTIONS].comparisons[0]
    with translation.override(language):
        assert one_line(comparison.heading) in text
        for option in comparison.options:
            assert one_line(option.title) in text
            for point in option.points:
                assert one_line(point.aspect.label) in text
                assert one_line(point.text) in text
