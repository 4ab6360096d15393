"""The import page's calendar section: upload an .ics, see which meetings will be logged, which are
skipped and why, tick the unknown attendees to create as contacts, log them, and undo.

The preview is :func:`lib.ingest.calendar_meetings.import_meetings` without ``commit``, with the same
choices (staff member, ticked attendees) the commit gets, so what is shown is what is stored. The file
is read once per upload (:func:`lib.ingest.calendar_meetings.read_meetings`, kept by the file's digest
and the day): a tick or another staff member plans again without reading it again.
"""

from __future__ import annotations

import functools
from typing import Any

import pandas as pd
import streamlit as st

from components import clock
from components.context import actor, database, show_error, tr
from components.importer import UNDO_CHOSEN_IMPORT, UploadKeys, undo_flow
from components.safe_markdown import tr_md
from lib.core.errors import UserFacingError
from lib.ingest.calendar_file import MAX_CALENDAR_BYTES, CalendarFile, LeftOut
from lib.ingest.calendar_meetings import MeetingsPlan, import_meetings, read_meetings, staff_for_meetings
from lib.ingest.import_page import file_digest

KEYS_PREFIX = "cal"


def _keys() -> UploadKeys:
    return UploadKeys(f"{KEYS_PREFIX}_import", uploader=KEYS_PREFIX, page="import")


def _ticked_key() -> str:
    return f"{KEYS_PREFIX}_ticked"


def _calendar_key() -> str:
    return f"{KEYS_PREFIX}_calendar"


def _calendar(name: str, data: bytes) -> CalendarFile:
    """The upload's meetings, read once per file and day and kept in the session (reading a file of up
    to 10 MB on every tick is what the user would wait for)."""
    day = clock.today()
    wanted = (file_digest(name, data), day)
    kept = st.session_state.get(_calendar_key())
    if kept is not None and kept[0] == wanted:
        calendar: CalendarFile = kept[1]
        return calendar
    calendar = read_meetings(database(), data, today=day)
    st.session_state[_calendar_key()] = (wanted, calendar)
    return calendar


def _plan(name: str, data: bytes, *, staff: str | None, ticked: frozenset[str], commit: bool = False) -> MeetingsPlan:
    return import_meetings(
        database(),
        name,
        data,
        staff_email=staff,
        create_contacts=ticked,
        commit=commit,
        actor=actor(),
        today=clock.today(),
        calendar=_calendar(name, data),
    )


def _left_out_rows(items: list[LeftOut], kind: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            tr("calendar.page.col.date"): [item.on for item in items],
            tr("calendar.page.col.summary"): [item.summary or "—" for item in items],
            tr("calendar.page.col.reason"): [tr(f"calendar.{kind}.{item.reason}") for item in items],
        }
    )


def _commit(keys: UploadKeys, name: str, data: bytes, staff: str | None, ticked: frozenset[str]) -> None:
    try:
        plan = _plan(name, data, staff=staff, ticked=ticked, commit=True)
    except UserFacingError as error:
        keys.messages.flash("import", "error", error=error)
        return
    st.session_state[keys.last_key] = (plan.batch_id, plan.counts())
    st.session_state.pop(keys.preview_key, None)
    st.session_state.pop(_ticked_key(), None)
    st.session_state.pop(_calendar_key(), None)
    keys.new_uploader()


def _forget_last(keys: UploadKeys) -> None:
    st.session_state.pop(keys.last_key, None)


def _new_contacts(plan: MeetingsPlan) -> frozenset[str]:
    """The table of unknown attendees with a tick each; the ticked e-mails."""
    if not plan.new_contacts:
        return frozenset()
    st.markdown("**" + tr_md("calendar.page.new_contacts") + "**")
    create, name, email, meetings = (
        tr("calendar.page.col.create"),
        tr("calendar.page.col.name"),
        tr("calendar.page.col.email"),
        tr("calendar.page.col.meetings"),
    )
    frame = pd.DataFrame(
        {
            create: [c.chosen for c in plan.new_contacts],
            name: [c.name for c in plan.new_contacts],
            email: [c.email for c in plan.new_contacts],
            meetings: [c.meetings for c in plan.new_contacts],
        }
    )
    edited = st.data_editor(
        frame,
        hide_index=True,
        disabled=[name, email, meetings],
        column_config={create: st.column_config.CheckboxColumn(create)},
        key=f"{KEYS_PREFIX}_new_contacts",
        placeholder="",
        width="stretch",
    )
    return frozenset(str(row[email]) for _, row in edited.iterrows() if bool(row[create]))


