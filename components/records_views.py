"""Pieces of the contacts page: a person or an organisation found, opened, edited, merged or deleted.

People and organisations are shown the same way except for their own fields. :class:`RecordKind`
holds what tells them apart (lib functions, widget keys, translation-key prefixes), so the add and edit
forms, the picker, the history tables, the merge and delete sections and their callbacks exist once.
What a view shows is read by ``lib.contacts.page`` (one call, its own read); the review of possible
duplicates is in ``components.people_duplicates_views`` and ``components.organisation_duplicates_views``.

Every change runs in a button callback, before the page is drawn, so the tables always show what is
stored. Messages from a callback are kept in session state ("flash") and shown where the user acted.
The open person and organisation are kept in their own session-state keys: Streamlit drops the state
of widgets on a page the user leaves, so a widget key alone would forget the open record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components.context import actor, database, lang, tr
from components.feedback import Messages
from components.safe_markdown import escape_markdown, tr_md
from components.tables import Col, date_input_format, newly_selected, show_table, titled_table
from components.widgets import BLANK, blank_to_none, sector_labels, shown_as, type_labels, with_blank
from lib import contacts
from lib.contacts import page as contacts_page
from lib.core.errors import UserFacingError
from lib.core.normalize import display_phones
from lib.ingest.entered_people import create_person_from_form
from lib.library.staff import STAFF_ROLES

FLASH_KEY = "contacts_flash"
#: What the affiliation and merge forms show once their work is done: empty again.
AFFILIATION_EMPTY = {"org": BLANK, "role": "", "start": None}
MERGE_EMPTY = {"find": "", "other": BLANK, "confirm": False}
ORG_FORM_FIELDS = (
    "name",
    "org_type",
    "sector",
    "website",
    "area",
    "cvr",
    "notes",
    "remember_org_type",
    "remember_sector",
)
#: Dates a user may pick for an affiliation (the widget's own default only reaches ten years back).
EARLIEST_DATE, LATEST_DATE = dt.date(1900, 1, 1), dt.date(2100, 12, 31)

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


# --- messages that outlive a rerun, and changes that may fail --------------------------------------


MESSAGES = Messages(FLASH_KEY, "contacts")
flash = MESSAGES.flash
show_flash = MESSAGES.show
change = MESSAGES.change


def _fill_widgets(prefix: str, values: Mapping[str, Any], *, replace: bool = False) -> None:
    """Put ``values`` into the widgets ``prefix + name``: only where empty, or all with ``replace``.

    Form widgets get their values this way rather than through ``value=``: assigning through session
    state is what makes the browser show a new value (the cleaned one after a save, an empty form after
    adding); a changed ``value=`` or deleted state leaves the browser showing what was typed.
    """
    for name, value in values.items():
        if replace or prefix + name not in st.session_state:
            st.session_state[prefix + name] = value


# --- what tells a person from an organisation ------------------------------------------------------


@dataclass(frozen=True)
class RecordKind:
    """Everything the shared views need to know about one kind of record.

    Widget keys and flash slots are built from ``word`` and must not change (tests and users' open
    sessions depend on them): with ``word="person"`` the open record's edit form is
    ``contacts_pform_<id>_*``, merging ``contacts_pmerge_<id>_*``, deleting ``contacts_pdelete_<id>_*``,
    the add form ``contacts_new_person_*``, the picker ``contacts_person_picker``.
    """

    #: "person" | "organisation": the flash slot of the open record; in "contacts.<entity>_created".
    entity: str
    #: "people" | "organisations": the flash slot of the tab, where a deletion is reported.
    plural: str
    #: "person" | "org": in widget keys and in "contacts.merge.<word>_heading" and the like.
    word: str
    #: Prefix of the tab's translation keys ("contacts.people" | "contacts.orgs").
    texts: str
    search_key: str
    table_key: str
    #: Columns of the search-result table.
    columns: tuple[Col, ...]
    #: Columns of a search result that make the picker's label, and how.
    choice_columns: tuple[str, ...]
    choice_label: Callable[..., str]
    #: Fields of the edit form, and what it shows for a stored record.
    form_fields: tuple[str, ...]
    form_values: Callable[[Mapping[str, Any]], dict[str, Any]]
    #: The add form when empty; its names are the fields read from it.
    new_empty: Mapping[str, Any]
    create: Callable[..., int]
    update: Callable[..., list[str]]
    merge: Callable[..., None]
    delete: Callable[..., None]

    @property
    def open_key(self) -> str:
        """Session-state key of the open record's id."""
        return f"contacts_{self.word}_id"

    @property
    def picker_key(self) -> str:
        """Widget key of the "open a record" selectbox."""
        return f"contacts_{self.word}_picker"

    @property
    def new_prefix(self) -> str:
        """Prefix of the add form's widget keys."""
        return f"contacts_new_{self.word}_"

    def record_prefix(self, section: str, record_id: int) -> str:
        """Prefix of the widget keys of a ``section`` (form, merge, delete) of an open record."""
        return f"contacts_{self.word[0]}{section}_{record_id}_"


