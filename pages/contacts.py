"""Kontakter og organisationer: find, read, edit, merge and clean up people and organisations.

Widgets only; everything that reads or changes data is in ``lib.records``. Every change runs in a
button callback, before the page is drawn, so the tables below always show what is stored. Messages
from a callback are kept in session state ("flash") and shown where the user acted.

The open person and organisation are kept in this page's own session-state keys: Streamlit drops the
state of widgets on a page the user leaves, so a widget key alone would forget the open record.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from streamlit.errors import StreamlitAPIException

from components.context import actor, database, lang, show_error, tr
from components.tables import Col, date_input_format, escape_markdown, newly_selected, show_table
from lib import records
from lib.errors import UserFacingError
from lib.i18n import label
from lib.storage import Person, workspace_counts
from lib.vocabulary import ORGANISATION_TYPES, SECTORS

_LOG = logging.getLogger(__name__)

PERSON_KEY = "contacts_person_id"
ORG_KEY = "contacts_org_id"
FLASH_KEY = "contacts_flash"
PERSON_PICKER = "contacts_person_picker"
ORG_PICKER = "contacts_org_picker"
PEOPLE_TABLE = "contacts_people_table"
ORG_TABLE = "contacts_org_table"
SHOWN_LANGUAGE = "contacts_shown_language"
#: Key endings of this page's selectboxes and radios whose options are shown with translated labels.
TRANSLATED_CHOICE_ENDINGS = ("_org", "_staff", "_type", "_sector", "_other", "_keep")
#: The value of a "nothing chosen" / "all" entry in a selectbox.
BLANK = ""
#: What the add and merge forms show once their work is done: empty again.
NEW_PERSON_EMPTY = {"name": "", "email": "", "phone": "", "title": "", "org": BLANK}
NEW_ORGANISATION_EMPTY = {"name": "", "org_type": BLANK, "sector": BLANK, "website": ""}
AFFILIATION_EMPTY = {"org": BLANK, "role": "", "start": None}
MERGE_EMPTY = {"other": BLANK, "confirm": False}
TAB_KEY = "contacts_tab"
ACTIVE_TAB = "contacts_active_tab"
#: The table rows last seen selected: a selection only opens a record when it changes.
PEOPLE_TABLE_SEEN = "contacts_people_table_seen"
ORG_TABLE_SEEN = "contacts_org_table_seen"
#: How many review cards are drawn at once; the rest follow as earlier ones are decided.
DUPLICATES_SHOWN = 25
#: Dates a user may pick for an affiliation (the widget's own default only reaches ten years back).
EARLIEST_DATE, LATEST_DATE = dt.date(1900, 1, 1), dt.date(2100, 12, 31)

PERSON_FORM_FIELDS = ("name", "email", "phone", "title", "notes", "is_staff")
ORG_FORM_FIELDS = ("name", "org_type", "sector", "website", "area", "notes")

PEOPLE_COLUMNS = (
    Col("name", "contacts.field.name"),
    Col("email", "contacts.field.email"),
    Col("phone", "contacts.field.phone"),
    Col("title", "contacts.field.title"),
    Col("organisations", "contacts.field.organisations"),
    Col("is_staff", "contacts.field.is_staff", "bool"),
    Col("updated_at", "contacts.field.updated_at", "datetime"),
)
ORG_COLUMNS = (
    Col("name", "contacts.field.name"),
    Col("type_label", "contacts.field.org_type"),
    Col("sector_label", "contacts.field.sector"),
    Col("website", "contacts.field.website"),
    Col("area", "contacts.field.area"),
    Col("people", "contacts.field.people_count", "number"),
    Col("relations", "contacts.field.relations_count", "number"),
)
PERSON_AFFILIATION_COLUMNS = (
    Col("organisation", "contacts.field.organisation"),
    Col("role", "contacts.field.role"),
    Col("start_date", "contacts.field.start_date", "date"),
    Col("end_date", "contacts.field.end_date", "date"),
    Col("current", "contacts.field.current", "bool"),
)
ORG_PEOPLE_COLUMNS = (
    Col("person", "contacts.field.name"),
    Col("email", "contacts.field.email"),
    Col("role", "contacts.field.role"),
    Col("start_date", "contacts.field.start_date", "date"),
    Col("end_date", "contacts.field.end_date", "date"),
    Col("current", "contacts.field.current", "bool"),
)
RELATION_COLUMNS = (
    Col("direction_label", "contacts.field.direction"),
    Col("other", "contacts.field.other_party"),
    Col("kind_label", "contacts.field.kind"),
    Col("strength", "contacts.field.strength", "number"),
    Col("first_contact", "contacts.field.first_contact", "date"),
    Col("last_contact", "contacts.field.last_contact", "date"),
    Col("owner", "contacts.field.owner"),
)
IMPORT_COLUMNS = (
    Col("created_at", "contacts.field.imported_at", "datetime"),
    Col("file_name", "contacts.field.file_name"),
    Col("sheet_name", "contacts.field.sheet_name"),
    Col("action_label", "contacts.field.import_action"),
    Col("status_label", "contacts.field.import_status"),
)
EVENT_COLUMNS = (
    Col("at", "contacts.field.event_at", "datetime"),
    Col("action_label", "contacts.field.event_action"),
    Col("summary", "contacts.field.event_details"),
    Col("actor", "contacts.field.actor"),
)


# --- messages that outlive a rerun -----------------------------------------------------------------


def _flash(slot: str, kind: str, key: str | None = None, error: Exception | None = None, **params: Any) -> None:
    """Keep a message for the ``slot`` where the user acted; it is shown once, on the next draw."""
    st.session_state[FLASH_KEY] = {"slot": slot, "kind": kind, "key": key, "error": error, "params": params}


def _show_flash(slot: str) -> None:
    message = st.session_state.get(FLASH_KEY)
    if not message or message["slot"] != slot:
        return
    del st.session_state[FLASH_KEY]
    if message["kind"] == "error":
        show_error(message["error"])
    else:
        st.success(tr(message["key"], **message["params"]))


def _change(slot: str, work: Callable[[Session], Any]) -> tuple[bool, Any]:
    """Run ``work`` in one write transaction; a problem becomes a message in ``slot``. Returns (ok, result)."""
    try:
        with database().write() as session:
            return True, work(session)
    except UserFacingError as error:
        _flash(slot, "error", error=error)
    except SQLAlchemyError as error:
        # E.g. a colleague stored the same e-mail a moment earlier: nothing was saved. The user gets the
        # general message; whoever runs the system gets the details in the log.
        _LOG.exception("change on the contacts page failed")
        _flash(slot, "error", error=error)
    return False, None


def _fill_widgets(prefix: str, values: Mapping[str, Any], *, replace: bool = False) -> None:
    """Put ``values`` into the widgets ``prefix + name``: only where empty, or all with ``replace``.

    Form widgets get their values this way rather than through ``value=``: assigning through session
    state is what makes the browser show a new value (the cleaned one after a save, an empty form after
    adding); a changed ``value=`` or deleted state leaves the browser showing what was typed.
    """
    for name, value in values.items():
        if replace or prefix + name not in st.session_state:
            st.session_state[prefix + name] = value


# --- small display helpers -------------------------------------------------------------------------


def _vocabulary_label(prefix: str, code: str | None) -> str:
    return label(prefix, code, lang())


def _code_label(prefix: str, code: str | None) -> str:
    """The translation of ``prefix.code``, or the code itself for a code without one."""
    if not code:
        return ""
    key = f"{prefix}.{code}"
    text = tr(key)
    return code if text == key else text


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(rows)


def _relations_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    frame = _frame(rows)
    if not frame.empty:
        frame["direction_label"] = [_code_label("records.direction", d) for d in frame["direction"]]
        frame["kind_label"] = [_code_label("relkind", k) for k in frame["kind"]]
    return frame


def _imports_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    frame = _frame(rows)
    if not frame.empty:
        frame["action_label"] = [_code_label("records.import_action", a) for a in frame["action"]]
        frame["status_label"] = [_code_label("records.batch_status", s) for s in frame["status"]]
    return frame


def _events_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    frame = _frame(rows)
    if not frame.empty:
        frame["action_label"] = [_code_label("records.event", a) for a in frame["action"]]
        frame["summary"] = [_event_summary(a, d) for a, d in zip(frame["action"], frame["details"], strict=True)]
    return frame


def _event_summary(action: str, details: dict[str, Any]) -> str:
    """One line saying what an event changed, in the user's language."""
    if "changes" in details:
        return "; ".join(_change_text(name, old, new) for name, (old, new) in details["changes"].items())
    if action in ("people_merged", "organisations_merged"):
        return tr("contacts.history.merged_from", name=details.get("removed", {}).get("name", ""))
    if action in ("person_merged_into", "organisation_merged_into"):
        return tr("contacts.history.merged_into", name=details.get("kept", {}).get("name", ""))
    if "organisation" in details:
        return str(details["organisation"])
    return ""


