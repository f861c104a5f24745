"""The spread heatmap's spec: every item × level cell, flags for disagreement, labels cut."""

from __future__ import annotations

import json

import pandas as pd

from assessment.charts.spread import COLUMN_PX, short_label, spread_args, spread_spec

SPREAD = pd.DataFrame(
    [
        ("a", "i1", "0", 1), ("a", "i1", "1", 0), ("a", "i1", "dk", 2), ("a", "i1", "na", 1),
        ("b", "i2", "0", 0), ("b", "i2", "1", 3), ("b", "i2", "dk", 0), ("b", "i2", "na", 0),
    ],
    columns=["area", "item", "level", "count"],
)  # fmt: skip
ITEMS = pd.DataFrame({"item": ["i1", "i2"], "disagreement": [True, False]})
STATEMENTS = {"i1": "Wir haben ein Leitbild", "i2": "Stellenanzeigen sind inklusiv"}
LEVELS = {"0": "nicht begonnen", "1": "geplant", "dk": "weiß nicht", "na": "trifft nicht zu"}
SIGNS = {"dk": "?", "na": "–"}


def test_every_item_and_level_is_a_cell_and_disagreement_is_flagged() -> None:
    args = spread_args(SPREAD, ITEMS, STATEMENTS, LEVELS, signs=SIGNS)
    assert args["levels"] == ("0", "1", "?", "–")
    assert args["level_names"] == ("nicht begonnen", "geplant", "weiß nicht", "trifft nicht zu")
    assert args["counts"] == ((1, 0, 2, 1), (0, 3, 0, 0))
    spec = spread_spec(**args)
    cells = spec["data"]["values"]
    assert len(cells) == 8 and {c["item"] for c in cells if c["flag"]} == {"⚑ " + STATEMENTS["i1"]}
    assert spec["layer"][0]["encoding"]["color"]["scale"]["domain"] == [0, 3]
    assert spec["width"] == {"step": COLUMN_PX}  # one narrow column per level: fits a phone
    assert {c["level_name"] for c in cells} == set(LEVELS.values())
    json.dumps(spec)  # plain JSON, nothing Altair-specific


def test_one_area_only_and_long_statements_are_cut() -> None:
    args = spread_args(SPREAD, ITEMS, STATEMENTS, LEVELS, areas=("b",))
    assert args["statements"] == (STATEMENTS["i2"],) and args["disagreement"] == (False,)
    long = "Die Geschäftsführung spricht Vielfalt regelmäßig und sichtbar in Versammlungen an"
    assert short_label(long).endswith("…") and len(short_label(long)) <= 40
    assert short_label("kurz") == "kurz"
    assert spread_spec((), (), (), (), ())["height"] > 0