PERSON = RecordKind(
    entity="person",
    plural="people",
    word="person",
    texts="contacts.people",
    search_key="contacts_people_search",
    table_key="contacts_people_table",
    columns=(
        Col("name", "contacts.field.name"),
        Col("email", "contacts.field.email"),
        Col("phone", "contacts.field.phone", "phone"),
        Col("title", "contacts.field.title"),
        Col("organisations", "contacts.field.organisations"),
        Col("is_staff", "contacts.field.is_staff", "bool"),
        Col("updated_at", "contacts.field.updated_at", "datetime"),
    ),
    choice_columns=("name", "email"),
    choice_label=contacts.person_choice_label,
    form_fields=contacts_page.PERSON_FORM_FIELDS,
    form_values=contacts_page.person_form_values,
    new_empty={
        "name": "",
        "email": "",
        "phone": "",
        "title": "",
        "org": BLANK,
        "is_staff": False,
        "team": "",
        "staff_role": BLANK,
    },
    create=create_person_from_form,
    update=contacts.update_person,
    merge=contacts.merge_people,
    delete=contacts.delete_person,
)

ORGANISATION = RecordKind(
    entity="organisation",
    plural="organisations",
    word="org",
    texts="contacts.orgs",
    search_key="contacts_orgs_search",
    table_key="contacts_org_table",
    columns=(
        Col("name", "contacts.field.name"),
        Col("type_label", "contacts.field.org_type"),
        Col("sector_label", "contacts.field.sector"),
        Col("website", "contacts.field.website"),
        Col("area", "contacts.field.area"),
        Col("people", "contacts.field.people_count", "number"),
        Col("relations", "contacts.field.relations_count", "number"),
    ),
    choice_columns=("name",),
    choice_label=str,
    form_fields=ORG_FORM_FIELDS,
    form_values=contacts_page.organisation_form_values,
    new_empty={"name": "", "org_type": BLANK, "sector": BLANK, "website": ""},
    create=contacts.create_organisation,
    update=contacts_page.update_organisation_form,
    merge=contacts.merge_organisations,
    delete=contacts.delete_organisation,
)


# --- callbacks shared by both kinds ----------------------------------------------------------------


def _create_record(kind: RecordKind) -> None:
    prefix = kind.new_prefix
    values = {name: st.session_state.get(prefix + name) for name in kind.new_empty}
    ok, record_id = change(f"new_{kind.word}", lambda s: kind.create(s, values, actor=actor()))
    if ok:
        _fill_widgets(prefix, kind.new_empty, replace=True)
        st.session_state[kind.open_key] = record_id
        flash(kind.entity, "success", f"contacts.{kind.entity}_created", name=values["name"])


def _save_record(kind: RecordKind, record_id: int) -> None:
    prefix = kind.record_prefix("form", record_id)
    values = {name: st.session_state.get(prefix + name) for name in kind.form_fields}
    ok, changed = change(kind.entity, lambda s: kind.update(s, record_id, values, actor=actor()))
    if ok:
        fields = contacts_page.record_fields(database(), kind.entity, record_id)
        if fields is not None:
            _fill_widgets(prefix, kind.form_values(fields), replace=True)
        flash(kind.entity, "success", "common.saved" if changed else "contacts.nothing_changed")


