from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def highlighted(parts) -> str:
    """A text cut into search.Part pieces, with the matched words in <mark>."""
    return mark_safe(  # noqa: S308 - every piece of text is escaped here
        "".join(
            f"<mark>{conditional_escape(part.text)}</mark>"
            if part.marked
            else str(conditional_escape(part.text))
            for part in parts
        )
    )
