"""Partnerships: registered, formalised and followed up (Professionalise, Support the partnership).

A partnership goes from an idea through the four stages of the partnering cycle
(:data:`STAGES`); when it ends it keeps its last stage and is ``closed`` (with ``ended_on``). It has
an owner (a staff member), one or more partner organisations, the goals it serves, a depth on the
collaboration ladder and a degree of formalisation, a contact rhythm, a contact log, and at most one
written agreement.

Rules
-----
Next contact due
    ``last contact + contact_rhythm_days``, where the last contact is the newest contact-log entry
    (or, before the first one, the start date). Overdue when that day lies before today. No rhythm,
    or neither a contact nor a start date: nothing is due.
One agreement, one partnership
    the agreement's start and end date and what each party contributes are the partnership's
    (:data:`HELD_BY_PARTNERSHIP`), stored once on the partnership: the agreement form shows and
    changes the partnership's, and the partnership's end date is the agreement's end date.
    :func:`agreement_values` reads the whole agreement.
Agreement completeness
    the share of the fields in :data:`AGREEMENT_FIELDS` that are filled in (15 fields: the
    contents a written collaboration agreement usually covers, with start, end and review date
    counted separately); 0 when no agreement is recorded. ``signed_on`` and ``document_ref``
    record the signing and are not counted. Completeness is a figure of its own: it says nothing
    about whether there *is* a written agreement.
Written agreement (:func:`has_written_agreement`, the only rule)
    a partnership has a written agreement when its agreement is on record with the day it was
    signed (``signed_on``; as of a day: signed on or before it). How complete the agreement is
    does not matter: a signed agreement with 11 of 15 items filled in counts.
Formalisation (:func:`formalisation_of`, what every page and the board pack show)
    follows the written agreement: with a signed agreement it is ``contract`` when so marked,
    else ``written``; without one, a ``written`` or ``contract`` mark is shown as ``draft`` (an
    agreement not signed yet), and informal or oral as marked. Stored, the mark of a partnership
    with a signed agreement is always ``written`` or ``contract``: signing sets it, and a change to
    informal or oral is refused while the signature is on record.
Alerts (:func:`alerts`, for partnerships that have not ended)
    ``review_overdue`` the agreement's review date has passed; ``review_soon`` it is within
    :data:`REVIEW_WARNING_DAYS` (30) days; ``ending_soon`` the partnership's end date (which is the
    agreement's) is within :data:`ENDING_WARNING_DAYS` (60) days; ``end_passed`` it has passed
    but the partnership is not closed; ``no_written_agreement`` an active partnership (stage
    :data:`ACTIVE_STAGES`) without a written agreement (above); ``contact_overdue`` the next
    contact is overdue (ideas are not chased).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lib.core import normalize
from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.core.i18n import Quote, format_percent, label, quoted, t
from lib.core.spreadsheets import xlsx_bytes
from lib.db import (
    CONTACT_CHANNELS,
    FORMALISATIONS,
    PARTNERSHIP_DEPTHS,
    PARTNERSHIP_STAGES,
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
    Column,
    OrganisationIndex,
    SheetSpec,
    StaffIndex,
    TableImporter,
    TableImportResult,
    cell,
    cell_text,
    code_from_words,
    log_organisation_use,
    run_table_import,
    split_list,
)
from lib.ingest.rows import RowValues
from lib.workspace import editing
from lib.workspace.clock import today, workspace_timezone

STAGES = PARTNERSHIP_STAGES
DEPTHS = PARTNERSHIP_DEPTHS
CHANNELS = CONTACT_CHANNELS
#: Stages in which a partnership is running and should rest on a written agreement.
ACTIVE_STAGES = ("managing_maintaining", "reviewing_revising")
#: The columns of the pipeline: the stages, then the partnerships that have ended.
PIPELINE_COLUMNS = (*STAGES, "ended")
#: The contents of a written collaboration agreement; completeness is the share filled in.
AGREEMENT_FIELDS = (
    "parties",
    "purpose",
    "target_group",
    "contributions_library",
    "contributions_partner",
    "roles",
    "contact_persons",
    "communication",
    "start_date",
    "end_date",
    "review_date",
    "economy",
    "rights_branding",
    "evaluation_method",
    "termination",
)
AGREEMENT_DATE_FIELDS = ("start_date", "end_date", "review_date", "signed_on")
AGREEMENT_EDITABLE = (*AGREEMENT_FIELDS, "signed_on", "document_ref")
#: The agreement's contents that the partnership holds: ``{agreement field: partnership field}``.
HELD_BY_PARTNERSHIP = {
    "start_date": "start_date",
    "end_date": "end_date",
    "contributions_library": "library_resources",
    "contributions_partner": "partner_resources",
}
#: The agreement's contents stored on the agreement itself.
AGREEMENT_OWN_FIELDS = tuple(name for name in AGREEMENT_EDITABLE if name not in HELD_BY_PARTNERSHIP)
#: The formalisations that are a written agreement once it is signed.
WRITTEN_FORMALISATIONS = ("written", "contract")
#: Shown (never stored) for a "written" or "contract" mark without a signed agreement on record.
DRAFT = "draft"
#: Every formalisation a page or the board pack can show, from the loosest to the firmest.
SHOWN_FORMALISATIONS = ("informal", "oral", DRAFT, "written", "contract")
REVIEW_WARNING_DAYS = 30
ENDING_WARNING_DAYS = 60
MAX_RHYTHM_DAYS = 730
ALERT_KINDS = ("review_overdue", "end_passed", "no_written_agreement", "contact_overdue", "review_soon", "ending_soon")
_SEVERITY = {
    "review_overdue": "high",
    "end_passed": "high",
    "no_written_agreement": "high",
    "contact_overdue": "medium",
    "review_soon": "medium",
    "ending_soon": "medium",
}

PARTNERSHIP_FIELDS = (
    "title",
    "owner_id",
    "stage",
    "closed",
    "ended_on",
    "depth",
    "formalisation",
    "start_date",
    "end_date",
    "library_resources",
    "partner_resources",
    "contact_rhythm_days",
    "notes",
)
CONTACT_FIELDS = ("contacted_on", "staff_id", "channel", "note")
ENTITY = "partnership"


# --- creating and editing --------------------------------------------------------------------------


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
    agreement = get_agreement(session, partnership_id) if partnership is not None else None
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


# --- pipeline --------------------------------------------------------------------------------------


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
    return {person_id: name for person_id, name in session.execute(select(Person.id, Person.name))}


# --- contact log and rhythm ------------------------------------------------------------------------


def _clean_contact(session: Session, values: Mapping[str, Any]) -> dict[str, Any]:
    editing.reject_unknown_fields(values, CONTACT_FIELDS)
    clean = {
        "contacted_on": editing.date_value(values.get("contacted_on"), "contacted_on"),
        "staff_id": editing.staff_value(session, values.get("staff_id"), "staff_id"),
        "channel": editing.code_value(values.get("channel") or "meeting", CHANNELS, "channel", required=True),
        "note": editing.multiline_value(values.get("note")),
    }
    if clean["contacted_on"] is None:
        raise ValidationFailed("partnerships.contacted_on_required", field="contacted_on")
    return clean


@requires("edit")
def add_contact(session: Session, partnership_id: int, values: Mapping[str, Any], actor: str | None = None) -> int:
    """Log a contact (``contacted_on``, ``staff_id``, ``channel``, ``note``); returns its id."""
    get_partnership(session, partnership_id)
    entry = ContactLogEntry(partnership_id=partnership_id, **_clean_contact(session, values))
    session.add(entry)
    session.flush()
    log_event(
        session,
        "partnership_contact_logged",
        entity=ENTITY,
        entity_id=partnership_id,
        actor=actor,
        contacted_on=entry.contacted_on,
        channel=entry.channel,
    )
    return entry.id


@requires("edit")
def delete_contact(session: Session, entry_id: int, actor: str | None = None) -> None:
    entry = editing.existing(session, ContactLogEntry, entry_id, "partnerships.no_such_contact")
    log_event(
        session,
        "partnership_contact_deleted",
        entity=ENTITY,
        entity_id=entry.partnership_id,
        actor=actor,
        contacted_on=entry.contacted_on,
    )
    session.delete(entry)
    session.flush()


@requires("view_contacts")
def contact_log(session: Session, partnership_id: int) -> list[dict[str, Any]]:
    """A partnership's contacts, newest first: ``id``, ``contacted_on``, ``staff``, ``channel``, ``note``."""
    names = _staff_names(session)
    return [
        {
            "id": e.id,
            "contacted_on": e.contacted_on,
            "staff_id": e.staff_id,
            "staff": names.get(e.staff_id),
            "channel": e.channel,
            "note": e.note,
        }
        for e in session.scalars(
            select(ContactLogEntry)
            .where(ContactLogEntry.partnership_id == partnership_id)
            .order_by(ContactLogEntry.contacted_on.desc(), ContactLogEntry.id.desc())
        )
    ]


