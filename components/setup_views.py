"""The library's set-up on screen: the first run of an empty workspace (start page), the page
"Biblioteket" where it stays editable, the banner that invites it, and the browser tab's title.

Everything that reads or stores is in ``lib.library.setup``; this module lays out the widgets.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from components.context import actor, database, lang, principal, tr
from components.tables import escape_markdown
from lib.core.access import can
from lib.core.errors import UserFacingError, ValidationFailed
from lib.library import pages as library_pages
from lib.library import setup
from lib.library.pages import STAFF_ROLES
from lib.workspace import clock
from lib.workspace.changes import run_change

PREFIX = "setup_"
FLASH = PREFIX + "flash"
BANNER_DISMISSED = PREFIX + "banner_dismissed"
STAFF_VERSION = PREFIX + "staff_version"
LOGO_VERSION = PREFIX + "logo_version"
LIBRARY_PAGE = "pages/library.py"
GUIDE_PAGE = "pages/guide.py"
IMPORT_PAGE = "pages/importer.py"
ORGANISATION_PAGE = "pages/organisation.py"
PRODUCT = "Partnerskabsradar"
#: Set after a save: the next draw puts the stored values (tidied) into the form's fields.
REFRESH = PREFIX + "refresh_form"
#: Empty rows the staff table offers on the first run, ready to type in.
EMPTY_STAFF_ROWS = 3


def browser_title() -> str:
    """The browser tab's title: "<Library> · Partnerskabsradar", or the product's name alone."""
    name = library_pages.library_name_of(database())
    return f"{name} · {PRODUCT}" if name else PRODUCT


def link(page: str, label: str, icon: str) -> None:
    """A link to another page; none when the user's navigation does not hold that page."""
    try:
        st.page_link(page, label=label, icon=icon)
    except StreamlitAPIException:
        pass


def guide_link() -> None:
    link(GUIDE_PAGE, tr("setup.guide_link"), ":material/menu_book:")


def flash(slot: str, kind: str, text: str) -> None:
    """Keep a message (plain text, several lines allowed) for ``slot``, shown once on the next draw."""
    st.session_state[FLASH] = {"slot": slot, "kind": kind, "text": text}


def show_message(slot: str) -> None:
    """Show the message kept for ``slot`` and forget it. What a user typed is in it, so every line is
    escaped before Streamlit reads it as Markdown."""
    message = st.session_state.get(FLASH)
    if not message or message["slot"] != slot:
        return
    del st.session_state[FLASH]
    text = "  \n".join(escape_markdown(line) for line in message["text"].splitlines())
    if message["kind"] == "error":
        st.error(text)
    elif message["kind"] == "info":
        st.info(text)
    else:
        st.success(text)


def _refused(error: UserFacingError, field_prefix: str | None = None) -> str:
    """A refused value's message, with the name of the field it was typed in when known."""
    text = error.message(lang())
    field = error.params.get("field") if isinstance(error, ValidationFailed) else None
    if field_prefix and field:
        text = f"{tr(f'{field_prefix}.{field}')}: {text}"
    return text


def _store(slot: str, work: Any, field_prefix: str | None = None) -> tuple[bool, Any]:
    """Run ``work`` in one write transaction; a refusal becomes the slot's message (nothing stored)."""
    try:
        return True, run_change(database(), work)
    except UserFacingError as error:
        flash(slot, "error", _refused(error, field_prefix))
    return False, None


def counted(key: str, count: int) -> str:
    """``key`` with ``count``: the text chooses its words by the number (lib.core.i18n.plural)."""
    return tr(key, count=count)


def may_edit() -> bool:
    who = principal()
    return who is not None and can(who, "edit")


# --- the banner ------------------------------------------------------------------------------------


def _dismiss_banner() -> None:
    st.session_state[BANNER_DISMISSED] = True


def banner() -> None:
    """Invite the set-up while the library has no name (a workspace filled from the command line,
    a restore, an import): offered, never forced, and gone for this session once dismissed."""
    if st.session_state.get(BANNER_DISMISSED) or not may_edit():
        return
    with st.container(border=True, key=PREFIX + "banner"):
        st.markdown(tr("setup.banner.text"))
        left, right = st.columns([3, 1], vertical_alignment="center")
        with left:
            link(LIBRARY_PAGE, tr("setup.banner.go"), ":material/local_library:")
        right.button(
            tr("setup.banner.dismiss"), key=PREFIX + "banner_dismiss", on_click=_dismiss_banner, icon=":material/close:"
        )


# --- the profile -----------------------------------------------------------------------------------


