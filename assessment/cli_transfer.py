"""`python -m assessment export | import`: response files in and out of the database."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from assessment.services import access, reading, transfer
from assessment.services.errors import ServiceError


class TransferProblem(Exception):
    """Bad input or a refused import; the message is one line."""


def _engine(url: str | None) -> Engine:
    from assessment import cli_db
    from assessment.storage import engine as storage_engine

    try:
        return cli_db.open_migrated(storage_engine.database_url(url))
    except cli_db.DatabaseProblem as exc:
        raise TransferProblem(str(exc)) from None


def token_of(link_or_token: str) -> str:
    """The token from a link (`…?t=TOKEN&lang=…`) or a bare token."""
    text = link_or_token.strip()
    if "t=" in text:
        text = text.split("t=", 1)[1].split("&", 1)[0]
    return text.strip()


def export(link_or_token: str, url: str | None) -> tuple[str, str]:
    """The JSON a link exports (a round, or every round of an organisation) and a summary line."""
    from assessment.organisation_file import dump_organisation_file
    from assessment.responses import dump_responses

    engine = _engine(url)
    try:
        visitor = access.resolve(engine, token_of(link_or_token))
        if visitor is None:
            raise TransferProblem("this link or token opens nothing in the database")
        if visitor.role == "owner":
            bundle = reading.export_organisation(engine, visitor)
            return dump_organisation_file(bundle), f"{len(bundle.rounds)} rounds"
        if visitor.role == "respondent" and not visitor.may("export"):
            raise TransferProblem(
                "a session's respondent link exports nothing; use the facilitator's"
            )
        data = reading.export_round(engine, visitor)
        return dump_responses(data), f"round {data.round.label}"
    except ServiceError as exc:
        raise TransferProblem(f"cannot export: {exc}") from None
    finally:
        engine.dispose()


def app_link(base_url: str, url_path: str, token: str, lang: str) -> str:
    """A capability link as the app writes it: page, token and the language to open it in."""
    return f"{base_url.rstrip('/')}/{url_path}?t={token}&lang={lang}"


def import_file(
    path: str, url: str | None, as_new: bool, base_url: str, lang: str = "de"
) -> list[str]:
    """Store a response file as a new round; the lines naming its new links (in `lang`)."""
    from assessment.questionnaire import load_catalogue

    try:
        content = Path(path).read_bytes()
    except OSError as exc:
        raise TransferProblem(f"{path}: cannot read file: {exc.strerror}") from None
    try:
        data, q = transfer.read_file(content, path, load_catalogue())
    except transfer.InvalidFile as exc:
        raise TransferProblem(exc.lines[0] + (" …" if len(exc.lines) > 1 else "")) from None
    engine = _engine(url)
    try:
        new = transfer.import_file(engine, data, q, as_new=as_new).new
    except transfer.AlreadyImported:
        raise TransferProblem(f"{path}: imported before and unchanged; nothing stored") from None
    except transfer.ImportConflict:
        raise TransferProblem(
            f"{path}: a round with this id is stored with other content; "
            "nothing stored (use --as-new to import it as a new round)"
        ) from None
    except ServiceError as exc:
        raise TransferProblem(f"{path}: not imported: {exc}") from None
    finally:
        engine.dispose()
    lines = [f"imported {data.organisation.name}, {data.round.label}"]
    if len(new.respondents) == 1:
        token = new.respondents[0].token
        lines.append(f"respondent link: {app_link(base_url, 'questionnaire', token, lang)}")
    lines.append(f"facilitator link: {app_link(base_url, 'results', new.admin_token, lang)}")
    if new.owner_token:
        lines.append(f"organisation link: {app_link(base_url, 'profile', new.owner_token, lang)}")
    return lines
