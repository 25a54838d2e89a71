"""What the mappings and the checker share: our base URL, the code systems we borrow, codings,
name-based ids and references."""

import uuid

from django.conf import settings

BASE = "https://betterback.dk/fhir"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
LOINC_DISPLAY = {"72514-3": "Pain severity - 0-10 verbal numeric rating [Score] - Reported"}

# Every id that has no public UUID of its own is a name-based UUID in this namespace, so the same
# row gives the same id in every export (and in the golden files).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, BASE)


def coding(system: str, code: str, display: str | None = None) -> dict:
    return {"system": system, "code": code, "display": display}


def drop_none(value):
    """The value without the None of elements left empty, at any depth."""
    if isinstance(value, dict):
        return {key: drop_none(child) for key, child in value.items() if child is not None}
    if isinstance(value, list):
        return [drop_none(child) for child in value]
    return value


def codings(node, path: str = "", lists: tuple[str, ...] = ("coding",), key: str = ""):
    """(path, Coding) for every Coding in a resource: each element of a list under a key named in
    ``lists`` and every valueCoding. A CodeableConcept keeps its Codings in "coding"; the
    Questionnaire's "code" (its own and its items') is a list of Codings, so its check passes
    ``lists=("coding", "code")``; PractitionerRole.code, a list of CodeableConcepts, must not."""
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


def slug(*parts: str) -> str:
    """Instrument, variant and score keys joined as one FHIR id part: "nrs-back", "fabq-work"."""
    return "-".join(part.replace("_", "-") for part in parts if part)


def name_uuid(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


def reference(kind: str, resource_id) -> dict:
    return {"reference": f"{kind}/{resource_id}"}


def language_of(patient) -> str:
    """The patient's own language; Danish before they have accepted the invitation."""
    return patient.user.language if patient.user_id else settings.LANGUAGE_CODE


def text_in(value, language: str) -> str:
    """A content pack Text in one language, falling back to Danish as the pages do."""
    return value.by_language.get(language, value.by_language["da"])
