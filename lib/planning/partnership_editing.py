"""Partnerships created, edited, closed and deleted; their organisations and goals; the pipeline by stage."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.db import (
    FORMALISATIONS,
    Agreement,
    ContactLogEntry,
    Goal,
    Organisation,
    Partnership,
    PartnershipGoal,
    PartnershipOrganisation,
    Person,
    log_event,
)
from lib.ingest.planning_tables import (
    log_organisation_use,
)
from lib.planning.partnership_agreements import formalisation_of, get_agreement, has_written_agreement
from lib.planning.partnership_fields import (
    DEPTHS,
    DRAFT,
    ENTITY,
    MAX_RHYTHM_DAYS,
    PARTNERSHIP_FIELDS,
    PIPELINE_COLUMNS,
    STAGES,
    WRITTEN_FORMALISATIONS,
)
from lib.workspace import editing


def _refuse_taken_title(session: Session, title: str, partnership_id: int | None) -> None:
    """Two open partnerships with the same title could not be told apart (an ended one may be reused)."""
    key = editing.title_key(title)
    query = select(Partnership.id, Partnership.title).where(Partnership.closed.is_(False))
    if partnership_id is not None:
        query = query.where(Partnership.id != partnership_id)
    for _other_id, other_title in session.execute(query):
        if editing.title_key(other_title) == key:
            raise ValidationFailed("partnerships.title_taken", field="title", title=other_title)


@requires("edit")
def clean_partnership_values(
    session: Session, values: Mapping[str, Any], partnership_id: int | None = None
) -> dict[str, Any]:
    """A partnership's values as they will be stored; raises ValidationFailed for the first that cannot be.

    Required: a title not used by another open partnership, a known stage. The owner must be a staff
    member; depth and formalisation known codes or empty; the end date not before the start date; the
    contact rhythm a whole number of days from 1 to 730. ``ended_on`` is kept only while ``closed``.
    The formalisation follows the agreement (module notes): ``draft`` (the form's word for a written
    agreement not signed yet) is stored as ``written`` (``contract`` stays), and informal or oral is
    refused while a signed agreement is on record.
    """
    editing.reject_unknown_fields(values, PARTNERSHIP_FIELDS)
    clean: dict[str, Any] = {
        "title": editing.text_value(values.get("title"), "title", 300),
        "owner_id": editing.staff_value(session, values.get("owner_id"), "owner_id"),
        "stage": editing.code_value(values.get("stage") or "idea", STAGES, "stage", required=True),
        "closed": bool(values.get("closed")),
        "ended_on": editing.date_value(values.get("ended_on"), "ended_on"),
        "depth": editing.code_value(values.get("depth"), DEPTHS, "depth"),
        "formalisation": _stored_formalisation(session, values.get("formalisation"), partnership_id),
        "start_date": editing.date_value(values.get("start_date"), "start_date"),
        "end_date": editing.date_value(values.get("end_date"), "end_date"),
        "library_resources": editing.multiline_value(values.get("library_resources")),
        "partner_resources": editing.multiline_value(values.get("partner_resources")),
        "contact_rhythm_days": editing.whole_number(
            values.get("contact_rhythm_days"),
            "contact_rhythm_days",
            1,
            MAX_RHYTHM_DAYS,
            key="partnerships.rhythm_invalid",
        ),
        "notes": editing.multiline_value(values.get("notes")),
    }
    if not clean["title"]:
        raise ValidationFailed("partnerships.title_required", field="title")
    if clean["start_date"] and clean["end_date"] and clean["end_date"] < clean["start_date"]:
        raise ValidationFailed("partnerships.dates_order", field="end_date")
    if not clean["closed"]:
        clean["ended_on"] = None
        _refuse_taken_title(session, clean["title"], partnership_id)
    return clean


def _stored_formalisation(session: Session, value: Any, partnership_id: int | None) -> str | None:
    """The formalisation to store for ``value`` (module notes: it follows the signed agreement)."""
    partnership = session.get(Partnership, partnership_id) if partnership_id is not None else None
    if value == DRAFT:
        value = (
            partnership.formalisation
            if partnership and partnership.formalisation in WRITTEN_FORMALISATIONS
            else "written"
        )
    code = editing.code_value(value, FORMALISATIONS, "formalisation")
    agreement = get_agreement(session, partnership.id) if partnership is not None else None
    if partnership is not None and has_written_agreement(partnership, agreement) and code not in WRITTEN_FORMALISATIONS:
        raise ValidationFailed(
            "agreement.formalisation_follows", field="formalisation", date=agreement.signed_on if agreement else None
        )
    return code


@requires("view_contacts")
def get_partnership(session: Session, partnership_id: int) -> Partnership:
    return editing.existing(session, Partnership, partnership_id, "partnerships.no_such_partnership")


@requires("edit")
def create_partnership(
    session: Session,
    values: Mapping[str, Any],
    *,
    organisation_ids: Iterable[int] = (),
    goal_ids: Iterable[int] = (),
    actor: str | None = None,
) -> int:
    """Register a partnership with its organisations and goals; returns its id."""
    partnership = Partnership(**clean_partnership_values(session, values))
    session.add(partnership)
    session.flush()
    log_event(
        session,
        "partnership_created",
        entity=ENTITY,
        entity_id=partnership.id,
        actor=actor,
        title=partnership.title,
        stage=partnership.stage,
    )
    set_organisations(session, partnership.id, organisation_ids, actor=actor)
    set_goals(session, partnership.id, goal_ids, actor=actor)
    return partnership.id


@requires("edit")
def update_partnership(
    session: Session, partnership_id: int, changes: Mapping[str, Any], actor: str | None = None
) -> list[str]:
    """Store the changed values of a partnership; returns the names of the fields that changed."""
    partnership = get_partnership(session, partnership_id)
    editing.reject_unknown_fields(changes, PARTNERSHIP_FIELDS)
    merged = {**editing.current_values(partnership, PARTNERSHIP_FIELDS), **changes}
    clean = clean_partnership_values(session, merged, partnership_id)
    changed = editing.apply_changes(partnership, clean)
    if changed:
        log_event(session, "partnership_updated", entity=ENTITY, entity_id=partnership_id, actor=actor, changes=changed)
    return list(changed)


@requires("edit")
def close_partnership(session: Session, partnership_id: int, ended_on: Any = None, actor: str | None = None) -> None:
    """Mark a partnership as ended on ``ended_on`` (default today), keeping its stage."""
    update_partnership(session, partnership_id, {"closed": True, "ended_on": ended_on or dt.date.today()}, actor)


@requires("edit")
def reopen_partnership(session: Session, partnership_id: int, actor: str | None = None) -> None:
    """Undo :func:`close_partnership` (refused when another open partnership has the same title)."""
    update_partnership(session, partnership_id, {"closed": False, "ended_on": None}, actor)


@requires("edit")
def delete_partnership(session: Session, partnership_id: int, actor: str | None = None) -> None:
    """Delete a partnership with its links, agreement, contact log and evaluations."""
    partnership = get_partnership(session, partnership_id)
    log_event(
        session,
        "partnership_deleted",
        entity=ENTITY,
        entity_id=partnership_id,
        actor=actor,
        partnership=editing.snapshot(partnership),
    )
    session.delete(partnership)
    session.flush()


@requires("edit")
def set_organisations(
    session: Session, partnership_id: int, organisation_ids: Iterable[int], actor: str | None = None
) -> None:
    """Make ``organisation_ids`` the partnership's organisations (others are unlinked)."""
    get_partnership(session, partnership_id)
    wanted = {int(i) for i in organisation_ids}
    for org_id in wanted:
        if session.get(Organisation, org_id) is None:
            raise ValidationFailed("partnerships.no_such_organisation", id=org_id)
    links = {
        link.organisation_id: link
        for link in session.scalars(
            select(PartnershipOrganisation).where(PartnershipOrganisation.partnership_id == partnership_id)
        )
    }
    for org_id in set(links) - wanted:
        session.delete(links[org_id])
    added = sorted(wanted - set(links))
    session.add_all(PartnershipOrganisation(partnership_id=partnership_id, organisation_id=o) for o in added)
    session.flush()
    if added or set(links) - wanted:
        log_event(
            session,
            "partnership_organisations_set",
            entity=ENTITY,
            entity_id=partnership_id,
            actor=actor,
            organisations=sorted(wanted),
        )
        log_organisation_use(session, added, "organisation_in_partnership", actor, partnership=partnership_id)


