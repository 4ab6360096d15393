"""Administration: the event log, a person's data (requests to see or erase it, GDPR), the
retention of contacts nobody has used for a long time, and the duty to inform contacts taken from
staff's lists (GDPR art. 14). For administrators only.

Widgets only: the tabs are laid out here, the pieces they show are in ``components.admin_views`` and
``components.informing_views``, and everything that reads or changes data is in ``lib.workspace.events``,
``lib.privacy.personal_data`` and ``lib.privacy.informing``.
"""

from __future__ import annotations

import streamlit as st

from components import admin_views as views
from components import informing_views
from components.context import require_page, tr
from components.widgets import page_tabs

require_page("personal_data")


def _render_page() -> None:
    st.title(tr("admin.title"))
    st.caption(tr("admin.intro"))
    labels = {
        "events": tr("admin.tab.events"),
        "person": tr("admin.tab.person"),
        "retention": tr("admin.tab.retention"),
        "informing": tr("informing.tab"),
    }
    events_tab, person_tab, retention_tab, informing_tab = page_tabs(views.PREFIX, labels).values()
    with events_tab:
        views.events_section()
    with person_tab:
        views.person_section()
    with retention_tab:
        views.retention_section()
    with informing_tab:
        informing_views.informing_section()


_render_page()
