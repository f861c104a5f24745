"""Schema of a questionnaire: scale, stages, the five areas with their statements, measures."""

from __future__ import annotations

import hashlib
import math
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from assessment.questionnaire.checks import check_questionnaire
from assessment.questionnaire.institutions import data_for_type

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
#: A questionnaire's id may also hold hyphens ("kmu-kurz").
QuestionnaireId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$", max_length=60)]
Version = Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+)*$")]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Lang = Literal["de", "en"]

#: Training topics of a measure; their labels are the texts `topic.<id>` (assessment/locales).
TrainingTopic = Literal[
    "identity",
    "racism",
    "stereotypes",
    "language",
    "cultural_awareness",
    "conflict",
    "anti_discrimination",
    "perception",
    "intercultural_communication",
    "diversity",
]


#: Further dimensions of diversity a statement may also address; labels are `common.diversity_<id>`.
DiversityDimension = Literal["gender", "age", "disability", "religion", "sexual_identity"]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Frozen):
    """A text in German and English."""

    de: NonEmpty
    en: NonEmpty

    def __call__(self, lang: str) -> str:
        """Return the text in `lang` (German for anything but "en")."""
        return self.en if lang == "en" else self.de


class ScaleLevel(_Frozen):
    value: int = Field(ge=0)
    label: Text
    description: Text


class Stage(_Frozen):
    id: Slug
    min: float = Field(ge=0, le=100)
    max: float = Field(ge=0, le=100)
    name: Text
    description: Text


class Item(_Frozen):
    id: Slug
    weight: float = Field(default=1.0, gt=0)
    statement: Text
    hint: Text
    applies_to: list[Slug] | None = Field(
        default=None, min_length=1, description="institution types; None: every type"
    )
    further_dimensions: list[DiversityDimension] = Field(
        default_factory=list, description="dimensions beyond origin and language it addresses"
    )


class InstitutionType(_Frozen):
    """A kind of institution a questionnaire adapts its statements to."""

    id: Slug
    label: Text


class QuestionnaireRef(_Frozen):
    """Names a questionnaire by id and version."""

    id: QuestionnaireId
    version: Version


class Dimension(_Frozen):
    id: Slug
    weight: float = Field(default=1.0, gt=0)
    title: Text
    intro: Text
    items: list[Item] = Field(min_length=1)


class Measure(_Frozen):
    id: Slug
    dimension: Slug
    title: Text
    description: Text
    horizon: int = Field(ge=1, le=24, description="months until the measure shows effect")
    effort: int = Field(ge=1, le=3, description="1 low, 2 medium, 3 high")
    impact: int = Field(ge=1, le=3, description="1 low, 2 medium, 3 high")
    applies_below: float = Field(ge=0, le=100)
    items: list[Slug] = Field(default_factory=list)
    topics: list[TrainingTopic] = Field(default_factory=list)
    keep_up: bool = Field(default=False, description="suited to areas already at target")
    requires: list[Slug] = Field(
        default_factory=list, description="measures that must come first (same or earlier phase)"
    )


class Questionnaire(_Frozen):
    """A complete questionnaire: scale, stages, the five areas with items, measures."""

    id: QuestionnaireId
    version: Version
    audience: Slug
    title: Text
    description: Text
    scale: list[ScaleLevel] = Field(min_length=2)
    stages: list[Stage] = Field(min_length=2)
    #: The kinds of institution whose respondents see only the statements for their kind.
    institution_types: list[InstitutionType] = Field(default_factory=list)
    #: Set in a round's copy: the kind chosen in the profile (other kinds' items are removed).
    institution_type: Slug | None = None
    #: A quick check names the full check it draws its statements and measures from.
    based_on: QuestionnaireRef | None = None
    dimensions: list[Dimension]
    measures: list[Measure] = Field(min_length=1)

    @model_validator(mode="after")
    def _cross_check(self) -> Questionnaire:
        check_questionnaire(self)
        return self

    @property
    def scale_max(self) -> int:
        """Highest answer value."""
        return self.scale[-1].value

    @cached_property
    def items_by_id(self) -> dict[str, Item]:
        """Every item by its id."""
        return {i.id: i for d in self.dimensions for i in d.items}

    @cached_property
    def item_dimension(self) -> dict[str, str]:
        """The area id of every item."""
        return {i.id: d.id for d in self.dimensions for i in d.items}

    @cached_property
    def dimensions_by_id(self) -> dict[str, Dimension]:
        """Every area by its id."""
        return {d.id: d for d in self.dimensions}

    @cached_property
    def measures_by_id(self) -> dict[str, Measure]:
        """Every measure by its id."""
        return {m.id: m for m in self.measures}

    @cached_property
    def fingerprint(self) -> str:
        """Short hash of the content, stored with a round so later edits are noticed."""
        blob = self.model_dump_json().encode()
        return hashlib.sha256(blob).hexdigest()[:16]

    def for_type(self, type_id: str) -> Questionnaire:
        """The copy a round of institution kind `type_id` answers (only that kind's items)."""
        return Questionnaire.model_validate(data_for_type(self, type_id))

    def stage_for(self, score: float | None) -> Stage | None:
        """The stage whose band contains `score` (the top band includes 100)."""
        if score is None or math.isnan(score):
            return None
        for stage in self.stages:
            if stage.min <= score < stage.max:
                return stage
        return self.stages[-1]

    def default_target(self, score: float | None) -> float:
        """Lower bound of the next stage; at the top stage the score itself."""
        stage = self.stage_for(score)
        if stage is None:
            return self.stages[1].min
        index = self.stages.index(stage)
        if index + 1 < len(self.stages):
            return self.stages[index + 1].min
        return float(score)  # type: ignore[arg-type]
