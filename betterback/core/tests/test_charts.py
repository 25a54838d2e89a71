"""The server-drawn trend chart: valid, accessible, escaped, localised and true to the data."""

import datetime
import itertools
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation
from django.utils.safestring import SafeString

from betterback.core.charts import LEFT, RIGHT, Point, trend_svg

NS = {"svg": "http://www.w3.org/2000/svg"}
DAY = datetime.date(2026, 9, 1)


def chart(points, **kwargs):
    options = {"minimum": 0, "maximum": 10, "title": "Pain", "description": "Pain over time"}
    return trend_svg(points, **(options | kwargs))


def parse(svg):
    return ET.fromstring(svg)  # noqa: S314 - our own output, under test


def circles(root):
    return [(float(c.get("cx")), float(c.get("cy"))) for c in root.iterfind(".//svg:circle", NS)]


def texts(root, cls):
    return [t.text for t in root.iterfind(".//svg:text", NS) if cls in t.get("class").split()]


def days(*offsets, values=None):
    values = values or [5] * len(offsets)
    return [
        Point(DAY + datetime.timedelta(days=d), v) for d, v in zip(offsets, values, strict=True)
    ]


def test_is_an_accessible_svg_image():
    svg = chart(days(0, 7))
    assert isinstance(svg, SafeString)
    root = parse(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox") == "0 0 640 260"
    assert "bb-chart" in root.get("class").split()
    assert root.get("preserveAspectRatio")
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"svg:title[@id='{title_id}']", NS).text == "Pain"
    assert root.find(f"svg:desc[@id='{desc_id}']", NS).text == "Pain over time"


def test_follows_the_content_security_policy_and_stays_legible():
    root = parse(chart(days(0, 7, 30), bands=[(0, 3, "bb-chart-band-low")]))
    for element in root.iter():
        assert "style" not in element.attrib
        assert not element.tag.endswith(("script", "style"))
    sizes = [float(t.get("font-size")) for t in root.iterfind(".//svg:text", NS)]
    assert sizes
    assert min(sizes) >= 12
    assert {t.get("fill") for t in root.iterfind(".//svg:text", NS)} == {"#1a1a1a"}
    assert root.find("svg:polyline", NS).get("stroke") == "#004993"


def test_title_and_description_are_escaped():
    svg = chart(days(0, 7), title="<script>alert(1)</script>", description='"x" & <b>y</b>')
    assert "<script>" not in svg
    assert "<b>" not in svg
    assert "&lt;script&gt;" in svg
    root = parse(svg)
    assert root.find("svg:title", NS).text == "<script>alert(1)</script>"
    assert root.find("svg:desc", NS).text == '"x" & <b>y</b>'


def test_point_labels_are_escaped():
    root = parse(chart([Point(DAY, 5, "<i>Intake</i>")]))
    assert texts(root, "bb-chart-point-label") == ["<i>Intake</i>"]


def test_draws_one_circle_per_point_and_a_line_through_them():
    root = parse(chart(days(0, 7, 14, 28)))
    assert len(circles(root)) == 4
    line = root.find("svg:polyline", NS).get("points").split()
    assert [tuple(map(float, p.split(","))) for p in line] == circles(root)


def test_points_are_ordered_by_date_and_spaced_by_real_time():
    points = days(30, 0, 10)
    root = parse(chart(points))
    (x0, _), (x1, _), (x2, _) = circles(root)
    assert x0 < x1 < x2
    assert x0 == pytest.approx(LEFT)
    assert x2 == pytest.approx(RIGHT)
    assert x2 - x0 == pytest.approx(3 * (x1 - x0), abs=0.2)


def test_twice_as_far_in_time_is_twice_as_far_in_x():
    (x0, _), (x1, _), (x2, _) = circles(parse(chart(days(0, 10, 20))))
    assert x2 - x0 == pytest.approx(2 * (x1 - x0), abs=0.2)


def test_higher_values_are_drawn_higher():
    ys = [y for _, y in circles(parse(chart(days(0, 1, 2, 3, values=[2, 8, 5, 0]))))]
    assert ys[1] < ys[2] < ys[0] < ys[3]


def test_values_outside_the_range_are_clamped_but_labelled_truthfully():
    root = parse(chart(days(0, 1, 2, 3, values=[15, 10, -3, 0])))
    ys = [y for _, y in circles(root)]
    assert ys[0] == ys[1]
    assert ys[2] == ys[3]
    assert texts(root, "bb-chart-value") == ["15", "10", "-3", "0"]


def test_value_labels_use_the_local_decimal_mark():
    points = days(0, 7, values=[4.5, 7])
    with translation.override("da"):
        assert texts(parse(chart(points)), "bb-chart-value") == ["4,5", "7"]
    with translation.override("en"):
        assert texts(parse(chart(points)), "bb-chart-value") == ["4.5", "7"]


