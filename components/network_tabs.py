"""The network page's tabs beyond the map: figures and key people, health, over time, downloads.

Split from :mod:`components.network_views` (the date, the view, the filters and the map), whose keys
and table helper they share; what is computed is in ``lib.network.page`` and ``lib.network.figures``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import networkx as nx
import pandas as pd
import streamlit as st

from components import figures_views as figure_views
from components.context import database, lang, tr
from components.downloads import export_download
from components.network_actions import register_cold_contact
from components.network_views import (
    COLD_KEY,
    COMPARE_FROM_KEY,
    COMPARE_TO_KEY,
    CONTACT_DETAILS_KEY,
    View,
    map_look,
    names_md,
    number,
    table,
    view_title,
)
from components.safe_markdown import escape_markdown, tr_md
from components.tables import Col, column_config, date_input_format, first_rows
from lib.core.i18n import format_number
from lib.network import export as netexport
from lib.network import figures as netfigures
from lib.network import health
from lib.network import page as netpage
from lib.network.page import RANKED_METRICS, TABLE_METRICS
from lib.reporting import network_health

if TYPE_CHECKING:
    from lib.db import Database

BROKERS_SHOWN = 5
#: Up to this many rows the measures table shows numbers the reader's way (decimal comma in Danish).
STYLED_ROWS = 2_000

# --- figures and key people --------------------------------------------------------------------------

METRIC_COLUMNS = (
    Col("label", "netpage.col.name"),
    Col("kind_label", "netpage.col.kind"),
    *(Col(name, f"network.metric.{name}", "number") for name in TABLE_METRICS),
)
#: On screen a bridge builder and closeness are a place ("nr. 3"), which means something to a reader where
#: 0,314 does not; the Excel file keeps the values for those who analyse them.
SCREEN_METRIC_COLUMNS = tuple(
    Col(f"{c.name}_place", f"netpage.col.{c.name}_place", "number") if c.name in RANKED_METRICS else c
    for c in METRIC_COLUMNS
)


def _excel_maker(frame: pd.DataFrame) -> Callable[[Any], bytes]:
    """The Excel file of ``frame``, its words taken now: the click's file is made outside the page run,
    where the user's language is not known."""
    headings = {c.name: tr(c.label_key) for c in METRIC_COLUMNS}
    sheet = tr("netpage.metrics.sheet")
    return lambda _session: netpage.metrics_xlsx(frame, headings, sheet)


def figures_section(view: View, metrics: pd.DataFrame, G: nx.Graph | None = None) -> None:
    """Figures for the whole view, its bridge builders and isolates, and every node's measures (``G``:
    the network the view comes from, whose figures may be ready)."""
    graph = view.graph
    figures = netpage.view_figures(view, G)
    st.subheader(tr("netpage.figures.title"))
    st.caption(tr_md("netpage.figures.view", view=view_title(view)))
    shown = netpage.figure_texts(figures, lang())
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
    frame = netpage.metrics_frame(metrics, lang())
    config = column_config(SCREEN_METRIC_COLUMNS)
    # A Styler formats every cell on every run: on a big network the numbers get a plain format instead.
    plain = len(frame) > STYLED_ROWS
    for name in TABLE_METRICS:
        column = f"{name}_place" if name in RANKED_METRICS else name
        decimals = netpage.METRIC_DECIMALS.get(name)
        config[column] = st.column_config.NumberColumn(
            tr(f"netpage.col.{column}") if name in RANKED_METRICS else tr(f"network.metric.{name}"),
            help=tr(f"network.metric.{name}.help"),
            format="%d" if name in RANKED_METRICS else (f"%.{decimals}f" if plain and decimals else None),
        )
    language = lang()  # read once: the Styler formats every cell of the table
    styled: Any = (
        frame
        if plain
        else frame.style.format(
            {
                c: (lambda value, d=d: netpage.number_text(value, d, language))
                for c, d in netpage.METRIC_DECIMALS.items()
                if c not in RANKED_METRICS
            }
        )
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
        _excel_maker(frame),
        kind="network_table",
        people=int(frame["kind"].isin(("staff", "contact")).sum()),
        file_name=f"{tr('netpage.metrics.file_stem')}-{view.day.isoformat()}.xlsx",
        mime=netexport.MIME_TYPES.get("xlsx", "application/octet-stream"),
        key="net_metrics_xlsx",
        icon=":material/download:",
    )


