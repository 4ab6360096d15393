"""Which of a leaving colleague's ties move in a handover, to whom, and how two ties with the same party
become one (:mod:`lib.planning.handover` holds the rules; :mod:`lib.planning.handover_routes` says
where each tie goes when partnerships are chosen per colleague)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.db import Organisation, Person, Relation
from lib.planning.handover_routes import Route, Routes

#: The relation columns a handover may change, and whose values it keeps for undoing.
TIE_FIELDS = (
    "from_person_id",
    "to_person_id",
    "owner_id",
    "strength",
    "weight",
    "first_contact",
    "last_contact",
    "notes",
    "updated_at",
)
#: Of those, the ones undo compares with what the handover left (``updated_at`` moves with any save).
CHECKED = TIE_FIELDS[:-1]


@dataclass(frozen=True)
class TieMove:
    """One relation handed over: the ``party`` at its other end (its name; "A – B" for a tie held
    between two others, ``party_kind`` "tie"), its kind, strength and last contact, to whom, and, when
    the new holder already had one, the relation it is merged into with the values it ends up with."""

    relation_id: int
    party: str
    party_kind: str
    relation_kind: str
    strength: int | None
    last_contact: dt.date | None
    to_id: int
    merged_into: int | None = None
    strength_after: int | None = None
    last_contact_after: dt.date | None = None
    reason: str = "all"
    partnerships: tuple[str, ...] = ()


def _end_label(session: Session, person_id: int | None, organisation_id: int | None) -> str:
    if person_id is not None:
        person = session.get(Person, person_id)
        return person.name if person is not None else str(person_id)
    organisation = session.get(Organisation, organisation_id)
    return organisation.name if organisation is not None else str(organisation_id)


def _other_end(relation: Relation, person_id: int) -> tuple[int | None, int | None]:
    if relation.from_person_id == person_id:
        return relation.to_person_id, relation.to_organisation_id
    return relation.from_person_id, relation.from_organisation_id


def _bigger(a: Any, b: Any) -> Any:
    return max((v for v in (a, b) if v is not None), default=None)


def _smaller(a: Any, b: Any) -> Any:
    return min((v for v in (a, b) if v is not None), default=None)


@dataclass
class TieWork:
    """How each relation changes: ``{relation id: {field: new value}}``, and the relations that go."""

    changes: dict[int, dict[str, Any]] = field(default_factory=dict)
    deleted: list[int] = field(default_factory=list)


def _tie_route(routes: Routes, relation: Relation, at_end: bool, other: tuple[int | None, int | None]) -> Route:
    """Where a tie goes: by the party at its other end, or, for a tie held between two others, by both."""
    if at_end:
        return routes.route(routes.party(*other))
    ends = (
        (relation.from_person_id, relation.from_organisation_id),
        (relation.to_person_id, relation.to_organisation_id),
    )
    return routes.route(routes.party(*ends[0]) | routes.party(*ends[1]))


@requires("view_contacts")
def tie_work(session: Session, from_id: int, routes: Routes, staff_ids: set[int]) -> tuple[list[TieMove], TieWork, int]:
    """The ties of ``from_id`` that move (to whom: ``routes``), how the relations change, and how many
    ties with colleagues (``staff_ids``) stay. A tie merges into the receiver's own with the same party
    and kind: the stronger strength and weight, the fresher last contact, the earlier first contact."""
    relations = list(
        session.scalars(
            select(Relation)
            .where(
                or_(Relation.from_person_id == from_id, Relation.to_person_id == from_id, Relation.owner_id == from_id)
            )
            .order_by(Relation.id)
        )
    )
    receivers = {routes.main, *routes.receivers.values()}
    # Each receiver's own relations, by (receiver, the other end, kind): what a moved tie merges into.
    theirs: dict[tuple[int, int | None, int | None, str], Relation] = {}
    for relation in session.scalars(
        select(Relation)
        .where(or_(Relation.from_person_id.in_(receivers), Relation.to_person_id.in_(receivers)))
        .order_by(Relation.id)
    ):
        for receiver in {relation.from_person_id, relation.to_person_id} & receivers:
            assert receiver is not None
            theirs.setdefault((receiver, *_other_end(relation, receiver), relation.kind), relation)
    moves: list[TieMove] = []
    work = TieWork()
    colleague_ties = 0
    for relation in relations:
        at_end = from_id in (relation.from_person_id, relation.to_person_id)
        other_person: int | None = None
        other_org: int | None = None
        if at_end:
            other_person, other_org = _other_end(relation, from_id)
            if other_person is not None and (other_person in staff_ids or other_person in receivers | {from_id}):
                colleague_ties += 1
                continue
            party = _end_label(session, other_person, other_org)
            kind = "organisation" if other_org is not None else "contact"
        else:
            ends = (
                (relation.from_person_id, relation.from_organisation_id),
                (relation.to_person_id, relation.to_organisation_id),
            )
            party = " – ".join(_end_label(session, *end) for end in ends)
            kind = "tie"
        route = _tie_route(routes, relation, at_end, (other_person, other_org))
        to_id = route.to_id
        new: dict[str, Any] = {}
        if relation.from_person_id == from_id:
            new["from_person_id"] = to_id
        if relation.to_person_id == from_id:
            new["to_person_id"] = to_id
        if relation.owner_id == from_id:
            new["owner_id"] = to_id
        key = (to_id, other_person, other_org, relation.kind)
        existing = theirs.get(key) if at_end else None
        merged_into = None
        if existing is not None and existing.id != relation.id:
            merged = work.changes.setdefault(existing.id, {})
            current = {name: merged.get(name, getattr(existing, name)) for name in CHECKED}
            merged.update(
                strength=_bigger(current["strength"], relation.strength),
                weight=_bigger(current["weight"], relation.weight),
                last_contact=_bigger(current["last_contact"], relation.last_contact),
                first_contact=_smaller(current["first_contact"], relation.first_contact),
                notes=current["notes"] or relation.notes,
            )
            work.deleted.append(relation.id)
            merged_into = existing.id
        else:
            work.changes.setdefault(relation.id, {}).update(new)
            if at_end:
                theirs.setdefault(key, relation)
        moves.append(
            TieMove(
                relation.id,
                party,
                kind,
                relation.kind,
                relation.strength,
                relation.last_contact,
                to_id,
                merged_into,
                reason=route.reason,
                partnerships=route.partnerships,
            )
        )
    # A merged-into relation of the new holder shows its final values on every move merged into it.
    final = work.changes
    moves = [
        move
        if move.merged_into is None
        else replace(
            move,
            strength_after=final[move.merged_into]["strength"],
            last_contact_after=final[move.merged_into]["last_contact"],
        )
        for move in moves
    ]
    moves.sort(key=lambda m: (m.party_kind == "tie", m.party.casefold(), m.relation_id))
    return moves, work, colleague_ties


__all__ = ["CHECKED", "TIE_FIELDS", "TieMove", "TieWork", "tie_work"]
