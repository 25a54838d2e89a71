"""The forms that builder.py makes from a material's definition, on their own, without the page
around them: one builder per field type, the rules of lists, and clinician-only fields.

Most tests use the small pack of conftest.py ("sheet" has a field of every type); the rules that
the old "What matters to me" forms had are checked on the real material."""

import pytest
from django import forms
from django.http import QueryDict
from django.utils import translation

from betterback.content.pack import material
from betterback.materials.builder import Worksheet
from betterback.testing.factories import posted_back

WHAT_MATTERS = material("what-matters")
LINKS = {"sheet/items": [("k1", "Walk the dog"), ("k2", "Swim")]}


class Refused:
    """An expected validation error, by its code (and the form field it is on, if not the one
    under test; "__all__" for an error of the whole form)."""

    def __init__(self, code: str, on: str = ""):
        self.code, self.on = code, on

    def __repr__(self):
        return f"Refused({self.code!r})"


def post(definition, fields=None, rows=None, *, version=0, initial=None) -> QueryDict:
    """A POST for `definition`'s worksheet: `fields` by name, and for each list field the `rows`
    given (a list of {item field: value}); `initial` counts the rows that were saved before."""
    data = QueryDict(mutable=True)
    data["version"] = str(version)
    for top in definition.fields:
        if top.type != "list":
            continue
        listed = (rows or {}).get(top.id, [])
        data[f"{top.id}-TOTAL_FORMS"] = str(len(listed))
        data[f"{top.id}-INITIAL_FORMS"] = str((initial or {}).get(top.id, 0))
        for index, row in enumerate(listed):
            for name, value in row.items():
                _put(data, f"{top.id}-{index}-{name}", value)
    for name, value in (fields or {}).items():
        _put(data, name, value)
    return data


def _put(data: QueryDict, name: str, value) -> None:
    if isinstance(value, list):
        data.setlist(name, value)
    elif value is not None:
        data[name] = value


def worksheet(definition, data=None, version=0, *, post=None, patient_view=False, links=LINKS):
    return Worksheet(
        definition, data or {}, version, links=links, patient_view=patient_view, post=post
    )


def codes(errors) -> list[str]:
    return [error.code for error in errors.as_data()]


# One builder per field type: the form field and widget each type becomes.
TOP_LEVEL_FIELDS = [
    ("name", forms.CharField, forms.TextInput),
    ("notes", forms.CharField, forms.Textarea),
    ("mood", forms.ChoiceField, forms.RadioSelect),
    ("areas", forms.MultipleChoiceField, forms.CheckboxSelectMultiple),
    ("agreed", forms.MultipleChoiceField, forms.CheckboxSelectMultiple),
    ("pain", forms.TypedChoiceField, forms.RadioSelect),
    ("seen_on", forms.DateField, forms.DateInput),
    ("where", forms.MultipleChoiceField, forms.CheckboxSelectMultiple),
    ("main_item", forms.ChoiceField, forms.Select),
    ("staff_note", forms.CharField, forms.Textarea),
]
ITEM_FIELDS = [
    ("text", forms.CharField, forms.TextInput),
    ("area", forms.ChoiceField, forms.Select),
    ("done", forms.BooleanField, forms.CheckboxInput),
    ("rank", forms.TypedChoiceField, forms.Select),
    ("score", forms.TypedChoiceField, forms.Select),
    ("due", forms.DateField, forms.DateInput),
    ("serves", forms.MultipleChoiceField, forms.CheckboxSelectMultiple),
    ("approved", forms.BooleanField, forms.CheckboxInput),
]


@pytest.mark.parametrize(("field_id", "field_class", "widget_class"), TOP_LEVEL_FIELDS)
def test_each_field_type_becomes_its_form_field(small, field_id, field_class, widget_class):
    sheet = worksheet(small["sheet"])

    field = sheet.main.fields[field_id]

    assert (type(field), type(field.widget)) == (field_class, widget_class)
    with translation.override("en"):
        assert str(field.label) == str(small["sheet"].field(field_id).label)
    assert not field.required and not field.disabled


