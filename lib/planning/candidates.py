"""Choosing partners with care: assessing every candidate on the same criteria, ranking, deciding.

Every organisation of the workspace is a candidate; nobody is left out in advance. An assessment
rates the candidate on the criteria of :data:`CRITERIA` (1-5, or None for "don't know"), notes what
each side could contribute and the risks, places it in the stakeholder view (influence × interest)
and the value-for-effort view, and may record a decision: decline, keep exploring, or go ahead. The
assessment informs; a declined candidate stays in the list with its decision shown.

Weighted score
    ``score = sum(w_c * s_c) / sum(w_c)`` over the criteria ``c`` that were answered (``s_c`` not
    None) and weigh more than 0; "don't know" is left out and the remaining weights renormalised, so
    not knowing neither rewards nor punishes a candidate. Weights default to 1. ``score_pct`` puts the
    score on 0-100: ``(score - 1) / 4 * 100``. None when no weighted criterion was answered.
Completeness
    the share of the weighted criteria that were answered (0-1): how much the score rests on.
Stakeholder quadrant
    influence and interest are "high" at 3 or more (the middle of the 1-5 scale counts as high, so
    a candidate is only "monitored" when both are clearly low): high/high ``manage_closely``,
    high influence only ``keep_satisfied``, high interest only ``keep_informed``, both low
    ``monitor``; None when either is missing.
Value for effort
    value and effort (1-5) are "high" at 3 or more, as above: ``quick_win`` (high value, low
    effort), ``major_project`` (both high), ``fill_in`` (both low), ``questionable`` (low value, high
    effort).

Examples
--------
>>> weighted_score({"track_record": 5, "standing": None, "stable_staff": 3}).score
4.0
>>> quadrant(influence=4, interest=2)
'keep_satisfied'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core import normalize
from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.core.i18n import t
from lib.db import DECISIONS, Assessment, Goal, Organisation, log_event
from lib.ingest.planning_tables import (
    Column,
    OrganisationIndex,
    SheetSpec,
    StaffIndex,
    TableImporter,
    TableImportResult,
    cell_text,
    code_from_words,
    log_organisation_use,
    parse_score,
    parse_score_or_dont_know,
    run_table_import,
)
from lib.ingest.rows import RowValues
from lib.workspace import editing

#: The criteria of the domain notes, in their order. Labels: ``partners.criterion.<code>``, help
#: texts: ``partners.criterion.<code>.help``.
CRITERIA = (
    "track_record",  # what it has achieved before
    "standing",  # standing in its own sector and with others
    "shared_contacts",  # contacts it is willing to share
    "resources",  # access to resources and knowledge
    "complementary_skills",  # skills that complement the library's
    "management",  # sound management
    "financial_stability",
    "stable_staff",
    "staying_power",
    "target_group_reach",  # reach into the library's target groups
    "goal_fit",  # fit with the library's goals and values
)
SCORE_RANGE = (1, 5)
#: Goal fit per goal: 0 none, 1 a little, 2 clearly, 3 central.
GOAL_FIT_RANGE = (0, 3)
#: Influence, interest, value and effort at or above this count as high.
HIGH_AT = 3
QUADRANTS = ("manage_closely", "keep_satisfied", "keep_informed", "monitor")
VALUE_EFFORT_GROUPS = ("quick_win", "major_project", "fill_in", "questionable")
ASSESSMENT_FIELDS = (
    "organisation_id",
    "assessed_on",
    "assessor_id",
    "scores",
    "weights",
    "goal_fit",
    "contribution_to_us",
    "contribution_from_us",
    "risks",
    "influence",
    "interest",
    "value",
    "effort",
    "decision",
    "decided_on",
    "decided_by_id",
)
ENTITY = "assessment"


def criterion_label(code: str, lang: str = "da") -> str:

    return t(f"partners.criterion.{code}", lang)


# --- scores ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    """A weighted score and how much it rests on."""

    score: float | None  # 1-5
    score_pct: float | None  # 0-100
    completeness: float  # 0-1: share of the weighted criteria answered
    answered: int
    total: int


def weighted_score(scores: Mapping[str, int | None], weights: Mapping[str, float] | None = None) -> Score:
    """The weighted mean of the answered criteria (see the module notes).

    Parameters
    ----------
    scores : mapping
        ``{criterion: 1-5 or None}``; criteria not listed count as "don't know".
    weights : mapping, optional
        ``{criterion: weight >= 0}``; missing criteria weigh 1, a weight of 0 leaves a criterion out.

    Examples
    --------
    >>> s = weighted_score({"track_record": 5, "standing": 2}, {"track_record": 3})
    >>> s.score, s.completeness
    (4.25, 0.18181818181818182)
    """
    weights = weights or {}
    used = [c for c in CRITERIA if float(weights.get(c, 1.0)) > 0]
    answered = [c for c in used if scores.get(c) is not None]
    total_weight = sum(float(weights.get(c, 1.0)) for c in answered)
    if not answered or total_weight <= 0:
        return Score(None, None, 0.0, 0, len(used))
    weighted = sum(float(weights.get(c, 1.0)) * float(scores[c]) for c in answered)  # type: ignore[arg-type]
    score = weighted / total_weight
    return Score(score, (score - 1.0) / 4.0 * 100.0, len(answered) / len(used), len(answered), len(used))


def quadrant(influence: int | None, interest: int | None) -> str | None:
    """The stakeholder group for influence × interest (threshold :data:`HIGH_AT`)."""
    if influence is None or interest is None:
        return None
    high_influence, high_interest = influence >= HIGH_AT, interest >= HIGH_AT
    if high_influence and high_interest:
        return "manage_closely"
    if high_influence:
        return "keep_satisfied"
    if high_interest:
        return "keep_informed"
    return "monitor"


def value_effort_group(value: int | None, effort: int | None) -> str | None:
    """``quick_win``, ``major_project``, ``fill_in`` or ``questionable`` (threshold :data:`HIGH_AT`)."""
    if value is None or effort is None:
        return None
    if value >= HIGH_AT:
        return "major_project" if effort >= HIGH_AT else "quick_win"
    return "questionable" if effort >= HIGH_AT else "fill_in"


def goal_fit_mean(goal_fit: Mapping[str, int] | None) -> float | None:
    """The mean fit (0-3) over the goals rated; None when none was rated."""
    values = [int(v) for v in (goal_fit or {}).values() if v is not None]
    return sum(values) / len(values) if values else None


# --- the ranked list -------------------------------------------------------------------------------


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
    rows = []
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
    rows = []
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


# --- creating, editing, deciding -------------------------------------------------------------------


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


# --- import ----------------------------------------------------------------------------------------

_DECISION_WORDS = {
    "decline": ("afvis", "afvist", "nej", "no", "declined", "fravælg"),
    "explore": ("undersøg videre", "afsøg", "undersøg", "måske", "maybe", "keep exploring", "explore further"),
    "go_ahead": ("gå videre", "ja", "yes", "go", "go ahead", "videre"),
}

ASSESSMENT_SHEET = SheetSpec(
    "assessments",
    (
        Column(
            "organisation",
            "partners.col.organisation",
            ("organisation", "partner", "kandidat", "candidate", "navn"),
            required=True,
        ),
        Column("assessed_on", "partners.col.assessed_on", ("dato", "date", "vurderet", "assessed")),
        Column("assessor", "partners.col.assessor", ("vurderet af", "assessor", "udfyldt af")),
        *(Column(code, f"partners.criterion.{code}", (code,)) for code in CRITERIA),
        Column("influence", "partners.col.influence", ("indflydelse", "influence", "magt", "power")),
        Column("interest", "partners.col.interest", ("interesse", "interest")),
        Column("value", "partners.col.value", ("værdi", "value", "gevinst")),
        Column("effort", "partners.col.effort", ("indsats", "effort", "ressourcer", "arbejde")),
        Column("contribution_to_us", "partners.col.contribution_to_us", ("bidrag til os", "what they bring")),
        Column("contribution_from_us", "partners.col.contribution_from_us", ("bidrag fra os", "what we bring")),
        Column("risks", "partners.col.risks", ("risici", "risiko", "risks", "risk")),
        Column("decision", "partners.col.decision", ("beslutning", "decision")),
        Column("decided_on", "partners.col.decided_on", ("besluttet", "decided")),
        Column("decided_by", "partners.col.decided_by", ("besluttet af", "decided by")),
    ),
)


class AssessmentsImporter(TableImporter):
    """One row per assessment: the organisation (by name; created when unknown), the date, the
    criteria (1-5, "ved ikke"), the stakeholder and value/effort ratings, texts and the decision.

    A score outside 1-5 is left out with a warning (the criterion counts as "don't know"); an
    unknown organisation is created with a note; a row identical to a stored assessment (same
    organisation, date and scores) is skipped. Without a date the row is rejected.
    """

    kind = "assessments"
    sheets = (ASSESSMENT_SHEET,)

    def __init__(self) -> None:
        self.orgs = OrganisationIndex()
        self.staff = StaffIndex()
        self.known: set[tuple[Any, dt.date, str]] = set()
        self.planned: list[tuple[str, dict[str, Any]]] = []
        self.decision = code_from_words(_DECISION_WORDS, "partners.decision")

    def load(self, session: Session) -> None:
        self.orgs = OrganisationIndex.load(session)
        self.staff = StaffIndex.load(session)
        keys = {org_id: key for key, org_id in self.orgs.by_key.items()}
        for org_id, assessed_on, scores in session.execute(
            select(Assessment.organisation_id, Assessment.assessed_on, Assessment.scores)
        ):
            self.known.add((keys.get(org_id), assessed_on, _scores_signature(scores or {})))

    def read_row(self, role: str, row: RowValues) -> str:
        name = row.text("organisation")
        if not name:
            return row.reject("", "partners.organisation_required")
        if not row.name_fits(Organisation, name, row.column("organisation")):
            return "rejected"
        assessed_on = row.parsed("assessed_on", normalize.parse_date, severity="error")
        if assessed_on is None:
            if not row.has_errors:
                return row.reject(row.column("assessed_on"), "partners.assessed_on_required")
            return "rejected"
        scores = {code: row.parsed(code, parse_score_or_dont_know) if row.raw(code) else None for code in CRITERIA}
        ratings = {name_: row.parsed(name_, parse_score) for name_ in ("influence", "interest", "value", "effort")}
        decision = row.parsed("decision", self.decision)
        decided_on = row.parsed("decided_on", normalize.parse_date)
        if decision is not None and decided_on is None:
            decided_on = assessed_on
        key, is_new = self.orgs.ref(name)
        signature = (key, assessed_on, _scores_signature(scores))
        if signature in self.known:
            row.warn(row.column("organisation"), "partners.import.assessment_exists", name=name)
            return "skipped"
        if is_new:
            row.warn(row.column("organisation"), "partners.import.organisation_created", name=name)
        self.known.add(signature)
        self.planned.append(
            (
                key,
                {
                    "assessed_on": assessed_on,
                    "scores": scores,
                    **ratings,
                    "assessor_id": self._staff(row, "assessor"),
                    "decided_by_id": self._staff(row, "decided_by"),
                    "decision": decision,
                    "decided_on": decided_on if decision else None,
                    **{text: cell_text(row, text) for text in ("contribution_to_us", "contribution_from_us", "risks")},
                },
            )
        )
        return "insert"

    def _staff(self, row: RowValues, name: str) -> int | None:
        text = row.text(name)
        person_id = self.staff.find(text)
        if text and person_id is None:
            row.warn(row.column(name), "strategy.import.unknown_owner", value=text)
        return person_id

    def store(self, session: Session, batch_id: int) -> dict[str, int]:
        created_orgs = self.orgs.store_new(session, batch_id)
        records = [
            Assessment(organisation_id=self.orgs.id_of(key), batch_id=batch_id, **values)
            for key, values in self.planned
        ]
        session.add_all(records)
        session.flush()
        log_organisation_use(
            session, [r.organisation_id for r in records], "organisation_assessed", None, batch=batch_id
        )
        return {"assessments": len(records), "organisations": created_orgs}


def _scores_signature(scores: Mapping[str, Any]) -> str:
    return ";".join(f"{code}={scores.get(code)}" for code in CRITERIA)


@requires("import")
def import_assessments(
    db: Any, file_name: str, data: bytes, *, commit: bool, actor: str | None = None
) -> TableImportResult:
    """Import assessments from an Excel or CSV file (see :class:`AssessmentsImporter`)."""
    return run_table_import(db, AssessmentsImporter(), file_name, data, commit=commit, actor=actor)
