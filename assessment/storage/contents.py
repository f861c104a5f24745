"""What an organisation holds, counted: the confirmation before deleting it names these."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, func, select

from assessment.storage import tables as t
from assessment.storage.history import read_organisation


@dataclass(frozen=True)
class RoundContents:
    """How many rounds, respondents, answers and plans the organisation's rounds hold."""

    rounds: int
    respondents: int
    answers: int
    plans: int


@dataclass(frozen=True)
class OrganisationContents:
    """The organisation's name and how many units, rounds, respondents, answers, plans it has."""

    name: str
    units: int
    rounds: int
    respondents: int
    answers: int
    plans: int


def round_contents(engine: Engine, organisation_id: int) -> RoundContents:
    """Count what the organisation's rounds hold (one query; it grows with the answers).

    Every write to a round bumps its revision, so the count can be cached by `history_key`.
    """
    r, p, a, c = t.round.c, t.respondent.c, t.answer.c, t.action.c
    own = select(r.id).where(r.organisation_id == organisation_id).scalar_subquery()
    people = select(p.id).where(p.round_id.in_(own)).scalar_subquery()
    stmt = select(
        select(func.count(r.id)).where(r.organisation_id == organisation_id).scalar_subquery(),
        select(func.count(p.id)).where(p.round_id.in_(own)).scalar_subquery(),
        select(func.count()).select_from(t.answer).where(a.respondent_id.in_(people))
        .scalar_subquery(),
        select(func.count(func.distinct(c.round_id))).where(c.round_id.in_(own))
        .scalar_subquery(),
    )  # fmt: skip
    with engine.connect() as conn:
        rounds, respondents, answers, plans = conn.execute(stmt).one()
    return RoundContents(int(rounds), int(respondents), int(answers), int(plans))


def organisation_contents(
    engine: Engine, organisation_id: int, held: RoundContents
) -> OrganisationContents:
    """The organisation's name and units (read now) with what its rounds hold (NotFound if unknown).

    Units are read here, not cached with `held`: adding one bumps no round's revision.
    """
    u = t.unit.c
    stmt = select(func.count(u.id)).where(u.organisation_id == organisation_id)
    with engine.connect() as conn:
        name = read_organisation(conn, organisation_id).name
        units = conn.execute(stmt).scalar_one()
    return OrganisationContents(
        name, int(units), held.rounds, held.respondents, held.answers, held.plans
    )