def _change_text(name: str, old: Any, new: Any) -> str:
    def shown(value: Any) -> str:
        if name == "org_type":
            return _vocabulary_label("orgtype", value)
        if name == "sector":
            return _vocabulary_label("sector", value)
        if isinstance(value, bool):
            return tr("common.yes") if value else tr("common.no")
        return "–" if value in (None, "") else str(value)

    return f"{tr(f'contacts.field.{name}')}: {shown(old)} → {shown(new)}"


def _shown_as(labels: Mapping[Any, str]) -> Callable[[Any], str]:
    """A format_func that looks up labels translated while drawing.

    Streamlit may call format_func outside the script run (AppTest does, to match a value), where the
    user's language cannot be read; a lookup gives the same text either way.
    """
    return lambda value: labels.get(value, "…")


def _with_blank(choices: Mapping[Any, str], blank_key: str) -> dict[Any, str]:
    """``choices`` with a first "nothing chosen" entry.

    The entry's value is ``BLANK``, not None: a selectbox whose value is None shows its placeholder
    instead of the entry's label.
    """
    return {BLANK: tr(blank_key), **choices}


def _chosen(value: Any) -> Any:
    """The value of a selectbox with a blank entry: None when nothing is chosen."""
    return None if value in (BLANK, None) else value


