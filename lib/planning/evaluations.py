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

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.core.i18n import t
from lib.db import RESPONDENT_SIDES, EvaluationResponse, EvaluationRound, Partnership, PartnershipGoal, log_event
from lib.ingest.planning_tables import (
    DONT_KNOW_WORDS,
    Column,
    SheetSpec,
    TableImporter,
    TableImportResult,
    cell_text,
    code_from_words,
    parse_score,
    run_table_import,
)
from lib.ingest.rows import RowValues
from lib.planning.goals import goal_statuses
from lib.planning.partnerships import contact_due_of, last_contacts
from lib.workspace import editing

DIMENSIONS = ("samarbejde", "fremdrift", "resultater")
#: The item bank: (code, dimension). Texts: ``evaluations.item.<code>``.
ITEMS: tuple[tuple[str, str], ...] = (
    ("sam1", "samarbejde"),
    ("sam2", "samarbejde"),
    ("sam3", "samarbejde"),
    ("sam4", "samarbejde"),
    ("sam5", "samarbejde"),
    ("frem1", "fremdrift"),
    ("frem2", "fremdrift"),
    ("frem3", "fremdrift"),
    ("frem4", "fremdrift"),
    ("res1", "resultater"),
    ("res2", "resultater"),
    ("res3", "resultater"),
    ("res4", "resultater"),
)
ITEM_CODES = tuple(code for code, _ in ITEMS)
SIDES = RESPONDENT_SIDES
SCALE = (1, 5)
BANDS = ("strength", "discuss", "concern")
STRENGTH_AT = 4.0
DISCUSS_AT = 3.0
GAP_FLAG = 1.0
HEALTH_WEIGHTS = {"evaluation": 0.5, "contact": 0.25, "goals": 0.25}
ENTITY = "evaluation_round"


def dimension_of(code: str) -> str:
    """The dimension of an item code ("sam2" → "samarbejde")."""
    return dict(ITEMS)[code]


def items_of(dimension: str) -> list[str]:
    return [code for code, dim in ITEMS if dim == dimension]


def item_text(code: str, lang: str = "da") -> str:

    return t(f"evaluations.item.{code}", lang)


def band(mean: float | None) -> str | None:
    """The reading band of a mean: ``strength`` (>= 4.0), ``discuss`` (>= 3.0), ``concern``; None for None."""
    if mean is None or pd.isna(mean):
        return None
    if mean >= STRENGTH_AT:
        return "strength"
    if mean >= DISCUSS_AT:
        return "discuss"
    return "concern"


# --- rounds and responses --------------------------------------------------------------------------


def _clean_answers(answers: Mapping[str, Any]) -> dict[str, int]:
    clean: dict[str, int] = {}
    for code, value in answers.items():
        if code not in ITEM_CODES:
            raise ValueError(f"unknown item: {code}")
        score = editing.whole_number(value, code, *SCALE, key="evaluations.score_invalid")
        if score is not None:
            clean[code] = score
    return clean


@requires("edit")
def create_round(
    session: Session, partnership_id: int, held_on: Any, title: str | None = None, actor: str | None = None
) -> int:
    """Start an evaluation round of a partnership; returns its id."""
    if session.get(Partnership, partnership_id) is None:
        raise ValidationFailed("partnerships.no_such_partnership", id=partnership_id)
    date = editing.date_value(held_on, "held_on")
    if date is None:
        raise ValidationFailed("evaluations.held_on_required", field="held_on")
    record = EvaluationRound(partnership_id=partnership_id, held_on=date, title=editing.text_value(title, "title", 300))
    session.add(record)
    session.flush()
    log_event(
        session,
        "evaluation_round_created",
        entity=ENTITY,
        entity_id=record.id,
        actor=actor,
        partnership=partnership_id,
        held_on=date,
    )
    return record.id


def _get_round(session: Session, round_id: int) -> EvaluationRound:
    return editing.existing(session, EvaluationRound, round_id, "evaluations.no_such_round")


