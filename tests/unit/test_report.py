"""PDF roadmap: content in both languages, determinism, hostile input, fonts and text handling.

Every test here fails on fpdf2 warnings (missing glyphs are only logged by fpdf2).
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import subprocess
import warnings
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from fpdf import FPDF
from pypdf import PdfReader

from assessment.demo import DEMO_QUESTIONNAIRE, demo_response
from assessment.formatting import fmt_table
from assessment.i18n import t, texts
from assessment.questionnaire import (
    Questionnaire,
    load_catalogue,
    load_questionnaire,
    questionnaire_files,
)
from assessment.report import build_report
from assessment.report.document import ReportPDF
from assessment.report.fonts import ARABIC, FONT_DIR, FONT_FILES, HEBREW, SANS
from assessment.report.layout import text_width, wrap
from assessment.report.text import REPLACEMENT, needs_shaping, printable
from assessment.responses import ResponseFile, parse_responses
from assessment.roadmap import compute_plan, entry_title
from assessment.scoring import score_response
from tests.conftest import FIXTURES, pdf_text

REPORT_FIXTURES = FIXTURES / "report"
CREATED = datetime(2026, 10, 20, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fail_on_fpdf_warnings(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Missing glyphs and other fpdf2 complaints are logged or warned: both fail the test."""
    caplog.set_level(logging.WARNING, logger="fpdf")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    logged = [r.getMessage() for r in caplog.records if r.name.startswith("fpdf")]
    assert not logged, f"fpdf2 logged: {logged}"
    assert not caught, f"warnings: {[str(w.message) for w in caught]}"


def load(name: str, q: Questionnaire) -> ResponseFile:
    text = (REPORT_FIXTURES / name).read_text(encoding="utf-8")
    return parse_responses(text, {(q.id, q.version): q}, name)[0]


@pytest.fixture(scope="module")
def round_data(mini: Questionnaire) -> ResponseFile:
    return load("mini_round.json", mini)


@pytest.fixture(scope="module")
def previous_data(mini: Questionnaire) -> ResponseFile:
    return load("mini_previous.json", mini)


