"""What every board-pack section is built from: the :class:`Context` (session, period, language,
privacy) and the helpers the sections share."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import networkx as nx
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.i18n import format_date, format_number, t
from lib.db import Agreement, Partnership, Person, get_setting
from lib.network.graph import build_graph
from lib.planning import evaluations, partnerships
from lib.planning import goals as strategy
from lib.planning.partnerships import Alert
from lib.reporting import figures
from lib.reporting.boardpack.privacy import people_count, role_label

#: Evaluation means at or above this are a strength, below the next a concern (lib.planning.evaluations).
SCORE_RANGE = (1.0, 5.0)

#: How many alerts are spelled out in the risks section's bullets.
ALERTS_SPELLED_OUT = 3

#: How far apart self-assessment and evidence must be (points) before the radar section says so.
RADAR_GAP = 1.0

#: Risk categories of the risks chart, in the order shown.
RISK_KINDS = (*partnerships.ALERT_KINDS, "goal_at_risk", "goal_off_track", "goal_stale", "single_person")


@dataclass
class Context:
    """What every section builder needs: the database, the period, the language, the privacy rule."""

    session: Session
    lang: str
    start: dt.date | None
    end: dt.date | None
    today: dt.date
    pseudonymise: bool = True
    _notes: dict[str, Any] = field(default_factory=dict)

    @property
    def as_of(self) -> dt.date:
        """The day things are judged on: the end of the period, or today when that comes first."""
        return min(self.end, self.today) if self.end else self.today

    def tr(self, key: str, **params: Any) -> str:
        return t(key, self.lang, **params)

    def number(self, value: float | int | None, decimals: int | None = None) -> str:
        if value is None or pd.isna(value):
            return "–"
        return format_number(value, self.lang, decimals)

    def date(self, value: dt.date | None) -> str:
        return format_date(value, self.lang)

    def in_period(self, day: dt.date | None) -> bool:
        """Whether ``day`` lies in the period (up to :attr:`as_of`: nothing is known after it)."""
        return day is not None and (self.start is None or day >= self.start) and day <= self.as_of

    def period_text(self) -> str:
        """The period in words: "01-11-2025 – 01-11-2026", "fra …", "til …" or "alle data til …"."""
        if self.start and self.end:
            return self.tr("board.period.both", start=self.date(self.start), end=self.date(self.end))
        if self.start:
            return self.tr("board.period.from", start=self.date(self.start), end=self.date(self.as_of))
        if self.end:
            return self.tr("board.period.to", end=self.date(self.end))
        return self.tr("board.period.all", end=self.date(self.as_of))

    def source(self, key: str) -> str:
        """The speaker notes of a section: where its numbers come from, and for which period."""
        return (
            self.tr(
                "board.source.common",
                period=self.period_text(),
                as_of=self.date(self.as_of),
                made=self.date(self.today),
            )
            + " "
            + self.tr(f"board.source.{key}")
        )

    # Read once, shared by the sections that need them.

    @cached_property
    def library_name(self) -> str:
        return (get_setting(self.session, "library_name") or "").strip() or self.tr("board.library_default")

    @cached_property
    def statuses(self) -> list[strategy.GoalStatus]:
        return strategy.goal_statuses(self.session, as_of=self.as_of)

    @cached_property
    def coverage(self) -> strategy.Coverage:
        return strategy.coverage(self.session)

    @cached_property
    def partnerships(self) -> list[Partnership]:
        """The partnerships of the period (see the module notes), by title."""
        found = []
        for p in self.session.scalars(select(Partnership).order_by(Partnership.title, Partnership.id)):
            began = p.start_date or (p.created_at.date() if p.created_at else None)
            if p.closed and p.ended_on is not None and self.start is not None and p.ended_on < self.start:
                continue
            # A period reaching today includes everything recorded so far, whatever clock the
            # records were stamped with.
            if self.end is not None and self.end < self.today and began is not None and began > self.end:
                continue
            found.append(p)
        return found

    @cached_property
    def agreements(self) -> dict[int, Agreement]:
        return {a.partnership_id: a for a in self.session.scalars(select(Agreement))}

    @cached_property
    def alerts(self) -> list[Alert]:
        return partnerships.alerts(self.session, today=self.as_of)

    @cached_property
    def staff(self) -> list[tuple[int, str, str | None, str | None]]:
        """``(id, name, staff role, team)`` of every staff member."""
        return [
            (person_id, name, role, team)
            for person_id, name, role, team in self.session.execute(
                select(Person.id, Person.name, Person.staff_role, Person.team).where(Person.is_staff.is_(True))
            )
        ]

    @cached_property
    def graph(self) -> nx.Graph:

        as_of = self.end if self.end is not None and self.end < self.today else None
        return build_graph(self.session, as_of, today=self.today, contact_details=not self.pseudonymise)

    @cached_property
    def answers(self) -> pd.DataFrame:
        """Every evaluation answer of a round held in the period (see ``lib.planning.evaluations.answers_frame``)."""
        frame = evaluations.answers_frame(self.session)
        return frame[[self.in_period(day) for day in frame["held_on"]]].reset_index(drop=True)

    @cached_property
    def facts(self) -> figures.Facts:
        """What the key figures are counted from on :attr:`as_of` (:mod:`lib.reporting.figures`)."""
        return figures.Facts(
            self.session, self.as_of, today=self.today, given_graph=self.graph, given_statuses=self.statuses
        )

    @cached_property
    def figure_values(self) -> dict[str, float | int | None]:
        """Every key figure on :attr:`as_of`, unrounded."""
        return figures.values_of(self.facts)

    @cached_property
    def single_person(self) -> dict[int, int]:
        """``{partnership id: staff id}``: the partnerships that hang on one person (:mod:`lib.reporting.figures`)."""
        return self.facts.one_person.partnerships

    def owner_text(self, person_id: int | None) -> str:
        """Who holds something: their role when pseudonymised, else their name."""
        if person_id is None:
            return ""
        for staff_id, name, role, _team in self.staff:
            if staff_id == person_id:
                return role_label(role, self.lang) if self.pseudonymise else name
        return self.tr("board.role.unknown")

    def people(self, count: int) -> int | str:
        return people_count(count, self.pseudonymise)


def _unique(labels: list[str]) -> list[str]:
    """Labels made unique by numbering repeats, so two goals with one title stay two columns."""
    seen: Counter[str] = Counter()
    result = []
    for text in labels:
        seen[text] += 1
        result.append(text if seen[text] == 1 else f"{text} ({seen[text]})")
    return result


def _round(value: Any, decimals: int = 1) -> float | None:
    return None if value is None or pd.isna(value) else round(float(value), decimals)
