"""The questionnaires as FHIR R4 resources: pure mappings from definitions and responses to JSON.

    questionnaire(instrument, "da", variant="back")  # Questionnaire
    questionnaire_response(response, instrument)      # QuestionnaireResponse
    observations(response, instrument)                # one Observation per score
    validate(resource)                                # fhir.resources R4B model, then check()

The functions read only the objects they are given and never query the database. Answer codes are
published in our own code systems, one per scale (f"{BASE}/CodeSystem/{instrument}-{scale}"); scores
use LOINC where a code is known (NRS: 72514-3) and f"{BASE}/CodeSystem/scores" otherwise.

Choices made (see also the tests):
- Numeric scales (0-10, 0-6) are "choice" items with one answerOption per code, so the answer
  keeps its code system like a labelled choice.
- A proprietary instrument without reference wording (ODI) gets only the topic as item text.
- A PSFS activity the patient names is a child "string" item "<key>.activity" under the rating
  item; in the QuestionnaireResponse it sits under the rating's answer (answer.item), as FHIR
  nests the children of a question. A named activity that was never rated is left out with it.
- An NRS score carries LOINC 72514-3 and our own "nrs-back"/"nrs-leg" in the same code, because
  LOINC does not say where the pain is.
- An unsubmitted response gives "preliminary" observations without an effective time.
"""

import importlib
import re

from betterback.questionnaires.definitions import Instrument
from betterback.questionnaires.wording import reference

BASE = "https://betterback.dk/fhir"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
LOINC_DISPLAY = {"72514-3": "Pain severity - 0-10 verbal numeric rating [Score] - Reported"}
ACTIVITY = {"da": "Aktivitet", "en": "Activity"}
STATUSES = {
    "Questionnaire": {"draft", "active", "retired", "unknown"},
    "QuestionnaireResponse": {"in-progress", "completed", "amended", "entered-in-error", "stopped"},
    "Observation": {"registered", "preliminary", "final", "amended"},
}


def _text(value, language: str) -> str:
    return value.by_language.get(language, value.by_language["da"]) if value else ""


def _slug(*parts: str) -> str:
    return "-".join(p.replace("_", "-") for p in parts if p)


def questionnaire(instrument: Instrument, language: str = "da", variant: str = "") -> dict:
    chosen = instrument.variant(variant) if variant else None
    if variant and chosen is None:
        raise ValueError(f"{instrument.id} has no variant '{variant}'")
    words = reference(instrument, language)
    slug = _slug(instrument.id, variant)
    result = {
        "resourceType": "Questionnaire",
        "id": f"{slug}-{instrument.version}",
        "language": language,
        "url": f"{BASE}/Questionnaire/{slug}",
        "version": instrument.version,
        "name": "".join(part.capitalize() for part in slug.split("-")),
        "title": _text(chosen.name if chosen else instrument.name, language),
        "status": "active",
        "subjectType": ["Patient"],
        "copyright": words.copyright,
    }
    if instrument.loinc:
        result["code"] = [coding(LOINC, instrument.loinc, LOINC_DISPLAY.get(instrument.loinc))]
    result["item"] = []
    for item in instrument.asked(variant):
        text = words.items.get(item.key) or _text(item.topic, language)
        if chosen and chosen.text and len(instrument.items) == 1:
            text = _text(chosen.text, language)
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
        result["item"].append(entry)
    return drop_none(result)


def questionnaire_response(response, instrument: Instrument, language: str = "da") -> dict:
    form = questionnaire(instrument, language, response.variant)
    result = {
        "resourceType": "QuestionnaireResponse",
        "id": str(response.public_id),
        "questionnaire": f"{form['url']}|{response.instrument_version or instrument.version}",
        "status": "completed" if response.submitted_at else "in-progress",
        "subject": _patient(response),
    }
    if response.submitted_at:
        result["authored"] = response.submitted_at.isoformat()
    result["item"] = []
    for question in form["item"]:
        value = response.answers.get(question["linkId"])
        if value is None or (isinstance(value, str) and not value.strip()):
            continue  # unanswered items are left out
        if question["type"] == "text":
            answer = {"valueString": str(value)}
        else:
            options = [o["valueCoding"] for o in question["answerOption"]]
            unknown = {"system": options[0]["system"], "code": str(value)}  # not in this version
            answer = {"valueCoding": next((c for c in options if c["code"] == str(value)), unknown)}
        note = response.notes.get(question["linkId"])
        if note and "item" in question:
            child = question["item"][0]
            nested = {"linkId": child["linkId"], "text": child["text"]}
            answer["item"] = [{**nested, "answer": [{"valueString": note}]}]
        item = {"linkId": question["linkId"], "text": question["text"], "answer": [answer]}
        result["item"].append(item)
    return drop_none(result)


