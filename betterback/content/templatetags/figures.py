"""Charts and comparisons of the content pack in templates: ``{% chart_drawing %}`` and
``{% chosen_options %}`` read the patient's saved answers when the page has them (a material
page passes its worksheet entry's data; the Learn pages have none)."""

from django import template

from betterback.content import figures

register = template.Library()


@register.simple_tag
def chart_drawing(chart, material=None, answers=None) -> figures.Drawing:
    return figures.draw(chart, material, answers)


@register.simple_tag
def chosen_options(comparison, answers=None) -> set[str]:
    return figures.chosen_options(comparison, answers)


@register.filter
def panel_uri(svg: str) -> str:
    return figures.data_uri(svg)


@register.filter
def field_label(material, field_id: str) -> str:
    return str(material.field(field_id).label)
