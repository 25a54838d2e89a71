"""Template filters for the paper forms."""

import base64

from django import template

from betterback.content.model import Field, Illustration
from betterback.content.pack import pack

register = template.Library()

BLANK_ROWS = 3  # rows a blank list gets on paper, fewer when the list allows fewer items
LONG_TEXT = 80  # a text field that allows more characters than this gets two lines
ONE_LINE_OPTIONS, ONE_LINE_CHARACTERS = 5, 50


@register.filter
def svg_data_uri(picture: Illustration) -> str:
    encoded = base64.b64encode(picture.svg().encode("utf-8")).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}"


@register.filter
def numbers(field: Field) -> range:
    return range(field.min, field.max + 1)


@register.filter
def blank_rows(field: Field) -> range:
    return range(1, min(field.max_items or BLANK_ROWS, BLANK_ROWS) + 1)


@register.filter
def text_lines(field: Field) -> int:
    return 1 if field.max_length and field.max_length <= LONG_TEXT else 2


@register.filter
def lines(count: int) -> range:
    return range(count)


@register.filter
def linked_title(field: Field) -> str:
    """The title of the material a link field's items come from ("" if the pack has none)."""
    source = pack().get(field.links_to.split("/")[0])
    return str(source.title) if source else ""


@register.filter
def one_line(options) -> bool:
    """Whether answer options are short enough to stand side by side: (code, label) pairs of a
    questionnaire or a field's options."""
    labels = [str(o[1] if isinstance(o, tuple) else o.label) for o in options]
    return len(labels) <= ONE_LINE_OPTIONS and sum(map(len, labels)) <= ONE_LINE_CHARACTERS