def _keep_which(key: str) -> None:
    sides = {side: tr(f"contacts.merge.keep_{side}") for side in ("this", "other")}
    st.radio(tr("contacts.merge.keep"), options=list(sides), key=key, horizontal=True, format_func=_shown_as(sides))


def _section(heading_key: str, frame: pd.DataFrame, columns: tuple[Col, ...], empty_key: str) -> None:
    st.markdown(f"**{tr(heading_key)}**")
    show_table(frame, columns, empty_key=empty_key)


# --- choosing the open record ----------------------------------------------------------------------


def _select_from_picker(picker_key: str, target_key: str) -> None:
    st.session_state[target_key] = st.session_state.get(picker_key)


def _record_picker(
    label_key: str, picker_key: str, target_key: str, choices: dict[int, str]
) -> int | None:
    """The "open record" selectbox; also usable without a mouse, and it mirrors the table selection."""
    selected = st.session_state.get(target_key)
    labels = dict(choices)
    if selected is not None and selected not in labels:
        labels[selected] = "…"
    # Set before the widget is drawn: the picker always shows the record that is open, however it was opened.
    st.session_state[picker_key] = selected
    st.selectbox(
        tr(label_key),
        options=list(labels),
        format_func=_shown_as(labels),
        placeholder=tr("contacts.choose"),
        key=picker_key,
        on_change=_select_from_picker,
        args=(picker_key, target_key),
    )
    return selected


# --- people: callbacks -----------------------------------------------------------------------------


def _person_form_prefix(person_id: int) -> str:
    return f"contacts_pform_{person_id}_"


def _save_person(person_id: int) -> None:
    prefix = _person_form_prefix(person_id)
    values = {name: st.session_state.get(prefix + name) for name in PERSON_FORM_FIELDS}
    ok, changed = _change("person", lambda s: records.update_person(s, person_id, values, actor=actor()))
    if ok:
        with database().read() as session:
            details = records.person_details(session, person_id)
        if details is not None:
            _fill_widgets(prefix, _person_form_values(details.fields), replace=True)
        _flash("person", "success", "common.saved" if changed else "contacts.nothing_changed")


def _create_person() -> None:
    prefix = "contacts_new_person_"
    values = {name: st.session_state.get(prefix + name) for name in ("name", "email", "phone", "title")}
    org_id = _chosen(st.session_state.get(prefix + "org"))

    def work(session: Session) -> int:
        person_id = records.create_person(session, values, actor=actor())
        if org_id is not None:
            records.add_affiliation(session, person_id, org_id, actor=actor())
        return person_id

    ok, person_id = _change("new_person", work)
    if ok:
        _fill_widgets(prefix, NEW_PERSON_EMPTY, replace=True)
        st.session_state[PERSON_KEY] = person_id
        _flash("person", "success", "contacts.person_created", name=values["name"])


def _add_affiliation(person_id: int) -> None:
    prefix = f"contacts_aff_{person_id}_"
    org_id = _chosen(st.session_state.get(prefix + "org"))
    if org_id is None:
        _flash("affiliations", "error", error=UserFacingError("contacts.choose_organisation_first"))
        return
    ok, _ = _change("affiliations", lambda s: records.add_affiliation(
        s, person_id, org_id, role=st.session_state.get(prefix + "role"),
        start_date=st.session_state.get(prefix + "start"), actor=actor()))
    if ok:
        _fill_widgets(prefix, AFFILIATION_EMPTY, replace=True)
        _flash("affiliations", "success", "common.saved")


def _end_or_remove_affiliation(person_id: int, remove: bool) -> None:
    affiliation_id = st.session_state.get(f"contacts_aff_pick_{person_id}")
    if affiliation_id is None:
        return
    if remove:
        ok, _ = _change("affiliations", lambda s: records.remove_affiliation(s, affiliation_id, actor=actor()))
    else:
        ok, _ = _change("affiliations", lambda s: records.end_affiliation(s, affiliation_id, actor=actor()))
    if ok:
        _flash("affiliations", "success", "common.saved")


def _merge_person(person_id: int) -> None:
    other_id = _chosen(st.session_state.get(f"contacts_pmerge_{person_id}_other"))
    keep_this = st.session_state.get(f"contacts_pmerge_{person_id}_keep", "this") == "this"
    if other_id is None:
        return
    keep_id, remove_id = (person_id, other_id) if keep_this else (other_id, person_id)
    ok, _ = _change("person_merge", lambda s: records.merge_people(s, keep_id, remove_id, actor=actor()))
    if ok:
        st.session_state[PERSON_KEY] = keep_id
        _fill_widgets(f"contacts_pmerge_{person_id}_", MERGE_EMPTY, replace=True)
        _flash("person", "success", "contacts.merged")


def _delete_person(person_id: int) -> None:
    ok, _ = _change("person_delete", lambda s: records.delete_person(s, person_id, actor=actor()))
    if ok:
        st.session_state.pop(PERSON_KEY, None)
        _flash("people", "success", "contacts.person_deleted")


