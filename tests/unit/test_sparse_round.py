"""The issue's first scenario (2 of 40 statements rated) and an all-N/A round: CLI and PDF say
"provisional" and "no statement rated", never a final stage or "no answers yet"."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from assessment.i18n import t
from assessment.questionnaire import Questionnaire, load_catalogue
from assessment.report import build_report
from assessment.responses import dump_responses
from tests.conftest import all_na_self_check, pdf_text, run_cli, sparse_self_check

CREATED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def sme() -> Questionnaire:
    return load_catalogue()[("kmu", "1.0")]


def test_cli_score_marks_the_overall_provisional_with_its_coverage(
    sme: Questionnaire, tmp_path: Path
) -> None:
    path = tmp_path / "sparse.json"
    path.write_text(dump_responses(sparse_self_check(sme)), encoding="utf-8")
    done = run_cli("score", str(path))
    assert done.returncode == 0, done.stderr
    overall = json.loads(done.stdout)["overall"]
    assert overall["provisional"] is True
    assert (overall["rated_items"], overall["items"]) == (2, 40)
    hr_weight = sum(i.weight for i in sme.dimensions[1].items[:2])
    all_weight = sum(i.weight for d in sme.dimensions for i in d.items)
    assert overall["coverage"] == pytest.approx(hr_weight / all_weight, abs=1e-3)
    assert 0 < overall["coverage"] < 0.1
    assert overall["score"] == 100.0  # the figure stays, but it is marked, not praised


def test_pdf_says_provisional_without_the_stage_praise(sme: Questionnaire) -> None:
    for lang, note in (("de", "vorläufig: 2 von 40 Aussagen bewertet"),
                       ("en", "provisional: 2 of 40 statements rated")):  # fmt: skip
        text = pdf_text(build_report(sparse_self_check(sme), sme, lang=lang, creation_date=CREATED))
        assert note in text
        top = sme.stages[-1].description(lang)
        assert " ".join(top.split()[:8]) not in text  # no "Verankert" praise for 2 answers


def test_pdf_area_table_marks_the_provisional_overall_as_the_summary_does(
    sme: Questionnaire,
) -> None:
    for lang, total in (("de", "Gesamt 100,0 Verankert (vorläufig)"),
                        ("en", "Overall 100.0 Embedded (provisional)")):  # fmt: skip
        text = pdf_text(build_report(sparse_self_check(sme), sme, lang=lang, creation_date=CREATED))
        assert total in " ".join(text.split())


def test_pdf_of_an_all_na_round_says_no_statement_rated(sme: Questionnaire) -> None:
    data = all_na_self_check(sme)
    text = pdf_text(build_report(data, sme, lang="de", creation_date=CREATED))
    assert "keine Aussage bewertet" in text
    assert "noch keine Antworten" not in text
    english = pdf_text(build_report(data, sme, lang="en", creation_date=CREATED))
    assert "No statement has been rated" in english
    assert "no answers for this round" not in english


@pytest.mark.parametrize(
    ("lang", "phrases"),
    [
        ("de", ["„vorläufig“", "50 %", "voraussetzt", "für Ihre Organisation 3.", "„später“"]),
        ("en", ["“provisional”", "50%", "requires", "for your organisation 3.", "“later”"]),
    ],
)
def test_method_page_states_the_coverage_order_and_capacity_rules(
    sme: Questionnaire, lang: str, phrases: list[str]
) -> None:
    pdf = build_report(sparse_self_check(sme), sme, lang=lang, creation_date=CREATED)
    method = pdf_text(pdf).split(t("pdf.method_title", lang))[-1]
    for phrase in phrases:
        assert phrase in method, phrase
