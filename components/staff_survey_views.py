"""The tab "Hvem kender du?" on the Organisation page: start a staff network survey with a personal link
per staff member and a ready e-mail (Danish or English), "svar fra X af Y medarbejdere", each staff
member's state, a new link for one of them, the pending answers with a preview of what storing them
does (new people, possible duplicates, new and changed ties) and Commit / Reject, and undo after a commit.

Everything that reads or changes data is in ``lib.planning.staff_survey`` and
``lib.planning.staff_survey_batch``. New links live only in this session's state (``NEW_LINKS_KEY``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from components.context import actor, database, lang, tr
from components.feedback import Messages
from components.safe_markdown import escape_markdown, message_md, tr_md
from components.tables import Col, date_input_format, show_table
from components.widgets import shown_as
from lib.core.errors import UserFacingError
from lib.core.i18n import LANGUAGES
from lib.planning import staff_survey as survey
from lib.planning import staff_survey_batch as batch

PREFIX = "org_survey_"
NEW_LINKS_KEY = PREFIX + "new_links"
MESSAGES = Messages(PREFIX + "flash", "organisation")

INVITED_COLUMNS = (
    Col("name", "staff_survey.col.name"),
    Col("state", "staff_survey.col.state"),
    Col("entries", "staff_survey.col.entries", "number"),
    Col("submitted_at", "staff_survey.col.submitted_at", "datetime"),
    Col("expires_at", "staff_survey.col.expires_at", "datetime"),
)
PREVIEW_LABELS = {
    "person": "staff_survey.col.person",
    "email": "staff_survey.col.email",
    "organisation": "staff_survey.col.organisation",
    "existing": "staff_survey.col.existing",
    "score": "staff_survey.col.score",
    "staff": "staff_survey.col.staff",
    "target": "staff_survey.col.target",
    "strength": "staff_survey.col.strength",
    "last_contact": "staff_survey.col.last_contact",
    "role": "staff_survey.col.role",
    "before": "staff_survey.col.before",
}


def count_caption() -> None:
    """ "Svar fra X af Y medarbejdere" under a page's title, when a survey exists (the Netværk page)."""
    counted = survey.answer_count(database())
    if counted is not None:
        st.caption(tr_md("staff_survey.count", answered=counted[0], invited=counted[1]))


def _start() -> None:
    state = st.session_state
    chosen = state.get(PREFIX + "staff") or None
    language = state.get(PREFIX + "lang") or "da"
    closes_on = state.get(PREFIX + "closes_on")
    ok, made = MESSAGES.change(
        "start",
        lambda s: survey.start_survey(s, chosen, closes_on=closes_on, lang=language, actor=actor()),
    )
    if ok:
        _survey_id, links = made
        state[NEW_LINKS_KEY] = {"links": links, "lang": language}
        MESSAGES.flash("start", "success", "staff_survey.start.done", n=len(links))


def _start_form(names: dict[int, str]) -> None:
    languages = {code: tr(f"evaluation_links.lang.{code}") for code in LANGUAGES}
    with st.expander(tr("staff_survey.start"), icon=":material/group_add:"), st.form(PREFIX + "start_form"):
        st.multiselect(
            tr("staff_survey.start.staff"),
            options=list(names),
            format_func=shown_as(names),
            select_all=False,
            placeholder=tr("widget.choose_one"),
            key=PREFIX + "staff",
        )
        st.date_input(
            tr("staff_survey.start.closes_on"), value=None, key=PREFIX + "closes_on", format=date_input_format()
        )
        st.radio(
            tr("staff_survey.start.language"),
            options=list(languages),
            format_func=shown_as(languages),
            horizontal=True,
            key=PREFIX + "lang",
        )
        st.form_submit_button(
            tr("staff_survey.start.submit"), type="primary", icon=":material/add_link:", on_click=_start
        )


def _new_links() -> None:
    """The links just made, this once: each to copy, with its ready e-mail."""
    kept = st.session_state.get(NEW_LINKS_KEY)
    if not kept:
        return
    st.subheader(tr("staff_survey.links"))
    for link in kept["links"]:
        with st.expander(escape_markdown(link.name), icon=":material/link:"):
            st.code(link.url, language=None)
            st.code(survey.email_text(link.url, link.expires_on, kept["lang"], name=link.name), language=None)


def _state_label(invited: survey.Invited) -> str:
    if invited.status is not None:
        return tr(f"staff_survey.state.{invited.status}")
    return tr("staff_survey.state.waiting" if invited.live else "staff_survey.state.ended")


