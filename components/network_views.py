"""Pieces of the network page ("Plej netværket!"): the date, the view, the filters, the map with the
opened node, the figures, the health findings, the comparison of two dates and the downloads.

The network and everything computed from it live in ``lib.network``; this module turns widgets into
arguments and results into Streamlit elements.

*Settings outlive a visit elsewhere.* Streamlit forgets a widget's value when the user opens another
page, so every setting is also copied to :data:`KEPT_KEY` (:func:`keep_settings`) and put back on
return (:func:`restore_settings`). Widgets get their defaults through session state, never through
``value=``, so a value put back is never in conflict with a default.

*One opened node.* :data:`OPEN_KEY` holds the node whose details are shown. A click, box or lasso on
the map (a plotly selection event) opens a node, and so does "Find og åbn", a searchable selectbox
that always shows the opened node; AppTest, which cannot click a plotly point, drives either.

*Nothing moves.* Positions are computed for the whole graph of a view once per graph (keyed by
``graph_signature``; ``lib.network.layout.positions`` stores them) and filters only choose which of
those nodes are drawn. Names are data: they reach Markdown escaped and plotly through
``lib.network.plotting``, which escapes them itself.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.errors import StreamlitAPIException

from components import figures_views as figure_views
from components import remembered
from components.context import actor, database, lang, tr
from components.downloads import export_download
from components.safe_markdown import escape_markdown, tr_md
from components.tables import Col, column_config, date_input_format
from components.widgets import BLANK, blank_to_none, remembered_tabs, shown_as
from lib.core.i18n import format_number, format_percent
from lib.core.i18n import label as vocabulary_label
from lib.core.spreadsheets import xlsx_bytes
from lib.core.vocabulary import ORGANISATION_TYPES, SECTORS
from lib.db import PARTNERSHIP_STAGES, Database
from lib.network import export as netexport
from lib.network import graph as netgraph
from lib.network import health, layout, plotting, timeline
from lib.network import metrics as netmetrics
from lib.reporting import figures

# --- keys and choices ------------------------------------------------------------------------------

AS_OF_KEY = "net_as_of"
AS_OF_LATEST = "net_as_of_latest"
VIEW_KEY = "net_view"
MINE_KEY = "net_mine_staff"
NODE_KINDS_KEY = "net_f_node_kinds"
EDGE_KINDS_KEY = "net_f_edge_kinds"
SECTORS_KEY = "net_f_sectors"
ORG_TYPES_KEY = "net_f_org_types"
STAGES_KEY = "net_f_stages"
STAFF_KEY = "net_f_staff"
STRENGTH_KEY = "net_f_min_strength"
AFTER_KEY = "net_f_after"
BEFORE_KEY = "net_f_before"
COLOR_KEY = "net_color_by"
SIZE_KEY = "net_size_by"
LABELS_KEY = "net_labels"
FIND_KEY = "net_find"
EGO_KEY = "net_ego_radius"
COLD_KEY = "net_cold_months"
COMPARE_FROM_KEY = "net_compare_from"
COMPARE_TO_KEY = "net_compare_to"
CONTACT_DETAILS_KEY = "net_contact_details"
TAB_KEY = "net_tab"
ACTIVE_TAB = "net_active_tab"
CHART_KEY = "net_chart"
EGO_CHART_KEY = "net_ego_chart"
OPEN_KEY = "net_open"
MARKED_KEY = "net_marked"
SEEN_KEY = "net_seen_selection"
KEPT_KEY = "net_kept"
SHOWN_LANGUAGE = "net_shown_language"

VIEWS = ("whole", "organisations", "mine", "rings")
TABS = ("map", "figures", "health", "time", "download")
SIZE_METRICS = ("degree", "weighted_degree", "betweenness", "closeness", "eigenvector", "reach")
TABLE_METRICS = (*SIZE_METRICS, "community")
#: The size choice that keeps the plotting default (size by kind).
SIZE_BY_KIND = "kind"
#: Stands for "not given" among the sectors and types to filter by.
NOT_GIVEN = "-"
STRENGTHS = (1, 2, 3, 4, 5)
#: Organisations put on the outer ring as the most promising candidates.
RING_CANDIDATES = 10
BROKERS_SHOWN = 5
NAMES_LISTED = 20
COLD_MONTHS_DEFAULT = health.COLD_AFTER_MONTHS

FILTER_DEFAULTS: dict[str, Any] = {
    NODE_KINDS_KEY: list(netgraph.NODE_KINDS),
    EDGE_KINDS_KEY: list(netgraph.EDGE_KINDS),
    SECTORS_KEY: [],
    ORG_TYPES_KEY: [],
    STAGES_KEY: [],
    STAFF_KEY: [],
    STRENGTH_KEY: 1,
    AFTER_KEY: None,
    BEFORE_KEY: None,
}
SETTING_DEFAULTS: dict[str, Any] = {
    VIEW_KEY: "whole",
    MINE_KEY: BLANK,
    COLOR_KEY: "kind",
    SIZE_KEY: "degree",
    EGO_KEY: 1,
    COLD_KEY: COLD_MONTHS_DEFAULT,
    CONTACT_DETAILS_KEY: False,
    **FILTER_DEFAULTS,
}
#: Widgets kept across pages (the date and the comparison dates are checked against their bounds).
KEPT = (
    *SETTING_DEFAULTS,
    *(f"{LABELS_KEY}_{view}" for view in VIEWS),
    AS_OF_KEY,
    AS_OF_LATEST,
    COMPARE_FROM_KEY,
    COMPARE_TO_KEY,
)
#: Widgets whose options are shown with translated labels (see :func:`restore_settings`).
TRANSLATED = (VIEW_KEY, COLOR_KEY, SIZE_KEY, EGO_KEY, NODE_KINDS_KEY, EDGE_KINDS_KEY, SECTORS_KEY, ORG_TYPES_KEY)


def labels_key(view: str) -> str:
    """Names on the map are chosen per view: on by default where the drawing is small enough to read them."""
    return f"{LABELS_KEY}_{view}"


def _kind_label(kind: str | None) -> str:
    return tr(f"network.kind.{kind}") if kind in netgraph.NODE_KINDS else str(kind or "")


def _node_label(G: nx.Graph, node: Hashable) -> str:
    return str(G.nodes[node].get("label") or node) if node in G else str(node)


def _number(value: Any, decimals: int = 3) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, (int,)) or float(value).is_integer():
        return format_number(int(value), lang())
    return format_number(float(value), lang(), decimals)


#: Measures whose value means little on its own: a node's place among the others is shown instead.
RANKED_METRICS = ("betweenness", "closeness")


def _metric_value(name: str, value: Any) -> str:
    """A metric as people read it: counts whole, reach as a percentage, the rest with 3 decimals."""
    if value is None or pd.isna(value):
        return ""
    if name == "reach":
        return format_percent(100 * float(value), lang())
    if name in ("degree", "community"):
        return format_number(int(value), lang())
    return format_number(float(value), lang(), 1 if name == "weighted_degree" else 3)


def _names_md(names: Sequence[str], limit: int = NAMES_LISTED) -> str:
    """Untrusted names as one Markdown-safe line, cut after ``limit``."""
    text = ", ".join(escape_markdown(name) for name in names[:limit])
    if len(names) > limit:
        text += " " + tr("netpage.and_more", count=len(names) - limit)
    return text


# --- settings that outlive a visit elsewhere --------------------------------------------------------


def restore_settings() -> None:
    """Put back the settings of the last visit, fill in defaults, and redraw labels after a language switch."""
    remembered.restore_settings(KEPT_KEY, SETTING_DEFAULTS)
    remembered.refresh_translated_choices(SHOWN_LANGUAGE, TRANSLATED)


def keep_settings() -> None:
    """Copy the settings to a key Streamlit does not forget when the user opens another page."""
    remembered.keep_settings(KEPT_KEY, KEPT)


def _only_known(key: str, options: Sequence[Any]) -> None:
    """Drop chosen values that are no longer among ``options`` (e.g. a staff member who left)."""
    value = st.session_state.get(key)
    if isinstance(value, list):
        st.session_state[key] = [v for v in value if v in options]
    elif value not in options:
        st.session_state[key] = options[0] if options else None


def _reset_filters() -> None:
    remembered.set_values(FILTER_DEFAULTS)


# --- the date ---------------------------------------------------------------------------------------


def as_of_slider(first: dt.date, last: dt.date) -> dt.date | None:
    """The "Netværket pr." slider; None when it stands on the last day (the network today)."""
    value = st.session_state.get(AS_OF_KEY)
    followed_today = value is None or value == st.session_state.get(AS_OF_LATEST)
    if followed_today or not isinstance(value, dt.date) or not first <= value <= last:
        st.session_state[AS_OF_KEY] = last  # a slider left on "today" keeps following today
    st.session_state[AS_OF_LATEST] = last
    chosen = st.slider(
        tr("netpage.as_of"),
        min_value=first,
        max_value=last,
        key=AS_OF_KEY,
        format="DD-MM-YYYY" if lang() == "da" else "YYYY-MM-DD",
        help=tr("netpage.as_of.help"),
    )
    if chosen >= last:
        st.caption(tr_md("netpage.as_of.today", date=last))
        return None
    st.caption(tr_md("netpage.as_of.past", date=chosen))
    return chosen


# --- the view and the filters ----------------------------------------------------------------------


@dataclass
class View:
    """What the page shows: the drawn graph, where its nodes go, and for the rings where they sit."""

    name: str
    graph: nx.Graph
    positions: Mapping[Hashable, tuple[float, float]]
    day: dt.date
    rings: dict[str, int] | None = None
    candidates: list[str] = field(default_factory=list)
    #: "Mit netværk" before a staff member is chosen: nothing to draw yet.
    waiting: bool = False

    @property
    def title(self) -> str:
        return tr(f"netpage.view.{self.name}")


def view_picker(G: nx.Graph) -> tuple[str, str | None]:
    """The view radio and, for "Mit netværk", the staff member; returns (view, staff node or None)."""
    labels = {name: tr(f"netpage.view.{name}") for name in VIEWS}
    _only_known(VIEW_KEY, VIEWS)
    view = st.radio(
        tr("netpage.view"), options=list(labels), format_func=shown_as(labels), key=VIEW_KEY, horizontal=True
    )
    staff = None
    if view == "mine":
        staff = _staff_picker(G)
    elif view == "rings":
        st.caption(tr("netpage.view.rings.help", count=RING_CANDIDATES, health_tab=tr("netpage.tab.health")))
    else:
        st.caption(tr(f"netpage.view.{view}.help"))
    return view, staff


def _staff_members(G: nx.Graph) -> dict[str, str]:
    members = [v for v, kind in G.nodes(data="kind") if kind == "staff"]
    return {v: _node_label(G, v) for v in sorted(members, key=lambda v: (_node_label(G, v).casefold(), v))}


def _staff_picker(G: nx.Graph) -> str | None:
    members = _staff_members(G)
    if not members:
        if G.graph.get("as_of"):
            st.info(tr_md("netpage.mine.no_staff_then", date=G.graph["as_of"]))
        else:
            st.info(tr("netpage.mine.no_staff", contacts_page=tr("nav.contacts")))
        return None
    if st.session_state.get(MINE_KEY) in (BLANK, None):
        # A logged-in staff member sees their own network first.
        email = (actor() or "").strip().casefold()
        mine = [v for v in members if email and str(G.nodes[v].get("email") or "").casefold() == email]
        st.session_state[MINE_KEY] = mine[0] if mine else BLANK
    options = {BLANK: tr("netpage.staff.placeholder"), **members}
    _only_known(MINE_KEY, list(options))
    chosen = st.selectbox(
        tr("netpage.staff"),
        options=list(options),
        format_func=shown_as(options),
        placeholder=tr("widget.choose_one"),
        key=MINE_KEY,
        help=tr("netpage.view.mine.help"),
    )
    return None if chosen == BLANK else str(chosen)


def _active_filters() -> int:
    count = 0
    for key, default in FILTER_DEFAULTS.items():
        value = st.session_state.get(key, default)
        if isinstance(default, list) and key in (NODE_KINDS_KEY, EDGE_KINDS_KEY):
            count += set(value) != set(default)
        else:
            count += value != default
    return count


def filters(G: nx.Graph, view: str) -> netgraph.NetworkFilter | None:
    """The filters in an expander; None when the chosen kinds leave nothing to show."""
    active = _active_filters()
    title = tr("netpage.filters") if not active else tr_md("netpage.filters.active", count=active)
    kinds_apply = view in ("whole", "mine")
    kinds_help = (
        None
        if kinds_apply
        else tr("netpage.filter.kinds_not_here", whole=tr("netpage.view.whole"), mine=tr("netpage.view.mine"))
    )
    node_labels = {kind: tr(f"network.kind.{kind}") for kind in netgraph.NODE_KINDS}
    edge_labels = {kind: tr(f"network.edge.{kind}") for kind in netgraph.EDGE_KINDS}
    sector_labels = {
        **{code: vocabulary_label("sector", code, lang()) for code in SECTORS},
        NOT_GIVEN: tr("netpage.filter.not_given"),
    }
    type_labels = {
        **{code: vocabulary_label("orgtype", code, lang()) for code in ORGANISATION_TYPES},
        NOT_GIVEN: tr("netpage.filter.not_given"),
    }
    stage_labels = {
        **{code: tr(f"partnerships.stage.{code}") for code in PARTNERSHIP_STAGES if code != "idea"},
        NOT_GIVEN: tr("netpage.filter.no_partnership"),
    }
    staff_labels = _staff_members(G)
    for key, options in (
        (NODE_KINDS_KEY, node_labels),
        (EDGE_KINDS_KEY, edge_labels),
        (SECTORS_KEY, sector_labels),
        (ORG_TYPES_KEY, type_labels),
        (STAGES_KEY, stage_labels),
        (STAFF_KEY, staff_labels),
    ):
        _only_known(key, list(options))
    # A key keeps the panel open while its title counts the filters in use.
    with st.expander(title, expanded=False, icon=":material/filter_alt:", key="net_filters_panel"):
        node_kinds = st.pills(
            tr("netpage.filter.node_kinds"),
            list(node_labels),
            selection_mode="multi",
            format_func=shown_as(node_labels),
            key=NODE_KINDS_KEY,
            disabled=not kinds_apply,
            help=kinds_help,
        )
        edge_kinds = st.pills(
            tr("netpage.filter.edge_kinds"),
            list(edge_labels),
            selection_mode="multi",
            format_func=shown_as(edge_labels),
            key=EDGE_KINDS_KEY,
            disabled=not kinds_apply,
            help=kinds_help,
        )
        left, middle, right = st.columns(3)
        sectors = left.multiselect(
            tr("netpage.filter.sectors"),
            list(sector_labels),
            format_func=shown_as(sector_labels),
            key=SECTORS_KEY,
            placeholder=tr("netpage.filter.all"),
        )
        org_types = middle.multiselect(
            tr("netpage.filter.org_types"),
            list(type_labels),
            format_func=shown_as(type_labels),
            key=ORG_TYPES_KEY,
            placeholder=tr("netpage.filter.all"),
        )
        staff = right.multiselect(
            tr("netpage.filter.staff"),
            list(staff_labels),
            format_func=shown_as(staff_labels),
            key=STAFF_KEY,
            placeholder=tr("netpage.filter.all"),
            help=tr("netpage.filter.staff.help"),
        )
        stages = st.multiselect(
            tr("netpage.filter.stages"),
            list(stage_labels),
            format_func=shown_as(stage_labels),
            key=STAGES_KEY,
            placeholder=tr("netpage.filter.all"),
            help=tr("netpage.filter.stages.help"),
        )
        left, middle, right = st.columns(3)
        strength = left.select_slider(
            tr("netpage.filter.min_strength"),
            options=STRENGTHS,
            key=STRENGTH_KEY,
            help=tr("netpage.filter.min_strength.help"),
        )
        after = middle.date_input(
            tr("netpage.filter.after"),
            key=AFTER_KEY,
            format=date_input_format(),
            min_value=dt.date(1900, 1, 1),
            max_value=dt.date(2100, 12, 31),
            help=tr("netpage.filter.dates.help"),
        )
        before = right.date_input(
            tr("netpage.filter.before"),
            key=BEFORE_KEY,
            format=date_input_format(),
            min_value=dt.date(1900, 1, 1),
            max_value=dt.date(2100, 12, 31),
            help=tr("netpage.filter.dates.help"),
        )
        st.button(
            tr("netpage.filter.reset"),
            on_click=_reset_filters,
            key="net_filter_reset",
            disabled=not active,
            icon=":material/filter_alt_off:",
        )
    if after and before and after > before:
        st.warning(tr("netpage.filter.dates_swapped"))
    if kinds_apply and not node_kinds:
        st.info(tr("netpage.filter.no_kinds"))
        return None

    def chosen(values: list[str]) -> list[str | None]:
        return [None if v == NOT_GIVEN else v for v in values]

    return netgraph.NetworkFilter(
        node_kinds=node_kinds if kinds_apply and set(node_kinds) != set(netgraph.NODE_KINDS) else None,
        edge_kinds=(edge_kinds or ["__none__"])
        if kinds_apply and set(edge_kinds) != set(netgraph.EDGE_KINDS)
        else None,
        sectors=chosen(sectors) or None,
        org_types=chosen(org_types) or None,
        stages=chosen(stages) or None,
        staff=staff or None,
        min_strength=strength if strength > 1 else None,
        contact_after=after,
        contact_before=before,
    )


# --- positions -----------------------------------------------------------------------------------


@st.cache_resource(max_entries=16, show_spinner=False)
def _stored_positions(
    db_url: str, view: str, signature: str, _db: Database, _graph: nx.Graph
) -> dict[Hashable, tuple[float, float]]:
    """Positions of every node of one view's whole graph; computed once per graph (its signature).

    The result is shared between sessions and must not be changed.
    """
    whole = _graph if view == layout.DEFAULT_VIEW else netgraph.organisation_view(_graph)
    return pulled_in(layout.positions(_db, whole, view=view))


def pulled_in(pos: Mapping[Hashable, tuple[float, float]]) -> dict[Hashable, tuple[float, float]]:
    """``pos`` with far-flung stragglers drawn just outside the crowd instead of at the edge of the box.

    A force layout pushes nodes without ties (and tiny separate groups) far away, which shrinks the
    rest of the network to a blob in the middle of the drawing. Every node further from the median
    than 1.15 times the 95th-percentile distance is moved inwards along its own direction, into a
    narrow band just outside that distance, keeping the order of distances. Display only: nothing
    is stored, and the same positions always give the same result.
    """
    if len(pos) < 20:
        return dict(pos)
    nodes = list(pos)
    coords = np.asarray([pos[v] for v in nodes], dtype=float)
    centre = np.median(coords, axis=0)
    offsets = coords - centre
    radius = np.hypot(offsets[:, 0], offsets[:, 1])
    usual = float(np.quantile(radius, 0.95))
    limit = 1.15 * usual
    if usual <= 0 or radius.max() <= limit * 1.05:
        return dict(pos)
    far = radius > limit
    squeezed = limit + 0.3 * usual * (1 - np.exp(-(radius[far] - limit) / usual))
    offsets[far] *= (squeezed / radius[far])[:, None]
    moved = centre + offsets
    return {v: (round(float(x), 6), round(float(y), 6)) for v, (x, y) in zip(nodes, moved.tolist(), strict=True)}


def positions_for(db: Database, G: nx.Graph, view: str, signature: str) -> Mapping[Hashable, tuple[float, float]]:
    """Positions for the whole graph ``G`` (``view`` "whole") or its organisation view ("organisations")."""
    return _stored_positions(db.url, view, signature, db, G)


def current_view(
    db: Database,
    G: nx.Graph,
    name: str,
    flt: netgraph.NetworkFilter | None,
    staff: str | None,
    day: dt.date,
    today: nx.Graph | None = None,
) -> View:
    """The graph the page draws for view ``name``, with positions that no filter ever changes.

    ``today`` is the network today when ``G`` is an earlier one: positions then come from today's
    network, so going back in time leaves every node where it is and only hides what came later.
    """
    placed = today if today is not None else G
    signature = netgraph.graph_signature(placed)
    if name == "organisations":
        pos = positions_for(db, placed, "organisations", signature)
        H = _filtered(G, _without_kinds(flt))
        return View(name, netgraph.organisation_view(H), pos, day)
    if name == "rings":
        H = _filtered(G, _without_kinds(flt))
        ranked = health.potential_partners(H, today=day)
        candidates = [str(v) for v in ranked[ranked["score"] > 0]["node"].head(RING_CANDIDATES)]
        placed = netgraph.rings(H, candidates)
        organisations = netgraph.organisation_view(H)
        drawn = organisations.subgraph([v for v in organisations if v in placed]).copy()
        return View(name, drawn, plotting.ring_positions(drawn, placed), day, placed, candidates)
    pos = positions_for(db, placed, layout.DEFAULT_VIEW, signature)
    if name == "mine":
        if staff is None:
            return View(name, nx.Graph(**G.graph), {}, day, waiting=True)
        mine = netgraph.staff_network(G, staff)
        # Only the staff member's part of the drawing: the map zooms in, and filters do not re-zoom it.
        pos = {v: pos[v] for v in mine if v in pos}
        G = mine
    if flt is None:
        return View(name, nx.Graph(**G.graph), pos, day)
    return View(name, _filtered(G, flt), pos, day)


def _filtered(G: nx.Graph, flt: netgraph.NetworkFilter | None) -> nx.Graph:
    return G if flt is None or flt.is_empty else netgraph.apply_filter(G, flt)


def _without_kinds(flt: netgraph.NetworkFilter | None) -> netgraph.NetworkFilter | None:
    """The filter for the organisation and ring views, which fold people in and so need every kind."""
    return None if flt is None else dataclasses.replace(flt, node_kinds=None, edge_kinds=None)


# --- the map -----------------------------------------------------------------------------------------


def _hover_metrics(metrics: pd.DataFrame, size_by: str) -> dict[Hashable, dict[str, Any]]:
    columns = ["degree", "betweenness"]
    if size_by in SIZE_METRICS and size_by not in columns:
        columns.append(size_by)
    names = {column: tr(f"network.metric.{column}") for column in columns}
    return {
        node: {names[column]: value for column, value in row.items()}
        for node, row in metrics[columns].to_dict("index").items()
    }


def finished(fig: go.Figure) -> go.Figure:
    """Two touches to a drawing from ``lib.network.plotting`` before it is shown.

    * Node traces are drawn in reverse, so the library and the organisations lie on top of the
      crowd of contacts instead of under it; the legend keeps its order.
    * Hover boxes get dark text: without a font colour plotly writes in the point's own colour,
      which is unreadable in a white box for light colours.
    """
    nodes = [trace for trace in fig.data if trace.customdata is not None]
    if len(nodes) > 1:
        others = [trace for trace in fig.data if trace.customdata is None]
        for rank, trace in enumerate(nodes):
            trace.legendrank = 1000 + rank
        fig.data = tuple(others + nodes[::-1])
    fig.update_layout(hoverlabel={"font": {"color": "#262730"}, "bgcolor": "white"})
    return fig


def view_figure(view: View, metrics: pd.DataFrame, highlight: Sequence[Hashable] | None = None) -> go.Figure:
    """The drawing of ``view`` with the colour, size and labels chosen on the map."""
    size_by = st.session_state.get(SIZE_KEY, SIZE_BY_KIND)
    hover = _hover_metrics(metrics, size_by)
    if view.name == "rings":
        return finished(plotting.rings_figure(view.graph, view.rings or {}, lang(), hover_metrics=hover, height=800))
    return finished(
        plotting.network_figure(
            view.graph,
            view.positions,
            color_by=st.session_state.get(COLOR_KEY, "kind"),
            size_by=metrics[size_by].to_dict() if size_by in SIZE_METRICS else None,
            highlight=highlight,
            lang=lang(),
            labels=bool(st.session_state.get(labels_key(view.name))),
            hover_metrics=hover,
            communities=metrics["community"].to_dict(),
        )
    )


def _take_selection(graph: nx.Graph) -> None:
    """Open the node the user just clicked (or the first of those just marked) on either map."""
    seen = st.session_state.setdefault(SEEN_KEY, {})
    for key in (CHART_KEY, EGO_CHART_KEY):
        state = st.session_state.get(key)
        try:
            points = state["selection"]["points"] if state else []
        except (KeyError, TypeError):
            points = []
        nodes = tuple(v for v in plotting.selected_nodes(points) if v in graph)
        if nodes == seen.get(key, ()):
            continue  # a selection that merely survived a rerun does not reopen anything
        seen[key] = nodes
        if nodes:
            st.session_state[OPEN_KEY] = nodes[0]
            st.session_state[MARKED_KEY] = list(nodes)


def _open_found() -> None:
    value = st.session_state.get(FIND_KEY)
    st.session_state[OPEN_KEY] = blank_to_none(value)
    st.session_state[MARKED_KEY] = []


def _close() -> None:
    st.session_state[OPEN_KEY] = None
    st.session_state[MARKED_KEY] = []


def _find_box(graph: nx.Graph, where: Any) -> None:
    def shown(v: Hashable) -> str:
        data = graph.nodes[v]
        parts = [_node_label(graph, v), _kind_label(data.get("kind"))]
        if data.get("organisation") and data.get("kind") != "organisation":
            parts.append(str(data["organisation"]))
        return " · ".join(parts)

    ordered = sorted(graph, key=lambda v: (_node_label(graph, v).casefold(), str(v)))
    options = {BLANK: tr("netpage.find.placeholder"), **{v: shown(v) for v in ordered}}
    opened = st.session_state.get(OPEN_KEY)
    st.session_state[FIND_KEY] = opened if opened in options else BLANK
    where.selectbox(
        tr("netpage.find"),
        options=list(options),
        format_func=shown_as(options),
        placeholder=tr("widget.choose_one"),
        key=FIND_KEY,
        on_change=_open_found,
        help=tr("netpage.find.help"),
    )


def map_section(view: View, metrics: pd.DataFrame) -> None:
    """The map: choices of colour and size, the searchable picker, the chart and the opened node."""
    graph = view.graph
    _take_selection(graph)
    opened = st.session_state.get(OPEN_KEY)
    if opened is not None and opened not in graph:
        opened = st.session_state[OPEN_KEY] = None  # the view or a filter no longer shows it
    find, colour, size, names = st.columns([3, 2, 2, 1.4], vertical_alignment="bottom")
    _find_box(graph, find)
    color_labels = {code: tr(f"network_figure.color_by.{code}") for code in plotting.COLOR_BY}
    size_labels = {SIZE_BY_KIND: tr("netpage.size.kind"), **{m: tr(f"network.metric.{m}") for m in SIZE_METRICS}}
    _only_known(COLOR_KEY, list(color_labels))
    _only_known(SIZE_KEY, list(size_labels))
    rings = view.name == "rings"
    colour.selectbox(
        tr("netpage.color_by"),
        list(color_labels),
        format_func=shown_as(color_labels),
        placeholder=tr("widget.choose_one"),
        key=COLOR_KEY,
        disabled=rings,
        help=tr("netpage.not_in_rings") if rings else None,
    )
    size.selectbox(
        tr("netpage.size_by"),
        list(size_labels),
        format_func=shown_as(size_labels),
        placeholder=tr("widget.choose_one"),
        key=SIZE_KEY,
        disabled=rings,
        help=tr("netpage.not_in_rings") if rings else None,
    )
    st.session_state.setdefault(labels_key(view.name), view.name == "organisations")
    names.toggle(tr("netpage.labels"), key=labels_key(view.name), disabled=rings)
    # The opened node's own ties are drawn dark; lighting its neighbours too would light their ties as well.
    fig = view_figure(view, metrics, [opened] if opened is not None else None)
    st.caption(tr_md("netpage.shown", nodes=graph.number_of_nodes(), edges=graph.number_of_edges()))
    st.plotly_chart(
        fig,
        theme=None,
        on_select="rerun",
        selection_mode=("points", "box", "lasso"),
        key=CHART_KEY,
        config={"displaylogo": False},
    )
    st.caption(tr("netpage.chart_hint"))
    if opened is not None:
        node_details(view, metrics, opened)


def _marked_note(graph: nx.Graph) -> None:
    marked = [v for v in st.session_state.get(MARKED_KEY) or [] if v in graph]
    if len(marked) > 1:
        st.info(
            tr("netpage.selected_many", count=len(marked), names=_names_md([_node_label(graph, v) for v in marked]))
        )


def _describe(graph: nx.Graph, node: Hashable) -> list[str]:
    """Lines about a node: kind and type, organisation, job title, partner (as text, not Markdown)."""
    data = graph.nodes[node]
    first = [_kind_label(data.get("kind"))]
    if data.get("org_type"):
        first.append(vocabulary_label("orgtype", str(data["org_type"]), lang()))
    if data.get("sector"):
        first.append(vocabulary_label("sector", str(data["sector"]), lang()))
    if node in netgraph.partners_in(graph):
        first.append(tr("netpage.details.partner"))
    lines = [" · ".join(first)]
    if data.get("organisation") and data.get("kind") != "organisation":
        lines.append(tr("netpage.details.organisation", organisation=data["organisation"]))
    if data.get("title") and data.get("kind") in ("staff", "contact"):
        lines.append(tr("netpage.details.job_title", title=data["title"]))
    if data.get("people"):
        lines.append(tr("netpage.details.people", count=data["people"]))
    return lines


TIE_COLUMNS = (
    Col("other", "netpage.col.other"),
    Col("other_kind", "netpage.col.kind"),
    Col("tie", "netpage.col.tie_kind"),
    Col("strength", "network.column.strength", "number"),
    Col("ties", "netpage.col.ties", "number"),
    Col("last_contact", "network.column.contact_date", "date"),
    Col("owner", "network.column.owner"),
)


def _tie_text(edge: Mapping[str, Any]) -> str:
    kinds = edge.get("kinds") or {edge.get("kind")}
    parts = []
    for kind in ("partnership", "relation", "affiliation", "staff"):
        if kind not in kinds:
            continue
        text = tr(f"network.edge.{kind}")
        if kind == "relation" and edge.get("relation_kinds"):
            text += ": " + ", ".join(
                sorted(vocabulary_label("relkind", k, lang()).lower() for k in edge["relation_kinds"])
            )
        if kind == "affiliation" and edge.get("role"):
            text += f" ({edge['role']})"
        parts.append(text)
    return "; ".join(parts)


def tie_rows(graph: nx.Graph, node: Hashable) -> pd.DataFrame:
    """One row per tie of ``node``: who, what kind of tie, strength, last contact, who holds it."""
    rows = []
    for other, edge in graph[node].items():
        rows.append(
            {
                "other": _node_label(graph, other),
                "other_kind": _kind_label(graph.nodes[other].get("kind")),
                "tie": _tie_text(edge),
                "strength": edge.get("strength"),
                "ties": edge.get("ties") or 1,
                "last_contact": edge.get("last_contact"),
                "owner": _node_label(graph, edge["owner"]) if edge.get("owner") else "",
            }
        )
    frame = pd.DataFrame(rows, columns=[c.name for c in TIE_COLUMNS])
    return frame.sort_values(["other_kind", "other"], key=lambda s: s.str.casefold(), kind="stable")


def node_details(view: View, metrics: pd.DataFrame, node: Hashable) -> None:
    """The opened node: what it is, its measures, who holds it, its ties and the network around it."""
    graph = view.graph
    st.divider()
    _marked_note(graph)
    head, close = st.columns([6, 1], vertical_alignment="center")
    head.subheader(escape_markdown(_node_label(graph, node)))
    close.button(tr("netpage.details.close"), on_click=_close, key="net_close", icon=":material/close:")
    st.markdown("  \n".join(escape_markdown(line) for line in _describe(graph, node)))
    if node in metrics.index:
        row = metrics.loc[node]
        for column, name in zip(st.columns(4), ("degree", "betweenness", "closeness", "reach"), strict=True):
            place = netmetrics.rank_of(metrics, name, node) if name in RANKED_METRICS else None
            shown = (
                tr("network.metric.rank", place=place[0], total=place[1]) if place else _metric_value(name, row[name])
            )
            column.metric(tr(f"network.metric.{name}"), escape_markdown(shown), help=tr(f"network.metric.{name}.help"))
    owner = plotting.node_owner(graph, node)
    if owner is not None and owner != node:
        st.markdown(tr_md("netpage.details.owner", owner=_node_label(graph, owner)))
    elif owner is None and view.name in ("whole", "mine"):  # folded views carry no owners
        st.caption(tr("netpage.details.no_owner"))
    st.markdown(f"**{tr('netpage.details.ties')}**")
    ties = tie_rows(graph, node)
    if ties.empty:
        st.caption(tr("netpage.details.no_ties"))
    else:
        # Strength and owner mean nothing in the organisation view, for instance: leave empty columns out.
        shown = [
            c
            for c in TIE_COLUMNS
            if c.name in ("other", "tie") or ties[c.name].notna().any() and (ties[c.name] != "").any()
        ]
        table(ties, shown, key="net_ties_table")
    st.markdown(f"**{tr('netpage.details.ego')}**")
    radius_labels = {1: tr("netpage.ego.1"), 2: tr("netpage.ego.2")}
    _only_known(EGO_KEY, list(radius_labels))
    radius = st.radio(
        tr("netpage.ego.radius"), list(radius_labels), format_func=shown_as(radius_labels), key=EGO_KEY, horizontal=True
    )
    ego = netgraph.ego_network(graph, node, int(radius))
    pos = {v: view.positions[v] for v in ego if v in view.positions}
    size_by = st.session_state.get(SIZE_KEY, SIZE_BY_KIND)
    fig = finished(
        plotting.network_figure(
            ego,
            pos,
            color_by=st.session_state.get(COLOR_KEY, "kind") if view.name != "rings" else "kind",
            size_by=metrics[size_by].to_dict() if size_by in SIZE_METRICS else None,
            lang=lang(),
            labels=True,
            hover_metrics=_hover_metrics(metrics, size_by),
            communities=metrics["community"].to_dict(),
            height=480,
        )
    )
    st.plotly_chart(
        fig, theme=None, on_select="rerun", selection_mode=("points",), key=EGO_CHART_KEY, config={"displaylogo": False}
    )


# --- tables ------------------------------------------------------------------------------------------


#: Columns of long sentences, given the room to be read.
WIDE_COLUMNS = ("reason", "scope_text")


def table(
    frame: pd.DataFrame,
    columns: Sequence[Col],
    *,
    key: str | None = None,
    decimals: Mapping[str, int] | None = None,
    height: int | str = "auto",
) -> None:
    """``frame`` with only ``columns``, translated headers, and decimals the reader's way.

    Decimal columns are shown through a Styler, so "0,125" in Danish while sorting stays numeric.
    Cells are plain text: names from an imported file never become markup.
    """
    frame = frame[[c.name for c in columns]]  # other columns may hold values a table cannot show (dicts)
    shown: Any = frame
    if decimals:
        present = {c: d for c, d in decimals.items() if c in frame.columns}
        shown = frame.style.format({c: (lambda value, d=d: _number(value, d)) for c, d in present.items()})
    config = column_config(columns)
    for column in columns:
        if column.name in WIDE_COLUMNS:
            config[column.name] = st.column_config.TextColumn(tr(column.label_key), width="large")
    st.dataframe(
        shown,
        hide_index=True,
        column_order=[c.name for c in columns],
        column_config=config,
        key=key,
        placeholder="",
        height=height,
    )


# --- figures and key people --------------------------------------------------------------------------

METRIC_COLUMNS = (
    Col("label", "netpage.col.name"),
    Col("kind_label", "netpage.col.kind"),
    *(Col(name, f"network.metric.{name}", "number") for name in TABLE_METRICS),
)
METRIC_DECIMALS = {"weighted_degree": 1, "betweenness": 4, "closeness": 3, "eigenvector": 3, "reach": 3}
#: On screen a bridge builder and closeness are a place ("nr. 3"), which means something to a reader where
#: 0,314 does not; the Excel file keeps the values for those who analyse them.
SCREEN_METRIC_COLUMNS = tuple(
    Col(f"{c.name}_place", f"netpage.col.{c.name}_place", "number") if c.name in RANKED_METRICS else c
    for c in METRIC_COLUMNS
)


def metrics_frame(metrics: pd.DataFrame) -> pd.DataFrame:
    """The measures of the view with words for kinds, most connected first."""
    frame = metrics.reset_index(drop=True).copy()
    frame["kind_label"] = [_kind_label(kind) for kind in frame["kind"]]
    for name in RANKED_METRICS:
        frame[f"{name}_place"] = netmetrics.places(frame, name).to_numpy()
    return frame.sort_values(["degree", "label"], ascending=[False, True], kind="stable")


def _excel(frame: pd.DataFrame) -> bytes:
    columns = [c for c in METRIC_COLUMNS]
    shown = frame[[c.name for c in columns]].rename(columns={c.name: tr(c.label_key) for c in columns})
    return xlsx_bytes({tr("netpage.metrics.sheet"): shown})


def figures_section(view: View, metrics: pd.DataFrame) -> None:
    """Figures for the whole view, its bridge builders and isolates, and every node's measures."""
    graph = view.graph
    figures = netmetrics.cached_network_figures(graph)
    st.subheader(tr("netpage.figures.title"))
    st.caption(tr_md("netpage.figures.view", view=view.title))
    shown = (
        ("nodes", _number(figures["nodes"])),
        ("edges", _number(figures["edges"])),
        ("density", format_percent(100 * figures["density"], lang(), 1)),
        ("components", _number(figures["components"])),
        (
            "average_path_length",
            "" if figures["average_path_length"] is None else format_number(figures["average_path_length"], lang(), 2),
        ),
        ("diameter", "" if figures["diameter"] is None else _number(figures["diameter"])),
    )
    for column, (name, value) in zip([*st.columns(3), *st.columns(3)], shown, strict=True):
        help_key = f"network.figure.{name}.help"
        column.metric(
            tr(f"network.figure.{name}"),
            escape_markdown(value or "–"),
            help=tr(help_key) if tr(help_key) != help_key else None,
        )
    sampled = metrics.attrs.get("betweenness_sample")
    if sampled:
        st.caption(tr_md("network.metric.sampled", sample=sampled))
    if figures.get("path_sample"):
        st.caption(tr_md("network.figure.path_sample", sample=figures["path_sample"]))
    if not sampled and not figures.get("path_sample"):
        st.caption(tr("netpage.figures.exact"))
    brokers_column, isolates_column = st.columns(2)
    with brokers_column:
        _brokers(metrics)
    with isolates_column:
        _isolates(graph)
    st.markdown(f"**{tr('netpage.metrics.title')}**")
    st.caption(tr("netpage.metrics.help"))
    frame = metrics_frame(metrics)
    config = column_config(SCREEN_METRIC_COLUMNS)
    for name in TABLE_METRICS:
        column = f"{name}_place" if name in RANKED_METRICS else name
        config[column] = st.column_config.NumberColumn(
            tr(f"netpage.col.{column}") if name in RANKED_METRICS else tr(f"network.metric.{name}"),
            help=tr(f"network.metric.{name}.help"),
            format="%d" if name in RANKED_METRICS else None,
        )
    styled = frame.style.format(
        {c: (lambda value, d=d: _number(value, d)) for c, d in METRIC_DECIMALS.items() if c not in RANKED_METRICS}
    )
    st.dataframe(
        styled,
        hide_index=True,
        column_order=[c.name for c in SCREEN_METRIC_COLUMNS],
        column_config=config,
        key="net_metrics_table",
        placeholder="",
    )
    export_download(
        tr("netpage.metrics.download"),
        lambda _session: _excel(frame),
        kind="network_table",
        people=int(frame["kind"].isin(("staff", "contact")).sum()),
        file_name=f"{tr('netpage.metrics.file_stem')}-{view.day.isoformat()}.xlsx",
        mime=netexport.MIME_TYPES.get("xlsx", "application/octet-stream"),
        key="net_metrics_xlsx",
        icon=":material/download:",
    )


