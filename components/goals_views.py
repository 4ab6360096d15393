"""The pieces of the page "Mål" (pages/goals.py): overview, charts, forms, coverage and bulk load.

Everything that reads or changes data is in ``lib.planning.goals`` and ``lib.ingest.planning_tables``; changes are
made in button callbacks (or forms that save explicitly) and the outcome is kept as a message for
the next draw, in the user's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from sqlalchemy import select

from components.context import actor, database, lang, tr
from components.feedback import Messages, delete_one
from components.safe_markdown import escape_markdown, tr_md
from components.tables import date_input_format
from lib.core import charts
from lib.core.errors import UserFacingError
from lib.core.i18n import format_date, format_number, format_percent
from lib.db import Goal, Partnership
from lib.planning import goals as strategy

PREFIX = "goals_"
FLASH_KEY = PREFIX + "flash"
EDIT_PICK = "goals_edit_pick"
SERIES_PICK = "goals_series_pick"
NEW = 0  # the "new goal" choice of the edit picker

#: Colour and icon per status; the word is always shown too (never colour alone).
STATUS_LOOK = {
    status: (charts.category_colour("goal_status", status), icon)
    for status, icon in (("on_track", "🟢"), ("at_risk", "🟠"), ("off_track", "🔴"), ("no_data", "⚪"))
}
STALE_ICON = "⏳"


# --- messages --------------------------------------------------------------------------------------


_MESSAGES = Messages(FLASH_KEY, "goals")
show_flash = _MESSAGES.show


def flash(slot: str, kind: str, key: str | None = None, error: Exception | None = None, **params: Any) -> None:
    """Keep a message (a translation ``key`` with ``params``, or an ``error``) for ``slot``; shown once,
    on the next draw, in the language the user reads then."""
    _MESSAGES.flash(slot, kind, key, error=error, **params)


def status_text(status: str) -> str:
    """The status as icon and words, e.g. "🟠 I fare"."""
    return f"{STATUS_LOOK[status][1]} {strategy.status_label(status, lang())}"


def _number(value: float | None, unit: str | None = None) -> str:
    if value is None or pd.isna(value):
        return tr("goalspage.no_value")
    shown = format_number(value, lang())
    return f"{shown} {unit}" if unit else shown


def _unique_labels(statuses: Sequence[strategy.GoalStatus]) -> list[str]:
    """Goal titles for a chart axis; a title used twice gets its number, so no bars merge."""
    seen: dict[str, int] = {}
    for entry in statuses:
        seen[entry.title] = seen.get(entry.title, 0) + 1
    return [f"{s.title} (#{s.goal_id})" if seen[s.title] > 1 else s.title for s in statuses]


# --- overview --------------------------------------------------------------------------------------


def overview_frame(statuses: Sequence[strategy.GoalStatus], owners: dict[int, str]) -> pd.DataFrame:
    """One row per goal, with translated column names."""
    rows = []
    for s in statuses:
        stale_text = (
            tr("strategy.stale", days=strategy.STALE_DAYS)
            if s.stale
            else tr("strategy.status.no_data")
            if s.latest_on is None
            else tr("goalspage.fresh")
        )
        rows.append(
            {
                tr("goalspage.col.title"): s.title,
                tr("goalspage.col.theme"): s.theme or "",
                tr("goalspage.col.owner"): owners.get(s.owner_id, "") if s.owner_id else "",
                tr("goalspage.col.latest"): _number(s.latest_value, s.unit),
                tr("goalspage.col.target"): _number(s.target, s.unit),
                # Text, so a goal not yet measured shows a dash, never "None".
                tr("goalspage.col.latest_on"): format_date(s.latest_on, lang()) or tr("goalspage.no_value"),
                tr("goalspage.col.target_date"): format_date(s.target_date, lang()),
                tr("goalspage.col.fulfilment"): _percent_text(s.fulfilment_raw),
                tr("goalspage.col.expected"): _percent_text(s.expected),
                tr("goalspage.col.status"): status_text(s.status),
                tr("goalspage.col.stale"): (f"{STALE_ICON} " if s.stale else "") + stale_text,
            }
        )
    return pd.DataFrame(rows)


def _percent_text(value: float | None) -> str:
    return tr("goalspage.no_value") if value is None else format_percent(round(value), lang())


def overview_table(statuses: Sequence[strategy.GoalStatus], owners: dict[int, str]) -> None:
    frame = overview_frame(statuses, owners)
    st.dataframe(frame, hide_index=True, width="stretch", key="goals_overview_table", placeholder="")


def overview_figure(statuses: Sequence[strategy.GoalStatus], language: str) -> go.Figure:
    """Horizontal bars of fulfilment (clamped 0-100) per goal, coloured by status, with the expected mark."""
    from lib.core.i18n import t

    labels = charts.escape_all(_unique_labels(statuses))
    values = [s.fulfilment if s.fulfilment is not None else 0.0 for s in statuses]
    # Words, not emoji, inside the figure: a PNG export or a browser without an emoji font shows boxes.
    words = [strategy.status_label(s.status, language) for s in statuses]
    text = [
        f"{format_number(round(s.fulfilment_raw), language)} % · {w}" if s.fulfilment_raw is not None else w
        for s, w in zip(statuses, words, strict=True)
    ]
    fig = go.Figure()
    colours = [STATUS_LOOK[s.status][0] for s in statuses]
    fig.add_trace(
        go.Bar(
            x=values,
            y=labels,
            orientation="h",
            name=t("strategy.fulfilment", language),
            marker=charts.marker(colours),
            text=text,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}<br>%{text}<extra></extra>",
        )
    )
    measured = [(label, s.expected) for label, s in zip(labels, statuses, strict=True) if s.expected is not None]
    if measured:
        fig.add_trace(
            go.Scatter(
                x=[e for _, e in measured],
                y=[label for label, _ in measured],
                mode="markers",
                name=t("strategy.expected", language),
                marker={"symbol": "line-ns-open", "size": 22, "color": "#000000", "line": {"width": 3}},
                hovertemplate="%{y}<br>" + t("strategy.expected", language) + ": %{x:.0f} %<extra></extra>",
            )
        )
    fig.update_layout(
        title=t("goalspage.overview.chart_title", language),
        # Room to the right for the bars' words; the expected mark can lie beyond 100 %.
        xaxis={
            "range": charts.value_range([e for _, e in measured], 0, 135),
            "ticksuffix": " %",
            "tickvals": [0, 25, 50, 75, 100],
            "title": t("strategy.fulfilment", language),
        },
        yaxis={"autorange": "reversed"},
        height=max(260, 60 + 46 * len(statuses)),
        legend={"orientation": "h", "y": -0.15},
    )
    return charts.style(fig, language)


# --- fulfilment over time --------------------------------------------------------------------------


def series_figure(series: pd.DataFrame, language: str, order: Sequence[int] | None = None) -> go.Figure:
    """One line per goal (a point per measurement), the expected progress dotted, the 100 % line.

    ``order`` is every goal id in the page's order: a goal's colour (and, past seven goals, its dash)
    follows its place there, so it keeps its colour whichever goals are picked, and the board pack
    (goals by title, as here) draws it in the same colour."""
    from lib.core.i18n import t

    fig = go.Figure()
    day = "%d-%m-%Y" if language == "da" else "%Y-%m-%d"
    looks = charts.series_styles([*(order or ()), *series["goal_id"]])
    for goal_id, rows in series.groupby("goal_id", sort=False):
        look = looks[goal_id]
        title = charts.template_text(rows["title"].iloc[0])
        measured = rows[~rows["is_baseline"]]
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime(measured["date"]),
                y=measured["fulfilment_raw"],
                mode="lines+markers",
                name=title,
                line={**look, "width": 3},
                meta=int(goal_id),
                marker={"size": 8, "line": charts.outline(look["color"])},
                customdata=measured["value"],
                hovertemplate=f"{title}<br>%{{x|{day}}}: %{{y:.0f}} %<extra></extra>",
            )
        )
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime(rows["date"]),
                y=rows["expected"],
                mode="lines",
                name=t("goalspage.series.expected", language, title=title),
                line={"color": look["color"], "width": 1.5, "dash": "dot"},
                showlegend=False,
                hovertemplate=t("strategy.expected", language) + f" %{{x|{day}}}: %{{y:.0f}} %<extra></extra>",
            )
        )
    fig.add_hline(
        y=100,
        line={"color": "#000000", "dash": "dash", "width": 1},
        annotation_text=t("goalspage.series.target_line", language),
        annotation_position="top left",
    )
    fig.update_layout(
        title=t("goalspage.series.chart_title", language),
        xaxis=charts.date_axis(series["date"], language, title=t("goalspage.series.date", language)),
        # From 0 to at least the 100 % line, and every measurement inside.
        yaxis={
            "ticksuffix": " %",
            "title": t("strategy.fulfilment", language),
            "range": charts.value_range([*series["fulfilment_raw"], *series["expected"]], 0, 110),
        },
        legend={"orientation": "h", "y": -0.25},
        height=460,
    )
    return charts.style(fig, language)


def series_section(choices: dict[int, str], first: int | None) -> None:
    if SERIES_PICK in st.session_state:
        st.session_state[SERIES_PICK] = [g for g in st.session_state[SERIES_PICK] if g in choices]
    elif first is not None:
        st.session_state[SERIES_PICK] = [first]
    picked = st.multiselect(
        tr("goalspage.series.pick"),
        options=list(choices),
        format_func=choices.get,
        placeholder=tr("widget.choose_many"),
        key=SERIES_PICK,
    )
    if not picked:
        st.info(tr("goalspage.series.choose"))
        return
    with database().read() as session:
        series = strategy.fulfilment_series(session, picked)
    for goal_id in picked:
        if not (series["goal_id"].eq(goal_id) & ~series["is_baseline"]).any():
            st.caption(tr_md("goalspage.series.no_measurements", title=choices[goal_id]))
    st.plotly_chart(series_figure(series, lang(), list(choices)), theme=None, key="goals_series_chart")


# --- create, edit, measure, delete -----------------------------------------------------------------


def _goal_values(prefix: str) -> dict[str, Any]:
    state = st.session_state
    owner = state.get(prefix + "owner_id")
    return {
        "title": state.get(prefix + "title"),
        "description": state.get(prefix + "description"),
        "theme": state.get(prefix + "theme"),
        "owner_id": owner or None,
        "unit": state.get(prefix + "unit"),
        "baseline": state.get(prefix + "baseline"),
        "target": state.get(prefix + "target"),
        "baseline_date": state.get(prefix + "baseline_date"),
        "target_date": state.get(prefix + "target_date"),
    }


def _create_goal(prefix: str) -> None:
    try:
        with database().write() as session:
            goal_id = strategy.create_goal(session, _goal_values(prefix), actor=actor())
    except UserFacingError as error:
        flash("edit", "error", error=error)
        return
    title = st.session_state.get(prefix + "title", "")
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefix)]:
        del st.session_state[key]  # an empty form for the next goal
    st.session_state[EDIT_PICK] = goal_id
    flash("edit", "success", "goalspage.edit.created", title=title.strip())


def _update_goal(goal_id: int, prefix: str) -> None:
    try:
        with database().write() as session:
            changed = strategy.update_goal(session, goal_id, _goal_values(prefix), actor=actor())
    except UserFacingError as error:
        flash("edit", "error", error=error)
        return
    flash("edit", "success", "goalspage.edit.saved" if changed else "goalspage.edit.nothing_changed")


def _add_measurement(goal_id: int, prefix: str) -> None:
    state = st.session_state
    values = {
        "measured_on": state.get(prefix + "measured_on"),
        "value": state.get(prefix + "value"),
        "note": state.get(prefix + "note"),
    }
    try:
        with database().write() as session:
            strategy.add_measurement(session, goal_id, values, actor=actor())
    except UserFacingError as error:
        flash("measure", "error", error=error)
        return
    state[prefix + "value"] = None
    state[prefix + "note"] = ""
    flash("measure", "success", "goalspage.measure.saved")


def _delete_goal(goal_id: int, title: str, confirm_key: str) -> None:
    if not st.session_state.get(confirm_key):
        flash("delete", "warning", "goalspage.delete.needs_confirm")
        return
    try:
        with database().write() as session:
            strategy.delete_goal(session, goal_id, actor=actor())
    except UserFacingError as error:
        flash("delete", "error", error=error)
        return
    st.session_state.pop(confirm_key, None)
    st.session_state[EDIT_PICK] = NEW
    flash("edit", "success", "goalspage.delete.done", title=title)


def _goal_fields(prefix: str, goal: Goal | None, staff: dict[int, str]) -> None:
    """The goal's inputs; values come from ``goal`` the first time the form is drawn."""
    st.text_input(
        tr("strategy.col.title") + " *", value=goal.title if goal else "", key=prefix + "title", max_chars=300
    )
    st.text_area(
        tr("strategy.col.description"), value=(goal.description or "") if goal else "", key=prefix + "description"
    )
    left, right = st.columns(2)
    left.text_input(tr("strategy.col.theme"), value=(goal.theme or "") if goal else "", key=prefix + "theme")
    owners = {0: tr("common.none")} | staff
    current_owner = goal.owner_id if goal and goal.owner_id in staff else 0
    right.selectbox(
        tr("strategy.col.owner"),
        options=list(owners),
        format_func=owners.get,
        index=list(owners).index(current_owner),
        placeholder=tr("widget.choose_one"),
        key=prefix + "owner_id",
    )
    unit, baseline, target = st.columns(3)
    unit.text_input(tr("strategy.col.unit"), value=(goal.unit or "") if goal else "", key=prefix + "unit")
    baseline.number_input(
        tr("strategy.col.baseline") + " *", value=goal.baseline if goal else None, format="%g", key=prefix + "baseline"
    )
    target.number_input(
        tr("strategy.col.target") + " *", value=goal.target if goal else None, format="%g", key=prefix + "target"
    )
    start, end = st.columns(2)
    start.date_input(
        tr("strategy.col.baseline_date") + " *",
        value=goal.baseline_date if goal else None,
        format=date_input_format(),
        key=prefix + "baseline_date",
        min_value=dt.date(1990, 1, 1),
        max_value=dt.date(2100, 12, 31),
    )
    end.date_input(
        tr("strategy.col.target_date") + " *",
        value=goal.target_date if goal else None,
        format=date_input_format(),
        key=prefix + "target_date",
        min_value=dt.date(1990, 1, 1),
        max_value=dt.date(2100, 12, 31),
    )
    st.caption(tr("goalspage.edit.required_hint"))


