"""Saved answers as people read them (display.py): one answer as text, a whole material for the
print view, and what one save changed for the history. Pure functions: no database.

Uses the small pack of conftest.py ("sheet" has a field of every type) and the real material."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from betterback.content.pack import material
from betterback.materials.display import Change, answers, changes, history_with_changes, value_text

LABELS = {"sheet/items": {"k1": "Walk the dog", "k2": "Swim"}}

# (list field or "", field, saved value, text in English)
VALUE_TEXTS = {
    "text": ("", "name", "Peter", "Peter"),
    "text left empty": ("", "name", "", ""),
    "nothing saved": ("", "name", None, ""),
    "textarea keeps its lines": ("", "notes", "one\ntwo", "one\ntwo"),
    "single choice": ("", "mood", "calm", "Calm"),
    "single choice no longer in the pack": ("", "mood", "gone", ""),
    "multiple choice in saved order": ("", "areas", ["rest", "work"], "Rest, Work"),
    "multiple choice skips options no longer in the pack": ("", "areas", ["gone", "work"], "Work"),
    "multiple choice none": ("", "areas", [], ""),
    "checklist": ("", "agreed", ["plan", "sleep"], "Plan, Sleep"),
    "body chart": ("", "where", ["lower_back", "neck"], "Lower_Back, Neck"),
    "ranked cards numbered in order": ("", "cards", ["swim", "walk"], "1. Swim, 2. Walk"),
    "scale": ("", "pain", 4, "4 of 5"),
    "date": ("", "seen_on", "2026-03-02", "2 March 2026"),
    "date that is not a date": ("", "seen_on", "soon", "soon"),
    "link": ("", "main_item", "k2", "Swim"),
    "link to a removed item": ("", "main_item", "k9", "(removed)"),
    "link not chosen": ("", "main_item", None, ""),
    "item text": ("items", "text", "Walk", "Walk"),
    "item single choice": ("items", "area", "home", "Home"),
    "item checkbox ticked": ("items", "done", True, "Yes"),
    "item checkbox not ticked": ("items", "done", False, ""),
    "item rank": ("items", "rank", 2, "Number 2"),
    "item rank not chosen": ("items", "rank", None, ""),
    "item scale": ("items", "score", 3, "3 of 3"),
    "item date": ("items", "due", "2026-12-24", "24 December 2026"),
    "item links, one removed": ("items", "serves", ["k1", "k9"], "Walk the dog, (removed)"),
    "item links none": ("items", "serves", [], ""),
}


def definition_of(sheet, list_id: str, field_id: str):
    return sheet.field(list_id).item_field(field_id) if list_id else sheet.field(field_id)


@pytest.mark.parametrize(
    ("list_id", "field_id", "value", "expected"), VALUE_TEXTS.values(), ids=VALUE_TEXTS.keys()
)
def test_value_text_reads_each_type(small, list_id, field_id, value, expected):
    with translation.override("en"):
        assert value_text(definition_of(small["sheet"], list_id, field_id), value, LABELS) == (
            expected
        )


@pytest.mark.parametrize(("list_id", "field_id"), [("items", "score")])
def test_value_text_shows_a_scale_answer_of_zero(small, list_id, field_id):
    with translation.override("en"):
        assert value_text(definition_of(small["sheet"], list_id, field_id), 0, LABELS) == "0 of 3"


def test_value_text_is_in_the_active_language(small):
    sheet = small["sheet"]
    with translation.override("da"):
        assert value_text(sheet.field("mood"), "calm", LABELS) == "Calm (da)"
        assert value_text(sheet.field("seen_on"), "2026-03-02", LABELS) == "2. marts 2026"
        assert value_text(sheet.field("items").item_field("done"), True, LABELS) == gettext("Yes")
        assert value_text(sheet.field("pain"), 4, LABELS) == gettext("%(value)s of %(max)s") % {
            "value": 4,
            "max": 5,
        }


SAVED = {
    "name": "Peter",
    "mood": "tense",
    "areas": ["work"],
    "pain": 2,
    "main_item": "k1",
    "items": [
        {
            "key": "k1",
            "text": "Walk the dog",
            "area": "home",
            "done": True,
            "rank": 1,
            "score": 3,
            "due": "2026-12-24",
            "serves": ["k2"],
            "approved": False,
        },
        {"key": "k2", "text": "Swim", "area": None, "done": False, "rank": None},
    ],
    "orders": [],
}


def test_answers_list_every_field_in_the_packs_order_with_its_text(small):
    sheet = small["sheet"]

    with translation.override("en"):
        shown = answers(sheet, SAVED, LABELS)

    assert [answer.field.id for answer in shown] == [field.id for field in sheet.fields]
    texts = {a.field.id: a.text for a in shown if a.items is None}
    assert texts == {
        "name": "Peter",
        "notes": "",
        "mood": "Tense",
        "areas": "Work",
        "agreed": "",
        "pain": "2 of 5",
        "seen_on": "",
        "cards": "",
        "where": "",
        "main_item": "Walk the dog",
        "staff_note": "",
    }


def test_answers_name_each_item_once_and_list_its_other_filled_in_fields(small):
    with translation.override("en"):
        shown = {a.field.id: a for a in answers(small["sheet"], SAVED, LABELS)}

    items = [
        (name, [(f.id, text) for f, text in details]) for name, details in shown["items"].items
    ]
    assert items == [
        (
            "Walk the dog",
            [
                ("area", "Home"),
                ("done", "Yes"),
                ("rank", "Number 1"),
                ("score", "3 of 3"),
                ("due", "24 December 2026"),
                ("serves", "Swim"),
            ],
        ),
        ("Swim", []),
    ]
    assert (shown["orders"].items, shown["orders"].text) == ([], "")


def test_answers_of_an_empty_sheet_have_no_text_and_empty_lists(small):
    shown = answers(small["sheet"], {}, {})

    assert all(a.text == "" for a in shown)
    assert {a.field.id: a.items for a in shown if a.items is not None} == {
        "items": [],
        "orders": [],
    }


def test_answers_of_the_real_material_are_in_danish_by_default():
    what_matters = material("what-matters")
    data = {
        "life_areas": ["work", "family"],
        "activities": [
            {"key": "a", "text": "Walk", "area": "leisure", "rank": 1, "stopped_by_pain": True}
        ],
    }

    with translation.override("da"):
        life_areas, activities = answers(what_matters, data, {})
        [(name, details)] = activities.items
        assert life_areas.text == "Arbejde og uddannelse, Familie"
        assert name == "Walk"
        assert [text for _, text in details] == [
            "Fritid og interesser",
            gettext("Number %(rank)s") % {"rank": 1},
            gettext("Yes"),
        ]


def item(key, text, **values):
    return {"key": key, "text": text, **values}


# (before, after, the changes: kind, field label, item, detail)
CHANGES = {
    "nothing": ({}, {}, []),
    "the same answers": (SAVED, SAVED, []),
    "a field filled in": ({}, {"name": "Peter"}, [("changed", "Name", "", "")]),
    "a field changed": ({"pain": 2}, {"pain": 3}, [("changed", "Pain", "", "")]),
    "a field cleared": ({"areas": ["work"]}, {"areas": []}, [("changed", "Areas", "", "")]),
    "empty is empty, however saved": ({"name": "", "areas": None}, {"name": None, "areas": []}, []),
    "an item added": ({}, {"items": [item("a", "Walk")]}, [("added", "Things", "Walk", "")]),
    "an item removed": (
        {"items": [item("a", "Walk"), item("b", "Swim")]},
        {"items": [item("b", "Swim")]},
        [("removed", "Things", "Walk", "")],
    ),
    "an item renamed, matched by its key": (
        {"items": [item("a", "Walk")]},
        {"items": [item("a", "Walk the dog")]},
        [("renamed", "Things", "Walk the dog", "Walk")],
    ),
    "the same name under a new key is a new item": (
        {"items": [item("a", "Walk")]},
        {"items": [item("b", "Walk")]},
        [("added", "Things", "Walk", ""), ("removed", "Things", "Walk", "")],
    ),
    "an item field changed": (
        {"items": [item("a", "Walk", rank=2)]},
        {"items": [item("a", "Walk", rank=None)]},
        [("item_changed", "Things", "Walk", "Place")],
    ),
    "a box ticked and an area chosen": (
        {"items": [item("a", "Walk", done=False)]},
        {"items": [item("a", "Walk", done=True, area="home")]},
        [("item_changed", "Things", "Walk", "Area"), ("item_changed", "Things", "Walk", "Done")],
    ),
    "renamed and changed at once": (
        {"items": [item("a", "Walk", serves=[])]},
        {"items": [item("a", "Run", serves=["k2"])]},
        [("renamed", "Things", "Run", "Walk"), ("item_changed", "Things", "Run", "Serves")],
    ),
    "an item field not saved before and empty now": (
        {"items": [item("a", "Walk")]},
        {"items": [item("a", "Walk", done=False, area=None, serves=[])]},
        [],
    ),
    "several fields, in the pack's order": (
        {"items": [item("a", "Walk")], "orders": [item("o", "Rest")]},
        {"name": "Peter", "items": [item("b", "Swim")], "orders": [item("o", "Rest a lot")]},
        [
            ("changed", "Name", "", ""),
            ("added", "Things", "Swim", ""),
            ("removed", "Things", "Walk", ""),
            ("renamed", "Orders", "Rest a lot", "Rest"),
        ],
    ),
}


@pytest.mark.parametrize(("before", "after", "expected"), CHANGES.values(), ids=CHANGES.keys())
def test_changes_say_what_one_save_changed(small, before, after, expected):
    with translation.override("en"):
        found = changes(small["sheet"], before, after)

    assert found == [Change(*change) for change in expected]


def test_a_scale_answer_of_zero_cleared_is_a_change(small):
    with translation.override("en"):
        found = changes(
            small["sheet"],
            {"items": [item("a", "Walk", score=0)]},
            {"items": [item("a", "Walk", score=None)]},
        )

    assert found == [Change("item_changed", "Things", "Walk", "Score")]


def test_changes_name_fields_in_the_active_language(small):
    with translation.override("da"):
        found = changes(small["sheet"], {}, {"name": "Peter", "items": [item("a", "Gå")]})

    assert found == [Change("changed", "Navn"), Change("added", "Ting", "Gå")]


def test_changes_do_not_change_the_saved_data(small):
    before = {"items": [item("a", "Walk", rank=1)]}
    after = {"items": [item("a", "Swim", rank=2)], "name": "Peter"}

    changes(small["sheet"], before, after)

    assert before == {"items": [item("a", "Walk", rank=1)]}
    assert after == {"items": [item("a", "Swim", rank=2)], "name": "Peter"}


class Revision:
    def __init__(self, version, data):
        self.version, self.data = version, data


def test_the_history_compares_each_revision_with_the_one_before_and_hides_the_extra_one(small):
    revisions = [
        Revision(3, {"items": [item("a", "Swim")]}),
        Revision(2, {"items": [item("a", "Walk")]}),
    ]

    with translation.override("en"):
        shown = history_with_changes(small["sheet"], revisions)

    assert [entry["revision"].version for entry in shown] == [3]
    assert shown[0]["changes"] == [Change("renamed", "Things", "Swim", "Walk")]


def test_the_first_revision_is_compared_with_an_empty_sheet(small):
    revisions = [
        Revision(2, {"items": [item("a", "Walk")], "name": "Peter"}),
        Revision(1, {"items": [item("a", "Walk")]}),
    ]

    with translation.override("en"):
        shown = history_with_changes(small["sheet"], revisions)

    assert [(entry["revision"].version, entry["changes"]) for entry in shown] == [
        (2, [Change("changed", "Name")]),
        (1, [Change("added", "Things", "Walk")]),
    ]


def test_no_revisions_no_history(small):
    assert history_with_changes(small["sheet"], []) == []