def _new_link() -> None:
    picked = st.session_state.get(PREFIX + "relink")
    if picked is None:
        return
    language = lang()
    ok, made = MESSAGES.change("relink", lambda s: survey.make_link(s, int(picked), lang=language, actor=actor()))
    if ok:
        st.session_state[NEW_LINKS_KEY] = {"links": [made], "lang": language}
        MESSAGES.flash("relink", "success", "staff_survey.new_link.done", name=made.name)


def _relink_box(status: survey.SurveyStatus) -> None:
    labels: dict[Any, str] = {i.invitation_id: i.name for i in status.invited}
    with st.expander(tr("staff_survey.new_link"), icon=":material/link:"):
        MESSAGES.show("relink")
        st.selectbox(
            tr("staff_survey.col.name"),
            options=list(labels),
            format_func=shown_as(labels),
            index=None,
            placeholder=tr("widget.choose_one"),
            key=PREFIX + "relink",
        )
        st.button(tr("staff_survey.new_link"), key=PREFIX + "relink_button", on_click=_new_link)


def _decide(work: Callable[[], Any], done_key: str, **params: Any) -> None:
    try:
        work()
    except UserFacingError as error:
        MESSAGES.flash("decide", "error", error=error)
        return
    MESSAGES.flash("decide", "success", done_key, **params)


def _preview(invited: survey.Invited) -> None:
    try:
        plan = batch.preview(database(), invited.invitation_id)
    except UserFacingError as error:
        st.error(message_md(error))
        return
    frames = batch.plan_frames(plan)
    shown_any = False
    for name, frame in frames.items():
        if frame.empty:
            continue
        shown_any = True
        st.markdown("**" + tr_md(f"staff_survey.preview.{name}") + "**")
        columns = [Col(c, PREVIEW_LABELS[c], "number" if c in ("strength", "score") else "text") for c in frame]
        show_table(frame, columns, key=f"{PREFIX}{invited.invitation_id}_{name}")
    if not shown_any:
        st.caption(tr("staff_survey.preview.nothing"))
    left, right = st.columns(2)
    left.button(
        tr("staff_survey.commit"),
        type="primary",
        key=f"{PREFIX}commit_{invited.invitation_id}",
        on_click=_decide,
        args=(
            lambda: batch.commit_submission(database(), invited.invitation_id, actor=actor()),
            "staff_survey.commit.done",
        ),
        kwargs={"name": invited.name},
    )
    right.button(
        tr("staff_survey.reject"),
        key=f"{PREFIX}reject_{invited.invitation_id}",
        on_click=_decide,
        args=(
            lambda: batch.reject_submission(database(), invited.invitation_id, actor=actor()),
            "staff_survey.reject.done",
        ),
    )


def _committed(invited: survey.Invited) -> None:
    left, right = st.columns([3, 1], vertical_alignment="center")
    left.markdown(tr_md("staff_survey.commit.done", name=invited.name))
    right.button(
        tr("staff_survey.undo"),
        key=f"{PREFIX}undo_{invited.invitation_id}",
        icon=":material/undo:",
        on_click=_decide,
        args=(
            lambda: batch.undo_submission(database(), invited.invitation_id, actor=actor()),
            "staff_survey.undo.done",
        ),
    )


def survey_section(names: dict[int, str]) -> None:
    """The whole tab: ``names`` are the staff (person id → name)."""
    st.caption(tr("staff_survey.intro"))
    status = survey.survey_status(database())
    MESSAGES.show("start")
    _new_links()
    _start_form(names)
    if status is None:
        st.caption(tr("staff_survey.none"))
        return
    st.markdown("**" + tr_md("staff_survey.count", answered=status.answered, invited=len(status.invited)) + "**")
    table = pd.DataFrame(
        [
            {
                "name": i.name,
                "state": _state_label(i),
                "entries": i.entries,
                "submitted_at": i.submitted_at,
                "expires_at": i.expires_at,
            }
            for i in status.invited
        ]
    )
    show_table(table, INVITED_COLUMNS, key=PREFIX + "invited")
    _relink_box(status)
    st.subheader(tr("staff_survey.pending"))
    MESSAGES.show("decide")
    pending = [i for i in status.invited if i.status == "pending"]
    if not pending:
        st.caption(tr("staff_survey.pending.none"))
    for invited in pending:
        with st.expander(escape_markdown(f"{invited.name} ({invited.entries})"), expanded=len(pending) == 1):
            _preview(invited)
    for invited in status.invited:
        if invited.status == "committed" and invited.batch_id is not None:
            _committed(invited)
