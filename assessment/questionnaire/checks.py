"""Cross-checks of a questionnaire that one field's type cannot express.

Each failure names its place in the file (see problems.at), so the loader can report it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from assessment.problems import at
from assessment.questionnaire.institutions import check_institution_types

if TYPE_CHECKING:
    from assessment.questionnaire.model import Dimension, Measure, Questionnaire, Stage

#: The five areas of intercultural opening, in the order every questionnaire uses.
AREA_IDS: tuple[str, ...] = ("strategy", "hr", "training", "services", "networking")
#: The areas that may hold statements on further dimensions, and at most how many each.
FURTHER_DIMENSION_AREAS: tuple[str, ...] = ("hr", "services")
FURTHER_DIMENSIONS_PER_AREA = 2


def check_questionnaire(q: Questionnaire) -> None:
    """Scale, stages, area order, unique ids and every reference between the parts."""
    values = [level.value for level in q.scale]
    if values != list(range(len(values))):
        raise at("scale", "values must run 0, 1, 2, … without gaps, in order")
    _check_stage_bands(q.stages)
    ids = [d.id for d in q.dimensions]
    if tuple(ids) != AREA_IDS:
        raise at("dimensions", f"must be exactly {list(AREA_IDS)} in this order, got {ids}")
    _check_unique((f"stages.{n}.id", s.id) for n, s in enumerate(q.stages))
    _check_unique(
        (f"dimensions.{d}.items.{i}.id", item.id)
        for d, dimension in enumerate(q.dimensions)
        for i, item in enumerate(dimension.items)
    )
    _check_unique((f"measures.{n}.id", m.id) for n, m in enumerate(q.measures))
    item_area = {i.id: d.id for d in q.dimensions for i in d.items}
    for n, measure in enumerate(q.measures):
        if measure.dimension not in ids:
            raise at(f"measures.{n}.dimension", f"unknown dimension {measure.dimension!r}")
        for item_id in measure.items:
            if item_id not in item_area:
                raise at(f"measures.{n}.items", f"unknown item {item_id!r}")
            if item_area[item_id] != measure.dimension:
                raise at(
                    f"measures.{n}.items",
                    f"item {item_id!r} belongs to "
                    f"{item_area[item_id]!r}, not {measure.dimension!r}",
                )
    _check_further_dimensions(q.dimensions)
    check_institution_types(q)
    _check_requires(q.measures)


def _check_unique(entries: Iterable[tuple[str, str]]) -> None:
    """`entries` are (path of the id in the file, id); names the first repeated use."""
    seen: set[str] = set()
    for path, id_ in entries:
        if id_ in seen:
            raise at(path, f"id {id_!r} is used more than once")
        seen.add(id_)


def _check_further_dimensions(dimensions: list[Dimension]) -> None:
    """Only HR and services hold statements on further dimensions, at most two each."""
    for d, dimension in enumerate(dimensions):
        marked = [n for n, item in enumerate(dimension.items) if item.further_dimensions]
        if marked and dimension.id not in FURTHER_DIMENSION_AREAS:
            raise at(
                f"dimensions.{d}.items.{marked[0]}.further_dimensions",
                f"only {' and '.join(FURTHER_DIMENSION_AREAS)} may hold statements on further "
                "dimensions of diversity",
            )
        if len(marked) > FURTHER_DIMENSIONS_PER_AREA:
            raise at(
                f"dimensions.{d}.items.{marked[FURTHER_DIMENSIONS_PER_AREA]}.further_dimensions",
                f"at most {FURTHER_DIMENSIONS_PER_AREA} statements per area may address further "
                "dimensions of diversity",
            )


def _check_requires(measures: list[Measure]) -> None:
    """Every `requires` names a known measure, and no measure requires itself, even indirectly."""
    index = {m.id: n for n, m in enumerate(measures)}
    for n, measure in enumerate(measures):
        for required in measure.requires:
            if required not in index:
                raise at(f"measures.{n}.requires", f"unknown measure {required!r}")
    finished: set[str] = set()

    def visit(measure_id: str, path: list[str]) -> None:
        if measure_id in path:  # met again on its own path: a cycle
            cycle = " → ".join([*path[path.index(measure_id) :], measure_id])
            raise at(f"measures.{index[measure_id]}.requires", f"circular: {cycle}")
        if measure_id not in finished:
            for required in measures[index[measure_id]].requires:
                visit(required, [*path, measure_id])
            finished.add(measure_id)

    for measure in measures:
        visit(measure.id, [])


def _check_stage_bands(stages: list[Stage]) -> None:
    if stages[0].min != 0:
        raise at("stages.0.min", "the first stage must start at 0")
    if stages[-1].max != 100:
        raise at(f"stages.{len(stages) - 1}.max", "the last stage must end at 100")
    for n, stage in enumerate(stages):
        if stage.min >= stage.max:
            raise at(f"stages.{n}", "min must be below max")
        if n and stage.min != stages[n - 1].max:
            raise at(
                f"stages.{n}.min",
                f"must equal the previous stage's max ({stages[n - 1].max}), "
                "so that the bands have no gaps or overlaps",
            )
