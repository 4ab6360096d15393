"""One definition per key figure: the start page, the pages, the checklist evidence, the alerts, the
board pack and ``python -m lib figures`` all count through this module.

Each figure has a stable key (:data:`KEYS`), a label and a one-line definition in Danish and English
(``lib/core/translations/figures.py``: ``figures.<key>.label`` and ``figures.<key>.definition``; the
definition is the help text wherever the figure is shown). Values are counted on a day ``as_of``
(the board period's end; today when none is given) and are never rounded here: rounding is only how a
reader sees them (:func:`shown`).

Rules (``day`` is ``as_of``, or "now" when ``as_of`` is today or later):

``active_partnerships``
    partnerships under way: stage past ``idea``, started (start date, else the day it was
    registered) and not ended (:func:`lib.network.graph.partnership_under_way`).
``written_agreements``
    active partnerships with a written agreement (:func:`lib.planning.partnerships.has_written_agreement`)
    that existed on the day (signed on or before it, else registered by then).
``goals``, ``goals_on_track``, ``goals_at_risk``, ``goals_off_track``, ``goals_not_measured``
    all goals, and goals by status on the day (:func:`lib.planning.goals.goal_statuses`); a goal with no
    measurement yet is *not yet measured*, never "not measured for long".
``evaluation_score``
    for every active partnership with an evaluation round with answers held on or before the day,
    the mean of all answers (both sides, 1-5) of its latest round; the figure is the mean over those
    partnerships; None without any.
``partner_organisations``, ``organisations``, ``contacts``, ``staff``
    nodes of the network on the day (:func:`lib.network.graph.build_graph`): partners
    (``G.graph["partners"]``), organisation, contact (not staff) and staff nodes.
``single_person_partnerships``, ``single_person_organisations``
    what hangs on one person (:func:`one_person`): active partnerships and organisations that one
    staff member alone carries (:func:`lib.library.staff.single_person_dependencies`).
``cold_ties``
    the library's dated ties with no contact for 12 months (:func:`lib.network.health.cold_ties`).
``reviews_due``, ``agreements_ending``
    partnerships (not ended) whose agreement's review date has passed or is within 30 days, and
    whose end date has passed or is within 60 days (:func:`lib.planning.partnerships.alerts`).

Counts of people (``contacts``, ``staff``) under five are the text ``"< 5"`` where the board reads
them (:func:`board_value`; the board pack and ``figures --json``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import networkx as nx
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.i18n import format_number, t
from lib.db import Agreement, Partnership
from lib.library.staff import single_person_dependencies
from lib.network.graph import build_graph, partnership_under_way
from lib.network.health import cold_tie_count
from lib.planning.evaluations import answers_frame
from lib.planning.goals import goal_statuses
from lib.planning.partnerships import alerts, has_written_agreement

#: Every key figure, in the order they are listed (command line, board appendix).
KEYS: tuple[str, ...] = (
    "active_partnerships",
    "written_agreements",
    "goals",
    "goals_on_track",
    "goals_at_risk",
    "goals_off_track",
    "goals_not_measured",
    "evaluation_score",
    "partner_organisations",
    "organisations",
    "contacts",
    "staff",
    "single_person_partnerships",
    "single_person_organisations",
    "cold_ties",
    "reviews_due",
    "agreements_ending",
)
#: Figures that count people: shown as "< 5" below five to the board.
PEOPLE: frozenset[str] = frozenset({"contacts", "staff"})
#: Decimals a reader sees (rounding is only how a value is shown).
DECIMALS: Mapping[str, int] = {"evaluation_score": 1}
#: The partnership alerts behind ``reviews_due`` and ``agreements_ending``.
REVIEW_ALERTS = ("review_overdue", "review_soon")
ENDING_ALERTS = ("end_passed", "ending_soon")
#: What a count of fewer than five people is shown as to the board (as ``lib.reporting.boardpack.model``).
SMALL_GROUP = "< 5"
MIN_GROUP = 5


def label(key: str, lang: str = "da") -> str:
    """The figure's name, its unit included ("Aktive partnerskaber")."""
    return t(f"figures.{key}.label", lang)


def definition(key: str, lang: str = "da") -> str:
    """The figure's one-line definition: the help text wherever it is shown."""
    return t(f"figures.{key}.definition", lang)


def board_value(key: str, value: float | None) -> float | int | str | None:
    """``value`` as the board reads it: a count of people under five is ``"< 5"``, anything else as it is."""
    if key in PEOPLE and value is not None and value < MIN_GROUP:
        return SMALL_GROUP
    return value