@pytest.mark.parametrize(("field_id", "field_class", "widget_class"), ITEM_FIELDS)
def test_each_item_field_type_becomes_its_form_field(small, field_id, field_class, widget_class):
    rows = worksheet(small["sheet"]).lists["items"]

    field = rows.forms[0].fields[field_id]

    assert (type(field), type(field.widget)) == (field_class, widget_class)
    with translation.override("en"):
        assert str(field.label) == str(small["sheet"].field("items").item_field(field_id).label)
    assert not field.required


def test_labels_and_hints_come_from_the_pack_in_the_active_language(small):
    with translation.override("da"):
        sheet = worksheet(small["sheet"])
        assert str(sheet.main.fields["name"].label) == "Navn"
        assert sheet.main.fields["name"].help_text == "Hvad du kaldes."
        assert sheet.main.fields["pain"].help_text == "1 = Lidt, 5 = Meget"
    with translation.override("en"):
        sheet = worksheet(small["sheet"])
        assert sheet.main.fields["pain"].help_text == "1 = A little, 5 = A lot"


def test_text_fields_tell_the_browser_their_max_length(small):
    sheet = worksheet(small["sheet"])

    assert sheet.main.fields["name"].widget.attrs["maxlength"] == "10"
    assert sheet.main.fields["notes"].widget.attrs["maxlength"] == "20"
    assert sheet.lists["items"].forms[0].fields["text"].widget.attrs["maxlength"] == "15"


# Where a choice is offered as a select (in a list, or a link), "" means "not chosen".
CHOICES = [
    ("main", "mood", ["calm", "tense"]),
    ("main", "areas", ["work", "home", "rest"]),
    ("main", "agreed", ["plan", "exercise", "sleep"]),
    ("main", "where", ["neck", "lower_back"]),
    ("main", "pain", [1, 2, 3, 4, 5]),
    ("main", "main_item", ["", "k1", "k2"]),
    ("main", "cards__walk", ["", 1, 2]),
    ("items", "area", ["", "work", "home", "rest"]),
    ("items", "rank", ["", 1, 2]),
    ("items", "score", ["", 0, 1, 2, 3]),
    ("items", "serves", ["k1", "k2"]),
]


@pytest.mark.parametrize(("form", "field_id", "values"), CHOICES)
def test_choices_follow_the_definition_and_the_links_given(small, form, field_id, values):
    sheet = worksheet(small["sheet"])
    owner = sheet.main if form == "main" else sheet.lists[form].forms[0]

    assert [value for value, _ in owner.fields[field_id].choices] == values


def test_the_rank_and_area_choices_follow_the_real_material():
    rows = worksheet(WHAT_MATTERS, links={}).lists["activities"]

    ranks = [value for value, _ in rows.forms[0].fields["rank"].choices]
    assert ranks == ["", *range(1, WHAT_MATTERS.field("activities").item_field("rank").max + 1)]
    assert ranks == ["", 1, 2, 3]
    areas = [value for value, _ in rows.forms[0].fields["area"].choices]
    assert areas == [""] + [area.id for area in WHAT_MATTERS.field("life_areas").options]


def test_without_linked_items_a_link_offers_nothing_and_refuses_a_key(small):
    sheet = worksheet(
        small["sheet"],
        links={},
        post=post(
            small["sheet"], {"main_item": "k1"}, {"items": [{"text": "Walk", "serves": ["k1"]}]}
        ),
    )

    assert [value for value, _ in sheet.main.fields["main_item"].choices] == [""]
    assert not sheet.is_valid()
    assert codes(sheet.main.errors["main_item"]) == ["invalid_choice"]
    assert codes(sheet.lists["items"].forms[0].errors["serves"]) == ["invalid_choice"]


