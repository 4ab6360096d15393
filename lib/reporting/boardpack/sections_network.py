"""The board pack's network section: partners by type, the strongest ties, the rings picture."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

import networkx as nx
import pandas as pd

from lib.core import charts
from lib.core.i18n import label as vocabulary_label
from lib.network.graph import LIBRARY, node_record_id, organisation_view, rings
from lib.network.plotting import rings_figure
from lib.reporting.boardpack.model import Chart, Section, Table
from lib.reporting.boardpack.section_context import Context

#: The network picture shows at most this many organisations (:func:`picture_nodes`).
PICTURE_ORGANISATIONS = 150


def network_section(ctx: Context) -> Section:
    """The network at organisation level: organisations, ties and partnerships per type, and the rings."""

    G = ctx.graph
    view = organisation_view(G)
    placed = rings(G)
    section = Section(key="network", title=ctx.tr("board.section.network"), source=ctx.source("network"))
    organisations = [v for v, kind in view.nodes(data="kind") if kind == "organisation"]
    if not organisations:
        section.bullets = [ctx.tr("board.network.none")]
        return section
    partners = G.graph.get("partners", {})
    by_type = _network_by_type(ctx, view, placed, partners)
    partner_rows = _partner_rows(ctx, view, placed, partners)
    type_column = ctx.tr("board.col.org_type")
    section.tables = [
        Table("network.types", ctx.tr("board.table.network_types"), by_type),
        Table("network.partners", ctx.tr("board.table.network_partners"), partner_rows),
    ]
    section.charts = [
        Chart(
            key="network.types",
            kind="bar",
            title=ctx.tr("board.chart.network_types"),
            table="network.types",
            category=type_column,
            horizontal=True,
            series=(
                ctx.tr("board.col.organisations_count"),
                ctx.tr("board.col.ties"),
                ctx.tr("board.col.partnerships"),
            ),
            # Partnerships in the blue of the pipeline chart's partnerships, organisations in the
            # green of organisations on the network page.
            colours=(charts.category_colour("node_kind", "organisation"), charts.ORANGE, charts.BLUE),
        ),
        Chart(
            key="network.picture",
            kind="picture",
            title=ctx.tr("board.chart.network_picture"),
            figure=_network_picture(view, placed, ctx.lang, rings_figure),
        ),
    ]
    ring_counts = Counter(ring for node, ring in placed.items() if node != LIBRARY)
    ties = by_type.set_index(type_column)[ctx.tr("board.col.ties")]
    bullets = [
        ctx.tr(
            "board.network.counts",
            organisations=len(organisations),
            partners=ring_counts.get(1, 0),
            contacts=ring_counts.get(2, 0),
        )
    ]
    if len(ties) and ties.max() > 0:
        bullets.append(ctx.tr("board.network.most_ties", org_type=str(ties.idxmax()), ties=int(ties.max())))
    bullets.append(
        ctx.tr("board.network.types", count=int((by_type[ctx.tr("board.col.partners")] > 0).sum()), total=len(by_type))
    )
    if ring_counts.get(3, 0):
        bullets.append(ctx.tr("board.network.untouched", count=ring_counts[3]))
    if len(organisations) > PICTURE_ORGANISATIONS:
        bullets.append(ctx.tr("board.network.picture_cut", shown=PICTURE_ORGANISATIONS, total=len(organisations)))
    section.bullets = bullets
    return section


def _library_ties(view: nx.Graph, node: str) -> int:

    return int(view.edges[LIBRARY, node].get("ties", 0)) if view.has_edge(LIBRARY, node) else 0


def _network_by_type(
    ctx: Context, view: nx.Graph, placed: dict[str, int], partners: dict[int, dict[str, Any]]
) -> pd.DataFrame:
    """Per organisation type: organisations, partners, organisations with contacts, ties, partnerships."""

    rows: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"organisations": 0, "partners": 0, "contacts": 0, "ties": 0, "partnerships": set()}
    )
    for node, data in view.nodes(data=True):
        if data.get("kind") != "organisation":
            continue
        entry = rows[data.get("org_type") or ""]
        entry["organisations"] += 1
        entry["partners"] += placed.get(node) == 1
        entry["contacts"] += placed.get(node) == 2
        entry["ties"] += _library_ties(view, node)
        entry["partnerships"].update(partners.get(node_record_id(node), {}).get("partnership_ids", ()))
    ordered = sorted(rows.items(), key=lambda item: (-item[1]["organisations"], item[0]))
    return pd.DataFrame(
        [
            {
                ctx.tr("board.col.org_type"): vocabulary_label("orgtype", code, ctx.lang)
                or ctx.tr("board.orgtype.unknown"),
                ctx.tr("board.col.organisations_count"): entry["organisations"],
                ctx.tr("board.col.partners"): entry["partners"],
                ctx.tr("board.col.with_contacts"): entry["contacts"],
                ctx.tr("board.col.ties"): entry["ties"],
                ctx.tr("board.col.partnerships"): len(entry["partnerships"]),
            }
            for code, entry in ordered
        ]
    )


def _partner_rows(
    ctx: Context, view: nx.Graph, placed: dict[str, int], partners: dict[int, dict[str, Any]]
) -> pd.DataFrame:
    """The partner organisations (ring 1), most ties with the library first."""

    rows = []
    for node in (n for n, ring in placed.items() if ring == 1 and n in view):
        data = view.nodes[node]
        partner = partners.get(node_record_id(node), {})
        rows.append(
            {
                ctx.tr("board.col.organisation"): data.get("label") or "",
                ctx.tr("board.col.org_type"): vocabulary_label("orgtype", data.get("org_type"), ctx.lang),
                ctx.tr("board.col.sector"): vocabulary_label("sector", data.get("sector"), ctx.lang),
                ctx.tr("board.col.stage"): (
                    ctx.tr(f"partnerships.stage.{partner['stage']}")
                    if partner.get("stage")
                    else ctx.tr("board.network.by_relation")
                ),
                ctx.tr("board.col.ties"): _library_ties(view, node),
                ctx.tr("board.col.last_contact"): partner.get("last_contact"),
            }
        )
    columns = [
        ctx.tr(f"board.col.{name}") for name in ("organisation", "org_type", "sector", "stage", "ties", "last_contact")
    ]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values([columns[4], columns[0]], ascending=[False, True], kind="stable").reset_index(drop=True)


def picture_nodes(view: nx.Graph, placed: Mapping[str, int], most: int = PICTURE_ORGANISATIONS) -> set[str]:
    """The nodes of the network picture: every node when there are at most ``most`` organisations;
    else the library and the ``most`` organisations nearest it (partners first, then the ring of
    contacts), the most tied first within a ring, ties broken by node id.

    A picture of thousands of named dots says nothing a board can read, and drawing it took minutes.
    """
    organisations = [node for node, kind in view.nodes(data="kind") if kind == "organisation"]
    if len(organisations) <= most:
        return set(view)
    ranked = sorted(organisations, key=lambda node: (placed.get(node, 9), -view.degree(node), str(node)))
    return {node for node in view if view.nodes[node].get("kind") != "organisation"} | set(ranked[:most])


def _network_picture(view: nx.Graph, placed: dict[str, int], lang: str, draw: Any) -> dict[str, Any]:
    """The rings around the library at organisation level (:func:`picture_nodes`), as a plotly
    figure's JSON dict."""
    shown = view.subgraph(picture_nodes(view, placed))
    fig = draw(shown, {node: ring for node, ring in placed.items() if node in shown}, lang, labels=True, height=640)
    return fig.to_plotly_json()
