"""Care relationships and the access log; every read and write records its audit event."""

from django.utils import timezone

from betterback.audit import events
from betterback.audit.services import events_about
from betterback.patients.models import CareRelationship


def read_care(*, relationship: CareRelationship, actor, source: str) -> CareRelationship:
    """The care relationship, for the page that ends it (it names the patient)."""
    events.care_read(relationship=relationship, actor=actor, source=source)
    return relationship


def end_care(*, relationship: CareRelationship, actor, source: str) -> None:
    """From now on the clinician no longer sees the patient. The patient's data stays."""
    relationship.ended_at = timezone.now()
    relationship.save(update_fields=["ended_at"])
    events.care_ended(relationship=relationship, actor=actor, source=source)


def access_log(*, patient, actor, source: str):
    """The patient's own view of who has looked at their data. Reading it is logged too."""
    events.access_log_read(patient=patient, actor=actor, source=source)
    return events_about(patient)
