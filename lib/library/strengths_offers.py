"""Strength offers read, created, changed and confirmed; staleness and the freshness of the profile."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core import vocabulary
from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.core.i18n import t
from lib.db import OFFER_CATEGORIES, Person, StrengthOffer, log_event
from lib.workspace import editing

ENTITY = "strength_offer"

#: What a form may set on an offer; ``updated_on`` is set by the service itself.
OFFER_FIELDS = ("team", "category", "title", "description", "contact_person_id", "partner_types")

#: An offer not confirmed for longer than this many months is stale.
STALE_MONTHS = 12

_MAX = {"team": 200, "title": 300}

#: Columns of :func:`offers_frame`, in order.
OFFER_COLUMNS = (
    "id",
    "team",
    "category",
    "title",
    "description",
    "contact_person_id",
    "contact_name",
    "contact_is_staff",
    "contact_role",
    "contact_title",
    "partner_types",
    "updated_on",
    "stale",
)


def stale_before(today: dt.date) -> dt.date:
    """The first day an offer must have been confirmed on to be fresh: twelve months before ``today``."""
    year = today.year - STALE_MONTHS // 12
    try:
        return today.replace(year=year)
    except ValueError:  # 29 February in a year without one
        return today.replace(year=year, day=28)


def is_stale(updated_on: dt.date | None, today: dt.date) -> bool:
    """True when the offer was last confirmed more than twelve months before ``today`` (or never)."""
    return updated_on is None or updated_on < stale_before(today)


@requires("view_board")
def profile_freshness(session: Session, today: dt.date) -> float | None:
    """The share (0-1) of offers confirmed within the last twelve months; None when there are none."""
    dates = list(session.scalars(select(StrengthOffer.updated_on)))
    if not dates:
        return None
    return sum(1 for day in dates if not is_stale(day, today)) / len(dates)


def _category_order(category: str) -> int:
    return OFFER_CATEGORIES.index(category) if category in OFFER_CATEGORIES else len(OFFER_CATEGORIES)


@requires("view_contacts")
def offers_frame(session: Session, today: dt.date) -> pd.DataFrame:
    """Every offer with its contact person, one row each (columns :data:`OFFER_COLUMNS`).

    ``partner_types`` is a tuple of codes in the vocabulary's order; ``contact_role`` is the staff
    role code and ``contact_title`` the job title; ``stale`` follows :func:`is_stale`. Rows are
    ordered by team (offers without a team last), category and title.
    """
    query = select(StrengthOffer, Person.name, Person.is_staff, Person.staff_role, Person.title).outerjoin(
        Person, StrengthOffer.contact_person_id == Person.id
    )
    rows: list[dict[str, Any]] = [
        {
            "id": offer.id,
            "team": offer.team,
            "category": offer.category,
            "title": offer.title,
            "description": offer.description,
            "contact_person_id": offer.contact_person_id,
            "contact_name": name,
            "contact_is_staff": bool(is_staff),
            "contact_role": role,
            "contact_title": job_title,
            "partner_types": _known_types(offer.partner_types),
            "updated_on": offer.updated_on,
            "stale": is_stale(offer.updated_on, today),
        }
        for offer, name, is_staff, role, job_title in session.execute(query)
    ]
    rows.sort(
        key=lambda row: (
            row["team"] is None,
            vocabulary.fold(row["team"] or ""),
            _category_order(row["category"]),
            vocabulary.fold(row["title"]),
            row["id"],
        )
    )
    frame = pd.DataFrame(rows, columns=list(OFFER_COLUMNS))
    # Ids stay whole numbers (or None), not floats with NaN where an offer has no contact person.
    frame["contact_person_id"] = pd.Series([row["contact_person_id"] for row in rows], dtype=object)
    return frame


def _known_types(codes: Iterable[Any] | None) -> tuple[str, ...]:
    """The organisation-type codes of ``codes`` that the vocabulary knows, in its order."""
    present = set(codes or ())
    return tuple(code for code in vocabulary.ORGANISATION_TYPES if code in present)


@requires("view_board")
def teams(session: Session) -> list[str]:
    """Every team: those of staff members and those typed on offers, alphabetically."""
    staff_teams = session.scalars(select(Person.team).where(Person.is_staff.is_(True), Person.team.is_not(None)))
    offer_teams = session.scalars(select(StrengthOffer.team).where(StrengthOffer.team.is_not(None)))
    by_key: dict[str, str] = {}
    for team in [*staff_teams, *offer_teams]:
        if team and team.strip():
            by_key.setdefault(vocabulary.fold(team), team)
    return sorted(by_key.values(), key=vocabulary.fold)


@requires("view_board")
def partner_type_matrix(session: Session) -> pd.DataFrame:
    """How many offers of each category speak to each organisation type.

    Index: the seven categories (in :data:`OFFER_CATEGORIES` order); columns: every organisation
    type (in vocabulary order); values: counts (int), zero where no offer does.
    """
    matrix = pd.DataFrame(0, index=list(OFFER_CATEGORIES), columns=list(vocabulary.ORGANISATION_TYPES), dtype=int)
    for category, codes in session.execute(select(StrengthOffer.category, StrengthOffer.partner_types)):
        for code in _known_types(codes):
            if category in matrix.index:
                matrix.loc[category, code] += 1
    return matrix


def contact_text(name: str | None, is_staff: bool, role: str | None, job_title: str | None, lang: str) -> str:
    """How an offer's contact person is shown to partners: "name, role" for staff, else nothing.

    Staff are public-facing; a contact who is not (or no longer) staff is never named. The role is
    the staff role (network lead, partnership owner, staff) or, without one, the job title.
    """
    if not name or not is_staff:
        return ""
    role_text = t(f"strengths.role.{role}", lang) if role else (job_title or "")
    return f"{name}, {role_text}" if role_text else name


def _known_team(session: Session, team: str | None) -> str | None:
    """``team`` in the spelling it already has in the workspace, if it has one."""
    if team is None:
        return None
    wanted = vocabulary.fold(team)
    return next((known for known in teams(session) if vocabulary.fold(known) == wanted), team)


def _partner_types_value(value: object) -> list[str] | None:
    """A list of organisation-type codes, each once, in the vocabulary's order; None when empty."""
    if editing.is_empty(value):
        return None
    try:
        codes = [value] if isinstance(value, str) else list(value)  # type: ignore[call-overload]
    except TypeError:
        raise ValidationFailed("strengths.unknown_partner_type", field="partner_types", value=value) from None
    for code in codes:
        if not isinstance(code, str) or code not in vocabulary.ORGANISATION_TYPES:
            raise ValidationFailed("strengths.unknown_partner_type", field="partner_types", value=code)
    return list(_known_types(codes)) or None


