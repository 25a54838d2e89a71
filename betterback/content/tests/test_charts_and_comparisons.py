"""The loader reads a material's [[charts]] and [[comparisons]] and refuses every broken one,
naming the file and the field."""

import pytest
from django.utils import translation

from betterback.content.loader import ContentError, load_pack
from betterback.content.tests.test_loader import good, write

# A good material (test_loader.GOOD) with an age field, a chart that marks the age chosen there,
# and a comparison whose first option is an option of the field "areas".
PARTS = """
[[fields]]
id = "age"
type = "single_choice"
label = { da = "Alder", en = "Age" }
options = [
  { id = "young", label = { da = "Yngre", en = "Younger" } },
  { id = "old", label = { da = "Ældre", en = "Older" } },
]

[[charts]]
id = "by-age"
unit = "%"
sources = ["kjaer2018"]
highlight_field = "age"
after_section = "balance"
title = { da = "Efter alder", en = "By age" }
description = { da = "Flere har det, jo ældre de er.", en = "More have it, the older they are." }
[[charts.columns]]
id = "young"
label = { da = "20 år", en = "20 years" }
[[charts.columns]]
id = "old"
label = { da = "80 år", en = "80 years" }
[[charts.rows]]
id = "bulge"
label = { da = "Buler", en = "Bulges" }
values = [30, 84]
[[charts.rows]]
id = "tear"
label = { da = "Revner", en = "Tears" }
values = [19.5, 29]

[[comparisons]]
id = "choices"
sources = ["kjaer2018"]
heading = { da = "Side om side", en = "Side by side" }
intro = { da = "De samme spørgsmål.", en = "The same questions." }
[[comparisons.aspects]]
id = "what"
label = { da = "Hvad?", en = "What?" }
[[comparisons.aspects]]
id = "gain"
label = { da = "Hvad giver det?", en = "What does it give?" }
[[comparisons.options]]
id = "work"
option_of = "areas"
title = { da = "Arbejde", en = "Work" }
[comparisons.options.texts]
what = { da = "At arbejde.", en = "Working." }
gain = { da = "Penge og venner.", en = "Money and friends." }
[[comparisons.options]]
id = "rest"
sources = ["kjaer2018"]
title = { da = "Hvile", en = "Rest" }
[comparisons.options.texts]
what = { da = "At hvile.", en = "Resting." }
gain = { da = "Lidt ro.", en = "Some quiet." }
"""


def with_parts() -> str:
    return good() + PARTS


def test_a_chart_and_a_comparison_load_with_their_parts_in_order(tmp_path):
    write(tmp_path, with_parts())

    material = load_pack(tmp_path, whole=False)["goals"]

    [chart] = material.charts
    assert [c.id for c in chart.columns] == ["young", "old"]
    assert [(r.id, r.values) for r in chart.rows] == [("bulge", (30, 84)), ("tear", (19.5, 29))]
    assert (chart.unit, chart.sources, chart.highlight_field) == ("%", ("kjaer2018",), "age")
    [comparison] = material.comparisons
    assert [a.id for a in comparison.aspects] == ["what", "gain"]
    work, rest = comparison.options
    assert (work.option_of, work.sources, rest.sources) == ("areas", (), ("kjaer2018",))
    with translation.override("en"):
        assert [(str(p.aspect.label), str(p.text)) for p in rest.points] == [
            ("What?", "Resting."),
            ("What does it give?", "Some quiet."),
        ]
        assert str(comparison.intro) == "The same questions."
    # The chart stands after its section; the comparison names none, so it comes last.
    assert [part.kind for part in material.reading_order] == ["section", "chart", "comparison"]


def test_a_material_without_charts_or_comparisons_has_none(tmp_path):
    write(tmp_path, good())

    material = load_pack(tmp_path, whole=False)["goals"]

    assert (material.charts, material.comparisons) == ((), ())
    assert [part.kind for part in material.reading_order] == ["section"]


def test_an_unplaced_chart_or_intro_is_optional(tmp_path):
    text = with_parts().replace('after_section = "balance"\n', "")
    text = text.replace('intro = { da = "De samme spørgsmål.", en = "The same questions." }\n', "")
    write(tmp_path, text)

    material = load_pack(tmp_path, whole=False)["goals"]

    assert material.comparisons[0].intro is None
    assert [part.kind for part in material.reading_order] == ["section", "chart", "comparison"]
    assert material.charts[0].after_section == ""


