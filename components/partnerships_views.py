"""Pieces of the page "Partnerskaber": alerts, the pipeline board and chart, and one partnership opened.

Everything that reads or changes data is in ``lib.planning.partnerships``. Every change runs in a button
callback, before the page is drawn, so what is shown is what is stored; the message of a callback is
kept in session state ("flash") and shown once where the user acted. The open partnership is kept in
its own session-state key (``OPEN_KEY``): Streamlit drops widget state on a page the user leaves.
Form widgets carry the partnership's id in their key, so opening another partnership shows its values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from components import clock
from components.charts import show_chart
from components.context import actor, database, lang, tr
from components.downloads import export_download
from components.feedback import Messages, delete_one
from components.safe_markdown import escape_markdown, message_md, tr_md
from components.tables import Col, code_label, date_input_format, show_table
from components.widgets import BLANK, blank_to_none, page_tabs, remembered_selectbox, shown_as
from lib.core.i18n import format_date, format_number
from lib.planning import agreement_documents as docs
from lib.planning import figures
from lib.planning import partnerships as ps
from lib.planning import partnerships_page as psp

PREFIX = "pships_"
FLASH_KEY = PREFIX + "flash"
OPEN_KEY = PREFIX + "open"
OPEN_WIDGET = PREFIX + "open_widget"
NEW = PREFIX + "new_"
#: A new partnership's start kept by another page ("Gå videre" on a candidate): title, organisation_ids,
#: goal_ids. The form below takes it over once.
DRAFT_KEY = PREFIX + "draft"
EARLIEST_DATE, LATEST_DATE = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
TEXT_AGREEMENT_FIELDS = tuple(f for f in ps.AGREEMENT_FIELDS if f not in ps.AGREEMENT_DATE_FIELDS)
CONTACT_COLUMNS = (
    Col("contacted_on", "partnerships_page.contacts.date", "date"),
    Col("staff", "partnerships_page.contacts.who"),
    Col("channel_label", "partnerships_page.contacts.channel"),
    Col("note", "partnerships_page.contacts.note"),
)


# --- small helpers ---------------------------------------------------------------------------------


def code_labels(prefix: str, codes: tuple[str, ...], blank: bool) -> dict[str, str]:
    labels = {code: code_label(prefix, code) for code in codes}
    return {BLANK: tr("partnerships_page.field.none"), **labels} if blank else labels


MESSAGES = Messages(FLASH_KEY, "partnerships")
flash = MESSAGES.flash
show_flash = MESSAGES.show
change = MESSAGES.change


def _date_input(label_key: str, key: str, value: dt.date | None = None, **kwargs: Any) -> None:
    st.date_input(
        tr(label_key),
        value=value,
        key=key,
        format=date_input_format(),
        min_value=EARLIEST_DATE,
        max_value=LATEST_DATE,
        **kwargs,
    )


# --- alerts ----------------------------------------------------------------------------------------


def alerts_section(found: list[ps.Alert]) -> None:
    """Every alert in plain words with the partnership's name: important ones red, coming ones yellow."""
    st.subheader(tr("partnerships_page.alerts.heading"))
    if not found:
        st.success(tr("partnerships_page.alerts.none"))
        return
    st.caption(tr("partnerships_page.alerts.count", count=len(found)))
    for alert in found:
        text = message_md(alert)
        if alert.severity == "high":
            st.error(text, icon=":material/priority_high:")
        else:
            st.warning(text, icon=":material/schedule:")


# --- pipeline --------------------------------------------------------------------------------------


#: The board's container: :data:`components.page_frame.PAGE_CSS` keeps its columns wide enough for a word.
BOARD_KEY = "partnerships_pipeline"


