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

*Nothing moves.* Positions are computed for the whole graph of a view once per graph (kept by
``lib.network.page.view_positions``; ``lib.network.layout.positions`` stores them) and filters only
choose which of those nodes are drawn. Names are data: they reach Markdown escaped and plotly through
``lib.network.plotting``, which escapes them itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import networkx as nx
import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from components import network_list, remembered
from components.charts import show_chart
from components.context import actor, database, lang, tr
from components.network_actions import node_way_in
from components.safe_markdown import escape_markdown, tr_md
from components.tables import Col, column_config, date_input_format
from components.widgets import BLANK, blank_to_none, remembered_tabs, shown_as
from lib.core.i18n import format_percent
from lib.core.i18n import label as vocabulary_label
from lib.core.vocabulary import ORGANISATION_TYPES, SECTORS
from lib.network import figures as netfigures
from lib.network import graph as netgraph
from lib.network import health, plotting, whole_map
from lib.network import page as netpage
from lib.network.page import (
    NOT_GIVEN,
    RING_CANDIDATES,
    SIZE_BY_KIND,
    SIZE_METRICS,
    VIEWS,
    NetworkView,
)

if TYPE_CHECKING:
    from lib.db import Database

View = NetworkView

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
MAP_STAGE_KEY = "net_whole_map_stage"

TABS = ("map", "figures", "health", "way_in", "time", "download")
STRENGTHS = (1, 2, 3, 4, 5)
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
    return netpage.kind_label(kind, lang())


def number(value: Any, decimals: int = 3) -> str:
    return netpage.number_text(value, decimals, lang())


def names_md(names: Sequence[str], limit: int = NAMES_LISTED) -> str:
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


def view_title(view: View) -> str:
    return tr(f"netpage.view.{view.name}")


def offered_views(job: whole_map.MapPreparation | None) -> tuple[str, ...]:
    """The views the picker offers: all of them, but while the whole map of a big network is being
    prepared only the organisations and the rings (both need neither its layout nor its measures)."""
    if job is None or job.finished:
        return VIEWS
    return tuple(name for name in VIEWS if name in ("organisations", "rings"))


def map_progress(job: whole_map.MapPreparation) -> None:
    """What the page says about the whole map being prepared, refreshed every few seconds; the page
    is drawn again when the preparation reaches a step that changes what it can show."""
    if job.error:
        st.warning(tr_md("netmap.failed", error=job.error))  # the error's words are not Markdown
        return
    if job.finished:
        return
    st.info(tr_md("netmap.big", nodes=number(whole_map.workspace_size(database()))))
    st.session_state[MAP_STAGE_KEY] = _reached(job)
    _progress_bar(job)


def _reached(job: whole_map.MapPreparation) -> tuple[bool, bool]:
    return job.past("organisations"), job.finished


@st.fragment(run_every=3)
def _progress_bar(job: whole_map.MapPreparation) -> None:
    if _reached(job) != st.session_state.get(MAP_STAGE_KEY):
        st.rerun()  # the organisations, or the whole map, can be shown now
    percent = format_percent(round(100 * job.share), lang())
    st.progress(job.share, text=tr("netmap.preparing", percent=percent))
    st.caption(tr(f"netmap.stage.{job.stage}") + " " + ("" if job.past("organisations") else tr("netmap.wait")))


def view_picker(G: nx.Graph, offered: Sequence[str] = VIEWS) -> tuple[str, str | None]:
    """The view radio (``offered`` views) and, for "Mit netværk", the staff member; returns (view,
    staff node or None)."""
    labels = {name: tr(f"netpage.view.{name}") for name in offered}
    _only_known(VIEW_KEY, list(offered))
    view = st.radio(
        tr("netpage.view"), options=list(labels), format_func=shown_as(labels), key=VIEW_KEY, horizontal=True
    )
    staff = None
    if view == "mine":
        staff = _staff_picker(G)
    elif view == "rings":
        st.caption(tr_md("netpage.view.rings.help", count=RING_CANDIDATES, health_tab=tr("netpage.tab.health")))
    else:
        st.caption(tr(f"netpage.view.{view}.help"))
    return view, staff


