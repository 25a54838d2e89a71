"""The clinical review sheet: every part of the content in use, Danish beside English, with its
sources, version and a sign-off block; written by `betterback review-sheet`."""

import io

from django.core.management import call_command
from django.utils import translation

from betterback.content.pack import pack, safety
from betterback.printing.review_sheet import parts
from betterback.printing.tests import pdfs
from betterback.training.course import course


def test_the_sheet_has_a_part_for_the_warning_signs_the_screen_each_material_and_the_course():
    found = parts()
    titles = [part.title for part in found]

    assert len(found) == 3 + len(pack()) + len(course().modules) + len(course().cases)
    assert [part.number for part in found] == list(range(1, len(found) + 1))
    assert found[0].version == safety().version
    for material in pack().values():
        title = material.title.by_language
        [part] = [
            p
            for p in found
            if p.title.endswith(f"{material.number}: {title['da']} / {title['en']}")
        ]
        assert part.version == material.version
        assert part.sources == [source.citation for source in material.sources]
    assert any("red-flags" in p.title or "Advarselstegn" in p.title for p in found[3:])
    assert all(titles)


def test_each_statement_stands_in_both_languages_with_its_sources():
    flare_plan = next(p for p in parts() if "Min plan for opblussen" in p.title)
    flares = next(row for row in flare_plan.rows if row.label.startswith("Når ryggen blusser op"))

    assert flares.da.startswith("Når ryggen blusser op, bliver smerterne værre")
    assert flares.en.startswith("When your back flares up, the pain gets worse")
    assert any(source.startswith("Costa N") for source in flares.sources)


def test_the_screen_part_names_each_signs_urgency_and_the_combinations():
    with translation.override("en"):
        screen = parts()[1]
    labels = [row.label for row in screen.rows]

    assert "1. saddle (now)" in labels
    assert "12. cancer (within_days, history: asked at intake only)" in labels
    assert any(label.startswith("combination cancer_and_legs") for label in labels)


def test_the_command_writes_a_pdf_with_a_sign_off_for_every_part(tmp_path):
    # One language is enough here (the sheet takes about 15 s to draw); the English headings are
    # the source strings, and both languages' texts are on every page.
    language = "da"
    output = tmp_path / "review.pdf"
    out = io.StringIO()

    call_command("review-sheet", "-o", str(output), "--language", language, stdout=out)

    pdf = output.read_bytes()
    text = pdfs.text(pdf)
    count = len(parts())
    assert f"{count} parts to review and sign off" in out.getvalue()
    signature = {"da": "Underskrift", "en": "Signature"}[language]
    assert text.count(signature) == count
    assert "Ring straks – vent ikke til i morgen" in text
    assert "Call now – do not wait until tomorrow" in text
    assert pdfs.pages(pdf) > count
