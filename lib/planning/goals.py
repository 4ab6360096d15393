"""The library's goals: measurable targets, their measurements, fulfilment, status and coverage.

A goal runs from a ``baseline`` (measured on ``baseline_date``) to a ``target`` (to be reached by
``target_date``). A target below the baseline is a goal to *reduce* something (fewer children reading
below their age, shorter waiting times); the same formulas serve both directions.

Fulfilment
    ``raw = (value - baseline) / (target - baseline) * 100``; 0 at the baseline, 100 at the target,
    negative when things went the wrong way, above 100 when the target is passed. The status uses
    ``fulfilment = min(100, max(0, raw))``; tables and charts may show ``raw``.
Expected progress
    ``expected = 100 * (measured_on - baseline_date) / (target_date - baseline_date)``, kept within
    0-100: the share of the goal's time that had passed when the value was measured.
Status (of the latest measurement on or before the day asked about)
    ``on_track`` when ``fulfilment >= expected - 10`` percentage points;
    ``at_risk`` when ``fulfilment >= expected - 25``;
    ``off_track`` otherwise; ``no_data`` when the goal has no measurement yet.
    The latest value is compared with the time that had passed *when it was measured*: an old
    measurement is not judged by today's expectation. That it is old is said separately:
Stale
    no measurement for more than :data:`STALE_DAYS` days since the last one. A goal never measured
    is *not yet measured* (status ``no_data``), never stale.
Coverage
    a goal is *served* by a partnership linked to it that is under way (stage beyond an idea and
    not ended); :func:`coverage` lists the goals no such partnership serves and the partnerships
    (not ended, ideas included) that serve no goal.

Examples
--------
>>> fulfilment(80, baseline=100, target=60)       # a goal to reduce: halfway there
50.0
>>> status_for(fulfilment=40, expected=60)
'at_risk'
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.core.i18n import t
from lib.core.progress import Progress
from lib.db import Goal, GoalMeasurement, Partnership, PartnershipGoal, Person, log_event
from lib.db.text_limits import max_length
from lib.ingest.planning_tables import (
    Column,
    SheetSpec,
    StaffIndex,
    TableImporter,
    TableImportResult,
    cell,
    run_table_import,
)
from lib.ingest.rows import RowValues
from lib.workspace import editing

#: A goal without a measurement for longer than this is stale.
STALE_DAYS = 180
#: How far below the expected progress a goal may be and still be on track (percentage points).
ON_TRACK_MARGIN = 10.0
#: How far below the expected progress a goal may be and be at risk rather than off track.
AT_RISK_MARGIN = 25.0
STATUSES = ("on_track", "at_risk", "off_track", "no_data")

GOAL_FIELDS = (
    "title",
    "description",
    "theme",
    "owner_id",
    "unit",
    "baseline",
    "target",
    "baseline_date",
    "target_date",
)
MEASUREMENT_FIELDS = ("measured_on", "value", "note", "source")
ENTITY = "goal"


# --- the formulas ----------------------------------------------------------------------------------


def fulfilment(value: float | None, baseline: float | None, target: float | None) -> float | None:
    """How far ``value`` has come from ``baseline`` towards ``target``, in percent (not clamped).

    Parameters
    ----------
    value, baseline, target : float or None
        The measured value and the goal's two ends. ``target`` below ``baseline`` is a goal to reduce.

    Returns
    -------
    float or None
        ``(value - baseline) / (target - baseline) * 100``; None when a number is missing or the
        target equals the baseline (no distance to cover).

    Examples
    --------
    >>> fulfilment(150, baseline=100, target=200)
    50.0
    >>> fulfilment(90, baseline=100, target=200)
    -10.0
    """
    if value is None or baseline is None or target is None or target == baseline:
        return None
    return (value - baseline) / (target - baseline) * 100.0


def clamp_percent(raw: float | None) -> float | None:
    """``raw`` kept within 0-100 (None stays None)."""
    return None if raw is None else min(100.0, max(0.0, raw))


def expected_progress(baseline_date: dt.date, target_date: dt.date, on: dt.date) -> float:
    """The share of the goal's time that has passed on ``on``, in percent, within 0-100.

    >>> expected_progress(dt.date(2024, 1, 1), dt.date(2025, 1, 1), dt.date(2024, 7, 2))
    50.0
    """
    total = (target_date - baseline_date).days
    if total <= 0:
        return 100.0 if on >= target_date else 0.0
    return min(100.0, max(0.0, (on - baseline_date).days / total * 100.0))


def status_for(fulfilment: float | None, expected: float) -> str:
    """``on_track``, ``at_risk`` or ``off_track`` for a clamped fulfilment against the expected one.

    See the module notes for the rule; ``no_data`` when ``fulfilment`` is None.
    """
    if fulfilment is None:
        return "no_data"
    if fulfilment >= expected - ON_TRACK_MARGIN:
        return "on_track"
    if fulfilment >= expected - AT_RISK_MARGIN:
        return "at_risk"
    return "off_track"


@dataclass
class GoalStatus:
    """Where one goal stands on a day: its latest measurement, fulfilment, status and staleness."""

    goal_id: int
    title: str
    theme: str | None
    unit: str | None
    owner_id: int | None
    baseline: float
    target: float
    baseline_date: dt.date
    target_date: dt.date
    latest_value: float | None
    latest_on: dt.date | None
    fulfilment_raw: float | None
    fulfilment: float | None
    expected: float | None
    status: str
    stale: bool
    days_since_measurement: int | None
    achieved: bool
    reduce: bool
    measurements: int = 0

    def as_row(self) -> dict[str, Any]:
        return asdict(self)


def goal_status(
    goal: Goal, measurements: Sequence[GoalMeasurement], as_of: dt.date, stale_days: int = STALE_DAYS
) -> GoalStatus:
    """The status of ``goal`` on ``as_of`` from its ``measurements`` (any order; later ones ignored)."""
    known = sorted((m for m in measurements if m.measured_on <= as_of), key=lambda m: (m.measured_on, m.id or 0))
    latest = known[-1] if known else None
    raw = fulfilment(latest.value, goal.baseline, goal.target) if latest else None
    clamped = clamp_percent(raw)
    expected = expected_progress(goal.baseline_date, goal.target_date, latest.measured_on) if latest else None
    return GoalStatus(
        goal_id=goal.id,
        title=goal.title,
        theme=goal.theme,
        unit=goal.unit,
        owner_id=goal.owner_id,
        baseline=goal.baseline,
        target=goal.target,
        baseline_date=goal.baseline_date,
        target_date=goal.target_date,
        latest_value=latest.value if latest else None,
        latest_on=latest.measured_on if latest else None,
        fulfilment_raw=raw,
        fulfilment=clamped,
        expected=expected,
        status=status_for(clamped, expected if expected is not None else 0.0),
        stale=latest is not None and (as_of - latest.measured_on).days > stale_days,
        days_since_measurement=(as_of - latest.measured_on).days if latest else None,
        achieved=raw is not None and raw >= 100.0,
        reduce=goal.target < goal.baseline,
        measurements=len(known),
    )


def _measurements_by_goal(session: Session, goal_ids: Iterable[int] | None = None) -> dict[int, list[GoalMeasurement]]:
    query = select(GoalMeasurement).order_by(GoalMeasurement.measured_on, GoalMeasurement.id)
    if goal_ids is not None:
        query = query.where(GoalMeasurement.goal_id.in_(list(goal_ids)))
    grouped: dict[int, list[GoalMeasurement]] = defaultdict(list)
    for measurement in session.scalars(query):
        grouped[measurement.goal_id].append(measurement)
    return grouped


@requires("view_board")
def goal_statuses(session: Session, as_of: dt.date | None = None, stale_days: int = STALE_DAYS) -> list[GoalStatus]:
    """The status of every goal on ``as_of`` (default today), in title order."""
    as_of = as_of or dt.date.today()
    goals = list(session.scalars(select(Goal).order_by(Goal.title, Goal.id)))
    grouped = _measurements_by_goal(session)
    return [goal_status(goal, grouped.get(goal.id, []), as_of, stale_days) for goal in goals]


def status_counts(statuses: Iterable[GoalStatus]) -> dict[str, int]:
    """How many goals have each status, plus ``stale``: for the overview's figures."""
    counts = {status: 0 for status in STATUSES} | {"stale": 0}
    for entry in statuses:
        counts[entry.status] += 1
        counts["stale"] += int(entry.stale)
    return counts


