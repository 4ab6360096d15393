"""The network as lists, right under a map: its points and its ties in two tables that a keyboard and
a screen reader can use (issue 15, WCAG 1.1.1 and 2.1.1).

Each table is sorted with a selectbox (the column) and a radio (ascending or descending) and shown
50 rows a page with ``st.table``, a real HTML table (``st.dataframe`` draws on a canvas a screen
reader cannot read). The rows come from ``lib.network.graph_list``: exactly the graph the map above
draws. ``st.table`` reads cells as Markdown, so every cell goes through ``table_md``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

import networkx as nx
import pandas as pd
import streamlit as st

from components.context import lang, tr
from components.safe_markdown import table_md
from components.widgets import shown_as
from lib.network import graph_list
from lib.network.plotting import WEBGL_THRESHOLD

ORDERS = ("ascending", "descending")
#: Above this many nodes (where the map turns to WebGL) the lists are made only once their panel is open.
LISTED_WHEN_OPENED = WEBGL_THRESHOLD


def graph_lists(graph: nx.Graph, metrics: pd.DataFrame | None, key: str, kept: Hashable | None = None) -> None:
    """The expander "Se netværket som liste" with the points and the ties of ``graph``; ``key`` keeps
    the widgets of one map apart from another's; ``kept`` names the drawn view, so its lists are made
    once (None: made on every run)."""
    language = lang()
    big = graph.number_of_nodes() > LISTED_WHEN_OPENED
    # A big network's lists are made when the panel is opened (a rerun), not on every visit to the map.
    panel = st.expander(
        tr("netlist.expander"), icon=":material/table_rows:", key=f"{key}_panel", on_change="rerun" if big else "ignore"
    )
    if big and not panel.open:
        return
    with panel:
        st.caption(tr("netlist.intro"))
        st.markdown(f"#### {tr('netlist.nodes')}")
        sorted_table(
            lambda: graph_list.node_list(graph, metrics, language),
            graph_list.NODE_COLUMNS,
            f"{key}_nodes",
            None if kept is None else (kept, "nodes", language),
        )
        st.markdown(f"#### {tr('netlist.ties')}")
        sorted_table(
            lambda: graph_list.tie_list(graph, language),
            graph_list.TIE_COLUMNS,
            f"{key}_ties",
            None if kept is None else (kept, "ties", language),
        )


def sorted_table(
    make: Callable[[], pd.DataFrame], columns: Sequence[str], key: str, kept: Hashable | None = None
) -> None:
    """The ``columns`` of the frame ``make()`` gives, sorted as chosen, one page at a time, with
    "Viser 1–50 af 317"; ``kept`` (see :func:`lib.network.graph_list.sorted_list`) keeps the frame."""
    headings = {column: tr(f"netlist.col.{column}") for column in columns}
    if st.session_state.get(f"{key}_sort") not in headings:
        st.session_state[f"{key}_sort"] = columns[0]
    if st.session_state.get(f"{key}_order") not in ORDERS:
        st.session_state[f"{key}_order"] = ORDERS[0]
    by, order, number = st.columns([2, 2, 1], vertical_alignment="bottom")
    column = by.selectbox(
        tr("netlist.sort_by"),
        list(headings),
        format_func=shown_as(headings),
        placeholder=tr("widget.choose_one"),
        key=f"{key}_sort",
    )
    orders = {name: tr(f"netlist.order.{name}") for name in ORDERS}
    direction = order.radio(
        tr("netlist.order"), list(orders), format_func=shown_as(orders), key=f"{key}_order", horizontal=True
    )
    rows = graph_list.sorted_list(kept, make, str(column), descending=direction == "descending")
    pages = graph_list.page_count(len(rows))
    page_key = f"{key}_page"
    wanted = st.session_state.get(page_key)
    st.session_state[page_key] = min(max(1, wanted), pages) if isinstance(wanted, int) else 1
    chosen = number.number_input(tr("netlist.page"), min_value=1, max_value=pages, step=1, key=page_key)
    page = graph_list.page_of(rows, int(chosen))
    if not page.total:
        st.caption(tr("netlist.empty"))
        return
    st.caption(
        tr(
            "netlist.showing",
            first=int(page.first),
            last=int(page.last),
            total=int(page.total),
            page=int(page.number),
            pages=int(page.pages),
        )
    )
    st.table(table_md(graph_list.shown_page(page, columns, headings, lang(), tr("netlist.col.row"))))
