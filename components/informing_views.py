"""Pieces of the page "Administration" for the duty to inform (GDPR art. 14): the contacts not told yet
with their deadlines, marking several as informed, the notice to send, and one person's entry.

Everything that reads or changes data is in ``lib.privacy.informing``, which checks the user's role itself.
Changes run in button callbacks, before the page is drawn; their outcome is kept as a message shown
where the user acted. Names reach the page only in the table and the picker's options (plain text);
the notice is shown as code (plain text too), so nothing typed into a contact list is read as Markdown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from components import clock
from components.context import actor, database, lang, tr
from components.downloads import download_naming_nobody
from components.feedback import Messages
from components.safe_markdown import tr_md
from components.tables import Col, date_input_format, first_rows, show_table
from components.widgets import shown_as
from lib.contacts import person_choice_label
from lib.privacy import admin_page, informing

PREFIX = "informing_"
MESSAGES = Messages(PREFIX + "flash", "admin")
EARLIEST_DATE = dt.date(2000, 1, 1)
PICK, ON, HOW, NOTE = PREFIX + "pick", PREFIX + "on", PREFIX + "how", PREFIX + "note"

COLUMNS = (
    Col("status", "informing.col.status"),
    Col("name", "informing.col.name"),
    Col("email", "informing.col.email"),
    Col("organisations", "informing.col.organisations"),
    Col("obtained_on", "informing.col.obtained_on", "date"),
    Col("deadline", "informing.col.deadline", "date"),
)
#: The column the retention list adds (``components.admin_views``).
INFORMED_COLUMN = Col("informed_on", "informing.col.informed_on", "date")


def _counts_caption_md(found: admin_page.InformingList) -> str:
    text = tr_md("informing.count", count=len(found.contacts))
    if found.overdue:
        text += " " + tr_md("informing.overdue", count=found.overdue)
    return text


def informing_section() -> None:
    """The contacts not informed yet (overdue first), marking chosen ones, and the notice to send."""
    st.caption(tr("informing.intro"))
    MESSAGES.show("informing")
    found = admin_page.informing_list(database(), clock.today(), lang())
    if found.contacts.empty:
        st.success(tr("informing.empty"))
    else:
        st.markdown(f"**{_counts_caption_md(found)}**")
        shown = first_rows(found.contacts)
        show_table(shown, COLUMNS, key=PREFIX + "table")
        _mark_form(shown, more=len(shown) < len(found.contacts))
    _notices(found.notices)


def _mark_form(frame: pd.DataFrame, *, more: bool = False) -> None:
    """Mark chosen contacts of ``frame`` (the rows shown) as informed; ``more``: the list holds more."""
    labels = {int(row.id): person_choice_label(row.name, row.email) for row in frame.itertuples(index=False)}
    st.session_state[PICK] = [i for i in st.session_state.get(PICK) or [] if i in labels]  # marked meanwhile drop out
    st.session_state.setdefault(ON, clock.today())
    st.session_state.setdefault(HOW, informing.DEFAULT_HOW)
    ways = dict(informing.how_labels(lang()))
    st.markdown(f"**{tr('informing.mark.heading')}**")
    pick, everyone = st.columns([4, 1], vertical_alignment="bottom")
    pick.multiselect(
        tr("informing.mark.pick"),
        options=list(labels),
        format_func=shown_as(labels),
        key=PICK,
        select_all=False,
        placeholder=tr("informing.mark.pick_placeholder"),
    )
    everyone.button(
        tr("big_lists.choose_shown", shown=len(labels)) if more else tr("informing.mark.all"),
        key=PREFIX + "all",
        on_click=_choose_all,
        args=(list(labels),),
    )
    on, how, note = st.columns([1, 1, 2])
    on.date_input(
        tr("informing.mark.on"), min_value=EARLIEST_DATE, max_value=clock.today(), format=date_input_format(), key=ON
    )
    how.selectbox(
        tr("informing.mark.how"),
        options=list(ways),
        format_func=shown_as(ways),
        placeholder=tr("widget.choose_one"),
        key=HOW,
    )
    note.text_input(
        tr("informing.mark.note"), max_chars=informing.NOTE_LIMIT, help=tr("informing.mark.note_help"), key=NOTE
    )
    st.button(
        tr("informing.mark.button"),
        type="primary",
        icon=":material/mark_email_read:",
        key=PREFIX + "mark",
        on_click=_mark_chosen,
    )


def _choose_all(ids: list[int]) -> None:
    st.session_state[PICK] = ids


def _mark_chosen() -> None:
    chosen = list(st.session_state.get(PICK) or [])
    if not chosen:
        MESSAGES.flash("informing", "warning", "informing.mark.choose_first")
        return
    on, how, note = st.session_state.get(ON), st.session_state.get(HOW), st.session_state.get(NOTE)
    ok, report = MESSAGES.change(
        "informing",
        lambda s: informing.mark_informed(s, chosen, on=on, how=how, note=note, actor=actor(), today=clock.today()),
    )
    if not ok:
        return
    st.session_state[PICK] = []
    st.session_state[NOTE] = ""
    text = tr("informing.marked", count=report.marked)
    if report.already:
        text += " " + tr("informing.already", count=report.already)
    MESSAGES.flash("informing", "success", text=text)


def _notices(notices: Mapping[str, str]) -> None:
    st.markdown(f"**{tr('informing.notice.heading')}**")
    st.caption(tr("informing.notice.caption"))
    # Side by side, the reader's language first; each block has a copy button, and the file is the same text.
    # Shown whole: a block of fixed height scrolls, and a scrolling block without a control in it cannot be
    # reached with the keyboard (WCAG 2.1.1).
    ordered = sorted(notices, key=lambda language: language != lang())
    for column, language in zip(st.columns(len(ordered)), ordered, strict=True):
        with column:
            st.markdown(f"**{tr(f'informing.notice.{language}')}**")
            st.code(notices[language], language=None, wrap_lines=True)
            download_naming_nobody(
                tr("informing.notice.download"),
                notices[language].encode("utf-8"),
                mime="text/plain",
                file_name=informing.notice_file_name(language),
                icon=":material/download:",
                key=f"{PREFIX}notice_{language}",
            )


# --- one person's entry (the person view) ----------------------------------------------------------


def person_form(person_id: int) -> None:
    """One person's entry on the person view: whether they were told, and correcting it."""
    st.markdown(f"**{tr('informing.person.heading')}**")
    MESSAGES.show(f"person_{person_id}")
    status = admin_page.informed_status(database(), person_id, clock.today())
    if status.is_staff:
        st.caption(tr("informing.person.staff"))
        return
    ways = dict(informing.how_labels(lang()))
    if status.informed_on is not None:
        st.caption(
            tr_md("informing.person.informed", date=status.informed_on, how=ways.get(status.informed_how or "", "–"))
        )
    elif status.overdue:
        st.warning(tr_md("informing.person.overdue", obtained=status.obtained_on, deadline=status.deadline))
    else:
        st.caption(tr_md("informing.person.waiting", obtained=status.obtained_on, deadline=status.deadline))
    keys = _person_keys(person_id)
    st.session_state.setdefault(keys["on"], status.informed_on)
    st.session_state.setdefault(keys["how"], status.informed_how or informing.DEFAULT_HOW)
    st.session_state.setdefault(keys["note"], status.informed_note or "")
    on, how, note = st.columns([1, 1, 2])
    on.date_input(
        tr("informing.mark.on"),
        min_value=EARLIEST_DATE,
        max_value=clock.today(),
        format=date_input_format(),
        help=tr("informing.person.on_help"),
        key=keys["on"],
    )
    how.selectbox(
        tr("informing.mark.how"),
        options=list(ways),
        format_func=shown_as(ways),
        placeholder=tr("widget.choose_one"),
        key=keys["how"],
    )
    note.text_input(tr("informing.mark.note"), max_chars=informing.NOTE_LIMIT, key=keys["note"])
    st.button(
        tr("informing.person.save"), icon=":material/save:", key=keys["save"], on_click=_save_person, args=(person_id,)
    )


def _person_keys(person_id: int) -> dict[str, str]:
    return {name: f"{PREFIX}person_{person_id}_{name}" for name in ("on", "how", "note", "save")}


def _save_person(person_id: int) -> None:
    keys = _person_keys(person_id)
    values: dict[str, Any] = {name: st.session_state.get(keys[name]) for name in ("on", "how", "note")}
    slot = f"person_{person_id}"
    ok, changed = MESSAGES.change(
        slot,
        lambda s: informing.set_informed(
            s, person_id, values["on"], values["how"], values["note"], actor=actor(), today=clock.today()
        ),
    )
    if not ok:
        return
    if not changed:
        MESSAGES.flash(slot, "info", "informing.person.unchanged")
    else:
        MESSAGES.flash(slot, "success", "informing.person.saved" if values["on"] else "informing.person.cleared")


__all__ = ["COLUMNS", "INFORMED_COLUMN", "informing_section", "person_form"]
