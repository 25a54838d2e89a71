from django import template

from betterback.content import regional
from betterback.content.pack import safety
from betterback.content.safety import LEVELS
from betterback.safety.display import in_language, reason_text

register = template.Library()


def _advice_context(level, heading_level: int, print_version: bool) -> dict:
    if isinstance(level, str):
        level = LEVELS.index(level) + 1
    name = LEVELS[level - 1]
    return {
        "level": level,
        "name": name,
        "advice": safety().advice[name],
        "services": regional.current(),
        "heading_level": heading_level,
        "print": print_version,
    }


@register.inclusion_tag("safety/_advice.html")
def advice(level, heading_level=2):
    """The pack's one text for a warning-sign level (1-4 or its name), with call buttons for
    the urgent levels: the same words on every page that names the level."""
    return _advice_context(level, heading_level, print_version=False)


@register.inclusion_tag("safety/_advice.html")
def advice_for_print(level, heading_level=2):
    return _advice_context(level, heading_level, print_version=True)


@register.filter
def nbsp(text: str) -> str:
    """A phone number that never breaks over two lines."""
    return str(text).replace(" ", "\u00a0")


@register.filter
def language_text(texts: dict) -> str:
    return in_language(texts)


@register.filter
def sign_reason(sign: dict) -> str:
    return reason_text(sign)


@register.simple_tag
def acute_route() -> str:
    """The region's (or the clinic's own) acute route, for clinicians."""
    return str(regional.current().acute_route)
