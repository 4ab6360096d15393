"""Evaluering: "Understøt partnerskabet!" – partnership health, evaluations over time, the gap between
the library's and the partner's answers, the rounds, and survey answers loaded from Excel.

Widgets only: the pieces are in ``components.evaluations_views``; everything that reads or changes
data is in ``lib.planning.evaluations``.
"""

from __future__ import annotations

import streamlit as st

from components import clock
from components import evaluations_views as views
from components.context import database, lang, require_page, tr
from components.widgets import page_tabs
from lib.planning import evaluations_page as evp

require_page()


def _render_page() -> None:
    st.title(tr("evaluations_page.title"))
    st.caption(tr("evaluations_page.intro"))
    on = clock.today()
    start = evp.evaluations_start(database(), on, lang())
    choices, default = start.choices, start.default
    if not choices or default is None:
        st.info(tr("evaluations_page.empty", partnerships_page=tr("nav.partnerships")), icon=":material/info:")
        return
    views.health_table(start.overview)
    st.divider()
    partnership_id = views.partnership_picker(choices, default)
    views.partnership_health(partnership_id, on)
    labels = {
        "results": tr("evaluations_page.tab.results"),
        "rounds": tr("evaluations_page.tab.rounds"),
        "import": tr("evaluations_page.tab.import"),
    }
    results, rounds, bulk = page_tabs(views.PREFIX, labels).values()
    with results:
        views.results_tab(partnership_id)
    with rounds:
        views.rounds_tab(partnership_id)
    with bulk:
        views.import_tab(partnership_id)


_render_page()