def _brokers(metrics: pd.DataFrame) -> None:
    st.markdown(f"**{tr('netpage.brokers.title')}**")
    found = netmetrics.brokers(metrics, n=BROKERS_SHOWN, kinds=("staff", "contact", "organisation"))
    if found.empty:
        st.caption(tr("netpage.brokers.none"))
        return
    st.markdown(tr("netpage.brokers.text"))
    lines = [
        f"{rank}. {escape_markdown(row.label)} ({escape_markdown(_kind_label(row.kind).lower())})"
        for rank, row in enumerate(found.itertuples(), start=1)
    ]
    st.markdown("\n".join(lines))


def _isolates(graph: nx.Graph) -> None:
    st.markdown(f"**{tr('netpage.isolates.title')}**")
    lonely = netmetrics.isolates(graph)
    if not lonely:
        st.caption(tr("netpage.isolates.none"))
        return
    st.markdown(tr("netpage.isolates", count=len(lonely)))
    st.markdown(_names_md([_node_label(graph, v) for v in lonely]))


# --- health ------------------------------------------------------------------------------------------

COLD_COLUMNS = (
    Col("owner_label", "network.column.owner"),
    Col("other_label", "network.column.other"),
    Col("kind_label", "network.column.relation_kind"),
    Col("strength", "network.column.strength", "number"),
    Col("contact_date", "network.column.contact_date", "date"),
    Col("months_since", "network.column.months_since", "number"),
)
SINGLE_COLUMNS = (
    Col("kind_label", "netpage.col.kind"),
    Col("label", "netpage.col.name"),
    Col("staff_label", "network.column.owner"),
    Col("detail", "organisation.col.detail"),
)
STAFF_COLUMNS = (
    Col("label", "netpage.col.name"),
    Col("ties", "network.column.ties", "number"),
    Col("organisations", "network.column.organisations", "number"),
    Col("partnerships", "network.column.partnerships", "number"),
    Col("sole_organisations", "network.column.sole_organisations", "number"),
    Col("sole_partnerships", "network.column.sole_partnerships", "number"),
    Col("cold_ties", "network.column.cold_ties", "number"),
)
PARTNER_COLUMNS = (
    Col("rank", "network.column.rank", "number"),
    Col("label", "netpage.col.name"),
    Col("type_label", "netpage.col.org_type"),
    Col("sector_label", "netpage.col.sector"),
    Col("score", "network.column.score", "number"),
    Col("reason", "network.column.reason"),
)