@dataclass(frozen=True)
class ContactDue:
    """When the next contact is due, and whether it is overdue (see the module notes)."""

    last_contact: dt.date | None
    rhythm_days: int | None
    due: dt.date | None
    overdue: bool
    days_overdue: int


def next_contact_due(
    last_contact: dt.date | None, rhythm_days: int | None, today: dt.date, start_date: dt.date | None = None
) -> ContactDue:
    """The next contact: ``(last contact, else start date) + rhythm``; overdue when before ``today``.

    >>> next_contact_due(dt.date(2026, 1, 1), 30, dt.date(2026, 2, 10)).days_overdue
    10
    """
    since = last_contact or start_date
    if rhythm_days is None or since is None:
        return ContactDue(last_contact, rhythm_days, None, False, 0)
    due = since + dt.timedelta(days=rhythm_days)
    overdue = due < today
    return ContactDue(last_contact, rhythm_days, due, overdue, (today - due).days if overdue else 0)


@requires("view_board")
def last_contacts(session: Session) -> dict[int, dt.date]:
    """``{partnership id: date of its newest contact-log entry}``."""
    query = select(ContactLogEntry.partnership_id, func.max(ContactLogEntry.contacted_on)).group_by(
        ContactLogEntry.partnership_id
    )
    return {partnership_id: last for partnership_id, last in session.execute(query)}


