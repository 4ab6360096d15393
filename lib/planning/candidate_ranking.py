"""Candidates ranked by their latest assessment; the points of the value/effort and stakeholder charts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.db import Assessment, Organisation
from lib.planning.candidate_scores import goal_fit_mean, quadrant, value_effort_group, weighted_score


@requires("view_contacts")
def latest_assessments(session: Session) -> dict[int, Assessment]:
    """The newest assessment of each organisation (by ``assessed_on``, then id)."""
    return _latest_assessments(session)


def _latest_assessments(session: Session) -> dict[int, Assessment]:
    # The records carry free text (risks, contributions); the charts below read only scores.
    latest: dict[int, Assessment] = {}
    for assessment in session.scalars(select(Assessment).order_by(Assessment.assessed_on, Assessment.id)):
        latest[assessment.organisation_id] = assessment
    return latest


@requires("view_board")
def ranked_candidates(session: Session, *, partner_ids: Iterable[int] | None = None) -> pd.DataFrame:
    """Every organisation of the workspace, ranked by its latest assessment; nobody is left out.

    Parameters
    ----------
    session : Session
    partner_ids : iterable of int, optional
        Organisations that already are partners; by default those of
        ``lib.network.graph.partner_organisations`` (today). They are flagged, not removed.

    Returns
    -------
    pandas.DataFrame
        One row per organisation: ``rank`` (1 = best; None for organisations without a score),
        ``organisation_id``, ``name``, ``org_type``, ``assessed`` (bool), ``assessment_id``,
        ``assessed_on``, ``score`` (1-5), ``score_pct``, ``completeness``, ``answered``,
        ``goal_fit``, ``influence``, ``interest``, ``quadrant``, ``value``, ``effort``,
        ``value_effort``, ``decision``, ``decided_on`` and ``is_partner``. Assessed organisations
        come first, by score (highest first), then completeness, then name; assessed ones without
        any answered criterion follow; organisations never assessed come last, by name.
    """
    if partner_ids is None:
        from lib.network.graph import partner_organisations

        partner_ids = partner_organisations(session)
    partners = set(partner_ids)
    latest = _latest_assessments(session)
    rows = []
    for org in session.scalars(select(Organisation).order_by(Organisation.name_key, Organisation.id)):
        rows.append(_candidate_row(org, latest.get(org.id), org.id in partners))
    rows.sort(key=_rank_key)
    for position, row in enumerate(rows, start=1):
        row["rank"] = position if row["score"] is not None else None
    columns = [
        "rank",
        "organisation_id",
        "name",
        "org_type",
        "assessed",
        "assessment_id",
        "assessed_on",
        "score",
        "score_pct",
        "completeness",
        "answered",
        "goal_fit",
        "influence",
        "interest",
        "quadrant",
        "value",
        "effort",
        "value_effort",
        "decision",
        "decided_on",
        "is_partner",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    frame["rank"] = frame["rank"].astype("Int64")
    return frame


def _candidate_row(org: Organisation, assessment: Assessment | None, is_partner: bool) -> dict[str, Any]:
    row: dict[str, Any] = {
        "organisation_id": org.id,
        "name": org.name,
        "org_type": org.org_type,
        "assessed": assessment is not None,
        "is_partner": is_partner,
    }
    if assessment is None:
        return (
            row
            | {
                name: None
                for name in (
                    "assessment_id",
                    "assessed_on",
                    "score",
                    "score_pct",
                    "goal_fit",
                    "influence",
                    "interest",
                    "quadrant",
                    "value",
                    "effort",
                    "value_effort",
                    "decision",
                    "decided_on",
                )
            }
            | {"completeness": 0.0, "answered": 0}
        )
    score = weighted_score(assessment.scores or {}, assessment.weights)
    return row | {
        "assessment_id": assessment.id,
        "assessed_on": assessment.assessed_on,
        "score": score.score,
        "score_pct": score.score_pct,
        "completeness": score.completeness,
        "answered": score.answered,
        "goal_fit": goal_fit_mean(assessment.goal_fit),
        "influence": assessment.influence,
        "interest": assessment.interest,
        "quadrant": quadrant(assessment.influence, assessment.interest),
        "value": assessment.value,
        "effort": assessment.effort,
        "value_effort": value_effort_group(assessment.value, assessment.effort),
        "decision": assessment.decision,
        "decided_on": assessment.decided_on,
    }


def _rank_key(row: dict[str, Any]) -> tuple[Any, ...]:
    if not row["assessed"]:
        return (2, 0.0, 0.0, row["name"].casefold())
    if row["score"] is None:
        return (1, 0.0, -row["completeness"], row["name"].casefold())
    return (0, -row["score"], -row["completeness"], row["name"].casefold())


@requires("view_board")
def value_effort_points(
    session: Session, reach: Mapping[Any, float] | None = None, *, min_size: float = 8.0, max_size: float = 40.0
) -> pd.DataFrame:
    """The data of the value-for-effort chart: one point per assessed organisation with value and effort.

    Parameters
    ----------
    reach : mapping, optional
        Network reach per organisation, as ``lib.network.metrics.node_metrics(G)["reach"]`` gives it
        (keys: node ids ``"O<id>"``; plain organisation ids work too). Missing organisations have
        reach 0.
    min_size, max_size : float
        The bubble size of the smallest and the largest reach.

    Returns
    -------
    pandas.DataFrame
        ``organisation_id``, ``name``, ``value``, ``effort``, ``group`` (see :func:`value_effort_group`),
        ``reach``, ``size`` (``min_size + (max_size - min_size) * reach / largest reach``) and
        ``decision``.
    """
    # A pandas Series (node_metrics(G)["reach"]) has no truth value: test for None, not falsiness.
    reach = {} if reach is None else reach
    rows: list[dict[str, Any]] = []
    for org_id, assessment in _latest_assessments(session).items():
        if assessment.value is None or assessment.effort is None:
            continue
        org = session.get(Organisation, org_id)
        value = reach.get(f"O{org_id}", reach.get(org_id, 0.0))
        rows.append(
            {
                "organisation_id": org_id,
                "name": org.name if org else "",
                "value": assessment.value,
                "effort": assessment.effort,
                "group": value_effort_group(assessment.value, assessment.effort),
                "reach": float(value or 0.0),
                "decision": assessment.decision,
            }
        )
    largest = max((row["reach"] for row in rows), default=0.0)
    for row in rows:
        row["size"] = min_size + (max_size - min_size) * (row["reach"] / largest if largest > 0 else 0.0)
    columns = ["organisation_id", "name", "value", "effort", "group", "reach", "size", "decision"]
    return pd.DataFrame(sorted(rows, key=lambda r: r["name"].casefold()), columns=columns)


@requires("view_board")
def stakeholder_points(session: Session) -> pd.DataFrame:
    """The data of the influence × interest chart: ``organisation_id``, ``name``, ``influence``,
    ``interest``, ``quadrant``, for every organisation whose latest assessment rates both."""
    rows: list[dict[str, Any]] = []
    for org_id, assessment in _latest_assessments(session).items():
        if assessment.influence is None or assessment.interest is None:
            continue
        org = session.get(Organisation, org_id)
        rows.append(
            {
                "organisation_id": org_id,
                "name": org.name if org else "",
                "influence": assessment.influence,
                "interest": assessment.interest,
                "quadrant": quadrant(assessment.influence, assessment.interest),
            }
        )
    return pd.DataFrame(
        sorted(rows, key=lambda r: r["name"].casefold()),
        columns=["organisation_id", "name", "influence", "interest", "quadrant"],
    )
