"""The reads behind the pages that gather from every app: the clinician's patient list, overview
and follow-up list, and the patient's home. Each records its audit event."""

from dataclasses import dataclass
from datetime import date

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils import timezone

from betterback.audit import events
from betterback.audit.targets import Target
from betterback.content.pack import pack
from betterback.dialogue.models import DialogueSession
from betterback.materials.models import WorksheetEntry
from betterback.patients.models import CareRelationship
from betterback.plan import reader
from betterback.questionnaires import rules
from betterback.questionnaires.models import Notice, QuestionnaireSet, Response
from betterback.questionnaires.results import series_of
from betterback.safety.display import reason_text
from betterback.safety.models import Alert
from betterback.selfcare import services as selfcare
from betterback.selfcare.models import CheckIn, GoalReview


def care_list(*, clinician, source: str) -> list[CareRelationship]:
    """The clinician's active care relationships with each patient's last worksheet change."""
    last_change = WorksheetEntry.objects.filter(patient=OuterRef("patient")).order_by("-updated_at")
    relationships = list(
        CareRelationship.objects.active()
        .filter(clinician=clinician)
        .select_related("patient__user")
        .annotate(
            last_change_at=Subquery(last_change.values("updated_at")[:1]),
            last_change_by_id=Subquery(last_change.values("updated_by")[:1]),
            last_change_by_name=Subquery(last_change.values("updated_by__full_name")[:1]),
        )
        .order_by("patient__full_name")
    )
    events.patients_listed(
        actor=clinician.user, patients=[r.patient for r in relationships], source=source
    )
    return relationships


def read_overview(*, patient, actor, source: str) -> dict:
    events.overview_read(patient=patient, actor=actor, source=source)
    entries = {
        e.material_id: e
        for e in WorksheetEntry.objects.filter(patient=patient).select_related("updated_by")
    }
    return {
        "material_rows": [
            {"material": material, "entry": entries.get(material.id)}
            for material in pack().values()
        ],
        "clinicians": CareRelationship.objects.active()
        .filter(patient=patient)
        .select_related("clinician__user", "clinic"),
    }


def self_management(patient, today: date) -> dict:
    """What "My back plan" shows besides the materials (the caller records the read)."""
    plan = reader.read(patient, today)
    next_set = (
        QuestionnaireSet.objects.filter(
            patient=patient, completed_at__isnull=True, available_from__gt=timezone.now()
        )
        .order_by("available_from")
        .first()
    )
    return {
        "plan": plan,
        "flare": selfcare.open_flare(patient),
        "review_due": bool(plan.goals)
        and not GoalReview.objects.filter(patient=patient, week=selfcare.monday(today)).exists(),
        "checked_in_today": CheckIn.objects.filter(
            patient=patient, made_at__date__gte=today
        ).exists(),
        "next_questionnaires": next_set.available_from if next_set else None,
    }


@dataclass
class Row:
    relationship: CareRelationship
    colour: str
    reasons: list[rules.Reason]


def follow_up_list(*, clinician, source: str) -> list[Row]:
    """Every patient in the clinician's care, red first, then yellow, then green, with reasons.
    A fixed number of queries however many patients there are."""
    now = timezone.now()
    relationships = list(
        CareRelationship.objects.active()
        .filter(clinician=clinician)
        .select_related("patient")
        .prefetch_related(
            Prefetch(
                "patient__questionnaire_responses",
                queryset=Response.objects.filter(submitted_at__isnull=False).order_by(
                    "submitted_at", "id"
                ),
                to_attr="submitted",
            )
        )
        .order_by("patient__full_name")
    )
    patients = [r.patient for r in relationships]
    with_session = set(
        DialogueSession.objects.filter(patient__in=patients, clinician=clinician).values_list(
            "patient_id", flat=True
        )
    )
    alerts: dict[int, list[Alert]] = {}
    for alert in Alert.objects.open().filter(patient__in=patients):
        alerts.setdefault(alert.patient_id, []).append(alert)
    unanswered: dict[int, object] = {}
    for patient_id, sent_at in Notice.objects.filter(
        kind=Notice.Kind.REMINDER,
        sent_at__isnull=False,
        questionnaire_set__clinician=clinician,
        questionnaire_set__completed_at__isnull=True,
        questionnaire_set__patient__in=patients,
    ).values_list("questionnaire_set__patient_id", "sent_at"):
        unanswered[patient_id] = min(sent_at, unanswered.get(patient_id, sent_at))
    rows = []
    for relationship in relationships:
        patient = relationship.patient
        facts = rules.Facts(
            unanswered_since=unanswered.get(patient.pk),
            had_session=patient.pk in with_session,
        )
        for alert in alerts.get(patient.pk, []):
            facts.flags += [(sign["level"], reason_text(sign)) for sign in alert.signs]
        for series in series_of(patient.submitted):
            change = series.change
            if change and change.important and change.direction == "worse":
                facts.worse.append(series.name)
            if series.definition.id == "startback":
                facts.high_risk = series.latest.band == "high"
        colour, reasons = rules.triage(facts, now)
        rows.append(Row(relationship, colour, reasons))
    events.patients_listed(
        actor=clinician.user, patients=patients, source=source, kind=Target.FOLLOW_UP_LIST
    )
    rows.sort(key=lambda row: rules.ORDER[row.colour])
    return rows