def pipeline_section(columns: list[ps.PipelineColumn]) -> None:
    """The board: a column per stage (idea, the four stages, ended) with its partnerships; then the chart."""
    st.subheader(tr("partnerships_page.pipeline.heading"))
    # The key gives the board its styles (components.page_frame.PAGE_CSS): titles break between words.
    board = st.container(key=BOARD_KEY).columns(len(columns))
    for place, column in zip(board, columns, strict=True):
        with place:
            st.markdown(
                "**"
                + escape_markdown(
                    tr(
                        "partnerships_page.pipeline.column",
                        count=column.count,
                        stage=tr(f"partnerships.stage.{column.stage}"),
                    )
                )
                + "**"
            )
            if not column.partnerships:
                st.caption(tr("partnerships_page.pipeline.empty_column"))
            for item in column.partnerships:
                with st.container(border=True):
                    st.markdown("**" + escape_markdown(item["title"]) + "**")
                    details = [
                        item["owner"] or tr("partnerships_page.pipeline.no_owner"),
                        code_label("partnerships.depth", item["depth"]),
                        code_label("partnerships.formalisation", item["formalisation"]),
                    ]
                    st.caption(escape_markdown(" · ".join(d for d in details if d)))
    show_chart(figures.stage_chart({c.stage: c.count for c in columns}, lang()), key=PREFIX + "stage_chart")


# --- opening and registering -----------------------------------------------------------------------


def open_picker(frame: Any) -> int | None:
    """The selectbox "Åbn partnerskab"; returns the open partnership's id (None: none open)."""
    labels: dict[Any, str] = {BLANK: tr("partnerships_page.open.none")}
    for row in frame.itertuples():
        labels[int(row.id)] = tr("partnerships_page.open.ended", title=row.title) if row.closed else row.title
    return blank_to_none(
        remembered_selectbox(
            tr("partnerships_page.open"), labels, store_key=OPEN_KEY, widget_key=OPEN_WIDGET, default=BLANK
        )
    )


def _register() -> None:
    state = st.session_state
    values = {
        "title": state.get(NEW + "title"),
        "owner_id": blank_to_none(state.get(NEW + "owner")),
        "stage": state.get(NEW + "stage") or "idea",
        "depth": blank_to_none(state.get(NEW + "depth")),
        "formalisation": blank_to_none(state.get(NEW + "formalisation")),
        "start_date": state.get(NEW + "start_date"),
    }
    orgs = list(state.get(NEW + "organisations") or [])
    goals = list(state.get(NEW + "goals") or [])
    ok, new_id = change(
        "new", lambda s: ps.create_partnership(s, values, organisation_ids=orgs, goal_ids=goals, actor=actor())
    )
    if ok:
        flash("new", "success", "partnerships_page.new.done", title=(values["title"] or "").strip())
        state[OPEN_KEY] = new_id
        for name, empty in (
            ("title", ""),
            ("owner", BLANK),
            ("stage", "idea"),
            ("depth", BLANK),
            ("formalisation", BLANK),
            ("start_date", None),
            ("organisations", []),
            ("goals", []),
        ):
            state[NEW + name] = empty


def _take_draft(orgs: Mapping[int, str], goals: Mapping[int, str]) -> bool:
    """Fill the new partnership's form from a kept draft (:data:`DRAFT_KEY`); whether there was one."""
    draft = st.session_state.pop(DRAFT_KEY, None)
    if not draft:
        return False
    st.session_state[NEW + "title"] = draft.get("title") or ""
    st.session_state[NEW + "organisations"] = [o for o in draft.get("organisation_ids", []) if o in orgs]
    st.session_state[NEW + "goals"] = [g for g in draft.get("goal_ids", []) if g in goals]
    return True


def new_partnership_form(
    orgs: Mapping[int, str], staff: Mapping[int, str], goals: Mapping[int, str], expanded: bool
) -> None:
    """The form "Registrér et nyt partnerskab": title, partners, owner, stage, depth, formalisation, start,
    goals; opened and filled in when another page kept a draft (:data:`DRAFT_KEY`)."""
    drafted = _take_draft(orgs, goals)
    with st.expander(tr("partnerships_page.new.heading"), expanded=expanded or drafted):
        show_flash("new")
        if drafted:
            st.info(tr("partnerships_page.new.drafted"), icon=":material/edit_note:")
        with st.form(NEW + "form", clear_on_submit=False):
            _partnership_widgets(NEW, orgs, staff, {}, None, include_all=False)
            st.multiselect(
                tr("partnerships_page.field.goals"),
                options=list(goals),
                format_func=shown_as(goals),
                select_all=False,
                placeholder=tr("widget.choose_many"),
                key=NEW + "goals",
            )
            st.form_submit_button(
                tr("partnerships_page.new.submit"), key=NEW + "submit", on_click=_register, type="primary"
            )


