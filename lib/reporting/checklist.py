"""The checklist radar: the library's own dated self-assessment over the eight headings of the
checklist "Byg partnerskaber!", set against evidence drawn from the workspace.

Self-assessment
    a dated score from 1 to 5 per heading (blank allowed, at least one score), with an optional note
    per heading. One assessment per date: a second one on the same date is refused, so the history
    has one point per day.
Evidence (:func:`evidence`, on a given ``today``)
    a share from 0 to 1 per heading, turned into ``score = 1 + 4 × share`` so it sits on the same
    1-5 scale as the self-assessment; None when there is nothing to count (the denominator is 0).
    *Active* partnerships, written agreements, goals on track and partnerships that hang on one
    person are the key figures of :mod:`lib.reporting.figures` on the day (one definition each).

    ``professionalise``
        active partnerships with a written agreement (:func:`lib.planning.partnerships.has_written_agreement`)
        / active partnerships.
    ``be_strategic``
        active partnerships linked to at least one goal / active partnerships.
    ``nurture_network``
        key ties with a contact in the last six months / key ties. A *key tie* is a relation of
        strength 4 or 5 between a staff member and a contact (a person who is not staff) or an
        organisation. Its contact date is the last contact, else the first contact (as for ties
        going cold in :mod:`lib.network.health`); it counts when that date lies on or after the same
        day six months before ``today`` and not after ``today``. A key tie without a date does not
        count as recent.
    ``prepare_organisation``
        the mean of two shares: staff members with a competence self-assessment dated on or before
        ``today`` / staff members, and active partnerships that do not hang on one person / active
        partnerships (single-person dependencies of kind ``partnership`` from
        :func:`lib.library.staff.single_person_dependencies`). A share whose denominator is 0 is left
        out of the mean; with both left out there is no evidence. ``numerator`` and ``denominator``
        are the two parts' counts added up (for display); ``share`` is the mean, not their ratio.
    ``focus_library``
        goals on track on ``today`` (:func:`lib.planning.goals.goal_statuses`) / all goals; a goal never
        measured is not on track.
    ``choose_partners``
        active partnerships with at least one partner organisation assessed (an assessment dated on
        or before ``today``) / active partnerships; a partnership without organisations counts as
        not assessed.
    ``show_who_you_are``
        strength offers checked (``updated_on``) within the last twelve months (on or after the same
        day a year before ``today``, not after it) / all strength offers.
    ``support_partnership``
        active partnerships with an evaluation round held within the last twelve months (same
        window) / active partnerships.

Everything here is plain Python over a SQLAlchemy session; the figures are plotly and share the
product's look (:mod:`lib.core.charts`), so the page and the board pack draw the same radar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots
from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core import charts
from lib.core.access import requires
from lib.core.dates import months_before
from lib.core.errors import ValidationFailed
from lib.core.i18n import format_date, format_number, format_percent, t
from lib.db import (
    CHECKLIST_HEADINGS,
    Assessment,
    ChecklistAssessment,
    CompetenceAssessment,
    EvaluationRound,
    Partnership,
    PartnershipGoal,
    PartnershipOrganisation,
    Person,
    Relation,
    StrengthOffer,
    log_event,
)
from lib.reporting import figures
from lib.workspace import editing

HEADINGS = CHECKLIST_HEADINGS
SCORE_RANGE = (1, 5)
#: Relations at least this strong are the library's key ties.
KEY_TIE_STRENGTH = 4
#: A key tie counts as tended when its last contact is at most this many months old.
RECENT_CONTACT_MONTHS = 6
#: Strength offers and evaluation rounds count when at most this many months old.
RECENT_MONTHS = 12
MAX_NOTE_LENGTH = 2000
ENTITY = "checklist_assessment"

FRAME_COLUMNS = ["heading", "self_score", "evidence_score", "evidence_share", "note"]
HISTORY_COLUMNS = ["assessed_on", "heading", "score"]

#: Trace ids (plotly ``meta``) of the radar figure, for the page's tests and the board pack.
SELF_TRACE, EVIDENCE_TRACE = "self", "evidence"
SELF_COLOUR, EVIDENCE_COLOUR = charts.category_colour("radar", "self"), charts.category_colour("radar", "evidence")


def heading_label(code: str, lang: str = "da") -> str:
    """The checklist's name of a heading, e.g. ``"professionalise"`` → "Professionalisér!"."""
    return t(f"radar.heading.{code}", lang)


