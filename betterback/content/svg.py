"""The rules an illustration must follow to be shown inline on a page with a strict Content
Security Policy: no script, no inline style, nothing fetched from elsewhere."""

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

SVG_NS = "{http://www.w3.org/2000/svg}"
FORBIDDEN_TAGS = {"script", "foreignObject", "style", "iframe", "image", "use-external"}
HREF_ATTRIBUTES = ("href", "{http://www.w3.org/1999/xlink}href")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def problem(path: Path) -> str:
    """Why this file cannot be an illustration, or "" if it can."""
    if path.suffix.lower() != ".svg":
        return f"'{path.name}' must be an .svg file"
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return f"cannot read '{path.name}'"
    if re.search(r"<!(DOCTYPE|ENTITY)", raw, re.IGNORECASE):
        return f"'{path.name}' must not declare a DOCTYPE or entities"
    try:
        # Safe here: DOCTYPE and entity declarations were refused above, and expat fetches no
        # external resources.
        root = ElementTree.fromstring(raw)  # noqa: S314
    except ElementTree.ParseError as error:
        return f"'{path.name}' is not well-formed XML: {error}"
    if _local(root.tag) != "svg":
        return f"'{path.name}' must have <svg> as its root"
    if "viewBox" not in root.attrib:
        return f"'{path.name}' needs a viewBox"
    for element in root.iter():
        tag = _local(element.tag)
        if tag in FORBIDDEN_TAGS:
            return f"'{path.name}' must not contain <{tag}>"
        for name, value in element.attrib.items():
            local = _local(name)
            if local.lower().startswith("on"):
                return f"'{path.name}' must not have event attributes ({local})"
            if local == "style":
                return f"'{path.name}' must not use style attributes; use fill, stroke, ..."
            if name in HREF_ATTRIBUTES and not value.startswith("#"):
                return f"'{path.name}' may link only to #ids inside the file"
            if "url(" in value and not re.fullmatch(r"url\(#[\w-]+\)", value.strip()):
                return f"'{path.name}' may reference only #ids inside the file"
    return ""
