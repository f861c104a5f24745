"""The palette shared by the app's charts and the PDF, and the order of chart series.

Series colours are Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
"""

from __future__ import annotations

import functools

#: Colours of the chart series; each series also has its own dash pattern (see SERIES_DASH).
SERIES_COLOURS: dict[str, str] = {
    "actual": "#0072B2",  # blue
    "target": "#D55E00",  # vermillion
    "previous": "#009E73",  # bluish green
    "benchmark": "#6E6E6E",  # grey
}
#: Dash pattern per series (on, off) in pixels; () is a solid line.
SERIES_DASH: dict[str, tuple[int, ...]] = {
    "actual": (),
    "target": (6, 4),
    "previous": (2, 3),
    "benchmark": (8, 3, 2, 3),
}
#: The order of series in legends; they are drawn in reverse, so the actual values are on top.
SERIES_ORDER: tuple[str, ...] = ("actual", "target", "previous", "benchmark")
#: One colour per roadmap phase (0–3, 3–6, 6–12, 12–24 months).
PHASE_COLOURS: tuple[str, ...] = ("#0072B2", "#56B4E9", "#009E73", "#E69F00")
#: Neutral colours shared by app charts and the PDF.
ACCENT = "#0B4F6C"
ACCENT_LIGHT = "#E4EEF3"
INK = "#1F2933"
MUTED = "#5F6B76"
GRID = "#C5CED6"
WARNING = "#B34700"
#: Light fills of the stage bands behind trend lines, lowest stage first (app and PDF).
BAND_FILLS: tuple[str, ...] = ("#F3F5F7", "#E8EDF1", "#DCE5EB", "#D0DDE6")


def series_rank(key: str) -> int:
    """Legend position of a series key (unknown keys last), following SERIES_ORDER."""
    return SERIES_ORDER.index(key) if key in SERIES_ORDER else len(SERIES_ORDER)


@functools.lru_cache(maxsize=64)
def hex_to_rgb(colour: str) -> tuple[int, int, int]:
    """ "#RRGGBB" as an (r, g, b) tuple of 0–255 ints."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
