"""Handover ("Overdragelse"): one step that hands what a colleague holds to one or more colleagues.

When a staff member leaves or changes job, :func:`apply_handover` moves, in one transaction:

ties
    Every relation the leaving colleague (``from``) has with a contact or an organisation gets the new
    holder (``to``) at that end instead, with its strength, kind and dates. When ``to`` already has a
    relation of the same kind with the same party, the two become one: ``to``'s own relation keeps the
    stronger strength (and weight), the fresher last contact and the earlier first contact, and
    ``from``'s relation goes. Relations ``from`` holds between two others (``Relation.owner_id``) get
    ``to`` as holder. Ties between ``from`` and a colleague are not handed over (a colleague cannot
    inherit a tie with themselves, and a tie between colleagues is no way in for the library).
    (:mod:`lib.planning.handover_ties`.)
partnerships
    ``Partnership.owner_id``: the partnership, and with it its reviews, agreement end, contact
    rhythm and evaluation rounds ("Mine opgaver", :mod:`lib.planning.tasks`). Each partnership goes to
    ``to``, or to the colleague chosen for it (``per_partnership``). Chosen per partnership, the ties
    and goals that belong to a partnership go with it (:mod:`lib.planning.handover_routes`; each move
    carries why it goes where it goes), and the rest to ``to``.
goals
    ``Goal.owner_id``, and with it the goal's measurements as tasks.
strength offers
    ``StrengthOffer.contact_person_id``: whom partners ask about what the library can offer.

History stays as it happened: contacts ``from`` logged in a partnership's contact log, assessments
and decisions they made. With ``end_staff`` the leaving colleague is taken off the staff list
(``is_staff`` false, no staff role).

The preview (:func:`plan_handover`) and the change are the same plan: :func:`apply_handover` works it
out again inside its write and stores exactly that. The change is logged as one event
(``handover_applied``) that carries the values it replaced (``restore``), as an import batch carries
its changes (``lib.ingest.state.jsonable``); :func:`undo_handover` puts them back, exactly, or refuses
(``UndoNotPossible``) when the records have been changed since, which undoing would silently throw
away. The write renews the data revision, so the single-person dependencies
(:func:`lib.library.staff.single_person_dependencies`) and the way in (:mod:`lib.network.way_in`) name
the new holder at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, cast

from sqlalchemy import Date, DateTime, insert, select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import UndoNotPossible, ValidationFailed
from lib.db import Event, Goal, Partnership, Person, Relation, StrengthOffer, log_event
from lib.ingest.state import from_jsonable, jsonable
from lib.network.nodes import person_node, record_id
from lib.planning.handover_routes import Route, Routes, handover_routes
from lib.planning.handover_ties import CHECKED, TIE_FIELDS, TieMove, TieWork, tie_work
from lib.planning.tasks import Task, tasks

APPLIED = "handover_applied"
UNDONE = "handover_undone"
ENTITY = "person"
#: The records that get a new owner (or contact person), and the column that names them.
_OWNED: dict[str, type[Partnership] | type[Goal] | type[StrengthOffer]] = {
    "partnership": Partnership,
    "goal": Goal,
    "offer": StrengthOffer,
}
_OWNER_COLUMN = {"partnership": "owner_id", "goal": "owner_id", "offer": "contact_person_id"}


@dataclass(frozen=True)
class OwnedMove:
    """A partnership, goal or strength offer (``kind``) that gets a new owner or contact person, and
    why it goes to them (``reason`` and ``partnerships``, as :class:`lib.planning.handover_routes.Route`)."""

    kind: str
    entity_id: int
    title: str
    to_id: int
    reason: str = "all"
    partnerships: tuple[str, ...] = ()


@dataclass(frozen=True)
class TaskMove:
    """A task of "Mine opgaver" due by the end of the month that becomes ``to_id``'s."""

    task: Task
    to_id: int


