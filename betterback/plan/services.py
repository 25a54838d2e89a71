"""Reads and writes of the plan that record their audit event."""

from datetime import date

from django.utils import timezone

from betterback.audit import events
from betterback.plan import grading, reader
from betterback.plan.models import GradedActivity


def read_plan(*, patient, actor, source: str, today: date | None = None) -> reader.Plan:
    """The patient's plan (plan.reader), with the read recorded in their access log."""
    events.plan_read(patient=patient, actor=actor, source=source)
    return reader.read(patient, today)


def save_grading(
    *, patient, action_key, unit, baseline, starts_on, steps, actor, source
) -> GradedActivity:
    """Plan an action in graded steps (planned from ``baseline`` when ``steps`` is empty)."""
    steps = steps or grading.plan_steps(baseline)
    graded, _ = GradedActivity.objects.update_or_create(
        patient=patient,
        action_key=action_key,
        defaults={
            "unit": unit,
            "baseline": baseline,
            "starts_on": starts_on,
            "steps": steps,
            "changed_at": timezone.now(),
            "changed_by": actor,
        },
    )
    events.grading_saved(
        patient=patient, action_key=action_key, steps=steps, actor=actor, source=source
    )
    return graded