def contact_due_of(partnership: Partnership, last: dt.date | None, today: dt.date) -> ContactDue:
    return next_contact_due(last, partnership.contact_rhythm_days, today, partnership.start_date)


# --- agreements ------------------------------------------------------------------------------------


def _is_filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def agreement_values(partnership: Partnership, agreement: Agreement | None) -> dict[str, Any] | None:
    """The whole agreement, ``{field: value}`` for :data:`AGREEMENT_EDITABLE`: its own fields, and the
    dates and resources the partnership holds (:data:`HELD_BY_PARTNERSHIP`). None without an agreement."""
    if agreement is None:
        return None
    values = {name: getattr(agreement, name) for name in AGREEMENT_OWN_FIELDS}
    values.update({name: getattr(partnership, held) for name, held in HELD_BY_PARTNERSHIP.items()})
    return {name: values[name] for name in AGREEMENT_EDITABLE}


def _contents(
    agreement: Agreement | Mapping[str, Any] | None, partnership: Partnership | None
) -> Mapping[str, Any] | None:
    if agreement is None or isinstance(agreement, Mapping):
        return agreement
    if partnership is None:
        raise TypeError("an agreement's dates and resources are its partnership's: pass the partnership")
    return agreement_values(partnership, agreement)


def agreement_completeness(
    agreement: Agreement | Mapping[str, Any] | None, partnership: Partnership | None = None
) -> float:
    """The share (0-1) of :data:`AGREEMENT_FIELDS` filled in; 0 without an agreement.

    ``agreement`` is a stored agreement (then ``partnership`` is its partnership) or its values.
    """
    values = _contents(agreement, partnership)
    if values is None:
        return 0.0
    return sum(1 for name in AGREEMENT_FIELDS if _is_filled(values.get(name))) / len(AGREEMENT_FIELDS)


def missing_agreement_fields(
    agreement: Agreement | Mapping[str, Any] | None, partnership: Partnership | None = None
) -> list[str]:
    """The fields of :data:`AGREEMENT_FIELDS` not filled in (all of them without an agreement)."""
    values = _contents(agreement, partnership)
    if values is None:
        return list(AGREEMENT_FIELDS)
    return [name for name in AGREEMENT_FIELDS if not _is_filled(values.get(name))]


def has_written_agreement(
    partnership: Partnership | None, agreement: Agreement | None, on: dt.date | None = None
) -> bool:
    """Whether the partnership has a written agreement: its agreement is on record with the day it was
    signed (on or before ``on`` when given). The one rule for every page, figure and board output.

    How complete the agreement is does not matter, nor the formalisation mark (which follows from
    this, :func:`formalisation_of`). ``partnership`` is the agreement's (kept in the signature so a
    caller states whose agreement it asks about; the rule needs only the agreement).
    """
    if agreement is None or agreement.signed_on is None:
        return False
    if (
        partnership is not None
        and agreement.partnership_id is not None
        and partnership.id is not None
        and agreement.partnership_id != partnership.id
    ):
        raise ValueError("the agreement belongs to another partnership")
    return on is None or agreement.signed_on <= on


def formalisation_of(partnership: Partnership, agreement: Agreement | None, on: dt.date | None = None) -> str | None:
    """The formalisation to show (a code of :data:`SHOWN_FORMALISATIONS`, None: not given).

    With a written agreement (:func:`has_written_agreement`) ``contract`` when so marked, else
    ``written``; without one a ``written`` or ``contract`` mark is :data:`DRAFT`; informal and oral
    as marked. So the formalisation shown never says "written" beside "no written agreement".
    """
    if has_written_agreement(partnership, agreement, on):
        return "contract" if partnership.formalisation == "contract" else "written"
    if partnership.formalisation in WRITTEN_FORMALISATIONS:
        return DRAFT
    return partnership.formalisation


