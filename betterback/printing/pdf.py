"""PDFs from Django templates with WeasyPrint.

Every document gets our print stylesheet (``printing/pdf.css``: IBM Plex Sans, A4) and a page
stylesheet made here: the running header (the clinic's name and the document's title) and footer
(the date, the content version, "Page 1 of 3"). The PDF is tagged (PDF/UA-1) with the document's
language and title, so screen readers can read it.

Nothing is fetched from the network: a document can use only our own static files, addressed
under ``STATIC_BASE``, and ``data:`` URIs. ``StaticFetcher`` refuses everything else.
"""

import mimetypes
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fontTools.ttLib import woff2
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

# The .invalid top-level domain never resolves (RFC 2606); the fetcher answers for it itself.
STATIC_BASE = "https://betterback.invalid/static/"
STYLESHEET = "printing/pdf.css"
PDF_VARIANT = "pdf/ua-1"
BODY_SIZE = {False: "11pt", True: "16pt"}  # large print: at least 16 pt body text
MARGIN_SIZE = {False: "8.5pt", True: "14pt"}


class StaticFetcher(URLFetcher):
    """Serves our static files and data: URIs to WeasyPrint, and refuses every other address."""

    def __init__(self):
        super().__init__(allowed_protocols=("data",), allow_redirects=False)

    def fetch(self, url, headers=None):
        if urlsplit(url).scheme.lower() == "data":
            return super().fetch(url, headers)
        if url.startswith(STATIC_BASE):
            path = static_file(unquote(urlsplit(url).path).removeprefix("/static/"))
            if path is not None and path.suffix == ".woff2":
                return URLFetcherResponse(url, sfnt(path, path.stat().st_mtime_ns))
            if path is not None:
                kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})
        raise ValueError(f"a PDF may use only BetterBack's static files and data: URIs, not {url}")


def static_file(name: str) -> Path | None:
    """The file of a static file name such as ``core/fonts/x.woff2``, or None."""
    if not name or name.startswith("/") or ".." in name.split("/"):
        return None
    try:
        found = finders.find(name)
    except SuspiciousFileOperation:
        return None
    return Path(found) if found else None


@lru_cache(maxsize=16)
def sfnt(path: Path, mtime_ns: int) -> bytes:
    """A WOFF2 font unpacked once per process (and again if the file changes): unpacking takes
    WeasyPrint about a second per font, which every PDF would otherwise pay again."""
    unpacked = BytesIO()
    woff2.decompress(BytesIO(path.read_bytes()), unpacked)
    return unpacked.getvalue()


def css_string(text: str) -> str:
    """Text as a quoted CSS string."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    return f'"{escaped}"'


def page_css(*, title: str, clinic: str, version: str, large: bool) -> str:
    """The @page rules: A4, the running header and footer and the page numbers, in the active
    language (the words come from the translations, so they cannot live in a static file)."""
    today = date_format(timezone.localdate(), "DATE_FORMAT")
    footer = " · ".join(part for part in (today, version) if part)
    # "Page %(page)s of %(pages)s" becomes "Page " counter(page) " of " counter(pages).
    page_of = css_string(_("Page %(page)s of %(pages)s")) % {
        "page": '" counter(page) "',
        "pages": '" counter(pages) "',
    }
    size = MARGIN_SIZE[large]
    return f"""
@page {{
  @top-left {{ content: {css_string(clinic or "BetterBack")}; font-size: {size}; }}
  @top-right {{ content: {css_string(title)}; font-size: {size}; }}
  @bottom-left {{ content: {css_string(footer)}; font-size: {size}; }}
  @bottom-right {{ content: {page_of}; font-size: {size}; }}
}}
html {{ font-size: {BODY_SIZE[large]}; }}
"""


def render_pdf(
    template_name: str,
    context: dict,
    *,
    language: str,
    large: bool = False,
    title: str = "",
    clinic: str = "",
    version: str = "",
) -> bytes:
    """A template rendered to a tagged A4 PDF in ``language``.

    The template sees the context plus ``language``, ``large`` and ``title``; it may extend
    ``printing/document.html``. ``title`` is the PDF's title and the page header's; ``clinic``
    (a name) heads each page and ``version`` (a short text such as "Content version 1.0.0")
    stands in the footer beside the date. ``large`` sets the body text to 16 pt.
    """
    with translation.override(language):
        html = render_to_string(
            template_name, {**context, "language": language, "large": large, "title": title}
        )
        fetcher = StaticFetcher()
        fonts = FontConfiguration()  # the @font-face rules of pdf.css register here
        stylesheets = [
            CSS(url=STATIC_BASE + STYLESHEET, url_fetcher=fetcher, font_config=fonts),
            CSS(
                string=page_css(title=title, clinic=clinic, version=version, large=large),
                url_fetcher=fetcher,
                font_config=fonts,
            ),
        ]
        document = HTML(string=html, base_url=STATIC_BASE, url_fetcher=fetcher).render(
            stylesheets=stylesheets, font_config=fonts, pdf_variant=PDF_VARIANT
        )
    document.metadata.lang = language
    if title:
        document.metadata.title = title
    return document.write_pdf(pdf_variant=PDF_VARIANT)
