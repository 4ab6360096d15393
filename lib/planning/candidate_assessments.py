"""Assessments of candidates created, changed, decided on and deleted; a partnership drafted from one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.db import DECISIONS, Assessment, Goal, Organisation, log_event
from lib.ingest.planning_tables import (
    log_organisation_use,
)
from lib.planning.candidate_scores import ASSESSMENT_FIELDS, CRITERIA, ENTITY, GOAL_FIT_RANGE, SCORE_RANGE
from lib.workspace import editing


def _clean_scores(values: Mapping[str, Any] | None) -> dict[str, int | None]:
    clean: dict[str, int | None] = {}
    for code, value in (values or {}).items():
        if code not in CRITERIA:
            raise ValueError(f"unknown criterion: {code}")
        clean[code] = editing.whole_number(value, code, *SCORE_RANGE, key="partners.score_invalid")
    return clean


def _clean_weights(values: Mapping[str, Any] | None) -> dict[str, float] | None:
    if not values:
        return None
    clean: dict[str, float] = {}
    for code, value in values.items():
        if code not in CRITERIA:
            raise ValueError(f"unknown criterion: {code}")
        number = editing.number_value(value, code)
        if number is None or number < 0:
            raise ValidationFailed("partners.weight_invalid", field=code, value=value)
        clean[code] = number
    return clean


def _clean_goal_fit(session: Session, values: Mapping[Any, Any] | None) -> dict[str, int] | None:
    if not values:
        return None
    clean: dict[str, int] = {}
    for goal_id, value in values.items():
        if session.get(Goal, int(goal_id)) is None:
            raise ValidationFailed("strategy.no_such_goal", id=goal_id)
        fit = editing.whole_number(value, "goal_fit", *GOAL_FIT_RANGE, key="partners.goal_fit_invalid")
        if fit is not None:
            clean[str(int(goal_id))] = fit
    return clean or None


@requires("edit")
def clean_assessment_values(session: Session, values: Mapping[str, Any]) -> dict[str, Any]:
    """An assessment's values as they will be stored; raises ValidationFailed for the first that cannot be.

    Required: the organisation and the date. Scores 1-5 or None; weights >= 0; goal fit 0-3 per
    existing goal; influence, interest, value and effort 1-5 or None; a decision needs its date.
    """
    editing.reject_unknown_fields(values, ASSESSMENT_FIELDS)
    organisation_id = values.get("organisation_id")
    if organisation_id is None or session.get(Organisation, int(organisation_id)) is None:
        raise ValidationFailed("partners.organisation_required", field="organisation_id")
    clean: dict[str, Any] = {
        "organisation_id": int(organisation_id),
        "assessed_on": editing.date_value(values.get("assessed_on"), "assessed_on"),
        "assessor_id": editing.staff_value(session, values.get("assessor_id"), "assessor_id"),
        "scores": _clean_scores(values.get("scores")),
        "weights": _clean_weights(values.get("weights")),
        "goal_fit": _clean_goal_fit(session, values.get("goal_fit")),
        "contribution_to_us": editing.multiline_value(values.get("contribution_to_us")),
        "contribution_from_us": editing.multiline_value(values.get("contribution_from_us")),
        "risks": editing.multiline_value(values.get("risks")),
        "decision": editing.code_value(values.get("decision"), DECISIONS, "decision"),
        "decided_on": editing.date_value(values.get("decided_on"), "decided_on"),
        "decided_by_id": editing.staff_value(session, values.get("decided_by_id"), "decided_by_id"),
    }
    for name in ("influence", "interest", "value", "effort"):
        clean[name] = editing.whole_number(values.get(name), name, *SCORE_RANGE, key="partners.score_invalid")
    if clean["assessed_on"] is None:
        raise ValidationFailed("partners.assessed_on_required", field="assessed_on")
    if clean["decision"] is not None and clean["decided_on"] is None:
        raise ValidationFailed("partners.decided_on_required", field="decided_on")
    return clean


def _get_assessment(session: Session, assessment_id: int) -> Assessment:
    return editing.existing(session, Assessment, assessment_id, "partners.no_such_assessment")


@requires("view_contacts")
def partnership_draft(session: Session, assessment_id: int) -> dict[str, Any]:
    """What a new partnership starts from after "go ahead" on the assessment: its organisation (also as
    the title) and the goals the assessment found the partner fits (fit above 0, goals still there).

    Returns ``{"title", "organisation_ids", "goal_ids"}``.
    """
    assessment = _get_assessment(session, assessment_id)
    organisation = session.get(Organisation, assessment.organisation_id)
    fits = sorted(
        ((int(goal), int(fit)) for goal, fit in (assessment.goal_fit or {}).items() if fit),
        key=lambda pair: (-pair[1], pair[0]),
    )
    return {
        "title": organisation.name if organisation is not None else "",
        "organisation_ids": [assessment.organisation_id],
        "goal_ids": [goal for goal, _ in fits if session.get(Goal, goal) is not None],
    }


@requires("edit")
def create_assessment(session: Session, values: Mapping[str, Any], actor: str | None = None) -> int:
    """Add an assessment of an organisation; returns its id."""
    assessment = Assessment(**clean_assessment_values(session, values))
    session.add(assessment)
    session.flush()
    log_event(
        session,
        "assessment_created",
        entity=ENTITY,
        entity_id=assessment.id,
        actor=actor,
        organisation=assessment.organisation_id,
    )
    log_organisation_use(
        session, [assessment.organisation_id], "organisation_assessed", actor, assessment=assessment.id
    )
    return assessment.id


@requires("view_contacts")
def stored_values(session: Session, assessment: Assessment) -> dict[str, Any]:
    """The values of ``assessment`` as :func:`clean_assessment_values` takes them.

    Fits to goals deleted since the assessment was made are left out: the goal is gone, and a
    stored reference to it would otherwise make every later edit or decision fail its check.
    """
    values = editing.current_values(assessment, ASSESSMENT_FIELDS)
    fit = values.get("goal_fit") or {}
    values["goal_fit"] = {goal: v for goal, v in fit.items() if session.get(Goal, int(goal)) is not None} or None
    return values


@requires("edit")
def update_assessment(
    session: Session, assessment_id: int, changes: Mapping[str, Any], actor: str | None = None
) -> list[str]:
    """Store the changed values of an assessment; returns the names of the fields that changed."""
    assessment = _get_assessment(session, assessment_id)
    editing.reject_unknown_fields(changes, ASSESSMENT_FIELDS)
    clean = clean_assessment_values(session, {**stored_values(session, assessment), **changes})
    changed = editing.apply_changes(assessment, clean)
    if changed:
        log_event(session, "assessment_updated", entity=ENTITY, entity_id=assessment.id, actor=actor, changes=changed)
    return list(changed)


@requires("edit")
def record_decision(
    session: Session,
    assessment_id: int,
    decision: str | None,
    decided_on: Any,
    decided_by_id: int | None = None,
    actor: str | None = None,
) -> None:
    """Record (or, with ``decision=None``, withdraw) the decision on a candidate: decline, explore, go ahead."""
    changes = {
        "decision": decision,
        "decided_on": decided_on if decision else None,
        "decided_by_id": decided_by_id if decision else None,
    }
    assessment = _get_assessment(session, assessment_id)
    clean = clean_assessment_values(session, {**stored_values(session, assessment), **changes})
    changed = editing.apply_changes(assessment, clean)
    if changed:
        log_event(
            session,
            "assessment_decided",
            entity=ENTITY,
            entity_id=assessment.id,
            actor=actor,
            organisation=assessment.organisation_id,
            decision=decision,
            decided_on=clean["decided_on"],
        )


@requires("edit")
def delete_assessment(session: Session, assessment_id: int, actor: str | None = None) -> None:
    assessment = _get_assessment(session, assessment_id)
    log_event(
        session,
        "assessment_deleted",
        entity=ENTITY,
        entity_id=assessment_id,
        actor=actor,
        organisation=assessment.organisation_id,
    )
    session.delete(assessment)
    session.flush()


@requires("view_contacts")
def assessments_of(session: Session, organisation_id: int) -> list[Assessment]:
    """An organisation's assessments, newest first."""
    return list(
        session.scalars(
            select(Assessment)
            .where(Assessment.organisation_id == organisation_id)
            .order_by(Assessment.assessed_on.desc(), Assessment.id.desc())
        )
    )
