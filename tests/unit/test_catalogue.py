"""The shipped questionnaires: valid, complete, bilingual, with a usable measure catalogue."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

import pytest
from pydantic import BaseModel

from assessment.questionnaire import (
    AREA_IDS,
    QUESTIONNAIRE_DIR,
    Questionnaire,
    Text,
    TrainingTopic,
    load_catalogue,
    load_questionnaire,
    questionnaire_files,
)

FILES = questionnaire_files()
EXPECTED = ["kmu.yaml", "kmu-kurz.yaml", "verwaltung.yaml"]
ALL_TOPICS = set(get_args(TrainingTopic))


def texts(model: BaseModel, path: str = "") -> Iterator[tuple[str, Text]]:
    """Every bilingual text in the model with its dotted path."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        where = f"{path}.{name}" if path else name
        if isinstance(value, Text):
            yield where, value
        elif isinstance(value, BaseModel):
            yield from texts(value, where)
        elif isinstance(value, list):
            for n, entry in enumerate(value):
                if isinstance(entry, BaseModel):
                    yield from texts(entry, f"{where}.{n}")


@pytest.fixture(scope="module", params=FILES, ids=[p.name for p in FILES])
def q(request: pytest.FixtureRequest) -> Questionnaire:
    return load_questionnaire(request.param)


@pytest.mark.parametrize("name", EXPECTED)
def test_shipped_questionnaire_exists(name: str) -> None:
    assert (QUESTIONNAIRE_DIR / name).is_file()


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_loads_without_error(path: Path) -> None:
    q = load_questionnaire(path)
    assert q.items_by_id
    assert q.measures


def test_ids_and_versions_are_unique_across_files() -> None:
    loaded = [load_questionnaire(p) for p in FILES]
    keys = [(q.id, q.version) for q in loaded]
    assert len(set(keys)) == len(keys)
    assert sorted(load_catalogue()) == sorted(keys)


def views(q: Questionnaire) -> dict[str, Questionnaire]:
    """What respondents see: one view per institution type, else the questionnaire itself."""
    return {t.id: q.for_type(t.id) for t in q.institution_types} or {"all": q}


def test_five_areas_with_six_to_ten_items_for_every_institution_type(q: Questionnaire) -> None:
    assert [d.id for d in q.dimensions] == list(AREA_IDS)
    low, high = (3, 3) if q.based_on else (6, 10)  # a quick check: three per area
    for kind, view in views(q).items():
        counts = {d.id: len(d.items) for d in view.dimensions}
        assert all(low <= n <= high for n in counts.values()), (kind, counts)


def test_measure_counts(q: Questionnaire) -> None:
    per_area = {a: sum(m.dimension == a for m in q.measures) for a in AREA_IDS}
    least, total = (3, 15) if q.based_on else (4, 20)  # a quick check: its own selection
    assert all(n >= least for n in per_area.values()), per_area
    assert len(q.measures) >= total


def test_at_most_one_keep_up_measure_per_area(q: Questionnaire) -> None:
    keep_up = {a: [m.id for m in q.measures if m.dimension == a and m.keep_up] for a in AREA_IDS}
    assert all(len(ids) <= 1 for ids in keep_up.values()), keep_up


def test_measures_link_items_of_their_own_area(q: Questionnaire) -> None:
    wrong = [
        (m.id, item)
        for m in q.measures
        for item in m.items
        if q.item_dimension.get(item) != m.dimension
    ]
    assert wrong == []


def test_every_text_in_both_languages(q: Questionnaire) -> None:
    found = list(texts(q))
    assert len(found) > (80 if q.based_on else 100)
    empty = [(where, lang) for where, t in found for lang in ("de", "en") if not t(lang).strip()]
    assert empty == []


def test_german_texts_use_umlauts(q: Questionnaire) -> None:
    """A file written with ae/oe/ue/ss substitutes would contain none of these letters."""
    german = " ".join(t.de for _, t in texts(q)).lower()
    found = {letter for letter in "äöüß" if letter in german}
    assert len(found) >= 3, found


def test_german_texts_use_typographic_quotes(q: Questionnaire) -> None:
    straight = [where for where, t in texts(q) if '"' in t.de]
    assert straight == []


def test_no_two_statements_alike(q: Questionnaire) -> None:
    for lang in ("de", "en"):
        statements = [
            re.sub(r"\s+", " ", i.statement(lang)).strip().casefold()
            for i in q.items_by_id.values()
        ]
        repeated = sorted({s for s in statements if statements.count(s) > 1})
        assert repeated == [], lang


def test_training_measures_carry_topics(q: Questionnaire) -> None:
    without = [m.id for m in q.measures if m.dimension == "training" and not m.topics]
    assert without == []


def test_catalogue_covers_most_training_topics() -> None:
    covered = {t for path in FILES for m in load_questionnaire(path).measures for t in m.topics}
    assert covered <= ALL_TOPICS
    assert len(covered) >= 6, sorted(ALL_TOPICS - covered)
