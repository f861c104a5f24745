"""Rules of questionnaire files beyond the schema: duplicate YAML keys, further dimensions of
diversity, quick checks and how the shipped quick check fits its full check."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
import yaml

from assessment.questionnaire import (
    QuestionnaireError,
    load_catalogue,
    load_questionnaire,
    offered,
)
from tests.conftest import FIXTURES, MINI

QUICK = FIXTURES / "quick" / "mini-kurz.yaml"


def problem_lines(path: Path) -> list[str]:
    with pytest.raises(QuestionnaireError) as info:
        load_questionnaire(path)
    return info.value.lines()


def test_a_key_given_twice_is_named_with_its_line() -> None:
    path = FIXTURES / "broken" / "duplicate_key.yaml"
    assert problem_lines(path) == [
        f"{path}: line 35, column 5: duplicate key 'weight' (first used on line 34)"
    ]


# --- further dimensions of diversity ------------------------------------------------------------


@pytest.fixture
def mini_data() -> dict:
    return yaml.safe_load(MINI.read_text(encoding="utf-8"))


def written(tmp_path: Path, data: dict, name: str = "variant.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def test_further_dimensions_are_read_in_hr_and_services(tmp_path: Path, mini_data: dict) -> None:
    mini_data["dimensions"][1]["items"][0]["further_dimensions"] = ["gender", "religion"]
    q = load_questionnaire(written(tmp_path, mini_data))
    assert q.items_by_id["h1"].further_dimensions == ["gender", "religion"]
    assert q.items_by_id["h2"].further_dimensions == []


@pytest.mark.parametrize(
    ("area", "dimensions", "expected"),
    [
        (0, [["age"]], "dimensions.0.items.0.further_dimensions: only hr and services may hold "
         "statements on further dimensions of diversity"),
        (3, [["age"], ["disability"], ["gender"]], "dimensions.3.items.2.further_dimensions: at "
         "most 2 statements per area may address further dimensions of diversity"),
        (1, [["nationality"]], "dimensions.1.items.0.further_dimensions.0: Input should be "
         "'gender', 'age', 'disability', 'religion' or 'sexual_identity'"),
    ],
)  # fmt: skip
def test_further_dimensions_rules(
    tmp_path: Path, mini_data: dict, area: int, dimensions: list, expected: str
) -> None:
    items = mini_data["dimensions"][area]["items"]
    while len(items) < len(dimensions):
        extra = copy.deepcopy(items[0])
        extra["id"] = f"{extra['id']}_{len(items)}"
        extra["statement"] = {"de": f"Aussage {extra['id']}", "en": f"Statement {extra['id']}"}
        items.append(extra)
    for item, marked in zip(items, dimensions, strict=False):
        item["further_dimensions"] = marked
    path = written(tmp_path, mini_data)
    assert problem_lines(path) == [f"{path}: {expected}"]


# --- quick checks --------------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A questionnaire folder with mini.yaml and its quick check."""
    shutil.copy(MINI, tmp_path / "mini.yaml")
    shutil.copy(QUICK, tmp_path / "mini-kurz.yaml")
    return tmp_path


def test_a_quick_check_takes_statements_measures_scale_and_stages_from_its_base(
    folder: Path,
) -> None:
    catalogue = load_catalogue(folder)
    base, quick = catalogue[("mini", "1.0")], catalogue[("mini-kurz", "1.0")]
    assert list(quick.items_by_id) == ["s2", "h1", "t2", "c1", "n1"]
    assert quick.items_by_id["s2"] == base.items_by_id["s2"]
    assert (quick.scale, quick.stages) == (base.scale, base.stages)
    assert [d.weight for d in quick.dimensions] == [d.weight for d in base.dimensions]
    assert list(quick.measures_by_id) == ["m_strategy", "m_training"]
    # A measure keeps only the links to statements the quick check asks.
    assert quick.measures_by_id["m_strategy"].items == ["s2"]
    assert load_questionnaire(folder / "mini-kurz.yaml") == quick  # found beside it, too


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"measures": ["m_strategy", "m_nowhere"]},
         "measures.1: unknown measure 'm_nowhere' in mini 1.0"),
        ({"items": {"strategy": ["s2"], "hr": ["h1", "s1"], "training": ["t2"],
                    "services": ["c1"], "networking": ["n1"]}},
         "items.hr.1: unknown statement 's1' in area 'hr' of mini 1.0"),
        ({"based_on": {"id": "mini", "version": "9.0"}},
         "based_on: questionnaire mini 9.0 not found"),
        ({"items": {"hr": ["h1"], "strategy": ["s2"], "training": ["t2"], "services": ["c1"],
                    "networking": ["n1"]}},
         "items: must list exactly ['strategy', 'hr', 'training', 'services', 'networking'] "
         "in this order"),
        ({"measures": []}, "measures: List should have at least 1 item after validation, not 0"),
    ],
)  # fmt: skip
def test_a_quick_check_that_does_not_fit_its_base_is_named(
    folder: Path, change: dict, expected: str
) -> None:
    data = yaml.safe_load(QUICK.read_text(encoding="utf-8")) | change
    path = written(folder, data, "mini-kurz.yaml")
    assert problem_lines(path) == [f"{path}: {expected}"]
    with pytest.raises(QuestionnaireError):
        load_catalogue(folder)


def test_a_quick_check_must_keep_what_its_measures_require(folder: Path) -> None:
    data = yaml.safe_load((folder / "mini.yaml").read_text(encoding="utf-8"))
    m_hr = next(m for m in data["measures"] if m["id"] == "m_hr")
    m_hr["requires"] = ["m_network"]
    written(folder, data, "mini.yaml")
    quick = yaml.safe_load(QUICK.read_text(encoding="utf-8")) | {"measures": ["m_hr"]}
    path = written(folder, quick, "mini-kurz.yaml")
    assert problem_lines(path) == [
        f"{path}: measures.0: measure 'm_hr' requires 'm_network', which the quick check does not "
        "take"
    ]


# --- the shipped quick check ---------------------------------------------------------------------


def test_kmu_kurz_is_fifteen_statements_of_kmu_2_with_its_measures() -> None:
    catalogue = load_catalogue()
    full, quick = catalogue[("kmu", "2.0")], catalogue[("kmu-kurz", "1.0")]
    assert quick.based_on is not None and (quick.based_on.id, quick.based_on.version) == (
        "kmu",
        "2.0",
    )
    assert [len(d.items) for d in quick.dimensions] == [3] * 5
    assert all(full.items_by_id[i] == item for i, item in quick.items_by_id.items())
    assert set(quick.measures_by_id) <= set(full.measures_by_id)
    assert all(m.dimension == full.measures_by_id[m.id].dimension for m in quick.measures)
    # Same areas, weights, scale and stages: the two compare area by area.
    assert [(d.id, d.weight) for d in quick.dimensions] == [
        (d.id, d.weight) for d in full.dimensions
    ]
    assert (quick.scale, quick.stages) == (full.scale, full.stages)
    assert "10 Minuten" in quick.description.de and "10 minutes" in quick.description.en


def test_new_rounds_are_offered_the_newest_version_of_each_questionnaire() -> None:
    assert [(q.id, q.version) for q in offered(load_catalogue())] == [
        ("kmu", "2.0"),
        ("kmu-kurz", "1.0"),
        ("verwaltung", "2.0"),
    ]