# --- people: drawing -------------------------------------------------------------------------------


def _people_tab(org_choices: dict[int, str]) -> None:
    _show_flash("people")
    _new_person_form(org_choices)
    search, org_filter, staff_filter = st.columns([2, 1, 1])
    text = search.text_input(tr("contacts.people.search"), key="contacts_people_search",
                             placeholder=tr("contacts.people.search_hint"))
    org_labels = _with_blank(org_choices, "common.all")
    org_id = _chosen(org_filter.selectbox(tr("contacts.people.filter_org"), options=list(org_labels),
                                          key="contacts_people_org", format_func=_shown_as(org_labels)))
    staff_labels = {code: tr(f"contacts.people.staff_{code}") for code in ("all", "staff", "external")}
    staff = staff_filter.selectbox(tr("contacts.people.filter_staff"), options=list(staff_labels),
                                   key="contacts_people_staff", format_func=_shown_as(staff_labels))
    is_staff = {"staff": True, "external": False}.get(staff)
    if org_id not in org_choices:
        org_id = None  # e.g. the organisation was merged away since the filter was chosen
    with database().read() as session:
        people = records.search_people(session, text, organisation_id=org_id, is_staff=is_staff)
    st.caption(tr("contacts.people.count", count=len(people)))
    ids = [int(i) for i in people["id"]]
    rows = show_table(people, PEOPLE_COLUMNS, key=PEOPLE_TABLE, selectable=True,
                      empty_key="contacts.people.none_found")
    chosen = newly_selected(rows, ids, PEOPLE_TABLE_SEEN)
    if chosen is not None:
        st.session_state[PERSON_KEY] = chosen
    choices = {int(pid): _person_choice_label(name, email) for pid, name, email in
               zip(people["id"], people["name"], people["email"], strict=True)}
    person_id = _record_picker("contacts.people.open", PERSON_PICKER, PERSON_KEY, _with_open_person(choices))
    if person_id is not None:
        _person_record(person_id, org_choices)


def _person_choice_label(name: str, email: str | None) -> str:
    return f"{name} ({email})" if isinstance(email, str) and email else name


def _with_open_person(choices: dict[int, str]) -> dict[int, str]:
    """The search results plus the open person, who may be filtered out by the current search."""
    selected = st.session_state.get(PERSON_KEY)
    if selected is None or selected in choices:
        return choices
    with database().read() as session:
        person = session.get(Person, selected)
        if person is None:
            return choices
        return {**choices, selected: _person_choice_label(person.name, person.email)}


def _new_person_form(org_choices: dict[int, str]) -> None:
    prefix = "contacts_new_person_"
    with st.expander(tr("contacts.people.add"), expanded=False):
        _show_flash("new_person")
        with st.form("contacts_new_person_form", border=False):
            st.text_input(tr("contacts.field.name"), key=prefix + "name")
            st.text_input(tr("contacts.field.email"), key=prefix + "email")
            st.text_input(tr("contacts.field.phone"), key=prefix + "phone")
            st.text_input(tr("contacts.field.title"), key=prefix + "title")
            org_labels = _with_blank(org_choices, "common.none")
            st.selectbox(tr("contacts.field.organisation"), options=list(org_labels), key=prefix + "org",
                         format_func=_shown_as(org_labels))
            st.form_submit_button(tr("contacts.people.add_button"), on_click=_create_person, type="primary",
                                  key="contacts_new_person_submit")


def _person_record(person_id: int, org_choices: dict[int, str]) -> None:
    with database().read() as session:
        details = records.person_details(session, person_id)
    if details is None:
        st.session_state.pop(PERSON_KEY, None)
        st.info(tr("contacts.record_gone"))
        return
    fields = details.fields
    st.divider()
    st.subheader(escape_markdown(fields["name"]))
    _show_flash("person")
    _person_form(person_id, fields)
    _other_contact_values(fields)
    _person_affiliations(person_id, details.affiliations, org_choices)
    _section("contacts.relations", _relations_frame(details.relations), RELATION_COLUMNS, "contacts.no_relations")
    _section("contacts.imports", _imports_frame(details.imports), IMPORT_COLUMNS, "contacts.no_imports")
    _section("contacts.history", _events_frame(details.events), EVENT_COLUMNS, "contacts.no_history")
    _person_merge(person_id)
    _person_delete(person_id, fields["name"])


def _person_form(person_id: int, fields: dict[str, Any]) -> None:
    prefix = _person_form_prefix(person_id)
    _fill_widgets(prefix, _person_form_values(fields))
    with st.form(f"contacts_person_form_{person_id}"):
        st.text_input(tr("contacts.field.name"), key=prefix + "name")
        left, right = st.columns(2)
        left.text_input(tr("contacts.field.email"), key=prefix + "email")
        right.text_input(tr("contacts.field.phone"), key=prefix + "phone", help=tr("contacts.phone_help"))
        st.text_input(tr("contacts.field.title"), key=prefix + "title")
        st.text_area(tr("contacts.field.notes"), key=prefix + "notes")
        st.checkbox(tr("contacts.field.is_staff"), key=prefix + "is_staff")
        st.form_submit_button(tr("common.save"), on_click=_save_person, args=(person_id,), type="primary",
                              key=f"contacts_person_save_{person_id}")


