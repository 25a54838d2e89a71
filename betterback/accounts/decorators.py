"""Role checks for views. Every refusal is logged as an audit event."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from betterback.audit.models import Action
from betterback.audit.services import record, source_of


def refuse(request, *, reason: str, patient=None):
    record(
        actor=request.user,
        action=Action.REFUSED,
        source=source_of(request),
        patient=patient,
        target=request.path[:100],
        detail={"reason": reason},
    )


def _patient_named_in(kwargs):
    """The patient a refused URL pointed at, so the refusal shows in that patient's log."""
    from betterback.patients.models import Patient

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
