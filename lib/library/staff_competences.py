"""Competence self-assessments of staff: recording them, their history, the staff table, the team heat map and
development needs."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.core.frames import typed_frame
from lib.db import (
    CompetenceAssessment,
    Partnership,
    Person,
    log_event,
)
from lib.library.staff_roles import (
    _MAX_NEEDS,
    ASSESSMENT_FIELDS,
    COMPETENCE_GROUPS,
    COMPETENCE_ITEMS,
    ENTITY,
    ITEM_GROUP,
    NO_TEAM,
    SCORE_MAX,
    SCORE_MIN,
    _staff_member,
)
from lib.workspace import editing


def group_means(scores: Mapping[str, Any]) -> dict[str, float | None]:
    """The mean score of each item group (None for a group with no rated item)."""
    means: dict[str, float | None] = {}
    for group, items in COMPETENCE_GROUPS.items():
        rated = [float(scores[item]) for item in items if scores.get(item) is not None]
        means[group] = round(sum(rated) / len(rated), 2) if rated else None
    return means


def clean_scores(scores: object) -> dict[str, int]:
    """``{item: 1-5}`` as stored: unrated items dropped; an unknown item or a bad score refused."""
    if not isinstance(scores, Mapping):
        raise ValidationFailed("organisation.scores_required", field="scores")
    clean: dict[str, int] = {}
    for item, value in scores.items():
        if item not in ITEM_GROUP:
            raise ValidationFailed("organisation.unknown_item", field="scores", item=item)
        score = editing.whole_number(value, item, SCORE_MIN, SCORE_MAX, "organisation.score_range")
        if score is not None:
            clean[item] = score
    if not clean:
        raise ValidationFailed("organisation.scores_required", field="scores")
    # Stored in the form's order, so the JSON reads like the form.
    return {item: clean[item] for item in COMPETENCE_ITEMS if item in clean}


def clean_assessment_values(values: Mapping[str, Any], today: dt.date) -> dict[str, Any]:
    """An assessment's values as they will be stored; raises ValidationFailed for the first bad one."""
    editing.reject_unknown_fields(values, ASSESSMENT_FIELDS)
    assessed_on = editing.date_value(values.get("assessed_on"), "assessed_on")
    if assessed_on is None:
        raise ValidationFailed("organisation.date_required", field="assessed_on")
    if assessed_on > today:
        raise ValidationFailed("organisation.date_in_future", field="assessed_on", date=assessed_on)
    needs = editing.multiline_value(values.get("development_needs"))
    if needs is not None and len(needs) > _MAX_NEEDS:
        raise ValidationFailed("organisation.needs_too_long", field="development_needs", max=_MAX_NEEDS)
    return {"assessed_on": assessed_on, "scores": clean_scores(values.get("scores")), "development_needs": needs}


def _assessment_on(session: Session, person_id: int, day: dt.date) -> CompetenceAssessment | None:
    return session.scalars(
        select(CompetenceAssessment)
        .where(CompetenceAssessment.person_id == person_id, CompetenceAssessment.assessed_on == day)
        .order_by(CompetenceAssessment.id)
    ).first()


@requires("edit")
def record_competence_assessment(
    session: Session,
    person_id: int,
    values: Mapping[str, Any],
    *,
    actor: str | None = None,
    today: dt.date | None = None,
) -> tuple[int, bool]:
    """Store a staff member's self-assessment; returns (its id, whether it is new).

    ``values``: ``assessed_on`` (not after ``today``), ``scores`` ``{item: 1-5 or None}`` (None: not
    rated; at least one item rated) and ``development_needs``. A second assessment on the same day
    replaces the first one's answers.
    """
    person = _staff_member(session, person_id)
    clean = clean_assessment_values(values, today or dt.date.today())
    existing = _assessment_on(session, person.id, clean["assessed_on"])
    if existing is not None:
        changed = editing.apply_changes(existing, clean)
        if changed:
            log_event(
                session,
                "competence_assessment_updated",
                entity=ENTITY,
                entity_id=existing.id,
                actor=actor,
                person_id=person.id,
                changes=changed,
            )
        return existing.id, False
    record = CompetenceAssessment(person_id=person.id, **clean)
    session.add(record)
    session.flush()
    log_event(
        session,
        "competence_assessment_created",
        entity=ENTITY,
        entity_id=record.id,
        actor=actor,
        person_id=person.id,
        assessed_on=record.assessed_on,
        scores=record.scores,
    )
    return record.id, True