def formalisation_choices(partnership: Partnership | None, agreement: Agreement | None) -> tuple[str, ...]:
    """The formalisations a person may choose (``""``: not given): written or contract while a signed
    agreement is on record, else not given, informal, oral or :data:`DRAFT` (a written agreement
    not signed yet); the agreement's signing date makes it written."""
    if partnership is not None and has_written_agreement(partnership, agreement):
        return WRITTEN_FORMALISATIONS
    return ("", "informal", "oral", DRAFT)


@requires("view_contacts")
def get_agreement(session: Session, partnership_id: int) -> Agreement | None:
    return session.scalar(select(Agreement).where(Agreement.partnership_id == partnership_id))


@requires("view_contacts")
def agreement_form(session: Session, partnership_id: int) -> dict[str, Any]:
    """What the agreement form shows: ``values`` (every field of :data:`AGREEMENT_EDITABLE`; the dates
    and resources are the partnership's even before an agreement is recorded), ``recorded`` (an
    agreement exists), ``completeness`` (0-1), ``missing`` (field names) and ``written_agreement``."""
    partnership = get_partnership(session, partnership_id)
    agreement = get_agreement(session, partnership_id)
    recorded = agreement_values(partnership, agreement)
    values = recorded or {
        **dict.fromkeys(AGREEMENT_EDITABLE),
        **{name: getattr(partnership, held) for name, held in HELD_BY_PARTNERSHIP.items()},
    }
    return {
        "values": values,
        "recorded": recorded is not None,
        "completeness": agreement_completeness(recorded),
        "missing": missing_agreement_fields(recorded),
        "written_agreement": has_written_agreement(partnership, agreement),
    }


@requires("edit")
def save_agreement(session: Session, partnership_id: int, values: Mapping[str, Any], actor: str | None = None) -> int:
    """Create or change the partnership's agreement with ``values`` (fields of :data:`AGREEMENT_EDITABLE`).

    Fields not in ``values`` keep their stored value. The start and end date and the resources
    (:data:`HELD_BY_PARTNERSHIP`) are stored on the partnership (:func:`update_partnership`, with
    its event). Signing (a ``signed_on``) makes the partnership's formalisation written unless it is
    a contract. Raises ValidationFailed for a date that cannot be read, an end date before the
    start date or a signing day after today; then nothing is changed. Returns the agreement's id.
    """
    get_partnership(session, partnership_id)
    editing.reject_unknown_fields(values, AGREEMENT_EDITABLE)
    agreement = get_agreement(session, partnership_id)
    held = {HELD_BY_PARTNERSHIP[name]: value for name, value in values.items() if name in HELD_BY_PARTNERSHIP}
    clean: dict[str, Any] = {}
    for name, value in values.items():
        if name in HELD_BY_PARTNERSHIP:
            continue
        if name in AGREEMENT_DATE_FIELDS:
            clean[name] = editing.date_value(value, name)
        elif name == "document_ref":
            clean[name] = editing.text_value(value, name, 500)
        else:
            clean[name] = editing.multiline_value(value)
    signed = clean.get("signed_on", agreement.signed_on if agreement else None)
    if "signed_on" in clean and signed is not None and signed > _workspace_today(session):
        # A day still to come is no signature: "signed" would then mean one thing now and another later.
        raise ValidationFailed("agreement.signed_in_future", field="signed_on", date=signed)
    if signed is not None:
        held["formalisation"] = DRAFT  # written, or contract when so marked
    if held:
        # Checked before the agreement changes: a date that cannot be stored leaves both as they were.
        clean_partnership_values(
            session,
            {**editing.current_values(get_partnership(session, partnership_id), PARTNERSHIP_FIELDS), **held},
            partnership_id,
        )
    if agreement is None:
        agreement = Agreement(partnership_id=partnership_id, **clean)
        session.add(agreement)
        session.flush()
        log_event(
            session,
            "agreement_created",
            entity=ENTITY,
            entity_id=partnership_id,
            actor=actor,
            fields=sorted(k for k, v in clean.items() if _is_filled(v)),
        )
    else:
        changed = editing.apply_changes(agreement, clean)
        if changed:
            log_event(
                session, "agreement_updated", entity=ENTITY, entity_id=partnership_id, actor=actor, changes=changed
            )
        session.flush()
    if held:
        update_partnership(session, partnership_id, held, actor=actor)
    return agreement.id


def _workspace_today(session: Session) -> dt.date:

    return today(workspace_timezone(session))


def agreement_field_label(name: str, lang: str = "da") -> str:

    return t(f"partnerships.agreement.{name}", lang)


