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
