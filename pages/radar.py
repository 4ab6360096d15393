"""Tjekliste: the eight headings of "Byg partnerskaber!" – the library's self-assessment against what
the data shows, a new dated self-assessment, and the change over time.

Widgets only: the pieces are in ``components.radar_views``; everything that reads or changes data is
in ``lib.reporting.checklist`` (read for the page by ``lib.reporting.radar_page``).
"""

from __future__ import annotations

import streamlit as st

from components import clock
from components import radar_views as views
from components.context import database, require_page, tr
from components.widgets import page_tabs
from lib.reporting.radar_page import radar_page_data


def _render_page() -> None:
    st.title(tr("radar_page.title"))
    st.markdown(tr("radar_page.intro"))
    data = radar_page_data(database(), clock.today())
    labels = {name: tr(f"radar_page.tab.{name}") for name in ("radar", "assess", "history")}
    overview, assess, history_tab = page_tabs(views.PREFIX, labels).values()
    with overview:
        views.radar_section(data.frame, data.found, data.shown_assessor)
    with assess:
        views.assessment_form(data.staff, data.latest)
    with history_tab:
        views.history_section(data.assessments, data.names, data.history)


require_page()
_render_page()