def _get_assessment(session: Session, assessment_id: int) -> CompetenceAssessment:
    return editing.existing(session, CompetenceAssessment, assessment_id, "organisation.no_such_assessment")


@requires("edit")
def update_competence_assessment(
    session: Session,
    assessment_id: int,
    changes: Mapping[str, Any],
    *,
    actor: str | None = None,
    today: dt.date | None = None,
) -> list[str]:
    """Change a stored assessment; returns the names of the fields that changed.

    Moving it to a day on which the person already has another assessment is refused.
    """
    record = _get_assessment(session, assessment_id)
    editing.reject_unknown_fields(changes, ASSESSMENT_FIELDS)
    merged = {**editing.current_values(record, ASSESSMENT_FIELDS), **changes}
    clean = clean_assessment_values(merged, today or dt.date.today())
    other = _assessment_on(session, record.person_id, clean["assessed_on"])
    if other is not None and other.id != record.id:
        raise ValidationFailed("organisation.date_taken", field="assessed_on", date=clean["assessed_on"])
    changed = editing.apply_changes(record, clean)
    if changed:
        log_event(
            session,
            "competence_assessment_updated",
            entity=ENTITY,
            entity_id=record.id,
            actor=actor,
            person_id=record.person_id,
            changes=changed,
        )
    return list(changed)


@requires("edit")
def delete_competence_assessment(session: Session, assessment_id: int, actor: str | None = None) -> None:
    """Remove an assessment entered by mistake (its values stay in the event log)."""
    record = _get_assessment(session, assessment_id)
    log_event(
        session,
        "competence_assessment_deleted",
        entity=ENTITY,
        entity_id=assessment_id,
        actor=actor,
        assessment=editing.snapshot(record),
    )
    session.delete(record)


@requires("view_contacts")
def latest_assessments(session: Session) -> dict[int, CompetenceAssessment]:
    """Each staff member's newest assessment (the later one saved when two share a day), by person id."""
    rows = session.scalars(
        select(CompetenceAssessment)
        .join(Person, Person.id == CompetenceAssessment.person_id)
        .where(Person.is_staff.is_(True))
        .order_by(CompetenceAssessment.person_id, CompetenceAssessment.assessed_on, CompetenceAssessment.id)
    )
    return {record.person_id: record for record in rows}


@requires("view_contacts")
def competence_history(session: Session, person_id: int) -> pd.DataFrame:
    """A person's assessments, newest first.

    Columns: ``assessment_id``, ``assessed_on``, ``development_needs``, one per item of
    :data:`COMPETENCE_ITEMS` (None when not rated) and ``mean_<group>`` per item group.
    """
    records = session.scalars(
        select(CompetenceAssessment)
        .where(CompetenceAssessment.person_id == person_id)
        .order_by(CompetenceAssessment.assessed_on.desc(), CompetenceAssessment.id.desc())
    )
    rows = []
    for record in records:
        scores = record.scores or {}
        rows.append(
            {
                "assessment_id": record.id,
                "assessed_on": record.assessed_on,
                "development_needs": record.development_needs,
                **{item: scores.get(item) for item in COMPETENCE_ITEMS},
                **{f"mean_{group}": mean for group, mean in group_means(scores).items()},
            }
        )
    means = [f"mean_{group}" for group in COMPETENCE_GROUPS]
    return typed_frame(
        rows,
        ["assessment_id", "assessed_on", "development_needs", *COMPETENCE_ITEMS, *means],
        integers=["assessment_id"],
        whole_or_missing=COMPETENCE_ITEMS,
        floats=means,
    )


