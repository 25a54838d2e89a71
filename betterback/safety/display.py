"""How an alert's signs read: the reason in the reader's language, and whether the patient later
changed the answer to "no"."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _


def in_language(texts: dict) -> str:
    """A stored {"da": ..., "en": ...} text in the active language (Danish if missing)."""
    return texts.get(get_language() or "da") or texts.get("da", "")


def reason_text(sign: dict) -> str:
    text = in_language(sign["reason"])
    if sign.get("withdrawn"):
        return _("%(reason)s (answered yes, later changed to no)") % {"reason": text}
    return text


def helpline_told(services) -> dict:
    """What an alert keeps of the helpline the patient was told to call."""
    return {
        "region": services.region_id,
        "phone": services.helpline_phone,
        "name": dict(services.helpline_name.by_language),
    }


def told_services(alert):
    """The regional services as they were when the alert's answers were saved (the current
    ones for an alert from before this was kept)."""
    from betterback.content import regional
    from betterback.content.model import Text

    told = alert.helpline or {}
    if not told:
        return regional.current()
    current = regional.current()
    return regional.Services(
        region_id=told["region"],
        region_name=current.region_name,
        helpline_name=Text(told["name"]),
        helpline_phone=told["phone"],
        acute_route=current.acute_route,
    )
