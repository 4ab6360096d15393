"""Kontakter og organisationer: find, read, edit, merge and clean up people and organisations.

Widgets only: the search filters and the tabs are laid out here, the pieces they show are in
``components.records_views`` and the duplicates views, and everything that reads or changes data is
in ``lib`` (``lib.contacts.page`` reads what the page shows).
"""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitAPIException

from components import organisation_duplicates_views as org_duplicates
from components import people_duplicates_views as duplicates
from components import records_views as views
from components.context import database, lang, require_page, tr
from components.remembered import refresh_translated_choices
from components.widgets import remembered_tabs
from lib.contacts import page as contacts_page

require_page()

SHOWN_LANGUAGE = "contacts_shown_language"
#: Key endings of this page's selectboxes and radios whose options are shown with translated labels.
TRANSLATED_CHOICE_ENDINGS = ("_org", "_staff", "_type", "_sector", "_other", "_keep")
TAB_KEY = "contacts_tab"
ACTIVE_TAB = "contacts_active_tab"


def _people_tab(org_choices: dict[int, str]) -> None:
    views.show_flash(views.PERSON.plural)
    views.add_person_form(org_choices)
    search, org_filter, staff_filter = st.columns([2, 1, 1])
    text = views.search_box(views.PERSON, search)
    org_labels = views.with_blank(org_choices, "common.all")
    org_id = views.blank_to_none(
        org_filter.selectbox(
            tr("contacts.people.filter_org"),
            options=list(org_labels),
            placeholder=tr("widget.choose_one"),
            key="contacts_people_org",
            format_func=views.shown_as(org_labels),
        )
    )
    staff_labels = {code: tr(f"contacts.people.staff_{code}") for code in ("all", "staff", "external")}
    staff = staff_filter.selectbox(
        tr("contacts.people.filter_staff"),
        options=list(staff_labels),
        placeholder=tr("widget.choose_one"),
        key="contacts_people_staff",
        format_func=views.shown_as(staff_labels),
    )
    if org_id not in org_choices:
        org_id = None  # e.g. the organisation was merged away since the filter was chosen
    people = contacts_page.find_people(database(), text, organisation_id=org_id, staff=staff)
    person_id = views.pick_record(
        views.PERSON, people, lambda missing_id: contacts_page.person_label(database(), missing_id)
    )
    if person_id is not None:
        views.open_person(person_id, org_choices)


def _organisations_tab(org_choices: dict[int, str]) -> None:
    views.show_flash(views.ORGANISATION.plural)
    views.add_organisation_form()
    search, type_filter, sector_filter = st.columns([2, 1, 1])
    text = views.search_box(views.ORGANISATION, search)
    type_labels, sector_labels = views.type_labels("common.all"), views.sector_labels("common.all")
    org_type = type_filter.selectbox(
        tr("contacts.field.org_type"),
        options=list(type_labels),
        placeholder=tr("widget.choose_one"),
        key="contacts_orgs_type",
        format_func=views.shown_as(type_labels),
    )
    sector = sector_filter.selectbox(
        tr("contacts.field.sector"),
        options=list(sector_labels),
        placeholder=tr("widget.choose_one"),
        key="contacts_orgs_sector",
        format_func=views.shown_as(sector_labels),
    )
    organisations = contacts_page.find_organisations(
        database(), text, lang(), org_type=views.blank_to_none(org_type), sector=views.blank_to_none(sector)
    )
    org_id = views.pick_record(views.ORGANISATION, organisations, org_choices.get)
    if org_id is not None:
        views.open_organisation(org_id)


def _empty_workspace_hint() -> None:
    st.info(tr("contacts.empty", import_page=tr("nav.import"), overview_page=tr("nav.overview")))
    try:
        st.page_link("pages/importer.py", label=tr("contacts.go_import"), icon=":material/upload_file:")
    except StreamlitAPIException:
        pass  # the page runs on its own (tests, a single-page start): the text above still says where to go


def _shows_translated_choices(key: str) -> bool:
    """Whether ``key`` is one of this page's selectboxes and radios with translated option labels."""
    return key.startswith("contacts_") and key.endswith(TRANSLATED_CHOICE_ENDINGS)


def _render_page() -> None:
    # After a language switch the browser would keep showing a choice in the old language ("Alle").
    refresh_translated_choices(SHOWN_LANGUAGE, _shows_translated_choices)
    st.title(tr("contacts.title"))
    data = contacts_page.contacts_overview(database(), lang())
    if data.empty:
        _empty_workspace_hint()
    labels = {
        "people": tr("contacts.tab.people"),
        "organisations": tr("contacts.tab.organisations"),
        "duplicates": tr("contacts.tab.duplicates", count=len(data.duplicates) + len(data.organisation_pairs)),
    }
    # The duplicates label carries a count, and Streamlit shows the first tab again when a label
    # changes; so the open tab is remembered by name and chosen again, e.g. after a merge.
    people_tab, organisations_tab, duplicates_tab = remembered_tabs(
        labels, tab_key=TAB_KEY, active_key=ACTIVE_TAB
    ).values()
    with people_tab:
        _people_tab(data.org_choices)
    with organisations_tab:
        _organisations_tab(data.org_choices)
    with duplicates_tab:
        duplicates.duplicates_review(data.duplicates)
        org_duplicates.organisation_pairs_review(data.organisation_pairs)


_render_page()
