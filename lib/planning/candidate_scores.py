"""Assessing a candidate: the criteria, the weighted score, quadrants and value/effort groups."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lib.core.i18n import t

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
    weight = {c: float(weights.get(c, 1.0)) if weights else 1.0 for c in CRITERIA}
    used = [c for c in CRITERIA if weight[c] > 0]
    answered = {c: float(value) for c in used if (value := scores.get(c)) is not None}
    total_weight = sum(weight[c] for c in answered)
    if not answered or total_weight <= 0:
        return Score(None, None, 0.0, 0, len(used))
    weighted = sum(weight[c] * value for c, value in answered.items())
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
