"""The one way views get hold of a share. A patient gets only their own; a clinician gets only
an active share that they accepted themselves."""

from django.http import Http404

from betterback.audit.events import refused as refuse
from betterback.sharing.models import Share


def share_for_patient(request, share_id) -> Share:
    share = (
        Share.objects.filter(public_id=share_id, patient__user=request.user)
        .select_related("clinician__user", "clinician__clinic")
        .first()
    )
    if share is None:
        # A share id is not a patient id: like a questionnaire set, the refusal names no one.
        refuse(request, reason="not_own_share")
        raise Http404
    return share


def share_for_clinician(request, share_id) -> Share:
    """The share, only while it is accepted by this clinician, not revoked and not expired.
    Otherwise the refusal goes on the patient's record, so they see who tried."""
    share = (
        Share.objects.filter(public_id=share_id)
        .select_related("patient__user", "clinician")
        .first()
    )
    if share is None or share.status != "active" or share.clinician.user_id != request.user.pk:
        refuse(request, reason="no_active_share", patient=share.patient if share else None)
        raise Http404
    return share
