"""Reads of patients for clinicians and patients; every read records its audit event."""

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from betterback.audit.models import Action
from betterback.audit.services import events_about, record, record_many
from betterback.content.pack import pack
from betterback.materials.models import WorksheetEntry
from betterback.patients.models import CareRelationship


def care_list(*, clinician, source: str) -> list[CareRelationship]:
    """The clinician's active care relationships with each patient's last worksheet change."""
    last_change = WorksheetEntry.objects.filter(patient=OuterRef("patient")).order_by("-updated_at")
    relationships = list(
        CareRelationship.objects.active()
        .filter(clinician=clinician)
        .select_related("patient__user")
        .annotate(
            last_change_at=Subquery(last_change.values("updated_at")[:1]),
            last_change_by_id=Subquery(last_change.values("updated_by")[:1]),
            last_change_by_name=Subquery(last_change.values("updated_by__full_name")[:1]),
        )
        .order_by("patient__full_name")
    )
    record_many(
        actor=clinician.user,
        action=Action.LIST,
        source=source,
        patients=[r.patient for r in relationships],
        target="patient_list",
    )
    return relationships


def read_overview(*, patient, actor, source: str) -> dict:
    record(actor=actor, action=Action.READ, source=source, patient=patient, target="overview")
    entries = {
        e.material_id: e
        for e in WorksheetEntry.objects.filter(patient=patient).select_related("updated_by")
    }
    return {
        "material_rows": [
            {"material": material, "entry": entries.get(material.id)}
            for material in pack().values()
        ],
        "clinicians": CareRelationship.objects.active()
        .filter(patient=patient)
        .select_related("clinician__user", "clinic"),
    }


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