def _person_form_values(fields: Mapping[str, Any]) -> dict[str, Any]:
    """What the edit form shows for a stored person."""
    values: dict[str, Any] = {name: fields[name] or "" for name in PERSON_FORM_FIELDS if name != "is_staff"}
    values["is_staff"] = bool(fields["is_staff"])
    return values


def _other_contact_values(fields: dict[str, Any]) -> None:
    if fields.get("other_emails"):
        st.caption(tr("contacts.other_emails", values=escape_markdown("; ".join(fields["other_emails"]))))
    if fields.get("other_phones"):
        st.caption(tr("contacts.other_phones", values=escape_markdown("; ".join(fields["other_phones"]))))


def _person_affiliations(person_id: int, affiliations: list[dict[str, Any]], org_choices: dict[int, str]) -> None:
    _section("contacts.affiliations", _frame(affiliations), PERSON_AFFILIATION_COLUMNS, "contacts.no_affiliations")
    _show_flash("affiliations")
    with st.expander(tr("contacts.affiliations.change")):
        _add_affiliation_form(person_id, org_choices)
        if affiliations:
            _end_affiliation_controls(person_id, affiliations)


def _add_affiliation_form(person_id: int, org_choices: dict[int, str]) -> None:
    prefix = f"contacts_aff_{person_id}_"
    with st.form(f"contacts_aff_form_{person_id}", border=False):
        org_labels = _with_blank(org_choices, "contacts.choose")
        st.selectbox(tr("contacts.field.organisation"), options=list(org_labels), key=prefix + "org",
                     format_func=_shown_as(org_labels))
        left, right = st.columns(2)
        left.text_input(tr("contacts.field.role"), key=prefix + "role")
        right.date_input(tr("contacts.field.start_date"), value=None, key=prefix + "start",
                         format=date_input_format(), min_value=EARLIEST_DATE, max_value=LATEST_DATE)
        st.form_submit_button(tr("contacts.affiliations.add"), on_click=_add_affiliation, args=(person_id,),
                              key=f"contacts_aff_add_{person_id}")


def _end_affiliation_controls(person_id: int, affiliations: list[dict[str, Any]]) -> None:
    names = {a["affiliation_id"]: a["organisation"] for a in affiliations}
    st.selectbox(tr("contacts.affiliations.pick"), options=list(names), key=f"contacts_aff_pick_{person_id}",
                 format_func=_shown_as(names))
    left, right = st.columns(2)
    left.button(tr("contacts.affiliations.end"), key=f"contacts_aff_end_{person_id}",
                on_click=_end_or_remove_affiliation, args=(person_id, False), help=tr("contacts.affiliations.end_help"))
    right.button(tr("contacts.affiliations.remove"), key=f"contacts_aff_remove_{person_id}",
                 on_click=_end_or_remove_affiliation, args=(person_id, True),
                 help=tr("contacts.affiliations.remove_help"))


def _person_merge(person_id: int) -> None:
    prefix = f"contacts_pmerge_{person_id}_"
    with st.expander(tr("contacts.merge.person_heading")):
        _show_flash("person_merge")
        st.caption(tr("contacts.merge.person_help"))
        with database().read() as session:
            others = {pid: text for pid, text in records.person_choices(session) if pid != person_id}
        other_labels = _with_blank(others, "contacts.choose")
        other_id = _chosen(st.selectbox(tr("contacts.merge.other_person"), options=list(other_labels),
                                        key=prefix + "other", format_func=_shown_as(other_labels)))
        _keep_which(prefix + "keep")
        confirmed = st.checkbox(tr("contacts.merge.confirm"), key=prefix + "confirm")
        st.button(tr("contacts.merge.button"), key=prefix + "button", type="primary",
                  disabled=other_id is None or not confirmed, on_click=_merge_person, args=(person_id,))


def _person_delete(person_id: int, name: str) -> None:
    with st.expander(tr("contacts.delete.person_heading")):
        _show_flash("person_delete")
        st.caption(tr("contacts.delete.person_help"))
        confirmed = st.checkbox(tr("contacts.delete.confirm", name=escape_markdown(name)),
                                key=f"contacts_pdelete_{person_id}_confirm")
        st.button(tr("contacts.delete.button"), key=f"contacts_pdelete_{person_id}_button", disabled=not confirmed,
                  on_click=_delete_person, args=(person_id,))


# --- organisations: callbacks ----------------------------------------------------------------------


def _org_form_prefix(org_id: int) -> str:
    return f"contacts_oform_{org_id}_"


def _save_organisation(org_id: int) -> None:
    prefix = _org_form_prefix(org_id)
    values = {name: st.session_state.get(prefix + name) for name in ORG_FORM_FIELDS}
    ok, changed = _change("organisation", lambda s: records.update_organisation(s, org_id, values, actor=actor()))
    if ok:
        with database().read() as session:
            details = records.organisation_details(session, org_id)
        if details is not None:
            _fill_widgets(prefix, _organisation_form_values(details.fields), replace=True)
        _flash("organisation", "success", "common.saved" if changed else "contacts.nothing_changed")