# --- evidence --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """What the workspace shows for one heading (rules in the module notes).

    ``parts`` are the counts behind the share as ``(part, numerator, denominator)``: one part for
    most headings, two for ``prepare_organisation``; each part has a sentence ``radar.evidence.<part>``.
    """

    heading: str
    share: float | None
    numerator: int
    denominator: int
    score: float | None
    parts: tuple[tuple[str, int, int], ...] = ()

    def explanation(self, lang: str = "da") -> str:
        """The evidence in words, e.g. "12 af 17 aktive partnerskaber har en skriftlig aftale"."""
        counted = [(part, n, d) for part, n, d in self.parts if d > 0]
        if not counted:
            return t(f"radar.evidence.{self.heading}.none", lang)
        return "; ".join(t(f"radar.evidence.{part}", lang, numerator=n, denominator=d) for part, n, d in counted)


def score_of(share: float | None) -> float | None:
    """A share (0-1) on the self-assessment's 1-5 scale: ``1 + 4 × share``.

    >>> score_of(0.5)
    3.0
    """
    return None if share is None else 1.0 + 4.0 * share


def _simple(heading: str, numerator: int, denominator: int) -> Evidence:
    share = numerator / denominator if denominator else None
    return Evidence(heading, share, numerator, denominator, score_of(share), ((heading, numerator, denominator),))


def _professionalise(facts: figures.Facts) -> Evidence:
    written = figures.values_of(facts, ("written_agreements",))["written_agreements"]
    return _simple("professionalise", int(written or 0), len(facts.active))


def _be_strategic(session: Session, active: list[Partnership]) -> Evidence:
    linked = set(session.scalars(select(PartnershipGoal.partnership_id)))
    return _simple("be_strategic", sum(1 for p in active if p.id in linked), len(active))


def _recent(today: dt.date, months: int) -> Callable[[dt.date | None], bool]:
    """Whether a day lies within the ``months`` up to ``today`` (the window's start worked out once)."""
    since = months_before(today, months)
    return lambda day: day is not None and since <= day <= today


def _nurture_network(session: Session, today: dt.date) -> Evidence:
    staff = set(session.scalars(select(Person.id).where(Person.is_staff.is_(True))))
    key_ties = recent = 0
    rows = session.execute(
        select(
            Relation.from_person_id,
            Relation.from_organisation_id,
            Relation.to_person_id,
            Relation.to_organisation_id,
            Relation.first_contact,
            Relation.last_contact,
        ).where(Relation.strength >= KEY_TIE_STRENGTH)
    )
    is_recent = _recent(today, RECENT_CONTACT_MONTHS)
    for from_person, from_org, to_person, to_org, first_contact, last_contact in rows:
        ends = ((from_person, from_org), (to_person, to_org))
        if not any(_staff_to_outside(here, there, staff) for here, there in (ends, ends[::-1])):
            continue
        key_ties += 1
        recent += is_recent(last_contact or first_contact)
    return _simple("nurture_network", recent, key_ties)


def _staff_to_outside(
    here: tuple[int | None, int | None], there: tuple[int | None, int | None], staff: set[int]
) -> bool:
    """Whether ``here`` is a staff member and ``there`` a contact (not staff) or an organisation."""
    here_person, _ = here
    there_person, there_org = there
    return here_person in staff and (there_org is not None or there_person not in staff)


def _prepare_organisation(
    session: Session, facts: figures.Facts, today: dt.date, dependent: set[int] | None
) -> Evidence:
    active = facts.active
    staff = set(session.scalars(select(Person.id).where(Person.is_staff.is_(True))))
    assessed = (
        set(session.scalars(select(CompetenceAssessment.person_id).where(CompetenceAssessment.assessed_on <= today)))
        & staff
    )
    if dependent is None:
        dependent = set(facts.one_person.partnerships) if active else set()
    independent = sum(1 for p in active if p.id not in dependent)
    parts = (
        ("prepare_organisation.staff", len(assessed), len(staff)),
        ("prepare_organisation.partnerships", independent, len(active)),
    )
    shares = [n / d for _, n, d in parts if d]
    share = sum(shares) / len(shares) if shares else None
    return Evidence(
        "prepare_organisation", share, len(assessed) + independent, len(staff) + len(active), score_of(share), parts
    )


def _focus_library(facts: figures.Facts) -> Evidence:
    found = figures.values_of(facts, ("goals_on_track", "goals"))
    return _simple("focus_library", int(found["goals_on_track"] or 0), int(found["goals"] or 0))


def _choose_partners(session: Session, active: list[Partnership], today: dt.date) -> Evidence:
    assessed = set(session.scalars(select(Assessment.organisation_id).where(Assessment.assessed_on <= today)))
    organisations: dict[int, set[int]] = {}
    for partnership_id, org_id in session.execute(
        select(PartnershipOrganisation.partnership_id, PartnershipOrganisation.organisation_id)
    ):
        organisations.setdefault(partnership_id, set()).add(org_id)
    chosen = sum(1 for p in active if organisations.get(p.id, set()) & assessed)
    return _simple("choose_partners", chosen, len(active))


def _show_who_you_are(session: Session, today: dt.date) -> Evidence:
    checked = list(session.scalars(select(StrengthOffer.updated_on)))
    is_recent = _recent(today, RECENT_MONTHS)
    return _simple("show_who_you_are", sum(1 for day in checked if is_recent(day)), len(checked))


def _support_partnership(session: Session, active: list[Partnership], today: dt.date) -> Evidence:
    is_recent = _recent(today, RECENT_MONTHS)
    evaluated = {
        partnership_id
        for partnership_id, held_on in session.execute(select(EvaluationRound.partnership_id, EvaluationRound.held_on))
        if is_recent(held_on)
    }
    return _simple("support_partnership", sum(1 for p in active if p.id in evaluated), len(active))


@requires("view_board")
def evidence(
    session: Session,
    today: dt.date | None = None,
    *,
    dependent_partnerships: set[int] | None = None,
    facts: figures.Facts | None = None,
) -> dict[str, Evidence]:
    """The evidence for every heading on ``today`` (default the real today), in checklist order.

    Active partnerships, written agreements, goals on track and what hangs on one person are those
    of :mod:`lib.reporting.figures` (``facts`` of the day, when the caller has them); ``dependent_partnerships``
    are the ids of partnerships that hang on one person, when the caller has them already.
    """
    today = today or dt.date.today()
    facts = facts or figures.Facts(session, today, today=today)
    active = facts.active
    found = {
        "professionalise": _professionalise(facts),
        "be_strategic": _be_strategic(session, active),
        "nurture_network": _nurture_network(session, today),
        "prepare_organisation": _prepare_organisation(session, facts, today, dependent_partnerships),
        "focus_library": _focus_library(facts),
        "choose_partners": _choose_partners(session, active, today),
        "show_who_you_are": _show_who_you_are(session, today),
        "support_partnership": _support_partnership(session, active, today),
    }
    return {heading: found[heading] for heading in HEADINGS}


# --- self-assessments ------------------------------------------------------------------------------


def _clean_scores(scores: Mapping[str, Any]) -> dict[str, int]:
    clean: dict[str, int] = {}
    for heading, value in scores.items():
        if heading not in HEADINGS:
            raise ValueError(f"not a checklist heading: {heading}")
        if editing.is_empty(value):
            continue
        low, high = SCORE_RANGE
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not float(value).is_integer()
            or not low <= value <= high
        ):
            raise ValidationFailed("radar.score_range", field=heading, heading=heading_label(heading), value=value)
        clean[heading] = int(value)
    if not clean:
        raise ValidationFailed("radar.no_score", field="scores")
    return clean