@requires("edit")
def add_response(
    session: Session,
    round_id: int,
    side: str,
    answers: Mapping[str, Any],
    *,
    respondent: str | None = None,
    reflections: str | None = None,
    actor: str | None = None,
) -> int:
    """Add one respondent's answers (``{item code: 1-5 or None}``) to a round; returns its id."""
    _get_round(session, round_id)
    side_code = editing.code_value(side, SIDES, "side", required=True)
    clean = _clean_answers(answers)
    if not clean:
        raise ValidationFailed("evaluations.import.no_answers", field="answers")
    response = EvaluationResponse(
        round_id=round_id,
        respondent_side=side_code,
        answers=clean,
        respondent=editing.text_value(respondent, "respondent", 200),
        reflections=editing.multiline_value(reflections),
    )
    session.add(response)
    session.flush()
    log_event(
        session,
        "evaluation_response_added",
        entity=ENTITY,
        entity_id=round_id,
        actor=actor,
        side=side_code,
        answers=len(clean),
    )
    return response.id


@requires("edit")
def delete_response(session: Session, response_id: int, actor: str | None = None) -> None:
    response = editing.existing(session, EvaluationResponse, response_id, "evaluations.no_such_response")
    log_event(session, "evaluation_response_deleted", entity=ENTITY, entity_id=response.round_id, actor=actor)
    session.delete(response)
    session.flush()


@requires("edit")
def delete_round(session: Session, round_id: int, actor: str | None = None) -> None:
    """Delete a round with all its responses."""
    record = _get_round(session, round_id)
    log_event(
        session,
        "evaluation_round_deleted",
        entity=ENTITY,
        entity_id=round_id,
        actor=actor,
        partnership=record.partnership_id,
        held_on=record.held_on,
    )
    session.delete(record)
    session.flush()


@requires("view_board")
def rounds_of(session: Session, partnership_id: int) -> list[EvaluationRound]:
    """A partnership's rounds, oldest first."""
    return list(
        session.scalars(
            select(EvaluationRound)
            .where(EvaluationRound.partnership_id == partnership_id)
            .order_by(EvaluationRound.held_on, EvaluationRound.id)
        )
    )


@requires("view_board")
def round_counts(session: Session) -> dict[int, int]:
    """How many evaluation rounds each partnership has (partnerships without one left out)."""
    query = select(EvaluationRound.partnership_id, func.count(EvaluationRound.id)).group_by(
        EvaluationRound.partnership_id
    )
    return {int(partnership_id): int(count) for partnership_id, count in session.execute(query)}


ROUND_COLUMNS = ["round_id", "held_on", "title", "library", "partner", "responses", "imported"]


@requires("view_board")
def rounds_frame(session: Session, partnership_id: int) -> pd.DataFrame:
    """A partnership's rounds, newest first: ``round_id``, ``held_on``, ``title``, ``library`` and
    ``partner`` (respondents per side), ``responses`` (both sides), ``imported`` (made by an import)."""
    rows = []
    for record in reversed(rounds_of(session, partnership_id)):
        sides = [
            side
            for (side,) in session.execute(
                select(EvaluationResponse.respondent_side).where(EvaluationResponse.round_id == record.id)
            )
        ]
        rows.append(
            {
                "round_id": record.id,
                "held_on": record.held_on,
                "title": record.title,
                **{side: sides.count(side) for side in SIDES},
                "responses": len(sides),
                "imported": record.batch_id is not None,
            }
        )
    return pd.DataFrame(rows, columns=ROUND_COLUMNS)


RESPONSE_COLUMNS = ["response_id", "side", "respondent", "answered", "reflections", "imported"]


@requires("view_contacts")
def responses_frame(session: Session, round_id: int) -> pd.DataFrame:
    """A round's responses in the order given: ``response_id``, ``side``, ``respondent``, ``answered``
    (how many items were answered), ``reflections`` (missing when blank), ``imported``."""
    rows = [
        {
            "response_id": r.id,
            "side": r.respondent_side,
            "respondent": r.respondent,
            "answered": sum(1 for value in (r.answers or {}).values() if value is not None),
            "reflections": (r.reflections or "").strip() or None,
            "imported": r.batch_id is not None,
        }
        for r in session.scalars(
            select(EvaluationResponse).where(EvaluationResponse.round_id == round_id).order_by(EvaluationResponse.id)
        )
    ]
    return pd.DataFrame(rows, columns=RESPONSE_COLUMNS)


# --- the answers as a table ------------------------------------------------------------------------

ANSWER_COLUMNS = [
    "round_id",
    "partnership_id",
    "held_on",
    "round_title",
    "response_id",
    "side",
    "item",
    "dimension",
    "score",
]