@requires("view_board")
def fulfilment_series(session: Session, goal_ids: Iterable[int] | None = None) -> pd.DataFrame:
    """Fulfilment over time per goal, for line charts.

    Returns
    -------
    pandas.DataFrame
        One row per goal and date, oldest first: ``goal_id``, ``title``, ``date``, ``value``,
        ``fulfilment_raw``, ``fulfilment`` (0-100), ``expected`` (0-100) and ``is_baseline``. Each goal
        starts with its baseline (fulfilment 0) so that a line begins where the goal began.
    """
    query = select(Goal).order_by(Goal.title, Goal.id)
    if goal_ids is not None:
        query = query.where(Goal.id.in_(list(goal_ids)))
    goals = list(session.scalars(query))
    grouped = _measurements_by_goal(session, [goal.id for goal in goals])
    rows: list[dict[str, Any]] = []
    for goal in goals:
        rows.append(_series_row(goal, goal.baseline_date, goal.baseline, is_baseline=True))
        rows.extend(_series_row(goal, m.measured_on, m.value, is_baseline=False) for m in grouped.get(goal.id, []))
    columns = ["goal_id", "title", "date", "value", "fulfilment_raw", "fulfilment", "expected", "is_baseline"]
    return pd.DataFrame(rows, columns=columns)