def observations(response, instrument: Instrument) -> list[dict]:
    scores = [("total", response.total)] + list(response.subscales.items())
    result = []
    for name, value in scores:
        if value is None:
            continue
        local = _slug(instrument.id, (response.variant or name) if name == "total" else name)
        codings = [coding(f"{BASE}/CodeSystem/scores", local)]
        if name == "total" and instrument.loinc:
            codings.insert(0, coding(LOINC, instrument.loinc, LOINC_DISPLAY.get(instrument.loinc)))
        observation = {
            "resourceType": "Observation",
            "id": f"{response.public_id}-{_slug(name)}",
            "status": "final" if response.submitted_at else "preliminary",
            "category": [{"coding": [coding(CATEGORY, "survey", "Survey")]}],
            "code": {"coding": codings},
            "subject": _patient(response),
            "effectiveDateTime": response.submitted_at and response.submitted_at.isoformat(),
            "valueQuantity": {
                "value": int(value) if float(value).is_integer() else value,
                "unit": "{score}",
                "system": UCUM,
                "code": "{score}",
            },
            "derivedFrom": [{"reference": f"QuestionnaireResponse/{response.public_id}"}],
        }
        if name == "total" and response.band:
            band = coding(f"{BASE}/CodeSystem/bands", response.band)
            observation["interpretation"] = [{"coding": [band]}]
        result.append(drop_none(observation))
    return result


def check(resource: dict) -> list[str]:
    """Our checks beyond the FHIR schema: status codes, the survey category, and that every
    coding names its system and code. Returns the problems; an empty list means none."""
    kind, problems = resource.get("resourceType"), []
    if kind not in STATUSES:
        return [f"resourceType: {kind!r} is not mapped here"]
    if resource.get("status") not in STATUSES[kind]:
        problems.append(
            f"status: {resource.get('status')!r} is not one of {sorted(STATUSES[kind])}"
        )
    if "id" in resource and not re.fullmatch(r"[A-Za-z0-9\-.]{1,64}", str(resource["id"])):
        problems.append(f"id: {resource['id']!r} is not a FHIR id")
    if kind == "Observation":
        categories = [c for cc in resource.get("category", []) for c in cc.get("coding", [])]
        if not any(c.get("system") == CATEGORY and c.get("code") == "survey" for c in categories):
            problems.append("category: the survey category is missing")
        if not any(c.get("system") for c in resource.get("code", {}).get("coding", [])):
            problems.append("code: no coding with a system")
    for path, found in codings(resource):
        for key in ("system", "code"):
            if not found.get(key):
                problems.append(f"{path}: coding without a {key}")
    return problems


def validate(resource: dict):
    """Parse with the fhir.resources R4B model, then check(). Returns the model; raises ValueError
    naming every problem."""
    name = resource.get("resourceType", "")
    try:
        module = importlib.import_module(f"fhir.resources.R4B.{name.lower()}")
        model = getattr(module, name).model_validate(resource)
    except (ImportError, AttributeError, ValueError) as error:  # pydantic's errors are ValueErrors
        raise ValueError(f"{name or 'resource'}: {error}") from error
    problems = check(resource)
    if problems:
        raise ValueError(f"{name}: " + "; ".join(problems))
    return model


def coding(system: str, code: str, display: str | None = None) -> dict:
    return {"system": system, "code": code, "display": display}


def _patient(response) -> dict:
    return {"reference": f"Patient/{response.patient.public_id}"}


def drop_none(value):
    if isinstance(value, dict):
        return {k: drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [drop_none(v) for v in value]
    return value


def codings(node, path: str = "", lists: tuple[str, ...] = ("coding", "code"), key: str = ""):
    """(path, Coding) for every Coding: the elements of a list under one of ``lists`` (a
    CodeableConcept's "coding"; Questionnaire.code and item.code are lists of Codings too) and every
    valueCoding. A resource whose "code" lists CodeableConcepts (PractitionerRole) passes
    ``lists=("coding",)``."""
    if isinstance(node, list):
        for index, child in enumerate(node):
            if key in lists and isinstance(child, dict):
                yield f"{path}[{index}]", child
            else:
                yield from codings(child, f"{path}[{index}]", lists, key)
    elif isinstance(node, dict):
        if key == "valueCoding":
            yield path, node
            return
        for name, child in node.items():
            yield from codings(child, f"{path}.{name}" if path else name, lists, name)
