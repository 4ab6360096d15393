"""Tjekliste: the eight headings of "Byg partnerskaber!" – the library's self-assessment against what
the data shows, a new dated self-assessment, and the change over time.

Widgets only: the pieces are in ``components.radar_views``; everything that reads or changes data is
in ``lib.reporting.checklist``.
"""

from __future__ import annotations

import streamlit as st

from components import radar_views as views
from components.context import database, require_page, tr
from components.widgets import page_tabs
from lib.planning import goals
from lib.reporting import checklist


def _render_page() -> None:
    st.title(tr("radar_page.title"))
    st.markdown(tr("radar_page.intro"))
    today = views.today()
    with database().read() as session:
        found = checklist.evidence(session, today)
        frame = checklist.radar_frame(session, today, found=found)
        assessments = checklist.self_assessments(session)
        names = checklist.assessor_names(session, assessments)
        history = checklist.radar_history(session)
        staff = dict(goals.staff_choices(session))
    latest = assessments[-1] if assessments else None
    shown = next((a for a in reversed(assessments) if a.assessed_on == frame.attrs["assessed_on"]), None)
    labels = {name: tr(f"radar_page.tab.{name}") for name in ("radar", "assess", "history")}
    overview, assess, history_tab = page_tabs(views.PREFIX, labels).values()
    with overview:
        views.radar_section(frame, found, names.get(shown.assessor_id) if shown and shown.assessor_id else None)
    with assess:
        views.assessment_form(staff, latest)
    with history_tab:
        views.history_section(assessments, names, history)


require_page()
_render_page()
