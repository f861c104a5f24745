"""Questionnaire schema and loader: valid file, every cross-check, readable error lines."""

from __future__ import annotations

import copy
import math
import shutil
from pathlib import Path

import pytest
import yaml

from assessment.questionnaire import (
    AREA_IDS,
    QUESTIONNAIRE_DIR_ENV,
    Questionnaire,
    QuestionnaireError,
    load_catalogue,
    load_questionnaire,
    parse_questionnaire,
    questionnaire_files,
)
from tests.conftest import MINI
from tests.mutations import Mutation, delete_at, set_at


@pytest.fixture(scope="module")
def mini_data() -> dict:
    return yaml.safe_load(MINI.read_text(encoding="utf-8"))


def write_variant(tmp_path: Path, data: dict, mutate: Mutation) -> Path:
    """mini.yaml with one deliberate change, written to a temporary file."""
    variant = copy.deepcopy(data)
    mutate(variant)
    path = tmp_path / "variant.yaml"
    path.write_text(yaml.safe_dump(variant, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def problem_lines(path: Path) -> list[str]:
    with pytest.raises(QuestionnaireError) as info:
        load_questionnaire(path)
    assert info.value.source == str(path)
    assert str(info.value) == "\n".join(info.value.lines())
    return info.value.lines()


# --- the valid fixture ---------------------------------------------------------------------------


def test_mini_loads(mini: Questionnaire) -> None:
    assert (mini.id, mini.version, mini.audience) == ("mini", "1.0", "test")
    assert [d.id for d in mini.dimensions] == list(AREA_IDS)
    assert mini.scale_max == 4
    assert [s.id for s in mini.stages] == ["start", "build", "develop", "embedded"]
    assert list(mini.items_by_id) == ["s1", "s2", "h1", "h2", "t1", "t2", "c1", "c2", "n1", "n2"]
    assert mini.item_dimension["s2"] == "strategy"
    assert mini.item_dimension["n1"] == "networking"
    assert mini.items_by_id["s2"].weight == 3
    assert mini.dimensions_by_id["strategy"].weight == 2
    assert mini.dimensions_by_id["hr"].weight == 1  # default weight
    assert mini.measures_by_id["m_training"].topics == ["racism", "stereotypes"]
    assert mini.measures_by_id["m_strategy_keep"].keep_up is True
    assert mini.measures_by_id["m_hr"].keep_up is False


def test_text_language_choice(mini: Questionnaire) -> None:
    title = mini.dimensions_by_id["hr"].title
    assert title("de") == "Personalentwicklung"
    assert title("en") == "HR development"
    assert title("tr") == "Personalentwicklung"  # anything but English falls back to German


def test_fingerprint_is_stable_and_follows_content(mini_data: dict) -> None:
    first = Questionnaire.model_validate(mini_data)
    again = Questionnaire.model_validate(copy.deepcopy(mini_data))
    edited = copy.deepcopy(mini_data)
    edited["dimensions"][0]["items"][0]["statement"]["de"] = "Geänderte Aussage S1"
    changed = Questionnaire.model_validate(edited)
    assert len(first.fingerprint) == 16
    assert first.fingerprint == again.fingerprint
    assert changed.fingerprint != first.fingerprint


def test_questionnaire_is_immutable(mini: Questionnaire) -> None:
    with pytest.raises(ValueError, match="frozen"):
        mini.id = "other"  # type: ignore[misc]


# --- every cross-check and schema rule, as `file: path.in.file: message` --------------------------


def _reverse_dimensions(data: dict) -> None:
    data["dimensions"].reverse()


def _drop_last_dimension(data: dict) -> None:
    data["dimensions"].pop()


def _drop_scale_level(data: dict) -> None:
    del data["scale"][2]


def _weight_zero_and_no_english(data: dict) -> None:
    data["dimensions"][0]["items"][1]["weight"] = 0
    del data["measures"][3]["title"]["en"]


ORDER_MESSAGE = (
    "must be exactly ['strategy', 'hr', 'training', 'services', 'networking'] in this order"
)
BAND_MESSAGE = (
    "must equal the previous stage's max (50.0), so that the bands have no gaps or overlaps"
)

CROSS_CHECKS = [
    pytest.param(
        set_at(("measures", 2, "items"), ["h1", "zz"]),
        "measures.2.items: unknown item 'zz'",
        id="measure-unknown-item",
    ),
    pytest.param(
        set_at(("measures", 2, "items"), ["h1", "s1"]),
        "measures.2.items: item 's1' belongs to 'strategy', not 'hr'",
        id="measure-item-of-other-area",
    ),
    pytest.param(
        set_at(("measures", 2, "dimension"), "finance"),
        "measures.2.dimension: unknown dimension 'finance'",
        id="measure-unknown-dimension",
    ),
    pytest.param(
        set_at(("stages", 2, "min"), 55),
        f"stages.2.min: {BAND_MESSAGE}",
        id="stage-gap",
    ),
    pytest.param(
        set_at(("stages", 2, "min"), 45),
        f"stages.2.min: {BAND_MESSAGE}",
        id="stage-overlap",
    ),
    pytest.param(
        set_at(("stages", 1, "max"), 25),
        "stages.1: min must be below max",
        id="stage-empty-band",
    ),
    pytest.param(
        set_at(("stages", 0, "min"), 5),
        "stages.0.min: the first stage must start at 0",
        id="first-stage-not-at-0",
    ),
    pytest.param(
        set_at(("stages", 3, "max"), 99),
        "stages.3.max: the last stage must end at 100",
        id="last-stage-not-at-100",
    ),
    pytest.param(
        set_at(("stages", 3, "max"), 120),
        "stages.3.max: Input should be less than or equal to 100",
        id="stage-above-100",
    ),
    pytest.param(
        set_at(("dimensions", 0, "items", 1, "weight"), 0),
        "dimensions.0.items.1.weight: Input should be greater than 0",
        id="item-weight-0",
    ),
    pytest.param(
        set_at(("dimensions", 0, "weight"), 0),
        "dimensions.0.weight: Input should be greater than 0",
        id="area-weight-0",
    ),
    pytest.param(
        delete_at(("dimensions", 2, "items", 0, "statement", "en")),
        "dimensions.2.items.0.statement.en: Field required",
        id="missing-english-statement",
    ),
    pytest.param(
        set_at(("dimensions", 2, "items", 0, "hint", "de"), "   "),
        "dimensions.2.items.0.hint.de: String should have at least 1 character",
        id="blank-german-hint",
    ),
    pytest.param(
        set_at(("dimensions", 2, "items", 0, "colour"), "red"),
        "dimensions.2.items.0.colour: Extra inputs are not permitted",
        id="extra-key-in-item",
    ),
    pytest.param(
        set_at(("author",), "someone"),
        "author: Extra inputs are not permitted",
        id="extra-key-at-top",
    ),
    pytest.param(
        _reverse_dimensions,
        f"dimensions: {ORDER_MESSAGE}, got "
        "['networking', 'services', 'training', 'hr', 'strategy']",
        id="dimension-order",
    ),
    pytest.param(
        _drop_last_dimension,
        f"dimensions: {ORDER_MESSAGE}, got ['strategy', 'hr', 'training', 'services']",
        id="missing-area",
    ),
    pytest.param(
        set_at(("scale", 0, "value"), 1),
        "scale: values must run 0, 1, 2, … without gaps, in order",
        id="scale-not-from-0",
    ),
    pytest.param(
        _drop_scale_level,
        "scale: values must run 0, 1, 2, … without gaps, in order",
        id="scale-with-gap",
    ),
    pytest.param(
        set_at(("scale", 0, "value"), -1),
        "scale.0.value: Input should be greater than or equal to 0",
        id="scale-negative",
    ),
    pytest.param(
        set_at(("version",), 1.0),
        "version: Input should be a valid string",
        id="unquoted-version",
    ),
    pytest.param(
        set_at(("dimensions", 0, "items", 0, "id"), "S 1"),
        "dimensions.0.items.0.id: String should match pattern '^[a-z][a-z0-9_]*$'",
        id="item-id-not-a-slug",
    ),
    pytest.param(
        set_at(("measures", 0, "effort"), 4),
        "measures.0.effort: Input should be less than or equal to 3",
        id="effort-above-3",
    ),
    pytest.param(
        set_at(("measures", 4, "topics"), ["astrology"]),
        "measures.4.topics.0: Input should be 'identity', 'racism', 'stereotypes', 'language', "
        "'cultural_awareness', 'conflict', 'anti_discrimination', 'perception', "
        "'intercultural_communication' or 'diversity'",
        id="unknown-training-topic",
    ),
]


@pytest.mark.parametrize(("mutate", "expected"), CROSS_CHECKS)
def test_invalid_variant_names_file_path_and_problem(
    tmp_path: Path, mini_data: dict, mutate: Mutation, expected: str
) -> None:
    path = write_variant(tmp_path, mini_data, mutate)
    assert problem_lines(path) == [f"{path}: {expected}"]


DUPLICATE_IDS = [
    pytest.param(
        set_at(("dimensions", 1, "items", 1, "id"), "s1"),
        "dimensions.1.items.1.id: id 's1' is used more than once",
        id="duplicate-item",
    ),
    pytest.param(
        set_at(("measures", 1, "id"), "m_strategy"),
        "measures.1.id: id 'm_strategy' is used more than once",
        id="duplicate-measure",
    ),
    pytest.param(
        set_at(("stages", 1, "id"), "start"),
        "stages.1.id: id 'start' is used more than once",
        id="duplicate-stage",
    ),
]


@pytest.mark.parametrize(("mutate", "expected"), DUPLICATE_IDS)
def test_duplicate_id_names_where_the_second_use_is(
    tmp_path: Path, mini_data: dict, mutate: Mutation, expected: str
) -> None:
    """The path must lead to the repeated id in the file, not just name the kind of id."""
    path = write_variant(tmp_path, mini_data, mutate)
    assert problem_lines(path) == [f"{path}: {expected}"]


def test_every_schema_problem_is_listed(tmp_path: Path, mini_data: dict) -> None:
    path = write_variant(tmp_path, mini_data, _weight_zero_and_no_english)
    assert problem_lines(path) == [
        f"{path}: dimensions.0.items.1.weight: Input should be greater than 0",
        f"{path}: measures.3.title.en: Field required",
    ]


def test_invalid_yaml_reports_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    text = MINI.read_text(encoding="utf-8").replace("audience: test\n", "audience: test: x\n")
    path.write_text(text, encoding="utf-8")
    assert problem_lines(path) == [
        f"{path}: line 4, column 15: invalid YAML: mapping values are not allowed here"
    ]


@pytest.mark.parametrize("text", ["- a\n- b\n", "just text\n", "", "42\n"])
def test_top_level_must_be_a_mapping(tmp_path: Path, text: str) -> None:
    path = tmp_path / "list.yaml"
    path.write_text(text, encoding="utf-8")
    assert problem_lines(path) == [f"{path}: (top): expected a mapping at the top of the file"]


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yaml"
    assert problem_lines(path) == [
        f"{path}: (top): cannot read file: [Errno 2] No such file or directory: '{path}'"
    ]


def test_directory_instead_of_file(tmp_path: Path) -> None:
    (line,) = problem_lines(tmp_path)
    assert line.startswith(f"{tmp_path}: (top): cannot read file: ")


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(MINI.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    (line,) = problem_lines(path)
    assert line.startswith(f"{path}: (top): cannot read file: 'utf-8' codec can't decode byte ")


def test_parse_questionnaire_names_the_given_source() -> None:
    with pytest.raises(QuestionnaireError) as info:
        parse_questionnaire("id: [1,\n  x: 2", "inline.yaml")
    assert info.value.lines() == [
        "inline.yaml: line 2, column 7: invalid YAML: expected ',' or ']', but got '<stream end>'"
    ]


# --- stages and default targets -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "stage"),
    [
        (0, "start"),
        (24.99, "start"),
        (25, "build"),
        (49.999, "build"),
        (50, "develop"),
        (74.9, "develop"),
        (75, "embedded"),
        (99.99, "embedded"),
        (100, "embedded"),
        (None, None),
        (math.nan, None),
    ],
)
def test_stage_for(mini: Questionnaire, score: float | None, stage: str | None) -> None:
    found = mini.stage_for(score)
    assert (found.id if found else None) == stage


@pytest.mark.parametrize(
    ("score", "target"),
    [
        (0, 25),
        (24.99, 25),
        (25, 50),
        (49.9, 50),
        (50, 75),
        (74.99, 75),
        (75, 75),  # top stage: the score itself
        (87.5, 87.5),
        (100, 100),
        (None, 25),  # nothing answered: the lower bound of the second stage
        (math.nan, 25),
    ],
)
def test_default_target(mini: Questionnaire, score: float | None, target: float) -> None:
    assert mini.default_target(score) == target


def test_default_target_at_top_stage_is_the_unrounded_score(mini: Questionnaire) -> None:
    """At the top stage the target is the score itself, so that the gap is exactly 0.

    A rounded target (91.7 for 91.666…) leaves a small positive gap, and the area is then not
    treated as having reached its target.
    """
    score = 275 / 3  # 91.666…, e.g. two items with mean 11/3 on a 0..4 scale
    assert mini.default_target(score) == score


# --- finding and loading the catalogue ----------------------------------------------------------


def test_questionnaire_files_sorted_yaml_only(tmp_path: Path) -> None:
    for name in ["b.yaml", "a.yaml", "notes.txt", "c.yml"]:
        (tmp_path / name).write_text("x: 1\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.yaml").write_text("x: 1\n", encoding="utf-8")
    assert [p.name for p in questionnaire_files(tmp_path)] == ["a.yaml", "b.yaml"]


def test_catalogue_directory_from_environment_at_call_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(MINI, tmp_path / "mini.yaml")
    monkeypatch.setenv(QUESTIONNAIRE_DIR_ENV, str(tmp_path))
    assert questionnaire_files() == [tmp_path / "mini.yaml"]
    catalogue = load_catalogue()
    assert list(catalogue) == [("mini", "1.0")]
    assert catalogue[("mini", "1.0")].items_by_id["s2"].weight == 3


def test_catalogue_stops_at_an_invalid_file(tmp_path: Path) -> None:
    shutil.copy(MINI, tmp_path / "a.yaml")
    (tmp_path / "b.yaml").write_text("- not a mapping\n", encoding="utf-8")
    with pytest.raises(QuestionnaireError) as info:
        load_catalogue(tmp_path)
    assert info.value.lines() == [
        f"{tmp_path / 'b.yaml'}: (top): expected a mapping at the top of the file"
    ]


def test_catalogue_rejects_the_same_id_and_version_twice(tmp_path: Path) -> None:
    """A copied file must not silently shadow another questionnaire of the same id and version."""
    shutil.copy(MINI, tmp_path / "a.yaml")
    shutil.copy(MINI, tmp_path / "b.yaml")
    with pytest.raises(QuestionnaireError) as info:
        load_catalogue(tmp_path)
    (line,) = info.value.lines()
    assert line.startswith(f"{tmp_path / 'b.yaml'}: id: ")
    assert "mini 1.0" in line
    assert str(tmp_path / "a.yaml") in line
