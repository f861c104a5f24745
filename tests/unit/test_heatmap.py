"""The units × areas heatmap: one cell per score, rows and columns in the given order."""

from __future__ import annotations

import altair as alt

from assessment.charts.heatmap import heatmap_spec

AREAS = ("Organisation und Strategie", "Personalentwicklung und Personalgewinnung")


def test_the_heatmap_has_a_cell_per_score_in_the_given_order():
    cells = (("Nord", AREAS[0], 75.04), ("Süd", AREAS[1], 25.0))
    spec = heatmap_spec(("Süd", "Nord"), AREAS, cells, "de")
    alt.Chart.from_dict(spec).to_dict(validate=True)
    assert spec["data"]["values"] == [
        {"unit": "Nord", "area": AREAS[0], "score": 75.0},
        {"unit": "Süd", "area": AREAS[1], "score": 25.0},
    ]  # a unit without a score in an area has no cell
    assert spec["encoding"]["y"]["sort"] == ["Süd", "Nord"]
    assert spec["encoding"]["x"]["sort"] == list(AREAS)
    assert spec["height"] == 2 * 30
    labels = spec["encoding"]["x"]["axis"]["labelExpr"]
    assert '"Organisation und Strategie": ["Organisation", "und Strategie"]' in labels


def test_the_heatmap_fits_its_container_with_labels_and_legend():
    spec = heatmap_spec(("Nord",), AREAS, (("Nord", AREAS[0], 50.0),), "de")
    # A 390 px phone: the chart takes its container's width, labels and legend included.
    assert spec["width"] == "container"
    assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}
    assert spec["layer"][0]["encoding"]["color"]["legend"]["orient"] == "top"
    axis = spec["encoding"]["x"]["axis"]
    assert axis["labelAngle"] == {"expr": "width / 2 < 90 ? -90 : 0"}, "upright when narrow"
    assert axis["labelLimit"] == 150


def test_the_heatmap_speaks_the_ui_language():
    spec = heatmap_spec(("North",), AREAS[:1], (("North", AREAS[0], 50.0),), "en")
    tooltip = spec["layer"][0]["encoding"]["tooltip"]
    assert [t["title"] for t in tooltip] == ["Unit", "Area", "Score"]
