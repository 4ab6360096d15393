"""The section "Svar via link" of a round on the page "Evaluering": add respondents (the partnership's
contacts, staff, or an e-mail), each new link shown once with a ready e-mail to paste into Outlook, who
has answered and who has not with a reminder text, revoking a link and the round's last day to answer.

Everything that reads or changes data is in ``lib.planning.evaluation_links``. A new link lives only in
this session's state (``NEW_LINK_KEY``): the workspace keeps no copy of it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from components.context import actor, database, tr
from components.feedback import Messages
from components.safe_markdown import escape_markdown, tr_md
from components.tables import Col, date_input_format, show_table
from components.widgets import shown_as
from lib.core.i18n import LANGUAGES
from lib.planning import evaluation_links as links

PREFIX = "evals_links_"
NEW_LINK_KEY = PREFIX + "new_link"
NOBODY = 0
AUTO = ""
MESSAGES = Messages(PREFIX + "flash", "evaluations")

COLUMNS = (
    Col("name", "evaluation_links.col.name"),
    Col("email", "evaluation_links.col.email"),
    Col("side_label", "evaluation_links.col.side"),
    Col("state_label", "evaluation_links.col.state"),
    Col("expires_at", "evaluation_links.col.expires_at", "datetime"),
    Col("answered_at", "evaluation_links.col.answered_at", "datetime"),
)


def _key(round_id: int, name: str) -> str:
    return f"{PREFIX}{round_id}_{name}"


def _make_link(round_id: int) -> None:
    state = st.session_state
    person = state.get(_key(round_id, "person")) or None
    email = (state.get(_key(round_id, "email")) or "").strip() or None
    side = state.get(_key(round_id, "side")) or None
    language = state.get(_key(round_id, "lang")) or "da"
    if person is None and email is None:
        MESSAGES.flash("add", "warning", "evaluation_links.email_required")
        return
    ok, made = MESSAGES.change(
        "add",
        lambda s: links.link_for(
            s, round_id, person_id=None if email else person, email=email, side=side, lang=language, actor=actor()
        ),
    )
    if ok:
        state[NEW_LINK_KEY] = {"round_id": round_id, "link": made, "lang": language}
        state[_key(round_id, "email")] = ""
        state[_key(round_id, "person")] = NOBODY


def _new_link(round_id: int, partnership: str) -> None:
    """The link just made, this once: to copy, and as a ready e-mail."""
    kept = st.session_state.get(NEW_LINK_KEY)
    if not kept or kept["round_id"] != round_id:
        return
    made: links.NewLink = kept["link"]
    st.success(tr_md("evaluation_links.add.done", name=made.name), icon=":material/link:")
    if made.created_person:
        st.info(tr_md("evaluation_links.add.new_person", email=made.email or ""))
    st.caption(tr("evaluation_links.link"))
    st.code(made.url, language=None)
    st.caption(tr("evaluation_links.mail"))
    st.code(links.email_text(partnership, made.url, made.expires_on, kept["lang"], name=made.name), language=None)


def add_form(round_id: int) -> None:
    """Choose a person (or type an e-mail), the side and the language; make their link."""
    people = links.choices_for(database(), round_id)
    options: dict[int, str] = {NOBODY: "–", **people}
    sides = {AUTO: tr("evaluation_links.add.side_auto"), **{s: tr(f"evaluations.side.{s}") for s in links.SIDES}}
    languages = {code: tr(f"evaluation_links.lang.{code}") for code in LANGUAGES}
    with st.form(_key(round_id, "form")):
        left, right = st.columns(2)
        left.selectbox(
            tr("evaluation_links.add.person"),
            options=list(options),
            format_func=shown_as(options),
            placeholder=tr("widget.choose_one"),
            key=_key(round_id, "person"),
        )
        right.text_input(
            tr("evaluation_links.add.email"),
            key=_key(round_id, "email"),
            max_chars=320,
            help=tr("evaluation_links.add.email_help"),
        )
        left.radio(
            tr("evaluation_links.add.side"),
            options=list(sides),
            format_func=shown_as(sides),
            horizontal=True,
            key=_key(round_id, "side"),
        )
        right.radio(
            tr("evaluation_links.add.language"),
            options=list(languages),
            format_func=shown_as(languages),
            horizontal=True,
            key=_key(round_id, "lang"),
        )
        st.form_submit_button(
            tr("evaluation_links.add.submit"),
            type="primary",
            icon=":material/add_link:",
            on_click=_make_link,
            args=(round_id,),
        )


def status_table(round_id: int, respondents: pd.DataFrame) -> None:
    """Who was asked, and who has answered."""
    answered = int((respondents["state"] == "answered").sum())
    st.markdown("**" + tr_md("evaluation_links.status", answered=answered, total=len(respondents)) + "**")
    shown = respondents.assign(
        side_label=[tr(f"evaluations.side.{s}") for s in respondents["side"]],
        state_label=[tr(f"evaluation_links.state.{s}") for s in respondents["state"]],
    )
    show_table(shown, COLUMNS, key=_key(round_id, "table"), empty_key="evaluation_links.none")


def reminder(partnership: str, closes_on: dt.date | None, respondents: pd.DataFrame, language: str) -> None:
    """The reminder e-mail to those who have not answered, with their addresses for the "To" line."""
    emails = links.waiting_emails(respondents)
    with st.expander(tr("evaluation_links.reminder"), icon=":material/notifications:"):
        if not emails:
            st.caption(tr("evaluation_links.reminder.nobody"))
            return
        st.caption(escape_markdown(tr("evaluation_links.reminder.to", emails="; ".join(emails))))
        st.code(links.reminder_text(partnership, closes_on, language), language=None)


def _revoke(round_id: int) -> None:
    respondent = st.session_state.get(_key(round_id, "revoke_pick"))
    if respondent is None:
        return
    ok, ended = MESSAGES.change("revoke", lambda s: links.revoke(s, int(respondent), actor=actor()))
    if ok:
        MESSAGES.flash(
            "revoke",
            "success" if ended else "info",
            "evaluation_links.revoke.done" if ended else "evaluation_links.revoke.none",
        )


def revoke_box(round_id: int, respondents: pd.DataFrame) -> None:
    """Revoking one respondent's link (their answer stays in the round)."""
    live = respondents[respondents["state"].isin(["waiting", "answered"])]
    with st.expander(tr("evaluation_links.revoke"), icon=":material/link_off:"):
        MESSAGES.show("revoke")
        labels: dict[Any, str] = {int(r.respondent_id): str(r.name) for r in live.itertuples()}
        st.selectbox(
            tr("evaluation_links.revoke.pick"),
            options=list(labels),
            format_func=shown_as(labels),
            index=None,
            placeholder=tr("widget.choose_one"),
            key=_key(round_id, "revoke_pick"),
        )
        st.button(
            tr("evaluation_links.revoke.submit"), key=_key(round_id, "revoke"), on_click=_revoke, args=(round_id,)
        )


