"""Oversigt: the start page. Key figures with their change over a year, the checklist radar, what
needs attention and the latest evaluations; when the workspace is empty, a way in (demo or import).

Widgets only: the pieces are in ``components.overview_views``; everything is read in one session by
``lib.overview.overview``.
"""

from __future__ import annotations

import streamlit as st

from components import overview_views as views
from components.context import database, require_page, show_error, tr
from components.safe_markdown import escape_markdown
from lib.errors import UserFacingError
from lib.overview import overview
from lib.storage import get_setting, workspace_counts


def _empty_workspace() -> None:
    """The way in: create the demo library, or import the library's own lists."""
    st.subheader(tr("overview.empty_heading"))
    st.markdown(tr("overview.empty_text"))
    left, right = st.columns(2)
    if left.button(tr("overview.create_demo"), type="primary", key="overview_demo"):
        from lib.demo import create_demo_workspace

        try:
            with st.spinner(tr("overview.creating_demo")):
                create_demo_workspace(database(), if_empty=True)
        except UserFacingError as error:
            show_error(error)
        else:
            st.rerun()
    with right:
        views.link("pages/importer.py", tr("overview.go_import"), ":material/upload_file:")


def _render_page() -> None:
    with database().read() as session:
        counts = workspace_counts(session)
        library_name = get_setting(session, "library_name")
        is_demo = get_setting(session, "demo") == "1"
        empty = counts["people"] == 0 and counts["organisations"] == 0
        data = None if empty else overview(session, views.today())
    st.title(escape_markdown(library_name) or tr("app.title"))
    st.caption(tr("app.tagline"))
    if is_demo:
        st.info(tr("overview.demo_notice"))
    if data is None:
        _empty_workspace()
    else:
        views.render(data)


require_page("view_board")
_render_page()