# What a posted value of each top-level type is saved as; or the code of its error.
VALUES = {
    "text is stripped": ("name", "  Peter  ", "Peter"),
    "text at its max_length": ("name", "x" * 10, "x" * 10),
    "text over its max_length": ("name", "x" * 11, Refused("max_length")),
    "empty text": ("name", "", None),
    "textarea keeps its lines": ("notes", "one\ntwo", "one\ntwo"),
    "textarea over its max_length": ("notes", "x" * 21, Refused("max_length")),
    "single choice": ("mood", "tense", "tense"),
    "single choice not made": ("mood", None, None),
    "single choice unknown": ("mood", "moon", Refused("invalid_choice")),
    "multiple choice": ("areas", ["work", "rest"], ["work", "rest"]),
    "multiple choice at its max": ("areas", ["home", "rest"], ["home", "rest"]),
    "multiple choice over its max": ("areas", ["work", "home", "rest"], Refused("too_many")),
    "multiple choice unknown": ("areas", ["moon"], Refused("invalid_choice")),
    "multiple choice none": ("areas", [], []),
    "checklist has no max": (
        "agreed",
        ["plan", "exercise", "sleep"],
        ["plan", "exercise", "sleep"],
    ),
    "checklist unknown": ("agreed", ["moon"], Refused("invalid_choice")),
    "body chart": ("where", ["lower_back"], ["lower_back"]),
    "body chart unknown region": ("where", ["knee_left"], Refused("invalid_choice")),
    "scale as a whole number": ("pain", "3", 3),
    "scale at its min": ("pain", "1", 1),
    "scale at its max": ("pain", "5", 5),
    "scale below its min": ("pain", "0", Refused("invalid_choice")),
    "scale above its max": ("pain", "6", Refused("invalid_choice")),
    "scale not a number": ("pain", "three", Refused("invalid_choice")),
    "scale not chosen": ("pain", None, None),
    "date ISO": ("seen_on", "2026-03-02", "2026-03-02"),
    "date Danish style": ("seen_on", "02.03.2026", "2026-03-02"),
    "date with dashes": ("seen_on", "02-03-2026", "2026-03-02"),
    "date with slashes": ("seen_on", "02/03/2026", "2026-03-02"),
    "date that does not exist": ("seen_on", "2026-02-30", Refused("invalid")),
    "date in words": ("seen_on", "yesterday", Refused("invalid")),
    "date left empty": ("seen_on", "", None),
    "link to a linked item": ("main_item", "k2", "k2"),
    "link to an unknown item": ("main_item", "k9", Refused("invalid_choice")),
    "link not chosen": ("main_item", "", None),
}


@pytest.mark.parametrize(("field_id", "value", "expected"), VALUES.values(), ids=VALUES.keys())
def test_each_type_saves_its_value_as_json_or_refuses_it(small, field_id, value, expected):
    sheet = worksheet(small["sheet"], post=post(small["sheet"], {field_id: value}))

    if isinstance(expected, Refused):
        assert not sheet.is_valid()
        assert codes(sheet.main.errors[field_id]) == [expected.code]
        assert list(sheet.main.errors) == [field_id]
    else:
        assert sheet.is_valid(), sheet.main.errors
        assert sheet.data()[field_id] == expected


def test_too_many_choices_are_refused_with_the_limit_in_the_message(small):
    sheet = worksheet(
        small["sheet"], post=post(small["sheet"], {"areas": ["work", "home", "rest"]})
    )

    assert not sheet.is_valid()
    with translation.override("en"):
        assert sheet.main.errors["areas"] == ["Choose at most 2."]


RANKED_CARDS = {
    "stored as a list, most important first": (
        {"cards__swim": "2", "cards__bike": "1"},
        ["bike", "swim"],
    ),
    "one card ranked": ({"cards__walk": "2"}, ["walk"]),
    "none ranked": ({}, []),
    "a place beyond the cards to rank": (
        {"cards__walk": "3"},
        Refused("invalid_choice", on="cards__walk"),
    ),
    "two cards on the same place": (
        {"cards__walk": "1", "cards__swim": "1"},
        Refused("rank_taken", on="__all__"),
    ),
}


