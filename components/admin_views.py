"""Pieces of the page "Administration": the event log, one person's data (access and erasure
requests), and the retention list of contacts nobody has used for a long time. The duty to inform
(GDPR art. 14) has its own module, ``components.informing_views``.

What the page shows is read by ``lib.privacy.admin_page`` (one call each, its own read); changes are
in ``lib.privacy.personal_data``. Every read and write carries the user as its principal, so those
functions check the user's role themselves (hiding the page is not the only protection). Changes run
in button callbacks, before the page is drawn, and their outcome is kept as a message ("flash") shown
where the user acted. Files are made when a download button is clicked (a deferred download), so only
a real download is logged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from components import clock, informing_views
from components.context import actor, database, lang, show_error, tr
from components.downloads import export_download
from components.feedback import Messages
from components.safe_markdown import tr_md
from components.tables import Col, date_input_format, first_rows, show_table
from components.widgets import shown_as
from lib.contacts import page as contacts_page
from lib.contacts import person_choice_label
from lib.core.errors import UserFacingError
from lib.core.i18n import format_value
from lib.privacy import admin_page
from lib.privacy import personal_data as pdata
from lib.workspace import events as eventlog

PREFIX = "admin_"
MESSAGES = Messages(PREFIX + "flash", "admin")
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EARLIEST_DATE, LATEST_DATE = dt.date(2000, 1, 1), dt.date(2100, 12, 31)

EVENTS_ACTOR, EVENTS_ACTION = PREFIX + "events_actor", PREFIX + "events_action"
EVENTS_SINCE, EVENTS_UNTIL = PREFIX + "events_since", PREFIX + "events_until"
PERSON_EMAIL, PERSON_PICK = PREFIX + "person_email", PREFIX + "person_pick"
#: The picker's own key: it shows the chosen person (``PERSON_PICK``), which may lie outside the search.
PERSON_PICK_WIDGET = PREFIX + "person_pick_widget"
PERSON_SEARCH = PREFIX + "person_search"
RETENTION_MONTHS, RETENTION_PICK = PREFIX + "retention_months", PREFIX + "retention_pick"
RETENTION_CONFIRM = PREFIX + "retention_confirm"

EVENT_COLUMNS = (
    Col("at", "admin.col.at", "datetime"),
    Col("actor", "admin.col.actor"),
    Col("action_label", "admin.col.action"),
    Col("entity_label", "admin.col.entity"),
    Col("entity_id", "admin.col.entity_id", "number"),
    Col("details", "admin.col.details"),
)
RETENTION_COLUMNS = (
    Col("name", "admin.col.name"),
    Col("email", "admin.col.email"),
    Col("organisations", "admin.col.organisations"),
    Col("last_used", "admin.col.last_used", "date"),
    Col("source", "admin.col.source"),
    Col("purpose", "admin.col.purpose"),
    informing_views.INFORMED_COLUMN,
)


# --- the event log ---------------------------------------------------------------------------------


def _event_filters() -> dict[str, Any] | None:
    """The filter widgets; their values for ``lib.workspace.events``, or None for a period that cannot match."""
    actions = admin_page.event_actions(database())
    labels = {"": tr("common.all"), **{code: eventlog.action_label(code, lang()) for code in actions}}
    who, what, since_column, until_column = st.columns([2, 2, 1, 1])
    actor_text = who.text_input(tr("admin.events.actor"), key=EVENTS_ACTOR)
    action = what.selectbox(
        tr("admin.events.action"),
        options=list(labels),
        format_func=shown_as(labels),
        placeholder=tr("widget.choose_one"),
        key=EVENTS_ACTION,
    )
    dates = {"min_value": EARLIEST_DATE, "max_value": LATEST_DATE, "value": None}
    since = since_column.date_input(tr("admin.events.since"), key=EVENTS_SINCE, format=date_input_format(), **dates)
    until = until_column.date_input(tr("admin.events.until"), key=EVENTS_UNTIL, format=date_input_format(), **dates)
    if since is not None and until is not None and until < since:
        st.warning(tr("admin.events.bad_period"))
        return None
    return {"actor": actor_text.strip() or None, "action": action or None, "since": since, "until": until}


def events_section() -> None:
    """Filters, the newest events, and the filtered log as an Excel file."""
    filters = _event_filters()
    if filters is None:
        return
    frame = admin_page.event_log(database(), lang(), **filters)
    st.caption(tr_md("admin.events.count", count=len(frame), limit=eventlog.DEFAULT_LIMIT))
    show_table(frame, EVENT_COLUMNS, key=PREFIX + "events_table", empty_key="admin.events.empty")
    language, exporter = lang(), actor()
    export_download(
        tr("admin.events.download"),
        lambda s: eventlog.events_xlsx(s, lang=language, exported_by=exporter, **filters),
        kind="events",
        people=None,
        icon=":material/download:",
        mime=XLSX_MIME,
        key=PREFIX + "events_download",
        file_name=f"haendelseslog-{clock.today().isoformat()}.xlsx",
    )


# --- one person's data -----------------------------------------------------------------------------


def _chosen_person(choices: Mapping[int, str]) -> int | None:
    """The person found by the e-mail typed, else the one picked; explains an e-mail nobody has."""
    email = (st.session_state.get(PERSON_EMAIL) or "").strip()
    if email:
        found = admin_page.person_by_email(database(), email)
        if found.person_id is None:
            st.info(tr_md("admin.person.was_erased" if found.erased else "admin.person.not_found", email=email))
        return found.person_id
    picked = st.session_state.get(PERSON_PICK)
    return picked if picked in choices else None


def _pick_person() -> None:
    st.session_state[PERSON_PICK] = st.session_state.get(PERSON_PICK_WIDGET)


def _person_picker(column: Any) -> dict[int, str]:
    """A name search and the picker of the people it finds (at most ``contacts_page.PICKER_ROWS``, never
    the whole register: issue 16); the person picked stays offered while the search changes."""
    column.text_input(
        tr("person_picker.search"),
        key=PERSON_SEARCH,
        placeholder=tr("person_picker.search_placeholder"),
        help=tr("person_picker.search_help"),
    )
    found = contacts_page.people_choices(database(), st.session_state.get(PERSON_SEARCH) or "")
    choices = dict(found.labels)
    picked = st.session_state.get(PERSON_PICK)
    if picked is not None and picked not in choices:
        label = contacts_page.person_label(database(), picked)
        if label is None:
            st.session_state[PERSON_PICK] = picked = None  # erased or merged meanwhile
        else:
            choices = {picked: label, **choices}
    # Set before the widget is drawn: the picker always shows the chosen person, whatever the search.
    st.session_state[PERSON_PICK_WIDGET] = picked
    column.selectbox(
        tr("admin.person.pick"),
        options=list(choices),
        format_func=shown_as(choices),
        placeholder=tr("admin.person.pick_placeholder"),
        key=PERSON_PICK_WIDGET,
        on_change=_pick_person,
    )
    if found.more:
        column.caption(tr_md("person_picker.more", shown=len(found.labels), total=found.total))
    elif not found.total:
        column.caption(tr("person_picker.none"))
    return choices


def person_section() -> None:
    """Find a person by e-mail or name, then show what is held about them and what can be done."""
    MESSAGES.show("person")
    left, right = st.columns(2)
    left.text_input(tr("admin.person.email"), key=PERSON_EMAIL, help=tr("admin.person.email_help"))
    choices = _person_picker(right)
    person_id = _chosen_person(choices)
    if person_id is None:
        if not (st.session_state.get(PERSON_EMAIL) or "").strip():
            st.caption(tr("admin.person.choose"))
        return
    try:
        data = admin_page.held_data(database(), person_id, clock.today())
    except UserFacingError as error:
        show_error(error)
        return
    st.subheader(tr_md("admin.person.heading", name=data["person"]["name"]))
    _held_data(data)
    _downloads(person_id)
    _purpose_form(person_id, data["person"]["purpose"])
    informing_views.person_form(person_id)
    _erase_form(person_id, data["person"])


def _held_data(data: Mapping[str, Any]) -> None:
    """Every part of the person's data in its own expander (the record open), with its count."""
    counts = pdata.part_counts(data)
    frames = pdata.readable_frames(data, lang())
    for part, (title, frame) in zip(pdata.PARTS, frames.items(), strict=True):
        with st.expander(tr_md("admin.person.part", part=title, count=counts[part]), expanded=part == "person"):
            if frame.empty:
                st.caption(tr("admin.person.nothing"))
            else:
                st.dataframe(_as_text(frame) if part == "person" else frame, hide_index=True, placeholder="")


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """The record's field/value table with every value as text in the reader's format (one column of
    names, dates, yes/no and numbers cannot be shown as one type)."""

    def shown(value: Any) -> str:
        if isinstance(value, bool):
            return tr("common.yes") if value else tr("common.no")
        return format_value(value, lang())

    return frame.assign(**{frame.columns[1]: [shown(v) for v in frame.iloc[:, 1]]})


