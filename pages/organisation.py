"""Organisation: "Forbered organisationen!" – roles and teams, competence self-assessments, the team heat
map, and what hangs on one person.

Widgets only: the tabs are laid out here, the pieces they show are in ``components.organisation_views``,
and everything that reads or changes data is in ``lib.library.staff``.
"""

from __future__ import annotations

import streamlit as st

from components import organisation_views as views
from components.context import database, require_page, tr
from components.widgets import page_tabs
from lib.library.pages import staff_overview

require_page()


def _render_page() -> None:
    st.title(tr("organisation.title"))
    st.caption(tr("organisation.intro"))
    staff = staff_overview(database())
    if staff.empty:
        st.info(tr("organisation.empty", contacts=tr("nav.contacts"), import_page=tr("nav.import")))
        return
    names = {int(person_id): name for person_id, name in zip(staff["person_id"], staff["name"], strict=True)}
    labels = {name: tr(f"organisation.tab.{name}") for name in ("staff", "assessment", "teams", "dependencies")}
    staff_tab, assessment_tab, teams_tab, dependencies_tab = page_tabs(views.PREFIX, labels).values()
    with staff_tab:
        views.staff_section(staff)
    with assessment_tab:
        views.assessment_section(names)
    with teams_tab:
        views.teams_section(labels["assessment"])
    with dependencies_tab:
        views.dependencies_section(names)


_render_page()
