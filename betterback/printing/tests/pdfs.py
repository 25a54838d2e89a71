"""Reading a PDF back in tests, with poppler-utils (pdfinfo, pdftotext, pdffonts): what a person
or a screen reader would get from it."""

import re
import subprocess
import tempfile
import zlib
from statistics import median

A4_POINTS = (595, 842)


def _run(tool: str, pdf: bytes, *args: str) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        return subprocess.run(
            [tool, *args, file.name, *(["-"] if tool == "pdftotext" else [])],
            check=True,
            capture_output=True,
            text=True,
        ).stdout


def info(pdf: bytes) -> dict[str, str]:
    lines = _run("pdfinfo", pdf).splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def pages(pdf: bytes) -> int:
    return int(info(pdf)["Pages"])


def page_size(pdf: bytes) -> tuple[int, int]:
    """The first page's width and height in whole points."""
    width, height = re.match(r"([\d.]+) x ([\d.]+) pts", info(pdf)["Page size"]).groups()
    return round(float(width)), round(float(height))


def text(pdf: bytes, *, page: int | None = None) -> str:
    """The text, with every run of white space as one space (a line break is a space too)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return " ".join(_run("pdftotext", pdf, *pages).split())


def fonts(pdf: bytes) -> list[str]:
    """The embedded fonts' names without their subset prefix, e.g. IBM-Plex-Sans-Bold."""
    rows = _run("pdffonts", pdf).splitlines()[2:]
    return sorted({row.split()[0].partition("+")[2] for row in rows})


def word_height(pdf: bytes) -> float:
    """The median height of the words' boxes, which grows with the font size."""
    boxes = re.findall(
        r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', _run("pdftotext", pdf, "-bbox")
    )
    return median(float(bottom) - float(top) for top, bottom in boxes)


def objects(pdf: bytes) -> bytes:
    """The PDF's own bytes and every compressed stream unpacked: where the catalog's entries
    (/Lang, /MarkInfo, /StructTreeRoot) and the XMP metadata can be read."""
    unpacked = [pdf]
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            unpacked.append(zlib.decompress(stream.group(1)))
        except zlib.error:
            continue
    return b"\n".join(unpacked)