def _downloads(person_id: int) -> None:
    language, exporter = lang(), actor()
    xlsx_column, json_column = st.columns(2)
    with xlsx_column:
        export_download(
            tr("admin.person.download_xlsx"),
            lambda s: pdata.person_export_xlsx(s, person_id, exporter, language),
            kind="person",
            people=None,
            icon=":material/download:",
            mime=XLSX_MIME,
            help=tr("admin.person.download_help"),
            key=f"{PREFIX}person_{person_id}_xlsx",
            file_name=f"persondata-{person_id}.xlsx",
        )
    with json_column:
        export_download(
            tr("admin.person.download_json"),
            lambda s: pdata.person_export_json(s, person_id, exporter),
            kind="person",
            people=None,
            icon=":material/data_object:",
            mime="application/json",
            help=tr("admin.person.download_help"),
            key=f"{PREFIX}person_{person_id}_json",
            file_name=f"persondata-{person_id}.json",
        )


def _purpose_form(person_id: int, purpose: str | None) -> None:
    key = f"{PREFIX}purpose_{person_id}"
    st.session_state.setdefault(key, purpose or "")
    st.text_area(tr("admin.person.purpose"), key=key, help=tr("admin.person.purpose_help"), height=80)
    st.button(
        tr("admin.person.purpose_save"),
        icon=":material/save:",
        key=f"{key}_save",
        on_click=_save_purpose,
        args=(person_id, key),
    )