@requires("edit")
def set_goals(session: Session, partnership_id: int, goal_ids: Iterable[int], actor: str | None = None) -> None:
    """Make ``goal_ids`` the goals the partnership serves (others are unlinked)."""
    get_partnership(session, partnership_id)
    wanted = {int(i) for i in goal_ids}
    for goal_id in wanted:
        if session.get(Goal, goal_id) is None:
            raise ValidationFailed("strategy.no_such_goal", id=goal_id)
    links = {
        link.goal_id: link
        for link in session.scalars(select(PartnershipGoal).where(PartnershipGoal.partnership_id == partnership_id))
    }
    for goal_id in set(links) - wanted:
        session.delete(links[goal_id])
    session.add_all(PartnershipGoal(partnership_id=partnership_id, goal_id=g) for g in sorted(wanted - set(links)))
    session.flush()
    if wanted != set(links):
        log_event(
            session, "partnership_goals_set", entity=ENTITY, entity_id=partnership_id, actor=actor, goals=sorted(wanted)
        )


@requires("view_board")
def organisations_of(
    session: Session, partnership_ids: Iterable[int] | None = None
) -> dict[int, list[tuple[int, str]]]:
    """``{partnership id: [(organisation id, name), …]}`` sorted by name."""
    query = (
        select(PartnershipOrganisation.partnership_id, Organisation.id, Organisation.name)
        .join(Organisation, Organisation.id == PartnershipOrganisation.organisation_id)
        .order_by(Organisation.name_key)
    )
    if partnership_ids is not None:
        query = query.where(PartnershipOrganisation.partnership_id.in_(list(partnership_ids)))
    grouped: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for partnership_id, org_id, name in session.execute(query):
        grouped[partnership_id].append((org_id, name))
    return grouped


