from django.http import Http404

from betterback.audit.events import refused as refuse
from betterback.dialogue.models import DialogueSession
from betterback.patients.access import patient_for_clinician


def session_for_clinician(request, public_id, session_id) -> DialogueSession:
    """A session of this clinician with a patient in their care, or 404 (logged)."""
    patient = patient_for_clinician(request, public_id)
    session = (
        DialogueSession.objects.filter(pk=session_id, patient=patient, clinician__user=request.user)
        .select_related("patient", "clinician__user")
        .first()
    )
    if session is None:
        refuse(request, reason="not_own_session", patient=patient)
        raise Http404
    return session
