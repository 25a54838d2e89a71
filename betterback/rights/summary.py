"""What the PDF summary of "Download my data" shows: the readable part of the export. My plan as
it is now, the latest questionnaire scores, check-ins week by week, flare-ups and the access log.
Earlier versions of the materials are in the JSON file only. The caller records the audit event."""

from django.utils import timezone

from betterback.audit.services import events_about
from betterback.dialogue.services import last_ended
from betterback.patients.models import CareRelationship
from betterback.plan import reader
from betterback.questionnaires.models import Response
from betterback.questionnaires.results import series_of
from betterback.selfcare import progress
from betterback.selfcare.models import CheckIn, Flare, GoalReview

WEEKS = 12


def _check_ins(patient) -> dict:
    check_ins = list(CheckIn.objects.filter(patient=patient).order_by("made_at"))
    weeks = progress.weeks(
        check_ins,
        list(GoalReview.objects.filter(patient=patient)),
        list(Flare.objects.filter(patient=patient)),
        timezone.localdate(),
        count=WEEKS,
    )
    return {
        "count": len(check_ins),
        "first": check_ins[0].made_at if check_ins else None,
        "last": check_ins[-1].made_at if check_ins else None,
        "weeks": [w for w in weeks if w.check_ins or w.flares],
    }


def summary(patient) -> dict:
    responses = Response.objects.filter(patient=patient, submitted_at__isnull=False).order_by(
        "submitted_at", "id"
    )
    return {
        "patient": patient,
        "clinicians": CareRelationship.objects.active()
        .filter(patient=patient)
        .select_related("clinician__user", "clinic"),
        "plan": reader.read(patient),
        "session": last_ended(patient),
        "series": series_of(responses),
        "check_ins": _check_ins(patient),
        "weeks_shown": WEEKS,
        "flares": Flare.objects.filter(patient=patient).prefetch_related("notes"),
        "events": events_about(patient),
        "today": timezone.localdate(),
    }
