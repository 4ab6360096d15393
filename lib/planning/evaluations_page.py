"""What the page "Evaluering" shows, read in one go per part: the services its components call.

Each service takes the :class:`~lib.db.Database` (acting as the user), opens its own read and returns
plain values; the pure helpers below decide what the page shows from them (labels, the partnership
to open with, the rounded health table). Changes go through ``lib.planning.evaluations``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select

from lib.core.access import requires
from lib.core.frames import is_missing
from lib.core.i18n import format_date, format_number, t
from lib.db import Database, Partnership, by_revision
from lib.planning import evaluations as ev


@dataclass(frozen=True)
class EvaluationsStart:
    """The top of the page: every partnership to choose (id → label), the one it opens with (None: no
    partnership at all) and the health of every partnership under way."""

    choices: dict[int, str]
    default: int | None
    overview: pd.DataFrame


@dataclass(frozen=True)
class PartnershipResults:
    """One partnership's mean scores per round and side, and its rounds (newest first)."""

    scores: pd.DataFrame
    rounds: pd.DataFrame


@dataclass(frozen=True)
class RoundResults:
    """One round item by item, the gap between the sides, and its responses."""

    items: pd.DataFrame
    gaps: ev.Gaps
    responses: pd.DataFrame


@requires("view_contacts")
@by_revision()
def evaluations_start(db: Database, on: dt.date, language: str) -> EvaluationsStart:
    """The partnerships to choose with their number of rounds ("ended" after an ended one's title), the
    one to open with (see :func:`default_partnership`) and the health overview on ``on``."""
    with db.read() as session:
        counts = ev.round_counts(session)
        partnerships = session.execute(
            select(Partnership.id, Partnership.title, Partnership.closed).order_by(Partnership.title, Partnership.id)
        ).all()
        overview = ev.health_overview(session, on)
    choices = {}
    for partnership_id, title, closed in partnerships:
        label = t("evaluations_page.pick.label", language, title=title, count=counts.get(partnership_id, 0))
        choices[partnership_id] = t("evaluations_page.pick.ended", language, label=label) if closed else label
    ended = {partnership_id for partnership_id, _title, closed in partnerships if closed}
    return EvaluationsStart(choices, default_partnership(list(choices), counts, ended), overview)


def default_partnership(order: list[int], counts: dict[int, int], ended: set[int]) -> int | None:
    """The first running partnership with an evaluation (else any with one, else the first): the page
    opens on something to see. None when there is no partnership."""
    evaluated = [pid for pid in order if counts.get(pid)]
    running = [pid for pid in evaluated if pid not in ended]
    choice = running or evaluated or order
    return choice[0] if choice else None


@requires("view_contacts")
@by_revision()
def health_of(db: Database, partnership_id: int, on: dt.date) -> ev.HealthScore:
    """The partnership's health score and its parts on ``on``."""
    with db.read() as session:
        return ev.partnership_health(session, partnership_id, on)


@requires("view_contacts")
@by_revision()
def partnership_results(db: Database, partnership_id: int) -> PartnershipResults:
    """The scores over time and the rounds of one partnership."""
    with db.read() as session:
        return PartnershipResults(
            ev.scores_over_time(session, partnership_id), ev.rounds_frame(session, partnership_id)
        )


@requires("view_contacts")
@by_revision()
def round_results(db: Database, round_id: int, language: str) -> RoundResults:
    """One round's items (worded in ``language``), the sides' gaps and the responses."""
    with db.read() as session:
        return RoundResults(
            ev.item_table(session, round_id, language),
            ev.side_gaps(session, round_id),
            ev.responses_frame(session, round_id),
        )


@requires("view_contacts")
def rounds_of(db: Database, partnership_id: int) -> pd.DataFrame:
    """The partnership's rounds (:func:`lib.planning.evaluations.rounds_frame`)."""
    with db.read() as session:
        return ev.rounds_frame(session, partnership_id)


@requires("view_contacts")
def responses_of(db: Database, round_id: int) -> pd.DataFrame:
    """The round's responses (:func:`lib.planning.evaluations.responses_frame`)."""
    with db.read() as session:
        return ev.responses_frame(session, round_id)


def health_frame(overview: pd.DataFrame) -> pd.DataFrame:
    """:func:`lib.planning.evaluations.health_overview` rounded to whole points, for the table."""
    shown = overview.copy()
    for name in ("score", *ev.HEALTH_WEIGHTS):
        shown[name] = [None if is_missing(v) else round(float(v)) for v in shown[name]]
    return shown


def round_label(held_on: dt.date, title: str | None, language: str) -> str:
    """ "dd-mm-yyyy · title" (the date alone for a round without a title)."""
    shown = format_date(held_on, language)
    return f"{shown} · {title}" if title else shown


def written_reflections(responses: pd.DataFrame) -> pd.DataFrame:
    """The responses with a reflection that says something (not blank)."""
    return responses[[isinstance(text, str) and bool(text.strip()) for text in responses["reflections"]]]


def silent_sides(gaps: ev.Gaps) -> list[str]:
    """The sides that answered nothing in the round (their means are all missing)."""
    return [side for side in ev.SIDES if all(is_missing(v) for v in gaps.dimensions[side])]


def score_text(value: float | None, language: str, decimals: int = 0) -> str:
    """A 0-100 score or 1-5 mean in the reader's format; a dash when it could not be computed."""
    if value is None or is_missing(value):
        return "–"
    return format_number(round(float(value), decimals), language, decimals)


def answered_rounds(rounds: pd.DataFrame) -> pd.DataFrame:
    """The rounds with at least one response (newest first, as ``rounds``): the ones with results to show."""
    return rounds[rounds["responses"] > 0]


def flagged_gaps(rows: pd.DataFrame, language: str) -> str | None:
    """The gaps worth talking about as "label (gap); …" (one decimal), or None when none is flagged."""
    flagged = rows[rows["flagged"].astype(bool)]
    if flagged.empty:
        return None
    return "; ".join(
        f"{label} ({score_text(gap, language, 1)})" for label, gap in zip(flagged["label"], flagged["gap"], strict=True)
    )


def response_labels(responses: pd.DataFrame, language: str) -> dict[int, str]:
    """How each response is named in the delete picker: "2. Partneren · Anna" (number, side, respondent)."""
    return {
        int(r.response_id): f"{r.Index + 1}. {t(f'evaluations.side.{r.side}', language)}"
        + (f" · {r.respondent}" if isinstance(r.respondent, str) else "")
        for r in responses.itertuples()
    }