@dataclass(frozen=True)
class HandoverPlan:
    """What a handover moves from ``from_id`` to ``to_id`` (and, per partnership, to others)."""

    from_id: int
    from_name: str
    to_id: int
    names: Mapping[int, str]
    ties: tuple[TieMove, ...]
    partnerships: tuple[OwnedMove, ...]
    goals: tuple[OwnedMove, ...]
    offers: tuple[OwnedMove, ...]
    tasks: tuple[TaskMove, ...]
    end_staff: bool = False
    colleague_ties: int = 0
    #: True when partnerships were given to other colleagues, and ties and goals follow them.
    chosen: bool = False
    event_id: int | None = field(default=None, compare=False)

    def name(self, person_id: int) -> str:
        return self.names.get(person_id, str(person_id))

    @property
    def receivers(self) -> tuple[int, ...]:
        """Everyone who receives something, the main receiver first."""
        others = {to_id for moves in self._groups().values() for to_id in moves} - {self.to_id}
        return (self.to_id, *sorted(others, key=lambda i: (self.name(i).casefold(), i)))

    def by_receiver(self) -> dict[int, dict[str, int]]:
        """How many ties, partnerships, goals, strength offers and tasks each receiver gets."""
        groups = self._groups()
        return {
            receiver: {name: to_ids.count(receiver) for name, to_ids in groups.items()} for receiver in self.receivers
        }

    def _groups(self) -> dict[str, list[int]]:
        """To whom each tie, partnership, goal, strength offer and task goes."""
        return {
            "ties": [move.to_id for move in self.ties],
            "partnerships": [move.to_id for move in self.partnerships],
            "goals": [move.to_id for move in self.goals],
            "strength_offers": [move.to_id for move in self.offers],
            "tasks": [move.to_id for move in self.tasks],
        }

    @property
    def empty(self) -> bool:
        return not (self.ties or self.partnerships or self.goals or self.offers or self.end_staff)

    def counts(self) -> dict[str, int]:
        return {
            "ties": len(self.ties),
            "merged": sum(1 for tie in self.ties if tie.merged_into is not None),
            "partnerships": len(self.partnerships),
            "goals": len(self.goals),
            "offers": len(self.offers),
            "tasks": len(self.tasks),
            "colleague_ties": self.colleague_ties,
        }

    def to_json(self, people: Mapping[int, str | None] | None = None) -> dict[str, Any]:
        """The plan for scripts: ``from``, ``to`` (e-mails when ``people`` maps ids to them, else
        names), and the lists of what moves."""

        def who(person_id: int) -> str:
            return (people or {}).get(person_id) or self.name(person_id)

        def owned(moves: Iterable[OwnedMove]) -> list[dict[str, Any]]:
            return [{"id": m.entity_id, "title": m.title, "to": who(m.to_id), **_why(m)} for m in moves]

        return {
            "from": who(self.from_id),
            "to": [who(i) for i in self.receivers],
            "ties": [
                {
                    "relation_id": tie.relation_id,
                    "party": tie.party,
                    "kind": tie.relation_kind,
                    "strength": tie.strength,
                    "last_contact": tie.last_contact.isoformat() if tie.last_contact else None,
                    "to": who(tie.to_id),
                    "merged_into": tie.merged_into,
                    **_why(tie),
                }
                for tie in self.ties
            ],
            "partnerships": owned(self.partnerships),
            "goals": owned(self.goals),
            "strength_offers": owned(self.offers),
            "tasks": [
                {"kind": m.task.kind, "title": m.task.title, "due": m.task.due.isoformat(), "to": who(m.to_id)}
                for m in self.tasks
            ],
            "end_staff": self.end_staff,
            "handover": self.event_id,
            "by_receiver": {who(receiver): counts for receiver, counts in self.by_receiver().items()},
        }


def _why(move: TieMove | OwnedMove) -> dict[str, Any]:
    """Why a tie, goal or offer goes where it goes, for scripts: nothing when everything goes to one."""
    if move.reason == "all":
        return {}
    return {"reason": move.reason, "because_of": list(move.partnerships)}


# --- checking who ----------------------------------------------------------------------------------


def _staff(session: Session, person_id: object, key: str) -> Person:
    person = session.get(Person, person_id) if isinstance(person_id, int) and not isinstance(person_id, bool) else None
    if person is None:
        raise ValidationFailed("handover.unknown_person", field=key, value=person_id)
    if not person.is_staff:
        raise ValidationFailed(f"handover.{key}_not_staff", field=key, value=person_id, name=person.name)
    return person


