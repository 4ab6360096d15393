"""Styrker: "Vis, hvem du er!" – what the library can offer partners, by team, and the one-page flyer.

Widgets only: the pieces are in ``components.strengths_views``; everything that reads or changes
data is in ``lib.library.strengths``.
"""

from __future__ import annotations

import streamlit as st

from components import clock
from components import strengths_views as views
from components.context import database, require_page, tr
from components.widgets import page_tabs
from lib.reporting.strengths_page import strengths_page_data

require_page()


def _render_page() -> None:
    st.title(tr("strengths_page.title"))
    st.markdown(tr("strengths_page.intro"))
    today = clock.today()
    data = strengths_page_data(database(), today)
    offers, team_names, staff, matrix = data.offers, data.teams, data.staff, data.matrix
    labels = {name: tr(f"strengths_page.tab.{name}") for name in ("profile", "matrix", "edit")}
    views.summary_section(offers, len(team_names), data.freshness, today)
    if offers.empty:
        st.info(tr("strengths_page.empty", tab=labels["edit"]))
    profile, matrix_tab, edit = page_tabs(views.PREFIX, labels).values()
    with profile:
        views.profile_section(offers, team_names)
    with matrix_tab:
        views.matrix_section(matrix)
    with edit:
        views.edit_section(offers, team_names, dict(staff))


_render_page()
