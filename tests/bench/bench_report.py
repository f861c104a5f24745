"""Benchmark: the full PDF roadmap against an fpdf2 floor with the same text, pages and fonts.

Run with `python tests/bench/bench_report.py`. A round with 10 respondents and a 20-measure
plan on the SME questionnaire (or the mini questionnaire if that is missing) is built warm
(median of BUILDS after one warm-up, interleaved with the floor). The floor is what any PDF with
this content costs at least: as many pages, each holding the text pypdf extracts from the
report's page, line by line as extracted (the first in bold), in the same embedded font families
(registered the report's fast way, subset to the same characters), without line breaking,
tables, charts or layout. Then the
first report in a fresh process is timed inside that process. Goal: ratio at most 1.3x.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import io  # noqa: E402

from fpdf import FPDF  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from assessment.questionnaire import Questionnaire, load_questionnaire  # noqa: E402
from assessment.report import build_report  # noqa: E402
from assessment.report.fonts import FALLBACKS, FONT_FILES, SANS, add_family  # noqa: E402
from assessment.responses import PHASES, PlanEntry, ResponseFile  # noqa: E402
from assessment.roadmap import compute_plan  # noqa: E402
from assessment.scoring import score_response  # noqa: E402

BUILDS = 15
GOAL = 1.3
RESPONDENTS = 10
PLAN_SIZE = 20
CREATED = datetime(2026, 10, 20, 9, 0, tzinfo=UTC)
ROUND_DATE = date(2026, 10, 12)


def questionnaire() -> Questionnaire:
    """The SME questionnaire if it exists, else the test fixture."""
    kmu = ROOT / "questionnaires" / "kmu.yaml"
    return load_questionnaire(kmu if kmu.exists() else ROOT / "tests" / "fixtures" / "mini.yaml")


def bench_round(q: Questionnaire) -> ResponseFile:
    """10 respondents answering every item with a fixed pattern, some comments, 20 measures."""
    items = list(q.items_by_id)
    respondents = []
    for r in range(RESPONDENTS):
        answers = {
            item: None if (n + r) % 13 == 7 else (n * 7 + r * 3) % (q.scale_max + 1)
            for n, item in enumerate(items)
        }
        comments = {
            items[(r * 7) % len(items)]: "Das klappt bei uns nur teilweise, vor allem in der "
            "Werkstatt fehlt oft die Zeit für Absprachen – wir bräuchten feste Termine."
        }
        respondents.append(
            {"id": f"p{r}", "role": f"Team {r + 1}", "answers": answers, "comments": comments}
        )
    data = ResponseFile.model_validate(
        {
            "questionnaire": {"id": q.id, "version": q.version},
            "organisation": {
                "name": "Elektro Brandt & Yıldız GmbH",
                "kind": "Handwerksbetrieb",
                "sector": "Elektrotechnik",
                "size": "50–249 Beschäftigte",
                "region": "Leipzig, Sachsen",
            },
            "round": {"label": "Selbstcheck Herbst 2026", "date": ROUND_DATE.isoformat()},
            "respondents": respondents,
        }
    )
    plan = compute_plan(score_response(data, q), q, ROUND_DATE)[:PLAN_SIZE]
    for n in range(PLAN_SIZE - len(plan)):
        plan.append(
            PlanEntry(
                title=f"Eigene Maßnahme {n + 1}: Austausch mit dem Nachbarbetrieb",
                area=q.dimensions[n % len(q.dimensions)].id,
                phase=PHASES[n % len(PHASES)],
                owner="Geschäftsführung",
                due=ROUND_DATE,
            )
        )
    return data.model_copy(update={"plan": plan})


def floor_content(report: bytes) -> tuple[list[str], list[str]]:
    """The report's text page by page, and the font families it embeds."""
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(report)).pages]
    families = [SANS] + [
        family for family in FALLBACKS if FONT_FILES[(family, "")].split("-")[0].encode() in report
    ]
    return pages, families


def floor(pages: list[str], families: list[str]) -> bytes:
    """fpdf2's floor: the same pages of text in the same font families, nothing else."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)  # as many pages as the report, however the text flows
    for family in families:
        add_family(pdf, family)
    pdf.set_fallback_fonts(families[1:])
    for text in pages:
        pdf.add_page()
        for number, line in enumerate(text.splitlines()):  # the report's lines, no line breaking
            pdf.set_font(SANS, "B" if number == 0 else "", size=12 if number == 0 else 8)
            pdf.text(pdf.l_margin, 20 + number * 3.6, line)
    return bytes(pdf.output())


def interleaved_medians(first, second, runs: int = BUILDS) -> tuple[float, float]:
    """Median wall times (ms) of two builds, alternated so that load affects both alike."""
    first(), second()  # warm-up
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for build, bucket in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            build()
            bucket.append((time.perf_counter() - start) * 1000)
    return statistics.median(times[0]), statistics.median(times[1])


FRESH = """
import sys, time
sys.path.insert(0, {root!r})
start = time.perf_counter()
from tests.bench.bench_report import CREATED, bench_round, questionnaire
from assessment.report import build_report
q = questionnaire()
data = bench_round(q)
ready = time.perf_counter()
build_report(data, q, creation_date=CREATED)
done = time.perf_counter()
print(f"{{(done - ready) * 1000:.1f}} {{(done - start) * 1000:.1f}}")
"""


def fresh_process_ms() -> tuple[float, float]:
    """(first report, imports + data + first report) in a new interpreter, in ms."""
    result = subprocess.run(
        [sys.executable, "-c", FRESH.format(root=str(ROOT))],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    first, total = result.stdout.split()
    return float(first), float(total)


def main() -> None:
    """Print the timings and the ratio."""
    q = questionnaire()
    data = bench_round(q)
    built = build_report(data, q, creation_date=CREATED)
    texts, families = floor_content(built)
    pages = len(texts)
    floor_pages = len(PdfReader(io.BytesIO(floor(texts, families))).pages)
    assert floor_pages == pages, f"the floor has {floor_pages} pages, the report {pages}"
    report, base = interleaved_medians(
        lambda: build_report(data, q, creation_date=CREATED), lambda: floor(texts, families)
    )
    first, total = fresh_process_ms()
    print(f"questionnaire: {q.id} {q.version}, {RESPONDENTS} respondents, "
          f"{len(data.plan or [])} measures, {pages} pages, "
          f"{sum(map(len, texts))} characters, fonts {', '.join(families)}")  # fmt: skip
    print(f"{'report (warm, median of ' + str(BUILDS) + ')':<36} {report:7.1f} ms")
    print(f"{'fpdf2 floor (warm, median of ' + str(BUILDS) + ')':<36} {base:7.1f} ms")
    verdict = "PASS" if report / base <= GOAL else "FAIL"
    print(f"ratio: {report / base:.2f}x (goal: at most {GOAL}x) {verdict}")
    print(f"first report in a fresh process: {first:.1f} ms ({total:.1f} ms with imports)")


if __name__ == "__main__":
    main()