@requires("view_contacts")
def staff_by_email(session: Session, email: str) -> int:
    """The id of the person with ``email`` (any case); refused with a message when there is none.
    Whether they are staff is checked by :func:`plan_handover`."""
    folded = (email or "").strip().casefold()
    found = session.scalars(select(Person.id).where(Person.email == folded)).first() if folded else None
    if found is None:
        raise ValidationFailed("handover.unknown_email", field="email", value=email)
    return found


# --- the plan -------------------------------------------------------------------------------------


def _partnership_receivers(
    session: Session, owned: list[Partnership], from_id: int, to_id: int, per_partnership: Mapping[int, int]
) -> dict[int, int]:
    ids = {p.id for p in owned}
    for partnership_id, receiver in per_partnership.items():
        if partnership_id not in ids:
            raise ValidationFailed("handover.not_their_partnership", field="partnership", value=partnership_id)
        if receiver == from_id:
            raise ValidationFailed("handover.same_person", field="partnership", value=partnership_id)
        _staff(session, receiver, "to")
    return {p.id: per_partnership.get(p.id, to_id) for p in owned}


@requires("view_contacts")
def plan_handover(
    session: Session,
    from_id: int,
    to_id: int,
    *,
    per_partnership: Mapping[int, int] | None = None,
    end_staff: bool = False,
    today: dt.date | None = None,
) -> HandoverPlan:
    """What handing ``from_id``'s ties, partnerships, goals and strength offers to ``to_id`` would move
    (rules in the module notes); ``per_partnership`` gives some partnerships to other colleagues
    (``{partnership id: staff id}``). Nothing is changed. Refused (``ValidationFailed``) when either is
    no staff member, when they are the same person, or when a chosen partnership is not ``from_id``'s.
    ``today`` dates the tasks that move (those due by the end of its month)."""
    return _plan(session, from_id, to_id, per_partnership, end_staff, today)[0]


def _plan(
    session: Session,
    from_id: int,
    to_id: int,
    per_partnership: Mapping[int, int] | None,
    end_staff: bool,
    today: dt.date | None,
) -> tuple[HandoverPlan, TieWork]:
    today = today or dt.date.today()
    if from_id == to_id:
        raise ValidationFailed("handover.same_person", field="to", value=to_id)
    leaving = _staff(session, from_id, "from")
    _staff(session, to_id, "to")
    per_partnership = dict(per_partnership or {})
    staff: dict[int, str] = {
        row.id: row.name for row in session.execute(select(Person.id, Person.name).where(Person.is_staff.is_(True)))
    }
    owned = list(session.scalars(select(Partnership).where(Partnership.owner_id == from_id).order_by(Partnership.id)))
    receivers = _partnership_receivers(session, owned, from_id, to_id, per_partnership)
    chosen = any(receiver != to_id for receiver in receivers.values())
    titles = {p.id: p.title for p in owned}
    routes = handover_routes(session, to_id, receivers, titles, chosen=chosen, today=today)
    moves, work, colleague_ties = tie_work(session, leaving.id, routes, set(staff))
    partnerships = tuple(
        OwnedMove("partnership", p.id, p.title, receivers[p.id])
        for p in sorted(owned, key=lambda p: (p.closed, p.title.casefold(), p.id))
    )
    goal_routes = {
        g.id: (g.title, routes.goal(g.id))
        for g in session.scalars(select(Goal).where(Goal.owner_id == from_id).order_by(Goal.title, Goal.id))
    }
    goals = tuple(
        OwnedMove("goal", goal_id, title, route.to_id, route.reason, route.partnerships)
        for goal_id, (title, route) in goal_routes.items()
    )
    offer_route = routes.route(())
    offers = tuple(
        OwnedMove("offer", o.id, o.title, to_id, offer_route.reason)
        for o in session.scalars(
            select(StrengthOffer).where(StrengthOffer.contact_person_id == from_id).order_by(StrengthOffer.title)
        )
    )
    moving = (
        TaskMove(task, _task_receiver(task, from_id, routes, goal_routes))
        for task in tasks(session, today, holder_id=from_id)
    )
    plan = HandoverPlan(
        from_id=from_id,
        from_name=leaving.name,
        to_id=to_id,
        names=staff,
        ties=tuple(moves),
        partnerships=partnerships,
        goals=goals,
        offers=offers,
        tasks=tuple(moving),
        end_staff=bool(end_staff),
        colleague_ties=colleague_ties,
        chosen=chosen,
    )
    return plan, work