ASPECT = '[[comparisons.aspects]]\nid = "what"\nlabel = { da = "Hvad?", en = "What?" }\n'
SEVEN_ASPECTS = "".join(ASPECT.replace('"what"', f'"a{n}"') for n in range(7))

BROKEN = [
    # (name, (old, new), field, problem)
    (
        "a row with too many values",
        ("values = [30, 84]", "values = [30, 84, 90]"),
        "charts[0].rows[0].values",
        "has 3 values for 2 columns",
    ),
    (
        "a row with too few values",
        ("values = [30, 84]", "values = [30]"),
        "charts[0].rows[0].values",
        "has 1 values for 2 columns",
    ),
    (
        "a percentage over 100",
        ("values = [30, 84]", "values = [30, 100.5]"),
        "charts[0].rows[0].values[1]",
        "over 100",
    ),
    (
        "a value that is not a number",
        ("values = [30, 84]", 'values = [30, "84"]'),
        "charts[0].rows[0].values[1]",
        "must be a number",
    ),
    (
        "a value that is true",
        ("values = [30, 84]", "values = [true, 84]"),
        "charts[0].rows[0].values[0]",
        "must be a number",
    ),
    (
        "a negative value",
        ("values = [30, 84]", "values = [-1, 84]"),
        "charts[0].rows[0].values[0]",
        "0 or more",
    ),
    (
        "a value that is not finite",
        ("values = [30, 84]", "values = [nan, 84]"),
        "charts[0].rows[0].values[0]",
        "0 or more",
    ),
    (
        "a highlight field that does not exist",
        ('highlight_field = "age"', 'highlight_field = "height"'),
        "charts[0].highlight_field",
        "no single_choice field 'height'",
    ),
    (
        "a highlight field that is not a single choice",
        ('highlight_field = "age"', 'highlight_field = "areas"'),
        "charts[0].highlight_field",
        "no single_choice field 'areas'",
    ),
    (
        "a highlight field whose options are not columns",
        ('{ id = "old", label = { da = "Ældre"', '{ id = "older", label = { da = "Ældre"'),
        "charts[0].highlight_field",
        "option 'older' of 'age' is not a column of the chart",
    ),
    (
        "a chart citing an unknown source",
        ('sources = ["kjaer2018"]\nhighlight_field', 'sources = ["nobody2020"]\nhighlight_field'),
        "charts[0].sources",
        "unknown source 'nobody2020'",
    ),
    (
        "a chart citing no source",
        ('sources = ["kjaer2018"]\nhighlight_field', "sources = []\nhighlight_field"),
        "charts[0].sources",
        "cite at least one source",
    ),
    (
        "an unknown key in a chart",
        ('unit = "%"', 'unit = "%"\ncolour = "red"'),
        "charts[0].colour",
        "unknown key",
    ),
    (
        "an unknown key in a row",
        ("values = [30, 84]", 'values = [30, 84]\nnote = "x"'),
        "charts[0].rows[0].note",
        "unknown key",
    ),
    (
        "a chart after a section that does not exist",
        ('after_section = "balance"', 'after_section = "nowhere"'),
        "charts[0].after_section",
        "no section 'nowhere'",
    ),
    (
        "a chart with one column",
        ('[[charts.columns]]\nid = "old"\nlabel = { da = "80 år", en = "80 years" }\n', ""),
        "charts[0].columns",
        "give at least 2",
    ),
    (
        "two rows with one id",
        ('id = "tear"', 'id = "bulge"'),
        "charts[0].rows[1].id",
        "duplicate id 'bulge'",
    ),
    (
        "a chart with a summary instead of a description",
        ("description = { da = ", "summary = { da = "),
        "charts[0].summary",
        "unknown key",
    ),
    (
        "an option without a text for an aspect",
        ('gain = { da = "Penge og venner.", en = "Money and friends." }\n', ""),
        "comparisons[0].options[0].texts.gain",
        "every aspect needs a text",
    ),
    (
        "an option with a text for no aspect",
        ('what = { da = "At arbejde."', 'cost = { da = "Dyrt" }\nwhat = { da = "At arbejde."'),
        "comparisons[0].options[0].texts.cost",
        "unknown key",
    ),
    (
        "an option text without a translation",
        ('gain = { da = "Lidt ro.", en = "Some quiet." }', 'gain = { da = "Lidt ro." }'),
        "comparisons[0].options[1].texts.gain.en",
        "missing translation",
    ),
    (
        "an option_of naming an option the field does not have",
        ('id = "work"\noption_of', 'id = "play"\noption_of'),
        "comparisons[0].options[0].option_of",
        "'areas' has no option 'play'",
    ),
    (
        "an option_of naming no field",
        ('option_of = "areas"', 'option_of = "hobbies"'),
        "comparisons[0].options[0].option_of",
        "no choice field 'hobbies'",
    ),
    (
        "an option_of naming a field that is not a choice",
        ('option_of = "areas"', 'option_of = "confidence"'),
        "comparisons[0].options[0].option_of",
        "no choice field 'confidence'",
    ),
    (
        "an option citing an unknown source",
        ('sources = ["kjaer2018"]\ntitle', 'sources = ["x1"]\ntitle'),
        "comparisons[0].options[1].sources",
        "unknown source 'x1'",
    ),
    (
        "a comparison citing an unknown source",
        ('id = "choices"\nsources = ["kjaer2018"]', 'id = "choices"\nsources = ["x2"]'),
        "comparisons[0].sources",
        "unknown source 'x2'",
    ),
    (
        "an unknown key in a comparison",
        ('id = "choices"', 'id = "choices"\ncolour = "red"'),
        "comparisons[0].colour",
        "unknown key",
    ),
    (
        "an unknown key in a compared option",
        ('id = "rest"', 'id = "rest"\nprice = 10'),
        "comparisons[0].options[1].price",
        "unknown key",
    ),
    (
        "a comparison after a section that does not exist",
        ('id = "choices"', 'id = "choices"\nafter_section = "nowhere"'),
        "comparisons[0].after_section",
        "no section 'nowhere'",
    ),
    (
        "a comparison with one aspect",
        ('[[comparisons.aspects]]\nid = "gain"', '[[comparisons.options]]\nid = "gain"'),
        "comparisons[0].aspects",
        "give at least 2",
    ),
    (
        "a comparison with seven aspects",
        (ASPECT, SEVEN_ASPECTS),
        "comparisons[0].aspects",
        "give at most 6",
    ),
    (
        "two options with one id",
        ('id = "rest"', 'id = "work"'),
        "comparisons[0].options[1].id",
        "duplicate id 'work'",
    ),
]


