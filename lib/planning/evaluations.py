"""Evaluating partnerships continuously, both partners answering: items, rounds, bands, gaps, health.

Three dimensions (``samarbejde`` how we work together, ``fremdrift`` progress, ``resultater``
results), each with a handful of statements answered on a 1-5 agreement scale (1 strongly disagree
… 5 strongly agree). The wording is the product's own (:data:`ITEMS`; texts in
``lib/core/translations/evaluations.py``).

Rules
-----
Means
    a dimension's mean for a side in a round is the mean of all answers to its items by that side's
    respondents (every answer counts once; an item left out is simply not in the mean). ``all`` is
    both sides together.
Reading bands
    ``strength`` at 4.0 and above, ``discuss`` from 3.0 to below 4.0, ``concern`` below 3.0; the
    mean as computed is compared, not a rounded one (3.95 is "discuss").
Gap
    ``library mean - partner mean`` per item and per dimension; ``flagged`` when the sides are
    :data:`GAP_FLAG` (1.0) or more apart: the two partners see the partnership differently, which is
    itself worth talking about.
Health score (0-100), :func:`partnership_health`
    the weighted mean of the parts that can be computed, weights renormalised over them:

    * ``evaluation`` (weight 0.5): the latest round's mean over all answers of both sides,
      ``(mean - 1) / 4 * 100``;
    * ``contact`` (weight 0.25): 100 when the contact rhythm is kept (next contact not overdue),
      falling linearly to 0 when a contact is overdue by a whole rhythm:
      ``100 * max(0, 1 - days overdue / rhythm days)``; not computed without a rhythm;
    * ``goals`` (weight 0.25): the mean fulfilment (0-100, ``lib.planning.goals``) of the goals the
      partnership serves, from their latest measurements; not computed without any.

    None when no part can be computed.

Survey import (:func:`import_survey`)
    one row per respondent, one column per item (headed by its code, "sam1", or by its text in
    Danish or English, or both: "sam1 – Vi har tillid …"), a side column ("Side", "Part", values
    "bibliotek"/"library" or "partner") and optional respondent and reflections columns. A value
    outside 1-5 is left out with a warning (the rest of that respondent's answers are kept); "ved
    ikke" or an empty cell is simply no answer. A row without a side it can read, or without a single
    valid answer, is rejected. Every row read is inserted, rejected or skipped (blank rows and
    answers already stored in the round are skipped).
"""

from __future__ import annotations

from lib.planning.evaluation_answers import (
    ANSWER_COLUMNS,
    Gaps,
    answers_frame,
    dimension_means,
    item_table,
    latest_round,
    latest_round_items,
    scores_over_time,
    side_gaps,
)
from lib.planning.evaluation_health import (
    HealthPart,
    HealthScore,
    combine_health,
    contact_part,
    evaluation_part,
    goals_part,
    health_overview,
    partnership_health,
)
from lib.planning.evaluation_import import SURVEY_SHEET, SurveyImporter, import_survey
from lib.planning.evaluation_items import (
    BANDS,
    DIMENSIONS,
    DISCUSS_AT,
    ENTITY,
    GAP_FLAG,
    HEALTH_WEIGHTS,
    ITEM_CODES,
    ITEMS,
    SCALE,
    SIDES,
    STRENGTH_AT,
    band,
    dimension_of,
    item_text,
    items_of,
)
from lib.planning.evaluation_rounds import (
    RESPONSE_COLUMNS,
    ROUND_COLUMNS,
    add_response,
    create_round,
    delete_response,
    delete_round,
    responses_frame,
    round_counts,
    rounds_frame,
    rounds_of,
)

__all__ = [
    "ANSWER_COLUMNS",
    "BANDS",
    "DIMENSIONS",
    "DISCUSS_AT",
    "ENTITY",
    "GAP_FLAG",
    "Gaps",
    "HEALTH_WEIGHTS",
    "HealthPart",
    "HealthScore",
    "ITEMS",
    "ITEM_CODES",
    "RESPONSE_COLUMNS",
    "ROUND_COLUMNS",
    "SCALE",
    "SIDES",
    "STRENGTH_AT",
    "SURVEY_SHEET",
    "SurveyImporter",
    "add_response",
    "answers_frame",
    "band",
    "combine_health",
    "contact_part",
    "create_round",
    "delete_response",
    "delete_round",
    "dimension_means",
    "dimension_of",
    "evaluation_part",
    "goals_part",
    "health_overview",
    "import_survey",
    "item_table",
    "item_text",
    "items_of",
    "latest_round",
    "latest_round_items",
    "partnership_health",
    "responses_frame",
    "round_counts",
    "rounds_frame",
    "rounds_of",
    "scores_over_time",
    "side_gaps",
]