def _clean_notes(notes: Mapping[str, Any]) -> dict[str, str]:
    clean: dict[str, str] = {}
    for heading, value in notes.items():
        if heading not in HEADINGS:
            raise ValueError(f"not a checklist heading: {heading}")
        text = editing.multiline_value(value)
        if text is None:
            continue
        if len(text) > MAX_NOTE_LENGTH:
            raise ValidationFailed(
                "radar.note_too_long", field=heading, heading=heading_label(heading), limit=MAX_NOTE_LENGTH
            )
        clean[heading] = text
    return clean


def _clean_date(session: Session, value: Any, today: dt.date) -> dt.date:
    day = editing.date_value(value, "assessed_on")
    if day is None:
        raise ValidationFailed("radar.date_required", field="assessed_on")
    if day > today:
        raise ValidationFailed("radar.date_future", field="assessed_on", date=day)
    if session.scalar(select(ChecklistAssessment.id).where(ChecklistAssessment.assessed_on == day)) is not None:
        raise ValidationFailed("radar.date_taken", field="assessed_on", date=day)
    return day


@requires("edit")
def save_self_assessment(
    session: Session,
    assessed_on: Any,
    scores: Mapping[str, int | None],
    notes: Mapping[str, str | None] | None = None,
    assessor_id: int | None = None,
    actor: str | None = None,
    *,
    today: dt.date | None = None,
) -> int:
    """Store a dated self-assessment; returns its id.

    ``scores`` maps headings to 1-5 or None (blank), ``notes`` headings to text; at least one
    heading must be scored. Refused with ValidationFailed: no date, a date after ``today`` (default
    the real today), a date that already has an assessment, a score outside 1-5, a note over
    :data:`MAX_NOTE_LENGTH` characters, an assessor who is not staff. Nothing is stored then.
    """
    today = today or dt.date.today()
    clean_scores = _clean_scores(scores)
    clean_notes = _clean_notes(notes or {})
    day = _clean_date(session, assessed_on, today)
    assessor = editing.staff_value(session, assessor_id, "assessor_id")
    record = ChecklistAssessment(
        assessed_on=day,
        assessor_id=assessor,
        scores={h: clean_scores[h] for h in HEADINGS if h in clean_scores},
        notes={h: clean_notes[h] for h in HEADINGS if h in clean_notes} or None,
    )
    session.add(record)
    session.flush()
    log_event(
        session,
        "checklist_assessment_created",
        entity=ENTITY,
        entity_id=record.id,
        actor=actor,
        assessed_on=day,
        scores=record.scores,
    )
    return record.id


