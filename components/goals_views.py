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
import streamlit as st

from components import clock
from components.charts import show_chart
from components.context import actor, database, lang, tr
from components.feedback import Messages, delete_one
from components.safe_markdown import escape_markdown, tr_md
from components.tables import date_input_format
from lib.core.i18n import format_date
from lib.planning import figures
from lib.planning import goals as strategy
from lib.planning import goals_page as gp

PREFIX = "goals_"
FLASH_KEY = PREFIX + "flash"
EDIT_PICK = "goals_edit_pick"
SERIES_PICK = "goals_series_pick"
NEW = 0  # the "new goal" choice of the edit picker

# --- messages --------------------------------------------------------------------------------------


_MESSAGES = Messages(FLASH_KEY, "goals")
show_flash = _MESSAGES.show


def flash(slot: str, kind: str, key: str | None = None, error: Exception | None = None, **params: Any) -> None:
    """Keep a message (a translation ``key`` with ``params``, or an ``error``) for ``slot``; shown once,
    on the next draw, in the language the user reads then."""
    _MESSAGES.flash(slot, kind, key, error=error, **params)


# --- overview --------------------------------------------------------------------------------------


def overview_table(statuses: Sequence[strategy.GoalStatus], owners: dict[int, str]) -> None:
    frame = gp.overview_frame(statuses, owners, lang())
    st.dataframe(frame, hide_index=True, width="stretch", key="goals_overview_table", placeholder="")


# --- fulfilment over time --------------------------------------------------------------------------


def series_section(choices: dict[int, str], first: int | None) -> None:
    if SERIES_PICK in st.session_state:
        st.session_state[SERIES_PICK] = [g for g in st.session_state[SERIES_PICK] if g in choices]
    elif first is not None:
        st.session_state[SERIES_PICK] = [first]
    picked = st.multiselect(
        tr("goalspage.series.pick"),
        options=list(choices),
        format_func=choices.get,
        select_all=False,
        placeholder=tr("widget.choose_many"),
        key=SERIES_PICK,
    )
    if not picked:
        st.info(tr("goalspage.series.choose"))
        return
    series = gp.fulfilment_series(database(), picked)
    for goal_id in gp.unmeasured(series, picked):
        st.caption(tr_md("goalspage.series.no_measurements", title=choices[goal_id]))
    show_chart(figures.series_figure(series, lang(), list(choices)), key="goals_series_chart")


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
    ok, goal_id = _MESSAGES.change("edit", lambda s: strategy.create_goal(s, _goal_values(prefix), actor=actor()))
    if not ok:
        return
    title = st.session_state.get(prefix + "title", "")
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefix)]:
        del st.session_state[key]  # an empty form for the next goal
    st.session_state[EDIT_PICK] = goal_id
    flash("edit", "success", "goalspage.edit.created", title=title.strip())


def _update_goal(goal_id: int, prefix: str) -> None:
    ok, changed = _MESSAGES.change(
        "edit", lambda s: strategy.update_goal(s, goal_id, _goal_values(prefix), actor=actor())
    )
    if not ok:
        return
    flash("edit", "success", "goalspage.edit.saved" if changed else "goalspage.edit.nothing_changed")


def _add_measurement(goal_id: int, prefix: str) -> None:
    state = st.session_state
    values = {
        "measured_on": state.get(prefix + "measured_on"),
        "value": state.get(prefix + "value"),
        "note": state.get(prefix + "note"),
    }
    if not _MESSAGES.change("measure", lambda s: strategy.add_measurement(s, goal_id, values, actor=actor()))[0]:
        return
    state[prefix + "value"] = None
    state[prefix + "note"] = ""
    flash("measure", "success", "goalspage.measure.saved")


def _delete_goal(goal_id: int, title: str, confirm_key: str) -> None:
    if not st.session_state.get(confirm_key):
        flash("delete", "warning", "goalspage.delete.needs_confirm")
        return
    if not _MESSAGES.change("delete", lambda s: strategy.delete_goal(s, goal_id, actor=actor()))[0]:
        return
    st.session_state.pop(confirm_key, None)
    st.session_state[EDIT_PICK] = NEW
    flash("edit", "success", "goalspage.delete.done", title=title)


def _goal_fields(prefix: str, goal: gp.GoalDetail | None, staff: dict[int, str]) -> None:
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
    goal = gp.goal_detail(database(), goal_id)
    if goal is None:
        st.warning(tr("goalspage.edit.gone"))
        return
    measured = [(m.id, m.measured_on, m.value, m.note) for m in goal.measurements]
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
            value=clock.today(),
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
                    tr("strategy.col.value"): gp.number_text(v, goal.unit, lang()),
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
                m_id: f"{format_date(on, lang())}: {gp.number_text(v, goal.unit, lang())}"
                + (f" – {note}" if note else "")
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
    view = gp.coverage_view(database())
    result = view.coverage
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
    served = gp.served_frame(view, choices, lang())
    if not served.empty:
        st.dataframe(served, hide_index=True, width="stretch", key="goals_coverage_table", placeholder="")
