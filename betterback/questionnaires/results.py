"""Audited reads of results: a patient's scores over time, and the clinician's follow-up list."""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from betterback.audit.models import Action
from betterback.audit.services import record, record_many
from betterback.dialogue.models import DialogueSession
from betterback.patients.models import CareRelationship
from betterback.questionnaires import rules
from betterback.questionnaires.definitions import Instrument, instruments
from betterback.questionnaires.models import Notice, Response
from betterback.safety.display import reason_text
from betterback.safety.models import Alert
from betterback.safety.services import alerts_for

# The order in which results are shown: pain first, then risk, function and confidence.
ORDER = ["nrs", "startback", "rmdq", "odi", "psfs", "pseq", "fabq", "orebro10"]


@dataclass
class Series:
    """One instrument (and variant) over time for one patient."""

    definition: Instrument
    variant: str
    responses: list[Response] = field(default_factory=list)

    @property
    def name(self) -> str:
        chosen = self.definition.variant(self.variant)
        return str(chosen.name if chosen else self.definition.short_name)

    @property
    def baseline(self) -> Response:
        return self.responses[0]

    @property
    def latest(self) -> Response:
        return self.responses[-1]

    @property
    def change(self) -> rules.Change | None:
        if len(self.responses) < 2:
            return None
        return rules.change(self.definition, self.baseline.total, self.latest.total)

    @property
    def band(self):
        return self.definition.band(self.latest.band)


def _submitted(patient):
    return Response.objects.filter(patient=patient, submitted_at__isnull=False).order_by(
        "submitted_at", "id"
    )


def series_of(responses) -> list[Series]:
    known = instruments()
    grouped: dict[tuple[str, str], Series] = {}
    for response in responses:
        definition = known.get(response.instrument_id)
        if definition is None or not definition.scored:
            continue
        key = (response.instrument_id, response.variant)
        grouped.setdefault(key, Series(definition, response.variant)).responses.append(response)
    order = [*ORDER, *known]
    return sorted(grouped.values(), key=lambda s: (order.index(s.definition.id), s.variant))


def series_for(patient) -> list[Series]:
    """The scored series without an audit event: for callers that record their own read."""
    return series_of(_submitted(patient))


def read_results(*, patient, actor, source: str) -> dict:
    responses = list(_submitted(patient))
    record(actor=actor, action=Action.READ, source=source, patient=patient, target="results")
    agenda = [r for r in responses if r.instrument_id == "agenda" and r.answers]
    return {
        "series": series_of(responses),
        "alerts": alerts_for(patient),
        "agenda": agenda[-1] if agenda else None,
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
    record_many(
        actor=clinician.user,
        action=Action.LIST,
        source=source,
        patients=patients,
        target="follow_up_list",
    )
    rows.sort(key=lambda row: rules.ORDER[row.colour])
    return rows
