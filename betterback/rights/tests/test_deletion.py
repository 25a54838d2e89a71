"""Deleting a patient's self-management data: everything they entered on their own goes, in one
transaction, logged; the clinical record stays; home-edited materials go back to the clinician's
version."""

from unittest import mock

import pytest

from betterback.audit.models import Action, AuditEvent
from betterback.dialogue.models import DialogueSession
from betterback.materials.models import Context, WorksheetEntry, WorksheetRevision
from betterback.plan.models import GradedActivity
from betterback.questionnaires.models import QuestionnaireSet, Response
from betterback.rights import services
from betterback.rights.tests.records import HOME_ONLY, SOURCE, home_edit, save
from betterback.testing.plans import peter_data


def delete(patient):
    return services.delete_self_management_data(patient=patient, actor=patient.user, source=SOURCE)


def test_nothing_of_peters_self_management_data_remains(cast, records):
    before = services.self_management_counts(cast.peter_patient)
    assert all(before.values()), before

    delete(cast.peter_patient)

    assert not any(services.self_management_counts(cast.peter_patient).values())
    texts = str(list(WorksheetRevision.objects.values_list("data", flat=True)))
    assert records["peter"].home_text not in texts
    assert not WorksheetEntry.objects.filter(patient=cast.peter_patient, material_id=HOME_ONLY)


def test_none_of_majas_data_is_touched(cast, records):
    majas = services.self_management_counts(cast.maja_patient)
    maja_entries = list(WorksheetEntry.objects.filter(patient=cast.maja_patient).values())

    delete(cast.peter_patient)

    assert services.self_management_counts(cast.maja_patient) == majas
    assert list(WorksheetEntry.objects.filter(patient=cast.maja_patient).values()) == maja_entries


def test_the_clinical_record_and_the_audit_log_stay(cast, records):
    peter = cast.peter_patient
    responses = list(Response.objects.filter(patient=peter).values())
    sets = QuestionnaireSet.objects.filter(patient=peter).count()
    sessions = list(DialogueSession.objects.filter(patient=peter).values())
    clinical = list(
        WorksheetRevision.objects.filter(entry__patient=peter)
        .exclude(context=Context.HOME)
        .values()
    )
    events = list(AuditEvent.objects.values_list("pk", flat=True))

    delete(peter)

    assert list(Response.objects.filter(patient=peter).values()) == responses
    assert QuestionnaireSet.objects.filter(patient=peter).count() == sets
    assert list(DialogueSession.objects.filter(patient=peter).values()) == sessions
    assert list(WorksheetRevision.objects.filter(entry__patient=peter).values()) == clinical
    assert list(AuditEvent.objects.filter(pk__in=events).values_list("pk", flat=True)) == events


def test_graded_steps_the_clinician_made_stay_and_the_patients_own_go(cast, records):
    delete(cast.peter_patient)

    kept = GradedActivity.objects.filter(patient=cast.peter_patient)
    assert [(g.action_key, g.changed_by) for g in kept] == [("act2", cast.lise)]


def test_a_home_edited_material_goes_back_to_the_clinicians_version(cast, records):
    delete(cast.peter_patient)

    entry = WorksheetEntry.objects.get(patient=cast.peter_patient, material_id="what-matters")
    assert (entry.data, entry.version, entry.updated_by) == (
        peter_data()["what-matters"],
        1,
        cast.lise,
    )
    assert [(r.version, r.changed_by) for r in entry.revisions.all()] == [(1, cast.lise)]


def test_a_clinicians_revision_after_a_home_edit_stays_as_the_clinician_saved_it(cast, records):
    peter = cast.peter_patient
    adopted = {**peter_data()["what-matters"], "note": "agreed in clinic"}
    save(peter, "what-matters", adopted, cast.lise, Context.CONSULTATION)  # version 3
    home_edit(peter, "Later at home")  # version 4

    delete(peter)

    entry = WorksheetEntry.objects.get(patient=peter, material_id="what-matters")
    assert (entry.data, entry.version) == (adopted, 3)
    assert [r.version for r in entry.revisions.all()] == [3, 1]


def test_saving_again_after_the_deletion_continues_from_the_kept_version(cast, records):
    delete(cast.peter_patient)

    home_edit(cast.peter_patient, "A new start")

    entry = WorksheetEntry.objects.get(patient=cast.peter_patient, material_id="what-matters")
    assert entry.version == 2
    assert [r.version for r in entry.revisions.all()] == [2, 1]


def test_the_deletion_is_logged_with_the_counts(cast, records):
    counts = delete(cast.peter_patient)

    event = AuditEvent.objects.get(target="self_management_data", action=Action.UPDATE)
    assert (event.actor, event.patient) == (cast.peter, cast.peter_patient)
    assert event.detail == {
        "deleted": counts,
        "materials": {"what-matters": 1, HOME_ONLY: None},
    }
    assert counts == {
        "check_ins": 2,
        "goal_reviews": 1,
        "flare_notes": 1,
        "flare_ups": 1,
        "graded_activities": 1,
        "reminder_choices": 1,
        "reminders_sent": 1,
        "home_revisions": 2,
        "materials_reverted": 1,
        "materials_removed": 1,
    }


def test_a_failure_part_way_deletes_nothing(cast, records):
    before = services.self_management_counts(cast.peter_patient)

    with (
        mock.patch.object(
            services.events, "self_management_deleted", side_effect=RuntimeError("audit down")
        ),
        pytest.raises(RuntimeError),
    ):
        delete(cast.peter_patient)

    assert services.self_management_counts(cast.peter_patient) == before


def test_deleting_twice_deletes_nothing_more(cast, records):
    delete(cast.peter_patient)

    assert not any(delete(cast.peter_patient).values())


def test_corrections_keep_the_earlier_version_in_the_history(cast):
    peter = cast.peter_patient
    home_edit(peter, "First wording")
    home_edit(peter, "Corrected wording")

    texts = [
        r.data["activities"][0]["text"]
        for r in WorksheetRevision.objects.filter(entry__patient=peter)
    ]
    assert texts == ["Corrected wording", "First wording"]
