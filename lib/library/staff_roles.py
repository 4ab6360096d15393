"""Staff roles and teams, and the competence items staff rate themselves on (see :mod:`lib.library.staff`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.core.vocabulary import fold
from lib.db import (
    STAFF_ROLES,
    Person,
    log_event,
)
from lib.workspace import editing

#: The competences partnership work asks for, by who needs them most (domain notes, our wording).
COMPETENCE_GROUPS: dict[str, tuple[str, ...]] = {
    "network_lead": (
        "communication",
        "big_picture",
        "coordination",
        "leadership_backing",
        "organisation_view",
        "resource_knowledge",
    ),
    "partnership_owner": ("internal_procedures", "cross_professional", "knowledge_sharing"),
    "all_staff": ("openness", "celebration", "strategy_relay", "strengths_weaknesses"),
}

#: Every item code, in the order of the form and the heat map.
COMPETENCE_ITEMS: tuple[str, ...] = tuple(code for items in COMPETENCE_GROUPS.values() for code in items)

#: The group each item belongs to.
ITEM_GROUP: dict[str, str] = {code: group for group, items in COMPETENCE_GROUPS.items() for code in items}

SCORE_MIN = 1

SCORE_MAX = 5

DEPENDENCY_KINDS = ("partnership", "organisation", "contact")

#: The heat map's row for staff who have no team yet.
NO_TEAM = ""

STAFF_FIELDS = ("staff_role", "team")

ASSESSMENT_FIELDS = ("assessed_on", "scores", "development_needs")

_MAX_TEAM = 200

_MAX_NEEDS = 4000

ENTITY = "competence_assessment"


def _staff_member(session: Session, person_id: object) -> Person:
    """The staff member with this id; refused with a message when there is none."""
    try:
        key = int(person_id)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        key = None
    person = session.get(Person, key) if key is not None and not isinstance(person_id, bool) else None
    if person is None or not person.is_staff:
        raise ValidationFailed("organisation.not_staff", id=person_id)
    return person


def role_value(value: object, name: str) -> str | None:
    """One of :data:`STAFF_ROLES`; None when empty; refused with the person's ``name`` otherwise."""
    if editing.is_empty(value):
        return None
    if value not in STAFF_ROLES:
        raise ValidationFailed("organisation.unknown_role", field="staff_role", value=value, name=name)
    return str(value)


@requires("view_board")
def teams(session: Session) -> list[str]:
    """The teams staff members belong to, alphabetically."""
    found = session.scalars(select(Person.team).where(Person.is_staff.is_(True), Person.team.is_not(None)))
    return sorted({team for team in found if team}, key=str.casefold)


def team_value(value: object, known: dict[str, str]) -> str | None:
    """A team name, tidied; the spelling of a ``known`` team (``{folded: name}``) when only capitals
    or spaces differ. A new team joins ``known``, so two rows typing it differently agree."""
    text = editing.text_value(value, "team", _MAX_TEAM)
    if text is None:
        return None
    return known.setdefault(fold(text), text)


@requires("edit")
def update_staff(session: Session, changes: Mapping[int, Mapping[str, Any]], actor: str | None = None) -> list[int]:
    """Store staff members' roles and teams; returns the ids of the people that changed.

    ``changes`` is ``{person id: {"staff_role": code or None, "team": text or None}}``; a field left
    out stays as it is. Every value is checked before anything is changed, so one bad row stores
    nothing.
    """
    cleaned: list[tuple[Person, dict[str, Any]]] = []
    known_teams = {fold(team): team for team in teams(session)}
    for person_id, values in changes.items():
        editing.reject_unknown_fields(values, STAFF_FIELDS)
        person = _staff_member(session, person_id)
        clean: dict[str, Any] = {}
        if "staff_role" in values:
            clean["staff_role"] = role_value(values["staff_role"], person.name)
        if "team" in values:
            clean["team"] = team_value(values["team"], known_teams)
        cleaned.append((person, clean))
    changed_ids = []
    for person, clean in cleaned:
        changed = editing.apply_changes(person, clean)
        if changed:
            changed_ids.append(person.id)
            log_event(session, "staff_updated", entity="person", entity_id=person.id, actor=actor, changes=changed)
    return changed_ids