@requires("view_contacts")
def self_assessments(session: Session) -> list[ChecklistAssessment]:
    """Every self-assessment, oldest first."""
    return _self_assessments(session)


def _self_assessments(session: Session) -> list[ChecklistAssessment]:
    return list(
        session.scalars(select(ChecklistAssessment).order_by(ChecklistAssessment.assessed_on, ChecklistAssessment.id))
    )


@requires("view_contacts")
def latest_self_assessment(session: Session, on: dt.date | None = None) -> ChecklistAssessment | None:
    """The newest self-assessment dated on or before ``on`` (the newest of all when None)."""
    return _latest_self_assessment(session, on)


def _latest_self_assessment(session: Session, on: dt.date | None) -> ChecklistAssessment | None:
    # The record carries free-text notes; the board's radar only reads its scores and date.
    query = (
        select(ChecklistAssessment)
        .order_by(ChecklistAssessment.assessed_on.desc(), ChecklistAssessment.id.desc())
        .limit(1)
    )
    if on is not None:
        query = query.where(ChecklistAssessment.assessed_on <= on)
    return session.scalar(query)


@requires("edit")
def delete_self_assessment(session: Session, assessment_id: int, actor: str | None = None) -> None:
    """Delete one self-assessment (logged with its values, so it can be re-entered by hand)."""
    record = editing.existing(session, ChecklistAssessment, assessment_id, "radar.no_such_assessment")
    log_event(
        session,
        "checklist_assessment_deleted",
        entity=ENTITY,
        entity_id=assessment_id,
        actor=actor,
        **editing.snapshot(record),
    )
    session.delete(record)
    session.flush()


