"""The patient's rights: download everything, and delete what they entered on their own. Each call
records its audit event. Which data goes and which stays, and why: docs/data-rights.md."""

from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from betterback.audit import events
from betterback.exchange.bundle import patient_bundle
from betterback.materials.models import Context, WorksheetEntry, WorksheetRevision
from betterback.plan.models import GradedActivity
from betterback.printing.pdf import render_pdf
from betterback.rights import export
from betterback.rights.summary import summary
from betterback.selfcare.models import (
    CheckIn,
    Flare,
    FlareNote,
    GoalReview,
    ReminderChoice,
    ReminderSent,
)


def my_data_json(*, patient, actor, source: str) -> dict:
    events.my_data_read(patient=patient, actor=actor, source=source, kind="json")
    return export.my_data(patient)


def my_data_pdf(*, patient, actor, source: str, language: str) -> bytes:
    events.my_data_read(patient=patient, actor=actor, source=source, kind="pdf", printing=True)
    context = summary(patient)
    first = context["clinicians"].first()
    with translation.override(language):
        title = _("My data")
    return render_pdf(
        "rights/summary_pdf.html",
        context,
        language=language,
        title=title,
        clinic=first.clinic.name if first else "",
    )


def my_data_fhir(*, patient, actor, source: str) -> dict:
    events.my_data_read(patient=patient, actor=actor, source=source, kind="fhir")
    return patient_bundle(patient)


# What "Delete my self-management data" removes: the patient's own entries between visits.


def _home_edits(patient) -> Q:
    return Q(context=Context.HOME, changed_by=patient.user_id)


def _own_gradings(patient):
    # A graded plan the clinician made (or changed last) is part of the treatment and stays.
    return GradedActivity.objects.filter(patient=patient, changed_by=patient.user_id)


def self_management_counts(patient) -> dict[str, int]:
    """How much of each kind the deletion would remove (all zero afterwards)."""
    return {
        "check_ins": CheckIn.objects.filter(patient=patient).count(),
        "goal_reviews": GoalReview.objects.filter(patient=patient).count(),
        "flare_ups": Flare.objects.filter(patient=patient).count(),
        "flare_notes": FlareNote.objects.filter(flare__patient=patient).count(),
        "graded_activities": _own_gradings(patient).count(),
        "reminder_choices": ReminderChoice.objects.filter(patient=patient).count(),
        "reminders_sent": ReminderSent.objects.filter(patient=patient).count(),
        "home_revisions": WorksheetRevision.objects.filter(
            _home_edits(patient), entry__patient=patient
        ).count(),
    }


def read_self_management_counts(*, patient, actor, source: str) -> dict[str, int]:
    events.deletion_read(patient=patient, actor=actor, source=source)
    return self_management_counts(patient)


def _remove_home_edits(patient) -> tuple[dict[str, int], dict[str, int | None]]:
    """Delete the revisions the patient saved at home. Each material then goes back to its latest
    revision that was not a home edit, with that revision's version number (so a page opened on
    a home version is stale), or goes altogether when every revision was made at home. The
    clinician's revisions stay exactly as saved, including what they took over from home edits.
    Returns the counts and {material id: the version it went back to, or None when deleted}."""
    removed = reverted = deleted = 0
    materials: dict[str, int | None] = {}
    # Lock the patient's entries so that no save slips in between reading and reverting.
    entries = list(
        WorksheetEntry.objects.select_for_update().filter(patient=patient).order_by("pk")
    )
    for entry in entries:
        count = entry.revisions.filter(_home_edits(patient)).delete()[0]
        if not count:
            continue
        removed += count
        kept = entry.revisions.order_by("-version").first()
        materials[entry.material_id] = kept.version if kept else None
        if kept is None:
            entry.delete()
            deleted += 1
            continue
        if kept.version != entry.version:
            reverted += 1
        entry.data = kept.data
        entry.version = kept.version
        entry.updated_at = kept.changed_at
        entry.updated_by_id = kept.changed_by_id
        entry.draft = ""
        entry.save()
    counts = {
        "home_revisions": removed,
        "materials_reverted": reverted,
        "materials_removed": deleted,
    }
    return counts, materials


def delete_self_management_data(*, patient, actor, source: str) -> dict[str, int]:
    """Remove everything the patient entered on their own, in one transaction, and log it with
    the counts and the materials that went back (to which version) or went. Returns the counts."""
    with transaction.atomic():
        counts = {
            "check_ins": CheckIn.objects.filter(patient=patient).delete()[0],
            "goal_reviews": GoalReview.objects.filter(patient=patient).delete()[0],
            "flare_notes": FlareNote.objects.filter(flare__patient=patient).delete()[0],
            "flare_ups": Flare.objects.filter(patient=patient).delete()[0],
            "graded_activities": _own_gradings(patient).delete()[0],
            "reminder_choices": ReminderChoice.objects.filter(patient=patient).delete()[0],
            "reminders_sent": ReminderSent.objects.filter(patient=patient).delete()[0],
        }
        home_counts, materials = _remove_home_edits(patient)
        counts.update(home_counts)
        events.self_management_deleted(
            patient=patient, actor=actor, source=source, counts=counts, materials=materials
        )
    return counts