@pytest.mark.parametrize(("fields", "expected"), RANKED_CARDS.values(), ids=RANKED_CARDS.keys())
def test_ranked_cards_store_the_order_and_refuse_a_shared_place(small, fields, expected):
    sheet = worksheet(small["sheet"], post=post(small["sheet"], fields))

    if isinstance(expected, Refused):
        assert not sheet.is_valid()
        assert {name: codes(errors) for name, errors in sheet.main.errors.items()} == {
            expected.on: [expected.code]
        }
    else:
        assert sheet.is_valid(), sheet.main.errors
        assert sheet.data()["cards"] == expected


def test_a_shared_card_place_names_the_field_and_the_place(small):
    fields = {"cards__walk": "1", "cards__swim": "1"}
    sheet = worksheet(small["sheet"], post=post(small["sheet"], fields))

    assert not sheet.is_valid()
    with translation.override("en"):
        assert sheet.main.non_field_errors() == ["Cards: only one card can be number 1."]


def test_saved_ranked_cards_show_as_their_places(small):
    sheet = worksheet(small["sheet"], {"cards": ["bike", "walk"]})

    places = {name: sheet.main[f"cards__{name}"].value() for name in ("walk", "swim", "bike")}
    assert places == {"walk": 2, "swim": None, "bike": 1}


FULL = {
    "name": "Peter",
    "notes": "Line one\nLine two",
    "mood": "calm",
    "areas": ["work", "rest"],
    "agreed": ["sleep"],
    "pain": 4,
    "seen_on": "2026-03-02",
    "cards": ["swim", "walk"],
    "where": ["neck"],
    "main_item": "k2",
    "staff_note": "Check again in May",
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
            "approved": True,
        },
        {
            "key": "k2",
            "text": "Swim",
            "area": None,
            "done": False,
            "rank": None,
            "score": None,
            "due": None,
            "serves": [],
            "approved": False,
        },
    ],
    "orders": [{"key": "o1", "text": "Rest a day"}],
}


@pytest.mark.parametrize("patient_view", [False, True])
def test_saved_answers_posted_back_as_shown_are_saved_unchanged(small, patient_view):
    shown = worksheet(small["sheet"], FULL, 3, patient_view=patient_view)
    assert shown.main["version"].value() == 3

    sheet = worksheet(small["sheet"], FULL, 3, patient_view=patient_view, post=posted_back(shown))

    assert sheet.is_valid(), [form.errors for form in sheet.forms]
    assert sheet.data() == FULL
    assert sheet.based_on_version() == 3


def test_the_data_has_every_field_of_the_material_in_its_order(small):
    sheet = worksheet(small["sheet"], post=post(small["sheet"]))

    assert sheet.is_valid()
    data = sheet.data()
    assert list(data) == [field.id for field in small["sheet"].fields]
    assert (data["items"], data["orders"], data["areas"], data["cards"]) == ([], [], [], [])


@pytest.mark.parametrize("version", ["", "one", "-1", "1.5"])
def test_the_version_must_be_a_whole_number_of_at_least_zero(small, version):
    data = post(small["sheet"])
    data["version"] = version

    sheet = worksheet(small["sheet"], post=data)

    assert not sheet.is_valid()
    assert list(sheet.main.errors) == ["version"]


# Lists


def test_every_item_field_type_is_saved_as_json(small):
    row = {
        "text": " Walk ",
        "area": "home",
        "done": "on",
        "rank": "2",
        "score": "0",
        "due": "24.12.2026",
        "serves": ["k1", "k2"],
        "approved": "on",
    }
    sheet = worksheet(small["sheet"], post=post(small["sheet"], rows={"items": [row]}))

    assert sheet.is_valid(), sheet.lists["items"].errors
    [item] = sheet.data()["items"]
    assert len(item.pop("key")) == 8
    assert item == {
        "text": "Walk",
        "area": "home",
        "done": True,
        "rank": 2,
        "score": 0,
        "due": "2026-12-24",
        "serves": ["k1", "k2"],
        "approved": True,
    }


