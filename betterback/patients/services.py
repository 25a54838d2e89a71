"""Care relationships and the access log; every read and write records its audit event."""

from django.utils import timezone

from betterback.audit.models import Action
from betterback.audit.services import events_about, record
from betterback.patients.models import CareRelationship


def end_care(*, relationship: CareRelationship, actor, source: str) -> None:
    """From now on the clinician no longer sees the patient. The patient's data stays."""
    relationship.ended_at = timezone.now()
    relationship.save(update_fields=["ended_at"])
    record(
        actor=actor,
        action=Action.END_CARE,
        source=source,
        patient=relationship.patient,
        target="care_relationship",
        detail={"clinician": relationship.clinician_id},
    )


def access_log(*, patient, actor, source: str):
    """The patient's own view of who has looked at their data. Reading it is logged too."""
    record(actor=actor, action=Action.READ, source=source, patient=patient, target="access_log")
    return events_about(patient)
