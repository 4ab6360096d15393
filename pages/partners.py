"""Partnere: "Vælg partnere med omhu!" – every candidate assessed on the same criteria, ranked, decided.

Widgets only: the tabs are laid out here, the pieces they show are in ``components.partners_views``,
and everything that reads or changes data is in ``lib.planning.candidates``. Only the open tab is drawn.
"""

from __future__ import annotations

import streamlit as st

from components import partners_views as views
from components.context import database, require_page, tr
from lib.planning import candidates_page

require_page()


def _render_page() -> None:
    st.title(tr("partners_page.title"))
    st.caption(tr("partners_page.intro"))
    choices = candidates_page.partners_choices(database())
    orgs, staff, goals = choices.organisations, choices.staff, choices.goals
    if not orgs:
        views.empty_workspace()
    tabs = views.sections()
    if tabs["ranking"].open:
        with tabs["ranking"]:
            views.ranking_section()
    if tabs["assess"].open:
        with tabs["assess"]:
            views.assess_section(orgs, staff, goals)
    if tabs["stakeholders"].open:
        with tabs["stakeholders"]:
            views.stakeholder_section()
    if tabs["value_effort"].open:
        with tabs["value_effort"]:
            views.value_effort_section()
    if tabs["import"].open:
        with tabs["import"]:
            views.import_section()


_render_page()
