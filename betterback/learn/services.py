"""The library's audit trail: reading it is recorded like every other page a patient opens."""

from betterback.audit import events


def record_read(*, patient, actor, source: str, material_id: str = "") -> None:
    # The search words are not stored: what a patient looks for can say something about them.
    events.library_read(patient=patient, actor=actor, source=source, material_id=material_id)
