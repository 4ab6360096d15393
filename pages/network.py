"""Netværk ("Plej netværket!"): the network of staff, contacts and organisations, drawn and measured.

Widgets only: the date, the view and the filters are chosen here and apply to every tab; the pieces
are in ``components.network_views`` and ``components.network_tabs``, and everything computed is in ``lib.network``.
"""

from __future__ import annotations

import streamlit as st

from components import clock, network_tabs
from components import network_views as views
from components.context import database, require_page, tr
from components.staff_survey_views import count_caption
from components.way_in_views import way_in_section
from lib.network import page as netpage
from lib.network import whole_map

require_page()

db = database()
views.restore_settings()
st.title(tr("netpage.title"))
st.caption(tr("netpage.intro"))
count_caption()

first, last = netpage.timeline_bounds(db)
as_of = views.as_of_slider(first, last)
# A big network today: the whole map is prepared in the background, the page opens on the organisations.
job = whole_map.prepare_whole_map(db) if as_of is None and whole_map.is_big(db) else None
if job is not None and not job.error and not job.past("organisations"):
    views.map_progress(job)
    views.keep_settings()
    st.stop()
# Back in time, nodes keep the places they have in today's network (G_today).
G, G_today = netpage.page_graphs(db, as_of)
day = as_of or clock.today()

if (G_today if G_today is not None else G).number_of_nodes() <= 1:
    views.empty_workspace()
else:
    if job is not None:
        views.map_progress(job)
    view_name, staff = views.view_picker(G, views.offered_views(job))
    flt = views.filters(G, view_name)
    view = views.current_view(db, G, view_name, flt, staff, day, G_today)
    tabs = views.sections()
    # "Mit netværk" before a staff member is chosen has nothing to draw, measure or download yet.
    drawn = {name: tabs[name].open and not view.waiting for name in ("map", "figures", "download")}
    metrics = netpage.view_metrics(view, G) if any(drawn.values()) else None
    if view.waiting:
        for name in ("map", "figures", "download"):
            if tabs[name].open:
                tabs[name].info(tr("netpage.mine.choose"))
    if drawn["map"]:
        with tabs["map"]:
            views.map_section(view, metrics)
    if drawn["figures"]:
        with tabs["figures"]:
            network_tabs.figures_section(view, metrics, G)
    if tabs["health"].open:
        with tabs["health"]:
            network_tabs.health_section(G, day, actionable=as_of is None)
    if tabs["way_in"].open:
        with tabs["way_in"]:
            way_in_section()
    if tabs["time"].open:
        with tabs["time"]:
            network_tabs.time_section(db, first, last, day)
    if drawn["download"]:
        with tabs["download"]:
            network_tabs.download_section(view, metrics)

views.keep_settings()
