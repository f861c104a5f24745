"""Charts: radar geometry for known inputs, and the Vega-Lite specs of radar and bars."""

from __future__ import annotations

import json
import math

import altair as alt
import pytest

from assessment.charts.bars import bars_args, bars_spec
from assessment.charts.palette import SERIES_COLOURS
from assessment.charts.radar import radar_geometry, stage_name_for, wrap_label
from assessment.charts.radar_chart import radar_args, radar_spec
from assessment.charts.vega import text_width_px
from assessment.questionnaire import Questionnaire
from assessment.responses import ResponseFile
from assessment.scoring import score_response

RINGS = (25.0, 50.0, 75.0, 100.0)
STAGES = ("Einstieg", "Aufbau", "Entwicklung", "Verankert")
LABELS = (
    "Organisation und Strategie",
    "Personalentwicklung",
    "Fort- und Weiterbildung",
    "Angebote und Kundenservice",
    "Kooperation und Vernetzung",
)


def close(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return math.isclose(a[0], b[0], abs_tol=1e-9) and math.isclose(a[1], b[1], abs_tol=1e-9)


# --- geometry -----------------------------------------------------------------------------------


def test_four_axes_start_at_the_top_and_run_clockwise() -> None:
    geometry = radar_geometry(["N", "E", "S", "W"], {"actual": [100, 50, 25, 0]}, RINGS)
    points = geometry.series[0].points
    assert close(points[0], (0.0, 1.0))
    assert close(points[1], (0.5, 0.0))
    assert close(points[2], (0.0, -0.25))
    assert close(points[3], (0.0, 0.0))
    assert geometry.angles[0] == pytest.approx(math.pi / 2)
    assert geometry.angles[1] == pytest.approx(0.0)


def test_five_axes_are_72_degrees_apart_with_radius_value_over_100() -> None:
    geometry = radar_geometry(LABELS, {"actual": [60.0] * 5}, RINGS)
    for index, (x, y) in enumerate(geometry.series[0].points):
        angle = math.pi / 2 - index * 2 * math.pi / 5
        assert close((x, y), (0.6 * math.cos(angle), 0.6 * math.sin(angle)))
        assert math.hypot(x, y) == pytest.approx(0.6)


def test_values_are_clamped_to_the_scale() -> None:
    geometry = radar_geometry(["a", "b", "c"], {"s": [150.0, -5.0, 100.0]}, RINGS)
    radii = [math.hypot(x, y) for x, y in geometry.series[0].points]
    assert radii == pytest.approx([1.0, 0.0, 1.0])


def test_rings_sit_at_the_stage_bounds() -> None:
    geometry = radar_geometry(LABELS, {}, (0.0, 25.0, 50.0, 75.0, 100.0))
    assert [ring.value for ring in geometry.rings] == [25.0, 50.0, 75.0, 100.0]
    for ring in geometry.rings:
        assert len(ring.points) == 5
        for x, y in ring.points:
            assert math.hypot(x, y) == pytest.approx(ring.value / 100)
        # the ring's label sits on its edge, inside the ring
        assert math.hypot(*ring.label_at) <= ring.value / 100 + 1e-9


def test_labels_sit_outside_the_outer_ring_and_hang_away_from_it() -> None:
    geometry = radar_geometry(LABELS, {"actual": [50.0] * 5}, RINGS)
    positions = geometry.label_positions
    assert [p.text for p in positions] == list(LABELS)
    for p in positions:
        assert math.hypot(p.x, p.y) > 1.0
    top, right, lower_right, lower_left, left = positions
    assert (top.align, top.baseline) == ("center", "bottom")
    assert right.align == "left" and left.align == "right"
    assert lower_right.baseline == "top" and lower_left.baseline == "top"

    def width(line: str) -> float:
        return 0.05 * len(line)

    xmin, xmax, ymin, ymax = geometry.bounds(width, 0.1)
    assert xmin < -1 and xmax > 1 and ymax > 1 and ymin < -1
    # every label box lies within the bounds
    for p in positions:
        w = max(width(line) for line in p.lines)
        left_edge = {"left": p.x, "center": p.x - w / 2, "right": p.x - w}[p.align]
        assert xmin <= left_edge and left_edge + w <= xmax


def test_missing_values_are_gaps_in_the_line_and_listed() -> None:
    geometry = radar_geometry(LABELS, {"actual": [40.0, None, math.nan, 60.0, 10.0]}, RINGS)
    series = geometry.series[0]
    assert series.missing == (LABELS[1], LABELS[2])
    assert not series.complete
    # One line from area 4 over 5 back to 1; nothing drawn for 2 and 3, no point at the centre.
    assert [[v.index for v in run] for run in series.segments] == [[3, 4, 0]]
    frame = geometry.vertices()
    assert list(frame["missing"]) == [False, True, True, False, False]
    assert len(frame) == 5


def test_segments_close_a_complete_series_and_split_at_every_gap() -> None:
    full = radar_geometry(LABELS, {"s": [10.0, 20.0, 30.0, 40.0, 50.0]}, RINGS).series[0]
    assert [[v.index for v in run] for run in full.segments] == [[0, 1, 2, 3, 4, 0]]
    gaps = radar_geometry(LABELS, {"s": [10.0, None, 30.0, None, 50.0]}, RINGS).series[0]
    assert [[v.index for v in run] for run in gaps.segments] == [[2], [4, 0]]
    empty = radar_geometry(LABELS, {"s": [None] * 5}, RINGS).series[0]
    assert empty.segments == ()


def test_bad_input_is_rejected_clearly() -> None:
    with pytest.raises(ValueError, match="at least three"):
        radar_geometry(["a", "b"], {}, RINGS)
    with pytest.raises(ValueError, match="3 axes"):
        radar_geometry(["a", "b", "c"], {"actual": [1.0, 2.0]}, RINGS)


def test_label_wrapping_and_stage_lookup() -> None:
    assert wrap_label("Organisation und Strategie") == ("Organisation und", "Strategie")
    assert wrap_label("Personalentwicklung") == ("Personalentwicklung",)
    # A short first word takes the next one along: no "HR" alone on the first line.
    hr = ("HR development", "and", "recruiting")
    assert wrap_label("HR development and recruiting", 13) == hr
    assert stage_name_for(0.0, RINGS, STAGES) == "Einstieg"
    assert stage_name_for(25.0, RINGS, STAGES) == "Aufbau"
    assert stage_name_for(74.9, RINGS, STAGES) == "Entwicklung"
    assert stage_name_for(100.0, RINGS, STAGES) == "Verankert"
    assert stage_name_for(None, RINGS, STAGES) == "–"


# --- Vega-Lite specs ----------------------------------------------------------------------------

SERIES = (
    ("actual", (56.0, 25.0, None, 72.0, 21.0)),
    ("target", (75.0, 50.0, 50.0, 75.0, 25.0)),
    ("previous", (47.0, 19.0, 6.0, 56.0, 0.0)),
)


def layers(spec: dict) -> list[dict]:
    return spec["layer"]


def test_radar_spec_has_every_series_with_colours_and_tooltips() -> None:
    spec = radar_spec(LABELS, SERIES, RINGS, STAGES)
    points = spec["datasets"]["points"]
    assert {p["series"] for p in points} == {"Ist", "Ziel", "Vorrunde"}
    ist = [p for p in points if p["series"] == "Ist"]
    assert [p["score"] for p in ist] == ["56", "25", "72", "21"]  # no point for the unrated
    assert [p["stage"] for p in ist] == ["Entwicklung", "Aufbau", "Entwicklung", "Einstieg"]
    assert [p["area"] for p in ist] == [LABELS[0], LABELS[1], LABELS[3], LABELS[4]]
    lines = [layer for layer in layers(spec) if layer["mark"].get("type") == "line"]
    series_line = next(layer for layer in lines if layer["data"]["name"] == "lines")
    assert series_line["mark"]["interpolate"] == "linear"
    assert series_line["encoding"]["detail"]["field"] == "segment"
    segments = {}
    for row in spec["datasets"]["lines"]:
        segments.setdefault(row["segment"], []).append((row["x"], row["y"]))
    # "Ist" has a gap at area 3: one open line from area 4 round to area 2, and none through
    # the centre; the complete "Ziel" is closed (its first point again at the end).
    assert len(segments["actual-0"]) == 4
    assert (0.0, 0.0) not in segments["actual-0"]
    assert segments["target-0"][0] == segments["target-0"][-1]
    assert len(segments["target-0"]) == 6
    colour = next(layer for layer in lines if "color" in layer["encoding"])["encoding"]["color"]
    assert colour["scale"]["domain"] == ["Ist", "Ziel", "Vorrunde"]
    assert colour["scale"]["range"] == [SERIES_COLOURS[k] for k in ("actual", "target", "previous")]
    tooltip_fields = {
        t["field"]
        for layer in layers(spec)
        for t in layer.get("encoding", {}).get("tooltip", []) or []
        if isinstance(t, dict)
    }
    assert {"area", "series", "score", "stage"} <= tooltip_fields
    assert "Fort- und Weiterbildung" in " ".join(spec["title"]["text"])


def _evaluate(expression: str, **signals: float):
    """A Vega expression of plain arithmetic, max/min and arrays, evaluated with `signals`."""
    return eval(expression, {"__builtins__": {}, "max": max, "min": min}, signals)


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("width", [358, 470, 700])  # a phone's column, a desktop's, a wide one
def test_radar_spec_fits_its_width_with_labels_inside_and_stays_round(lang, width) -> None:
    q_labels = {
        "de": (*LABELS[:1], "Personalentwicklung und Personalgewinnung", *LABELS[2:]),
        "en": ("Organisation and strategy", "HR development and recruiting",
               "Training and professional development", "Services and customer care",
               "Cooperation and networking"),
    }[lang]  # fmt: skip
    spec = radar_spec(q_labels, SERIES, RINGS, STAGES, lang=lang)
    alt.LayerChart.from_dict(spec)  # validates against the Vega-Lite schema
    assert spec["width"] == "container"
    assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}
    height = spec["height"]
    (radius_param,) = spec["params"]
    radius = _evaluate(radius_param["expr"], width=width, height=height)
    scale = spec["layer"][0]["encoding"]
    x0, x1 = _evaluate(scale["x"]["scale"]["domain"]["expr"], width=width, radius=radius)
    y0, y1 = _evaluate(scale["y"]["scale"]["domain"]["expr"], height=height, radius=radius)
    assert width / (x1 - x0) == pytest.approx(radius)  # one pixel size on both axes: round
    assert height / (y1 - y0) == pytest.approx(radius)
    assert radius >= 70  # still a readable radar in a phone's column
    if width >= 470:
        assert radius == pytest.approx(120)
    geometry = radar_geometry(q_labels, {}, RINGS, label_width=13)
    # Every label box (estimated text widths at 12 px) inside the drawing's domain.
    box = geometry.bounds(lambda line: text_width_px(line, 12) / radius, 15 / radius)
    assert x0 <= box[0] and box[1] <= x1
    assert y0 <= box[2] and box[3] <= y1
    labels = [
        t for name, rows in spec["datasets"].items() if name.startswith("labels_") for t in rows
    ]
    assert sorted(row["text"] for row in labels) == sorted(
        "\n".join(wrap_label(label, 13)) for label in q_labels
    )