def health_section(G: nx.Graph, day: dt.date) -> None:
    """Ties going cold, what hangs on one person, who holds what, and every potential partner."""
    st.caption(tr_md("netpage.health.basis", date=day))
    months = int(
        st.columns(3)[0].number_input(tr("netpage.cold.months"), min_value=1, max_value=240, step=1, key=COLD_KEY)
    )
    _cold_ties(G, months, day)
    with database().read() as session:
        one = figures.one_person(session, day, graph=G)
    _single_person(one, G)
    st.subheader(tr("network.staff.title"))
    per_staff = health.relations_per_staff(G, months, today=day, sole=one.per_staff())
    if per_staff.empty:
        st.caption(tr("netpage.staff.none"))
    else:
        table(per_staff, STAFF_COLUMNS, key="net_staff_table")
    potential_partners_section(G, day)


def _cold_ties(G: nx.Graph, months: int, day: dt.date) -> None:
    st.subheader(tr("network.cold.title"))
    st.caption(tr_md("network.cold.help", months=months))
    cold = health.cold_ties(G, months, today=day)
    cold["kind_label"] = [vocabulary_label("relkind", k, lang()) if k else "" for k in cold["relation_kind"]]
    dated, undated = cold[~cold["no_date"].astype(bool)], cold[cold["no_date"].astype(bool)]
    if dated.empty:
        st.success(tr_md("netpage.cold.none", months=months))
    else:
        st.warning(tr_md("netpage.cold.count", count=len(dated), months=months))
        table(dated, COLD_COLUMNS, key="net_cold_table")
    if not undated.empty:
        with st.expander(tr("netpage.cold.undated", count=len(undated))):
            st.caption(tr("network.cold.no_date.help"))
            table(undated, COLD_COLUMNS[:4], key="net_undated_table")


