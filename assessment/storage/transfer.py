"""Export a round as a portable response file and import one as a new round."""

from __future__ import annotations

from sqlalchemy import Engine, select

from assessment.questionnaire import Questionnaire
from assessment.responses import QuestionnaireRef, Respondent, ResponseFile, RoundInfo
from assessment.storage import answers, plans, respondents, rounds
from assessment.storage import tables as t
from assessment.storage.results import Mode, NewRound
from assessment.storage.transactions import write_transaction


def export_round(engine: Engine, round_id: int) -> ResponseFile:
    """The whole round as a portable response file (respondents by label, no tokens, no names)."""
    p, a = t.respondent.c, t.answer.c
    with engine.connect() as conn:
        details = rounds.read_round_details(conn, round_id)
        targets = plans.read_targets(conn, round_id)
        people = conn.execute(
            select(p.id, p.label, p.role).where(p.round_id == round_id).order_by(p.id)
        ).all()
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
        round=RoundInfo(label=details.label, date=details.date),
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
) -> NewRound:
    """Store a validated response file as a new round, all or nothing.

    Every respondent gets a new token. `mode` defaults to "self" for at most one respondent,
    else "session".
    """
    if (data.questionnaire.id, data.questionnaire.version) != (q.id, q.version):
        raise ValueError(
            f"response file is for {data.questionnaire.id} {data.questionnaire.version}, "
            f"not {q.id} {q.version}"
        )
    mode = mode or ("self" if len(data.respondents) <= 1 else "session")
    rounds.check_mode(mode)
    with write_transaction(engine) as conn:
        org_id = rounds.save_organisation(conn, data.organisation, None)
        round_id, admin_token, join_token = rounds.insert_round(
            conn, q, org_id, data.round.label, data.round.date, mode, anonymous
        )
        created = []
        for person in data.respondents:
            new = respondents.insert_respondent(conn, round_id, person.id, role=person.role)
            answers.insert_answers(conn, new.respondent_id, person.answers, person.comments)
            created.append(new)
        plans.insert_targets(conn, round_id, data.targets)
        if data.plan is not None:
            plans.insert_plan(conn, round_id, data.plan)
    return NewRound(round_id, org_id, admin_token, join_token, tuple(created))
