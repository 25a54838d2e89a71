"""The one way views get hold of an invitation: only the clinician who made it does."""

from django.http import Http404, HttpRequest

from betterback.audit.events import refused as refuse
from betterback.invitations.models import Invitation


def invitation_for_clinician(request: HttpRequest, pk) -> Invitation:
    """An invitation, only for the clinician who made it."""
    invitation = (
        Invitation.objects.filter(pk=pk, clinician__user=request.user)
        .select_related("patient", "clinician__user", "clinician__clinic")
        .first()
    )
    if invitation is None:
        refuse(request, reason="not_own_invitation")
        raise Http404
    return invitation