def _task_receiver(task: Task, from_id: int, routes: Routes, goals: Mapping[int, tuple[str, Route]]) -> int:
    """Who does a task from now on: the receiver of its partnership, of its goal or of its tie."""
    if task.partnership_id is not None:
        return routes.receivers.get(task.partnership_id, routes.main)
    if task.goal_id is not None and task.goal_id in goals:
        return goals[task.goal_id][1].to_id
    if task.ends is not None:
        belongs: set[int] = set()
        for end in task.ends:
            number = record_id(end)
            if end != person_node(from_id) and number is not None:
                belongs |= routes.party(number, None) if end.startswith("P") else routes.party(None, number)
        return routes.route(belongs).to_id
    return routes.main


# --- applying and undoing -------------------------------------------------------------------------


def _owned(session: Session, kind: str, record_id: int) -> Partnership | Goal | StrengthOffer | None:
    return cast("Partnership | Goal | StrengthOffer | None", session.get(_OWNED[kind], record_id))


def _row(relation: Relation) -> dict[str, Any]:
    return {column.name: getattr(relation, column.key) for column in Relation.__table__.columns}


@requires("edit")
def apply_handover(
    session: Session,
    from_id: int,
    to_id: int,
    *,
    per_partnership: Mapping[int, int] | None = None,
    end_staff: bool = False,
    today: dt.date | None = None,
    actor: str | None = None,
) -> HandoverPlan:
    """Hand over as :func:`plan_handover` shows it, inside the caller's write, logged as one event
    whose id the returned plan carries (``event_id``: what :func:`undo_handover` takes)."""
    plan, work = _plan(session, from_id, to_id, per_partnership, end_staff, today)
    if plan.empty:
        raise ValidationFailed("handover.nothing", field="from", value=from_id, name=plan.from_name)
    restore: dict[str, Any] = {"relations": [], "deleted": [], "owners": [], "person": None}
    for relation_id, values in work.changes.items():
        relation = session.get(Relation, relation_id)
        assert relation is not None  # read in this transaction a moment ago
        before = {name: getattr(relation, name) for name in TIE_FIELDS}
        for name, value in values.items():
            setattr(relation, name, value)
        after = {name: getattr(relation, name) for name in CHECKED}
        restore["relations"].append({"id": relation_id, "before": jsonable(before), "after": jsonable(after)})
    for relation_id in work.deleted:
        relation = session.get(Relation, relation_id)
        assert relation is not None
        restore["deleted"].append(jsonable(_row(relation)))
        session.delete(relation)
    for move in (*plan.partnerships, *plan.goals, *plan.offers):
        record = _owned(session, move.kind, move.entity_id)
        assert record is not None
        restore["owners"].append(
            {"kind": move.kind, "id": move.entity_id, "before": from_id, "after": move.to_id}
            | jsonable({"updated_at": record.updated_at})
        )
        setattr(record, _OWNER_COLUMN[move.kind], move.to_id)
    if end_staff:
        person = session.get(Person, from_id)
        assert person is not None
        restore["person"] = {"is_staff": person.is_staff, "staff_role": person.staff_role}
        person.is_staff = False
        person.staff_role = None
    session.flush()
    event = log_event(
        session,
        APPLIED,
        entity=ENTITY,
        entity_id=from_id,
        actor=actor,
        handed_to=[plan.name(i) for i in plan.receivers],
        relations=len(plan.ties),
        partnerships=len(plan.partnerships),
        goals=len(plan.goals),
        strength_offers=len(plan.offers),
        staff_ended=bool(end_staff),
        restore=restore,
    )
    session.flush()
    return _with_event(plan, event.id)


def _with_event(plan: HandoverPlan, event_id: int) -> HandoverPlan:
    return replace(plan, event_id=event_id)


