"""The answers as a table: means per dimension and side, scores over time, items, gaps between the sides."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.db import EvaluationResponse, EvaluationRound
from lib.planning.evaluation_items import DIMENSIONS, GAP_FLAG, ITEMS, SIDES, band, item_text

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
        library, partner = sides["library"], sides["partner"]
        gap = library - partner if library is not None and partner is not None else None
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
