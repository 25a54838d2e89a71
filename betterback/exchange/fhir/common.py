"""What the mappings share: the base URL and codings of the questionnaire mappings, name-based ids
and references."""

import uuid

from django.conf import settings

from betterback.questionnaires.fhir import BASE, coding, drop_none

__all__ = ["BASE", "coding", "drop_none", "language_of", "name_uuid", "reference", "text_in"]

# Every id that has no public UUID of its own is a name-based UUID in this namespace, so the same
# row gives the same id in every export (and in the golden files).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, BASE)


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