def _partnership_widgets(
    prefix: str,
    orgs: Mapping[int, str],
    staff: Mapping[int, str],
    goals: Mapping[int, str],
    current: Mapping[str, Any] | None,
    *,
    include_all: bool,
) -> None:
    """The partnership's fields; values from ``current`` (a stored partnership) or empty."""
    cur = current or {}
    staff_labels = {BLANK: tr("partnerships_page.field.none"), **staff}
    stage_labels = code_labels("partnerships.stage", ps.STAGES, blank=False)
    depth_labels = code_labels("partnerships.depth", ps.DEPTHS, blank=True)
    # The formalisation follows the signed agreement (lib.planning.partnerships.formalisation_of): while one
    # is on record only written or contract can be chosen; before, a written one is a draft.
    choices = cur.get("formalisation_choices") or ps.formalisation_choices(None, None)
    formal_labels = {
        code: (tr("partnerships_page.field.none") if code == BLANK else code_label("partnerships.formalisation", code))
        for code in choices
    }
    formal_help = (
        tr("agreement.formalisation.help_signed", date=format_date(cur["signed_on"], lang()))
        if cur.get("written_agreement")
        else tr("agreement.formalisation.help_unsigned")
    )

    def index_of(options: list[Any], value: Any) -> int:
        return options.index(value) if value in options else 0

    st.text_input(
        tr("partnerships_page.field.title"), value=cur.get("title") or "", key=prefix + "title", max_chars=300
    )
    st.multiselect(
        tr("partnerships_page.field.organisations"),
        options=list(orgs),
        default=[o for o in cur.get("organisation_ids", []) if o in orgs] or None,
        format_func=shown_as(orgs),
        select_all=False,
        placeholder=tr("widget.choose_many"),
        key=prefix + "organisations",
    )
    left, right = st.columns(2)
    options = list(staff_labels)
    left.selectbox(
        tr("partnerships_page.field.owner"),
        options=options,
        placeholder=tr("widget.choose_one"),
        key=prefix + "owner",
        index=index_of(options, cur.get("owner_id")),
        format_func=shown_as(staff_labels),
    )
    options = list(stage_labels)
    right.selectbox(
        tr("partnerships_page.field.stage"),
        options=options,
        placeholder=tr("widget.choose_one"),
        key=prefix + "stage",
        index=index_of(options, cur.get("stage")),
        format_func=shown_as(stage_labels),
    )
    options = list(depth_labels)
    left.selectbox(
        tr("partnerships_page.field.depth"),
        options=options,
        placeholder=tr("widget.choose_one"),
        key=prefix + "depth",
        index=index_of(options, cur.get("depth")),
        format_func=shown_as(depth_labels),
    )
    options = list(formal_labels)
    right.selectbox(
        tr("partnerships_page.field.formalisation"),
        options=options,
        placeholder=tr("widget.choose_one"),
        key=prefix + "formalisation",
        index=index_of(options, cur.get("formalisation")),
        format_func=shown_as(formal_labels),
        help=formal_help,
    )
    with left:
        _date_input("partnerships_page.field.start_date", prefix + "start_date", cur.get("start_date"))
    if not include_all:
        return
    with right:
        _date_input("partnerships_page.field.end_date", prefix + "end_date", cur.get("end_date"))
    st.multiselect(
        tr("partnerships_page.field.goals"),
        options=list(goals),
        default=[g for g in cur.get("goal_ids", []) if g in goals] or None,
        format_func=shown_as(goals),
        select_all=False,
        placeholder=tr("widget.choose_many"),
        key=prefix + "goals",
    )
    st.number_input(
        tr("partnerships_page.field.contact_rhythm_days"),
        min_value=1,
        max_value=ps.MAX_RHYTHM_DAYS,
        step=1,
        value=cur.get("contact_rhythm_days"),
        key=prefix + "contact_rhythm_days",
        help=tr("partnerships.guide.rhythm"),
    )
    left, right = st.columns(2)
    left.text_area(
        tr("partnerships_page.field.library_resources"),
        value=cur.get("library_resources") or "",
        key=prefix + "library_resources",
    )
    right.text_area(
        tr("partnerships_page.field.partner_resources"),
        value=cur.get("partner_resources") or "",
        key=prefix + "partner_resources",
    )
    st.text_area(tr("partnerships_page.field.notes"), value=cur.get("notes") or "", key=prefix + "notes")


