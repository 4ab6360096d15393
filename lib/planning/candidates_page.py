"""What the page "Partnere" shows: the services its components call and the tables they show.

Each service takes the :class:`~lib.db.Database` (acting as the user) and opens its own read; the
pure functions turn a service's rows into the tables the user reads (translated headers and words,
one decimal in the reader's format). Changes go through ``lib.planning.candidates``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from lib.contacts import search as contact_search
from lib.core.access import requires
from lib.core.frames import is_missing
from lib.core.i18n import format_number, t
from lib.core.i18n import label as vocabulary_label
from lib.db import DECISIONS, Database
from lib.planning import candidates
from lib.planning import goals as strategy

#: The decisions one can take on an assessment, in the order the page offers them.
DECISION_CODES: tuple[str, ...] = tuple(DECISIONS)


@dataclass(frozen=True)
class PartnersChoices:
    """Everything the page's pickers offer: organisations, staff and goals (id → name)."""

    organisations: dict[int, str]
    staff: dict[int, str]
    goals: dict[int, str]


@dataclass(frozen=True)
class ChartPoints:
    """The dots of one chart and how many organisations are assessed at all."""

    points: pd.DataFrame
    assessed: int


@requires("view_contacts")
def partners_choices(db: Database) -> PartnersChoices:
    """The organisations to assess, the staff who assess and decide, and the goals to rate the fit to."""
    with db.read() as session:
        return PartnersChoices(
            dict(contact_search.organisation_choices(session)),
            dict(strategy.staff_choices(session)),
            dict(strategy.goal_choices(session)),
        )


@requires("view_contacts")
def ranking(db: Database) -> pd.DataFrame:
    """Every organisation ranked by its latest assessment (:func:`lib.planning.candidates.ranked_candidates`)."""
    with db.read() as session:
        return candidates.ranked_candidates(session)


@requires("view_contacts")
def assessment_history(db: Database, organisation_id: int) -> list[dict[str, Any]]:
    """The organisation's assessments, newest first, as plain values with their id."""
    with db.read() as session:
        return [
            {"id": a.id, **candidates.stored_values(session, a)}
            for a in candidates.assessments_of(session, organisation_id)
        ]


@requires("view_contacts")
def stakeholder_chart(db: Database) -> ChartPoints:
    """The dots of the influence × interest matrix."""
    with db.read() as session:
        return ChartPoints(candidates.stakeholder_points(session), len(candidates.latest_assessments(session)))


@requires("view_contacts")
def value_effort_chart(db: Database) -> ChartPoints:
    """The bubbles of the value-for-effort chart, each sized by its organisation's reach in today's network.

    The network is built (and measured, see ``lib.network.metrics.kept_node_metrics``: the measures the
    network page made of the same graph) only when some organisation has both values: an empty chart
    costs nothing.
    """
    with db.read() as session:
        if candidates.value_effort_points(session).empty:
            return ChartPoints(pd.DataFrame(), len(candidates.latest_assessments(session)))
        from lib.network import graph as netgraph
        from lib.network import metrics as netmetrics

        reach = netmetrics.kept_node_metrics(netgraph.build_graph(session))["reach"]
        return ChartPoints(candidates.value_effort_points(session, reach), len(candidates.latest_assessments(session)))


def decision_text(assessed: bool, decision: Any, language: str) -> str:
    """The decision in words; the unassessed and the undecided say so instead of staying blank."""
    if not assessed:
        return t("partners.not_assessed", language)
    if not isinstance(decision, str) or not decision:
        return t("partners.decision.none", language)
    return t(f"partners.decision.{decision}", language)


def _group_text(prefix: str, code: Any, language: str) -> str | None:
    """The words of a group code (``prefix.code``), or None for no group."""
    return t(f"{prefix}.{code}", language) if isinstance(code, str) and code else None


def one_decimal(value: Any, language: str) -> str | None:
    """A number with one decimal in the reader's format ("3,7"), or None."""
    if is_missing(value):
        return None
    return format_number(float(value), language, 1)


def ranking_frame(ranked: pd.DataFrame, language: str) -> pd.DataFrame:
    """:func:`lib.planning.candidates.ranked_candidates` as the user reads it: translated headers and words."""

    rows = []
    for row in ranked.itertuples(index=False):
        completeness = None if not row.assessed else round(float(row.completeness) * 100)
        rows.append(
            {
                t("partners_page.col.rank", language): row.rank,
                t("partners_page.col.name", language): row.name,
                t("partners_page.col.org_type", language): vocabulary_label("orgtype", row.org_type, language),
                t("partners_page.col.score", language): one_decimal(row.score, language),
                t("partners_page.col.completeness", language): completeness,
                t("partners_page.col.goal_fit", language): one_decimal(row.goal_fit, language),
                t("partners_page.col.quadrant", language): _group_text("partners.quadrant", row.quadrant, language),
                t("partners_page.col.value_effort", language): _group_text(
                    "partners.value_effort", row.value_effort, language
                ),
                t("partners_page.col.decision", language): decision_text(bool(row.assessed), row.decision, language),
                t("partners_page.col.decided_on", language): row.decided_on,
                t("partners_page.col.assessed_on", language): row.assessed_on,
                t("partners_page.col.is_partner", language): bool(row.is_partner),
            }
        )
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame[t("partners_page.col.rank", language)] = frame[t("partners_page.col.rank", language)].astype("Int64")
    return frame


def history_frame(history: Sequence[Mapping[str, Any]], staff: Mapping[int, str], language: str) -> pd.DataFrame:
    """Every assessment of an organisation with its score, completeness and decision, newest first."""

    rows = []
    for entry in history:
        score = candidates.weighted_score(entry.get("scores") or {}, entry.get("weights"))
        rows.append(
            {
                t("partners_page.col.assessed_on", language): entry["assessed_on"],
                t("partners_page.col.assessor", language): staff.get(entry.get("assessor_id"), ""),  # type: ignore[arg-type]
                t("partners_page.col.score", language): one_decimal(score.score, language),
                t("partners_page.col.completeness", language): round(score.completeness * 100),
                t("partners_page.col.decision", language): decision_text(True, entry.get("decision"), language),
                t("partners_page.col.decided_on", language): entry.get("decided_on"),
            }
        )
    return pd.DataFrame(rows)


def assessment_values(
    scores: Mapping[str, int | None],
    weights: Mapping[str, float | None],
    goal_fit: Mapping[int, int | None],
    **fields: Any,
) -> dict[str, Any]:
    """An assessment's values as ``lib.planning.candidates`` stores them, from what its form holds.

    Weights of 1 (and weights left empty) are left out, so an assessment with the usual weights
    stores none; goals without a fit chosen are left out; ``fields`` (date, assessor, positions,
    texts) are passed on as they are.
    """
    kept_weights = {code: float(w) for code, w in weights.items() if w is not None and float(w) != 1.0}
    fit = {str(goal): value for goal, value in goal_fit.items() if value is not None}
    return {**fields, "scores": dict(scores), "weights": kept_weights or None, "goal_fit": fit or None}