def _single_person(one: figures.OnePerson, G: nx.Graph) -> None:
    """What hangs on one person: the one rule of :mod:`lib.reporting.figures`, with both units named."""
    from lib.network.graph import person_node

    st.subheader(tr("network.single.title"))
    st.caption(tr("network.single.help"))
    left, right = st.columns(2)
    figure_views.show("single_person_partnerships", len(one.partnerships), target=left)
    figure_views.show("single_person_organisations", len(one.organisations), target=right)
    if not one.dependencies:
        st.success(tr("netpage.single.none"))
        return

    def staff_label(person_id: int) -> str:
        node = person_node(person_id)
        return str(G.nodes[node].get("label", "")) if node in G else ""

    rows = [
        {
            "kind_label": tr(f"organisation.kind.{d.kind}"),
            "label": d.label,
            "staff_label": staff_label(d.person_id),
            "detail": d.detail or "",
        }
        for d in one.dependencies
    ]
    table(
        pd.DataFrame(rows, columns=["kind_label", "label", "staff_label", "detail"]),
        SINGLE_COLUMNS,
        key="net_single_table",
    )


def potential_partners_frame(G: nx.Graph, day: dt.date) -> pd.DataFrame:
    """Every non-partner organisation, ranked, with its reason in the reader's words."""
    ranked = health.potential_partners(G, today=day)
    ranked["reason"] = [health.reason_text(row, lang()) for _, row in ranked.iterrows()]
    ranked["type_label"] = [vocabulary_label("orgtype", code, lang()) for code in ranked["org_type"]]
    ranked["sector_label"] = [vocabulary_label("sector", code, lang()) for code in ranked["sector"]]
    return ranked


