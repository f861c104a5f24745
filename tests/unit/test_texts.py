"""The text catalogue: both languages complete and alike, every key used, clear load errors."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import get_args

import pytest

from assessment import i18n
from assessment.charts.palette import SERIES_ORDER
from assessment.i18n import LANGS, LOCALE_DIR, CatalogueError, load_texts, placeholders, t, texts
from assessment.questionnaire import TrainingTopic
from assessment.responses import STATUSES

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted([*(ROOT / "assessment").rglob("*.py"), ROOT / "app.py"])

#: Keys the code builds at run time: (template, the values it takes, the code that builds it).
DYNAMIC_FAMILIES: list[tuple[str, tuple[object, ...], str]] = [
    ("common.status_{}", STATUSES, 'f"common.status_{'),
    ("common.level_{}", (1, 2, 3), "f'common.level_{measure.effort}'"),
    ("chart.series_{}", SERIES_ORDER, 'f"chart.series_{key}"'),
    ("topic.{}", get_args(TrainingTopic), 'f"topic.{topic}"'),
    ("pdf.people_{}", ("one", "many"), 'counted("pdf.people"'),
    ("pdf.answers_{}", ("one", "many"), 'counted("pdf.answers"'),
    ("ui.p_{}_file", ("pdf", "json", "csv"), "{label}_file"),
]
LOOKUP = re.compile(r"""\b(?:tr|t|chart_text)\(\s*["']([^"']+)["']""")


@pytest.fixture(scope="module")
def source() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in SOURCES)


def dynamic_keys() -> set[str]:
    return {template.format(value) for template, values, _ in DYNAMIC_FAMILIES for value in values}


def test_every_language_file_parses() -> None:
    for lang in LANGS:
        with (LOCALE_DIR / f"{lang}.toml").open("rb") as handle:
            assert tomllib.load(handle)
    assert load_texts() == {lang: dict(texts(lang)) for lang in LANGS}


def test_every_key_exists_in_both_languages() -> None:
    assert texts("de").keys() == texts("en").keys()
    assert len(texts("de")) > 150


def test_both_languages_have_the_same_placeholders() -> None:
    de, en = texts("de"), texts("en")
    different = [key for key in de if placeholders(de[key]) != placeholders(en[key])]
    assert not different


def test_keys_are_namespaced() -> None:
    sections = {key.split(".", 1)[0] for key in texts("de")}
    assert sections == {"common", "ui", "history", "pdf", "chart", "topic"}


def test_no_key_is_unused(source: str) -> None:
    for _template, _values, evidence in DYNAMIC_FAMILIES:
        assert evidence in source, f"the code no longer builds keys with {evidence}"
    built = dynamic_keys()
    unused = [
        key
        for key in texts("de")
        if key not in built and f'"{key}"' not in source and f"'{key}'" not in source
    ]
    assert not unused


def test_every_key_the_code_looks_up_exists(source: str) -> None:
    looked_up = set(LOOKUP.findall(source)) | dynamic_keys()
    missing = sorted(key for key in looked_up if key not in texts("de"))
    assert not missing, "unknown keys (catalogue keys are section.name, e.g. ui.nav_start)"


def test_every_training_topic_and_status_has_a_label() -> None:
    for topic in get_args(TrainingTopic):
        assert t(f"topic.{topic}", "de") and t(f"topic.{topic}", "en")
    for status in STATUSES:
        assert t(f"common.status_{status}", "en")


def test_lookup_fills_placeholders_and_falls_back_to_german() -> None:
    assert t("common.area", "de") == "Bereich"
    assert t("common.area", "en") == "Area"
    assert t("common.area", "fr") == "Bereich"
    assert t("ui.q_area_of", "en", k=2, n=5) == "Area 2 of 5"
    assert i18n.counted("pdf.people", 1, "en") == "one respondent"
    assert i18n.counted("pdf.people", 3, "de") == "3 Antwortenden"
    assert i18n.phase_label("3-6", "de") == "3–6 Monate"
    assert i18n.has_text("chart.series_actual") and not i18n.has_text("chart.series_unknown")
    assert texts("de") is texts("de")  # read once per process


def test_unknown_keys_and_missing_values_are_named() -> None:
    with pytest.raises(KeyError, match="no text 'nav_start'"):
        t("nav_start", "de")
    with pytest.raises(KeyError, match=r"'ui.q_area_of' needs a value for \{n\}"):
        t("ui.q_area_of", "de", k=1)


def write(folder: Path, de: str, en: str | None) -> Path:
    (folder / "de.toml").write_text(de, encoding="utf-8")
    if en is not None:
        (folder / "en.toml").write_text(en, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("de", "en", "message"),
    [
        ('[ui]\na = "A"\n', None, r"en\.toml: missing"),
        ('[ui]\na = "A"\n', '[ui]\na = "A\n', r"en\.toml: cannot be read"),
        ('[ui]\na = "A"\nb = 3\n', '[ui]\na = "A"\nb = "B"\n', r"de\.toml: ui\.b: expected a text"),
        ('[ui]\na = "A"\nb = "B"\n', '[ui]\na = "A"\n', r"en\.toml: ui\.b: missing"),
        ('[ui]\na = "A"\n', '[ui]\na = "A"\nz = "Z"\n', r"en\.toml: ui\.z: not in de\.toml"),
        ('[ui]\na = "A {n}"\n', '[ui]\na = "A {m}"\n', r"en\.toml: ui\.a: placeholders"),
        ('[ui]\na = "A {n"\n', '[ui]\na = "A {n}"\n', r"de\.toml: ui\.a: "),
        ('[ui]\na = "A {}"\n', '[ui]\na = "A {}"\n', r"ui\.a: placeholder \{\} is not"),
        ('[ui]\na = " "\n', '[ui]\na = "A"\n', r"de\.toml: ui\.a: empty text"),
    ],
)
def test_a_broken_file_names_the_file_and_the_key(
    tmp_path: Path, de: str, en: str | None, message: str
) -> None:
    with pytest.raises(CatalogueError, match=message):
        load_texts(write(tmp_path, de, en))