def _create_organisation() -> None:
    prefix = "contacts_new_org_"
    values = {name: st.session_state.get(prefix + name) for name in ("name", "org_type", "sector", "website")}
    ok, org_id = _change("new_org", lambda s: records.create_organisation(s, values, actor=actor()))
    if ok:
        _fill_widgets(prefix, NEW_ORGANISATION_EMPTY, replace=True)
        st.session_state[ORG_KEY] = org_id
        _flash("organisation", "success", "contacts.organisation_created", name=values["name"])


def _merge_organisation(org_id: int) -> None:
    other_id = _chosen(st.session_state.get(f"contacts_omerge_{org_id}_other"))
    keep_this = st.session_state.get(f"contacts_omerge_{org_id}_keep", "this") == "this"
    if other_id is None:
        return
    keep_id, remove_id = (org_id, other_id) if keep_this else (other_id, org_id)
    ok, _ = _change("org_merge", lambda s: records.merge_organisations(s, keep_id, remove_id, actor=actor()))
    if ok:
        st.session_state[ORG_KEY] = keep_id
        _fill_widgets(f"contacts_omerge_{org_id}_", MERGE_EMPTY, replace=True)
        _flash("organisation", "success", "contacts.merged")


def _delete_organisation(org_id: int) -> None:
    ok, _ = _change("org_delete", lambda s: records.delete_organisation(s, org_id, actor=actor()))
    if ok:
        st.session_state.pop(ORG_KEY, None)
        _flash("organisations", "success", "contacts.organisation_deleted")


# --- organisations: drawing ------------------------------------------------------------------------


def _type_labels(blank_key: str) -> dict[str, str]:
    return _with_blank({code: _vocabulary_label("orgtype", code) for code in ORGANISATION_TYPES}, blank_key)


def _sector_labels(blank_key: str) -> dict[str, str]:
    return _with_blank({code: _vocabulary_label("sector", code) for code in SECTORS}, blank_key)


def _organisations_tab(org_choices: dict[int, str]) -> None:
    _show_flash("organisations")
    _new_organisation_form()
    search, type_filter, sector_filter = st.columns([2, 1, 1])
    text = search.text_input(tr("contacts.orgs.search"), key="contacts_orgs_search",
                             placeholder=tr("contacts.orgs.search_hint"))
    type_labels, sector_labels = _type_labels("common.all"), _sector_labels("common.all")
    org_type = type_filter.selectbox(tr("contacts.field.org_type"), options=list(type_labels),
                                     key="contacts_orgs_type", format_func=_shown_as(type_labels))
    sector = sector_filter.selectbox(tr("contacts.field.sector"), options=list(sector_labels),
                                     key="contacts_orgs_sector", format_func=_shown_as(sector_labels))
    with database().read() as session:
        organisations = records.search_organisations(session, text, org_type=_chosen(org_type),
                                                     sector=_chosen(sector))
    organisations["type_label"] = [_vocabulary_label("orgtype", c) for c in organisations["org_type"]]
    organisations["sector_label"] = [_vocabulary_label("sector", c) for c in organisations["sector"]]
    st.caption(tr("contacts.orgs.count", count=len(organisations)))
    ids = [int(i) for i in organisations["id"]]
    rows = show_table(organisations, ORG_COLUMNS, key=ORG_TABLE, selectable=True,
                      empty_key="contacts.orgs.none_found")
    chosen = newly_selected(rows, ids, ORG_TABLE_SEEN)
    if chosen is not None:
        st.session_state[ORG_KEY] = chosen
    choices = {int(oid): name for oid, name in zip(organisations["id"], organisations["name"], strict=True)}
    selected = st.session_state.get(ORG_KEY)
    if selected is not None and selected not in choices and selected in org_choices:
        choices[selected] = org_choices[selected]
    org_id = _record_picker("contacts.orgs.open", ORG_PICKER, ORG_KEY, choices)
    if org_id is not None:
        _organisation_record(org_id)


def _new_organisation_form() -> None:
    prefix = "contacts_new_org_"
    with st.expander(tr("contacts.orgs.add"), expanded=False):
        _show_flash("new_org")
        with st.form("contacts_new_org_form", border=False):
            st.text_input(tr("contacts.field.name"), key=prefix + "name")
            left, right = st.columns(2)
            type_labels, sector_labels = _type_labels("common.none"), _sector_labels("common.none")
            left.selectbox(tr("contacts.field.org_type"), options=list(type_labels), key=prefix + "org_type",
                           format_func=_shown_as(type_labels))
            right.selectbox(tr("contacts.field.sector"), options=list(sector_labels), key=prefix + "sector",
                            format_func=_shown_as(sector_labels))
            st.text_input(tr("contacts.field.website"), key=prefix + "website")
            st.form_submit_button(tr("contacts.orgs.add_button"), on_click=_create_organisation, type="primary",
                                  key="contacts_new_org_submit")