def _show_plan(plan: MeetingsPlan) -> None:
    counts = plan.counts()
    st.caption(tr_md("calendar.page.counts", **counts))
    if plan.logged:
        st.markdown("**" + tr_md("calendar.page.meetings") + "**")
        st.dataframe(
            pd.DataFrame(
                {
                    tr("calendar.page.col.date"): [meeting.on for meeting, _ in plan.logged],
                    tr("calendar.page.col.summary"): [meeting.summary for meeting, _ in plan.logged],
                    tr("calendar.page.col.staff"): [staff for _, staff in plan.logged],
                }
            ),
            hide_index=True,
            width="stretch",
            key=f"{KEYS_PREFIX}_logged",
            placeholder="",
        )
    for items, kind, title in ((plan.skipped, "skip", "skipped"), (plan.rejected, "reject", "rejected")):
        if items:
            st.markdown("**" + tr_md(f"calendar.page.{title}") + "**")
            st.dataframe(
                _left_out_rows(items, kind),
                hide_index=True,
                width="stretch",
                key=f"{KEYS_PREFIX}_{title}",
                placeholder="",
            )


def calendar_import_section() -> None:
    """The calendar section of the import page (widget keys start with ``cal_``)."""
    keys = _keys()
    st.subheader(tr("calendar.page.title"))
    st.markdown(tr("calendar.page.intro"))
    keys.messages.show("import")
    # Shown on request: the page's own uploader stays the only one until a calendar is wanted.
    if not st.toggle(tr("calendar.page.open"), key=f"{KEYS_PREFIX}_open"):
        return
    staff_choices = staff_for_meetings(database())
    labels = {email: f"{name} <{email}>" for name, email in staff_choices}
    staff = st.selectbox(
        tr("calendar.page.staff"),
        options=list(labels),
        format_func=labels.__getitem__,
        index=None,
        placeholder=tr("widget.choose_one"),
        key=f"{KEYS_PREFIX}_staff",
    )
    upload = st.file_uploader(
        tr("calendar.page.upload"),
        type=["ics"],
        help=tr("widget.upload_help", megabytes=MAX_CALENDAR_BYTES // 2**20),
        key=keys.uploader(),
    )
    _show_last(keys)
    if upload is None:
        st.session_state.pop(keys.preview_key, None)
        st.session_state.pop(_calendar_key(), None)
        return
    data = upload.getvalue()
    ticked: frozenset[str] = st.session_state.get(_ticked_key(), frozenset())
    wanted: tuple[Any, ...] = (file_digest(upload.name, data), staff, ticked)
    kept = st.session_state.get(keys.preview_key)
    if kept is None or kept[0] != wanted:
        try:
            plan = _plan(upload.name, data, staff=staff, ticked=ticked)
        except UserFacingError as error:
            show_error(error)
            st.session_state.pop(keys.preview_key, None)
            return
        st.session_state[keys.preview_key] = (wanted, plan)
    else:
        plan = kept[1]
    _show_plan(plan)
    now_ticked = _new_contacts(plan)
    if now_ticked != ticked:
        st.session_state[_ticked_key()] = now_ticked
        st.rerun()
    if plan.logged or any(c.chosen for c in plan.new_contacts):
        st.button(
            tr("calendar.page.commit"),
            type="primary",
            on_click=_commit,
            args=(keys, upload.name, data, staff, ticked),
            key=f"{KEYS_PREFIX}_commit",
        )
    else:
        st.info(tr("calendar.page.nothing"))


def _show_last(keys: UploadKeys) -> None:
    last = st.session_state.get(keys.last_key)
    if last is None:
        return
    batch_id, counts = last
    st.success(tr_md("calendar.page.done", **counts))
    if batch_id is not None:
        undo_flow(
            int(batch_id),
            wording=UNDO_CHOSEN_IMPORT,
            messages=keys.messages,
            slot="import",
            key=f"{KEYS_PREFIX}_undo",
            forget=functools.partial(_forget_last, keys),
        )