def _typed(values: Mapping[str, Any]) -> dict[str, Any]:
    """Relation values from JSON with their column types (a date or time kept as text becomes one again)."""
    columns = Relation.__table__.columns
    typed = from_jsonable(dict(values))
    for name, value in typed.items():
        column_type = columns[name].type if name in columns else None
        if isinstance(value, str) and isinstance(column_type, DateTime):
            typed[name] = dt.datetime.fromisoformat(value)
        elif isinstance(value, str) and isinstance(column_type, Date):
            typed[name] = dt.date.fromisoformat(value)
    return typed


def _applied(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None or event.action != APPLIED:
        raise UndoNotPossible("handover.undo_unknown", handover=event_id)
    undone = session.scalars(
        select(Event.details).where(Event.action == UNDONE, Event.entity == ENTITY, Event.entity_id == event.entity_id)
    )
    if any(isinstance(details, dict) and details.get("handover") == event_id for details in undone):
        raise UndoNotPossible("handover.undo_done", handover=event_id)
    return event


def _refuse_when_changed(session: Session, restore: Mapping[str, Any]) -> None:
    for entry in restore["relations"]:
        relation = session.get(Relation, entry["id"])
        after = _typed(entry["after"])
        if relation is None or any(getattr(relation, name) != value for name, value in after.items()):
            raise UndoNotPossible("handover.undo_changed")
    for row in restore["deleted"]:
        if session.get(Relation, row["id"]) is not None:
            raise UndoNotPossible("handover.undo_changed")
    for entry in restore["owners"]:
        record = _owned(session, entry["kind"], entry["id"])
        if record is None or getattr(record, _OWNER_COLUMN[entry["kind"]]) != entry["after"]:
            raise UndoNotPossible("handover.undo_changed")
    if restore.get("person") is not None:
        person = session.get(Person, restore["person_id"]) if "person_id" in restore else None
        if person is not None and person.is_staff:
            raise UndoNotPossible("handover.undo_changed")


@requires("edit")
def undo_handover(session: Session, event_id: int, actor: str | None = None) -> dict[str, int]:
    """Put back exactly what handover ``event_id`` changed, inside the caller's write; refused
    (``UndoNotPossible``) when it is unknown, already undone, or its records were changed since.
    Returns how many relations, partnerships, goals and strength offers were restored."""
    event = _applied(session, event_id)
    restore = dict((event.details or {}).get("restore") or {})
    if not restore or event.entity_id is None or session.get(Person, event.entity_id) is None:
        # The leaving colleague was erased since (lib.privacy.erasure empties the event): nothing to put back.
        raise UndoNotPossible("handover.undo_unknown", handover=event_id)
    restore["person_id"] = event.entity_id
    _refuse_when_changed(session, restore)
    counts = {"relations": 0, "partnerships": 0, "goals": 0, "strength_offers": 0}
    for row in restore["deleted"]:
        session.execute(insert(Relation).values(**_typed(row)))
        counts["relations"] += 1
    for entry in restore["relations"]:
        relation = session.get(Relation, entry["id"])
        assert relation is not None  # checked above
        for name, value in _typed(entry["before"]).items():
            setattr(relation, name, value)
        counts["relations"] += 1
    plural = {"partnership": "partnerships", "goal": "goals", "offer": "strength_offers"}
    for entry in restore["owners"]:
        record = _owned(session, entry["kind"], entry["id"])
        assert record is not None
        setattr(record, _OWNER_COLUMN[entry["kind"]], entry["before"])
        record.updated_at = _typed({"updated_at": entry["updated_at"]})["updated_at"]
        counts[plural[entry["kind"]]] += 1
    if restore.get("person") is not None:
        person = session.get(Person, event.entity_id)
        if person is not None:
            person.is_staff = bool(restore["person"]["is_staff"])
            person.staff_role = restore["person"]["staff_role"]
    session.flush()
    log_event(session, UNDONE, entity=ENTITY, entity_id=event.entity_id, actor=actor, handover=event_id, **counts)
    return counts


__all__ = [
    "APPLIED",
    "UNDONE",
    "HandoverPlan",
    "OwnedMove",
    "TaskMove",
    "TieMove",
    "apply_handover",
    "plan_handover",
    "staff_by_email",
    "undo_handover",
]
