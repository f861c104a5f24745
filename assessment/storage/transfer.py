"""Export a round as a portable response file and import one as a new round.

The file carries the round's `uid` as `round.id`, so importing it again is recognised: the same
content raises AlreadyImported, other content under the same id ImportConflict; neither stores
anything unless the caller asks for a new copy (`as_new`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, select, update

from assessment.group_rules import anonymised
from assessment.questionnaire import Questionnaire
from assessment.responses import QuestionnaireRef, Respondent, ResponseFile, RoundInfo
from assessment.storage import answers, plans, respondents, rounds
from assessment.storage import tables as t
from assessment.storage.results import AlreadyImported, ImportConflict, Mode, NewRound
from assessment.storage.transactions import write_transaction


def export_round(engine: Engine, round_id: int, submitted_only: bool = False) -> ResponseFile:
    """The whole round as a portable response file (respondents by label, no tokens, no names).

    With `submitted_only` it holds only those who submitted. An anonymous round's respondents
    carry no role; its anonymous form (`group_rules.anonymised`) is the caller's to apply.
    """
    with engine.connect() as conn:
        return read_export(conn, round_id, submitted_only)


def read_export(conn: Connection, round_id: int, submitted_only: bool = False) -> ResponseFile:
    """The response file of a round, read on an open connection."""
    p, a = t.respondent.c, t.answer.c
    details = rounds.read_round_details(conn, round_id)
    targets = plans.read_targets(conn, round_id)
    chosen = p.round_id == round_id
    if submitted_only:
        chosen = chosen & p.submitted.is_(True)
    people = conn.execute(select(p.id, p.label, p.role).where(chosen).order_by(p.id)).all()
    if details.anonymous:  # an anonymous round never exports who someone is
        people = [(pid, label, "") for pid, label, _ in people]
    rows = conn.execute(
        select(a.respondent_id, a.item_id, a.answered, a.value, a.comment)
        .join(t.respondent, p.id == a.respondent_id)
        .where(chosen)
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
        round=RoundInfo(
            label=details.label,
            date=details.date,
            id=details.uid,
            mode=details.mode,
            anonymous=details.anonymous,
            min_group=details.min_group_size,
        ),
        respondents=[
            Respondent(id=label, role=role, answers=given[pid], comments=remarks[pid])
            for pid, label, role in people
        ],
        targets=targets,
        consensus=_per_area(conn, t.consensus, t.consensus.c.value, round_id),
        notes=_per_area(conn, t.note, t.note.c.text, round_id),
        plan=plan,
    )


def _per_area(conn: Connection, table: Any, column: Any, round_id: int) -> dict[str, Any]:
    rows = conn.execute(
        select(table.c.area, column).where(table.c.round_id == round_id).order_by(table.c.area)
    )
    return dict(rows.all())


def import_round(
    engine: Engine,
    data: ResponseFile,
    q: Questionnaire,
    mode: Mode | None = None,
    anonymous: bool | None = None,
    as_new: bool = False,
) -> NewRound:
    """Store a validated response file as a new round, all or nothing.

    Every respondent gets a new token. The round keeps the file's settings (`round.mode`,
    else "self" for at most one respondent and "session" for more; `round.anonymous`,
    `round.min_group`) unless `mode` or `anonymous` say otherwise, and its `round.id` (a file
    without one gets a fresh uid). If that id is stored already, raise AlreadyImported (same
    content) or ImportConflict (other content) and store nothing; with `as_new` store a copy
    under a fresh uid instead. An anonymous file's comments are stored on its answer sets in
    turn, which its export lists apart again.
    """
    if (data.questionnaire.id, data.questionnaire.version) != (q.id, q.version):
        raise ValueError(
            f"response file is for {data.questionnaire.id} {data.questionnaire.version}, "
            f"not {q.id} {q.version}"
        )
    mode = mode or data.mode
    anonymous = data.round.anonymous if anonymous is None else anonymous
    rounds.check_mode(mode)
    with write_transaction(engine) as conn:
        uid = data.round.id
        existing = _round_with_uid(conn, uid) if uid else None
        if existing is not None:
            if not as_new:
                session = rounds.read_round_details(conn, existing).mode == "session"
                stored = read_export(conn, existing, submitted_only=session)
                if stored.round.anonymous:
                    stored = anonymised(stored)
                if _canonical(stored) == _canonical(data):
                    raise AlreadyImported(existing, uid)  # type: ignore[arg-type]
                raise ImportConflict(existing, uid)  # type: ignore[arg-type]
            uid = None
        org_id, owner_token = rounds.insert_organisation(conn, data.organisation)
        round_id, admin_token, join_token = rounds.insert_round(
            conn, q, org_id, data.round.label, data.round.date, mode, anonymous, uid=uid,
            min_group_size=data.round.min_group,
        )  # fmt: skip
        created = []
        for person, remarks in zip(data.respondents, _comments_by_person(data), strict=True):
            new = respondents.insert_respondent(conn, round_id, person.id, role=person.role)
            answers.insert_answers(conn, new.respondent_id, person.answers, remarks)
            created.append(new)
        # A file holds finished answer sets: each counts as submitted towards the group result.
        conn.execute(
            update(t.respondent).where(t.respondent.c.round_id == round_id).values(submitted=True)
        )
        plans.insert_targets(conn, round_id, data.targets)
        for table, column, values in (
            (t.consensus, "value", data.consensus),
            (t.note, "text", {a: text for a, text in data.notes.items() if text.strip()}),
        ):
            rows = [{"round_id": round_id, "area": a, column: v} for a, v in values.items()]
            if rows:
                conn.execute(table.insert(), rows)
        if data.plan is not None:
            plans.insert_plan(conn, round_id, data.plan)
    return NewRound(round_id, org_id, admin_token, join_token, tuple(created), owner_token)


def _comments_by_person(data: ResponseFile) -> list[dict[str, str]]:
    """Each respondent's comments; an anonymous file's list is dealt out, one per item each."""
    found = [dict(person.comments) for person in data.respondents]
    for comment in data.comments:
        free = next(given for given in found if comment.item not in given)  # validated: fits
        free[comment.item] = comment.text
    return found


def _round_with_uid(conn: Connection, uid: str) -> int | None:
    return conn.scalar(select(t.round.c.id).where(t.round.c.uid == uid))


def _canonical(data: ResponseFile) -> dict[str, Any]:
    """The file as the database would give it back: blank comments are not stored."""
    dump = data.model_dump(mode="json")
    dump["round"]["mode"] = data.mode
    for person in dump["respondents"]:
        person["comments"] = {k: v for k, v in person["comments"].items() if v.strip()}
    dump["comments"] = sorted(dump["comments"], key=lambda c: (c["item"], c["text"]))
    dump["notes"] = {k: v for k, v in dump["notes"].items() if v.strip()}
    return dump