def test_valid_rows_become_the_saved_data_and_blank_rows_are_dropped():
    rows = [
        {"text": "  Walk the dog ", "area": "leisure", "rank": "2", "stopped_by_pain": "on"},
        {"text": "", "area": "", "rank": ""},
        {"text": "   "},
        {"key": "keep1234", "text": "Garden"},
    ]
    data = post(WHAT_MATTERS, {"life_areas": ["home"]}, {"activities": rows})

    sheet = worksheet(WHAT_MATTERS, post=data, links={})

    assert sheet.is_valid()
    saved = sheet.data()
    assert saved["life_areas"] == ["home"]
    first, second = saved["activities"]
    assert len(first.pop("key")) == 8
    assert first == {
        "text": "Walk the dog",
        "why": None,
        "area": "leisure",
        "rank": 2,
        "stopped_by_pain": True,
    }
    assert second == {
        "key": "keep1234",
        "text": "Garden",
        "why": None,
        "area": None,
        "rank": None,
        "stopped_by_pain": False,
    }


def test_new_items_get_different_keys(small):
    rows = [{"text": f"Thing {n}"} for n in range(3)]

    sheet = worksheet(small["sheet"], post=post(small["sheet"], rows={"items": rows}))

    assert sheet.is_valid()
    keys = [item["key"] for item in sheet.data()["items"]]
    assert len(set(keys)) == 3


# Anything but the first text field, filled in on a row without that text.
WITHOUT_TEXT = {
    "area": {"area": "work"},
    "checkbox": {"done": "on"},
    "rank": {"rank": "1"},
    "scale": {"score": "2"},
    "date": {"due": "2026-03-02"},
    "link": {"serves": ["k1"]},
    "only spaces as text": {"text": "   ", "rank": "1"},
}


@pytest.mark.parametrize("row", WITHOUT_TEXT.values(), ids=WITHOUT_TEXT.keys())
def test_a_row_without_its_text_asks_for_it(small, row):
    sheet = worksheet(small["sheet"], post=post(small["sheet"], rows={"items": [row]}))

    assert not sheet.is_valid()
    errors = sheet.lists["items"].forms[0].errors
    assert list(errors) == ["text"]
    assert codes(errors["text"]) == ["text_missing"]
    with translation.override("en"):
        assert errors["text"] == ["Fill in “Thing”, or clear the rest of this row."]


def test_a_row_with_only_a_scale_answer_of_zero_asks_for_its_text(small):
    sheet = worksheet(small["sheet"], post=post(small["sheet"], rows={"items": [{"score": "0"}]}))

    assert not sheet.is_valid()
    assert codes(sheet.lists["items"].forms[0].errors["text"]) == ["text_missing"]


def test_an_overlong_text_is_only_said_to_be_too_long(small):
    rows = [{"text": "x" * 16, "rank": "1"}]

    sheet = worksheet(small["sheet"], post=post(small["sheet"], rows={"items": rows}))

    assert not sheet.is_valid()
    assert codes(sheet.lists["items"].forms[0].errors["text"]) == ["max_length"]


def test_the_real_material_asks_for_the_activity_when_only_its_rank_is_filled_in():
    rows = [{"text": "  ", "rank": "2", "stopped_by_pain": "on"}]

    sheet = worksheet(WHAT_MATTERS, post=post(WHAT_MATTERS, rows={"activities": rows}), links={})

    assert not sheet.is_valid()
    assert codes(sheet.lists["activities"].forms[0].errors["text"]) == ["text_missing"]