def potential_partners_section(G: nx.Graph, day: dt.date) -> None:
    st.subheader(tr("network.potential.title"))
    st.caption(tr("network.potential.help"))
    ranked = potential_partners_frame(G, day)
    if ranked.empty:
        st.info(tr("netpage.potential.none"))
        return
    st.markdown(f"**{tr('netpage.potential.top')}**")
    for column, row in zip(st.columns(3), ranked.head(3).itertuples(), strict=False):
        with column.container(border=True):
            st.markdown(f"**{escape_markdown(row.label)}**")
            st.caption(escape_markdown(" · ".join(filter(None, (row.type_label, row.sector_label)))))
            st.markdown(tr_md("netpage.potential.card", rank=row.rank, score=format_number(row.score, lang(), 1)))
            st.markdown(escape_markdown(row.reason))
    st.markdown(f"**{tr('netpage.potential.all', count=len(ranked))}**")
    table(ranked, PARTNER_COLUMNS, key="net_partners_table", decimals={"score": 1})


# --- over time -----------------------------------------------------------------------------------------

TIE_CHANGE_COLUMNS = (
    Col("source_label", "netpage.col.between"),
    Col("target_label", "netpage.col.and"),
    Col("kind_label", "netpage.col.tie_kind"),
)
RISER_COLUMNS = (
    Col("label", "netpage.col.name"),
    Col("kind_label", "netpage.col.kind"),
    Col("degree_before", "netpage.col.degree_before", "number"),
    Col("degree_after", "netpage.col.degree_after", "number"),
    Col("betweenness_place_before", "netpage.col.betweenness_before", "number"),
    Col("betweenness_place_after", "netpage.col.betweenness_after", "number"),
)