def _save_purpose(person_id: int, key: str) -> None:
    text = st.session_state.get(key)
    ok, changed = MESSAGES.change("person", lambda s: pdata.set_purpose(s, person_id, text, actor()))
    if ok:
        MESSAGES.flash(
            "person",
            "success" if changed else "info",
            "admin.person.purpose_saved" if changed else "admin.person.purpose_unchanged",
        )


def _erase_form(person_id: int, record: Mapping[str, Any]) -> None:
    """Erasing needs the e-mail (or, without one, the name) typed again: a deliberate act."""
    st.markdown(f"**{tr('admin.person.erase_heading')}**")
    st.caption(tr("admin.person.erase_text"))
    expected = record["email"] or record["name"]
    confirm_key = f"{PREFIX}erase_confirm_{person_id}"
    st.text_input(tr("admin.person.confirm_email" if record["email"] else "admin.person.confirm_name"), key=confirm_key)
    st.button(
        tr("admin.person.erase"),
        type="primary",
        icon=":material/delete_forever:",
        key=f"{PREFIX}erase_{person_id}",
        on_click=_erase_one,
        args=(person_id, expected, confirm_key),
    )


def _erase_one(person_id: int, expected: str, confirm_key: str) -> None:
    typed = (st.session_state.get(confirm_key) or "").strip()
    if typed.casefold() != expected.strip().casefold():
        MESSAGES.flash("person", "warning", "admin.person.confirm_mismatch")
        return
    ok, report = MESSAGES.change("person", lambda s: pdata.erase_person(s, person_id, actor(), clock.today()))
    if ok:
        st.session_state[PERSON_EMAIL] = ""
        st.session_state[PERSON_PICK] = None
        st.session_state[confirm_key] = ""
        _flash_erased(
            "person",
            report,
            tr(
                "admin.person.erased",
                affiliations=report.affiliations,
                relations=report.relations,
                events=report.events_erased,
                rows=report.rows_redacted,
            ),
        )