def test_a_list_without_a_one_line_text_saves_rows_without_asking_for_one(small):
    rows = [{"note": "A good day"}, {"day": "2026-03-02"}]

    sheet = worksheet(
        small["must"],
        post=post(small["must"], {"name": "Peter", "signed_on": "2026-03-02"}, {"log": rows}),
    )

    assert sheet.is_valid(), sheet.lists["log"].errors
    assert [(item["day"], item["note"]) for item in sheet.data()["log"]] == [
        (None, "A good day"),
        ("2026-03-02", None),
    ]


def test_two_items_with_the_same_rank_are_refused(small):
    rows = [
        {"text": "Walk", "rank": "1"},
        {"text": "Swim", "rank": "2"},
        {"text": "Bike", "rank": "1"},
    ]

    sheet = worksheet(small["sheet"], post=post(small["sheet"], rows={"items": rows}))

    assert not sheet.is_valid()
    assert codes(sheet.lists["items"].non_form_errors()) == ["rank_taken"]
    with translation.override("en"):
        assert sheet.lists["items"].non_form_errors() == [
            "Only one item can be number 1. Choose a different number."
        ]


def test_a_deleted_items_rank_is_free_to_take(small):
    saved = {"items": [{"key": "k1", "text": "Walk", "rank": 1}]}
    rows = [
        {"key": "k1", "text": "Walk", "rank": "1", "DELETE": "on"},
        {"text": "Swim", "rank": "1"},
    ]

    sheet = worksheet(
        small["sheet"],
        saved,
        1,
        post=post(small["sheet"], rows={"items": rows}, initial={"items": 1}),
    )

    assert sheet.is_valid(), sheet.lists["items"].non_form_errors()
    assert [(item["text"], item["rank"]) for item in sheet.data()["items"]] == [("Swim", 1)]


def test_an_item_is_removed_with_its_delete_box_and_the_others_keep_their_keys(small):
    saved = {"items": [{"key": "k1", "text": "Walk"}, {"key": "k2", "text": "Swim"}]}
    rows = [{"key": "k1", "text": "Walk", "DELETE": "on"}, {"key": "k2", "text": "Swim more"}]

    sheet = worksheet(
        small["sheet"],
        saved,
        1,
        post=post(small["sheet"], rows={"items": rows}, initial={"items": 2}),
    )

    assert sheet.is_valid()
    assert [(item["key"], item["text"]) for item in sheet.data()["items"]] == [("k2", "Swim more")]


@pytest.mark.parametrize(("count", "valid"), [(3, True), (4, False)])
def test_a_list_holds_at_most_its_max_items(small, count, valid):
    rows = [{"text": f"Thing {n}"} for n in range(count)]

    sheet = worksheet(small["sheet"], post=post(small["sheet"], rows={"items": rows}))

    assert sheet.is_valid() is valid
    if valid:
        assert len(sheet.data()["items"]) == 3
    else:
        assert codes(sheet.lists["items"].non_form_errors()) == ["too_many"]
        with translation.override("en"):
            assert sheet.lists["items"].non_form_errors() == ["“Things” can hold at most 3 items."]


@pytest.mark.parametrize(
    ("saved_activities", "empty_rows"), [(0, 3), (5, 3), (10, 2), (11, 1), (12, 0), (14, 0)]
)
def test_it_offers_up_to_three_empty_rows_but_never_beyond_the_limit(saved_activities, empty_rows):
    data = {"activities": [{"key": f"k{i}", "text": f"A{i}"} for i in range(saved_activities)]}

    rows = worksheet(WHAT_MATTERS, data, 1, links={}).lists["activities"]

    assert len(rows.forms) == saved_activities + empty_rows
    assert rows.prefix == "activities"


def test_a_forged_row_count_is_refused_and_builds_no_more_rows_than_the_page_can_hold():
    data = post(WHAT_MATTERS)
    data["activities-TOTAL_FORMS"] = "100000"

    rows = worksheet(WHAT_MATTERS, post=data, links={}).lists["activities"]

    assert not rows.is_valid()
    assert "too_many_forms" in codes(rows.non_form_errors())
    assert len(rows.forms) <= WHAT_MATTERS.field("activities").max_items + 3