def _merge_record(kind: RecordKind, record_id: int) -> None:
    prefix = kind.record_prefix("merge", record_id)
    other_id = blank_to_none(st.session_state.get(prefix + "other"))
    keep_this = st.session_state.get(prefix + "keep", "this") == "this"
    if other_id is None:
        return
    keep_id, remove_id = (record_id, other_id) if keep_this else (other_id, record_id)
    ok, _ = change(f"{kind.word}_merge", lambda s: kind.merge(s, keep_id, remove_id, actor=actor()))
    if ok:
        st.session_state[kind.open_key] = keep_id
        _fill_widgets(prefix, MERGE_EMPTY, replace=True)
        flash(kind.entity, "success", "contacts.merged")


def _delete_record(kind: RecordKind, record_id: int) -> None:
    ok, _ = change(f"{kind.word}_delete", lambda s: kind.delete(s, record_id, actor=actor()))
    if ok:
        st.session_state.pop(kind.open_key, None)
        flash(kind.plural, "success", f"contacts.{kind.entity}_deleted")


def _open_from_picker(kind: RecordKind) -> None:
    st.session_state[kind.open_key] = st.session_state.get(kind.picker_key)


# --- drawing shared by both kinds ------------------------------------------------------------------


def search_box(kind: RecordKind, column: DeltaGenerator) -> str:
    """The tab's search text input, drawn in ``column``; returns what was typed."""
    return column.text_input(
        tr(f"{kind.texts}.search"), key=kind.search_key, placeholder=tr(f"{kind.texts}.search_hint")
    )


def pick_record(kind: RecordKind, hits: contacts.Hits, open_label: Callable[[int], str | None]) -> int | None:
    """The search results as a table and an "open" selectbox; returns the id of the open record, if any.

    Selecting a table row opens its record. The selectbox opens one without a mouse and always shows the
    open record, labelled by ``open_label`` (None: gone) when the current search leaves it out. When
    more matched than the table shows (``contacts_page.SHOWN_ROWS``), it says so and asks for more words.
    """
    found = hits.rows
    st.caption(tr_md(f"{kind.texts}.count", count=hits.total))
    if hits.more:
        st.info(tr_md("contacts.search.more", shown=len(found), total=hits.total))
    ids = [int(i) for i in found["id"]]
    rows = show_table(found, kind.columns, key=kind.table_key, selectable=True, empty_key=f"{kind.texts}.none_found")
    picked = newly_selected(rows, ids, kind.table_key + "_seen")
    if picked is not None:
        st.session_state[kind.open_key] = picked
    choices = {
        int(record_id): kind.choice_label(*values)
        for record_id, *values in zip(found["id"], *(found[name] for name in kind.choice_columns), strict=True)
    }
    selected = st.session_state.get(kind.open_key)
    if selected is not None and selected not in choices:
        missing = open_label(selected)
        if missing is not None:
            choices[selected] = missing
    return _record_picker(kind, choices)


def _record_picker(kind: RecordKind, choices: dict[int, str]) -> int | None:
    selected = st.session_state.get(kind.open_key)
    labels = dict(choices)
    if selected is not None and selected not in labels:
        labels[selected] = "…"
    # Set before the widget is drawn: the picker always shows the record that is open, however it was opened.
    st.session_state[kind.picker_key] = selected
    st.selectbox(
        tr(f"{kind.texts}.open"),
        options=list(labels),
        format_func=shown_as(labels),
        placeholder=tr("contacts.choose"),
        key=kind.picker_key,
        on_change=_open_from_picker,
        args=(kind,),
    )
    return selected


def _add_form(kind: RecordKind, draw_fields: Callable[[str], None]) -> None:
    prefix = kind.new_prefix
    with st.expander(tr(f"{kind.texts}.add"), expanded=False):
        show_flash(f"new_{kind.word}")
        with st.form(prefix + "form", border=False):
            draw_fields(prefix)
            st.form_submit_button(
                tr(f"{kind.texts}.add_button"),
                on_click=_create_record,
                args=(kind,),
                type="primary",
                key=prefix + "submit",
            )