def _organisation_record(org_id: int) -> None:
    with database().read() as session:
        details = records.organisation_details(session, org_id)
    if details is None:
        st.session_state.pop(ORG_KEY, None)
        st.info(tr("contacts.record_gone"))
        return
    fields = details.fields
    st.divider()
    st.subheader(escape_markdown(fields["name"]))
    _show_flash("organisation")
    _organisation_form(org_id, fields)
    _section("contacts.orgs.people", _frame(details.affiliations), ORG_PEOPLE_COLUMNS, "contacts.orgs.no_people")
    _section("contacts.relations", _relations_frame(details.relations), RELATION_COLUMNS, "contacts.no_relations")
    _section("contacts.imports", _imports_frame(details.imports), IMPORT_COLUMNS, "contacts.no_imports")
    _section("contacts.history", _events_frame(details.events), EVENT_COLUMNS, "contacts.no_history")
    _organisation_merge(org_id)
    _organisation_delete(org_id, fields["name"])


def _organisation_form(org_id: int, fields: dict[str, Any]) -> None:
    prefix = _org_form_prefix(org_id)
    type_labels, sector_labels = _type_labels("common.none"), _sector_labels("common.none")
    _fill_widgets(prefix, _organisation_form_values(fields))
    with st.form(f"contacts_org_form_{org_id}"):
        st.text_input(tr("contacts.field.name"), key=prefix + "name")
        left, right = st.columns(2)
        left.selectbox(tr("contacts.field.org_type"), options=list(type_labels), key=prefix + "org_type",
                       format_func=_shown_as(type_labels))
        right.selectbox(tr("contacts.field.sector"), options=list(sector_labels), key=prefix + "sector",
                        format_func=_shown_as(sector_labels))
        left.text_input(tr("contacts.field.website"), key=prefix + "website")
        right.text_input(tr("contacts.field.area"), key=prefix + "area")
        st.text_area(tr("contacts.field.notes"), key=prefix + "notes")
        st.form_submit_button(tr("common.save"), on_click=_save_organisation, args=(org_id,), type="primary",
                              key=f"contacts_org_save_{org_id}")


def _organisation_form_values(fields: Mapping[str, Any]) -> dict[str, Any]:
    """What the edit form shows for a stored organisation (a code outside the vocabulary shows as blank)."""
    values: dict[str, Any] = {name: fields[name] or "" for name in ("name", "website", "area", "notes")}
    values["org_type"] = fields["org_type"] if fields["org_type"] in ORGANISATION_TYPES else BLANK
    values["sector"] = fields["sector"] if fields["sector"] in SECTORS else BLANK
    return values


def _organisation_merge(org_id: int) -> None:
    prefix = f"contacts_omerge_{org_id}_"
    with st.expander(tr("contacts.merge.org_heading")):
        _show_flash("org_merge")
        st.caption(tr("contacts.merge.org_help"))
        with database().read() as session:
            others = {oid: name for oid, name in records.organisation_choices(session) if oid != org_id}
        other_labels = _with_blank(others, "contacts.choose")
        other_id = _chosen(st.selectbox(tr("contacts.merge.other_org"), options=list(other_labels),
                                        key=prefix + "other", format_func=_shown_as(other_labels)))
        _keep_which(prefix + "keep")
        confirmed = st.checkbox(tr("contacts.merge.confirm"), key=prefix + "confirm")
        st.button(tr("contacts.merge.button"), key=prefix + "button", type="primary",
                  disabled=other_id is None or not confirmed, on_click=_merge_organisation, args=(org_id,))


def _organisation_delete(org_id: int, name: str) -> None:
    with st.expander(tr("contacts.delete.org_heading")):
        _show_flash("org_delete")
        st.caption(tr("contacts.delete.org_help"))
        confirmed = st.checkbox(tr("contacts.delete.confirm", name=escape_markdown(name)),
                                key=f"contacts_odelete_{org_id}_confirm")
        st.button(tr("contacts.delete.button"), key=f"contacts_odelete_{org_id}_button", disabled=not confirmed,
                  on_click=_delete_organisation, args=(org_id,))


# --- possible duplicates ---------------------------------------------------------------------------


def _merge_candidate(candidate_id: int, person_a_id: int, person_b_id: int) -> None:
    keep_a = st.session_state.get(f"contacts_dup_{candidate_id}_keep", "a") == "a"
    keep_id, remove_id = (person_a_id, person_b_id) if keep_a else (person_b_id, person_a_id)
    ok, _ = _change("duplicates", lambda s: records.merge_people(s, keep_id, remove_id, actor=actor()))
    if ok:
        if st.session_state.get(PERSON_KEY) == remove_id:
            st.session_state[PERSON_KEY] = keep_id
        _flash("duplicates", "success", "contacts.merged")


def _dismiss_candidate(candidate_id: int) -> None:
    ok, _ = _change("duplicates", lambda s: records.dismiss_duplicate(s, candidate_id, actor=actor()))
    if ok:
        _flash("duplicates", "success", "contacts.dup.dismissed")