# The most rows a page can show: max(saved items, max_items) + 3; one more is forged.
@pytest.mark.parametrize(
    ("saved", "total", "refused"),
    [(0, 15, False), (0, 16, True), (14, 17, False), (14, 18, True)],
)
def test_the_row_count_may_reach_what_the_page_can_show_but_no_more(saved, total, refused):
    data = {"activities": [{"key": f"k{i}", "text": f"A{i}"} for i in range(saved)]}
    posted = post(WHAT_MATTERS, version=1, initial={"activities": saved})
    posted["activities-TOTAL_FORMS"] = str(total)

    rows = worksheet(WHAT_MATTERS, data, 1, post=posted, links={}).lists["activities"]

    assert ("too_many_forms" in codes(rows.non_form_errors())) is refused


# Required fields, and fields only the clinician may change.


def test_a_required_field_is_required(small):
    sheet = worksheet(small["must"], post=post(small["must"], {"signed_on": "2026-03-02"}))

    assert not sheet.is_valid()
    assert codes(sheet.main.errors["name"]) == ["required"]


@pytest.mark.parametrize(("patient_view", "valid"), [(False, False), (True, True)])
def test_a_required_clinician_only_field_is_required_of_the_clinician_only(
    small, patient_view, valid
):
    data = post(small["must"], {"name": "Peter"})

    sheet = worksheet(small["must"], post=data, patient_view=patient_view)

    assert sheet.is_valid() is valid
    if not valid:
        assert codes(sheet.main.errors["signed_on"]) == ["required"]


@pytest.mark.parametrize("patient_view", [False, True])
def test_clinician_only_fields_are_disabled_for_the_patient(small, patient_view):
    sheet = worksheet(small["sheet"], FULL, 1, patient_view=patient_view)

    main_locked = {name for name, field in sheet.main.fields.items() if field.disabled}
    item_locked = {
        name for name, field in sheet.lists["items"].forms[0].fields.items() if field.disabled
    }
    order_locked = {
        name for name, field in sheet.lists["orders"].forms[0].fields.items() if field.disabled
    }
    if patient_view:
        assert (main_locked, item_locked, order_locked) == ({"staff_note"}, {"approved"}, {"text"})
    else:
        assert main_locked == item_locked == order_locked == set()


def test_a_patients_post_cannot_change_a_clinician_only_field(small):
    shown = worksheet(small["sheet"], FULL, 1, patient_view=True)
    forged = posted_back(shown)
    forged["staff_note"] = "Written by the patient"
    forged["items-0-approved"] = ""
    forged["items-1-approved"] = "on"
    forged["orders-0-text"] = "Forged order"
    forged["orders-TOTAL_FORMS"] = "2"
    forged["orders-1-text"] = "A new order"
    forged["items-0-text"] = "Walk far"  # what the patient may change

    sheet = worksheet(small["sheet"], FULL, 1, patient_view=True, post=forged)

    assert sheet.is_valid(), [form.errors for form in sheet.forms]
    data = sheet.data()
    assert data["staff_note"] == FULL["staff_note"]
    assert [item["approved"] for item in data["items"]] == [True, False]
    assert data["orders"] == FULL["orders"]
    assert data["items"][0]["text"] == "Walk far"


def test_the_clinician_may_change_clinician_only_fields(small):
    shown = worksheet(small["sheet"], FULL, 1)
    data = posted_back(shown)
    data["staff_note"] = "Seen again"
    data["items-1-approved"] = "on"
    data["orders-0-text"] = "Rest two days"

    sheet = worksheet(small["sheet"], FULL, 1, post=data)

    assert sheet.is_valid()
    saved = sheet.data()
    assert saved["staff_note"] == "Seen again"
    assert [item["approved"] for item in saved["items"]] == [True, True]
    assert saved["orders"] == [{"key": "o1", "text": "Rest two days"}]