def _series_row(goal: Goal, on: dt.date, value: float, *, is_baseline: bool) -> dict[str, Any]:
    raw = fulfilment(value, goal.baseline, goal.target)
    return {
        "goal_id": goal.id,
        "title": goal.title,
        "date": on,
        "value": value,
        "fulfilment_raw": raw,
        "fulfilment": clamp_percent(raw),
        "expected": expected_progress(goal.baseline_date, goal.target_date, on),
        "is_baseline": is_baseline,
    }


# --- coverage --------------------------------------------------------------------------------------


def serves_goals(partnership: Partnership) -> bool:
    """Whether a partnership counts as serving its goals: under way (beyond an idea) and not ended."""
    return not partnership.closed and partnership.stage != "idea"


@dataclass
class Coverage:
    """Which goals partnerships serve, and which partnerships serve no goal."""

    #: ``{goal id: [partnership ids under way that serve it]}`` for every goal.
    partnerships_per_goal: dict[int, list[int]]
    #: Goals no partnership under way serves: ``[{"goal_id", "title", "planned"}]``; ``planned``
    #: counts ideas linked to the goal.
    goals_without_partnership: list[dict[str, Any]] = field(default_factory=list)
    #: Partnerships not ended (ideas too) linked to no goal: ``[{"partnership_id", "title", "stage"}]``.
    partnerships_without_goal: list[dict[str, Any]] = field(default_factory=list)


@requires("view_board")
def coverage(session: Session) -> Coverage:
    """Goals no partnership serves and partnerships that serve no goal (rules in the module notes)."""
    goals = list(session.scalars(select(Goal).order_by(Goal.title, Goal.id)))
    partnerships = {p.id: p for p in session.scalars(select(Partnership).order_by(Partnership.title, Partnership.id))}
    links = session.execute(select(PartnershipGoal.partnership_id, PartnershipGoal.goal_id)).all()
    serving: dict[int, list[int]] = {goal.id: [] for goal in goals}
    planned: dict[int, int] = defaultdict(int)
    linked: set[int] = set()
    for partnership_id, goal_id in links:
        partnership = partnerships[partnership_id]
        linked.add(partnership_id)
        if serves_goals(partnership):
            serving[goal_id].append(partnership_id)
        elif not partnership.closed:
            planned[goal_id] += 1
    return Coverage(
        partnerships_per_goal={goal_id: sorted(ids) for goal_id, ids in serving.items()},
        goals_without_partnership=[
            {"goal_id": goal.id, "title": goal.title, "planned": planned.get(goal.id, 0)}
            for goal in goals
            if not serving[goal.id]
        ],
        partnerships_without_goal=[
            {"partnership_id": p.id, "title": p.title, "stage": p.stage}
            for p in partnerships.values()
            if not p.closed and p.id not in linked
        ],
    )


# --- creating and editing --------------------------------------------------------------------------


def _text_limit(model: type, column: str) -> int:
    limit = max_length(model, column)
    if limit is None:
        raise TypeError(f"{model.__name__}.{column} is not a text column")
    return limit


_MAX = {
    "title": _text_limit(Goal, "title"),
    "theme": _text_limit(Goal, "theme"),
    "unit": _text_limit(Goal, "unit"),
    "source": _text_limit(GoalMeasurement, "source"),
}


