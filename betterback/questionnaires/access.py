"""The one way views get hold of questionnaire sets and responses."""

from django.http import Http404
from django.utils import timezone

from betterback.audit.events import refused as refuse
from betterback.patients.access import own_patient_record
from betterback.questionnaires.models import QuestionnaireSet, Response, WordingPack


def own_set(request, set_id) -> QuestionnaireSet:
    """One of the logged-in patient's own sets that is open for answers now, or 404 (logged)."""
    patient = own_patient_record(request)
    qset = (
        QuestionnaireSet.objects.filter(
            public_id=set_id, patient=patient, available_from__lte=timezone.now()
        )
        .select_related("patient", "clinician__clinic")
        .first()
    )
    if qset is None:
        refuse(request, reason="not_own_questionnaire_set")
        raise Http404
    return qset


def own_response(request, qset: QuestionnaireSet, response_id) -> Response:
    response = qset.responses.filter(public_id=response_id).select_related("patient").first()
    if response is None:
        refuse(request, reason="not_own_questionnaire_response", patient=qset.patient)
        raise Http404
    return response


def response_for_clinician(request, patient, response_id) -> Response:
    """A response of a patient the clinician has in care (checked by the caller), or 404."""
    response = Response.objects.filter(public_id=response_id, patient=patient).first()
    if response is None:
        refuse(request, reason="not_this_patients_response", patient=patient)
        raise Http404
    return response


def wording_pack_for_admin(request, pack_id) -> WordingPack:
    """A wording pack of the logged-in administrator's own clinic, or 404 (logged)."""
    clinic = request.user.clinic_administrator.clinic
    pack = WordingPack.objects.filter(pk=pack_id, clinic=clinic).first()
    if pack is None:
        refuse(request, reason="not_own_wording_pack")
        raise Http404
    return pack