@requires("view_contacts")
def assessor_names(session: Session, assessments: Iterable[ChecklistAssessment]) -> dict[int, str]:
    """``{person id: name}`` of the assessors of ``assessments``."""
    ids = {a.assessor_id for a in assessments if a.assessor_id is not None}
    if not ids:
        return {}
    return dict(session.execute(select(Person.id, Person.name).where(Person.id.in_(ids))).all())


# --- frames ----------------------------------------------------------------------------------------


@requires("view_contacts", board_if={"notes": False})
def radar_frame(
    session: Session, today: dt.date | None = None, found: Mapping[str, Evidence] | None = None, *, notes: bool = True
) -> pd.DataFrame:
    """One row per heading in checklist order: ``heading``, ``self_score`` (the latest self-assessment
    on or before ``today``; NaN when blank or none), ``evidence_score`` (1-5, NaN without evidence),
    ``evidence_share`` (0-1, NaN) and ``note`` (the latest self-assessment's note, or None).

    ``attrs["assessed_on"]`` is the date of that self-assessment (None without one). ``found`` is
    :func:`evidence` when the caller has it already. The notes are free text that may name people,
    so they need ``view_contacts``; ``notes=False`` (the board's radar) leaves every ``note`` None.
    """
    today = today or dt.date.today()
    found = found if found is not None else evidence(session, today)
    latest = _latest_self_assessment(session, today)
    scores = latest.scores if latest else {}
    notes_by_heading = (latest.notes or {}) if latest and notes else {}
    rows = [
        {
            "heading": heading,
            "self_score": _float(scores.get(heading)),
            "evidence_score": _float(found[heading].score),
            "evidence_share": _float(found[heading].share),
            "note": notes_by_heading.get(heading),
        }
        for heading in HEADINGS
    ]
    frame = pd.DataFrame(rows, columns=FRAME_COLUMNS)
    # Plain objects, so a missing note stays None (pandas would otherwise infer text with NaN).
    frame["note"] = pd.Series([row["note"] for row in rows], dtype=object)
    frame.attrs["assessed_on"] = latest.assessed_on if latest else None
    return frame


def _float(value: Any) -> float:
    return float("nan") if value is None else float(value)


@requires("view_board")
def radar_history(session: Session) -> pd.DataFrame:
    """Every self-assessed score as a row (``assessed_on``, ``heading``, ``score``), oldest
    assessment first and headings in checklist order; blank headings have no row."""
    rows = [
        {"assessed_on": a.assessed_on, "heading": heading, "score": int(a.scores[heading])}
        for a in _self_assessments(session)
        for heading in HEADINGS
        if (a.scores or {}).get(heading) is not None
    ]
    return pd.DataFrame(rows, columns=HISTORY_COLUMNS)


# --- figures ---------------------------------------------------------------------------------------


def _closed(values: list[Any]) -> list[Any]:
    """A polygon's points with the first repeated at the end, so the outline closes."""
    return [*values, values[0]] if values else values


def _score_text(value: float, lang: str) -> str:
    return t("radar.chart.no_value", lang) if pd.isna(value) else format_number(round(float(value), 1), lang)


