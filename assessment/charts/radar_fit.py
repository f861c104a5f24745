"""How large a radar can be drawn in a given width, with its labels inside (pure).

The labels keep their size in pixels while the radius changes, so each edge of the drawing
(the outer ring or a label box) lies at `a · r + b` pixels from the centre for a radius of `r`
pixels. The widest (or tallest) pair of edges decides the largest radius that fits. The terms
become Vega expressions, so a chart in the browser finds its radius from the width it is
given (a phone's column or a desktop's).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assessment.charts.radar import RadarGeometry

#: Edges as (a, b): a position of a·r + b pixels from the centre at a radius of r pixels.
Edge = tuple[float, float]


@dataclass(frozen=True)
class RadarFit:
    """The edges of a radar's drawing and the radius range it may use."""

    left: tuple[Edge, ...]
    right: tuple[Edge, ...]
    bottom: tuple[Edge, ...]
    top: tuple[Edge, ...]
    max_radius: float
    min_radius: float
    margin: float

    def height(self) -> int:
        """The height (px) the drawing needs at the largest radius."""
        r = self.max_radius
        return round(_span(self.top, self.bottom, r) + 2 * self.margin)

    def radius_expr(self, width: str = "width", height: str = "height") -> str:
        """`radius` as a Vega expression of the width and height signals."""
        terms = [f"{self.max_radius:g}"]
        terms += _limit_exprs(self.right, self.left, f"({width} - {2 * self.margin:g})")
        terms += _limit_exprs(self.top, self.bottom, f"({height} - {2 * self.margin:g})")
        return f"max({self.min_radius:g}, min({', '.join(terms)}))"

    def centre_expr(self, radius: str = "radius") -> str:
        """The middle of the drawing across (px right of the radar's centre), for Vega."""
        return f"(max({_terms(self.right, radius)}) + min({_terms(self.left, radius)})) / 2"

    def top_expr(self, radius: str = "radius") -> str:
        """The top of the drawing with its margin (px above the radar's centre), for Vega."""
        return f"(max({_terms(self.top, radius)}) + {self.margin:g})"


def radar_fit(
    geometry: RadarGeometry,
    text_width: Callable[[str], float],
    line_height: float,
    max_radius: float,
    min_radius: float,
    margin: float,
) -> RadarFit:
    """The edges of the outer ring and of every label box; text sizes in pixels."""
    left: list[Edge] = [(-1.0, 0.0)]
    right: list[Edge] = [(1.0, 0.0)]
    bottom: list[Edge] = [(-1.0, 0.0)]
    top: list[Edge] = [(1.0, 0.0)]
    for label in geometry.label_positions:
        width = max((text_width(line) for line in label.lines), default=0.0)
        height = line_height * len(label.lines)
        x0 = {"left": 0.0, "center": -width / 2, "right": -width}[label.align]
        y0 = {"bottom": 0.0, "middle": -height / 2, "top": -height}[label.baseline]
        left.append((label.x, x0))
        right.append((label.x, x0 + width))
        bottom.append((label.y, y0))
        top.append((label.y, y0 + height))
    return RadarFit(
        tuple(left), tuple(right), tuple(bottom), tuple(top), max_radius, min_radius, margin
    )


def _edge(edges: Sequence[Edge], r: float, pick: Callable) -> float:
    return pick(a * r + b for a, b in edges)


def _span(high: Sequence[Edge], low: Sequence[Edge], r: float) -> float:
    return _edge(high, r, max) - _edge(low, r, min)


def _pairs(high: Sequence[Edge], low: Sequence[Edge]) -> list[tuple[float, float]]:
    """(slope, offset) of every span high − low that grows with the radius."""
    return [(ah - al, bh - bl) for ah, bh in high for al, bl in low if ah - al > 1e-9]


def _limit_exprs(high: Sequence[Edge], low: Sequence[Edge], room: str) -> list[str]:
    return [f"({room} - {offset:.3f}) / {slope:.4f}" for slope, offset in _pairs(high, low)]


def _terms(edges: Sequence[Edge], radius: str) -> str:
    return ", ".join(f"{a:.4f} * {radius} + {b:.3f}" for a, b in edges)
