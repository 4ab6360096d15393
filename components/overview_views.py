"""Pieces of the start page "Oversigt" (pages/overview.py): key figures, the radar, alerts, the latest
evaluations and the network, each with a link to the page where the user can act on it.

Everything shown comes from one :class:`lib.reporting.overview.Overview`, read in one session by the page.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from components import figures_views as figure_views
from components.charts import show_chart
from components.context import lang, tr
from components.safe_markdown import escape_markdown, message_md, tr_md
from components.tables import Col, show_table
from lib.core.i18n import format_number
from lib.planning.evaluations import DIMENSIONS
from lib.reporting import checklist as radar
from lib.reporting import figures
from lib.reporting import overview as ov

PREFIX = "overview_"
#: How many alerts are written out before "… and n more".
SHOWN_ALERTS = 8
#: The words and icon of the link to each page.
LINKS = {
    ov.PAGES["partnerships"]: ("overview.link.partnerships", ":material/handshake:"),
    ov.PAGES["goals"]: ("overview.link.goals", ":material/flag:"),
    ov.PAGES["evaluations"]: ("overview.link.evaluations", ":material/fact_check:"),
    ov.PAGES["contacts"]: ("overview.link.contacts", ":material/groups:"),
    ov.PAGES["network"]: ("overview.link.network", ":material/hub:"),
    ov.PAGES["radar"]: ("overview.link.radar", ":material/radar:"),
}
FIGURES_PER_ROW = 3
SEVERITY_ICON = {"high": ":material/error:", "medium": ":material/warning:"}


def link(page: str, label: str, icon: str) -> None:
    """A link to another page of the product.

    A page that is not (yet) in the navigation has no link rather than breaking the start page; the
    heading next to each link already says where to go.
    """
    try:
        st.page_link(page, label=label, icon=icon)
    except StreamlitAPIException:
        pass


def page_link(page: str) -> None:
    """The link to one of the pages in :data:`LINKS`."""
    label_key, icon = LINKS[page]
    link(page, tr(label_key), icon)


# --- key figures -----------------------------------------------------------------------------------


def _decimals(code: str) -> int:
    return figures.DECIMALS.get(code, 0)


def figure_value_md(figure: ov.KeyFigure) -> str:
    """The figure as the reader writes numbers ("3,7"); a dash when there is none."""
    if figure.value is None:
        return tr("overview.figure.no_value")
    return figure_views.value_md(figure.code, figure.value)


def figure_delta_md(figure: ov.KeyFigure) -> str | None:
    """The change with its sign ("+2", "-0,3", "±0"); None when either end is unknown.

    Never escaped further: Streamlit reads the leading minus to draw the arrow down, and a sign
    without a space after it is no Markdown list."""
    if figure.delta is None:
        return None
    decimals = _decimals(figure.code)
    rounded = round(figure.delta, decimals)
    if rounded == 0:
        return "±" + format_number(0, lang())
    return ("+" if rounded > 0 else "-") + format_number(abs(rounded), lang(), decimals=decimals)


def figures_section(data: ov.Overview) -> None:
    """The six key figures, each with its change over twelve months and a link to its page."""
    st.subheader(tr("overview.figures_heading"))
    # Two rows of three: six side by side cut the labels short on a laptop screen.
    columns = [column for _ in range(0, len(data.figures), FIGURES_PER_ROW) for column in st.columns(FIGURES_PER_ROW)]
    for column, figure in zip(columns, data.figures, strict=False):
        with column:
            delta = figure_delta_md(figure)
            unchanged = delta is not None and delta.startswith("±")
            st.metric(
                figure_views.label_md(figure.code),
                figure_value_md(figure),
                delta=delta,
                delta_color="off" if unchanged else "normal",
                delta_arrow="off" if unchanged else "auto",
                help=figure_views.help_md(figure.code),
                border=True,
            )
            page_link(figure.page)
    st.caption(tr_md("overview.figures_compared", date=data.compared_with))


# --- radar, alerts, evaluations, network -----------------------------------------------------------


def radar_section(data: ov.Overview) -> None:
    """The checklist radar of self-assessment against evidence, and the link to the checklist page."""
    st.subheader(tr("overview.radar_heading"))
    assessed_on = data.radar.attrs.get("assessed_on")
    st.caption(tr_md("overview.radar_self", date=assessed_on) if assessed_on else tr("overview.radar_no_self"))
    show_chart(radar.radar_figure(data.radar, lang()), key=PREFIX + "radar")
    page_link(ov.PAGES["radar"])


def alerts_section(alerts: Sequence[ov.OverviewAlert]) -> None:
    """What needs attention, most serious first, with links to the pages where it is dealt with."""
    st.subheader(tr("overview.alerts_heading"))
    if not alerts:
        st.success(tr("overview.alerts_none"), icon=":material/check_circle:")
        return
    lines = [f"- {SEVERITY_ICON[a.severity]} {message_md(a)}" for a in alerts[:SHOWN_ALERTS]]
    st.markdown("\n".join(lines))
    if len(alerts) > SHOWN_ALERTS:
        st.caption(tr("overview.alerts_more", count=len(alerts) - SHOWN_ALERTS))
    for page in dict.fromkeys(a.page for a in alerts):
        page_link(page)


def _mean_text(value: float | None) -> str:
    return "" if value is None or pd.isna(value) else format_number(round(float(value), 1), lang(), decimals=1)


def evaluations_section(evaluations: pd.DataFrame) -> None:
    """The latest evaluation of each partnership (newest first) with its dimension means."""
    st.subheader(tr("overview.evaluations_heading"))
    if evaluations.empty:
        st.caption(tr("overview.evaluations_none"))
    else:
        shown = evaluations.copy()
        for column in (*DIMENSIONS, "overall"):
            shown[column] = [_mean_text(v) for v in shown[column]]
        columns = [
            Col("partnership", "overview.col.partnership"),
            Col("held_on", "overview.col.held_on", "date"),
            *(Col(d, f"evaluations.dimension.{d}") for d in DIMENSIONS),
            Col("overall", "overview.col.overall"),
        ]
        show_table(shown, columns, key=PREFIX + "evaluations")
    page_link(ov.PAGES["evaluations"])


def network_section(counts: dict[str, int], values: dict[str, float | int | None]) -> None:
    """Staff and relations of the network, with links to the network and the contacts."""
    st.subheader(tr("overview.network_heading"))
    staff, relations = st.columns(2)
    figure_views.show("staff", values["staff"], target=staff)
    relations.metric(tr("overview.relations"), escape_markdown(format_number(counts["relations"], lang())))
    link(ov.PAGES["network"], tr("overview.go_network"), ":material/hub:")
    link(ov.PAGES["contacts"], tr("overview.go_contacts"), ":material/groups:")
    link("pages/importer.py", tr("overview.go_import"), ":material/upload_file:")


def render(data: ov.Overview) -> None:
    """The whole start page of a workspace with data."""
    figures_section(data)
    st.divider()
    left, right = st.columns([3, 2], gap="large")
    with left:
        radar_section(data)
    with right:
        alerts_section(data.alerts)
    st.divider()
    evaluations_section(data.evaluations)
    st.divider()
    network_section(data.counts, data.values)