@requires("view_board")
def goals_of(session: Session, partnership_ids: Iterable[int] | None = None) -> dict[int, list[tuple[int, str]]]:
    """``{partnership id: [(goal id, title), …]}`` sorted by title."""
    query = (
        select(PartnershipGoal.partnership_id, Goal.id, Goal.title)
        .join(Goal, Goal.id == PartnershipGoal.goal_id)
        .order_by(Goal.title)
    )
    if partnership_ids is not None:
        query = query.where(PartnershipGoal.partnership_id.in_(list(partnership_ids)))
    grouped: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for partnership_id, goal_id, title in session.execute(query):
        grouped[partnership_id].append((goal_id, title))
    return grouped


def pipeline_column(partnership: Partnership) -> str:
    """The pipeline column of a partnership: its stage, or ``ended`` once closed."""
    return "ended" if partnership.closed else partnership.stage


@dataclass
class PipelineColumn:
    """One column of the pipeline: a stage (or "ended") with its partnerships."""

    stage: str
    partnerships: list[dict[str, Any]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.partnerships)


@requires("view_contacts")
def pipeline(session: Session) -> list[PipelineColumn]:
    """The partnerships by stage, in :data:`PIPELINE_COLUMNS` order (every column, empty ones too).

    Each partnership is ``{"id", "title", "owner", "organisations", "depth", "formalisation",
    "written_agreement", "start_date", "end_date"}`` (``owner`` a name, ``organisations`` a list of
    names, ``formalisation`` as shown, :func:`formalisation_of`).
    """
    columns = {stage: PipelineColumn(stage) for stage in PIPELINE_COLUMNS}
    owners = _staff_names(session)
    orgs = organisations_of(session)
    agreements = {a.partnership_id: a for a in session.scalars(select(Agreement))}
    for p in session.scalars(select(Partnership).order_by(Partnership.title, Partnership.id)):
        agreement = agreements.get(p.id)
        columns[pipeline_column(p)].partnerships.append(
            {
                "id": p.id,
                "title": p.title,
                "owner": owners.get(p.owner_id),
                "organisations": [n for _, n in orgs[p.id]],
                "depth": p.depth,
                "formalisation": formalisation_of(p, agreement),
                "written_agreement": has_written_agreement(p, agreement),
                "start_date": p.start_date,
                "end_date": p.end_date,
            }
        )
    return list(columns.values())


@requires("view_board")
def pipeline_counts(session: Session) -> dict[str, int]:
    """``{column: number of partnerships}`` for every pipeline column."""
    counts = dict.fromkeys(PIPELINE_COLUMNS, 0)
    for partnership in session.scalars(select(Partnership)):
        counts[pipeline_column(partnership)] += 1
    return counts


def _staff_names(session: Session) -> dict[int | None, str]:
    """The names of the people who own a partnership or logged a contact with one (not all 100,000
    people of a big workspace: issue 16)."""
    named = select(Partnership.owner_id).union(select(ContactLogEntry.staff_id))
    query = select(Person.id, Person.name).where(Person.id.in_(named))
    return {person_id: name for person_id, name in session.execute(query)}
