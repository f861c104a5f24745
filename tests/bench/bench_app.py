"""Benchmark: the app's pages against bare Streamlit pages that show the same elements.

Run from the repository root:

    python tests/bench/bench_app.py [--runs 25] [--cold-runs 3] [--only P1,P2,P5]
                                    [--sections] [--profile]

P1  questionnaire page: the rerun after one answer (settling the radio stores it) on the largest
    area (nine statements of the administrations' questionnaire) versus
    tests/bench/bare_questionnaire.py (same radios, options, text inputs, progress bar, area
    pills, toggle, expander and code block, no app logic). AppTest in this process (it reruns
    the whole page; the fragment counts only in a browser, see bench_browser.py), interleaved
    rerun by rerun, median of --runs reruns. Goal: at most 1.2 times the bare page.
P2  results page of the demo round versus tests/bench/bare_results.py (the same chart specs,
    table, metrics, inputs and findings, precomputed), interleaved rerun by rerun: a plain
    rerun (the view is cached; goal 1.2 times) and the first rerun after a change (an answer
    saved before each rerun, so the round is read and scored anew; goal 1.5 times).
P5  cold start: from starting `streamlit run` until Chromium shows the start page's title,
    versus tests/bench/bare_hello.py. Median of --cold-runs starts each. Goal: 1.3 times.

P1 and P2 are timed twice: as AppTest runs a script (it compiles app.py and the page anew on
every run) and with the compiled scripts kept between runs, as `streamlit run` does. Each line
prints both medians, the ratio and PASS or FAIL. --sections times the app's own steps per rerun
(wall time, inclusive); --profile runs our pages' reruns once more under cProfile (inside the
script thread) and prints the functions with the most cumulative time. Exits 0: the figures
are for reading, not for CI.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import logging
import os
import pickle
import pstats
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "tests" / "bench"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402 - needs ROOT on sys.path

GOALS = {"P1": 1.2, "P2": 1.2, "P2 after a change": 1.5, "P5": 1.3}
WARMUP = 3


# -- shared ------------------------------------------------------------------------------------


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def report(name: str, what: str, ours: list[float], bare: list[float]) -> tuple:
    """Print one comparison; returns (name, what, ratio, passed, our median in ms)."""
    ours_ms, bare_ms = median_ms(ours), median_ms(bare)
    ratio = ours_ms / bare_ms
    passed = ratio <= GOALS[name]
    print(
        f"{name} {what}: ours {ours_ms:8.1f} ms (min {min(ours) * 1000:.1f}), "
        f"bare {bare_ms:8.1f} ms (min {min(bare) * 1000:.1f}), ratio {ratio:.2f} "
        f"(goal <= {GOALS[name]}) {'PASS' if passed else 'FAIL'}",
        flush=True,
    )
    return name, what, ratio, passed, ours_ms


def compare(name: str, what: str, ours_once, bare_once, runs: int) -> list:
    """Time both pages interleaved rerun by rerun, as AppTest runs them and with bytecode kept.

    `ours_once()` and `bare_once()` run one rerun and return its seconds; the first WARMUP
    pairs are not kept, and the order within a pair alternates.
    """
    results = []
    for cached in (False, True):
        label = "bytecode cached as by the server" if cached else "as AppTest runs it"
        with server_like_bytecode_cache() if cached else contextlib.nullcontext():
            ours, bare = [], []
            for n in range(WARMUP + runs):
                keep = n >= WARMUP
                for once, samples in ((ours_once, ours), (bare_once, bare))[:: 1 - 2 * (n % 2)]:
                    elapsed = once()
                    if keep:
                        samples.append(elapsed)
        results.append(report(name, f"{what} ({label})", ours, bare))
    return results


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


@contextlib.contextmanager
def profiled_script_thread(sort: str = "cumulative", limit: int = 30) -> Iterator[None]:
    """Profile every script run (they run in AppTest's script thread) and print the top."""
    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

    profile = cProfile.Profile()
    original = ScriptRunner._run_script

    def run_script(self, rerun_data):
        profile.enable()
        try:
            return original(self, rerun_data)
        finally:
            profile.disable()

    ScriptRunner._run_script = run_script
    try:
        yield
    finally:
        ScriptRunner._run_script = original
        stats = pstats.Stats(profile)
        stats.sort_stats(sort).print_stats(limit)
        print("-- the same, only the app's own functions --")
        stats.print_stats("/assessment/", limit)


def quiet_streamlit_logs() -> None:
    """Silence the warnings about a missing runtime (AppTest and helpers called directly)."""
    from streamlit.logger import set_log_level

    set_log_level("error")  # for loggers created later
    for name in list(logging.root.manager.loggerDict):
        if name.startswith("streamlit"):
            logging.getLogger(name).setLevel(logging.ERROR)


@contextlib.contextmanager
def server_like_bytecode_cache() -> Iterator[None]:
    """Keep compiled page scripts across AppTest runs, as a running server does.

    AppTest builds a new ScriptCache for every run, so each run parses, rewrites (magic) and
    compiles app.py and the page again; `streamlit run` compiles a script once and reuses the
    bytecode until the file changes. Costs of that artefact grow with the script's size.
    """
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    original = ScriptCache.get_bytecode
    compiled: dict[tuple[str, float], object] = {}

    def get_bytecode(self, script_path: str):
        key = (os.path.abspath(script_path), os.path.getmtime(script_path))
        if key not in compiled:
            compiled[key] = original(self, script_path)
        return compiled[key]

    ScriptCache.get_bytecode = get_bytecode
    try:
        yield
    finally:
        ScriptCache.get_bytecode = original


#: The app functions timed by --sections (inclusive wall time; tr() also runs inside others).
SECTIONS = {
    "P1": [
        "assessment.ui.session.current",
        "assessment.ui.actions.respondent_state",
        "assessment.ui.answer_widgets.settle",
        "assessment.ui.session.engine",
        "assessment.ui.state.tr",
        "assessment.ui.pages_registry.sections",
        "assessment.ui.navigation.language_switch",
        "assessment.ui.widgets.resume_link_box",
    ],
    "P2": [
        "assessment.ui.session.current",
        "assessment.ui.results_view.results_view",
        "assessment.storage.answers.round_revision",
        "assessment.storage.answers.round_answers",
        "assessment.ui.results_view._view",
        "assessment.ui.session.engine",
        "assessment.ui.state.tr",
        "assessment.ui.pages_registry.sections",
        "assessment.ui.navigation.language_switch",
    ],
}


@contextlib.contextmanager
def timed_sections(names: list[str], totals: dict[str, float]) -> Iterator[None]:
    """Add the wall time of each named function to `totals` (wrapped wherever it is bound)."""
    import functools
    import importlib

    patched = []
    for name in names:
        module_name, _, attr = name.rpartition(".")
        original = getattr(importlib.import_module(module_name), attr)

        def wrapper(*args, _original=original, _name=name, **kwargs):
            start = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                totals[_name] = totals.get(_name, 0.0) + time.perf_counter() - start

        functools.update_wrapper(wrapper, original)
        for module in list(sys.modules.values()):
            if getattr(module, "__name__", "").startswith("assessment"):
                for key, value in list(vars(module).items()):
                    if value is original:
                        setattr(module, key, wrapper)
                        patched.append((module, key, original))
    try:
        yield
    finally:
        for module, key, original in patched:
            setattr(module, key, original)


def print_sections(name: str, run: Callable[[int], object], runs: int, total_ms: float) -> None:
    totals: dict[str, float] = {}
    with server_like_bytecode_cache(), timed_sections(SECTIONS[name], totals):
        run(runs)
    print(f"\n-- {name} sections: wall time per rerun of our page ({total_ms:.1f} ms in all) --")
    for section in SECTIONS[name]:
        print(f"   {totals.get(section, 0.0) / runs * 1000:7.2f} ms  {section}")


class Database:
    """A temporary SQLite database that the app (and this process) uses."""

    def __init__(self, folder: Path):
        self.url = f"sqlite:///{folder / 'bench.db'}"
        os.environ["VIELFALTSKOMPASS_DB_URL"] = self.url
        from assessment.storage import engine as storage_engine

        self.engine = storage_engine.get_engine(self.url)


def app_test(token: str, page: str, **params: str):
    """AppTest of app.py with the private token (and `params` in the URL), switched to `page`."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["t"] = token
    at.query_params.update(params)
    at.run()
    quiet_streamlit_logs()  # the first run loads Streamlit's config, which resets log levels
    at.switch_page(f"assessment/ui/pages/{page}").run()
    assert not at.exception, at.exception
    return at


def bare_test(script: str, data_path: Path):
    from streamlit.testing.v1 import AppTest

    os.environ["BENCH_BARE_DATA"] = str(data_path)
    at = AppTest.from_file(str(BENCH / script), default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    return at


# -- P1: questionnaire -------------------------------------------------------------------------


def answer_once(at, key: str) -> Callable[[], float]:
    """A rerun after setting one radio to the other of two values; returns its seconds."""
    count = [0]

    def once() -> float:
        count[0] += 1
        widget = at.radio(key=key).set_value(1 + count[0] % 2)
        elapsed = timed(widget.run)
        assert not at.exception, at.exception
        return elapsed

    return once


def answer_reruns(at, key: str, runs: int) -> list[float]:
    """Time `runs` answer reruns (for --sections and --profile)."""
    once = answer_once(at, key)
    return [once() for _ in range(runs)]


def bench_questionnaire(db: Database, folder: Path, runs: int, profile: bool, sections: bool):
    from assessment.questionnaire import load_catalogue
    from assessment.responses import Organisation
    from assessment.storage import repository as repo
    from assessment.ui.answer_widgets import answer_key
    from tests.bench.questionnaire_texts import QUESTIONNAIRE, area_texts, largest_area

    q = load_catalogue()[QUESTIONNAIRE]
    index = largest_area(q)
    organisation = Organisation(
        name="Bürgeramt Musterstadt", kind="Verwaltung", sector="", size="", region="Leipzig"
    )
    new = repo.create_round(db.engine, q, organisation, "Runde 2026", date.today())
    token, respondent = new.respondent_token, new.respondents[0].respondent_id
    item = q.dimensions[index].items[0].id
    ours_key = answer_key(respondent, item)  # the app's radio keys end with the respondent
    bare_key = f"answer_{item}"

    data_path = folder / "bare_questionnaire.json"
    texts = area_texts(q, index, token, f"{organisation.name} · Runde 2026")
    data_path.write_text(json.dumps(texts), encoding="utf-8")

    ours_at = app_test(token, "questionnaire.py", area=str(index + 1))
    bare_at = bare_test("bare_questionnaire.py", data_path)
    assert len(ours_at.radio) == len(bare_at.radio) == len(q.dimensions[index].items) == 9
    compare_structure("P1", ours_at, bare_at)
    results = compare(
        "P1",
        "questionnaire rerun after one answer",
        answer_once(ours_at, ours_key),
        answer_once(bare_at, bare_key),
        runs,
    )
    stored = repo.respondent_answers(db.engine, respondent)
    assert stored[item] in (1, 2), "the answer was stored"
    if sections:
        print_sections("P1", lambda n: answer_reruns(ours_at, ours_key, n), runs, results[-1][4])
    if profile:
        print("\n-- P1 profile: our questionnaire page, reruns after one answer --")
        with server_like_bytecode_cache(), profiled_script_thread():
            answer_reruns(ours_at, ours_key, runs)
    return results


# -- P2: results -------------------------------------------------------------------------------


def results_data(db: Database, token: str) -> dict:
    """Everything the results page shows for the demo round, computed with the app's code."""
    import warnings

    from assessment.formatting import fmt_number
    from assessment.i18n import t
    from assessment.services import access
    from assessment.ui.results_view import results_view
    from assessment.ui.session import Current

    visitor = access.resolve(db.engine, token)
    assert visitor is not None and visitor.round is not None
    details, q = visitor.round, access.questionnaire(db.engine, visitor)
    current = Current(token, details.round_id, visitor.respondent_id, details, q, visitor)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        view = results_view(current, "de")
    scores, radar, bars = view.scores, view.radar, view.bars
    overall = scores.overall.iloc[0]
    stages = {s.id: s for s in q.stages}
    titles = {d.id: d.title("de") for d in q.dimensions}
    answered = int((scores.items["n"] > 0).sum())
    return {
        "title": t("ui.r_title", "de"),
        "caption": f"{details.organisation.name} · {details.label}",
        "metrics": [
            (t("common.overall_score", "de"), f"{fmt_number(overall.score, 'de', 0)} / 100"),
            (t("common.stage", "de"), stages[overall.stage].name("de")),
            (t("common.respondents", "de"), int(overall.respondents)),
            (t("ui.r_rated", "de"), f"{answered} / {len(scores.items)}"),
        ],
        "stage_text": stages[overall.stage].description("de"),
        "radar_title": t("ui.r_radar", "de"),
        "bars_title": t("ui.r_bars", "de"),
        "radar": radar,
        "bars": bars,
        "table_title": t("ui.r_table", "de"),
        "table": view.table,
        "targets_title": t("ui.r_targets_title", "de"),
        "targets_help": t("ui.r_targets_help", "de"),
        "targets": [
            (f"target_{row.area}", titles[row.area], float(round(row.target, 1)))
            for row in scores.areas.itertuples(index=False)
        ],
        "weak_title": t("ui.r_weak_title", "de"),
        "findings": [
            (
                t("ui.r_weak_count", "de", area=titles[found.area], n=len(found.weak)),
                finding_lines(found, q.scale_max),
            )
            for found in view.findings
        ],
        "link_target": "https://example.org/roadmap",  # a bare page has no other page
        "link_label": t("ui.r_to_roadmap", "de"),
    }


def finding_lines(found, scale_max: int) -> list[tuple[str, str]]:
    """The (element, text) pairs the results page shows in one area's findings expander."""
    from assessment.i18n import t

    if not found.weak:
        return [("write", t("ui.r_weak_none", "de"))]
    lines = []
    for f in found.weak:
        lines.append(("markdown", f"**{f.statement}**"))
        lines.append(("caption", f"{t('ui.r_mean', 'de')}: {f.mean:.1f} / {scale_max} · {f.hint}"))
        if f.disagreement:
            lines.append(
                ("caption", t("ui.r_disagreement", "de", min=f"{f.min:.0f}", max=f"{f.max:.0f}"))
            )
    return lines


def element_kinds(at) -> list[str]:
    """The kinds of all elements in the main area, depth first (to compare page structures)."""
    kinds = []

    def walk(node) -> None:
        kinds.append(getattr(node, "type", type(node).__name__))
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for child in children.values():
                walk(child)

    walk(at.main)
    return kinds


def compare_structure(name: str, ours_at, bare_at) -> None:
    """Warn if the bare page no longer shows the same elements as ours."""
    ours, bare = element_kinds(ours_at), element_kinds(bare_at)
    if ours != bare:
        diff = {k: (ours.count(k), bare.count(k)) for k in sorted(set(ours) | set(bare))}
        changed = {k: v for k, v in diff.items() if v[0] != v[1]}
        print(f"{name}: note: the pages' elements differ (ours, bare): {changed}")


def plain_once(at, before: Callable[[], object] = lambda: None) -> Callable[[], float]:
    """A plain rerun (after `before`, which is not timed); returns its seconds."""

    def once() -> float:
        before()
        elapsed = timed(at.run)
        assert not at.exception, at.exception
        return elapsed

    return once


def plain_reruns(at, runs: int) -> list[float]:
    """Time `runs` plain reruns (for --sections and --profile)."""
    once = plain_once(at)
    return [once() for _ in range(runs)]


def answer_changer(db: Database, round_id: int, q) -> Callable[[], None]:
    """Save another value for one answer of the round: the next view must read and score anew."""
    from assessment.storage import repository as repo

    respondent = repo.round_respondents(db.engine, round_id)[0].respondent_id
    item, count = q.dimensions[0].items[0].id, [0]

    def change() -> None:
        count[0] += 1
        repo.save_answer(db.engine, respondent, item, 1 + count[0] % 3)

    return change


def chart_specs(at) -> list[str]:
    return [chart.proto.spec for chart in at.get("vega_lite_chart")]


def bench_results(db: Database, folder: Path, runs: int, profile: bool, sections: bool):
    from assessment.demo import DEMO_QUESTIONNAIRE, demo_response
    from assessment.questionnaire import load_catalogue
    from assessment.storage import repository as repo

    q = load_catalogue()[DEMO_QUESTIONNAIRE]
    imported = repo.import_round(db.engine, demo_response(q), q)
    token = imported.admin_token  # a group round: its results open with the facilitator link
    data_path = folder / "bare_results.pickle"
    data_path.write_bytes(pickle.dumps(results_data(db, token)))

    ours_at = app_test(token, "results.py")
    bare_at = bare_test("bare_results.py", data_path)
    assert ours_at.title[0].value == bare_at.title[0].value
    ours_specs, bare_specs = chart_specs(ours_at), chart_specs(bare_at)
    assert len(ours_specs) == 2 and ours_specs == bare_specs, "both pages draw the same charts"
    compare_structure("P2", ours_at, bare_at)
    results = compare(
        "P2", "results rerun, view cached", plain_once(ours_at), plain_once(bare_at), runs
    )
    change = answer_changer(db, imported.round_id, q)
    results += compare(
        "P2 after a change",
        "results rerun after an answer was saved",
        plain_once(ours_at, before=change),
        plain_once(bare_at),
        runs,
    )
    if sections:
        print_sections("P2", lambda n: plain_reruns(ours_at, n), runs, results[-1][4])
    if profile:
        print("\n-- P2 profile: our results page, plain reruns --")
        with server_like_bytecode_cache(), profiled_script_thread():
            plain_reruns(ours_at, runs)
    return results


# -- P5: cold start ----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as answer:
            return answer.read() == b"ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def cold_start(browser, script: str, title: str, folder: Path) -> float:
    """Seconds from `streamlit run` until the page's title is visible in the browser."""
    port = free_port()
    database = folder / f"cold-{port}.db"
    env = {**os.environ, "VIELFALTSKOMPASS_DB_URL": f"sqlite:///{database}"}
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        url = f"http://127.0.0.1:{port}"
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{script} exited with {process.returncode}")
            if time.perf_counter() - start > 60:
                raise RuntimeError(f"{script} did not start within 60 s")
            if healthy(url):
                break
            time.sleep(0.02)  # poll interval while the server starts
        up = time.perf_counter() - start
        page.goto(url)
        page.get_by_role("heading", name=title, exact=True).wait_for(timeout=60_000)
        total = time.perf_counter() - start
        print(f"   {script}: server healthy after {up * 1000:.0f} ms, page shown after "
              f"{total * 1000:.0f} ms")  # fmt: skip
        return total
    finally:
        process.terminate()
        process.wait(timeout=20)
        context.close()


def bench_cold_start(folder: Path, runs: int):
    if not CHROMIUM.exists():
        print("P5 cold start: skipped, /usr/bin/chromium is missing")
        return None
    from playwright.sync_api import sync_playwright

    ours, bare = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            cold_start(browser, "tests/bench/bare_hello.py", "Hallo", folder)  # warm the disk
            for _ in range(runs):
                ours.append(cold_start(browser, "app.py", "Vielfaltskompass", folder))
                bare.append(cold_start(browser, "tests/bench/bare_hello.py", "Hallo", folder))
        finally:
            browser.close()
    return report("P5", "cold start to first render", ours, bare)


# -- main --------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=25, help="timed reruns per page (P1, P2)")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold starts per app (P5)")
    parser.add_argument("--only", default="P1,P2,P5", help="comma-separated subset")
    parser.add_argument("--profile", action="store_true", help="cProfile our pages' reruns")
    parser.add_argument("--sections", action="store_true", help="time the app's own steps")
    args = parser.parse_args()
    chosen = {name.strip().upper() for name in args.only.split(",")}
    os.chdir(ROOT)
    quiet_streamlit_logs()

    results = []
    with tempfile.TemporaryDirectory(prefix="bench-app-") as tmp:
        folder = Path(tmp)
        if chosen & {"P1", "P2"}:
            db = Database(folder)
            if "P1" in chosen:
                results += bench_questionnaire(db, folder, args.runs, args.profile, args.sections)
            if "P2" in chosen:
                results += bench_results(db, folder, args.runs, args.profile, args.sections)
        if "P5" in chosen:
            results.append(bench_cold_start(folder, args.cold_runs))

    print("\nsummary:")
    for result in filter(None, results):
        name, what, ratio, passed, _ = result
        verdict = "PASS" if passed else "FAIL"
        print(f"  {name} {what}: ratio {ratio:.2f} (goal <= {GOALS[name]}) {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