def create_form(staff: dict[int, str]) -> None:
    prefix = "goals_new_"
    st.subheader(tr("goalspage.edit.create_heading"))
    with st.form(prefix + "form"):
        _goal_fields(prefix, None, staff)
        st.form_submit_button(
            tr("goalspage.edit.create_button"),
            type="primary",
            on_click=_create_goal,
            args=(prefix,),
            key=prefix + "submit",
        )


def edit_goal(goal_id: int, staff: dict[int, str]) -> None:
    """The chosen goal: its form, a new measurement, its measurements and deletion."""
    with database().read() as session:
        goal = session.get(Goal, goal_id)
        if goal is not None:
            session.expunge(goal)
        measured = [(m.id, m.measured_on, m.value, m.note) for m in strategy.measurements(session, goal_id)]
    if goal is None:
        st.warning(tr("goalspage.edit.gone"))
        return
    prefix = f"goals_edit_{goal_id}_"
    st.subheader(tr("goalspage.edit.edit_heading"))
    with st.form(prefix + "form"):
        _goal_fields(prefix, goal, staff)
        st.form_submit_button(
            tr("common.save"), type="primary", on_click=_update_goal, args=(goal_id, prefix), key=prefix + "submit"
        )

    st.subheader(tr("goalspage.measure.heading"))
    show_flash("measure")
    mprefix = f"goals_measure_{goal_id}_"
    with st.form(mprefix + "form"):
        day, value = st.columns(2)
        day.date_input(
            tr("strategy.col.measured_on"),
            value=dt.date.today(),
            key=mprefix + "measured_on",
            format=date_input_format(),
            min_value=dt.date(1990, 1, 1),
            max_value=dt.date(2100, 12, 31),
        )
        value.number_input(
            tr("strategy.col.value") + (f" ({escape_markdown(goal.unit)})" if goal.unit else ""),
            value=None,
            format="%g",
            key=mprefix + "value",
        )
        st.text_input(tr("strategy.col.note"), key=mprefix + "note")
        st.form_submit_button(
            tr("goalspage.measure.button"), on_click=_add_measurement, args=(goal_id, mprefix), key=mprefix + "submit"
        )

    st.markdown("**" + tr("goalspage.measure.list_heading", count=len(measured)) + "**")
    if measured:
        frame = pd.DataFrame(
            [
                {
                    tr("strategy.col.measured_on"): on,
                    tr("strategy.col.value"): _number(v, goal.unit),
                    tr("strategy.col.note"): note or "",
                }
                for _id, on, v, note in reversed(measured)
            ]
        )
        st.dataframe(
            frame,
            hide_index=True,
            width="stretch",
            key=prefix + "measurements",
            placeholder="",
            column_config={
                tr("strategy.col.measured_on"): st.column_config.DateColumn(
                    format="DD-MM-YYYY" if lang() == "da" else "YYYY-MM-DD"
                )
            },
        )
        show_flash("measure_delete")
        delete_one(
            _MESSAGES,
            "measure_delete",
            label=tr("goalspage.measure.delete"),
            entries={
                m_id: f"{format_date(on, lang())}: {_number(v, goal.unit)}" + (f" – {note}" if note else "")
                for m_id, on, v, note in reversed(measured)
            },
            delete=lambda session, m_id: strategy.delete_measurement(session, m_id, actor=actor()),
            key=prefix + "measure_delete",
        )
    else:
        st.caption(tr("goalspage.measure.none"))

    with st.expander(tr("goalspage.delete.heading")):
        show_flash("delete")
        confirm_key = f"goals_delete_confirm_{goal_id}"
        st.checkbox(tr("goalspage.delete.confirm"), key=confirm_key)
        st.button(
            tr("goalspage.delete.button"),
            on_click=_delete_goal,
            args=(goal_id, goal.title, confirm_key),
            key=f"goals_delete_{goal_id}",
        )