@requires("edit")
def clean_offer_values(session: Session, values: Mapping[str, Any]) -> dict[str, Any]:
    """An offer's values as they will be stored; raises ValidationFailed for the first that cannot be.

    Pass the whole offer (``update_offer`` merges the changes into the stored values first).
    Required: title and category; the contact person must be a staff member; partner types must be
    organisation-type codes.
    """
    editing.reject_unknown_fields(values, OFFER_FIELDS)
    title = editing.text_value(values.get("title"), "title", _MAX["title"])
    if title is None:
        raise ValidationFailed("strengths.title_required", field="title")
    category = values.get("category")
    if editing.is_empty(category):
        raise ValidationFailed("strengths.category_required", field="category")
    if category not in OFFER_CATEGORIES:
        raise ValidationFailed("strengths.unknown_category", field="category", value=category)
    return {
        "team": _known_team(session, editing.text_value(values.get("team"), "team", _MAX["team"])),
        "category": category,
        "title": title,
        "description": editing.multiline_value(values.get("description")),
        "contact_person_id": editing.staff_value(session, values.get("contact_person_id"), "contact_person_id"),
        "partner_types": _partner_types_value(values.get("partner_types")),
    }


def _updated_on_value(value: object, today: dt.date) -> dt.date:
    day = editing.date_value(value, "updated_on") or today
    if day > today:
        raise ValidationFailed("strengths.updated_on_future", field="updated_on")
    return day


def _get_offer(session: Session, offer_id: int) -> StrengthOffer:
    return editing.existing(session, StrengthOffer, offer_id, "strengths.no_such_offer")


@requires("edit")
def create_offer(
    session: Session, values: Mapping[str, Any], *, today: dt.date | None = None, actor: str | None = None
) -> int:
    """Add an offer, confirmed ``today``; returns its id. Raises ValidationFailed (nothing stored).

    ``values`` may also carry ``updated_on`` (not after today) for an offer that was confirmed
    earlier, as an import or the demo has.
    """
    today = today or dt.date.today()
    fields = {name: value for name, value in values.items() if name != "updated_on"}
    offer = StrengthOffer(
        **clean_offer_values(session, fields), updated_on=_updated_on_value(values.get("updated_on"), today)
    )
    session.add(offer)
    session.flush()
    log_event(
        session,
        "strength_offer_created",
        entity=ENTITY,
        entity_id=offer.id,
        actor=actor,
        title=offer.title,
        team=offer.team,
        category=offer.category,
    )
    return offer.id


@requires("edit")
def update_offer(
    session: Session,
    offer_id: int,
    changes: Mapping[str, Any],
    *,
    today: dt.date | None = None,
    actor: str | None = None,
) -> list[str]:
    """Store the changed values of an offer; returns the names of the fields that changed.

    A change also confirms the offer (``updated_on`` becomes today); no change leaves it as it was.
    """
    offer = _get_offer(session, offer_id)
    editing.reject_unknown_fields(changes, OFFER_FIELDS)
    clean = clean_offer_values(session, {**editing.current_values(offer, OFFER_FIELDS), **changes})
    changed = editing.apply_changes(offer, clean)
    if changed:
        offer.updated_on = today or dt.date.today()
        log_event(session, "strength_offer_updated", entity=ENTITY, entity_id=offer.id, actor=actor, changes=changed)
    return list(changed)


@requires("edit")
def confirm_offer(
    session: Session, offer_id: int, *, today: dt.date | None = None, actor: str | None = None
) -> dt.date:
    """Mark an offer as still true: its ``updated_on`` becomes today. Returns the day it was confirmed before."""
    offer = _get_offer(session, offer_id)
    before = offer.updated_on
    offer.updated_on = today or dt.date.today()
    log_event(
        session,
        "strength_offer_confirmed",
        entity=ENTITY,
        entity_id=offer.id,
        actor=actor,
        before=before,
        title=offer.title,
    )
    return before


@requires("edit")
def delete_offer(session: Session, offer_id: int, actor: str | None = None) -> None:
    """Delete an offer; the event log keeps what it said."""
    offer = _get_offer(session, offer_id)
    log_event(
        session, "strength_offer_deleted", entity=ENTITY, entity_id=offer_id, actor=actor, offer=editing.snapshot(offer)
    )
    session.delete(offer)
    session.flush()