def test_whole_floats_show_without_decimals():
    with translation.override("da"):
        assert texts(parse(chart(days(0, values=[7.0]))), "bb-chart-value") == ["7"]


def test_date_labels_are_localised():
    points = [Point(datetime.date(2026, 11, 29), 3)]
    with translation.override("da"):
        assert texts(parse(chart(points)), "bb-chart-date") == ["29.11.2026"]
    with translation.override("en"):
        assert texts(parse(chart(points)), "bb-chart-date") == ["29 Nov 2026"]


def test_date_labels_never_crowd_but_the_first_and_last_are_shown():
    points = days(*range(0, 29, 2))
    with translation.override("da"):
        root = parse(chart(points))
    dates = texts(root, "bb-chart-date")
    assert 2 <= len(dates) < len(points)
    assert dates[0] == "01.09.2026"
    assert dates[-1] == "29.09.2026"
    labels = root.iterfind(".//svg:text[@class='bb-chart-label bb-chart-date']", NS)
    xs = [float(label.get("x")) for label in labels]
    assert min(b - a for a, b in itertools.pairwise(xs)) >= 80


@pytest.mark.parametrize(
    ("maximum", "expected"),
    [
        (10, ["0", "2", "4", "6", "8", "10"]),
        (24, ["0", "6", "12", "18", "24"]),
        (4, ["0", "1", "2", "3", "4"]),
    ],
)
def test_y_axis_has_whole_number_ticks_from_minimum_to_maximum(maximum, expected):
    assert texts(parse(chart(days(0, 7), maximum=maximum)), "bb-chart-tick") == expected


@pytest.mark.parametrize(("minimum", "maximum"), [(0, 1), (-0.594, 1), (0, 7), (0, 13), (1, 100)])
def test_y_axis_has_three_to_six_ticks(minimum, maximum):
    ticks = texts(parse(chart(days(0, 7), minimum=minimum, maximum=maximum)), "bb-chart-tick")
    assert 3 <= len(ticks) <= 6


def test_tick_labels_are_localised():
    with translation.override("da"):
        ticks = texts(parse(chart(days(0, 7), minimum=0, maximum=1)), "bb-chart-tick")
    assert ticks == ["0", "0,2", "0,4", "0,6", "0,8", "1"]


def test_bands_are_drawn_behind_within_the_range():
    root = parse(chart(days(0, 7), bands=[(0, 3, "bb-chart-band-low"), (7, 99, "high")]))
    low, high = root.iterfind("svg:rect", NS)
    assert low.get("class").split() == ["bb-chart-band", "bb-chart-band-low"]
    assert high.get("class").split() == ["bb-chart-band", "bb-chart-band-high"]
    [(_, top)] = circles(parse(chart(days(0, values=[10]))))
    [(_, bottom)] = circles(parse(chart(days(0, values=[0]))))
    assert float(high.get("y")) == pytest.approx(top)
    assert float(low.get("y")) + float(low.get("height")) == pytest.approx(bottom)
    assert float(low.get("y")) > float(high.get("y"))
    children = [child.tag.split("}")[1] for child in root]
    assert children.index("rect") < children.index("polyline") < children.index("circle")


def test_no_points_give_no_chart():
    assert trend_svg([], minimum=0, maximum=10, title="Pain", description="") == ""


def test_a_single_point_is_centred_without_a_line():
    root = parse(chart([Point(DAY, 4, "Intake")]))
    [(x, _)] = circles(root)
    assert x == pytest.approx((LEFT + RIGHT) / 2)
    assert root.find("svg:polyline", NS) is None
    assert texts(root, "bb-chart-point-label") == ["Intake"]


def test_output_is_deterministic():
    points = days(0, 7, 21, values=[7, 4.5, 3])
    with translation.override("da"):
        assert chart(points) == chart(list(points))


def test_different_charts_get_different_ids():
    first, second = parse(chart(days(0, 7))), parse(chart(days(0, 7), title="Function"))
    assert first.get("aria-labelledby") != second.get("aria-labelledby")
    ids = {e.get("id") for e in [*first.iter(), *second.iter()] if e.get("id")}
    assert len(ids) == 4


def test_higher_is_better_is_exposed_as_a_class():
    assert "bb-chart--higher-better" in parse(chart(days(0), higher_is_better=True)).get("class")
    assert "bb-chart--lower-better" in parse(chart(days(0))).get("class")


def test_an_empty_range_is_refused():
    with pytest.raises(ValueError):
        chart(days(0), minimum=5, maximum=5)
