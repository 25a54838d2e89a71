"""The audited export: every FHIR bundle that leaves BetterBack is one audit event on the patient's
record, shown in their "Who has looked at my data"."""

from betterback.audit import events
from betterback.exchange.bundle import patient_bundle


def export_bundle(*, patient, actor, source: str) -> dict:
    """The patient's bundle, recorded as printed: like a printout, it is a copy that leaves the
    app. Recorded before the caller sends or writes it, so an export is never missing from the
    log (a failed write is logged too)."""
    bundle = patient_bundle(patient)
    events.fhir_exported(
        patient=patient, actor=actor, source=source, resources=len(bundle["entry"])
    )
    return bundle