def _date_setting(key: str, default: dt.date, first: dt.date, last: dt.date) -> None:
    value = st.session_state.get(key)
    if not isinstance(value, dt.date) or not first <= value <= last:
        st.session_state[key] = min(max(default, first), last)


def time_section(db: Database, first: dt.date, last: dt.date, day: dt.date) -> None:
    """Compare the network on two dates: new and lost ties, who became more or less central."""
    st.subheader(tr("netpage.compare.title"))
    _date_setting(COMPARE_FROM_KEY, day - dt.timedelta(days=365), first, last)
    _date_setting(COMPARE_TO_KEY, day, first, last)
    left, right = st.columns(2)
    start = left.date_input(
        tr("netpage.compare.from"), min_value=first, max_value=last, key=COMPARE_FROM_KEY, format=date_input_format()
    )
    end = right.date_input(
        tr("netpage.compare.to"), min_value=first, max_value=last, key=COMPARE_TO_KEY, format=date_input_format()
    )
    if start == end:
        st.info(tr("netpage.compare.same"))
        return
    if start > end:
        start, end = end, start
        st.caption(tr("netpage.compare.swapped"))
    with db.read() as session:
        before, after = timeline.graph_as_of(session, start), timeline.graph_as_of(session, end)
    change = timeline.compare(before, after, n=10)
    counts = change.counts
    st.markdown(
        tr_md(
            "netpage.compare.summary",
            start=start,
            end=end,
            **{k: counts[k] for k in ("new_ties", "lost_ties", "new_nodes", "lost_nodes")},
        )
    )
    columns = st.columns(4)
    columns[0].metric(
        tr("netpage.compare.nodes"),
        escape_markdown(_number(counts["nodes_after"])),
        delta=counts["nodes_after"] - counts["nodes_before"],
    )
    columns[1].metric(
        tr("netpage.compare.edges"),
        escape_markdown(_number(counts["edges_after"])),
        delta=counts["edges_after"] - counts["edges_before"],
    )
    columns[2].metric(tr("network.timeline.new_ties"), escape_markdown(_number(counts["new_ties"])))
    columns[3].metric(tr("network.timeline.lost_ties"), escape_markdown(_number(counts["lost_ties"])))
    for title, frame, key in (
        ("network.timeline.risers", change.risers, "net_risers"),
        ("network.timeline.fallers", change.fallers, "net_fallers"),
    ):
        st.markdown(f"**{tr(title)}**")
        st.caption(tr("netpage.compare.central_help"))
        _changes_table(frame, key, RISER_COLUMNS, None)
    new, lost = st.columns(2)
    for where, title, frame, key in (
        (new, "network.timeline.new_ties", change.new_ties, "net_new_ties"),
        (lost, "network.timeline.lost_ties", change.lost_ties, "net_lost_ties"),
    ):
        with where:
            st.markdown(f"**{tr(title)}**")
            _changes_table(frame, key, TIE_CHANGE_COLUMNS, None)


