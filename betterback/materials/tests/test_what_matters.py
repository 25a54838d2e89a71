"""The pure rules of "What matters to me"."""

import pytest

from betterback.materials import what_matters


def act(text, rank=None, stopped=False):
    return {"key": text.lower(), "text": text, "area": "", "stopped_by_pain": stopped, "rank": rank}


WALK = act("Walk", rank=2, stopped=True)
GARDEN = act("Garden")
WORK = act("Work", rank=1)
SWIM = act("Swim", rank=3, stopped=True)
READ = act("Read", stopped=True)

CASES = {
    # name: (data, ranked, unranked, stopped_by_pain, is_empty)
    "nothing saved yet": ({}, [], [], [], True),
    "the empty worksheet": (what_matters.empty(), [], [], [], True),
    "activities set to None": ({"life_areas": [], "activities": None}, [], [], [], True),
    "only life areas": ({"life_areas": ["family"], "activities": []}, [], [], [], False),
    "one unranked activity": ({"activities": [GARDEN]}, [], [GARDEN], [], False),
    "ranks sorted, most important first": (
        {"activities": [SWIM, GARDEN, WALK, WORK, READ]},
        [WORK, WALK, SWIM],
        [GARDEN, READ],
        [SWIM, WALK, READ],
        False,
    ),
    "rank 0 counts as unranked": (
        {"activities": [act("Zero", rank=0)]},
        [],
        [act("Zero", rank=0)],
        [],
        False,
    ),
}


@pytest.mark.parametrize(
    ("data", "ranked", "unranked", "stopped", "empty"), CASES.values(), ids=CASES.keys()
)
def test_the_rules_sort_the_saved_activities(data, ranked, unranked, stopped, empty):
    assert what_matters.ranked(data) == ranked
    assert what_matters.unranked(data) == unranked
    assert what_matters.stopped_by_pain(data) == stopped
    assert what_matters.is_empty(data) is empty


def test_the_rules_do_not_change_the_saved_data():
    data = {"activities": [SWIM, WORK]}

    what_matters.ranked(data)
    what_matters.activities(data).clear()

    assert data == {"activities": [SWIM, WORK]}


def test_an_empty_worksheet_is_a_fresh_dict_each_time():
    first = what_matters.empty()
    first["life_areas"].append("work")

    assert what_matters.empty() == {"life_areas": [], "activities": []}


def activity(key, text, area="", rank=None, stopped=False):
    return {"key": key, "text": text, "area": area, "rank": rank, "stopped_by_pain": stopped}


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (what_matters.empty(), what_matters.empty(), []),
        (
            what_matters.empty(),
            {"life_areas": ["family"], "activities": [activity("a", "Walk")]},
            [{"kind": "area_added", "area": "family"}, {"kind": "added", "text": "Walk"}],
        ),
        (
            {"life_areas": ["work"], "activities": [activity("a", "Walk")]},
            {"life_areas": [], "activities": []},
            [{"kind": "area_removed", "area": "work"}, {"kind": "removed", "text": "Walk"}],
        ),
        (
            {"activities": [activity("a", "Walk")]},
            {"activities": [activity("a", "Walk the dog")]},
            [{"kind": "renamed", "old": "Walk", "text": "Walk the dog"}],
        ),
        (
            {"activities": [activity("a", "Walk", rank=2)]},
            {"activities": [activity("a", "Walk", rank=None)]},
            [{"kind": "ranked", "text": "Walk", "rank": None}],
        ),
        (
            {"activities": [activity("a", "Walk")]},
            {"activities": [activity("a", "Walk", stopped=True, area="leisure")]},
            [
                {"kind": "pain_stops", "text": "Walk"},
                {"kind": "area_of", "text": "Walk", "area": "leisure"},
            ],
        ),
        (
            {"activities": [activity("a", "Walk", stopped=True)]},
            {"activities": [activity("a", "Walk", stopped=False)]},
            [{"kind": "pain_allows", "text": "Walk"}],
        ),
    ],
    ids=["nothing", "first-save", "cleared", "renamed", "unranked", "pain-and-area", "pain-gone"],
)
def test_changes_say_what_one_save_changed(before, after, expected):
    assert what_matters.changes(before, after) == expected


class Revision:
    def __init__(self, version, data):
        self.version, self.data = version, data


def test_the_history_compares_each_revision_with_the_one_before_and_hides_the_extra_one():
    revisions = [
        Revision(3, {"activities": [activity("a", "Swim")]}),
        Revision(2, {"activities": [activity("a", "Walk")]}),
    ]

    shown = what_matters.history_with_changes(revisions)

    assert [item["revision"].version for item in shown] == [3]
    assert shown[0]["changes"] == [{"kind": "renamed", "old": "Walk", "text": "Swim"}]


def test_the_first_revision_is_compared_with_an_empty_sheet():
    shown = what_matters.history_with_changes(
        [Revision(1, {"activities": [activity("a", "Walk")]})]
    )

    assert shown[0]["changes"] == [{"kind": "added", "text": "Walk"}]