# --- one partnership -------------------------------------------------------------------------------


def _edit_prefix(partnership_id: int) -> str:
    return f"{PREFIX}edit_{partnership_id}_"


def _save_details(partnership_id: int) -> None:
    state, prefix = st.session_state, _edit_prefix(partnership_id)
    changes = {
        "title": state.get(prefix + "title"),
        "owner_id": blank_to_none(state.get(prefix + "owner")),
        "stage": state.get(prefix + "stage"),
        "depth": blank_to_none(state.get(prefix + "depth")),
        "formalisation": blank_to_none(state.get(prefix + "formalisation")),
        "start_date": state.get(prefix + "start_date"),
        "end_date": state.get(prefix + "end_date"),
        "contact_rhythm_days": state.get(prefix + "contact_rhythm_days"),
        "library_resources": state.get(prefix + "library_resources"),
        "partner_resources": state.get(prefix + "partner_resources"),
        "notes": state.get(prefix + "notes"),
    }
    orgs, goals = list(state.get(prefix + "organisations") or []), list(state.get(prefix + "goals") or [])
    who = actor()
    if change("details", lambda s: psp.save_details(s, partnership_id, changes, orgs, goals, actor=who))[0]:
        flash("details", "success", "partnerships_page.saved")
        _forget(_agreement_prefix(partnership_id), ps.HELD_BY_PARTNERSHIP)


def _close(partnership_id: int, close: bool) -> None:
    if close:
        on = clock.today()
        ok, _ = change("details", lambda s: ps.close_partnership(s, partnership_id, on, actor=actor()))
    else:
        ok, _ = change("details", lambda s: ps.reopen_partnership(s, partnership_id, actor=actor()))
    if ok:
        flash("details", "success", "partnerships_page.closed_done" if close else "partnerships_page.reopened_done")


def details_tab(
    partnership_id: int,
    current: Mapping[str, Any],
    orgs: Mapping[int, str],
    staff: Mapping[int, str],
    goals: Mapping[int, str],
) -> None:
    prefix = _edit_prefix(partnership_id)
    show_flash("details")
    with st.form(prefix + "form"):
        _partnership_widgets(prefix, orgs, staff, goals, current, include_all=True)
        st.form_submit_button(
            tr("partnerships_page.save"),
            key=prefix + "save",
            type="primary",
            on_click=_save_details,
            args=(partnership_id,),
        )
    if current["closed"]:
        st.info(tr_md("partnerships_page.ended_on", date=current["ended_on"]))
        st.button(tr("partnerships_page.reopen"), key=prefix + "reopen", on_click=_close, args=(partnership_id, False))
    else:
        st.button(tr("partnerships_page.close"), key=prefix + "close", on_click=_close, args=(partnership_id, True))


def _agreement_prefix(partnership_id: int) -> str:
    return f"{PREFIX}agreement_{partnership_id}_"


def _forget(prefix: str, names: Any) -> None:
    """Drop the kept state of a form's widgets, so they show what is stored on the next draw: the
    dates and resources are one set, shown in both the details and the agreement form."""
    for name in names:
        st.session_state.pop(prefix + name, None)


