from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


def number(value) -> str:
    if value is None:
        return "–"
    if float(value).is_integer():
        return str(int(value))
    return number_format(value, decimal_pos=1)


@register.filter
def score_number(value) -> str:
    """A score as people read it: whole numbers without decimals, a decimal comma in Danish."""
    return number(value)


@register.simple_tag
def score_parts(response, definition) -> list[tuple[str, str]]:
    """The numbers a response adds up to: the total, then each subscale."""
    parts = []
    if response.total is not None:
        parts.append((_("Total"), number(response.total)))
    for subscale in definition.subscales:
        if subscale.id in response.subscales:
            parts.append((str(subscale.name), number(response.subscales[subscale.id])))
    return parts


@register.simple_tag
def activities_rated(response, definition) -> int | None:
    """How many activities a PSFS score is the mean of (None for other instruments)."""
    activities = [item for item in definition.items if item.activity]
    if not activities or response.total is None:
        return None
    return sum(1 for item in activities if response.answers.get(item.key) is not None)


@register.filter
def band_of(definition, response):
    return definition.band(response.band)


@register.filter
def variant_name(definition, variant_id):
    variant = definition.variant(variant_id)
    return variant.name if variant else definition.name
