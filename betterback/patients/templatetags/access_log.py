"""How "Who has looked at my data" words what an audit event touched, from its target's kind
(audit.targets): "your plan", "your material “My goals”" ..."""

from django import template
from django.utils.translation import gettext as _

from betterback.audit.models import Action
from betterback.audit.targets import Target, kind_of
from betterback.content.pack import pack

register = template.Library()


@register.filter
def what_was_touched(event) -> str:
    kind = kind_of(event.target)
    if event.action == Action.REFUSED or kind is None:
        return _("your data")
    if kind == Target.MATERIAL:
        material = pack().get(event.target.partition(":")[2])
        if material is not None:
            return _("your material “%(title)s”") % {"title": material.title}
    return str(kind.label)
