"""Oversigt: the start page. Key figures with their change over a year, the checklist radar, what
needs attention and the latest evaluations; when the workspace is empty, the library's set-up (or the
demo, or the import).

Widgets only: the pieces are in ``components.overview_views``; everything is read in one session by
``lib.reporting.overview.start_page``.
"""

from __future__ import annotations

import streamlit as st

from components import clock, setup_views
from components import overview_views as views
from components.context import database, require_page, show_error, tr
from components.safe_markdown import escape_markdown
from lib.core.errors import UserFacingError
from lib.reporting.overview import start_page


def _demo_button() -> None:
    """The way to try the product first: a made-up demo library."""
    if st.button(tr("overview.create_demo"), key="overview_demo", icon=":material/science:"):
        from lib.demo.workspace import create_demo_workspace

        try:
            with st.spinner(tr("overview.creating_demo")):
                create_demo_workspace(database(), if_empty=True)
        except UserFacingError as error:
            show_error(error)
        else:
            st.rerun()


def _render_page() -> None:
    page = start_page(database(), clock.today())
    library_name, data = page.library_name, page.overview
    st.title(escape_markdown(library_name) if library_name else tr("app.title"))  # the name is typed by a user
    st.caption(tr("app.tagline"))
    if page.is_demo:
        st.info(tr("overview.demo_notice"))
    if data is None:
        setup_views.first_run(_demo_button)  # the set-up, the import, or the demo
    else:
        setup_views.show_flash()
        if not library_name:
            setup_views.banner()  # offered, never forced
        views.render(data)


require_page("view_board")
_render_page()