def _staff_picker(G: nx.Graph) -> str | None:
    members = netpage.staff_members(G)
    if not members:
        if G.graph.get("as_of"):
            st.info(tr_md("netpage.mine.no_staff_then", date=G.graph["as_of"]))
        else:
            st.info(tr("netpage.mine.no_staff", contacts_page=tr("nav.contacts")))
        return None
    if st.session_state.get(MINE_KEY) in (BLANK, None):
        # A logged-in staff member sees their own network first.
        st.session_state[MINE_KEY] = netpage.staff_node_of(G, list(members), actor()) or BLANK
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
    values = {key: st.session_state.get(key, default) for key, default in FILTER_DEFAULTS.items()}
    return netpage.filters_in_use(values, FILTER_DEFAULTS, unordered=(NODE_KINDS_KEY, EDGE_KINDS_KEY))


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
        **{code: tr(f"partnerships.stage.{code}") for code in netpage.FILTER_STAGES},
        NOT_GIVEN: tr("netpage.filter.no_partnership"),
    }
    staff_labels = netpage.staff_members(G)
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
            select_all=False,
            placeholder=tr("netpage.filter.all"),
        )
        org_types = middle.multiselect(
            tr("netpage.filter.org_types"),
            list(type_labels),
            format_func=shown_as(type_labels),
            key=ORG_TYPES_KEY,
            select_all=False,
            placeholder=tr("netpage.filter.all"),
        )
        staff = right.multiselect(
            tr("netpage.filter.staff"),
            list(staff_labels),
            format_func=shown_as(staff_labels),
            key=STAFF_KEY,
            select_all=False,
            placeholder=tr("netpage.filter.all"),
            help=tr("netpage.filter.staff.help"),
        )
        stages = st.multiselect(
            tr("netpage.filter.stages"),
            list(stage_labels),
            format_func=shown_as(stage_labels),
            key=STAGES_KEY,
            select_all=False,
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
    return netpage.network_filter(
        kinds_apply=kinds_apply,
        node_kinds=node_kinds,
        edge_kinds=edge_kinds,
        sectors=sectors,
        org_types=org_types,
        stages=stages,
        staff=staff,
        min_strength=strength,
        after=after,
        before=before,
    )


# --- positions -----------------------------------------------------------------------------------


def current_view(
    db: Database,
    G: nx.Graph,
    name: str,
    flt: netgraph.NetworkFilter | None,
    staff: str | None,
    day: dt.date,
    today: nx.Graph | None = None,
) -> View:
    """The graph the page draws for view ``name`` (:func:`lib.network.page.current_view`), placed by
    the positions kept for the whole graph (:func:`lib.network.page.view_positions`)."""
    return netpage.current_view(
        G, name, flt, staff, day, lambda whole, view: netpage.view_positions(db, whole, view), today
    )


# --- the map -----------------------------------------------------------------------------------------


def map_look(view: View) -> netfigures.MapLook:
    return netfigures.MapLook(
        color_by=st.session_state.get(COLOR_KEY, "kind"),
        size_by=st.session_state.get(SIZE_KEY, SIZE_BY_KIND),
        labels=bool(st.session_state.get(labels_key(view.name))),
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


def _find_box(view: View, where: Any) -> None:
    options = {BLANK: tr("netpage.find.placeholder"), **netpage.view_find_choices(view, lang())}
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
    _find_box(view, find)
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
    fig = netfigures.view_figure(view, metrics, map_look(view), lang(), [opened] if opened is not None else None)
    # The map's text alternative: how much it shows (the people and ties have tables of their own).
    shown_nodes, shown_ties = netpage.view_size(view)
    show_chart(
        fig,
        summary=tr_md("netpage.shown", nodes=shown_nodes, edges=shown_ties),
        numbers=False,
        on_select="rerun",
        selection_mode=("points", "box", "lasso"),
        key=CHART_KEY,
        config={"displaylogo": False},
    )
    st.caption(tr("netpage.chart_hint"))
    network_list.graph_lists(graph, metrics, "net_list", kept=view.key)
    if opened is not None:
        node_details(view, metrics, opened)


def _marked_note(graph: nx.Graph) -> None:
    marked = [v for v in st.session_state.get(MARKED_KEY) or [] if v in graph]
    if len(marked) > 1:
        st.info(
            tr(
                "netpage.selected_many",
                count=len(marked),
                names=names_md([netpage.node_label(graph, v) for v in marked]),
            )
        )


TIE_COLUMNS = (
    Col("other", "netpage.col.other"),
    Col("other_kind", "netpage.col.kind"),
    Col("tie", "netpage.col.tie_kind"),
    Col("strength", "network.column.strength", "number"),
    Col("ties", "netpage.col.ties", "number"),
    Col("last_contact", "network.column.contact_date", "date"),
    Col("owner", "network.column.owner"),
)


def node_details(view: View, metrics: pd.DataFrame, node: Hashable) -> None:
    """The opened node: what it is, its measures, who holds it, its ties and the network around it."""
    graph = view.graph
    st.divider()
    _marked_note(graph)
    head, close = st.columns([6, 1], vertical_alignment="center")
    head.subheader(escape_markdown(netpage.node_label(graph, node)))
    close.button(tr("netpage.details.close"), on_click=_close, key="net_close", icon=":material/close:")
    st.markdown("  \n".join(escape_markdown(line) for line in netpage.describe(graph, node, lang())))
    measures = netpage.node_measures(metrics, node, lang())
    for column, (name, shown) in zip(st.columns(4) if measures else [], measures, strict=True):
        column.metric(tr(f"network.metric.{name}"), escape_markdown(shown), help=tr(f"network.metric.{name}.help"))
    owner = plotting.node_owner(graph, node)
    if owner is not None and owner != node:
        st.markdown(tr_md("netpage.details.owner", owner=netpage.node_label(graph, owner)))
    elif owner is None and view.name in ("whole", "mine"):  # folded views carry no owners
        st.caption(tr("netpage.details.no_owner"))
    st.markdown(f"**{tr('netpage.details.ties')}**")
    ties = netpage.tie_rows(graph, node, lang())
    if ties.empty:
        st.caption(tr("netpage.details.no_ties"))
    else:
        # Strength and owner mean nothing in the organisation view, for instance: leave empty columns out.
        filled = netpage.filled_columns(ties, always=("other", "tie"))
        table(ties, [c for c in TIE_COLUMNS if c.name in filled], key="net_ties_table")
    node_way_in(graph, node)
    st.markdown(f"**{tr('netpage.details.ego')}**")
    radius_labels = {1: tr("netpage.ego.1"), 2: tr("netpage.ego.2")}
    _only_known(EGO_KEY, list(radius_labels))
    radius = st.radio(
        tr("netpage.ego.radius"), list(radius_labels), format_func=shown_as(radius_labels), key=EGO_KEY, horizontal=True
    )
    fig = netfigures.ego_figure(view, metrics, node, int(radius), map_look(view), lang())
    ego = netgraph.ego_network(graph, str(node), int(radius))
    show_chart(
        fig,
        summary=tr_md("netpage.shown", nodes=ego.number_of_nodes(), edges=ego.number_of_edges()),
        numbers=False,
        on_select="rerun",
        selection_mode=("points",),
        key=EGO_CHART_KEY,
        config={"displaylogo": False},
    )
    network_list.graph_lists(ego, metrics, "net_ego_list", kept=None if view.key is None else (view.key, node, radius))


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
        language = lang()  # read once: the Styler formats every cell
        shown = frame.style.format(
            {c: (lambda value, d=d: netpage.number_text(value, d, language)) for c, d in present.items()}
        )
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