# --- alerts ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Alert:
    """Something about a partnership that needs attention. ``days`` is until ``date`` (negative: since)."""

    partnership_id: int
    title: str
    kind: str
    severity: str
    date: dt.date | None
    days: int | None

    def message(self, lang: str = "da", quote: Quote | None = None) -> str:
        """The alert in ``lang``; ``quote`` marks up the partnership's title."""

        return t(
            f"partnerships.alert.{self.kind}",
            lang,
            **quoted(
                {"title": self.title, "date": self.date, "days": abs(self.days) if self.days is not None else ""}, quote
            ),
        )


@requires("view_board")
def alerts(session: Session, today: dt.date | None = None) -> list[Alert]:
    """Every alert of the partnerships that have not ended, most serious first (rules in the module notes)."""
    today = today or dt.date.today()
    agreements = {a.partnership_id: a for a in session.scalars(select(Agreement))}
    last = last_contacts(session)
    found: list[Alert] = []
    for p in session.scalars(select(Partnership).where(Partnership.closed.is_(False)).order_by(Partnership.id)):
        found.extend(partnership_alerts(p, agreements.get(p.id), last.get(p.id), today))
    order = {kind: index for index, kind in enumerate(ALERT_KINDS)}
    return sorted(found, key=lambda a: (a.severity != "high", a.date or dt.date.max, order[a.kind], a.title))


def partnership_alerts(
    p: Partnership, agreement: Agreement | None, last_contact: dt.date | None, today: dt.date
) -> list[Alert]:
    """The alerts of one partnership on ``today``."""
    if p.closed:
        return []

    def alert(kind: str, date: dt.date | None) -> Alert:
        return Alert(p.id, p.title, kind, _SEVERITY[kind], date, (date - today).days if date else None)

    found: list[Alert] = []
    review = agreement.review_date if agreement else None
    if review is not None:
        if review < today:
            found.append(alert("review_overdue", review))
        elif (review - today).days <= REVIEW_WARNING_DAYS:
            found.append(alert("review_soon", review))
    end = p.end_date  # the agreement's end date is the partnership's
    if end is not None:
        if end < today:
            found.append(alert("end_passed", end))
        elif (end - today).days <= ENDING_WARNING_DAYS:
            found.append(alert("ending_soon", end))
    if p.stage in ACTIVE_STAGES and not has_written_agreement(p, agreement):
        found.append(alert("no_written_agreement", None))
    if p.stage != "idea":
        due = contact_due_of(p, last_contact, today)
        if due.overdue:
            found.append(alert("contact_overdue", due.due))
    return found


# --- overview and summary --------------------------------------------------------------------------


@requires("view_contacts")
def partnerships_frame(session: Session, today: dt.date | None = None) -> pd.DataFrame:
    """One row per partnership for the list page.

    Columns: ``id``, ``title``, ``owner_id``, ``owner``, ``organisations`` ("; "-joined), ``goals``
    (number served), ``stage``, ``column`` (pipeline column), ``closed``, ``ended_on``, ``depth``,
    ``formalisation`` (as shown, :func:`formalisation_of`), ``start_date``, ``end_date``,
    ``agreement_completeness`` (0-1),
    ``written_agreement``, ``review_date``, ``last_contact``, ``next_contact``, ``contact_overdue``,
    ``days_overdue``, ``alerts`` (number).
    """
    today = today or dt.date.today()
    owners = _staff_names(session)
    orgs = organisations_of(session)
    goals = goals_of(session)
    agreements = {a.partnership_id: a for a in session.scalars(select(Agreement))}
    last = last_contacts(session)
    rows = []
    for p in session.scalars(select(Partnership).order_by(Partnership.title, Partnership.id)):
        agreement = agreements.get(p.id)
        due = contact_due_of(p, last.get(p.id), today)
        rows.append(
            {
                "id": p.id,
                "title": p.title,
                "owner_id": p.owner_id,
                "owner": owners.get(p.owner_id),
                "organisations": "; ".join(name for _, name in orgs[p.id]),
                "goals": len(goals[p.id]),
                "stage": p.stage,
                "column": pipeline_column(p),
                "closed": p.closed,
                "ended_on": p.ended_on,
                "depth": p.depth,
                "formalisation": formalisation_of(p, agreement),
                "start_date": p.start_date,
                "end_date": p.end_date,
                "agreement_completeness": agreement_completeness(agreement, p),
                "written_agreement": has_written_agreement(p, agreement),
                "review_date": agreement.review_date if agreement else None,
                "last_contact": last.get(p.id),
                "next_contact": due.due,
                "contact_overdue": due.overdue and not p.closed and p.stage != "idea",
                "days_overdue": due.days_overdue,
                "alerts": len(partnership_alerts(p, agreement, last.get(p.id), today)),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "id",
            "title",
            "owner_id",
            "owner",
            "organisations",
            "goals",
            "stage",
            "column",
            "closed",
            "ended_on",
            "depth",
            "formalisation",
            "start_date",
            "end_date",
            "agreement_completeness",
            "written_agreement",
            "review_date",
            "last_contact",
            "next_contact",
            "contact_overdue",
            "days_overdue",
            "alerts",
        ],
    )