@requires("view_board")
def answers_frame(
    session: Session, *, partnership_id: int | None = None, round_ids: Iterable[int] | None = None
) -> pd.DataFrame:
    """Every answer as one row (long format): ``round_id``, ``partnership_id``, ``held_on``,
    ``round_title``, ``response_id``, ``side``, ``item``, ``dimension``, ``score``.

    The board's figures are computed from it, so it names no respondent (a respondent may be a
    person's name; :func:`responses_frame` shows them to those who may see contacts)."""
    query = (
        select(EvaluationResponse, EvaluationRound)
        .join(EvaluationRound, EvaluationRound.id == EvaluationResponse.round_id)
        .order_by(EvaluationRound.held_on, EvaluationRound.id, EvaluationResponse.id)
    )
    if partnership_id is not None:
        query = query.where(EvaluationRound.partnership_id == partnership_id)
    if round_ids is not None:
        query = query.where(EvaluationRound.id.in_(list(round_ids)))
    dimensions = dict(ITEMS)
    rows = [
        (
            rnd.id,
            rnd.partnership_id,
            rnd.held_on,
            rnd.title,
            response.id,
            response.respondent_side,
            code,
            dimensions[code],
            int(score),
        )
        for response, rnd in session.execute(query)
        for code, score in (response.answers or {}).items()
        if code in dimensions and score is not None
    ]
    return pd.DataFrame(rows, columns=ANSWER_COLUMNS)


