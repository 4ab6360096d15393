"""Partnerskabsradar: the entry point and router.

Run with ``streamlit run dashboard.py``. This file sets up the page, the sidebar (language and
workspace) and the navigation; each page lives in ``pages/`` and all logic in ``lib/``.
"""

from __future__ import annotations

import streamlit as st

from components.context import LANG_KEY, database, tr
from lib import i18n
from lib.storage import workspace_counts

st.set_page_config(page_title="Partnerskabsradar", page_icon=":material/radar:", layout="wide")


def _sidebar() -> None:
    with st.sidebar:
        st.selectbox(
            tr("sidebar.language"),
            options=list(i18n.LANGUAGES),
            format_func=lambda code: {"da": "Dansk", "en": "English"}[code],
            key=LANG_KEY,
        )
        db = database()
        with db.read() as session:
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


if LANG_KEY not in st.session_state:
    st.session_state[LANG_KEY] = i18n.DEFAULT_LANGUAGE

_pages = [
    st.Page("pages/overview.py", title=tr("nav.overview"), icon=":material/home:", default=True, url_path="oversigt"),
    st.Page("pages/importer.py", title=tr("nav.import"), icon=":material/upload_file:", url_path="importer"),
    st.Page("pages/contacts.py", title=tr("nav.contacts"), icon=":material/groups:", url_path="kontakter"),
]
_navigation = st.navigation(_pages)
_sidebar()
_navigation.run()
