"""Tasks: what a staff member is to do for the partnerships, goals and ties they hold, and when.

Every task comes from a rule that already lives elsewhere; this module only gathers them per holder
and dates them, so the start page's alerts, the partnership list and the task list never disagree:

``review``
    an agreement's review date (:class:`~lib.db.Agreement` ``review_date``); held by the
    partnership's owner.
``agreement_end``
    a partnership's end date (the agreement's end is the partnership's), for partnerships not yet
    closed; held by the owner. Deciding to renew or close is work on the Partnerskaber page.
``contact``
    the next contact of the partnership's contact rhythm
    (:func:`lib.planning.partnership_contacts.contact_due_of`), for partnerships past the idea
    stage; held by the owner.
``cold_tie``
    a tie held by a staff member going cold: the day its last contact (the first, when no last is
    known) is :data:`~lib.network.health.COLD_AFTER_MONTHS` months old
    (:func:`lib.network.health.cold_ties`' rule; ties with no date at all are a finding of the
    network's health tab, not a dated task); held by the tie's holder.
``measurement``
    a goal's next measurement: :data:`~lib.planning.goals.STALE_DAYS` after its latest
    measurement (after its baseline, when it has none), for goals not yet achieved whose target
    date is not more than that long past; held by the goal's owner.
``evaluation``
    an evaluation round planned on a future day and without answers yet; held by the
    partnership's owner.

A task is *overdue* when its day has passed. :func:`due_by` cuts a list at the end of this week
(Sunday) or this month; overdue tasks are always in. A task's ``uid`` names the thing it is about,
not its day, so a calendar updates an event when the day moves instead of adding a second one.

Registering what was done (:func:`register_contact`, :func:`register_review`; a measurement
through :func:`lib.planning.goals.add_measurement`) moves the rule's date on, and the task leaves
the list.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lib.core.access import principal_of, requires
from lib.core.dates import months_before
from lib.core.errors import ValidationFailed
from lib.core.i18n import Quote, quoted, t
from lib.db import (
    Agreement,
    Database,
    EvaluationResponse,
    EvaluationRound,
    Partnership,
    Person,
    by_revision,
    log_event,
)
from lib.network.graph import build_graph, record_id
from lib.network.health import COLD_AFTER_MONTHS, cold_ties
from lib.planning.goals import STALE_DAYS, goal_statuses, staff_choices
from lib.planning.partnership_contacts import add_contact, contact_due_of, last_contacts
from lib.planning.partnership_editing import get_partnership
from lib.planning.partnership_fields import ENTITY
from lib.planning.tie_contacts import register_tie_contact
from lib.workspace import editing

TASK_KINDS = ("review", "agreement_end", "contact", "cold_tie", "measurement", "evaluation")
#: How far ahead a review is moved when one is registered, unless another day is given.
REVIEW_EVERY_MONTHS = 12
#: The periods a task list is cut at (:func:`due_by`).
PERIODS = ("week", "month")


@dataclass(frozen=True)
class Task:
    """One thing to do by a day: what (``kind``), for whom (``holder_id``, a staff member), by when
    (``due``) and about what (a partnership, a goal, a round or a tie's two ``ends``)."""

    kind: str
    uid: str
    due: dt.date
    title: str
    holder_id: int | None = None
    partnership_id: int | None = None
    goal_id: int | None = None
    round_id: int | None = None
    ends: tuple[str, str] | None = None
    details: Mapping[str, Any] = field(default_factory=dict)

    def overdue(self, today: dt.date) -> bool:
        return self.due < today

    def message(self, lang: str = "da", quote: Quote | None = None) -> str:
        """What to do, in ``lang``: "Evaluér aftalen om «Læseklub»"; ``quote`` marks up names and titles."""
        return t(f"tasks.kind.{self.kind}", lang, **quoted({"title": self.title, **self.details}, quote))


def _end_of_week(today: dt.date) -> dt.date:
    return today + dt.timedelta(days=6 - today.weekday())


def _end_of_month(today: dt.date) -> dt.date:
    return today.replace(day=calendar.monthrange(today.year, today.month)[1])


def period_end(period: str, today: dt.date) -> dt.date:
    """The last day of ``period`` ("week": Sunday; "month": the month's last day) as seen on ``today``."""
    if period == "week":
        return _end_of_week(today)
    if period == "month":
        return _end_of_month(today)
    raise ValueError(f"unknown period {period!r}")


def due_by(tasks: Iterable[Task], until: dt.date) -> list[Task]:
    """The tasks due on or before ``until`` (overdue ones included), earliest first."""
    return sorted((task for task in tasks if task.due <= until), key=_order)


def _order(task: Task) -> tuple[dt.date, int, str, str]:
    return (task.due, TASK_KINDS.index(task.kind), task.title.casefold(), task.uid)


#: The groups of the task list, in the order shown: overdue, due this week, later this month.
GROUPS = ("overdue", "week", "later")


@dataclass(frozen=True)
class TaskGroup:
    """One group of the task list (``name`` one of :data:`GROUPS`): the partnership work (reviews,
    agreements ending, contacts, measurements, evaluation rounds) first, then the ties going cold,
    each earliest first. A workspace easily has a hundred cold ties: kept apart, they do not bury
    the one review that is late."""

    name: str
    work: tuple[Task, ...]
    cold_ties: tuple[Task, ...]

    @property
    def count(self) -> int:
        return len(self.work) + len(self.cold_ties)


def task_groups(found: Iterable[Task], today: dt.date) -> list[TaskGroup]:
    """``found`` in the groups of the task list, empty groups left out: overdue (its day has
    passed), this week (by Sunday) and later."""
    week_end = _end_of_week(today)

    def group_of(task: Task) -> str:
        return "overdue" if task.overdue(today) else "week" if task.due <= week_end else "later"

    ordered = sorted(found, key=_order)
    groups = []
    for name in GROUPS:
        members = [task for task in ordered if group_of(task) == name]
        work = tuple(task for task in members if task.kind != "cold_tie")
        cold = tuple(task for task in members if task.kind == "cold_tie")
        if members:
            groups.append(TaskGroup(name, work, cold))
    return groups


def went_cold_on(contact: dt.date, months: int = COLD_AFTER_MONTHS) -> dt.date:
    """The first day on which a tie last in contact on ``contact`` counts as cold: the first day
    whose date ``months`` months earlier lies after ``contact`` (the rule of :func:`cold_ties`).

    >>> went_cold_on(dt.date(2025, 3, 10))
    datetime.date(2026, 3, 11)
    >>> went_cold_on(dt.date(2024, 2, 29))
    datetime.date(2025, 3, 1)
    """
    year, month = divmod(contact.year * 12 + contact.month - 1 + months, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    day = dt.date(year, month + 1, min(contact.day, last_day))
    while not contact < months_before(day, months):
        day += dt.timedelta(days=1)
    return day


# --- gathering -------------------------------------------------------------------------------------


def _partnership_tasks(session: Session, today: dt.date) -> list[Task]:
    agreements = {a.partnership_id: a for a in session.scalars(select(Agreement))}
    last = last_contacts(session)
    found: list[Task] = []
    open_partnerships = select(Partnership).where(Partnership.closed.is_(False)).order_by(Partnership.id)
    for p in session.scalars(open_partnerships):

        def task(kind: str, uid: str, due: dt.date, p: Partnership = p) -> Task:
            return Task(kind, uid, due, p.title, holder_id=p.owner_id, partnership_id=p.id)

        agreement = agreements.get(p.id)
        if agreement is not None and agreement.review_date is not None:
            found.append(task("review", f"review-p{p.id}", agreement.review_date))
        if p.end_date is not None:
            found.append(task("agreement_end", f"agreement-end-p{p.id}", p.end_date))
        if p.stage != "idea":
            due = contact_due_of(p, last.get(p.id), today).due
            if due is not None:
                found.append(task("contact", f"contact-p{p.id}", due))
    return found


def _evaluation_tasks(session: Session, today: dt.date) -> list[Task]:
    answered = select(EvaluationResponse.round_id).distinct()
    planned = (
        select(EvaluationRound, Partnership)
        .join(Partnership, Partnership.id == EvaluationRound.partnership_id)
        .where(EvaluationRound.held_on >= today, EvaluationRound.id.not_in(answered), Partnership.closed.is_(False))
        .order_by(EvaluationRound.id)
    )
    return [
        Task(
            "evaluation",
            f"evaluation-r{round_.id}",
            round_.held_on,
            partnership.title,
            holder_id=partnership.owner_id,
            partnership_id=partnership.id,
            round_id=round_.id,
            details={"round": round_.title or ""},
        )
        for round_, partnership in session.execute(planned)
    ]


def _measurement_tasks(session: Session, today: dt.date) -> list[Task]:
    found = []
    for status in goal_statuses(session, as_of=today):
        if status.achieved or (today - status.target_date).days > STALE_DAYS:
            continue
        since = status.latest_on or status.baseline_date
        found.append(
            Task(
                "measurement",
                f"measurement-g{status.goal_id}",
                since + dt.timedelta(days=STALE_DAYS),
                status.title,
                holder_id=status.owner_id,
                goal_id=status.goal_id,
            )
        )
    return found


def _cold_tie_tasks(G: nx.Graph, until: dt.date) -> list[Task]:
    # Ties cold by ``until``: cold_ties' own rule, applied on that day, and every tie it counts (also
    # one a colleague holds between two others, "A – B"), so the list and Oversigt's figure agree.
    found = []
    for row in cold_ties(G, today=until).itertuples(index=False):
        if row.no_date:
            continue
        owner = record_id(row.owner)
        found.append(
            Task(
                "cold_tie",
                f"cold-tie-{row.source}-{row.target}",
                went_cold_on(row.contact_date),
                str(row.other_label),
                holder_id=owner,
                ends=(str(row.source), str(row.target)),
                details={"last_contact": row.contact_date},
            )
        )
    return found


@requires("view_contacts")
def tasks(
    session: Session,
    today: dt.date,
    *,
    until: dt.date | None = None,
    holder_id: int | None = None,
    graph: nx.Graph | None = None,
) -> list[Task]:
    """Every task due by ``until`` (default: the end of this month), overdue ones included, of
    ``holder_id`` (a staff member; default everyone's), earliest first. Rules in the module notes.

    Reviews, agreement ends, planned contacts and evaluation rounds are dated whatever ``until``;
    ``until`` also decides which ties count as going cold, so pass the farthest day wanted.
    """
    until = until or _end_of_month(today)
    if graph is None:
        graph = build_graph(session, today=today, contact_details=True)
    gathered = (
        _partnership_tasks(session, today)
        + _evaluation_tasks(session, today)
        + _measurement_tasks(session, today)
        + _cold_tie_tasks(graph, until)
    )
    mine = (task for task in gathered if holder_id is None or task.holder_id == holder_id)
    return due_by(mine, until)


@requires("view_contacts")
def staff_member_of(session: Session, email: str | None) -> int | None:
    """The staff member signed in with ``email`` (case folded), if the workspace has one."""
    if not email:
        return None
    query = select(Person.id).where(Person.is_staff.is_(True), func.lower(Person.email) == email.strip().casefold())
    return session.scalars(query.order_by(Person.id)).first()


@requires("view_contacts")
def signed_in_staff(session: Session) -> int | None:
    """The staff member the signed-in person is, by e-mail (None on a local, single-user setup)."""
    return staff_member_of(session, principal_of(session).email)


# --- registering what was done ---------------------------------------------------------------------


@requires("edit")
def register_contact(
    session: Session, task: Task, on: dt.date, actor: str | None = None, note: str | None = None
) -> None:
    """Register that the contact ``task`` asks for took place on ``on``.

    A partnership's contact goes into its contact log (by the task's holder, as a meeting); a tie
    going cold gets ``on`` as its last contact (never an earlier day than it had).
    """
    if task.kind == "contact" and task.partnership_id is not None:
        values = {"contacted_on": on, "staff_id": task.holder_id, "channel": "meeting", "note": note}
        add_contact(session, task.partnership_id, values, actor=actor)
        return
    if task.kind != "cold_tie" or task.ends is None:
        raise ValidationFailed("tasks.not_a_contact", field="kind", value=task.kind)
    register_tie_contact(session, task.ends, on, actor=actor)


@requires("edit")
def register_review(
    session: Session, partnership_id: int, on: dt.date, next_review: dt.date | None = None, actor: str | None = None
) -> dt.date:
    """Register that the partnership's agreement was reviewed on ``on``; the next review is
    ``next_review`` (default :data:`REVIEW_EVERY_MONTHS` months after ``on``). Returns that day."""
    get_partnership(session, partnership_id)
    agreement = session.scalars(select(Agreement).where(Agreement.partnership_id == partnership_id)).first()
    if agreement is None:
        raise ValidationFailed("tasks.no_agreement", field="partnership_id", value=partnership_id)
    next_day = (
        editing.date_value(next_review, "review_date") if next_review else months_before(on, -REVIEW_EVERY_MONTHS)
    )
    if next_day is None or next_day <= on:
        raise ValidationFailed("tasks.next_review_after", field="review_date", value=next_review)
    agreement.review_date = next_day
    log_event(
        session,
        "agreement_reviewed",
        entity=ENTITY,
        entity_id=partnership_id,
        actor=actor,
        reviewed_on=on,
        next_review=next_day,
    )
    return next_day


# --- the page "Mine opgaver" -----------------------------------------------------------------------


@dataclass(frozen=True)
class TasksPage:
    """What the task page reads: the staff to choose among and everyone's tasks due by the end of
    the month (overdue ones included), earliest first."""

    staff: tuple[tuple[int, str], ...]
    tasks: tuple[Task, ...]

    def of(self, holder_id: int | None, until: dt.date) -> list[Task]:
        """The tasks of ``holder_id`` (everyone's for None) due by ``until``."""
        return due_by((task for task in self.tasks if holder_id is None or task.holder_id == holder_id), until)


@requires("view_contacts")
@by_revision()
def tasks_page_data(db: Database, today: dt.date) -> TasksPage:
    """Everything the task page shows on ``today``, in one read; kept until the data changes."""
    with db.read() as session:
        staff = tuple(staff_choices(session))
        found = tasks(session, today, until=period_end("month", today))
    return TasksPage(staff, tuple(found))


@requires("view_contacts")
def my_staff_id(db: Database) -> int | None:
    """The staff member the signed-in person is (None on a local, single-user setup or for someone
    who is not on the staff list)."""
    with db.read() as session:
        return signed_in_staff(session)
