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