# --- retention -------------------------------------------------------------------------------------


def retention_section() -> None:
    """The retention period, the contacts not used within it, and erasing those chosen."""
    MESSAGES.show("retention")
    retention = admin_page.retention_list(database(), clock.today())
    st.session_state.setdefault(RETENTION_MONTHS, retention.months)
    left, right = st.columns([1, 3], vertical_alignment="bottom")
    left.number_input(
        tr("admin.retention.months"),
        min_value=pdata.MIN_RETENTION_MONTHS,
        max_value=pdata.MAX_RETENTION_MONTHS,
        step=1,
        key=RETENTION_MONTHS,
        help=tr("admin.retention.months_help"),
    )
    right.button(
        tr("admin.retention.save"), icon=":material/save:", key=PREFIX + "retention_save", on_click=_save_months
    )
    frame = retention.candidates
    st.caption(tr_md("admin.retention.count", count=len(frame), cutoff=retention.cutoff))
    if frame.empty:
        st.info(tr("admin.retention.empty"))
        return
    shown = first_rows(frame)
    show_table(shown, RETENTION_COLUMNS, key=PREFIX + "retention_table")
    _bulk_erase_form(shown)


def _save_months() -> None:
    months = st.session_state.get(RETENTION_MONTHS)
    ok, stored = MESSAGES.change("retention", lambda s: pdata.set_retention_months(s, months, actor()))
    if ok:
        MESSAGES.flash("retention", "success", "admin.retention.saved", months=stored)


def _bulk_erase_form(frame: pd.DataFrame) -> None:
    labels = {int(row.id): person_choice_label(row.name, row.email) for row in frame.itertuples(index=False)}
    chosen = [i for i in st.session_state.get(RETENTION_PICK) or [] if i in labels]
    st.session_state[RETENTION_PICK] = chosen  # rows erased meanwhile drop out
    st.multiselect(
        tr("admin.retention.select_help"),
        options=list(labels),
        format_func=shown_as(labels),
        select_all=False,
        placeholder=tr("widget.choose_many"),
        key=RETENTION_PICK,
    )
    st.checkbox(tr("admin.retention.confirm", count=len(st.session_state[RETENTION_PICK])), key=RETENTION_CONFIRM)
    st.button(
        tr("admin.retention.erase"),
        type="primary",
        icon=":material/delete_forever:",
        key=PREFIX + "retention_erase",
        on_click=_erase_chosen,
    )


def _erase_chosen() -> None:
    chosen = list(st.session_state.get(RETENTION_PICK) or [])
    if not chosen:
        MESSAGES.flash("retention", "warning", "admin.retention.choose_first")
        return
    if not st.session_state.get(RETENTION_CONFIRM):
        MESSAGES.flash("retention", "warning", "admin.retention.confirm_first")
        return
    ok, report = MESSAGES.change("retention", lambda s: pdata.erase_people(s, chosen, actor(), clock.today()))
    if ok:
        st.session_state[RETENTION_PICK] = []
        st.session_state[RETENTION_CONFIRM] = False
        _flash_erased("retention", report, tr("admin.retention.erased", count=report.people))


def _flash_erased(slot: str, report: pdata.ErasureReport, done: str) -> None:
    # The erasure is committed either way; the admin should know when a copy may linger in the files.
    if report.files_cleared is False:
        MESSAGES.flash(slot, "warning", text=f"{done} {tr('erasure_files.not_cleared')}")
    else:
        MESSAGES.flash(slot, "success", text=done)


__all__ = ["events_section", "person_section", "retention_section"]