@requires("edit")
def clean_goal_values(session: Session, values: Mapping[str, Any]) -> dict[str, Any]:
    """A goal's values as they will be stored; raises ValidationFailed for the first that cannot be.

    All of ``GOAL_FIELDS`` are checked together, so pass the whole goal (``update_goal`` merges the
    changes into the stored values first). Required: title, baseline, target, both dates; the target
    must differ from the baseline and the target date come after the baseline date; the owner must
    be a staff member.
    """
    editing.reject_unknown_fields(values, GOAL_FIELDS)
    clean: dict[str, Any] = {
        "title": editing.text_value(values.get("title"), "title", _MAX["title"]),
        "description": editing.multiline_value(values.get("description")),
        "theme": editing.text_value(values.get("theme"), "theme", _MAX["theme"]),
        "owner_id": editing.staff_value(session, values.get("owner_id"), "owner_id"),
        "unit": editing.text_value(values.get("unit"), "unit", _MAX["unit"]),
        "baseline": editing.number_value(values.get("baseline"), "baseline"),
        "target": editing.number_value(values.get("target"), "target"),
        "baseline_date": editing.date_value(values.get("baseline_date"), "baseline_date"),
        "target_date": editing.date_value(values.get("target_date"), "target_date"),
    }
    for name in ("title", "baseline", "target", "baseline_date", "target_date"):
        if clean[name] is None:
            raise ValidationFailed(f"strategy.{name}_required", field=name)
    if clean["target"] == clean["baseline"]:
        raise ValidationFailed("strategy.target_equals_baseline", field="target")
    if clean["target_date"] <= clean["baseline_date"]:
        raise ValidationFailed("strategy.dates_order", field="target_date")
    return clean


def _get_goal(session: Session, goal_id: int) -> Goal:
    return editing.existing(session, Goal, goal_id, "strategy.no_such_goal")


@requires("edit")
def create_goal(session: Session, values: Mapping[str, Any], actor: str | None = None) -> int:
    """Add a goal; returns its id. Raises ValidationFailed (nothing stored) for an invalid value."""
    goal = Goal(**clean_goal_values(session, values))
    session.add(goal)
    session.flush()
    log_event(session, "goal_created", entity=ENTITY, entity_id=goal.id, actor=actor, title=goal.title)
    return goal.id


@requires("edit")
def update_goal(session: Session, goal_id: int, changes: Mapping[str, Any], actor: str | None = None) -> list[str]:
    """Store the changed values of a goal; returns the names of the fields that changed."""
    goal = _get_goal(session, goal_id)
    editing.reject_unknown_fields(changes, GOAL_FIELDS)
    clean = clean_goal_values(session, {**editing.current_values(goal, GOAL_FIELDS), **changes})
    changed = editing.apply_changes(goal, clean)
    if changed:
        log_event(session, "goal_updated", entity=ENTITY, entity_id=goal.id, actor=actor, changes=changed)
    return list(changed)


@requires("edit")
def delete_goal(session: Session, goal_id: int, actor: str | None = None) -> None:
    """Delete a goal with its measurements and its links to partnerships."""
    goal = _get_goal(session, goal_id)
    log_event(session, "goal_deleted", entity=ENTITY, entity_id=goal_id, actor=actor, goal=editing.snapshot(goal))
    session.delete(goal)
    session.flush()


def _clean_measurement(values: Mapping[str, Any]) -> dict[str, Any]:
    editing.reject_unknown_fields(values, MEASUREMENT_FIELDS)
    clean = {
        "measured_on": editing.date_value(values.get("measured_on"), "measured_on"),
        "value": editing.number_value(values.get("value"), "value"),
        "note": editing.multiline_value(values.get("note")),
        "source": editing.text_value(values.get("source"), "source", _MAX["source"]),
    }
    if clean["measured_on"] is None:
        raise ValidationFailed("strategy.measured_on_required", field="measured_on")
    if clean["value"] is None:
        raise ValidationFailed("strategy.value_required", field="value")
    return clean


@requires("edit")
def add_measurement(session: Session, goal_id: int, values: Mapping[str, Any], actor: str | None = None) -> int:
    """Record a measured value (``measured_on``, ``value``, optional ``note`` and ``source``); returns its id."""
    _get_goal(session, goal_id)
    measurement = GoalMeasurement(goal_id=goal_id, **_clean_measurement(values))
    session.add(measurement)
    session.flush()
    log_event(
        session,
        "goal_measured",
        entity=ENTITY,
        entity_id=goal_id,
        actor=actor,
        measured_on=measurement.measured_on,
        value=measurement.value,
    )
    return measurement.id