def profile_form(profile: setup.LibraryProfile, *, slot: str = "profile") -> None:
    """The library's name, description, address, e-mail, phone, logo, time zone and the link to its
    accessibility statement, saved together."""
    show_message(slot)
    zones = clock.timezone_names()
    stored = {
        "name": profile.name,
        "description": profile.description,
        "address": profile.address,
        "email": profile.email,
        "phone": setup.shown_phone(profile.phone),
        "accessibility_url": profile.accessibility_url,
    }
    # The fields start from what is stored, and are set to it again after a save (a value can only be
    # given to a widget before it is drawn; the browser then shows it too).
    refresh = st.session_state.pop(REFRESH, False)
    for field, value in {
        **stored,
        "timezone": profile.timezone if profile.timezone in zones else clock.DEFAULT_TIMEZONE,
        "logo_remove": False,
    }.items():
        if refresh or PREFIX + field not in st.session_state:
            st.session_state[PREFIX + field] = value if value is not None else ""
    with st.form(PREFIX + "profile_form", border=True):
        name = st.text_input(
            tr("setup.field.name"),
            max_chars=setup.MAX_LENGTHS["name"],
            placeholder=tr("setup.placeholder.name"),
            key=PREFIX + "name",
        )
        description = st.text_input(
            tr("setup.field.description"),
            max_chars=setup.MAX_LENGTHS["description"],
            placeholder=tr("setup.placeholder.description"),
            key=PREFIX + "description",
        )
        address = st.text_input(
            tr("setup.field.address"),
            max_chars=setup.MAX_LENGTHS["address"],
            placeholder=tr("setup.placeholder.address"),
            key=PREFIX + "address",
        )
        left, right = st.columns(2)
        email = left.text_input(
            tr("setup.field.email"), placeholder=tr("setup.placeholder.email"), key=PREFIX + "email"
        )
        phone = right.text_input(
            tr("setup.field.phone"),
            placeholder=tr("setup.placeholder.phone"),
            key=PREFIX + "phone",
            help=tr("setup.help.phone"),
        )
        timezone = st.selectbox(
            tr("setup.field.timezone"),
            options=zones,
            placeholder=tr("widget.choose_one"),
            key=PREFIX + "timezone",
            help=tr("setup.help.timezone"),
        )
        logo_column, upload_column = st.columns([1, 3])
        remove_logo = False
        with logo_column:
            if profile.logo:
                st.image(profile.logo, width=120, caption=tr("setup.logo_current"))
                remove_logo = st.checkbox(tr("setup.logo_remove"), key=PREFIX + "logo_remove")
            else:
                st.caption(tr("setup.logo_none"))
        upload = upload_column.file_uploader(
            tr("setup.field.logo"),
            type=["png", "jpg", "jpeg"],
            accept_multiple_files=False,
            help=tr("setup.help.logo", limit=setup.LOGO_MAX_BYTES // (1024 * 1024)),
            max_upload_size=setup.LOGO_MAX_BYTES // (1024 * 1024),
            key=f"{PREFIX}logo_{st.session_state.get(LOGO_VERSION, 0)}",
        )
        accessibility_url = st.text_input(
            tr("setup.field.accessibility_url"),
            max_chars=setup.MAX_LENGTHS["accessibility_url"],
            placeholder=tr("setup.placeholder.accessibility_url"),
            key=PREFIX + "accessibility_url",
            help=tr("setup.help.accessibility_url"),
        )
        submitted = st.form_submit_button(
            tr("setup.save_profile"), type="primary", icon=":material/save:", key=PREFIX + "profile_save"
        )
    if not submitted:
        return
    values = {
        "name": name,
        "description": description,
        "address": address,
        "email": email,
        "phone": phone,
        "timezone": timezone,
        "accessibility_url": accessibility_url,
    }
    logo = upload.getvalue() if upload is not None else None
    ok, changed = _store(
        slot,
        lambda session: setup.save_library_profile(
            session, values, logo=logo, remove_logo=remove_logo and logo is None, actor=actor()
        ),
        "setup.field",
    )
    if ok:
        # The form is drawn again from what was stored (tidied: "99 12 34 56" → "+45 99 12 34 56").
        st.session_state[REFRESH] = True
        st.session_state[LOGO_VERSION] = st.session_state.get(LOGO_VERSION, 0) + 1
        flash(
            slot, "success" if changed else "info", tr("setup.profile_saved" if changed else "setup.profile_unchanged")
        )
    st.rerun()


# --- staff -----------------------------------------------------------------------------------------


def _role_label(code: str | None) -> str:
    return tr(f"organisation.role.{code}") if code else ""


def staff_editor_key() -> str:
    return f"{PREFIX}staff_editor_{st.session_state.get(STAFF_VERSION, 0)}"


def staff_frame(rows: list[dict[str, Any]], *, empty_rows: int = 0) -> pd.DataFrame:
    """The staff table as the editor shows it (:func:`lib.library.pages.staff_table`)."""
    return library_pages.staff_table(rows, empty_rows=empty_rows)


def staff_section(*, slot: str = "staff") -> None:
    """The staff as an editable table (name, e-mail, team, role), saved in one go; or a staff list
    imported on the import page."""
    show_message(slot)
    rows = library_pages.staff_rows_of(database())
    st.caption(tr("setup.staff.help"))
    # No staff yet: a few empty rows to type in (more are added at the bottom of the table).
    frame = staff_frame(rows, empty_rows=0 if rows else EMPTY_STAFF_ROWS)
    edited = st.data_editor(
        frame,
        key=staff_editor_key(),
        hide_index=True,
        num_rows="dynamic",
        width="stretch",
        placeholder="",
        column_order=["name", "email", "team", "staff_role"],
        column_config={
            "name": st.column_config.TextColumn(tr("setup.staff.col.name"), max_chars=300, width="medium"),
            "email": st.column_config.TextColumn(tr("setup.staff.col.email"), max_chars=320, width="medium"),
            "team": st.column_config.TextColumn(tr("setup.staff.col.team"), max_chars=200),
            "staff_role": st.column_config.SelectboxColumn(
                tr("setup.staff.col.role"),
                options=list(STAFF_ROLES),
                format_func=_role_label,
                width="medium",
                help=tr("setup.staff.role_help"),
            ),
        },
    )
    left, right = st.columns([1, 2], vertical_alignment="center")
    if left.button(tr("setup.staff.save"), type="primary", icon=":material/group_add:", key=PREFIX + "staff_save"):
        records = library_pages.staff_records(edited)
        ok, saved = _store(slot, lambda session: setup.save_staff(session, records, actor=actor()))
        if ok:
            st.session_state[STAFF_VERSION] = st.session_state.get(STAFF_VERSION, 0) + 1
            if saved.added or saved.changed:
                parts = [
                    counted(f"setup.staff.{what}", len(ids))
                    for what, ids in (("added", saved.added), ("changed", saved.changed))
                    if ids
                ]
                flash(slot, "success", " ".join(parts))
            else:
                flash(slot, "info", tr("setup.staff.nothing"))
            st.rerun()
        show_message(slot)
    with right:
        link(IMPORT_PAGE, tr("setup.staff.import_instead"), ":material/upload_file:")
    if rows:
        link(ORGANISATION_PAGE, tr("setup.staff.more_on_organisation"), ":material/badge:")


# --- the page and the first run --------------------------------------------------------------------


def library_page() -> None:
    """The page "Biblioteket": the library's profile and its staff, editable at any time."""
    st.title(tr("setup.page_title"))
    st.caption(tr("setup.page_intro"))
    guide_link()
    profile = library_pages.library_profile_of(database())
    st.subheader(tr("setup.profile_heading"))
    profile_form(profile)
    st.subheader(tr("setup.staff_heading"))
    staff_section()


def first_run(create_demo: Any) -> None:
    """The start page of an empty workspace: set the library up in three short steps, or try the demo.

    ``create_demo`` draws the demo button (the start page owns it).
    """
    st.subheader(tr("setup.first.heading"))
    st.markdown(tr("setup.first.text"))
    guide_link()
    if not may_edit():
        st.info(tr("setup.first.ask_an_editor"))
        return
    profile = library_pages.library_profile_of(database())
    st.markdown(f"#### {tr('setup.first.step_library')}")
    profile_form(profile, slot="first_profile")
    st.markdown(f"#### {tr('setup.first.step_staff')}")
    staff_section(slot="first_staff")
    st.markdown(f"#### {tr('setup.first.step_import')}")
    st.markdown(tr("setup.first.import_text"))
    link(IMPORT_PAGE, tr("setup.first.go_import"), ":material/upload_file:")
    st.divider()
    st.markdown(tr("setup.first.demo_text"))
    create_demo()


def show_flash() -> None:
    """A message kept by the first run for the start page it turns into (staff saved → overview)."""
    show_message("first_staff")


__all__ = ["banner", "browser_title", "first_run", "library_page", "profile_form", "show_flash", "staff_section"]