def radar_figure(frame: pd.DataFrame, lang: str = "da") -> go.Figure:
    """The radar of :func:`radar_frame`: the self-assessment and the evidence as two closed polygons
    on a 1-5 radial axis, headings clockwise from the top in checklist order.

    A heading without a value leaves a gap in its polygon rather than pretending to be a score.
    The traces carry ``meta`` :data:`SELF_TRACE` and :data:`EVIDENCE_TRACE`.
    """
    labels = _closed([heading_label(code, lang) for code in frame["heading"]])
    assessed_on = frame.attrs.get("assessed_on")
    self_name = (
        t("radar.chart.self_dated", lang, date=format_date(assessed_on, lang))
        if assessed_on
        else t("radar.chart.self", lang)
    )
    shares = [None if pd.isna(s) else format_percent(round(float(s) * 100), lang) for s in frame["evidence_share"]]
    scale = t("charts.unit.scale", lang)
    fig = go.Figure()
    fig.add_trace(
        go.Scatterpolar(
            r=_closed([None if pd.isna(v) else float(v) for v in frame["self_score"]]),
            theta=labels,
            name=self_name,
            meta=SELF_TRACE,
            mode="lines+markers",
            fill="toself",
            line={"color": SELF_COLOUR, "width": 3},
            fillcolor="rgba(0, 114, 178, 0.15)",
            customdata=_closed([_score_text(v, lang) for v in frame["self_score"]]),
            hovertemplate="%{theta}<br>" + t("radar.chart.self", lang) + ": %{customdata} " + scale + "<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatterpolar(
            r=_closed([None if pd.isna(v) else float(v) for v in frame["evidence_score"]]),
            theta=labels,
            name=t("radar.chart.evidence", lang),
            meta=EVIDENCE_TRACE,
            mode="lines+markers",
            fill="toself",
            line={"color": EVIDENCE_COLOUR, "width": 3, "dash": "dash"},
            fillcolor="rgba(230, 159, 0, 0.12)",
            marker={"symbol": "diamond", "line": charts.outline(EVIDENCE_COLOUR)},
            customdata=_closed(
                [
                    [_score_text(v, lang), share or t("radar.chart.no_value", lang)]
                    for v, share in zip(frame["evidence_score"], shares, strict=True)
                ]
            ),
            hovertemplate="%{theta}<br>"
            + t("radar.chart.evidence", lang)
            + ": %{customdata[0]} "
            + scale
            + " (%{customdata[1]})<extra></extra>",
        )
    )
    fig.update_layout(
        polar={
            "radialaxis": {"range": list(SCORE_RANGE), "tickvals": [1, 2, 3, 4, 5], "angle": 90, "tickangle": 90},
            "angularaxis": {"direction": "clockwise", "rotation": 90, "tickfont": {"size": 13}},
        },
        title=t("chart_title.radar", lang),
        legend={"orientation": "h", "x": 0.5, "xanchor": "center", "y": -0.08},
        # Room for the title and the headings written around the circle; the longest sit diagonally.
        height=560,
        margin={"l": 110, "r": 110, "t": 90, "b": 30},
    )
    return charts.style(fig, lang)


def history_figure(history: pd.DataFrame, lang: str = "da") -> go.Figure:
    """The self-assessed score of every heading over time: one small panel per heading (two rows of
    four, checklist order), so lines of equal scores do not hide each other. Each heading's trace
    carries its code as ``meta``; headings never scored have an empty panel."""
    labels = [heading_label(h, lang) for h in HEADINGS]
    fig = make_subplots(
        rows=2,
        cols=4,
        subplot_titles=labels,
        shared_yaxes=True,
        shared_xaxes=True,
        horizontal_spacing=0.03,
        vertical_spacing=0.16,
    )
    day_format = "%d-%m-%Y" if lang == "da" else "%Y-%m-%d"
    scale = t("charts.unit.scale", lang)
    for index, (heading, label) in enumerate(zip(HEADINGS, labels, strict=True)):
        rows = history[history["heading"] == heading]
        if rows.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime(rows["assessed_on"]),
                y=rows["score"],
                mode="lines+markers",
                name=label,
                meta=heading,
                line={"color": SELF_COLOUR, "width": 3},
                marker={"size": 8},
                showlegend=False,
                hovertemplate=f"{label}<br>%{{x|{day_format}}}: %{{y}} {scale}<extra></extra>",
            ),
            row=index // 4 + 1,
            col=index % 4 + 1,
        )
    fig.update_yaxes(range=[0.5, 5.5], tickvals=[1, 2, 3, 4, 5])
    fig.update_yaxes(title_text=t("radar.history.score", lang), col=1)
    # Years only on the shared axis: short, and the same in both languages; the hover has the day.
    fig.update_xaxes(tickformat="%Y", dtick="M12")
    fig.update_annotations(font={"size": 13})
    fig.update_layout(title=t("radar.history.chart_title", lang), height=480, margin={"t": 80})
    return charts.style(fig, lang)