@requires("view_contacts")
def agreement_summary(session: Session, partnership_id: int, lang: str = "da") -> dict[str, Any]:
    """The one-page summary of a partnership's agreement, as plain data (labels in ``lang``).

    Returns
    -------
    dict
        ``partnership_id``, ``title``, ``owner``, ``organisations`` (names), ``goals`` (titles),
        ``stage``/``depth``/``formalisation`` (codes; the formalisation as shown, :func:`formalisation_of`)
        with ``*_label`` texts, ``closed``,
        ``fields``: ``[{"field", "label", "value", "filled"}]`` in :data:`AGREEMENT_FIELDS` order,
        ``completeness`` (0-1), ``missing`` (labels), ``signed_on``, ``document_ref``,
        ``written_agreement`` (bool).
    """

    p = get_partnership(session, partnership_id)
    agreement = get_agreement(session, partnership_id)
    values = agreement_values(p, agreement) or {}
    owner = session.get(Person, p.owner_id) if p.owner_id else None
    formalisation = formalisation_of(p, agreement)
    fields = [
        {
            "field": name,
            "label": agreement_field_label(name, lang),
            "value": values.get(name),
            "filled": bool(agreement) and _is_filled(values.get(name)),
        }
        for name in AGREEMENT_FIELDS
    ]
    return {
        "partnership_id": p.id,
        "title": p.title,
        "owner": owner.name if owner else None,
        "organisations": [name for _, name in organisations_of(session, [p.id])[p.id]],
        "goals": [title for _, title in goals_of(session, [p.id])[p.id]],
        "stage": p.stage,
        "stage_label": label("partnerships.stage", p.stage, lang),
        "depth": p.depth,
        "depth_label": label("partnerships.depth", p.depth, lang),
        "formalisation": formalisation,
        "formalisation_label": label("partnerships.formalisation", formalisation, lang),
        "closed": p.closed,
        "fields": fields,
        "completeness": agreement_completeness(agreement, p),
        "missing": [f["label"] for f in fields if not f["filled"]],
        "signed_on": agreement.signed_on if agreement else None,
        "document_ref": agreement.document_ref if agreement else None,
        "written_agreement": has_written_agreement(p, agreement),
    }


def agreement_summary_frame(summary: Mapping[str, Any], lang: str = "da") -> pd.DataFrame:
    """The summary as a two-column table (what, contents), the layout of the download."""

    rows: list[tuple[str, Any]] = [
        (t("partnerships.summary.partnership", lang), summary["title"]),
        (t("partnerships.summary.partners", lang), "; ".join(summary["organisations"])),
        (t("partnerships.summary.owner", lang), summary["owner"]),
        (t("partnerships.summary.stage", lang), summary["stage_label"]),
        (t("partnerships.summary.depth", lang), summary["depth_label"]),
        (t("partnerships.summary.formalisation", lang), summary["formalisation_label"]),
        (t("agreement.summary.written", lang), t("common.yes" if summary["written_agreement"] else "common.no", lang)),
        (t("partnerships.summary.goals", lang), "; ".join(summary["goals"])),
        *((f["label"], f["value"]) for f in summary["fields"]),
        (t("partnerships.summary.signed_on", lang), summary["signed_on"]),
        (t("partnerships.summary.document", lang), summary["document_ref"]),
        (t("partnerships.summary.completeness", lang), format_percent(round(summary["completeness"] * 100), lang)),
    ]
    return pd.DataFrame(
        rows, columns=[t("partnerships.summary.what", lang), t("partnerships.summary.contents", lang)], dtype=object
    )


@requires("view_contacts")
def agreement_people(session: Session, partnership_id: int) -> int:
    """How many people the agreement summary names: the owner, and each name in the contact persons
    field (written as the library writes it: one per line, or separated by "," ";" "og" "and")."""
    import re

    p = get_partnership(session, partnership_id)
    agreement = get_agreement(session, partnership_id)
    text = (agreement.contact_persons if agreement is not None else None) or ""
    names = [part for part in re.split(r"[,;\n]|\bog\b|\band\b", text) if part.strip()]
    return (1 if p.owner_id else 0) + len(names)


@requires("view_contacts")
def agreement_summary_xlsx(session: Session, partnership_id: int, lang: str = "da") -> bytes:
    """The one-page agreement summary as an Excel file (``lib.core.spreadsheets.xlsx_bytes``: formula-safe)."""

    summary = agreement_summary(session, partnership_id, lang)
    return xlsx_bytes({t("partnerships.summary.sheet", lang): agreement_summary_frame(summary, lang)})