def _means(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Means by ``keys`` for each side and for both sides together (``side == "all"``)."""
    if frame.empty:
        return pd.DataFrame(columns=[*keys, "side", "mean", "answers", "respondents", "band"])
    by_side = (
        frame.groupby([*keys, "side"], sort=True)
        .agg(mean=("score", "mean"), answers=("score", "size"), respondents=("response_id", "nunique"))
        .reset_index()
    )
    both = (
        frame.groupby(keys, sort=True)
        .agg(mean=("score", "mean"), answers=("score", "size"), respondents=("response_id", "nunique"))
        .reset_index()
    )
    both["side"] = "all"
    result = pd.concat([by_side, both[by_side.columns]], ignore_index=True)
    result["band"] = result["mean"].map(band)
    order = {side: index for index, side in enumerate((*SIDES, "all"))}
    result["_order"] = result["side"].map(order)
    return result.sort_values([*keys, "_order"]).drop(columns="_order").reset_index(drop=True)


@requires("view_board")
def dimension_means(session: Session, round_id: int) -> pd.DataFrame:
    """A round's mean per dimension and side: ``dimension``, ``side`` (library, partner, all),
    ``mean``, ``answers``, ``respondents``, ``band``; dimensions in :data:`DIMENSIONS` order."""
    frame = answers_frame(session, round_ids=[round_id])
    means = _means(frame, ["dimension"])
    means["_d"] = means["dimension"].map(DIMENSIONS.index)
    return means.sort_values(["_d"], kind="stable").drop(columns="_d").reset_index(drop=True)


@requires("view_board")
def scores_over_time(session: Session, partnership_id: int) -> pd.DataFrame:
    """Every round's mean per dimension and side, oldest round first, for line charts.

    Columns: ``round_id``, ``held_on``, ``round_title``, ``dimension``, ``side``, ``mean``, ``answers``,
    ``respondents``, ``band``.
    """
    frame = answers_frame(session, partnership_id=partnership_id)
    columns = ["round_id", "held_on", "round_title", "dimension", "side", "mean", "answers", "respondents", "band"]
    means = _means(frame, ["held_on", "round_id", "round_title", "dimension"])
    if means.empty:
        return means[columns]
    means["_d"] = means["dimension"].map(DIMENSIONS.index)
    means = means.sort_values(["held_on", "round_id", "_d"], kind="stable").drop(columns="_d")
    return means[columns].reset_index(drop=True)


@requires("view_board")
def latest_round(session: Session, partnership_id: int, on: dt.date | None = None) -> EvaluationRound | None:
    """The newest round of a partnership that has answers (held on or before ``on``, when given)."""
    query = (
        select(EvaluationRound)
        .join(EvaluationResponse, EvaluationResponse.round_id == EvaluationRound.id)
        .where(EvaluationRound.partnership_id == partnership_id)
        .order_by(EvaluationRound.held_on.desc(), EvaluationRound.id.desc())
        .limit(1)
    )
    if on is not None:
        query = query.where(EvaluationRound.held_on <= on)
    return session.scalar(query)


@requires("view_board")
def item_table(session: Session, round_id: int, lang: str = "da") -> pd.DataFrame:
    """A round item by item: ``item``, ``dimension``, ``text``, ``library``, ``partner``, ``all``
    (means), ``band`` (of ``all``), ``gap`` (library - partner), ``flagged``; in item-bank order,
    items nobody answered left out."""
    frame = answers_frame(session, round_ids=[round_id])
    rows = []
    for code, dimension in ITEMS:
        answers = frame[frame["item"] == code]
        if answers.empty:
            continue
        sides = {side: _mean_or_none(answers[answers["side"] == side]["score"]) for side in SIDES}
        overall = _mean_or_none(answers["score"])
        gap = sides["library"] - sides["partner"] if None not in sides.values() else None
        rows.append(
            {
                "item": code,
                "dimension": dimension,
                "text": item_text(code, lang),
                **sides,
                "all": overall,
                "band": band(overall),
                "gap": gap,
                "flagged": gap is not None and abs(gap) >= GAP_FLAG,
            }
        )
    return pd.DataFrame(
        rows, columns=["item", "dimension", "text", "library", "partner", "all", "band", "gap", "flagged"]
    )


@requires("view_board")
def latest_round_items(session: Session, partnership_id: int, lang: str = "da") -> pd.DataFrame:
    """:func:`item_table` of the partnership's latest round with answers (empty when none);
    ``attrs`` holds ``round_id``, ``held_on`` and ``title`` of that round."""
    record = latest_round(session, partnership_id)
    if record is None:
        return item_table(session, -1, lang)
    table = item_table(session, record.id, lang)
    table.attrs.update({"round_id": record.id, "held_on": record.held_on, "title": record.title})
    return table


def _mean_or_none(values: pd.Series) -> float | None:
    return float(values.mean()) if len(values) else None


@dataclass
class Gaps:
    """How differently the library and the partner answered a round, per item and per dimension."""

    items: pd.DataFrame  # item, dimension, library, partner, gap, flagged
    dimensions: pd.DataFrame  # dimension, library, partner, gap, flagged


@requires("view_board")
def side_gaps(session: Session, round_id: int) -> Gaps:
    """The library-vs-partner gap per item and per dimension (``gap`` = library - partner)."""
    items = item_table(session, round_id)[["item", "dimension", "library", "partner", "gap", "flagged"]]
    means = dimension_means(session, round_id)
    rows = []
    for dimension in DIMENSIONS:
        here = means[means["dimension"] == dimension].set_index("side")["mean"]
        if here.empty:
            continue
        library = float(here["library"]) if "library" in here else None
        partner = float(here["partner"]) if "partner" in here else None
        gap = library - partner if library is not None and partner is not None else None
        rows.append(
            {
                "dimension": dimension,
                "library": library,
                "partner": partner,
                "gap": gap,
                "flagged": gap is not None and abs(gap) >= GAP_FLAG,
            }
        )
    return Gaps(
        items.reset_index(drop=True), pd.DataFrame(rows, columns=["dimension", "library", "partner", "gap", "flagged"])
    )


# --- health ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HealthPart:
    """One part of the health score: its value (0-100, None when it cannot be computed) and weight."""

    name: str
    value: float | None
    weight: float
    #: The weight after renormalising over the parts that could be computed (0 for the others).
    share: float


@dataclass
class HealthScore:
    """A partnership's health (0-100 or None) and the parts it was made of."""

    score: float | None
    parts: list[HealthPart] = field(default_factory=list)

    def part(self, name: str) -> HealthPart:
        return next(p for p in self.parts if p.name == name)


def combine_health(values: Mapping[str, float | None], weights: Mapping[str, float] = HEALTH_WEIGHTS) -> HealthScore:
    """The weighted mean of the parts that have a value, weights renormalised over them."""
    available = {name: value for name, value in values.items() if value is not None}
    total = sum(weights[name] for name in available)
    parts = [
        HealthPart(
            name, values.get(name), weights[name], weights[name] / total if name in available and total > 0 else 0.0
        )
        for name in weights
    ]
    if total <= 0:
        return HealthScore(None, parts)
    return HealthScore(sum(weights[n] * v for n, v in available.items()) / total, parts)


@requires("view_board")
def evaluation_part(session: Session, partnership_id: int, today: dt.date) -> float | None:
    """The latest round's mean over all answers, on 0-100; None without a round."""
    record = latest_round(session, partnership_id, on=today)
    if record is None:
        return None
    frame = answers_frame(session, round_ids=[record.id])
    return (float(frame["score"].mean()) - 1.0) / 4.0 * 100.0 if not frame.empty else None


def contact_part(partnership: Partnership, last_contact: dt.date | None, today: dt.date) -> float | None:
    """100 while the contact rhythm is kept, down to 0 when overdue by a whole rhythm; None without one."""
    due = contact_due_of(partnership, last_contact, today)
    if due.due is None or not partnership.contact_rhythm_days:
        return None
    return 100.0 * max(0.0, 1.0 - due.days_overdue / partnership.contact_rhythm_days)


@requires("view_board")
def goals_part(session: Session, partnership_id: int, today: dt.date) -> float | None:
    """The mean fulfilment (0-100) of the goals the partnership serves; None when none is measured."""
    served = set(
        session.scalars(select(PartnershipGoal.goal_id).where(PartnershipGoal.partnership_id == partnership_id))
    )
    values = [
        s.fulfilment for s in goal_statuses(session, as_of=today) if s.goal_id in served and s.fulfilment is not None
    ]
    return sum(values) / len(values) if values else None


@requires("view_board")
def partnership_health(session: Session, partnership_id: int, today: dt.date | None = None) -> HealthScore:
    """The health score of a partnership on ``today`` with its parts (formula in the module notes)."""
    today = today or dt.date.today()
    # Not partnerships.get_partnership: the record's notes are not the board's, only its rhythm is.
    partnership = session.get(Partnership, partnership_id)
    if partnership is None:
        raise ValidationFailed("partnerships.no_such_partnership", id=partnership_id)
    last = last_contacts(session).get(partnership_id)
    return combine_health(
        {
            "evaluation": evaluation_part(session, partnership_id, today),
            "contact": contact_part(partnership, last, today),
            "goals": goals_part(session, partnership_id, today),
        }
    )


@requires("view_board")
def health_overview(session: Session, today: dt.date | None = None) -> pd.DataFrame:
    """The health of every partnership under way (beyond an idea, not ended): ``partnership_id``,
    ``title``, ``score`` and one column per part (``evaluation``, ``contact``, ``goals``)."""
    today = today or dt.date.today()
    rows = []
    for p in session.scalars(
        select(Partnership)
        .where(Partnership.closed.is_(False), Partnership.stage != "idea")
        .order_by(Partnership.title)
    ):
        health = partnership_health(session, p.id, today)
        rows.append(
            {
                "partnership_id": p.id,
                "title": p.title,
                "score": health.score,
                **{part.name: part.value for part in health.parts},
            }
        )
    return pd.DataFrame(rows, columns=["partnership_id", "title", "score", *HEALTH_WEIGHTS])


# --- import ----------------------------------------------------------------------------------------

_SIDE_WORDS = {
    "library": ("bibliotek", "biblioteket", "library", "the library", "os", "vi", "b"),
    "partner": ("partner", "partneren", "samarbejdspartner", "partnere", "p"),
}
SURVEY_SHEET = SheetSpec(
    "responses",
    (
        Column(
            "side",
            "evaluations.col.side",
            ("side", "part", "svarer for", "respondent side", "på vegne af"),
            required=True,
        ),
        Column("respondent", "evaluations.col.respondent", ("respondent", "navn", "name", "besvaret af", "rolle")),
        *(Column(code, f"evaluations.item.{code}", (code,), prefixes=(code,)) for code in ITEM_CODES),
        Column(
            "reflections",
            "evaluations.col.reflections",
            ("refleksioner", "reflections", "kommentar", "kommentarer", "comments", "bemærkninger"),
        ),
    ),
    any_of=ITEM_CODES,
    any_of_label_key="evaluations.col.items",
)


class SurveyImporter(TableImporter):
    """A survey's answers into one evaluation round (rules in the module notes).

    ``round_id`` names an existing round of the partnership; without it a new round is created
    (held on ``held_on``, called ``title``) when the import is committed.
    """

    kind = "evaluations"
    sheets = (SURVEY_SHEET,)

    def __init__(
        self,
        partnership_id: int,
        *,
        round_id: int | None = None,
        held_on: dt.date | None = None,
        title: str | None = None,
    ) -> None:
        self.partnership_id = partnership_id
        self.round_id = round_id
        self.held_on = held_on
        self.title = title
        self.known: set[str] = set()
        self.planned: list[dict[str, Any]] = []
        self.side = code_from_words(_SIDE_WORDS, "evaluations.side")

    def load(self, session: Session) -> None:
        if session.get(Partnership, self.partnership_id) is None:
            raise ValidationFailed("partnerships.no_such_partnership", id=self.partnership_id)
        if self.round_id is not None:
            record = session.get(EvaluationRound, self.round_id)
            if record is None or record.partnership_id != self.partnership_id:
                raise ValidationFailed("evaluations.no_such_round", id=self.round_id)
            for response in session.scalars(
                select(EvaluationResponse).where(EvaluationResponse.round_id == self.round_id)
            ):
                self.known.add(_response_signature(response.respondent_side, response.respondent, response.answers))
        elif self.held_on is None:
            raise ValidationFailed("evaluations.held_on_required", field="held_on")

    def read_row(self, role: str, row: RowValues) -> str:
        side = row.parsed("side", self.side, severity="error")
        if side is None:
            return "rejected" if row.has_errors else row.reject(row.column("side"), "evaluations.import.side_missing")
        answers = {code: row.parsed(code, _parse_answer) for code in ITEM_CODES if row.raw(code)}
        answers = {code: score for code, score in answers.items() if score is not None}
        if not answers:
            return row.reject("", "evaluations.import.no_answers")
        respondent = row.fitting(EvaluationResponse, "respondent", row.text("respondent"), row.column("respondent"))
        signature = _response_signature(side, respondent, answers)
        if signature in self.known:
            row.warn(row.column("side"), "evaluations.import.response_exists")
            return "skipped"
        self.known.add(signature)
        self.planned.append(
            {
                "respondent_side": side,
                "respondent": respondent,
                "answers": answers,
                "reflections": cell_text(row, "reflections"),
            }
        )
        return "insert"

    def store(self, session: Session, batch_id: int) -> dict[str, int]:
        created_round = 0
        if self.round_id is None:
            record = EvaluationRound(
                partnership_id=self.partnership_id, held_on=self.held_on, title=self.title, batch_id=batch_id
            )
            session.add(record)
            session.flush()
            self.round_id = record.id
            created_round = 1
        session.add_all(
            EvaluationResponse(round_id=self.round_id, batch_id=batch_id, **values) for values in self.planned
        )
        session.flush()
        return {"evaluation_rounds": created_round, "evaluation_responses": len(self.planned)}

    def details(self) -> dict[str, Any]:
        return {"round_id": self.round_id, "partnership_id": self.partnership_id}


def _parse_answer(value: Any) -> int | None:
    try:
        return parse_score(value, *SCALE, dont_know=DONT_KNOW_WORDS)
    except ValidationFailed as error:
        raise ValidationFailed("evaluations.import.score_outside", **error.params) from None


def _response_signature(side: str, respondent: str | None, answers: Mapping[str, Any]) -> str:
    return json.dumps([side, respondent or "", sorted((answers or {}).items())])


@requires("import")
def import_survey(
    db: Any,
    partnership_id: int,
    file_name: str,
    data: bytes,
    *,
    commit: bool,
    round_id: int | None = None,
    held_on: Any = None,
    title: str | None = None,
    actor: str | None = None,
) -> TableImportResult:
    """Import survey answers from an Excel or CSV file into one evaluation round of a partnership.

    Give ``round_id`` to add to an existing round, or ``held_on`` (and ``title``) to create one. A
    preview when ``commit`` is False. ``result.details["round_id"]`` is the round (None in a preview
    that would create one). Undo with ``lib.ingest.planning_tables.undo_table_import(db, result.batch_id)``:
    it deletes the batch's responses, and the round when the batch created it.
    """
    date = editing.date_value(held_on, "held_on")
    importer = SurveyImporter(
        partnership_id, round_id=round_id, held_on=date, title=editing.text_value(title, "title", 300)
    )
    return run_table_import(db, importer, file_name, data, commit=commit, actor=actor)
