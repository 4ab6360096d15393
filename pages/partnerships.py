"""Partnerskaber: alerts, the pipeline by stage, and one partnership opened (details, agreement, contact log).

Widgets only: the pieces are in ``components.partnerships_views``; everything that reads or changes
data is in ``lib.planning.partnerships``.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from components import clock
from components import partnerships_views as views
from components.context import database, require_page, tr
from components.template_import import template_import_section
from lib.planning import partnerships as ps
from lib.planning import partnerships_page

require_page()


def _render_page() -> None:
    st.title(tr("partnerships_page.title"))
    st.caption(tr("partnerships_page.intro"))
    data = partnerships_page.partnerships_page_data(database(), clock.today())
    frame, orgs, staff, goals = data.frame, data.organisations, data.staff, data.goals
    if not frame.empty:
        views.alerts_section(data.alerts)
    if frame.empty:
        st.info(tr("partnerships_page.empty"))
    else:
        views.pipeline_section(data.columns)
    st.divider()
    views.new_partnership_form(orgs, staff, goals, expanded=frame.empty)
    with st.expander(tr("partnerships_page.bulk"), icon=":material/upload_file:"):
        template_import_section("partnerships", partial(ps.import_partnerships, database()), key="partnerships")
    if frame.empty:
        return
    partnership_id = views.open_picker(frame)
    if partnership_id is not None:
        views.open_partnership(partnership_id, orgs, staff, goals)


_render_page()
