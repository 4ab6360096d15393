"""Pieces of the page "Tjekliste" (pages/radar.py): the radar with its evidence, the self-assessment
form, and the change over time.

Everything that reads or changes data is in ``lib.reporting.checklist``. A save or a delete runs in a button
callback, before the page is drawn, so the radar drawn afterwards already holds the new assessment;
the outcome is kept as a message (``Messages``) and shown once where the user acted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import pandas as pd
import streamlit as st

from components import clock
from components.charts import show_chart
from components.context import actor, lang, tr
from components.feedback import Messages, delete_one
from components.safe_markdown import escape_markdown, tr_md
from components.tables import date_input_format
from lib.core.i18n import format_date
from lib.reporting import checklist
from lib.reporting.radar_page import SelfAssessment, delete_choices, history_table, previous_score, score_text

PREFIX = "radar_"
FORM_PREFIX = PREFIX + "form_"
NONE = 0  # the "not scored" choice of a score picker and "nobody" of the assessor picker
EARLIEST_DATE = dt.date(1990, 1, 1)

MESSAGES = Messages(PREFIX + "flash", "radar")
show_flash = MESSAGES.show


def _value(value: float | None) -> str:
    return score_text(value, lang())


# --- the radar and its evidence --------------------------------------------------------------------


def latest_caption_md(frame: pd.DataFrame, assessor: str | None) -> str:
    """Which self-assessment the radar shows, or that there is none yet."""
    assessed_on = frame.attrs.get("assessed_on")
    if assessed_on is None:
        return tr("radar_page.no_assessment")
    if assessor:
        return tr_md("radar_page.latest_by", date=assessed_on, name=assessor)
    return tr_md("radar_page.latest", date=assessed_on)


def radar_section(frame: pd.DataFrame, found: Mapping[str, checklist.Evidence], assessor: str | None) -> None:
    """The radar of self-assessment against evidence, with the evidence in words beside it; the caption
    says whose self-assessment it is (``assessor``, when known)."""
    chart, words = st.columns([3, 2], gap="large")
    with chart:
        st.caption(latest_caption_md(frame, assessor))
        show_chart(checklist.radar_figure(frame, lang()), key=PREFIX + "chart")
    with words:
        st.subheader(tr("radar_page.evidence_heading"))
        for row in frame.itertuples():
            st.markdown(
                f"**{escape_markdown(checklist.heading_label(row.heading, lang()))}** · "
                f"{tr_md('radar_page.self_value', value=_value(row.self_score))} · "
                f"{tr_md('radar_page.evidence_value', value=_value(row.evidence_score))}"
            )
            st.caption(escape_markdown(found[row.heading].explanation(lang())))
            if row.note:
                st.caption(escape_markdown(tr("radar_page.note", note=row.note)))


# --- the self-assessment form ----------------------------------------------------------------------


def _previous_md(latest: SelfAssessment | None, heading: str) -> str | None:
    previous = previous_score(latest, heading)
    if previous is None:
        return None
    return tr_md("radar_page.form.previous", score=previous[0], date=previous[1])


def _save(staff: Mapping[int, str]) -> None:
    state = st.session_state
    day = state.get(FORM_PREFIX + "date")
    scores = {h: (state.get(FORM_PREFIX + "score_" + h) or None) for h in checklist.HEADINGS}
    notes = {h: state.get(FORM_PREFIX + "note_" + h) for h in checklist.HEADINGS}
    assessor = state.get(FORM_PREFIX + "assessor") or None
    ok, _ = MESSAGES.change(
        "form",
        lambda session: checklist.save_self_assessment(
            session,
            day,
            scores,
            notes,
            assessor_id=assessor if assessor in staff else None,
            actor=actor(),
            today=clock.today(),
        ),
    )
    if not ok:
        return
    for heading in checklist.HEADINGS:  # an empty form for the next time
        state[FORM_PREFIX + "score_" + heading] = NONE
        state[FORM_PREFIX + "note_" + heading] = ""
    MESSAGES.flash("form", "success", "radar_page.form.saved", date=format_date(day, lang()))


def assessment_form(staff: Mapping[int, str], latest: SelfAssessment | None) -> None:
    """The dated self-assessment: each heading 1-5 or blank, with a note; saved explicitly."""
    show_flash("form")
    st.markdown(tr("radar_page.form.intro"))
    # Labels made while drawing: AppTest calls a format_func outside the run, in another language.
    scale = {score: tr(f"radar_page.scale.{score}") for score in (NONE, 1, 2, 3, 4, 5)}
    people = {NONE: tr("common.none"), **staff}
    with st.form(FORM_PREFIX + "form"):
        day, who = st.columns(2)
        day.date_input(
            tr("radar_page.form.date"),
            value=clock.today(),
            key=FORM_PREFIX + "date",
            format=date_input_format(),
            min_value=EARLIEST_DATE,
            max_value=clock.today(),
        )
        who.selectbox(
            tr("radar_page.form.assessor"),
            options=list(people),
            format_func=people.get,
            placeholder=tr("widget.choose_one"),
            key=FORM_PREFIX + "assessor",
        )
        for heading in checklist.HEADINGS:
            st.markdown(f"**{escape_markdown(checklist.heading_label(heading, lang()))}**")
            previous = _previous_md(latest, heading)
            st.caption(tr(f"radar.help.{heading}") + (f" {previous}." if previous else ""))
            score, note = st.columns([1, 2])
            score.selectbox(
                tr("radar_page.form.score"),
                options=list(scale),
                format_func=scale.get,
                placeholder=tr("widget.choose_one"),
                key=FORM_PREFIX + "score_" + heading,
            )
            note.text_input(
                tr("radar_page.form.note"), key=FORM_PREFIX + "note_" + heading, max_chars=checklist.MAX_NOTE_LENGTH
            )
        st.form_submit_button(
            tr("radar_page.form.submit"),
            type="primary",
            icon=":material/save:",
            on_click=_save,
            args=(dict(staff),),
            key=FORM_PREFIX + "submit",
        )


# --- change over time ------------------------------------------------------------------------------


def history_frame(assessments: Sequence[SelfAssessment], names: Mapping[int, str]) -> pd.DataFrame:
    """One row per self-assessment, newest first, with translated column names and the mean score."""
    return history_table(assessments, names, lang())


def history_section(assessments: Sequence[SelfAssessment], names: Mapping[int, str], history: pd.DataFrame) -> None:
    """The history chart, the table of assessments, and deleting one."""
    show_flash("delete")
    if not assessments:
        st.info(tr("radar_page.history.none"))
        return
    if len(assessments) == 1:
        st.caption(tr("radar_page.history.one_point"))
    show_chart(checklist.history_figure(history, lang()), key=PREFIX + "history_chart")
    st.markdown(f"**{tr('radar_page.history.table')}**")
    st.dataframe(
        history_frame(assessments, names),
        hide_index=True,
        key=PREFIX + "history_table",
        placeholder="",
        column_config={
            tr("radar_page.history.col.date"): st.column_config.DateColumn(
                format="DD-MM-YYYY" if lang() == "da" else "YYYY-MM-DD"
            )
        },
    )
    entries = delete_choices(assessments, names, lang())
    delete_one(
        MESSAGES,
        "delete",
        label=tr("radar_page.history.delete"),
        entries=entries,
        delete=lambda session, assessment_id: checklist.delete_self_assessment(session, assessment_id, actor=actor()),
        key=PREFIX + "delete",
    )
