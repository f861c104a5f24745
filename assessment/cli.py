"""Command line: python -m assessment validate | score | plan | report | export | import | …"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from assessment.questionnaire import QuestionnaireError, load_questionnaire, questionnaire_files
from assessment.responses import ResponseFileError

EXIT_INVALID = 1
EXIT_BAD_INPUT = 2


class CliError(Exception):
    """Bad input: printed as one clear message, exit 2."""


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate questionnaire files; list every problem as `file: path: message`."""
    files = [Path(f) for f in args.files] or questionnaire_files()
    if not files:
        raise CliError("no questionnaire files found")
    failed = False
    for path in files:
        try:
            q = load_questionnaire(path)
        except QuestionnaireError as exc:
            failed = True
            for line in exc.lines():
                print(line)
            continue
        print(f"{path}: ok ({q.id} {q.version}, {len(q.items_by_id)} items, "
              f"{len(q.measures)} measures)")  # fmt: skip
    return EXIT_INVALID if failed else 0


def _read(path: str):
    from assessment.questionnaire import load_catalogue
    from assessment.responses import read_responses

    return read_responses(path, load_catalogue())


def _group_rules_hold(path: str, data) -> None:
    """A session's file shows nothing below its minimum group size: one line, exit 2."""
    from assessment.group_rules import TooFewInGroup, group_answers, is_group

    if is_group(data):
        try:
            group_answers(data)
        except TooFewInGroup as exc:
            raise CliError(f"{path}: {exc}") from None


def cmd_score(args: argparse.Namespace) -> int:
    """Score a response file and print JSON (default) or a table.

    A session's file (`round.mode` "session" or `round.anonymous`) is scored by the group
    rules: refused below `round.min_group` answer sets; statements fewer rated are left out;
    the output is aggregates only.
    """
    from assessment.group_rules import score_file
    from assessment.scoring import scores_to_dict

    data, q = _read(args.responses)
    _group_rules_hold(args.responses, data)
    result = scores_to_dict(score_file(data, q), q)
    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(format_table(result, q))
    return 0


def format_table(result: dict, q, lang: str = "de") -> str:
    """A readable fixed-width table of area scores, in `lang` (German by default)."""
    from assessment.formatting import fmt_number, fmt_percent
    from assessment.i18n import t

    def num(value: float | None) -> str:
        return fmt_number(value, lang, 1)

    keys = ("common.area", "common.score", "common.target", "common.gap", "common.coverage")
    area_h, score_h, target_h, gap_h, coverage_h = (t(key, lang) for key in keys)
    stage_names = {s.id: s.name(lang) for s in q.stages}
    lines = [f"{area_h:<32} {score_h:>6} {target_h:>6} {gap_h:>6} {coverage_h:>9}  "
             f"{t('common.stage', lang)}"]  # fmt: skip
    incomplete = f" ({t('common.incomplete', lang)})"
    for area in result["areas"]:
        title = q.dimensions_by_id[area["id"]].title(lang)
        flag = incomplete if area["incomplete"] else ""
        lines.append(
            f"{title[:32]:<32} {num(area['score']):>6} {num(area['target']):>6} "
            f"{num(area['gap']):>6} {fmt_percent(area['coverage'], lang):>9}  "
            f"{stage_names.get(area['stage'], '–')}{flag}"
        )
    overall = result["overall"]
    rated, items = overall["rated_items"], overall["items"]
    provisional = t("common.provisional", lang, rated=rated, items=items)
    flag = f" ({provisional})" if overall["provisional"] else ""
    lines.append(f"{t('common.overall', lang):<32} {num(overall['score']):>6}{'':>24}  "
                 f"{stage_names.get(overall['stage'], '–')}{flag}")  # fmt: skip
    return "\n".join(lines)


def cmd_plan(args: argparse.Namespace) -> int:
    """Print the plan the app would suggest for a response file: JSON (default) or a table."""
    from assessment.roadmap import capacity_for, compute_plan
    from assessment.scoring import score_response

    data, q = _read(args.responses)
    size = data.organisation.size
    plan = compute_plan(score_response(data, q), q, data.round.date, size)
    steps = [
        {
            "order": order,
            "measure": entry.measure,
            "area": entry.area,
            "phase": entry.phase,
            "priority": entry.priority,
            "due": entry.due.isoformat() if entry.due else None,
            "requires": list(q.measures_by_id[entry.measure or ""].requires),
        }
        for order, entry in enumerate(plan, start=1)
    ]
    if args.format == "json":
        result = {
            "questionnaire": {"id": q.id, "version": q.version},
            "size": size,
            "capacity": capacity_for(size),
            "plan": steps,
        }
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(format_plan_table(steps))
    return 0


def format_plan_table(steps: list[dict]) -> str:
    """The plan as a fixed-width table: order, phase, area, priority, measure id."""
    lines = [f"{'order':>5}  {'phase':<6} {'area':<11} {'priority':>8}  measure"]
    for step in steps:
        lines.append(
            f"{step['order']:>5}  {step['phase']:<6} {step['area']:<11} "
            f"{step['priority']:>8.2f}  {step['measure']}"
        )
    return "\n".join(lines)


def cmd_report(args: argparse.Namespace) -> int:
    """Write the PDF roadmap of a response file (optionally compared with an earlier round).

    A session's file gets the group's pages, by the same group rules as `score`.
    """
    from assessment.report import build_report

    data, q = _read(args.responses)
    _group_rules_hold(args.responses, data)
    previous = None
    if args.previous:
        previous, earlier_q = _read(args.previous)
        _group_rules_hold(args.previous, previous)
        if (earlier_q.id, earlier_q.version) != (q.id, q.version):
            raise CliError(
                f"{args.previous}: $.questionnaire: the earlier round was answered with "
                f"{earlier_q.id} {earlier_q.version}, this round with {q.id} {q.version}"
            )
    pdf = build_report(data, q, lang=args.lang, previous=previous)
    write_atomically(Path(args.output), pdf)
    print(f"wrote {args.output}")
    return 0


