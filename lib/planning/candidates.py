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

from lib.db import DECISIONS
from lib.planning.candidate_assessments import (
    assessments_of,
    clean_assessment_values,
    create_assessment,
    delete_assessment,
    partnership_draft,
    record_decision,
    stored_values,
    update_assessment,
)
from lib.planning.candidate_import import ASSESSMENT_SHEET, AssessmentsImporter, import_assessments
from lib.planning.candidate_ranking import (
    latest_assessments,
    ranked_candidates,
    stakeholder_points,
    value_effort_points,
)
from lib.planning.candidate_scores import (
    ASSESSMENT_FIELDS,
    CRITERIA,
    ENTITY,
    GOAL_FIT_RANGE,
    HIGH_AT,
    QUADRANTS,
    SCORE_RANGE,
    VALUE_EFFORT_GROUPS,
    Score,
    criterion_label,
    goal_fit_mean,
    quadrant,
    value_effort_group,
    weighted_score,
)

__all__ = [
    "DECISIONS",
    "ASSESSMENT_FIELDS",
    "ASSESSMENT_SHEET",
    "AssessmentsImporter",
    "CRITERIA",
    "ENTITY",
    "GOAL_FIT_RANGE",
    "HIGH_AT",
    "QUADRANTS",
    "SCORE_RANGE",
    "Score",
    "VALUE_EFFORT_GROUPS",
    "assessments_of",
    "clean_assessment_values",
    "create_assessment",
    "criterion_label",
    "delete_assessment",
    "goal_fit_mean",
    "import_assessments",
    "latest_assessments",
    "partnership_draft",
    "quadrant",
    "ranked_candidates",
    "record_decision",
    "stakeholder_points",
    "stored_values",
    "update_assessment",
    "value_effort_group",
    "value_effort_points",
    "weighted_score",
]
