"""Who may open a page: the role decorators every view wears, and the one way views get hold of
a patient. A clinician gets a patient only through an active care relationship; a patient gets
only themselves. Every refusal is an audit event, on the patient the page named when it named
one, so that it shows in that patient's "Who has looked at my data"."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from betterback.audit.events import refused as refuse
from betterback.patients.models import CareRelationship, Patient


def _patient_named_in(kwargs) -> Patient | None:
    public_id = kwargs.get("public_id")
    return Patient.objects.filter(public_id=public_id).first() if public_id else None


def role_required(*roles: str):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                refuse(request, reason="anonymous", patient=_patient_named_in(kwargs))
                return redirect_to_login(request.get_full_path())
            if request.user.role not in roles:
                refuse(
                    request,
                    reason=f"role:{request.user.role}",
                    patient=_patient_named_in(kwargs),
                )
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


clinician_required = role_required("clinician")
patient_required = role_required("patient")
clinic_admin_required = role_required("clinic_admin")


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