@pytest.mark.parametrize(
    ("change", "field", "problem"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN]
)
def test_a_broken_chart_or_comparison_is_refused_naming_file_and_field(
    tmp_path, change, field, problem
):
    old, new = change
    text = with_parts()
    assert text.count(old) == 1, "the test's replacement must apply once"
    path = write(tmp_path, text.replace(old, new))

    with pytest.raises(ContentError) as refused:
        load_pack(tmp_path, whole=False)

    assert (refused.value.path, refused.value.field) == (path, field)
    assert problem in refused.value.problem
    assert str(path) in str(refused.value)


def test_two_charts_may_not_share_an_id(tmp_path):
    chart = PARTS[PARTS.index("[[charts]]") : PARTS.index("[[comparisons]]")]
    write(tmp_path, with_parts() + chart)

    with pytest.raises(ContentError) as refused:
        load_pack(tmp_path, whole=False)

    assert refused.value.field == "charts[1].id"
    assert "duplicate id 'by-age'" in refused.value.problem


def test_the_default_pack_has_the_age_chart_and_the_options_side_by_side():
    from betterback.content.pack import pack

    scans, options = pack()["scans-and-findings"], pack()["my-options"]

    [chart] = scans.charts
    assert chart.highlight_field == "my_age"
    assert [c.id for c in chart.columns] == [f"age{n}" for n in range(20, 90, 10)]
    assert [o.id for o in scans.field("my_age").options] == [c.id for c in chart.columns]
    assert chart.rows[0].values == (37, 52, 68, 80, 88, 93, 96)
    assert chart.rows[-1].values == (3, 5, 8, 14, 23, 35, 50)
    [comparison] = options.comparisons
    offered = {o.id for o in options.field("leaning_towards").options}
    assert {o.id for o in comparison.options if o.option_of} <= offered