def raw_pages(pdf: bytes) -> list[str]:
    """The text of each page as extracted, lines kept."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def page_texts(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


# --- content -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "en"])
def test_report_shows_organisation_scores_plan_and_method(
    mini: Questionnaire, round_data: ResponseFile, lang: str
) -> None:
    pdf = build_report(round_data, mini, lang=lang, creation_date=CREATED)
    assert pdf.startswith(b"%PDF-")
    text = pdf_text(pdf)
    org = round_data.organisation
    for value in (org.name, org.kind, org.sector, org.size, org.region, round_data.round.label):
        assert value in text
    assert "mini" in text and "1.0" in text
    scores = score_response(round_data, mini)
    for area in scores.areas.itertuples(index=False):
        title = mini.dimensions_by_id[area.area].title(lang)
        assert f"{title} {fmt_table(area.score, lang)} " in text, title  # tables: 1 decimal
    for entry in round_data.plan or []:
        assert entry_title(entry, mini, lang) in text
    expected = {
        "de": [
            "Zusammenfassung",
            "Die ersten drei Schritte",
            "Methode",
            "Priorität = Lücke ×",
            "von 4 Antwortenden mit insgesamt 35 Antworten",
            "Zeitplan über 24 Monate 0–3 3–6 6–12 12–24",
            "0 3 6 9 12 15 18 21 24",
            "Seite 1 von",
            "Befunde je Bereich",
        ],
        "en": [
            "Summary",
            "The first three steps",
            "Method",
            "Priority = gap ×",
            "covers 4 respondents with 35 answers",
            "24 months 0–3 3–6 6–12 12–24",
            "0 3 6 9 12 15 18 21 24",
            "Page 1 of",
            "Findings by area",
        ],
    }
    for phrase in expected[lang]:
        assert phrase in text, phrase
    first_step = mini.measures_by_id["m_strategy"]  # only the first steps are detailed
    assert first_step.description(lang) in text


def test_summary_names_stage_strengths_and_first_steps(
    mini: Questionnaire, round_data: ResponseFile
) -> None:
    summary = page_texts(build_report(round_data, mini, creation_date=CREATED))[1]
    assert "Gesamtwert 43 von 100" in summary
    assert "Aufbau" in summary and "Im Aufbau." in summary
    assert "Stärken • Angebote und Kundenservice: 71,9 (Entwicklung)" in summary
    assert "Größter Handlungsbedarf • Kooperation und Vernetzung: 20,8 (Einstieg)" in summary
    steps = summary.split("Die ersten drei Schritte")[1]
    assert steps.index("Maßnahme Strategie") < steps.index("Maßnahme Vernetzung")
    assert "Frau Albers (Geschäftsführung)" in steps and "15.01.2027" in steps


def test_findings_show_weak_items_disagreement_and_attributed_comments(
    mini: Questionnaire, round_data: ResponseFile
) -> None:
    text = pdf_text(build_report(round_data, mini, creation_date=CREATED))
    assert "Die 2 schwächsten Aussagen • Aussage H1" in text and "Gute Praxis: Hinweis H1" in text
    assert "Die schwächste Aussage • Aussage S1" in text  # one weak statement: singular
    assert "Aussage C2 3,0 gut verankert · uneinig" in text  # the rest: compact table
    assert "Aussage S1 (Mittelwert 1,5 von 4 · Antworten von 0 bis 3 · n = 4)" in text
    assert "Personalabteilung zu „Aussage H1“" in text
    assert "„Bisher gab es nur Pflichtschulungen zur Arbeitssicherheit.“" in text


def test_previous_round_appears_in_radar_and_table(
    mini: Questionnaire, round_data: ResponseFile, previous_data: ResponseFile
) -> None:
    text = pdf_text(build_report(round_data, mini, previous=previous_data, creation_date=CREATED))
    assert "Selbstcheck Herbst 2025" in text and "Vorrunde" in text and "Veränderung" in text
    assert "Organisation und Strategie 56,3 Entwicklung 100 % 75,0 18,8 46,9 +9,4" in text
    assert "Gesamt 42,5 Aufbau 29,2 +13,3" in text


def test_incomplete_and_unanswered_areas_are_flagged(mini: Questionnaire) -> None:
    data = ResponseFile.model_validate(
        {
            "questionnaire": {"id": "mini", "version": "1.0"},
            "organisation": {"name": "Lückenhaft e. V."},
            "round": {"label": "Teilrunde", "date": "2026-02-01"},
            "respondents": [
                {"id": "a", "answers": {"s1": 3, "h1": 2, "h2": 2, "c1": 1, "c2": 2, "n1": 0}}
            ],
        }
    )
    text = pdf_text(build_report(data, mini, creation_date=CREATED))
    assert "25 % *" in text  # strategy: only s1 (weight 1 of 4) answered
    assert "Unvollständig: Weniger als die Hälfte" in text
    assert "Ohne Wert (in der Mitte gezeichnet): Fort- und Weiterbildung" in text
    assert "Fort- und Weiterbildung – – 0 %" in text


def test_a_round_without_answers_still_gives_a_report(mini: Questionnaire) -> None:
    data = ResponseFile.model_validate(
        {
            "questionnaire": {"id": "mini", "version": "1.0"},
            "organisation": {"name": "Neu gegründet GmbH"},
            "round": {"label": "Start", "date": "2026-03-01"},
        }
    )
    text = pdf_text(build_report(data, mini, lang="en", creation_date=CREATED))
    assert "There are no answers for this round yet." in text
    assert "No measures are planned." in text


def test_long_plans_repeat_the_timeline_axis_on_every_page(mini: Questionnaire) -> None:
    entries = [
        {"title": f"Eigene Maßnahme Nummer {n} mit einem etwas längeren Titel", "area": "hr",
         "phase": "0-3", "owner": "Team Personal", "due": "2026-12-01"}
        for n in range(45)
    ]  # fmt: skip
    data = ResponseFile.model_validate(
        {
            "questionnaire": {"id": "mini", "version": "1.0"},
            "organisation": {"name": "Viel vor GmbH"},
            "round": {"label": "Großer Plan", "date": "2026-09-01"},
            "respondents": [{"id": "a", "answers": {"h1": 1, "h2": 1}}],
            "plan": entries,
        }
    )
    pages = page_texts(build_report(data, mini, creation_date=CREATED))
    header = "0–3 3–6 6–12 12–24"  # the phase bands over the timeline
    with_rows = [p for p in pages if "Team Personal · Fällig 01.12.2026 · offen" in p]
    assert len(with_rows) >= 2
    assert all(header in p for p in with_rows)
    assert all(f"Nummer {n} mit" in " ".join(pages) for n in range(45))


def test_same_creation_date_gives_identical_bytes(
    mini: Questionnaire, round_data: ResponseFile, previous_data: ResponseFile
) -> None:
    first = build_report(round_data, mini, previous=previous_data, creation_date=CREATED)
    second = build_report(round_data, mini, previous=previous_data, creation_date=CREATED)
    assert first == second
    reader = PdfReader(io.BytesIO(first))
    assert reader.metadata.title == "Roadmap – Stadtwerke Lindenau GmbH"
    assert reader.metadata.creation_date.year == 2026


# --- hostile input -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "en"])
def test_hostile_response_file_renders_as_plain_text(mini: Questionnaire, lang: str) -> None:
    data = load("hostile.json", mini)
    pdf = build_report(data, mini, lang=lang, creation_date=CREATED)
    text = pdf_text(pdf)
    for expected in (
        "„Müller & Söhne – Vielfalt“ GmbH",
        "GROẞHANDEL für Straßenbau & Tiefbau",
        "Umsatz < 5 Mio. €",
        "Ömer Çağlar Şahin",
        "Zażółć gęślą jaźń",
        "<script>alert(1)</script>",
        "<b>fett</b> **nicht fett**",
        "<i>nicht kursiv</i> & **nicht fett**",
        "فاطمة",
        "الزهراء",
        REPLACEMENT,
        "Tolles Team",
    ):
        assert expected in text, expected
    assert "🎉" not in text and "👩" not in text
    squeezed = "".join(text.split())
    body = "".join("".join(page.split("\n")[1:-1]) for page in raw_pages(pdf))
    long_word = data.respondents[1].comments["s2"]
    assert len(long_word) == 300 and long_word in squeezed
    long_comment = data.respondents[0].comments["t1"]
    assert len(long_comment) >= 4990
    assert "".join(long_comment.split()) in "".join(body.split())  # without running heads
    assert b"NotoSansArabic" in pdf  # the fallback font is embedded for the Arabic name


def test_arabic_organisation_and_round_names_are_shaped_in_cover_and_header(
    mini: Questionnaire,
) -> None:
    data = load("mini_round.json", mini)
    data = data.model_copy(
        update={
            "organisation": data.organisation.model_copy(update={"name": "جمعية الصداقة e. V."}),
            "round": data.round.model_copy(update={"label": "الجولة الأولى 2026"}),
        }
    )
    pages = page_texts(build_report(data, mini, creation_date=CREATED))
    assert all("الصداقة" in page for page in pages)  # cover and every running head
    assert "الجولة" in pages[0]


def test_a_comment_taller_than_a_page_flows_over_pages(mini: Questionnaire) -> None:
    data = load("hostile.json", mini)
    first = data.respondents[0]
    long_comment = "Anfang des Kommentars. " + first.comments["t1"] * 3 + " Ende des Kommentars."
    comments = {**first.comments, "t1": long_comment}
    respondents = [first.model_copy(update={"comments": comments}), *data.respondents[1:]]
    data = data.model_copy(update={"respondents": respondents})
    pdf = build_report(data, mini, creation_date=CREATED)
    pages = page_texts(pdf)
    start = next(n for n, p in enumerate(pages) if "Anfang des Kommentars." in p)
    end = next(n for n, p in enumerate(pages) if "Ende des Kommentars.“" in p)
    assert end > start
    body = "".join("".join(page.split("\n")[1:-1]) for page in raw_pages(pdf))
    assert "".join(long_comment.split()) in "".join(body.split())


def test_a_comment_that_fits_on_a_page_is_not_split(mini: Questionnaire) -> None:
    data = load("hostile.json", mini)
    assert len(data.respondents[0].comments["t1"]) >= 4990
    pages = page_texts(build_report(data, mini, creation_date=CREATED))
    start = next(n for n, p in enumerate(pages) if "Wir haben im letzten Jahr" in p)
    assert "doch Besprechungen laufen weit“" in pages[start]


def test_the_common_path_needs_neither_arabic_font_nor_shaping(
    mini: Questionnaire, round_data: ResponseFile
) -> None:
    assert b"NotoSansArabic" not in build_report(round_data, mini, creation_date=CREATED)
    pdf = ReportPDF()
    pdf.normalize_text("Grüße aus Köln – „Vielfalt“ €")
    assert not pdf.text_shaping and "notosansarabic" not in pdf.fonts
    pdf.normalize_text("فاطمة الزهراء")
    assert pdf.text_shaping and "notosansarabic" in pdf.fonts


# --- text handling -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Grüße, Ömer Çağlar Şahin, Zażółć gęślą jaźń, ẞ € „x“ – y", None),
        ("Привет, Ελλάδα, Øresund, Œuvre", None),
        ("Super 🎉 Team 👩🏽‍💼!", f"Super {REPLACEMENT} Team {REPLACEMENT}!"),
        ("a 🎉 b", f"a {REPLACEMENT} b"),
        ("🎉👩🏽‍💼", REPLACEMENT),
        ("🇩🇪 Flagge", f"{REPLACEMENT} Flagge"),
        ("a → b ≥ 3 − 1", "a -> b >= 3 − 1"),  # the Hebrew font has the minus sign
        ("王芳 und שלום", f"{REPLACEMENT} und שלום"),
        ("𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "Unicode"),
        ("tab\there\x00\x07 bell", "tab here bell"),
        ("Zeile 1\nZeile 2", None),
    ],
)
def test_printable_keeps_letters_and_replaces_what_no_font_has(raw: str, shown: str | None) -> None:
    assert printable(raw) == (raw if shown is None else shown)


def test_arabic_is_detected_only_where_present() -> None:
    assert needs_shaping("فاطمة الزهراء")
    assert needs_shaping("von فاطمة")
    assert not needs_shaping("Ömer Çağlar Şahin – Zażółć €")
    assert not needs_shaping("plain ascii")


def test_every_report_and_chart_string_is_covered_by_the_bundled_font() -> None:
    in_pdf = ("common.", "pdf.", "chart.", "topic.")
    for lang in ("de", "en"):
        for key, text in texts(lang).items():
            if key.startswith(in_pdf):
                assert printable(text) == text, (key, lang)
                assert not needs_shaping(text), (key, lang)


def test_missing_glyphs_would_be_caught(caplog: pytest.LogCaptureFixture) -> None:
    """fpdf2 only logs a missing glyph; this proves the autouse fixture would see it."""
    bare = FPDF()
    bare.add_font(SANS, "", FONT_DIR / FONT_FILES[(SANS, "")])
    bare.set_font(SANS, size=10)
    bare.add_page()
    bare.cell(text="Party 🎉")
    bare.output()
    bare.fonts[SANS].close()
    missing = [r for r in caplog.records if "missing the following glyphs" in r.getMessage()]
    assert missing and missing[0].name.startswith("fpdf")
    caplog.clear()


def test_line_widths_match_fpdf_and_long_words_wrap() -> None:
    reference = FPDF()
    reference.add_font(SANS, "", FONT_DIR / FONT_FILES[(SANS, "")])
    reference.set_font(SANS, size=10)
    sample = "Vielfalt & interkulturelle Öffnung – „Müller“ € ẞ Şahin"
    assert text_width(sample, 10) == pytest.approx(reference.get_string_width(sample), rel=1e-6)
    reference.fonts[SANS].close()  # fpdf2 keeps the font file open until then
    word = "x" * 300
    lines = wrap(f"Vorher {word} nachher", 60, 9.5)
    assert "".join(lines).replace(" ", "") == f"Vorher{word}nachher"
    assert all(text_width(line, 9.5) <= 60 + 1e-6 for line in lines)
    assert len(lines) > 3


def test_bundled_fonts_and_licence_are_in_the_package() -> None:
    samples = {SANS: "Grüße ẞ € Ω Ж", ARABIC: "فاطمة", HEBREW: "שלום"}
    for (family, _style), name in FONT_FILES.items():
        font = TTFont(FONT_DIR / name)
        cmap = font.getBestCmap()
        assert font["maxp"].numGlyphs > 100, name  # a real font, not a stub or an LFS pointer
        assert all(ord(ch) in cmap for ch in samples[family] if ch != " "), name
        font.close()
    licence = (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Copyright 2015-2020 Google LLC" in licence


# --- the real questionnaires (once they exist) ---------------------------------------------------


def synthetic_round(q: Questionnaire) -> ResponseFile:
    """Three respondents answering every item with a fixed pattern, a few comments, no plan."""
    items = list(q.items_by_id)
    respondents = []
    for r, role in enumerate(("Geschäftsführung", "Personal", "Team")):
        answers: dict[str, int | None] = {
            item: None if (n + r) % 11 == 5 else (n * 7 + r * 3) % (q.scale_max + 1)
            for n, item in enumerate(items)
        }
        comments = {items[(r * 5) % len(items)]: f"Anmerkung {r + 1}: das sehen wir kritisch."}
        respondents.append({"id": f"p{r}", "role": role, "answers": answers, "comments": comments})
    return ResponseFile.model_validate(
        {
            "questionnaire": {"id": q.id, "version": q.version},
            "organisation": {"name": "Musterbetrieb GmbH", "kind": "KMU", "region": "Berlin"},
            "round": {"label": "Synthetische Runde", "date": "2026-05-04"},
            "respondents": respondents,
        }
    )


@pytest.mark.parametrize("path", questionnaire_files(), ids=lambda p: p.name)
def test_real_questionnaires_give_a_complete_report(path: Path) -> None:
    q = load_questionnaire(path)
    data = synthetic_round(q)
    plan = compute_plan(score_response(data, q), q, date(2026, 5, 4))
    for lang in ("de", "en"):
        text = pdf_text(build_report(data, q, lang=lang, creation_date=CREATED))
        assert "Musterbetrieb GmbH" in text
        for dimension in q.dimensions:
            assert " ".join(dimension.title(lang).split()) in text
        for entry in plan:
            title = " ".join(entry_title(entry, q, lang).split())
            assert title[:40] in text, title


def test_every_page_renders_with_poppler(round_data: ResponseFile, mini: Questionnaire, tmp_path):
    """An independent PDF reader draws every page without complaint (CI installs poppler)."""
    if shutil.which("pdftoppm") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdftoppm (Debian's poppler-utils) is missing in CI")
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    pdf = tmp_path / "roadmap.pdf"
    pdf.write_bytes(build_report(round_data, mini, "de", creation_date=CREATED))
    done = subprocess.run(
        ["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "page")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(PdfReader(pdf).pages)
    assert all(page.stat().st_size > 2_000 for page in pages)  # drawn, not blank


# --- length and scripts of a real report ---------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_demo_sme_report_has_at_most_eight_pages(lang: str) -> None:
    q = load_catalogue()[DEMO_QUESTIONNAIRE]
    pdf = build_report(demo_response(q), q, lang=lang, creation_date=CREATED)
    pages = page_texts(pdf)
    assert len(pages) <= 8, len(pages)
    assert t("pdf.method_title", lang) in pages[-1]  # nothing was left out to get there


def named(data: ResponseFile, name: str, comment: str) -> ResponseFile:
    """`data` with another organisation name and a comment on statement s1."""
    first = data.respondents[0]
    respondents = [
        first.model_copy(update={"comments": {**first.comments, "s1": comment}}),
        *data.respondents[1:],
    ]
    organisation = data.organisation.model_copy(update={"name": name})
    return data.model_copy(update={"organisation": organisation, "respondents": respondents})


def test_a_hebrew_name_prints_with_the_fallback_font(
    mini: Questionnaire, round_data: ResponseFile
) -> None:
    data = named(round_data, "עמותת שלום", "תודה רבה לכולם")
    pdf = build_report(data, mini, creation_date=CREATED)  # a missing glyph fails the fixture
    pages = page_texts(pdf)
    assert all("שלום" in page for page in pages)  # cover and every running head
    assert "תודה" in " ".join(pages) and REPLACEMENT not in " ".join(pages)
    assert b"NotoSansHebrew" in pdf


def test_emoji_and_chinese_print_as_a_visible_replacement(
    mini: Questionnaire, round_data: ResponseFile
) -> None:
    data = named(round_data, "王芳 Consulting 🎉", "Super Team 👩🏽‍💼 und 谢谢")
    text = " ".join(page_texts(build_report(data, mini, creation_date=CREATED)))
    assert f"{REPLACEMENT} Consulting {REPLACEMENT}" in text
    assert f"Super Team {REPLACEMENT} und {REPLACEMENT}" in text
    assert not any(ch in text for ch in "王芳谢🎉👩")


def test_a_minus_sign_prints_as_itself() -> None:
    pdf = ReportPDF()
    pdf.add_page()
    pdf.paragraph("3 − 1 = 2")  # from the Hebrew fallback font; a missing glyph fails
    text = pdf_text(bytes(pdf.output()))
    assert "3 − 1 = 2" in text
