"""What the page "Tjekliste" shows, read in one go and put in the reader's words (no Streamlit).

:func:`radar_page_data` reads the radar, its evidence, the self-assessments and the staff; the rest
turns them into what the page lists: the history table and the entries one may delete.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from lib.core.access import requires
from lib.core.i18n import format_date, format_number, t
from lib.db import Database, by_revision
from lib.planning import goals
from lib.reporting import checklist


@dataclass(frozen=True)
class SelfAssessment:
    """One dated self-assessment as plain values."""

    id: int
    assessed_on: dt.date
    assessor_id: int | None
    scores: Mapping[str, Any]


@dataclass(frozen=True)
class RadarPageData:
    """Everything the page draws: the radar (``frame``), its evidence, the self-assessments oldest
    first with their assessors' names, the history of scores and the staff one may name as assessor."""

    found: Mapping[str, checklist.Evidence]
    frame: pd.DataFrame
    assessments: tuple[SelfAssessment, ...]
    names: Mapping[int, str]
    history: pd.DataFrame
    staff: Mapping[int, str]

    @property
    def latest(self) -> SelfAssessment | None:
        return self.assessments[-1] if self.assessments else None

    @property
    def shown_assessor(self) -> str | None:
        """Who made the self-assessment the radar shows (None: nobody named, or none yet)."""
        shown = next((a for a in reversed(self.assessments) if a.assessed_on == self.frame.attrs["assessed_on"]), None)
        return self.names.get(shown.assessor_id) if shown and shown.assessor_id else None


@requires("view_contacts")
@by_revision()
def radar_page_data(db: Database, today: dt.date) -> RadarPageData:
    """The page's data on ``today``, in one read."""
    with db.read() as session:
        found = checklist.evidence(session, today)
        frame = checklist.radar_frame(session, today, found=found)
        records = checklist.self_assessments(session)
        names = checklist.assessor_names(session, records)
        history = checklist.radar_history(session)
        staff = dict(goals.staff_choices(session))
        assessments = tuple(SelfAssessment(r.id, r.assessed_on, r.assessor_id, dict(r.scores or {})) for r in records)
    return RadarPageData(found, frame, assessments, names, history, staff)


def score_text(value: float | None, lang: str) -> str:
    """A score to one decimal, or "no value"."""
    if value is None or pd.isna(value):
        return t("radar_page.no_value", lang)
    return format_number(round(float(value), 1), lang)


def previous_score(latest: SelfAssessment | None, heading: str) -> tuple[int, dt.date] | None:
    """The score ``heading`` got in the latest self-assessment, and its date; None when it got none."""
    if latest is None or latest.scores.get(heading) is None:
        return None
    return int(latest.scores[heading]), latest.assessed_on


def history_table(assessments: Sequence[SelfAssessment], names: Mapping[int, str], lang: str) -> pd.DataFrame:
    """One row per self-assessment, newest first, with translated column names and the mean score."""
    rows = []
    for record in reversed(assessments):
        scores = record.scores
        given = [v for v in scores.values() if v is not None]
        rows.append(
            {
                t("radar_page.history.col.date", lang): record.assessed_on,
                t("radar_page.history.col.assessor", lang): names.get(record.assessor_id, "")
                if record.assessor_id
                else "",
                **{checklist.heading_label(h, lang): score_text(scores.get(h), lang) for h in checklist.HEADINGS},
                t("radar_page.history.col.mean", lang): score_text(sum(given) / len(given) if given else None, lang),
            }
        )
    return pd.DataFrame(rows)


def delete_choices(assessments: Sequence[SelfAssessment], names: Mapping[int, str], lang: str) -> dict[int, str]:
    """The self-assessments one may delete, newest first, as "date (assessor)"."""
    choices = {}
    for a in reversed(assessments):
        name = names.get(a.assessor_id) if a.assessor_id is not None else None
        choices[a.id] = format_date(a.assessed_on, lang) + (f" ({name})" if name is not None else "")
    return choices


__all__ = [
    "RadarPageData",
    "SelfAssessment",
    "delete_choices",
    "history_table",
    "previous_score",
    "radar_page_data",
    "score_text",
]