def _set_closing(round_id: int) -> None:
    closes_on = st.session_state.get(_key(round_id, "closes_on"))
    if MESSAGES.change("closing", lambda s: links.set_closing(s, round_id, closes_on, actor=actor()))[0]:
        MESSAGES.flash("closing", "success", "evaluation_links.closing.done")


def closing_form(round_id: int, closes_on: dt.date | None) -> None:
    """The round's last day to answer by link (empty: open)."""
    with st.form(_key(round_id, "closing_form")):
        st.date_input(
            tr("evaluation_links.closing"),
            value=closes_on,
            key=_key(round_id, "closes_on"),
            format=date_input_format(),
            help=tr("evaluation_links.closing_help"),
        )
        st.form_submit_button(
            tr("evaluation_links.closing.submit"), icon=":material/event:", on_click=_set_closing, args=(round_id,)
        )
    if closes_on is None:
        st.caption(tr("evaluation_links.closing.open"))


def links_section(round_id: int, language: str) -> None:
    """The whole section for one round."""
    st.subheader(tr("evaluation_links.section"))
    st.caption(tr_md("evaluation_links.section_intro", days=links.VALID_DAYS))
    status = links.round_status(database(), round_id)
    MESSAGES.show("add")
    _new_link(round_id, status.partnership)
    add_form(round_id)
    status_table(round_id, status.respondents)
    reminder(status.partnership, status.closes_on, status.respondents, language)
    revoke_box(round_id, status.respondents)
    MESSAGES.show("closing")
    closing_form(round_id, status.closes_on)