def _staff(session: Session) -> list[Person]:
    return list(session.scalars(select(Person).where(Person.is_staff.is_(True)).order_by(Person.name, Person.id)))


@requires("view_contacts")
def staff_frame(session: Session) -> pd.DataFrame:
    """One row per staff member, by name.

    Columns: ``person_id``, ``name``, ``title``, ``staff_role``, ``team``, ``assessed_on`` (their
    latest self-assessment, None when none) and ``partnerships`` (partnerships they own that have not
    ended).
    """
    latest = latest_assessments(session)
    owned: dict[int, int] = defaultdict(int)
    for owner_id in session.scalars(select(Partnership.owner_id).where(Partnership.closed.is_(False))):
        if owner_id is not None:
            owned[owner_id] += 1
    rows = [
        {
            "person_id": p.id,
            "name": p.name,
            "title": p.title,
            "staff_role": p.staff_role,
            "team": p.team,
            "assessed_on": latest[p.id].assessed_on if p.id in latest else None,
            "partnerships": owned[p.id],
        }
        for p in _staff(session)
    ]
    return typed_frame(
        rows,
        ["person_id", "name", "title", "staff_role", "team", "assessed_on", "partnerships"],
        integers=["person_id", "partnerships"],
    )


@dataclass(frozen=True)
class TeamHeatmap:
    """The team heat map's data.

    ``means`` has a row per team (alphabetical; :data:`NO_TEAM` last for staff without a team) and a
    column per item (:data:`COMPETENCE_ITEMS`); NaN where nobody in the team rated the item.
    ``assessed`` and ``members`` count, per team, the staff with an assessment and all its staff.
    """

    means: pd.DataFrame
    assessed: dict[str, int]
    members: dict[str, int]


@requires("view_contacts")
def team_heatmap(session: Session) -> TeamHeatmap:
    """Per team and item, the mean of the team members' latest scores (see the module notes)."""
    latest = latest_assessments(session)
    members: dict[str, list[int]] = defaultdict(list)
    for person in _staff(session):
        members[person.team or NO_TEAM].append(person.id)
    order = sorted((t for t in members if t != NO_TEAM), key=str.casefold)
    if NO_TEAM in members:
        order.append(NO_TEAM)
    rows = []
    for team in order:
        row: dict[str, float] = {}
        for item in COMPETENCE_ITEMS:
            scores = [latest[p].scores.get(item) for p in members[team] if p in latest]
            rated = [float(s) for s in scores if s is not None]
            row[item] = sum(rated) / len(rated) if rated else float("nan")
        rows.append(row)
    means = pd.DataFrame(rows, index=pd.Index(order, name="team"), columns=list(COMPETENCE_ITEMS), dtype=float)
    return TeamHeatmap(
        means=means,
        assessed={team: sum(1 for p in members[team] if p in latest) for team in order},
        members={team: len(members[team]) for team in order},
    )


@requires("view_contacts")
def development_needs(session: Session) -> pd.DataFrame:
    """The development needs in each staff member's latest assessment (those who wrote any).

    Columns: ``person_id``, ``name``, ``team``, ``staff_role``, ``assessed_on``, ``development_needs``;
    by team, then name.
    """
    latest = latest_assessments(session)
    rows: list[dict[str, Any]] = [
        {
            "person_id": p.id,
            "name": p.name,
            "team": p.team,
            "staff_role": p.staff_role,
            "assessed_on": latest[p.id].assessed_on,
            "development_needs": latest[p.id].development_needs,
        }
        for p in _staff(session)
        if p.id in latest and latest[p.id].development_needs
    ]
    rows.sort(key=lambda r: ((r["team"] or "\uffff").casefold(), r["name"].casefold()))
    return typed_frame(
        rows, ["person_id", "name", "team", "staff_role", "assessed_on", "development_needs"], integers=["person_id"]
    )
