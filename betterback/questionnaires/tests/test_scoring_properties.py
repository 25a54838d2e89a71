"""Properties of every scoring rule over many generated answers, held against the definitions."""

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from betterback.questionnaires.definitions import load_folder
from betterback.questionnaires.scoring import INSTRUMENTS, InvalidAnswer, score

DEFINITIONS = load_folder()
SCORED = sorted(INSTRUMENTS)
# Fast enough to run with every test run; no example database is written.
FAST = settings(max_examples=60, deadline=None, database=None)


def complete(instrument_id: str, **fixed):
    """Any complete, valid set of answers, with some items fixed to a strategy of their own."""
    items = INSTRUMENTS[instrument_id].items
    return st.fixed_dictionaries(
        {item: fixed.get(f"item{item}", st.sampled_from(codes)) for item, codes in items.items()}
    )


@pytest.mark.parametrize("instrument_id", [i for i in SCORED if i != "fabq"])
@FAST
@given(data=st.data())
def test_any_complete_answers_give_a_total_within_the_definitions_range(instrument_id, data):
    result = score(instrument_id, data.draw(complete(instrument_id)))
    definition = DEFINITIONS[instrument_id]
    assert result.complete
    assert definition.minimum <= result.total <= definition.maximum


@pytest.mark.parametrize("instrument_id", SCORED)
@FAST
@given(data=st.data())
def test_any_band_given_is_one_the_definition_explains(instrument_id, data):
    result = score(instrument_id, data.draw(complete(instrument_id)))
    bands = {b.id for b in DEFINITIONS[instrument_id].bands}
    assert (result.band in bands) if bands else (result.band is None)


@FAST
@given(answers=complete("fabq"))
def test_fabq_subscales_stay_within_their_ranges_and_there_is_no_total(answers):
    result = score("fabq", answers)
    assert result.total is None and result.complete
    assert 0 <= result.subscales["physical_activity"] <= 24
    assert 0 <= result.subscales["work"] <= 42
    assert max(result.subscales.values()) <= DEFINITIONS["fabq"].maximum


@FAST
@given(
    ratings=st.lists(st.one_of(st.none(), st.integers(0, 10)), min_size=5, max_size=5).filter(
        lambda r: sum(v is not None for v in r) >= 3
    )
)
def test_psfs_with_three_to_five_rated_activities_is_between_0_and_10(ratings):
    result = score("psfs", {str(n): v for n, v in enumerate(ratings, start=1)})
    rated = [v for v in ratings if v is not None]
    assert 0 <= result.total <= 10
    assert min(rated) <= result.total <= max(rated)


@FAST
@given(answers=complete("orebro10", item3=st.integers(0, 9)))
def test_orebro10_raising_item_3_by_one_lowers_the_total_by_one(answers):
    raised = {**answers, "3": answers["3"] + 1}
    assert score("orebro10", raised).total == score("orebro10", answers).total - 1


@pytest.mark.parametrize(("item", "step"), [("2", 1), ("3", -1), ("4", -1), ("5", 1), ("8", -1)])
@FAST
@given(data=st.data())
def test_orebro10_items_3_4_and_8_are_reversed_and_the_others_count_up(item, step, data):
    answers = data.draw(complete("orebro10"))
    assume(answers[item] < 10)
    raised = {**answers, item: answers[item] + 1}
    assert score("orebro10", raised).total == score("orebro10", answers).total + step


@FAST
@given(answers=complete("orebro10"))
def test_orebro10_is_raised_from_50(answers):
    result = score("orebro10", answers)
    assert result.band == ("raised" if result.total >= 50 else "low")


@FAST
@given(answers=complete("startback"))
def test_startback_item_9_counts_one_only_for_3_or_4(answers):
    result = score("startback", answers)
    first_eight = sum(answers[str(n)] for n in range(1, 9))
    assert result.total == first_eight + int(answers["9"] >= 3)


@FAST
@given(answers=complete("startback"))
def test_startback_psychosocial_subscale_is_never_above_the_total(answers):
    result = score("startback", answers)
    assert 0 <= result.subscales["psychosocial"] <= result.total


@FAST
@given(answers=complete("odi"), missing=st.sampled_from([str(n) for n in range(1, 11)]))
def test_odi_with_one_section_missing_has_a_score_but_is_not_complete(answers, missing):
    result = score("odi", {**answers, missing: None})
    assert result.total is not None and 0 <= result.total <= 100
    assert result.complete is False


@FAST
@given(
    answers=complete("odi"),
    missing=st.lists(
        st.sampled_from([str(n) for n in range(1, 11)]), min_size=2, max_size=10, unique=True
    ),
)
def test_odi_with_two_or_more_sections_missing_has_no_score(answers, missing):
    result = score("odi", {**answers, **dict.fromkeys(missing)})
    assert (result.total, result.band, result.complete) == (None, None, False)


@FAST
@given(answers=complete("rmdq"))
def test_rmdq_total_is_the_number_of_yes_answers(answers):
    assert score("rmdq", answers).total == list(answers.values()).count(1)


@pytest.mark.parametrize("instrument_id", SCORED)
@FAST
@given(data=st.data())
def test_a_code_outside_the_allowed_range_raises_naming_the_item(instrument_id, data):
    answers = data.draw(complete(instrument_id))
    item = data.draw(st.sampled_from(sorted(answers)))
    allowed = INSTRUMENTS[instrument_id].items[item]
    wrong = data.draw(
        st.one_of(st.integers(max_value=allowed.start - 1), st.integers(min_value=allowed.stop))
    )
    as_text = data.draw(st.booleans())
    with pytest.raises(InvalidAnswer, match=rf"^{instrument_id} item {item}: "):
        score(instrument_id, {**answers, item: str(wrong) if as_text else wrong})
