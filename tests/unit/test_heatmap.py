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
    assert spec["width"] == 2 * 140 and spec["height"] == 2 * 30
    # The labels take room of their own rather than squeezing the cells.
    assert spec["autosize"] == {"type": "pad"}
    labels = spec["encoding"]["x"]["axis"]["labelExpr"]
    assert '"Organisation und Strategie": ["Organisation", "und Strategie"]' in labels


def test_the_heatmap_speaks_the_ui_language():
    spec = heatmap_spec(("North",), AREAS[:1], (("North", AREAS[0], 50.0),), "en")
    tooltip = spec["layer"][0]["encoding"]["tooltip"]
    assert [t["title"] for t in tooltip] == ["Unit", "Area", "Score"]
