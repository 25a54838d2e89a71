"""The forms of "What matters to me" on their own, without the page around them."""

import pytest
from django.http import QueryDict

from betterback.content.pack import material
from betterback.materials.forms import build_forms, collected_data

WHAT_MATTERS = material("what-matters")


def post(fields: dict) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in fields.items():
        if isinstance(value, list):
            data.setlist(name, value)
        else:
            data[name] = value
    return data


def rows_post(*rows, version="0", life_areas=(), initial=0):
    fields = {
        "version": version,
        "life_areas": list(life_areas),
        "activity-TOTAL_FORMS": str(len(rows)),
        "activity-INITIAL_FORMS": str(initial),
    }
    for index, row in enumerate(rows):
        for name, value in row.items():
            fields[f"activity-{index}-{name}"] = value
    return post(fields)


@pytest.mark.parametrize(
    ("saved_activities", "empty_rows"), [(0, 3), (5, 3), (10, 2), (11, 1), (12, 0)]
)
def test_it_offers_up_to_three_empty_rows_but_never_beyond_the_limit(saved_activities, empty_rows):
    data = {"activities": [{"key": f"k{i}", "text": f"A{i}"} for i in range(saved_activities)]}

    _, rows = build_forms(WHAT_MATTERS, data, 1)

    assert len(rows.forms) == saved_activities + empty_rows


def test_rank_choices_follow_the_material():
    _, rows = build_forms(WHAT_MATTERS, {}, 0)

    ranks = [value for value, _ in rows.forms[0].fields["rank"].choices]
    assert ranks == ["", 1, 2, 3]
    areas = [value for value, _ in rows.forms[0].fields["area"].choices]
    assert areas == [""] + [area.id for area in WHAT_MATTERS.field("life_areas").options]


def test_valid_rows_become_the_saved_data_and_blank_rows_are_dropped():
    main, rows = build_forms(
        WHAT_MATTERS,
        {},
        0,
        rows_post(
            {"text": "  Walk the dog ", "area": "leisure", "rank": "2", "stopped_by_pain": "on"},
            {"text": "", "area": "", "rank": ""},
            {"key": "keep1234", "text": "Garden"},
            life_areas=["home"],
        ),
    )

    assert main.is_valid() and rows.is_valid()
    data = collected_data(main, rows)
    assert data["life_areas"] == ["home"]
    first, second = data["activities"]
    assert (first["text"], first["area"], first["rank"], first["stopped_by_pain"]) == (
        "Walk the dog",
        "leisure",
        2,
        True,
    )
    assert len(first["key"]) == 8
    assert (second["key"], second["text"], second["rank"], second["area"]) == (
        "keep1234",
        "Garden",
        None,
        "",
    )


def test_a_forged_row_count_is_refused():
    main, rows = build_forms(
        WHAT_MATTERS,
        {},
        0,
        post({"version": "0", "activity-TOTAL_FORMS": "100000", "activity-INITIAL_FORMS": "0"}),
    )

    assert not rows.is_valid()
    assert rows.non_form_errors()


def test_a_forged_row_count_builds_no_more_rows_than_the_page_can_hold():
    _, rows = build_forms(
        WHAT_MATTERS,
        {},
        0,
        post({"version": "0", "activity-TOTAL_FORMS": "100000", "activity-INITIAL_FORMS": "0"}),
    )

    assert len(rows.forms) <= WHAT_MATTERS.field("activities").max_items + 3