# --- import ----------------------------------------------------------------------------------------

_STAGE_WORDS = {
    "idea": ("ide", "idé", "forslag", "idea", "proposal"),
    "scoping_building": ("afdækning", "opbygning", "scoping", "building", "opstart", "start"),
    "managing_maintaining": (
        "styring",
        "vedligehold",
        "drift",
        "aktiv",
        "managing",
        "maintaining",
        "active",
        "running",
    ),
    "reviewing_revising": ("evaluering", "justering", "reviewing", "revising", "review"),
    "sustaining_ending": ("forankring", "afslutning", "sustaining", "ending"),
    "ended": ("afsluttet", "ophørt", "slut", "ended", "closed", "finished"),
}
_DEPTH_WORDS = {
    "networking": ("netværk", "netværksarbejde", "network", "informationsudveksling"),
    "coordinating": ("koordinering", "koordination", "coordination"),
    "cooperating": ("kooperation", "cooperation", "ressourcedeling"),
    "collaborating": ("kollaboration", "collaboration", "partnerskab"),
}
_FORMALISATION_WORDS = {
    "informal": ("uformel", "ingen aftale", "none"),
    "oral": ("mundtlig", "mundtligt", "oral", "verbal"),
    "written": ("skriftlig", "skriftligt", "samarbejdsaftale", "written"),
    "contract": ("kontrakt", "contract"),
}

PARTNERSHIP_SHEET = SheetSpec(
    "partnerships",
    (
        Column(
            "title",
            "partnerships.col.title",
            ("titel", "title", "partnerskab", "partnership", "navn", "name"),
            required=True,
        ),
        Column("owner", "partnerships.col.owner", ("ansvarlig", "owner", "partnerskabsansvarlig", "tovholder")),
        Column("stage", "partnerships.col.stage", ("fase", "stage", "status")),
        Column("depth", "partnerships.col.depth", ("dybde", "depth", "samarbejdsform")),
        Column("formalisation", "partnerships.col.formalisation", ("formalisering", "formalisation", "aftaleform")),
        Column(
            "organisations",
            "partnerships.col.organisations",
            ("partnere", "partners", "organisationer", "organisations", "organisation", "partner"),
        ),
        Column("goals", "partnerships.col.goals", ("mål", "goals", "goal")),
        Column("start_date", "partnerships.col.start_date", ("start", "startdato", "start date", "fra")),
        Column("end_date", "partnerships.col.end_date", ("slut", "slutdato", "end date", "til")),
        Column(
            "contact_rhythm_days", "partnerships.col.contact_rhythm_days", ("kontaktrytme", "contact rhythm", "rytme")
        ),
        Column(
            "library_resources", "partnerships.col.library_resources", ("bibliotekets ressourcer", "library resources")
        ),
        Column(
            "partner_resources", "partnerships.col.partner_resources", ("partnerens ressourcer", "partner resources")
        ),
        Column("notes", "partnerships.col.notes", ("noter", "notes", "bemærkninger", "note")),
        Column("ended_on", "partnerships.col.ended_on", ("afsluttet", "ended", "ended on")),
    ),
)


