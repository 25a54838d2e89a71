"""Reads and writes of worksheet entries: versions, revisions and their audit events."""

from datetime import datetime
from unittest.mock import patch

import pytest
from django.utils import timezone

from betterback.audit.models import Action, AuditEvent
from betterback.content.pack import pack
from betterback.materials import services
from betterback.materials.models import Context, WorksheetEntry, WorksheetRevision

MATERIAL_ID = "what-matters"
NOON = timezone.make_aware(datetime(2026, 3, 2, 12, 0))


def data(*texts):
    return {
        "life_areas": ["family"],
        "activities": [
            {"key": f"k{i}", "text": t, "area": "", "stopped_by_pain": False, "rank": None}
            for i, t in enumerate(texts)
        ],
    }


def save(cast, payload, version, actor=None, context=Context.HOME):
    return services.save_entry(
        patient=cast.peter_patient,
        material_id=MATERIAL_ID,
        data=payload,
        based_on_version=version,
        actor=actor or cast.peter,
        source="test:save",
        context=context,
    )


def test_the_first_save_creates_the_entry_a_revision_and_a_create_event(cast):
    with patch("django.utils.timezone.now", return_value=NOON):
        entry = save(cast, data("Walk"), 0, actor=cast.lise, context=Context.CONSULTATION)

    assert (entry.version, entry.data, entry.updated_by, entry.updated_at) == (
        1,
        data("Walk"),
        cast.lise,
        NOON,
    )
    [revision] = WorksheetRevision.objects.all()
    assert (revision.version, revision.data, revision.changed_at, revision.context) == (
        1,
        data("Walk"),
        NOON,
        Context.CONSULTATION,
    )
    [event] = AuditEvent.objects.filter(action=Action.CREATE)
    assert (event.actor, event.patient, event.target, event.source) == (
        cast.lise,
        cast.peter_patient,
        "material:what-matters",
        "test:save",
    )
    assert event.detail == {"before": 0, "version": 1, "context": "consultation"}


def test_each_later_save_bumps_the_version_and_is_an_update(cast):
    save(cast, data("Walk"), 0)

    entry = save(cast, data("Walk", "Garden"), 1)

    assert entry.version == 2
    assert list(entry.revisions.values_list("version", flat=True)) == [2, 1]
    assert AuditEvent.objects.filter(action=Action.UPDATE).count() == 1


def test_saving_the_same_answers_again_changes_nothing(cast):
    save(cast, data("Walk"), 0)
    events = AuditEvent.objects.count()

    entry = save(cast, data("Walk"), 1)

    assert entry.version == 1
    assert WorksheetRevision.objects.count() == 1
    assert AuditEvent.objects.count() == events


@pytest.mark.parametrize("stale_version", [0, 2, 99])
def test_a_save_based_on_another_version_raises_stale_with_the_current_entry(cast, stale_version):
    save(cast, data("Peter's words"), 0)

    with pytest.raises(services.StaleVersion) as raised:
        save(cast, data("Lise's words"), stale_version, actor=cast.lise)

    assert raised.value.current.version == 1
    assert raised.value.current.data == data("Peter's words")
    assert WorksheetEntry.objects.get().data == data("Peter's words")
    assert WorksheetRevision.objects.count() == 1


def test_a_stale_first_save_leaves_no_empty_entry_behind(cast):
    with pytest.raises(services.StaleVersion):
        save(cast, data("Walk"), 3)

    assert not WorksheetEntry.objects.exists()


@pytest.mark.parametrize(("printing", "action"), [(False, Action.READ), (True, Action.PRINT)])
def test_reading_an_entry_is_audited_and_stores_nothing(cast, printing, action):
    entry = services.read_entry(
        patient=cast.peter_patient,
        material_id=MATERIAL_ID,
        actor=cast.lise,
        source="test:read",
        printing=printing,
    )

    assert entry.pk is None and entry.version == 0
    assert not WorksheetEntry.objects.exists()
    [event] = AuditEvent.objects.all()
    assert (event.action, event.actor, event.patient, event.target) == (
        action,
        cast.lise,
        cast.peter_patient,
        "material:what-matters",
    )


def test_the_history_lists_the_latest_revisions_newest_first_plus_one_to_compare_with(cast):
    for version in range(12):
        save(cast, data(f"Version {version + 1}"), version)
    entry = WorksheetEntry.objects.get()

    history = services.history(entry)

    assert [r.version for r in history] == list(range(12, 1, -1))
    assert services.history(WorksheetEntry(patient=cast.peter_patient)) == []


def linked(cast, material_id):
    return services.linked_items(
        patient=cast.peter_patient,
        material=pack()[material_id],
        actor=cast.lise,
        source="test:links",
    )


def test_linked_items_are_the_keys_and_names_of_the_linked_list_and_their_read_is_logged(cast):
    save(cast, data("Walk", "Garden"), 0)
    before = AuditEvent.objects.count()

    links = linked(cast, "my-goals")

    assert links == {"what-matters/activities": [("k0", "Walk"), ("k1", "Garden")]}
    [event] = AuditEvent.objects.order_by("id")[before:]
    assert (event.action, event.actor, event.patient, event.target, event.source) == (
        Action.READ,
        cast.lise,
        cast.peter_patient,
        "material:what-matters",
        "test:links",
    )
    assert event.detail == {"linked_from": "my-goals"}


def test_a_linked_material_not_filled_in_offers_nothing_and_is_not_logged_as_read(cast):
    links = linked(cast, "my-goals")

    assert links == {"what-matters/activities": []}
    assert not AuditEvent.objects.exists()


def test_each_linked_material_with_an_entry_is_logged_once(cast):
    save(cast, data("Walk"), 0)
    services.save_entry(
        patient=cast.peter_patient,
        material_id="helps-and-hinders",
        data={"barriers": [{"key": "b1", "text": "Tired after work", "com_b": None}]},
        based_on_version=0,
        actor=cast.peter,
        source="test:save",
        context=Context.HOME,
    )
    before = AuditEvent.objects.count()

    links = linked(cast, "action-plan")

    assert links == {
        "helps-and-hinders/barriers": [("b1", "Tired after work")],
        "helps-and-hinders/resources": [],
        "my-goals/goals": [],
    }
    targets = [e.target for e in AuditEvent.objects.order_by("id")[before:]]
    assert targets == ["material:helps-and-hinders"]


def test_a_material_without_links_reads_no_other_material(cast):
    save(cast, data("Walk"), 0)
    before = AuditEvent.objects.count()

    assert linked(cast, "what-matters") == {}
    assert AuditEvent.objects.count() == before