def write_atomically(path: Path, content: bytes) -> None:
    """Write via a temporary file in the same folder, so no partial file is ever left behind."""
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise CliError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)  # mkstemp creates 0600; give the usual permissions
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise CliError(f"{path}: cannot write: {exc.strerror or exc}") from None
        raise


def cmd_demo(args: argparse.Namespace) -> int:
    """Store the demo company's completed check (or write it as a response file)."""
    from assessment.demo import DEMO_QUESTIONNAIRE, demo_response
    from assessment.questionnaire import load_catalogue
    from assessment.responses import dump_responses

    catalogue = load_catalogue()
    if DEMO_QUESTIONNAIRE not in catalogue:
        raise CliError("the SME questionnaire kmu 1.0 is not available")
    q = catalogue[DEMO_QUESTIONNAIRE]
    data = demo_response(q)
    if args.output:
        write_atomically(Path(args.output), dump_responses(data).encode("utf-8"))
        print(f"wrote {args.output}")
        return 0
    from assessment.services.transfer import import_file
    from assessment.storage import engine

    stored = import_file(engine.get_engine(engine.database_url()), data, q)
    print(f"Demo stored: {data.organisation.name}, {data.round.label}")
    print(f"Open it with: {args.base_url.rstrip('/')}/results?t={stored.token}")
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    """Upgrade the database to the newest schema, or print its revision."""
    from assessment import cli_db

    try:
        code, line = cli_db.run(args.db_action, args.db)
    except cli_db.DatabaseProblem as exc:
        raise CliError(str(exc)) from None
    print(line)
    return code


def cmd_export(args: argparse.Namespace) -> int:
    """Write what a link opens as JSON: a round's response file, or an organisation's rounds."""
    from assessment import cli_transfer

    try:
        content, summary = cli_transfer.export(args.link, args.db)
    except cli_transfer.TransferProblem as exc:
        raise CliError(str(exc)) from None
    write_atomically(Path(args.output), content.encode("utf-8"))
    print(f"wrote {args.output} ({summary})")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Store a response file as a new round and print its new links."""
    from assessment import cli_transfer

    try:
        lines = cli_transfer.import_file(args.file, args.db, args.as_new, args.base_url, args.lang)
    except cli_transfer.TransferProblem as exc:
        raise CliError(str(exc)) from None
    print("\n".join(lines))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "validate": cmd_validate,
    "score": cmd_score,
    "plan": cmd_plan,
    "report": cmd_report,
    "export": cmd_export,
    "import": cmd_import,
    "demo": cmd_demo,
    "db": cmd_db,
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="python -m assessment", description="Vielfaltskompass command line"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check questionnaire files (default: all shipped ones)")
    p.add_argument("files", nargs="*", help="questionnaire YAML files")
    p = sub.add_parser("score", help="score a response file")
    p.add_argument("responses", help="response file (JSON)")
    p.add_argument("--format", choices=["json", "table"], default="json")
    p = sub.add_parser("plan", help="print the plan the app would suggest for a response file")
    p.add_argument("responses", help="response file (JSON)")
    p.add_argument("--format", choices=["json", "table"], default="json")
    p = sub.add_parser("report", help="write the PDF roadmap of a response file")
    p.add_argument("responses", help="response file (JSON)")
    p.add_argument("-o", "--output", required=True, help="PDF file to write")
    p.add_argument("--lang", choices=["de", "en"], default="de", help="language of the report")
    p.add_argument("--previous", help="response file of an earlier round to compare with")
    db_help = "database URL (default: $VIELFALTSKOMPASS_DB_URL, else data/vielfaltskompass.db)"
    p = sub.add_parser("export", help="write the round or organisation a link opens as JSON")
    p.add_argument(
        "link", metavar="LINK_OR_TOKEN", help="a private, facilitator or organisation link"
    )
    p.add_argument("-o", "--output", required=True, help="JSON file to write")
    p.add_argument("--db", metavar="URL", help=db_help)
    p = sub.add_parser("import", help="store a response file as a new round; prints its links")
    p.add_argument("file", help="response file (JSON)")
    p.add_argument("--as-new", action="store_true", help="store a changed file as a new round")
    p.add_argument("--db", metavar="URL", help=db_help)
    p.add_argument("--base-url", default="http://localhost:8501", help="the app's address")
    p.add_argument("--lang", choices=["de", "en"], default="de", help="language of the links")
    p = sub.add_parser("demo", help="store the demo company's completed check")
    p.add_argument("-o", "--output", help="write the demo as a response file instead")
    p.add_argument("--base-url", default="http://localhost:8501", help="the app's address")
    p = sub.add_parser("db", help="upgrade the database schema or show its revision")
    db_actions = p.add_subparsers(dest="db_action", required=True)
    for action, text in (
        ("upgrade", "bring the database to the newest schema (creates it if empty)"),
        ("current", "print the schema revision (exit 1 unless it is the newest)"),
    ):
        a = db_actions.add_parser(action, help=text)
        a.add_argument("--db", metavar="URL", help="database URL (default: "
                       "$VIELFALTSKOMPASS_DB_URL, else data/vielfaltskompass.db)")  # fmt: skip
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (CliError, QuestionnaireError, ResponseFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
