"""render_pdf: A4, our fonts, page numbers, header and footer, tagging, and no network."""

from copy import deepcopy
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext

from betterback.printing.pdf import STATIC_BASE, StaticFetcher, css_string, render_pdf
from betterback.printing.tests import pdfs

TEMPLATE = "printing/document.html"
LONG = "pdf_tests/long.html"  # paragraphs, in our base template


@pytest.fixture(scope="module", autouse=True)
def test_templates():
    """Adds the templates of these tests (tests/templates/pdf_tests/) to the template folders."""
    templates = deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], Path(__file__).parent / "templates"]
    with override_settings(TEMPLATES=templates):
        yield


@pytest.fixture(scope="module")
def two_pages():
    """A document with our base template, long enough for two pages, in Danish."""
    return render_pdf(
        LONG,
        {"paragraphs": ["Æbler, ørreder og ål på en blå bænk."] * 60},
        language="da",
        title="Prøvedokument",
        clinic="Rygklinikken Odense",
        version="Indholdsversion 1.0.0",
    )


def test_it_makes_a4_pages(two_pages):
    assert pdfs.page_size(two_pages) == pdfs.A4_POINTS
    assert pdfs.pages(two_pages) == 2


def test_danish_letters_come_out_of_the_text_intact(two_pages):
    assert "Æbler, ørreder og ål på en blå bænk." in pdfs.text(two_pages)


def test_each_page_is_numbered_and_carries_the_clinic_the_date_and_the_version(two_pages):
    with translation.override("da"):
        numbers = [gettext("Page %(page)s of %(pages)s") % {"page": n, "pages": 2} for n in (1, 2)]
    for page, number in enumerate(numbers, start=1):
        text = pdfs.text(two_pages, page=page)
        assert number in text
        assert "Rygklinikken Odense" in text
        assert "Prøvedokument" in text
        assert "Indholdsversion 1.0.0" in text


def test_it_uses_ibm_plex_sans_from_our_static_files(two_pages):
    assert pdfs.fonts(two_pages) == ["IBM-Plex-Sans", "IBM-Plex-Sans-Semi-Bold"]


def test_it_is_tagged_for_accessibility_with_its_language_and_title(two_pages):
    catalog = pdfs.objects(two_pages)
    assert pdfs.info(two_pages)["Tagged"] == "yes"
    assert pdfs.info(two_pages)["Title"] == "Prøvedokument"
    assert b"/StructTreeRoot" in catalog
    assert b"/MarkInfo <</Marked true>>" in catalog
    assert b"/Lang (da)" in catalog
    assert b"/DisplayDocTitle true" in catalog
    assert b'pdfuaid:part="1"' in catalog


def test_the_document_language_follows_the_language_asked_for():
    pdf = render_pdf(TEMPLATE, {}, language="en", title="Test")

    assert b"/Lang (en)" in pdfs.objects(pdf)
    assert "Based on the toolkit" in pdfs.text(pdf)


def test_large_print_sets_the_body_text_to_16_points():
    words = {"paragraphs": ["Store bogstaver er lettere at læse for mange."] * 5}
    normal = render_pdf(LONG, words, language="da", title="x")
    large = render_pdf(LONG, words, language="da", title="x", large=True)

    assert pdfs.word_height(large) / pdfs.word_height(normal) == pytest.approx(16 / 11, rel=0.05)


@pytest.mark.parametrize(
    "address",
    [
        "http://example.org/font.woff2",
        "https://fonts.example.org/plex.css",
        "file:///etc/passwd",
        STATIC_BASE + "../../settings.py",
        STATIC_BASE + "core/no-such-file.css",
        "ftp://example.org/x.png",
    ],
)
def test_the_fetcher_refuses_everything_but_our_static_files_and_data(address):
    with pytest.raises(ValueError, match="only BetterBack's static files"):
        StaticFetcher().fetch(address)


def test_the_fetcher_serves_our_static_files_and_data_uris():
    stylesheet = StaticFetcher().fetch(STATIC_BASE + "printing/pdf.css")
    data = StaticFetcher().fetch("data:text/plain;base64,aGVq")

    assert b"@font-face" in stylesheet.read()
    assert data.read() == b"hej"


def test_a_document_that_asks_for_another_host_is_made_without_it(caplog):
    pdf = render_pdf("pdf_tests/foreign.html", {}, language="da", title="x")

    assert pdfs.pages(pdf) == 1
    assert "only BetterBack's static files" in caplog.text


@pytest.mark.parametrize(
    ("text", "css"),
    [
        ("Side", '"Side"'),
        ('Say "hi"', '"Say \\"hi\\""'),
        ("a\\b", '"a\\\\b"'),
        ("a\nb", '"a\\a b"'),
    ],
)
def test_css_strings_are_escaped(text, css):
    assert css_string(text) == css
