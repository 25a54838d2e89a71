"""The audit events, one function each: what happened, to whose data, and what the event keeps.

Every read and write of patient data and every security event is recorded through one of these
functions; docs/audit.md lists them all (generated from this module by
`betterback audit catalogue`, and a test keeps it current).
"""

from betterback.audit.models import Action, AuditEvent
from betterback.audit.services import record, source_of


def refused(request, *, reason: str, patient=None) -> AuditEvent:
    """Someone was refused a page. ``reason`` says why (anonymous, a role, no care relationship
    ...); the refused address is kept, on the patient the page named."""
    return record(
        actor=request.user,
        action=Action.REFUSED,
        source=source_of(request),
        patient=patient,
        target=request.path[:100],
        detail={"reason": reason},
    )
