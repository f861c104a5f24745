"""Institution types: which statements a kind of institution sees, and the rules they obey."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assessment.problems import at

if TYPE_CHECKING:
    from assessment.questionnaire.model import Item, Questionnaire

#: Every kind of institution sees at least this many statements in each area.
MIN_ITEMS_PER_TYPE = 6


def applies(item: Item, type_id: str | None) -> bool:
    """Whether `item` is shown to institutions of kind `type_id` (None: no kind chosen)."""
    return item.applies_to is None or type_id is None or type_id in item.applies_to


def check_institution_types(q: Questionnaire) -> None:
    """Every `applies_to` names a known type; each type sees enough statements in every area."""
    known = [t.id for t in q.institution_types]
    if len(set(known)) != len(known):
        raise at("institution_types", "a type id is used more than once")
    if q.institution_type is not None and q.institution_type not in known:
        raise at("institution_type", f"unknown institution type {q.institution_type!r}")
    for d, dimension in enumerate(q.dimensions):
        for i, item in enumerate(dimension.items):
            for type_id in item.applies_to or ():
                if type_id not in known:
                    raise at(
                        f"dimensions.{d}.items.{i}.applies_to",
                        f"unknown institution type {type_id!r}; "
                        f"known: {', '.join(known) or 'none'}",
                    )
    if q.institution_type is not None:
        return  # a round's copy holds only its own kind's statements
    for type_id in known:
        for d, dimension in enumerate(q.dimensions):
            count = sum(applies(item, type_id) for item in dimension.items)
            if count < MIN_ITEMS_PER_TYPE:
                raise at(
                    f"dimensions.{d}.items",
                    f"institution type {type_id!r} sees only {count} statements in "
                    f"{dimension.id!r}; each type needs at least {MIN_ITEMS_PER_TYPE} per area",
                )


def data_for_type(q: Questionnaire, type_id: str) -> dict[str, Any]:
    """`q` as data with only the statements for `type_id`; measures lose links to the others.

    A measure all of whose statements were removed is removed too: it is about something that
    institution does not do; measures that required it no longer wait for it.
    """
    if type_id not in {t.id for t in q.institution_types}:
        raise ValueError(f"unknown institution type {type_id!r}")
    kept = {i.id for d in q.dimensions for i in d.items if applies(i, type_id)}
    data = q.model_dump()
    for dimension in data["dimensions"]:
        dimension["items"] = [i for i in dimension["items"] if i["id"] in kept]
    measures = []
    for measure in data["measures"]:
        linked = [i for i in measure["items"] if i in kept]
        if not measure["items"] or linked:
            measures.append({**measure, "items": linked})
    remaining = {m["id"] for m in measures}
    # A removed measure is no longer a step another one has to wait for.
    data["measures"] = [
        {**m, "requires": [r for r in m["requires"] if r in remaining]} for m in measures
    ]
    data["institution_type"] = type_id
    return data


def view_for(q: Questionnaire, institution_type: str | None) -> Questionnaire:
    """The questionnaire as institutions of kind `institution_type` answer it.

    A questionnaire with institution types needs one of them; one without takes none.
    Raises ValueError naming the kinds it knows.
    """
    if q.institution_type is not None:  # already one kind's view
        if institution_type in (None, q.institution_type):
            return q
        raise ValueError(f"this copy holds the statements for {q.institution_type!r} only")
    kinds = [t.id for t in q.institution_types]
    if not kinds:
        if institution_type is not None:
            raise ValueError(f"{q.id} {q.version} has no institution types")
        return q
    if institution_type is None:
        raise ValueError(f"{q.id} {q.version} needs an institution type: {', '.join(kinds)}")
    if institution_type not in kinds:
        raise ValueError(
            f"unknown institution type {institution_type!r}; known: {', '.join(kinds)}"
        )
    return q.for_type(institution_type)
