from django import template

from betterback.content import regional
from betterback.content.pack import safety
from betterback.content.safety import LEVELS
from betterback.safety.display import in_language, reason_text, told_services

register = template.Library()


def _advice_context(level, heading_level: int, print_version: bool, services=None) -> dict:
    """The words of one level, filled in with ``services`` (a region's helpline; the active
    region's when None) here, so they read the same however the page is rendered."""
    if isinstance(level, str):
        level = LEVELS.index(level) + 1
    name = LEVELS[level - 1]
    advice = safety().advice[name]
    with regional.override(services or regional.current()):
        return {
            "level": level,
            "name": name,
            "heading": str(advice.heading),
            "blocks": advice.body.blocks,
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


@register.inclusion_tag("safety/_advice.html")
def advice_as_told(alert, heading_level=3):
    """The advice for the alert's level with the helpline the patient was given when they
    answered (a clinic may have changed its region since)."""
    return _advice_context(alert.level, heading_level, False, told_services(alert))


@register.inclusion_tag("safety/_urgent_for_patient.html")
def urgent_for_patient(patient):
    """On the patient's own pages: while a warning sign that cannot wait is not acknowledged by a
    clinician, the advice for it stays in view (one query)."""
    from betterback.safety.models import NOTIFY_UP_TO, Alert

    level = (
        Alert.objects.open()
        .filter(patient=patient, level__lte=NOTIFY_UP_TO)
        .order_by("level")
        .values_list("level", flat=True)
        .first()
    )
    return {"level": level}


@register.filter
def ago(moment) -> str:
    """How long ago, in words: "just now" for under a minute, else "12 minutes ago"."""
    from datetime import timedelta

    from django.utils import timezone
    from django.utils.timesince import timesince
    from django.utils.translation import gettext as _

    if timezone.now() - moment < timedelta(minutes=1):
        return _("just now")
    return _("%(since)s ago") % {"since": timesince(moment)}


@register.filter
def open_for(moment) -> str:
    """How long something has been open: "under a minute" or "2 hours, 5 minutes"."""
    from datetime import timedelta

    from django.utils import timezone
    from django.utils.timesince import timesince
    from django.utils.translation import gettext as _

    if timezone.now() - moment < timedelta(minutes=1):
        return _("under a minute")
    return timesince(moment)


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