def edit_section(choices: dict[int, str], staff: dict[int, str]) -> None:
    show_flash("edit")
    options = {NEW: tr("goalspage.edit.new")} | choices
    if st.session_state.get(EDIT_PICK) not in options:
        st.session_state[EDIT_PICK] = NEW
    goal_id = st.selectbox(
        tr("goalspage.edit.pick"),
        options=list(options),
        format_func=options.get,
        placeholder=tr("widget.choose_one"),
        key=EDIT_PICK,
    )
    if goal_id == NEW:
        create_form(staff)
    else:
        edit_goal(goal_id, staff)


# --- coverage --------------------------------------------------------------------------------------


def coverage_section(choices: dict[int, str]) -> None:
    with database().read() as session:
        result = strategy.coverage(session)
        titles = dict(session.execute(select(Partnership.id, Partnership.title)).all())
    left, right = st.columns(2)
    with left:
        st.subheader(tr("goalspage.coverage.goals_heading"))
        if not result.goals_without_partnership:
            st.success(tr("goalspage.coverage.all_goals_served"))
        for entry in result.goals_without_partnership:
            planned = tr_md("goalspage.coverage.planned", count=entry["planned"]) if entry["planned"] else ""
            st.warning("⚠️ " + tr_md("strategy.coverage.goal_unserved", title=entry["title"]) + planned)
    with right:
        st.subheader(tr("goalspage.coverage.partnerships_heading"))
        if not result.partnerships_without_goal:
            st.success(tr("goalspage.coverage.all_partnerships_linked"))
        for entry in result.partnerships_without_goal:
            st.info("🔗 " + tr_md("strategy.coverage.partnership_without_goal", title=entry["title"]))
    st.subheader(tr("goalspage.coverage.served_heading"))
    rows = [
        {
            tr("goalspage.col.title"): choices.get(goal_id, str(goal_id)),
            tr("goalspage.coverage.count"): len(ids),
            tr("goalspage.coverage.partnerships_col"): ", ".join(titles.get(i, str(i)) for i in ids),
        }
        for goal_id, ids in result.partnerships_per_goal.items()
    ]
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="goals_coverage_table", placeholder="")