def _record_view(kind: RecordKind, record_id: int, own_parts: Callable[[contacts_page.OpenRecord], None]) -> None:
    """The open record: heading, ``own_parts`` (its form and what only this kind has), history, merge, delete."""
    others_text = st.session_state.get(kind.record_prefix("merge", record_id) + "find") or ""
    record = contacts_page.open_record(database(), kind.entity, record_id, lang(), others_text=others_text)
    if record is None:
        st.session_state.pop(kind.open_key, None)
        st.info(tr("contacts.record_gone"))
        return
    name = record.details.fields["name"]
    st.divider()
    st.subheader(escape_markdown(name))
    show_flash(kind.entity)
    own_parts(record)
    titled_table("contacts.relations", record.relations, RELATION_COLUMNS, "contacts.no_relations")
    titled_table("contacts.imports", record.imports, IMPORT_COLUMNS, "contacts.no_imports")
    titled_table("contacts.history", record.events, EVENT_COLUMNS, "contacts.no_history")
    _merge_section(kind, record_id, record.others, record.others_more)
    _delete_section(kind, record_id, name)


def _edit_form(kind: RecordKind, record_id: int, fields: Mapping[str, Any], draw_fields: Callable[[str], None]) -> None:
    prefix = kind.record_prefix("form", record_id)
    _fill_widgets(prefix, kind.form_values(fields))
    with st.form(f"contacts_{kind.word}_form_{record_id}"):
        draw_fields(prefix)
        st.form_submit_button(
            tr("common.save"),
            on_click=_save_record,
            args=(kind, record_id),
            type="primary",
            key=f"contacts_{kind.word}_save_{record_id}",
        )


def _merge_section(kind: RecordKind, record_id: int, others: dict[int, str], more: bool) -> None:
    prefix = kind.record_prefix("merge", record_id)
    with st.expander(tr(f"contacts.merge.{kind.word}_heading")):
        show_flash(f"{kind.word}_merge")
        st.caption(tr(f"contacts.merge.{kind.word}_help"))
        # The list below holds what this search finds (read by _record_view before the page is drawn).
        st.text_input(
            tr("contacts.search.merge_find"), key=prefix + "find", placeholder=tr(f"{kind.texts}.search_hint")
        )
        if more:
            st.caption(tr("contacts.search.merge_more", shown=len(others)))
        other_labels = with_blank(others, "contacts.choose")
        other_id = blank_to_none(
            st.selectbox(
                tr(f"contacts.merge.other_{kind.word}"),
                options=list(other_labels),
                placeholder=tr("widget.choose_one"),
                key=prefix + "other",
                format_func=shown_as(other_labels),
            )
        )
        sides = {side: tr(f"contacts.merge.keep_{side}") for side in ("this", "other")}
        st.radio(
            tr("contacts.merge.keep"),
            options=list(sides),
            key=prefix + "keep",
            horizontal=True,
            format_func=shown_as(sides),
        )
        confirmed = st.checkbox(tr("contacts.merge.confirm"), key=prefix + "confirm")
        st.button(
            tr("contacts.merge.button"),
            key=prefix + "button",
            type="primary",
            disabled=other_id is None or not confirmed,
            on_click=_merge_record,
            args=(kind, record_id),
        )


def _delete_section(kind: RecordKind, record_id: int, name: str) -> None:
    prefix = kind.record_prefix("delete", record_id)
    with st.expander(tr(f"contacts.delete.{kind.word}_heading")):
        show_flash(f"{kind.word}_delete")
        st.caption(tr(f"contacts.delete.{kind.word}_help"))
        confirmed = st.checkbox(tr_md("contacts.delete.confirm", name=name), key=prefix + "confirm")
        st.button(
            tr("contacts.delete.button"),
            key=prefix + "button",
            disabled=not confirmed,
            on_click=_delete_record,
            args=(kind, record_id),
        )


# --- people ----------------------------------------------------------------------------------------


def add_person_form(org_choices: dict[int, str]) -> None:
    """The folded-away form that adds a person, optionally at one organisation."""

    def fields(prefix: str) -> None:
        st.text_input(tr("contacts.field.name"), key=prefix + "name")
        st.text_input(tr("contacts.field.email"), key=prefix + "email")
        st.text_input(tr("contacts.field.phone"), key=prefix + "phone")
        st.text_input(tr("contacts.field.title"), key=prefix + "title")
        org_labels = with_blank(org_choices, "common.none")
        st.selectbox(
            tr("contacts.field.organisation"),
            options=list(org_labels),
            placeholder=tr("widget.choose_one"),
            key=prefix + "org",
            format_func=shown_as(org_labels),
        )
        st.checkbox(tr("contacts.new.is_staff"), key=prefix + "is_staff", help=tr("contacts.new.staff_help"))
        team, role = st.columns(2)
        team.text_input(tr("contacts.new.team"), key=prefix + "team")
        role_labels = with_blank({code: tr(f"organisation.role.{code}") for code in STAFF_ROLES}, "common.none")
        role.selectbox(
            tr("contacts.new.staff_role"),
            options=list(role_labels),
            placeholder=tr("widget.choose_one"),
            key=prefix + "staff_role",
            format_func=shown_as(role_labels),
        )

    _add_form(PERSON, fields)