def _brokers(metrics: pd.DataFrame) -> None:
    st.markdown(f"**{tr('netpage.brokers.title')}**")
    found = netpage.broker_lines(metrics, BROKERS_SHOWN, lang())
    if not found:
        st.caption(tr("netpage.brokers.none"))
        return
    st.markdown(tr("netpage.brokers.text"))
    lines = [
        f"{rank}. {escape_markdown(name)} ({escape_markdown(kind)})" for rank, (name, kind) in enumerate(found, start=1)
    ]
    st.markdown("\n".join(lines))


def _isolates(graph: nx.Graph) -> None:
    st.markdown(f"**{tr('netpage.isolates.title')}**")
    lonely = netpage.isolate_names(graph)
    if not lonely:
        st.caption(tr("netpage.isolates.none"))
        return
    st.markdown(tr("netpage.isolates", count=len(lonely)))
    st.markdown(names_md(lonely))


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


def health_section(G: nx.Graph, day: dt.date, *, actionable: bool = True) -> None:
    """Ties going cold, what hangs on one person, who holds what, and every potential partner;
    ``actionable`` (today's network, not one back in time) offers to register a contact on a cold tie."""
    st.caption(tr_md("netpage.health.basis", date=day))
    months = int(
        st.columns(3)[0].number_input(tr("netpage.cold.months"), min_value=1, max_value=240, step=1, key=COLD_KEY)
    )
    _cold_ties(G, months, day, actionable)
    one = network_health.one_person_on(database(), day, graph=G)
    _single_person(one, G)
    st.subheader(tr("network.staff.title"))
    per_staff = health.relations_per_staff(G, months, today=day, sole=one.per_staff())
    if per_staff.empty:
        st.caption(tr("netpage.staff.none"))
    else:
        table(per_staff, STAFF_COLUMNS, key="net_staff_table")
    potential_partners_section(G, day)


def _cold_ties(G: nx.Graph, months: int, day: dt.date, actionable: bool) -> None:
    st.subheader(tr("network.cold.title"))
    st.caption(tr_md("network.cold.help", months=months))
    dated, undated = netpage.cold_tie_frames(G, months, day, lang())
    if dated.empty:
        st.success(tr_md("netpage.cold.none", months=months))
    else:
        st.warning(tr_md("netpage.cold.count", count=len(dated), months=months))
        shown = first_rows(dated)  # a picker beside a long table offers the rows shown
        table(shown, COLD_COLUMNS, key="net_cold_table")
        if actionable:
            register_cold_contact(shown, day)
    if not undated.empty:
        with st.expander(tr("netpage.cold.undated", count=len(undated))):
            st.caption(tr("network.cold.no_date.help"))
            table(undated, COLD_COLUMNS[:4], key="net_undated_table")


def _single_person(one: Any, G: nx.Graph) -> None:
    """What hangs on one person: the one rule of :mod:`lib.reporting.figures`, with both units named."""
    st.subheader(tr("network.single.title"))
    st.caption(tr("network.single.help"))
    left, right = st.columns(2)
    figure_views.show("single_person_partnerships", len(one.partnerships), target=left)
    figure_views.show("single_person_organisations", len(one.organisations), target=right)
    if not one.dependencies:
        st.success(tr("netpage.single.none"))
        return
    table(netpage.single_person_frame(one.dependencies, G, lang()), SINGLE_COLUMNS, key="net_single_table")


def potential_partners_section(G: nx.Graph, day: dt.date) -> None:
    st.subheader(tr("network.potential.title"))
    st.caption(tr("network.potential.help"))
    ranked = netpage.potential_partners_frame(G, day, lang())
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
    change = netpage.compare_dates(db, start, end, n=10)
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
        escape_markdown(number(counts["nodes_after"])),
        delta=counts["nodes_after"] - counts["nodes_before"],
    )
    columns[1].metric(
        tr("netpage.compare.edges"),
        escape_markdown(number(counts["edges_after"])),
        delta=counts["edges_after"] - counts["edges_before"],
    )
    columns[2].metric(tr("network.timeline.new_ties"), escape_markdown(number(counts["new_ties"])))
    columns[3].metric(tr("network.timeline.lost_ties"), escape_markdown(number(counts["lost_ties"])))
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
    frame = netpage.changes_frame(frame, lang())
    table(frame, columns, key=key, decimals=decimals, height=min(38 * (len(frame) + 1) + 3, 400))


# --- downloads ---------------------------------------------------------------------------------------


def download_section(view: View, metrics: pd.DataFrame) -> None:
    """The shown network for Gephi, other network programs and Kumu, and the map as PNG and SVG."""
    st.caption(tr_md("netpage.download.scope", view=view_title(view), date=view.day))
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
    fig = netfigures.view_figure(view, metrics, map_look(view), lang())
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
