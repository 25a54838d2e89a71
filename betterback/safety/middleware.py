from betterback.content import regional


def services_for(user):
    """The regional services for a logged-in person: their clinic's (a patient's: the clinic of
    their first care relationship still active). None: the pack's default region."""
    if not user.is_authenticated:
        return None
    from betterback.patients.models import CareRelationship

    role = user.role
    clinic = None
    if role == "clinician":
        clinic = user.clinician.clinic
    elif role == "clinic_admin":
        clinic = user.clinic_administrator.clinic
    elif role == "patient":
        relationship = (
            CareRelationship.objects.active()
            .filter(patient=user.patient)
            .select_related("clinic")
            .order_by("started_at", "id")
            .first()
        )
        clinic = relationship.clinic if relationship else None
    return clinic.services() if clinic else None


class RegionMiddleware:
    """Activates the region of the person's clinic for the request, so warning-sign texts name
    the right helpline. It is looked up only if a page shows such a text."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        token = regional.activate(lambda: services_for(user) if user is not None else None)
        try:
            return self.get_response(request)
        finally:
            regional.deactivate(token)
