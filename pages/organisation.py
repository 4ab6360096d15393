"""Organisation: "Forbered organisationen!" – roles and teams, competence self-assessments, the team heat
map, what hangs on one person, and handing a leaving colleague's work over.

Widgets only: the tabs are laid out here, the pieces they show are in ``components.organisation_views``,
and everything that reads or changes data is in ``lib.library.staff``; the handover tab's pieces are in
``components.handover_views`` (``lib.planning.handover``), the staff network survey's ("Hvem kender
du?") in ``components.staff_survey_views``.
"""

from __future__ import annotations

import streamlit as st

from components import handover_views, staff_survey_views
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
    tabs = ("staff", "assessment", "teams", "dependencies", "handover", "survey")
    labels = {name: tr(f"organisation.tab.{name}") for name in tabs}
    staff_tab, assessment_tab, teams_tab, dependencies_tab, handover_tab, survey_tab = page_tabs(
        views.PREFIX, labels
    ).values()
    with staff_tab:
        views.staff_section(staff)
    with assessment_tab:
        views.assessment_section(names)
    with teams_tab:
        views.teams_section(labels["assessment"])
    with dependencies_tab:
        views.dependencies_section(names)
    with handover_tab:
        handover_views.handover_section(names)
    with survey_tab:
        staff_survey_views.survey_section(names)


_render_page()