class PartnershipsImporter(TableImporter):
    """One row per partnership: title, owner, stage, depth, formalisation, partners, goals, dates, rhythm.

    Partner organisations and goals are named in one cell each ("Byskolen; Museet"). An organisation
    not in the workspace is created (with a note); a goal not in the workspace is left out (with a
    note). A stage word the importer does not know becomes "idea", an unknown depth or
    formalisation is left empty, an unreadable date or rhythm is left out — each with a note. A
    title an open partnership already has is skipped. An end date before the start date rejects
    the row.
    """

    kind = "partnerships"
    sheets = (PARTNERSHIP_SHEET,)

    def __init__(self) -> None:
        self.orgs = OrganisationIndex()
        self.staff = StaffIndex()
        self.goal_by_key: dict[str, int] = {}
        self.open_titles: set[str] = set()
        self.planned: list[tuple[dict[str, Any], list[str], list[int]]] = []
        self.stage = code_from_words(_STAGE_WORDS, "partnerships.stage")
        self.depth = code_from_words(_DEPTH_WORDS, "partnerships.depth")
        self.formalisation = code_from_words(_FORMALISATION_WORDS, "partnerships.formalisation")

    def load(self, session: Session) -> None:
        self.orgs = OrganisationIndex.load(session)
        self.staff = StaffIndex.load(session)
        for goal_id, title in session.execute(select(Goal.id, Goal.title).order_by(Goal.id)):
            self.goal_by_key.setdefault(editing.title_key(title), goal_id)
        self.open_titles = {
            editing.title_key(title)
            for title in session.scalars(select(Partnership.title).where(Partnership.closed.is_(False)))
        }

    def read_row(self, role: str, row: RowValues) -> str:
        title = row.text("title")
        if not title:
            return row.reject("", "partnerships.title_required")
        # The title is what a partnership is recognised by, and organisations by their names: text
        # too long for them rejects the row rather than being cut.
        organisation_names = split_list(cell(row, "organisations"))
        if not (
            row.fits(Partnership, "title", title, row.column("title"))
            and all(row.name_fits(Organisation, name, row.column("organisations")) for name in organisation_names)
        ):
            return "rejected"
        values: dict[str, Any] = {"title": title}
        stage = row.parsed("stage", self.stage) or "idea"
        ended_on = row.parsed("ended_on", normalize.parse_date)
        values["closed"] = stage == "ended" or ended_on is not None
        values["stage"] = "sustaining_ending" if stage == "ended" else stage
        values["ended_on"] = ended_on if values["closed"] else None
        if not values["closed"] and editing.title_key(title) in self.open_titles:
            row.warn(row.column("title"), "partnerships.import.partnership_exists", title=title)
            return "skipped"
        values["depth"] = row.parsed("depth", self.depth)
        values["formalisation"] = row.parsed("formalisation", self.formalisation)
        values["start_date"] = row.parsed("start_date", normalize.parse_date)
        values["end_date"] = row.parsed("end_date", normalize.parse_date)
        if values["start_date"] and values["end_date"] and values["end_date"] < values["start_date"]:
            return row.reject(row.column("end_date"), "partnerships.dates_order")
        values["contact_rhythm_days"] = row.parsed("contact_rhythm_days", _parse_rhythm)
        for text in ("library_resources", "partner_resources", "notes"):
            values[text] = cell_text(row, text)
        values["owner_id"] = self._owner(row)
        org_keys = self._organisations(row, organisation_names)
        goal_ids = self._goals(row)
        if not values["closed"]:
            self.open_titles.add(editing.title_key(title))
        self.planned.append((values, org_keys, goal_ids))
        return "insert"

    def _owner(self, row: RowValues) -> int | None:
        text = row.text("owner")
        owner_id = self.staff.find(text)
        if text and owner_id is None:
            row.warn(row.column("owner"), "strategy.import.unknown_owner", value=text)
        return owner_id

    def _organisations(self, row: RowValues, names: list[str]) -> list[str]:
        keys = []
        for name in names:
            key, is_new = self.orgs.ref(name)
            if is_new:
                row.warn(row.column("organisations"), "partners.import.organisation_created", name=name)
            if key not in keys:
                keys.append(key)
        return keys

    def _goals(self, row: RowValues) -> list[int]:
        ids = []
        for title in split_list(cell(row, "goals")):
            goal_id = self.goal_by_key.get(editing.title_key(title))
            if goal_id is None:
                row.warn(row.column("goals"), "partnerships.import.unknown_goal", title=title)
            elif goal_id not in ids:
                ids.append(goal_id)
        return ids

    def store(self, session: Session, batch_id: int) -> dict[str, int]:
        created_orgs = self.orgs.store_new(session, batch_id)
        records = [Partnership(batch_id=batch_id, **values) for values, _, _ in self.planned]
        session.add_all(records)
        session.flush()
        links = 0
        for record, (_, org_keys, goal_ids) in zip(records, self.planned, strict=True):
            org_ids = [self.orgs.id_of(key) for key in org_keys]
            session.add_all(PartnershipOrganisation(partnership_id=record.id, organisation_id=o) for o in org_ids)
            session.add_all(PartnershipGoal(partnership_id=record.id, goal_id=g) for g in goal_ids)
            links += len(org_ids)
            log_organisation_use(session, org_ids, "organisation_in_partnership", None, partnership=record.id)
        session.flush()
        return {"partnerships": len(records), "organisations": created_orgs, "partnership_organisations": links}


def _parse_rhythm(value: Any) -> int | None:
    text = normalize.clean_text(value)
    if text is None:
        return None
    number = normalize.parse_number(text.split()[0]) if text.split() else None
    if number is None or not float(number).is_integer() or not 1 <= number <= MAX_RHYTHM_DAYS:
        raise ValidationFailed("partnerships.rhythm_invalid", value=text, low=1, high=MAX_RHYTHM_DAYS)
    return int(number)


@requires("import")
def import_partnerships(
    db: Any, file_name: str, data: bytes, *, commit: bool, actor: str | None = None
) -> TableImportResult:
    """Import partnerships from an Excel or CSV file (see :class:`PartnershipsImporter`)."""
    return run_table_import(db, PartnershipsImporter(), file_name, data, commit=commit, actor=actor)