def test_radar_spec_is_cheap_to_repeat_and_does_not_share_state() -> None:
    first = radar_spec(LABELS, SERIES, RINGS, STAGES)
    first["datasets"]["points"].clear()
    first["layer"].clear()
    second = radar_spec(LABELS, SERIES, RINGS, STAGES)
    assert second["datasets"]["points"] and second["layer"]
    assert json.dumps(second) == json.dumps(radar_spec(LABELS, SERIES, RINGS, STAGES))


def test_a_series_without_any_value_is_left_out() -> None:
    spec = radar_spec(LABELS, (*SERIES, ("benchmark", (None,) * 5)), RINGS, STAGES)
    assert "Vergleichswert" not in {p["series"] for p in spec["datasets"]["points"]}


def test_bars_spec_has_scores_target_ticks_and_tooltips() -> None:
    spec = bars_spec(
        LABELS,
        (56.0, 25.0, None, 72.0, 21.0),
        (75.0, 50.0, 50.0, 75.0, 25.0),
        RINGS,
        STAGES,
        (False, True, False, False, False),
        lang="en",
    )
    alt.LayerChart.from_dict(spec)
    rows = spec["datasets"]["areas"]
    assert [r["area"] for r in rows] == list(LABELS)
    assert rows[2]["score"] is None and rows[2]["score_text"] == "–"
    assert rows[1]["flag"] == "incomplete"
    assert rows[0]["gap_text"] == "19"
    marks = [layer["mark"]["type"] for layer in layers(spec)]
    assert "bar" in marks and "tick" in marks
    tick = next(layer for layer in layers(spec) if layer["mark"]["type"] == "tick")
    assert tick["encoding"]["x"]["field"] == "target"
    assert [b["stage"] for b in spec["datasets"]["bands"]] == list(STAGES)
    assert spec["width"] == "container"
    x_scales = {
        json.dumps(layer["encoding"]["x"].get("scale"))
        for layer in layers(spec)
        if layer["data"]["name"] in {"areas", "bands"}
    }
    assert all('"domain": [0, 100]' in scale for scale in x_scales if scale != "null")
    # The legend names the bar, the target tick and (an area is incomplete) the pale bar.
    texts = [row["text"] for row in spec["datasets"]["legend_texts"]]
    assert texts == ["Actual", "Target", "pale: under 50 % answered"]
    assert [row["opacity"] for row in spec["datasets"]["legend_squares"]] == [1.0, 0.45]
    assert len(spec["datasets"]["legend_ticks"]) == 1
    complete = bars_spec(LABELS, (50.0,) * 5, (60.0,) * 5, RINGS, STAGES, lang="de")
    assert [row["text"] for row in complete["datasets"]["legend_texts"]] == ["Ist", "Ziel"]


def test_args_from_scores_are_hashable_and_match_the_scores(mini: Questionnaire) -> None:
    data = ResponseFile.model_validate(
        {
            "questionnaire": {"id": "mini", "version": "1.0"},
            "organisation": {"name": "Test"},
            "round": {"label": "R", "date": "2026-01-01"},
            "respondents": [{"id": "a", "answers": {"s1": 4, "s2": 2, "h1": 1, "t1": None}}],
        }
    )
    scores = score_response(data, mini)
    args = radar_args(mini, scores, "de", previous=scores)
    hash(tuple(sorted(args.items())))
    assert args["labels"][0] == "Organisation und Strategie"
    series = dict(args["series"])
    assert series["actual"][0] == pytest.approx(62.5)
    assert series["actual"][2] is None  # training: only N/A
    assert set(series) == {"actual", "target", "previous"}
    assert args["rings"] == RINGS
    bars = bars_args(mini, scores, "en")
    hash(tuple(sorted(bars.items())))
    assert bars["incomplete"] == (False, False, True, True, True)
    assert bars_spec(**bars)["datasets"]["areas"][0]["area"] == "Organisation and strategy"
    assert radar_spec(**args)["datasets"]["points"]
