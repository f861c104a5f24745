"""Charts: the palette, the radar geometry (pure, shared by app and PDF) and Vega-Lite builders.

The modules: `palette` (colours, also used by the PDF), `radar` (geometry on the unit circle),
`radar_chart` and `bars` (Vega-Lite specs built with Altair, which is imported only when a spec
is first built), `vega` (helpers the builders share). The names below are re-exported for
callers that import from the package.
"""

from __future__ import annotations

from assessment.charts.bars import bars_args, bars_spec
from assessment.charts.palette import (
    ACCENT,
    ACCENT_LIGHT,
    GRID,
    INK,
    MUTED,
    PHASE_COLOURS,
    SERIES_COLOURS,
    SERIES_DASH,
    SERIES_ORDER,
    WARNING,
    hex_to_rgb,
)
from assessment.charts.radar import (
    LabelPosition,
    RadarGeometry,
    Ring,
    SeriesGeometry,
    Vertex,
    radar_geometry,
    stage_name_for,
    wrap_label,
)
from assessment.charts.radar_chart import radar_args, radar_spec
from assessment.charts.vega import chart_text

__all__ = [
    "ACCENT",
    "ACCENT_LIGHT",
    "GRID",
    "INK",
    "MUTED",
    "PHASE_COLOURS",
    "SERIES_COLOURS",
    "SERIES_DASH",
    "SERIES_ORDER",
    "WARNING",
    "LabelPosition",
    "RadarGeometry",
    "Ring",
    "SeriesGeometry",
    "Vertex",
    "bars_args",
    "bars_spec",
    "chart_text",
    "hex_to_rgb",
    "radar_args",
    "radar_geometry",
    "radar_spec",
    "stage_name_for",
    "wrap_label",
]
