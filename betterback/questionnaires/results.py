"""Audited reads of results: a patient's scores over time, as series with their change."""

from dataclasses import dataclass, field

from betterback.audit import events
from betterback.questionnaires import rules
from betterback.questionnaires.definitions import Instrument, instruments
from betterback.questionnaires.models import Response
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
    events.results_read(patient=patient, actor=actor, source=source)
    agenda = [r for r in responses if r.instrument_id == "agenda" and r.answers]
    return {
        "series": series_of(responses),
        "alerts": alerts_for(patient),
        "agenda": agenda[-1] if agenda else None,
    }