def _changes_table(frame: pd.DataFrame, key: str, columns: Sequence[Col], decimals: Mapping[str, int] | None) -> None:
    if frame.empty:
        st.caption(tr("netpage.compare.none"))
        return
    frame = frame.copy()
    frame["kind_label"] = [
        tr(f"network.edge.{kind}") if "source_label" in frame.columns else _kind_label(kind) for kind in frame["kind"]
    ]
    table(frame, columns, key=key, decimals=decimals, height=min(38 * (len(frame) + 1) + 3, 400))


# --- downloads ---------------------------------------------------------------------------------------


def download_section(view: View, metrics: pd.DataFrame) -> None:
    """The shown network for Gephi, other network programs and Kumu, and the map as PNG and SVG."""
    st.caption(tr_md("netpage.download.scope", view=view.title, date=view.day))
    with_contacts = st.checkbox(tr("network_export.include_contact_details"), key=CONTACT_DETAILS_KEY)
    if with_contacts:
        st.warning(tr("network_export.personal_data"))
    else:
        st.caption(tr("netpage.download.board_safe"))
    graph, stem, lang_now = view.graph, f"{tr('netpage.download.file_stem')}-{view.day.isoformat()}", lang()
    st.markdown(f"**{tr('netpage.download.graphs')}**")
    st.caption(tr("netpage.download.graphs.help"))
    files = (
        ("gexf", lambda: netexport.gexf_bytes(graph, include_contact_details=with_contacts)),
        ("graphml", lambda: netexport.graphml_bytes(graph, include_contact_details=with_contacts)),
        ("kumu", lambda: netexport.kumu_workbook(graph, lang=lang_now, include_contact_details=with_contacts)),
    )
    people = netexport.people_in(graph)
    for column, (fmt, make) in zip(st.columns(3), files, strict=True):
        extension = "xlsx" if fmt == "kumu" else fmt
        with column:
            export_download(
                tr(f"network_export.format.{fmt}"),
                lambda _session, make=make: make(),
                kind="network",
                people=people,
                details={"format": fmt, "contact_details": with_contacts},
                file_name=f"{stem}{'-kumu' if fmt == 'kumu' else ''}.{extension}",
                mime=netexport.MIME_TYPES.get(fmt, "application/octet-stream"),
                key=f"net_download_{fmt}",
                icon=":material/download:",
                width="stretch",
            )
    st.markdown(f"**{tr('netpage.download.images')}**")
    if not netexport.image_export_available():
        st.info(tr("network_export.image_unavailable"))
        return
    st.caption(tr("netpage.download.images.help"))
    fig = view_figure(view, metrics)
    left, right, _ = st.columns(3)
    for column, fmt in ((left, "png"), (right, "svg")):
        with column:
            export_download(
                tr(f"network_export.format.{fmt}"),
                lambda _session, fmt=fmt: netexport.figure_image(fig, fmt, scale=2 if fmt == "png" else 1),
                kind="network",
                people=people,
                details={"format": fmt},
                file_name=f"{stem}.{fmt}",
                mime=netexport.MIME_TYPES.get(fmt),
                key=f"net_download_{fmt}",
                icon=":material/image:",
                width="stretch",
            )


# --- sections --------------------------------------------------------------------------------------


def sections() -> dict[str, Any]:
    """The page's tabs; only the open one is drawn (each tab's ``.open``), so hidden work costs nothing."""
    labels = {name: tr(f"netpage.tab.{name}") for name in TABS}
    return remembered_tabs(labels, tab_key=TAB_KEY, active_key=ACTIVE_TAB)


def empty_workspace() -> None:
    st.info(tr("netpage.empty", import_page=tr("nav.import"), overview_page=tr("nav.overview")))
    try:
        st.page_link("pages/importer.py", label=tr("netpage.go_import"), icon=":material/upload_file:")
    except StreamlitAPIException:
        pass  # the page runs on its own (tests): the text above still says where to go