def open_person(person_id: int, org_choices: dict[int, str]) -> None:
    """The open person: edit form, other e-mails and phones, affiliations, history, merge and delete."""

    def own_parts(record: contacts_page.OpenRecord) -> None:
        _edit_form(PERSON, person_id, record.details.fields, _person_fields)
        _other_contact_values(record.details.fields)
        _person_affiliations(person_id, record.details.affiliations, org_choices)

    _record_view(PERSON, person_id, own_parts)


def _person_fields(prefix: str) -> None:
    st.text_input(tr("contacts.field.name"), key=prefix + "name")
    left, right = st.columns(2)
    left.text_input(tr("contacts.field.email"), key=prefix + "email")
    right.text_input(tr("contacts.field.phone"), key=prefix + "phone", help=tr("contacts.phone_help"))
    st.text_input(tr("contacts.field.title"), key=prefix + "title")
    st.text_area(tr("contacts.field.notes"), key=prefix + "notes")
    st.checkbox(tr("contacts.field.is_staff"), key=prefix + "is_staff")


def _other_contact_values(fields: dict[str, Any]) -> None:
    if fields.get("other_emails"):
        st.caption(tr_md("contacts.other_emails", values="; ".join(fields["other_emails"])))
    if fields.get("other_phones"):
        st.caption(tr_md("contacts.other_phones", values="; ".join(display_phones(fields["other_phones"]))))


def _person_affiliations(person_id: int, affiliations: list[dict[str, Any]], org_choices: dict[int, str]) -> None:
    titled_table(
        "contacts.affiliations", pd.DataFrame(affiliations), PERSON_AFFILIATION_COLUMNS, "contacts.no_affiliations"
    )
    show_flash("affiliations")
    with st.expander(tr("contacts.affiliations.change")):
        _add_affiliation_form(person_id, org_choices)
        if affiliations:
            _end_affiliation_controls(person_id, affiliations)


def _add_affiliation_form(person_id: int, org_choices: dict[int, str]) -> None:
    prefix = f"contacts_aff_{person_id}_"
    with st.form(f"contacts_aff_form_{person_id}", border=False):
        org_labels = with_blank(org_choices, "contacts.choose")
        st.selectbox(
            tr("contacts.field.organisation"),
            options=list(org_labels),
            placeholder=tr("widget.choose_one"),
            key=prefix + "org",
            format_func=shown_as(org_labels),
        )
        left, right = st.columns(2)
        left.text_input(tr("contacts.field.role"), key=prefix + "role")
        right.date_input(
            tr("contacts.field.start_date"),
            value=None,
            key=prefix + "start",
            format=date_input_format(),
            min_value=EARLIEST_DATE,
            max_value=LATEST_DATE,
        )
        st.form_submit_button(
            tr("contacts.affiliations.add"),
            on_click=_add_affiliation,
            args=(person_id,),
            key=f"contacts_aff_add_{person_id}",
        )


def _end_affiliation_controls(person_id: int, affiliations: list[dict[str, Any]]) -> None:
    names = {a["affiliation_id"]: a["organisation"] for a in affiliations}
    st.selectbox(
        tr("contacts.affiliations.pick"),
        options=list(names),
        placeholder=tr("widget.choose_one"),
        key=f"contacts_aff_pick_{person_id}",
        format_func=shown_as(names),
    )
    left, right = st.columns(2)
    left.button(
        tr("contacts.affiliations.end"),
        key=f"contacts_aff_end_{person_id}",
        on_click=_end_or_remove_affiliation,
        args=(person_id, False),
        help=tr("contacts.affiliations.end_help"),
    )
    right.button(
        tr("contacts.affiliations.remove"),
        key=f"contacts_aff_remove_{person_id}",
        on_click=_end_or_remove_affiliation,
        args=(person_id, True),
        help=tr("contacts.affiliations.remove_help"),
    )


