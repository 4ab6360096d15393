"""Partnerskabsradar: the entry point and router.

Run with ``streamlit run dashboard.py``. This file sets up the page, the sidebar (language and
workspace) and the navigation; each page lives in ``pages/`` and all logic in ``lib/``.

The same file is read twice by Streamlit: once as a module when the server starts (then it only
defines ``app``, the server with a start-up hook), and once per script run, where it routes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx


@asynccontextmanager
async def _on_server_start(_app: Any) -> AsyncIterator[None]:
    # Streamlit treats an app with a folder named "pages" as an old-style multipage app until the
    # first script run calls st.navigation. Until then a direct link such as /kontakter on a freshly
    # started server shows "Page not found". The folder layout is fixed, so switch that mode off.
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    yield


def _sidebar() -> None:
    from components.context import LANG_KEY, database, tr
    from lib import i18n
    from lib.storage import workspace_counts

    with st.sidebar:
        st.selectbox(
            tr("sidebar.language"),
            options=list(i18n.LANGUAGES),
            format_func=lambda code: {"da": "Dansk", "en": "English"}[code],
            key=LANG_KEY,
        )
        with database().read() as session:
            counts = workspace_counts(session)
        st.caption(tr("sidebar.workspace"))
        st.caption(
            tr(
                "sidebar.counts",
                people=counts["people"],
                organisations=counts["organisations"],
                relations=counts["relations"],
            )
        )


def route() -> None:
    """Set up the page and sidebar, then run the page the user asked for."""
    from components.context import LANG_KEY, tr
    from lib import i18n

    st.set_page_config(page_title="Partnerskabsradar", page_icon=":material/radar:", layout="wide")
    if LANG_KEY not in st.session_state:
        st.session_state[LANG_KEY] = i18n.DEFAULT_LANGUAGE
    pages = [
        st.Page("pages/overview.py", title=tr("nav.overview"), icon=":material/home:", default=True),
        st.Page("pages/importer.py", title=tr("nav.import"), icon=":material/upload_file:", url_path="importer"),
        st.Page("pages/network.py", title=tr("nav.network"), icon=":material/hub:", url_path="netvaerk"),
        st.Page("pages/goals.py", title=tr("nav.goals"), icon=":material/flag:", url_path="maal"),
        st.Page("pages/partners.py", title=tr("nav.partners"), icon=":material/person_search:", url_path="partnere"),
        st.Page("pages/partnerships.py", title=tr("nav.partnerships"), icon=":material/handshake:",
                url_path="partnerskaber"),
        st.Page("pages/evaluations.py", title=tr("nav.evaluations"), icon=":material/fact_check:",
                url_path="evaluering"),
        st.Page("pages/contacts.py", title=tr("nav.contacts"), icon=":material/groups:", url_path="kontakter"),
    ]
    navigation = st.navigation(pages)
    _sidebar()
    navigation.run()


if get_script_run_ctx(suppress_warning=True) is None:
    app = st.App(__file__, lifespan=_on_server_start)
else:
    route()
