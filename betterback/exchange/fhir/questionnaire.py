"""An instrument (or one variant of it) as a Questionnaire in one language.

The answer codes of each scale are published in a code system of our own,
f"{BASE}/CodeSystem/<instrument>-<scale>". Numeric scales (0-10, 0-6) are "choice" items with one
answerOption per code too, so an answer keeps its code system as a labelled choice does. An
instrument whose wording we may not reproduce (ODI) has only the topic as item text. A PSFS
activity the patient names is a "string" child item "<key>.activity" of the rating item.
"""

from betterback.exchange.fhir.common import (
    BASE,
    LOINC,
    LOINC_DISPLAY,
    coding,
    drop_none,
    slug,
    text_in,
)
from betterback.questionnaires.definitions import Instrument
from betterback.questionnaires.wording import reference as reference_wording

ACTIVITY = {"da": "Aktivitet", "en": "Activity"}


def questionnaire(instrument: Instrument, language: str = "da", variant: str = "") -> dict:
    """Its id is "<instrument>[-<variant>]-<version>" and its url names no version, so the
    QuestionnaireResponse can cite it as "<url>|<version>"."""
    chosen = instrument.variant(variant) if variant else None
    if variant and chosen is None:
        raise ValueError(f"{instrument.id} has no variant '{variant}'")
    words = reference_wording(instrument, language)
    name = slug(instrument.id, variant)
    result = {
        "resourceType": "Questionnaire",
        "id": f"{name}-{instrument.version}",
        "language": language,
        "url": f"{BASE}/Questionnaire/{name}",
        "version": instrument.version,
        "name": "".join(part.capitalize() for part in name.split("-")),
        "title": _text(chosen.name if chosen else instrument.name, language),
        "status": "active",
        "subjectType": ["Patient"],
        "copyright": words.copyright,
    }
    if instrument.loinc:
        result["code"] = [coding(LOINC, instrument.loinc, LOINC_DISPLAY.get(instrument.loinc))]
    result["item"] = [
        _item(instrument, item, words, chosen, language) for item in instrument.asked(variant)
    ]
    return drop_none(result)


def _item(instrument: Instrument, item, words, chosen, language: str) -> dict:
    text = words.items.get(item.key) or _text(item.topic, language)
    if chosen and chosen.text and len(instrument.items) == 1:
        text = _text(chosen.text, language)  # a one-item variant asks its own question
    entry = {"linkId": item.key, "text": text, "required": item.required}
    if item.scale.type == "text":
        entry.update(type="text", maxLength=item.scale.max_length)
    else:
        labels = words.options.get(item.key, {})
        system = f"{BASE}/CodeSystem/{instrument.id}-{item.scale.id}"
        entry["type"] = "choice"
        entry["answerOption"] = [
            {"valueCoding": coding(system, str(code), labels.get(code, str(code)))}
            for code in item.scale.codes
        ]
    if item.activity:
        activity = {"linkId": f"{item.key}.activity", "text": ACTIVITY.get(language, "")}
        entry["item"] = [{**activity, "type": "string", "maxLength": 200}]
    return entry


def _text(value, language: str) -> str:
    return text_in(value, language) if value else ""