def shown(key: str, value: float | int | str | None, lang: str = "da", *, missing: str = "–") -> str:
    """The value as a reader sees it: decimal comma in Danish, the figure's decimals, ``missing`` for None."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return missing
    if isinstance(value, str):
        return value
    return format_number(value, lang, DECIMALS.get(key, 0))


def active_on(partnership: Any, day: dt.date | None = None) -> bool:
    """Whether the partnership is under way on ``day`` (now when None): the one rule of "active"."""

    return partnership_under_way(partnership, day)


def _registered(record: Any) -> dt.date | None:
    created = getattr(record, "created_at", None)
    return created.date() if isinstance(created, dt.datetime) else created


def agreement_existed(agreement: Any, day: dt.date | None) -> bool:
    """Whether ``agreement`` was on record on ``day`` (signed by then, else registered by then)."""
    if agreement is None:
        return False
    if day is None:
        return True
    since = agreement.signed_on or _registered(agreement)
    return since is None or since <= day


def evaluation_score(answers: pd.DataFrame, partnership_ids: Iterable[int], day: dt.date) -> float | None:
    """The mean over ``partnership_ids`` of their latest round's mean answer on ``day`` (module notes).

    ``answers`` is :func:`lib.planning.evaluations.answers_frame` of the whole workspace.
    """
    wanted = set(partnership_ids)
    known = answers[(answers["held_on"] <= day) & answers["partnership_id"].isin(wanted)]
    if known.empty:
        return None
    rounds = known[["partnership_id", "held_on", "round_id"]].drop_duplicates()
    latest = rounds.sort_values(["held_on", "round_id"]).groupby("partnership_id").tail(1)["round_id"]
    chosen = known[known["round_id"].isin(latest)]
    # Exact sums of sorted numbers: the same value in every process, whatever order the rows came in.
    means = [
        math.fsum(sorted(float(v) for v in group)) / len(group)
        for _, group in sorted(chosen.groupby("partnership_id")["score"])
    ]
    return math.fsum(sorted(means)) / len(means)


@dataclass(frozen=True)
class OnePerson:
    """What hangs on one person: ``{partnership id: staff id}`` of active partnerships and
    ``{organisation id: staff id}`` of organisations (the one rule, :func:`one_person`)."""

    partnerships: dict[int, int] = field(default_factory=dict)
    organisations: dict[int, int] = field(default_factory=dict)
    #: The :class:`lib.library.staff.Dependency` records behind them (labels, details), partnerships first.
    dependencies: tuple[Any, ...] = ()

    def per_staff(self) -> dict[int, tuple[int, int]]:
        """``{staff id: (partnerships, organisations)}`` that hang on each staff member."""
        counts: dict[int, tuple[int, int]] = {}
        for person in [*self.partnerships.values(), *self.organisations.values()]:
            counts[person] = (
                sum(1 for p in self.partnerships.values() if p == person),
                sum(1 for p in self.organisations.values() if p == person),
            )
        return counts


def one_person_of(dependencies: Iterable[Any], active: Iterable[int]) -> OnePerson:
    """:class:`OnePerson` from :func:`lib.library.staff.single_person_dependencies` and the ids of the
    active partnerships: the partnerships among those, and the organisations."""
    wanted = set(active)
    partnerships: dict[int, int] = {}
    organisations: dict[int, int] = {}
    kept: list[Any] = []
    for d in dependencies:
        if d.kind == "partnership" and d.entity_id in wanted:
            partnerships[d.entity_id] = d.person_id
        elif d.kind == "organisation":
            organisations[d.entity_id] = d.person_id
        else:
            continue
        kept.append(d)
    kept.sort(key=lambda d: (d.kind != "partnership", d.label.casefold(), d.entity_id))
    return OnePerson(partnerships, organisations, tuple(kept))


@requires("view_board")
def one_person(
    session: Session, as_of: dt.date, *, graph: nx.Graph | None = None, today: dt.date | None = None
) -> OnePerson:
    """The partnerships under way and the organisations that hang on one staff member on ``as_of``.

    A partnership hangs on its owner when no other staff member has a tie of their own with its
    partner organisations; an organisation hangs on the one staff member who is tied to it in any
    way (rules in :mod:`lib.library.staff`). ``graph`` is the network of the day, when the caller has it.
    """
    return Facts(session, as_of, today=today, given_graph=graph).one_person


@dataclass
class Facts:
    """What the figures are counted from, read once and shared (the start page and the board pass
    what they have read already)."""

    session: Session
    as_of: dt.date
    today: dt.date | None = None
    given_graph: nx.Graph | None = None
    given_statuses: Sequence[Any] | None = None
    given_answers: pd.DataFrame | None = None

    def __post_init__(self) -> None:
        if self.today is None:
            from lib.workspace import clock

            self.today = clock.today(clock.workspace_timezone(self.session))
        self.as_of = min(self.as_of, self.today)

    @property
    def day(self) -> dt.date | None:
        """The day of the dated rules: None (now) when ``as_of`` is today."""
        return self.as_of if self.today is not None and self.as_of < self.today else None

    @cached_property
    def partnerships(self) -> list[Any]:

        return list(self.session.scalars(select(Partnership).order_by(Partnership.id)))

    @cached_property
    def active(self) -> list[Any]:
        return [p for p in self.partnerships if active_on(p, self.day)]

    @cached_property
    def agreements(self) -> dict[int, Any]:

        return {a.partnership_id: a for a in self.session.scalars(select(Agreement))}

    @cached_property
    def statuses(self) -> Sequence[Any]:
        if self.given_statuses is not None:
            return self.given_statuses

        return goal_statuses(self.session, as_of=self.as_of)

    @cached_property
    def answers(self) -> pd.DataFrame:
        if self.given_answers is not None:
            return self.given_answers

        return answers_frame(self.session)

    @cached_property
    def graph(self) -> nx.Graph:
        if self.given_graph is not None:
            return self.given_graph

        return build_graph(self.session, self.day, today=self.today, contact_details=False)

    @cached_property
    def one_person(self) -> OnePerson:

        # Contacts that hang on one person are no figure: most of the work on a big network, left out.
        found = single_person_dependencies(
            self.session,
            today=self.as_of,
            graph=self.graph,
            contact_details=False,
            kinds=("partnership", "organisation"),
        )
        return one_person_of(found, (p.id for p in self.active))

    @cached_property
    def alerts(self) -> list[Any]:

        return alerts(self.session, self.as_of)

    def nodes(self, kind: str) -> int:
        return sum(1 for _, node_kind in self.graph.nodes(data="kind") if node_kind == kind)

    def goals(self, status: str | None = None) -> int:
        return sum(1 for s in self.statuses if status is None or s.status == status)

    def alerted(self, kinds: tuple[str, ...]) -> int:
        return len({a.partnership_id for a in self.alerts if a.kind in kinds})

    def written(self) -> int:

        return sum(
            1
            for p in self.active
            if has_written_agreement(p, self.agreements.get(p.id))
            and agreement_existed(self.agreements.get(p.id), self.day)
        )

    def cold(self) -> int:

        return cold_tie_count(self.graph, today=self.as_of)


_RULES: dict[str, Callable[[Facts], float | int | None]] = {
    "active_partnerships": lambda f: len(f.active),
    "written_agreements": Facts.written,
    "goals": lambda f: f.goals(),
    "goals_on_track": lambda f: f.goals("on_track"),
    "goals_at_risk": lambda f: f.goals("at_risk"),
    "goals_off_track": lambda f: f.goals("off_track"),
    "goals_not_measured": lambda f: f.goals("no_data"),
    "evaluation_score": lambda f: evaluation_score(f.answers, [p.id for p in f.active], f.as_of),
    "partner_organisations": lambda f: len(f.graph.graph.get("partners", {})),
    "organisations": lambda f: f.nodes("organisation"),
    "contacts": lambda f: f.nodes("contact"),
    "staff": lambda f: f.nodes("staff"),
    "single_person_partnerships": lambda f: len(f.one_person.partnerships),
    "single_person_organisations": lambda f: len(f.one_person.organisations),
    "cold_ties": Facts.cold,
    "reviews_due": lambda f: f.alerted(REVIEW_ALERTS),
    "agreements_ending": lambda f: f.alerted(ENDING_ALERTS),
}
assert tuple(_RULES) == KEYS


def values_of(facts: Facts, keys: Iterable[str] | None = None) -> dict[str, float | int | None]:
    """``{key: value}`` of ``keys`` (every figure when None), counted from ``facts``; unrounded."""
    return {key: _RULES[key](facts) for key in (KEYS if keys is None else keys)}


@requires("view_board")
def figure_values(
    session: Session, as_of: dt.date | None = None, keys: Iterable[str] | None = None, *, today: dt.date | None = None
) -> dict[str, float | int | None]:
    """``{key: value}`` of the figures on ``as_of`` (default today, the workspace's; a later day is
    today), every figure when ``keys`` is None."""
    facts = Facts(session, as_of or dt.date.max, today=today)
    return values_of(facts, keys)


@requires("view_board")
def figures_json(
    session: Session, as_of: dt.date | None = None, lang: str = "da", *, today: dt.date | None = None
) -> dict[str, dict[str, Any]]:
    """``{key: {"label", "value", "definition"}}`` as the board reads them (``python -m lib figures --json``)."""
    found = figure_values(session, as_of, today=today)
    return {
        key: {"label": label(key, lang), "value": board_value(key, value), "definition": definition(key, lang)}
        for key, value in found.items()
    }