def _save_agreement(partnership_id: int) -> None:
    prefix = _agreement_prefix(partnership_id)
    values = {name: st.session_state.get(prefix + name) for name in ps.AGREEMENT_EDITABLE}
    if change("agreement", lambda s: ps.save_agreement(s, partnership_id, values, actor=actor()))[0]:
        flash("agreement", "success", "partnerships_page.agreement.saved")
        _forget(_edit_prefix(partnership_id), (*ps.HELD_BY_PARTNERSHIP.values(), "formalisation"))


def _document_downloads(partnership_id: int, prefix: str) -> None:
    """The agreement to sign, as Word and as PDF (:mod:`lib.planning.agreement_documents`), side by side."""
    language = lang()
    name = tr("partnerships_page.agreement.file")
    for place, file_format in zip(st.columns(len(docs.DOCUMENT_FORMATS)), docs.DOCUMENT_FORMATS, strict=True):
        with place:
            export_download(
                tr(f"partnerships_page.agreement.download_{file_format}"),
                lambda session, chosen=file_format: docs.agreement_file(session, partnership_id, chosen, language),
                kind="agreement_document",
                people=lambda session: ps.agreement_people(session, partnership_id),
                details={"partnership": partnership_id, "format": file_format},
                file_name=f"{name}-{partnership_id}.{file_format}",
                mime=docs.MIME_TYPES[file_format],
                key=f"{prefix}document_{file_format}",
                help=tr("partnerships_page.agreement.document_help"),
            )


def agreement_tab(partnership_id: int, form: Mapping[str, Any]) -> None:
    """Completeness (bar + what is missing), the download, and the agreement's fields in a form
    (``form``: :func:`lib.planning.partnerships.agreement_form`; its dates and resources are the partnership's)."""
    prefix = _agreement_prefix(partnership_id)
    show_flash("agreement")
    share = form["completeness"]
    total = len(ps.AGREEMENT_FIELDS)
    missing = form["missing"]
    text = tr(
        "partnerships_page.agreement.completeness",
        percent=format_number(round(share * 100), lang()),
        filled=total - len(missing),
        total=total,
    )
    st.progress(share, text=text)
    if missing:
        st.caption(
            tr_md(
                "partnerships_page.agreement.missing",
                fields="; ".join(ps.agreement_field_label(name, lang()) for name in missing),
            )
        )
    else:
        st.caption(tr("partnerships_page.agreement.complete"))
    st.caption(tr("partnerships.written_rule"))
    language = lang()
    export_download(
        tr("partnerships_page.agreement.download"),
        lambda session: ps.agreement_summary_xlsx(session, partnership_id, language),
        kind="agreement",
        people=lambda session: ps.agreement_people(session, partnership_id),
        details={"partnership": partnership_id},
        file_name=f"{tr('partnerships_page.agreement.file')}-{partnership_id}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=prefix + "download",
    )
    _document_downloads(partnership_id, prefix)

    def stored(name: str) -> Any:
        return form["values"].get(name)

    with st.form(prefix + "form"):
        st.caption(tr("agreement.form.held"))
        for name in TEXT_AGREEMENT_FIELDS:
            st.text_area(
                escape_markdown(ps.agreement_field_label(name, lang())),
                value=stored(name) or "",
                key=prefix + name,
                height=80,
            )
        columns = st.columns(4)
        for place, name in zip(columns, ps.AGREEMENT_DATE_FIELDS, strict=True):
            with place:
                _date_input(f"partnerships.agreement.{name}", prefix + name, stored(name))
        st.text_input(
            escape_markdown(ps.agreement_field_label("document_ref", lang())),
            value=stored("document_ref") or "",
            key=prefix + "document_ref",
            max_chars=500,
        )
        st.form_submit_button(
            tr("partnerships_page.save"),
            key=prefix + "save",
            type="primary",
            on_click=_save_agreement,
            args=(partnership_id,),
        )


def _contact_prefix(partnership_id: int) -> str:
    return f"{PREFIX}contact_{partnership_id}_"