def _scan_for_duplicates() -> None:
    ok, found = _change("duplicates", lambda s: records.queue_near_duplicates(s, actor=actor()))
    if ok:
        _flash("duplicates", "success", "contacts.dup.scanned", count=found)


def _duplicates_tab(duplicates: pd.DataFrame) -> None:
    _show_flash("duplicates")
    st.caption(tr("contacts.dup.intro"))
    st.button(tr("contacts.dup.scan"), key="contacts_dup_scan", on_click=_scan_for_duplicates,
              help=tr("contacts.dup.scan_help"))
    if duplicates.empty:
        st.info(tr("contacts.dup.none"))
        return
    if len(duplicates) > DUPLICATES_SHOWN:
        st.caption(tr("contacts.dup.showing", shown=DUPLICATES_SHOWN, total=len(duplicates)))
    for row in duplicates.head(DUPLICATES_SHOWN).to_dict("records"):
        _duplicate_card(row)


def _duplicate_card(row: dict[str, Any]) -> None:
    candidate_id, a_id, b_id = int(row["id"]), int(row["person_a_id"]), int(row["person_b_id"])
    with st.container(border=True):
        rule = tr(f"records.rule.{row['rule']}")
        st.markdown(f"**{rule}** · {tr('contacts.dup.score', score=row['score'])}")
        st.dataframe(_comparison_frame(row), hide_index=True, placeholder="")
        sides = {side: tr(f"contacts.dup.keep_{side}", name=escape_markdown(row[f"person_{side}_name"]))
                 for side in ("a", "b")}
        st.radio(tr("contacts.dup.keep"), options=list(sides), key=f"contacts_dup_{candidate_id}_keep",
                 horizontal=True, format_func=_shown_as(sides))
        left, right = st.columns(2)
        left.button(tr("contacts.dup.merge"), key=f"contacts_dup_{candidate_id}_merge", type="primary",
                    on_click=_merge_candidate, args=(candidate_id, a_id, b_id))
        right.button(tr("contacts.dup.dismiss"), key=f"contacts_dup_{candidate_id}_dismiss",
                     on_click=_dismiss_candidate, args=(candidate_id,))


def _comparison_frame(row: dict[str, Any]) -> pd.DataFrame:
    """The two people side by side, one line per field (A left, B right)."""
    fields = ("name", "email", "phone", "organisations")
    return pd.DataFrame({
        tr("contacts.dup.field"): [tr(f"contacts.field.{name}") for name in fields],
        "A": [row[f"person_a_{name}"] or "" for name in fields],
        "B": [row[f"person_b_{name}"] or "" for name in fields],
    })


# --- the page --------------------------------------------------------------------------------------


def _empty_workspace_hint() -> None:
    st.info(tr("contacts.empty", import_page=tr("nav.import"), overview_page=tr("nav.overview")))
    try:
        st.page_link("pages/importer.py", label=tr("contacts.go_import"), icon="📥")
    except StreamlitAPIException:
        pass  # the page runs on its own (tests, a single-page start): the text above still says where to go


def _remember_tab(labels: dict[str, str]) -> None:
    """The user opened a tab: keep which one, by name rather than by its (changing) label."""
    opened = st.session_state.get(TAB_KEY)
    for name, text in labels.items():
        if text == opened:
            st.session_state[ACTIVE_TAB] = name


def _forget_translated_choices() -> None:
    """After a language switch, make widgets with translated option labels show the new language.

    The browser keeps showing the label a choice had when it was made ("Alle" on an English page)
    until the value is sent again; assigning the same value through session state does that.
    """
    if st.session_state.get(SHOWN_LANGUAGE) == lang():
        return
    st.session_state[SHOWN_LANGUAGE] = lang()
    for key in list(st.session_state):
        if isinstance(key, str) and key.startswith("contacts_") and key.endswith(TRANSLATED_CHOICE_ENDINGS):
            st.session_state[key] = st.session_state[key]


def _render_page() -> None:
    _forget_translated_choices()
    st.title(tr("contacts.title"))
    with database().read() as session:
        counts = workspace_counts(session)
        duplicates = records.open_duplicates(session)
        org_choices = dict(records.organisation_choices(session))
    if counts["people"] == 0 and counts["organisations"] == 0:
        _empty_workspace_hint()
    labels = {
        "people": tr("contacts.tab.people"),
        "organisations": tr("contacts.tab.organisations"),
        "duplicates": tr("contacts.tab.duplicates", count=len(duplicates)),
    }
    # The duplicates label carries a count, and Streamlit shows the first tab again when a label
    # changes; so the open tab is remembered by name and chosen again, e.g. after a merge.
    st.session_state[TAB_KEY] = labels[st.session_state.get(ACTIVE_TAB, "people")]
    people_tab, organisations_tab, duplicates_tab = st.tabs(
        list(labels.values()), key=TAB_KEY, on_change=_remember_tab, args=(labels,)
    )
    with people_tab:
        _people_tab(org_choices)
    with organisations_tab:
        _organisations_tab(org_choices)
    with duplicates_tab:
        _duplicates_tab(duplicates)


_render_page()
