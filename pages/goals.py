"""Mål: "Vær strategisk!" and "Fokusér biblioteket!" – the library's goals, their fulfilment and coverage.

Widgets only: the tabs are laid out here, the pieces they show are in ``components.goals_views``,
and everything that reads or changes data is in ``lib.planning.goals``.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from components import clock
from components import figures_views as figure_views
from components import goals_views as views
from components.charts import show_chart
from components.context import database, lang, require_page, tr
from components.safe_markdown import tr_md
from components.template_import import template_import_section
from components.widgets import page_tabs
from lib.planning import figures as planning_figures
from lib.planning import goals as strategy
from lib.planning import goals_page

require_page()

#: The goal figures of lib.reporting.figures and the status each counts.
FIGURE_STATUSES = {
    "goals_on_track": "on_track",
    "goals_at_risk": "at_risk",
    "goals_off_track": "off_track",
    "goals_not_measured": "no_data",
}


def _render_page() -> None:
    st.title(tr("goalspage.title"))
    st.markdown(tr("goalspage.intro"))
    data = goals_page.goals_page_data(database(), clock.today())
    statuses, choices, staff = data.statuses, data.choices, data.staff
    labels = {name: tr(f"goalspage.tab.{name}") for name in ("overview", "series", "edit", "coverage", "import")}
    if not statuses:
        st.info(
            tr(
                "goalspage.empty",
                create_tab=labels["edit"],
                import_tab=labels["import"],
                overview_page=tr("nav.overview"),
            )
        )
    overview, series, edit, coverage, bulk = page_tabs(views.PREFIX, labels).values()
    with overview:
        if statuses:
            counts = strategy.status_counts(statuses)
            # The same four figures as the start page and the board pack (lib.reporting.figures),
            # each with its definition.
            for column, (key, status) in zip(st.columns(4), FIGURE_STATUSES.items(), strict=True):
                figure_views.show(key, counts[status], target=column, border=True)
            if counts["stale"]:
                st.caption(tr_md("figures.goals.stale_note", stale=counts["stale"], days=strategy.STALE_DAYS))
            show_chart(planning_figures.overview_figure(statuses, lang()), key="goals_overview_chart")
            st.caption(tr("goalspage.overview.marker_help") + " " + tr("strategy.status_rule"))
            views.overview_table(statuses, staff)
    with series:
        if choices:
            views.series_section(choices, next(iter(choices)))
    with edit:
        views.edit_section(choices, staff)
    with coverage:
        if choices:
            views.coverage_section(choices)
    with bulk:
        template_import_section("goals", partial(strategy.import_goals, database()), key="goals")


_render_page()
