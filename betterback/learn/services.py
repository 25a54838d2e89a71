"""The library's audit trail: reading it is recorded like every other page a patient opens."""

from betterback.audit.models import Action
from betterback.audit.services import record

TARGET = "learn"


def record_read(*, patient, actor, source: str, material_id: str = "") -> None:
    # The search words are not stored: what a patient looks for can say something about them.
    detail = {"material": material_id} if material_id else None
    record(
        actor=actor,
        action=Action.READ,
        source=source,
        patient=patient,
        target=TARGET,
        detail=detail,
    )