def _add_affiliation(person_id: int) -> None:
    prefix = f"contacts_aff_{person_id}_"
    org_id = blank_to_none(st.session_state.get(prefix + "org"))
    if org_id is None:
        flash("affiliations", "error", error=UserFacingError("contacts.choose_organisation_first"))
        return
    ok, _ = change(
        "affiliations",
        lambda s: contacts.add_affiliation(
            s,
            person_id,
            org_id,
            role=st.session_state.get(prefix + "role"),
            start_date=st.session_state.get(prefix + "start"),
            actor=actor(),
        ),
    )
    if ok:
        _fill_widgets(prefix, AFFILIATION_EMPTY, replace=True)
        flash("affiliations", "success", "common.saved")


def _end_or_remove_affiliation(person_id: int, remove: bool) -> None:
    affiliation_id = st.session_state.get(f"contacts_aff_pick_{person_id}")
    if affiliation_id is None:
        return
    if remove:
        ok, _ = change("affiliations", lambda s: contacts.remove_affiliation(s, affiliation_id, actor=actor()))
    else:
        ok, _ = change("affiliations", lambda s: contacts.end_affiliation(s, affiliation_id, actor=actor()))
    if ok:
        flash("affiliations", "success", "common.saved")


# --- organisations ---------------------------------------------------------------------------------


def add_organisation_form() -> None:
    """The folded-away form that adds an organisation."""

    def fields(prefix: str) -> None:
        _name_type_sector(prefix)
        st.text_input(tr("contacts.field.website"), key=prefix + "website")

    _add_form(ORGANISATION, fields)


def open_organisation(org_id: int) -> None:
    """The open organisation: edit form, its people, history, merge and delete."""

    def own_parts(record: contacts_page.OpenRecord) -> None:
        fields = record.details.fields
        _edit_form(ORGANISATION, org_id, fields, lambda prefix: _organisation_fields(prefix, fields))
        if record.aliases:
            st.caption(tr_md("orgdup.page.aliases", names="; ".join(record.aliases)))
        titled_table(
            "contacts.orgs.people",
            pd.DataFrame(record.details.affiliations),
            ORG_PEOPLE_COLUMNS,
            "contacts.orgs.no_people",
        )

    _record_view(ORGANISATION, org_id, own_parts)


def _name_type_sector(prefix: str) -> tuple[Any, Any]:
    """Name, then type and sector side by side; returns the two columns for what follows."""
    st.text_input(tr("contacts.field.name"), key=prefix + "name")
    left, right = st.columns(2)
    types, sectors = type_labels("common.none"), sector_labels("common.none")
    left.selectbox(
        tr("contacts.field.org_type"),
        options=list(types),
        placeholder=tr("widget.choose_one"),
        key=prefix + "org_type",
        format_func=shown_as(types),
    )
    right.selectbox(
        tr("contacts.field.sector"),
        options=list(sectors),
        placeholder=tr("widget.choose_one"),
        key=prefix + "sector",
        format_func=shown_as(sectors),
    )
    return left, right


def _organisation_fields(prefix: str, fields: Mapping[str, Any]) -> None:
    left, right = _name_type_sector(prefix)
    _kept_words(prefix, fields, left, right)
    left.text_input(tr("contacts.field.website"), key=prefix + "website")
    right.text_input(tr("contacts.field.area"), key=prefix + "area")
    left.text_input(tr("contacts.field.cvr"), key=prefix + "cvr")
    st.text_area(tr("contacts.field.notes"), key=prefix + "notes")


def _kept_words(prefix: str, fields: Mapping[str, Any], left: DeltaGenerator, right: DeltaGenerator) -> None:
    """Under type and sector: the word a file wrote where no code fitted, and a box that remembers the
    code chosen now for that word at the next import (issue 11)."""
    for column, name in ((left, "org_type"), (right, "sector")):
        word = fields.get(f"{name}_text")
        if word and not fields.get(name):
            column.caption(tr_md(f"vocab.contacts.kept.{name}", word=word))
            column.checkbox(tr_md(f"vocab.contacts.remember.{name}", word=word), key=f"{prefix}remember_{name}")