@requires("edit")
def update_measurement(
    session: Session, measurement_id: int, changes: Mapping[str, Any], actor: str | None = None
) -> list[str]:
    """Correct a measurement; returns the names of the fields that changed."""
    measurement = editing.existing(session, GoalMeasurement, measurement_id, "strategy.no_such_measurement")
    clean = _clean_measurement({**editing.current_values(measurement, MEASUREMENT_FIELDS), **changes})
    changed = editing.apply_changes(measurement, clean)
    if changed:
        log_event(
            session,
            "goal_measurement_updated",
            entity=ENTITY,
            entity_id=measurement.goal_id,
            actor=actor,
            measurement=measurement_id,
            changes=changed,
        )
    return list(changed)


@requires("edit")
def delete_measurement(session: Session, measurement_id: int, actor: str | None = None) -> None:
    measurement = editing.existing(session, GoalMeasurement, measurement_id, "strategy.no_such_measurement")
    log_event(
        session,
        "goal_measurement_deleted",
        entity=ENTITY,
        entity_id=measurement.goal_id,
        actor=actor,
        measured_on=measurement.measured_on,
        value=measurement.value,
    )
    session.delete(measurement)
    session.flush()


@requires("view_contacts")
def measurements(session: Session, goal_id: int) -> list[GoalMeasurement]:
    """A goal's measurements, oldest first."""
    return list(
        session.scalars(
            select(GoalMeasurement)
            .where(GoalMeasurement.goal_id == goal_id)
            .order_by(GoalMeasurement.measured_on, GoalMeasurement.id)
        )
    )


@requires("view_board")
def goal_choices(session: Session) -> list[tuple[int, str]]:
    """``(id, title)`` of every goal, for a select box."""
    return [(goal_id, title) for goal_id, title in session.execute(select(Goal.id, Goal.title).order_by(Goal.title))]


@requires("view_contacts")
def staff_choices(session: Session) -> list[tuple[int, str]]:
    """``(id, name)`` of every staff member: who can own a goal or a partnership."""
    return [
        (pid, name)
        for pid, name in session.execute(
            select(Person.id, Person.name).where(Person.is_staff.is_(True)).order_by(Person.name)
        )
    ]


def status_label(status: str, lang: str = "da") -> str:

    return t(f"strategy.status.{status}", lang)


# --- import ----------------------------------------------------------------------------------------

GOAL_SHEET = SheetSpec(
    "goals",
    (
        Column("title", "strategy.col.title", ("mål", "goal", "navn", "name", "måltitel"), required=True),
        Column("description", "strategy.col.description", ("beskrivelse", "description")),
        Column("theme", "strategy.col.theme", ("tema", "theme", "indsatsområde")),
        Column("owner", "strategy.col.owner", ("ansvarlig", "owner", "målejer")),
        Column("unit", "strategy.col.unit", ("enhed", "unit", "indikator", "indicator")),
        Column("baseline", "strategy.col.baseline", ("baseline", "udgangspunkt", "startværdi"), required=True),
        Column("baseline_date", "strategy.col.baseline_date", ("baselinedato", "startdato"), required=True),
        Column("target", "strategy.col.target", ("target", "målværdi", "mål værdi"), required=True),
        Column("target_date", "strategy.col.target_date", ("måldato", "deadline", "frist"), required=True),
    ),
)
MEASUREMENT_SHEET = SheetSpec(
    "measurements",
    (
        Column("goal", "strategy.col.goal", ("mål", "goal", "titel", "title"), required=True),
        Column("measured_on", "strategy.col.measured_on", ("dato", "date", "målt den", "målingsdato"), required=True),
        Column("value", "strategy.col.value", ("værdi", "value", "resultat", "måling"), required=True),
        Column("note", "strategy.col.note", ("note", "bemærkning", "kommentar", "comment")),
        Column("source", "strategy.col.source", ("kilde", "source")),
    ),
)


