"""A quick check: a few statements per area and a selection of measures from a full check.

The file names its full check (`based_on`), the statement ids per area (`items`) and the
measure ids (`measures`); texts, weights, scale and stages come from the full check, so both
score on the same scale and compare area by area. The stored round keeps the resolved copy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pydantic import Field

from assessment.questionnaire.checks import AREA_IDS
from assessment.questionnaire.model import (
    QuestionnaireId,
    QuestionnaireRef,
    Slug,
    Text,
    Version,
    _Frozen,
)

if TYPE_CHECKING:
    from assessment.questionnaire.model import Questionnaire


class QuickCheckProblem(Exception):
    """A quick check that does not fit its base: `path` in the file and what is wrong."""

    def __init__(self, path: str, message: str):
        self.path, self.message = path, message
        super().__init__(f"{path}: {message}")


class QuickCheckFile(_Frozen):
    """The file as written: its own id, version and texts, and what it takes from its base."""

    id: QuestionnaireId
    version: Version
    audience: Slug
    title: Text
    description: Text
    based_on: QuestionnaireRef
    items: dict[Slug, list[Slug]] = Field(description="statement ids of the base, per area")
    measures: list[Slug] = Field(min_length=1, description="measure ids of the base")


def resolve_quick_check(
    data: dict[str, Any], bases: Callable[[str, str], Questionnaire | None]
) -> dict[str, Any]:
    """The complete data of a quick check (raises QuickCheckProblem or ValidationError)."""
    spec = QuickCheckFile.model_validate(data)
    ref = spec.based_on
    base = bases(ref.id, ref.version)
    if base is None:
        raise QuickCheckProblem("based_on", f"questionnaire {ref.id} {ref.version} not found")
    if base.based_on is not None:
        raise QuickCheckProblem("based_on", f"{ref.id} {ref.version} is itself a quick check")
    if list(spec.items) != list(AREA_IDS):
        raise QuickCheckProblem("items", f"must list exactly {list(AREA_IDS)} in this order")
    chosen: set[str] = set()
    dimensions = []
    for dimension in base.dimensions:
        known = {i.id: i for i in dimension.items}
        for n, item_id in enumerate(spec.items[dimension.id]):
            if item_id not in known:
                raise QuickCheckProblem(
                    f"items.{dimension.id}.{n}",
                    f"unknown statement {item_id!r} in area {dimension.id!r} of "
                    f"{ref.id} {ref.version}",
                )
        chosen.update(spec.items[dimension.id])
        picked = [known[i] for i in spec.items[dimension.id]]
        dimensions.append(dimension.model_copy(update={"items": picked}).model_dump())
    measures = []
    for n, measure_id in enumerate(spec.measures):
        measure = base.measures_by_id.get(measure_id)
        if measure is None:
            raise QuickCheckProblem(
                f"measures.{n}", f"unknown measure {measure_id!r} in {ref.id} {ref.version}"
            )
        missing = [r for r in measure.requires if r not in spec.measures]
        if missing:
            raise QuickCheckProblem(
                f"measures.{n}",
                f"measure {measure_id!r} requires {missing[0]!r}, which the quick check "
                "does not take",
            )
        linked = [i for i in measure.items if i in chosen]
        measures.append({**measure.model_dump(), "items": linked})
    return {
        **spec.model_dump(exclude={"items", "measures"}),
        "scale": [level.model_dump() for level in base.scale],
        "stages": [stage.model_dump() for stage in base.stages],
        "dimensions": dimensions,
        "measures": measures,
    }
