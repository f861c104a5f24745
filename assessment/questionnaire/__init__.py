"""Questionnaires: the schema (model), its cross-checks, institution types, quick checks,
reading one file (loading) and the folder of all files (catalogue).

The names most callers need are re-exported here.
"""

from assessment.questionnaire.catalogue import (
    ARCHIVE,
    QUESTIONNAIRE_DIR,
    QUESTIONNAIRE_DIR_ENV,
    load_catalogue,
    offered,
    questionnaire_dir,
    questionnaire_files,
)
from assessment.questionnaire.checks import AREA_IDS
from assessment.questionnaire.loading import (
    QuestionnaireError,
    load_questionnaire,
    parse_questionnaire,
    validation_problems,
)
from assessment.questionnaire.model import (
    Dimension,
    DiversityDimension,
    InstitutionType,
    Item,
    Lang,
    Measure,
    Questionnaire,
    QuestionnaireRef,
    ScaleLevel,
    Stage,
    Text,
    TrainingTopic,
)

__all__ = [
    "ARCHIVE",
    "AREA_IDS",
    "QUESTIONNAIRE_DIR",
    "QUESTIONNAIRE_DIR_ENV",
    "Dimension",
    "DiversityDimension",
    "InstitutionType",
    "Item",
    "Lang",
    "Measure",
    "Questionnaire",
    "QuestionnaireError",
    "QuestionnaireRef",
    "ScaleLevel",
    "Stage",
    "Text",
    "TrainingTopic",
    "load_catalogue",
    "load_questionnaire",
    "offered",
    "parse_questionnaire",
    "questionnaire_dir",
    "questionnaire_files",
    "validation_problems",
]