class GoalsImporter(TableImporter):
    """Goals (one sheet) and their measurements (another sheet), in one file.

    A goal whose title is already in the workspace (or earlier in the file) is skipped, so that a
    file can be imported again with new measurements; a measurement already stored (same goal, date
    and value) is skipped too. A measurement names its goal by title: a goal of the workspace or one
    of the same file.
    """

    kind = "goals"
    sheets = (GOAL_SHEET, MEASUREMENT_SHEET)

    def __init__(self) -> None:
        self.goal_by_key: dict[str, int] = {}
        self.new_goals: dict[str, dict[str, Any]] = {}
        self.known_measurements: set[tuple[Any, dt.date, float]] = set()
        self.new_measurements: list[tuple[Any, dict[str, Any]]] = []
        self.staff = StaffIndex()
        self.session: Session | None = None

    def load(self, session: Session) -> None:
        self.session = session
        self.staff = StaffIndex.load(session)
        for goal_id, title in session.execute(select(Goal.id, Goal.title).order_by(Goal.id)):
            self.goal_by_key.setdefault(editing.title_key(title), goal_id)
        for goal_id, measured_on, value in session.execute(
            select(GoalMeasurement.goal_id, GoalMeasurement.measured_on, GoalMeasurement.value)
        ):
            self.known_measurements.add((goal_id, measured_on, value))

    def read_row(self, role: str, row: RowValues) -> str:
        return self._goal_row(row) if role == "goals" else self._measurement_row(row)

    def _goal_row(self, row: RowValues) -> str:
        title = row.text("title")
        if not title:
            return row.reject("", "strategy.title_required")
        key = editing.title_key(title)
        if key in self.goal_by_key or key in self.new_goals:
            row.warn(row.column("title"), "strategy.import.goal_exists", title=title)
            return "skipped"
        owner_text = row.text("owner")
        owner_id = self.staff.find(owner_text)
        if owner_text and owner_id is None:
            row.warn(row.column("owner"), "strategy.import.unknown_owner", value=owner_text)
        values = {
            name: cell(row, name)
            for name in ("title", "description", "theme", "unit", "baseline", "target", "baseline_date", "target_date")
        }
        for name in ("theme", "unit"):  # the title is what the goal is recognised by: too long rejects
            if row.fitting(Goal, name, row.text(name), row.column(name)) is None:
                values[name] = None
        values["owner_id"] = owner_id
        assert self.session is not None
        try:
            clean = clean_goal_values(self.session, values)
        except ValidationFailed as error:
            field_name = error.params.get("field", "")
            return row.reject(row.column(field_name), error.key, **error.params)
        self.new_goals[key] = clean
        return "insert"

    def _measurement_row(self, row: RowValues) -> str:
        title = row.text("goal")
        key = editing.title_key(title) if title else ""
        goal_ref: Any = self.goal_by_key.get(key)
        if goal_ref is None and key in self.new_goals:
            goal_ref = ("new", key)
        if goal_ref is None:
            return row.reject(row.column("goal"), "strategy.import.unknown_goal", title=title or "")
        values = {name: cell(row, name) for name in MEASUREMENT_FIELDS}
        if row.fitting(GoalMeasurement, "source", row.text("source"), row.column("source")) is None:
            values["source"] = None
        try:
            clean = _clean_measurement(values)
        except ValidationFailed as error:
            return row.reject(row.column(error.params.get("field", "")), error.key, **error.params)
        signature = (goal_ref, clean["measured_on"], clean["value"])
        if signature in self.known_measurements:
            row.warn(row.column("measured_on"), "strategy.import.measurement_exists", title=title or "")
            return "skipped"
        self.known_measurements.add(signature)
        self.new_measurements.append((goal_ref, clean))
        return "insert"

    def store(self, session: Session, batch_id: int) -> dict[str, int]:
        goals = {key: Goal(**values, batch_id=batch_id) for key, values in self.new_goals.items()}
        session.add_all(goals.values())
        session.flush()
        measurements = [
            GoalMeasurement(goal_id=goals[ref[1]].id if isinstance(ref, tuple) else ref, batch_id=batch_id, **values)
            for ref, values in self.new_measurements
        ]
        session.add_all(measurements)
        session.flush()
        return {"goals": len(goals), "goal_measurements": len(measurements)}


@requires("import")
def import_goals(
    db: Any, file_name: str, data: bytes, *, commit: bool, actor: str | None = None, progress: Progress | None = None
) -> TableImportResult:
    """Import goals and measurements from an Excel or CSV file (see :class:`GoalsImporter`).

    A preview when ``commit`` is False; undo with ``lib.ingest.planning_tables.undo_table_import``.
    """
    return run_table_import(db, GoalsImporter(), file_name, data, commit=commit, actor=actor, progress=progress)
