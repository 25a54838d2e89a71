"""The one way views get hold of a patient. A clinician gets a patient only through an active
care relationship; a patient gets only themselves."""

from django.http import Http404

from betterback.accounts.decorators import refuse
from betterback.patients.models import CareRelationship, Patient


def patient_for_clinician(request, public_id) -> Patient:
    return care_for_clinician(request, public_id).patient


def care_for_clinician(request, public_id) -> CareRelationship:
    """The logged-in clinician's active care relationship with the patient, or 404 (logged)."""
    relationship = (
        CareRelationship.objects.active()
        .filter(clinician__user=request.user, patient__public_id=public_id)
        .select_related("patient__user")
        .first()
    )
    if relationship is None:
        refuse(
            request,
            reason="no_active_care_relationship",
            patient=Patient.objects.filter(public_id=public_id).first(),
        )
        raise Http404
    return relationship


def own_patient_record(request) -> Patient:
    """The logged-in patient's own record (role already checked by @patient_required)."""
    return request.user.patient