def _add_contact(partnership_id: int) -> None:
    prefix = _contact_prefix(partnership_id)
    state = st.session_state
    values = {
        "contacted_on": state.get(prefix + "date"),
        "staff_id": blank_to_none(state.get(prefix + "who")),
        "channel": state.get(prefix + "channel"),
        "note": state.get(prefix + "note"),
    }
    if change("contacts", lambda s: ps.add_contact(s, partnership_id, values, actor=actor()))[0]:
        flash("contacts", "success", "partnerships_page.contacts.added")
        state[prefix + "note"] = ""


def contacts_tab(
    partnership_id: int, current: Mapping[str, Any], entries: list[dict[str, Any]], staff: Mapping[int, str]
) -> None:
    """When the next contact is due (or how overdue), the log, and a form to log a contact."""
    prefix = _contact_prefix(partnership_id)
    show_flash("contacts")
    last = entries[0]["contacted_on"] if entries else None
    due = ps.next_contact_due(last, current.get("contact_rhythm_days"), clock.today(), current.get("start_date"))
    if due.due is None:
        st.caption(tr("partnerships_page.contacts.no_rhythm"))
    elif due.overdue and not current["closed"]:
        st.warning(
            tr_md("partnerships_page.contacts.overdue", date=due.due, days=due.days_overdue), icon=":material/schedule:"
        )
    else:
        st.info(tr_md("partnerships_page.contacts.due", date=due.due))
    rows = [{**entry, "channel_label": code_label("partnerships.channel", entry["channel"])} for entry in entries]
    show_table(pd.DataFrame(rows), CONTACT_COLUMNS, key=prefix + "table", empty_key="partnerships_page.contacts.empty")
    show_flash("contact_delete")
    delete_one(
        MESSAGES,
        "contact_delete",
        label=tr("partnerships_page.contacts.delete"),
        entries={
            row["id"]: " · ".join(
                str(part)
                for part in (format_date(row["contacted_on"], lang()), row["staff"], row["channel_label"])
                if part
            )
            for row in rows
        },
        delete=lambda session, entry_id: ps.delete_contact(session, entry_id, actor=actor()),
        key=prefix + "delete",
    )
    staff_labels = {BLANK: tr("partnerships_page.field.none"), **staff}
    channel_labels = code_labels("partnerships.channel", ps.CHANNELS, blank=False)
    with st.form(prefix + "form"):
        st.markdown("**" + tr("partnerships_page.contacts.add") + "**")
        left, middle, right = st.columns(3)
        with left:
            _date_input("partnerships_page.contacts.date", prefix + "date", clock.today())
        middle.selectbox(
            tr("partnerships_page.contacts.who"),
            options=list(staff_labels),
            placeholder=tr("widget.choose_one"),
            key=prefix + "who",
            format_func=shown_as(staff_labels),
        )
        right.selectbox(
            tr("partnerships_page.contacts.channel"),
            options=list(channel_labels),
            placeholder=tr("widget.choose_one"),
            key=prefix + "channel",
            format_func=shown_as(channel_labels),
        )
        st.text_area(tr("partnerships_page.contacts.note"), key=prefix + "note", height=80)
        st.form_submit_button(
            tr("partnerships_page.contacts.add"),
            key=prefix + "add",
            type="primary",
            on_click=_add_contact,
            args=(partnership_id,),
        )


def open_partnership(
    partnership_id: int, orgs: Mapping[int, str], staff: Mapping[int, str], goals: Mapping[int, str]
) -> None:
    """The open partnership in three tabs: details, agreement, contact log."""
    opened = psp.open_partnership(database(), partnership_id)
    current, form, entries = opened.values, opened.agreement, opened.contacts
    st.subheader(escape_markdown(current["title"]))
    labels = {name: tr(f"partnerships_page.tab.{name}") for name in ("details", "agreement", "contacts")}
    details, agreement_place, contacts = page_tabs(PREFIX, labels).values()
    with details:
        details_tab(partnership_id, current, orgs, staff, goals)
    with agreement_place:
        agreement_tab(partnership_id, form)
    with contacts:
        contacts_tab(partnership_id, current, entries, staff)
