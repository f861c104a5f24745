"""Export a round as a portable response file and import one as a new round.

The file carries the round's `uid` as `round.id`, so importing it again is recognised: the same
content raises AlreadyImported, other content under the same id ImportConflict; neither stores
anything unless the caller asks for a new copy (`as_new`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, select, update

from assessment.questionnaire import Questionnaire
from assessment.responses import QuestionnaireRef, Respondent, ResponseFile, RoundInfo
from assessment.storage import answers, plans, respondents, rounds
from assessment.storage import tables as t
from assessment.storage.results import AlreadyImported, ImportConflict, Mode, NewRound
from assessment.storage.transactions import write_transaction


def export_round(engine: Engine, round_id: int) -> ResponseFile:
    """The whole round as a portable response file (respondents by label, no tokens, no names)."""
    with engine.connect() as conn:
        return read_export(conn, round_id)


def read_export(conn: Connection, round_id: int) -> ResponseFile:
    """The response file of a round, read on an open connection."""
    p, a = t.respondent.c, t.answer.c
    details = rounds.read_round_details(conn, round_id)
    targets = plans.read_targets(conn, round_id)
    people = conn.execute(
        select(p.id, p.label, p.role).where(p.round_id == round_id).order_by(p.id)
    ).all()
    if details.anonymous:  # an anonymous round never exports who someone is
        people = [(pid, label, "") for pid, label, _ in people]
    rows = conn.execute(
        select(a.respondent_id, a.item_id, a.answered, a.value, a.comment)
        .join(t.respondent, p.id == a.respondent_id)
        .where(p.round_id == round_id)
        .order_by(a.respondent_id, a.item_id)
    ).all()
    plan = plans.read_plan(conn, round_id)
    given: dict[int, dict[str, int | None]] = {pid: {} for pid, _, _ in people}
    remarks: dict[int, dict[str, str]] = {pid: {} for pid, _, _ in people}
    for pid, item, answered, value, comment in rows:
        if answered:
            given[pid][item] = value
        if comment:
            remarks[pid][item] = comment
    return ResponseFile(
        questionnaire=QuestionnaireRef(
            id=details.questionnaire_id, version=details.questionnaire_version
        ),
        organisation=details.organisation,
        round=RoundInfo(label=details.label, date=details.date, id=details.uid),
        respondents=[
            Respondent(id=label, role=role, answers=given[pid], comments=remarks[pid])
            for pid, label, role in people
        ],
        targets=targets,
        plan=plan,
    )


def import_round(
    engine: Engine,
    data: ResponseFile,
    q: Questionnaire,
    mode: Mode | None = None,
    anonymous: bool = False,
    as_new: bool = False,
) -> NewRound:
    """Store a validated response file as a new round, all or nothing.

    Every respondent gets a new token. `mode` defaults to "self" for at most one respondent,
    else "session". The round keeps the file's `round.id` (a file without one gets a fresh
    uid). If that id is stored already, raise AlreadyImported (same content) or ImportConflict
    (other content) and store nothing; with `as_new` store a copy under a fresh uid instead.
    """
    if (data.questionnaire.id, data.questionnaire.version) != (q.id, q.version):
        raise ValueError(
            f"response file is for {data.questionnaire.id} {data.questionnaire.version}, "
            f"not {q.id} {q.version}"
        )
    mode = mode or ("self" if len(data.respondents) <= 1 else "session")
    rounds.check_mode(mode)
    with write_transaction(engine) as conn:
        uid = data.round.id
        existing = _round_with_uid(conn, uid) if uid else None
        if existing is not None:
            if not as_new:
                stored = _canonical(read_export(conn, existing))
                if stored == _canonical(data):
                    raise AlreadyImported(existing, uid)  # type: ignore[arg-type]
                raise ImportConflict(existing, uid)  # type: ignore[arg-type]
            uid = None
        org_id, owner_token = rounds.insert_organisation(conn, data.organisation)
        round_id, admin_token, join_token = rounds.insert_round(
            conn, q, org_id, data.round.label, data.round.date, mode, anonymous, uid=uid
        )
        created = []
        for person in data.respondents:
            new = respondents.insert_respondent(conn, round_id, person.id, role=person.role)
            answers.insert_answers(conn, new.respondent_id, person.answers, person.comments)
            created.append(new)
        # A file holds finished answer sets: each counts as submitted towards the group result.
        conn.execute(
            update(t.respondent).where(t.respondent.c.round_id == round_id).values(submitted=True)
        )
        plans.insert_targets(conn, round_id, data.targets)
        if data.plan is not None:
            plans.insert_plan(conn, round_id, data.plan)
    return NewRound(round_id, org_id, admin_token, join_token, tuple(created), owner_token)


def _round_with_uid(conn: Connection, uid: str) -> int | None:
    return conn.scalar(select(t.round.c.id).where(t.round.c.uid == uid))


def _canonical(data: ResponseFile) -> dict[str, Any]:
    """The file as the database would give it back: blank comments are not stored."""
    dump = data.model_dump(mode="json")
    for person in dump["respondents"]:
        person["comments"] = {k: v for k, v in person["comments"].items() if v.strip()}
    return dump
