"""The audited export: every FHIR bundle that leaves BetterBack is one audit event on the patient's
record, shown in their "Who has looked at my data"."""

from betterback.audit.models import Action
from betterback.audit.services import record
from betterback.exchange.bundle import patient_bundle

TARGET = "fhir_export"


def export_bundle(*, patient, actor, source: str) -> dict:
    """The patient's bundle, recorded as printed: like a printout, it is a copy that leaves the
    app. Recorded before the caller sends or writes it, so an export is never missing from the
    log (a failed write is logged too)."""
    bundle = patient_bundle(patient)
    record(
        actor=actor,
        action=Action.PRINT,
        source=source,
        patient=patient,
        target=TARGET,
        detail={"format": "fhir+json", "resources": len(bundle["entry"])},
    )
    return bundle
