"""The network page's tables and texts in the reader's words: numbers and measures, a node described,
its ties, the cold ties, what hangs on one person, potential partners and changes over time.

Split from :mod:`lib.network.page`, which re-exports every name here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import networkx as nx
import pandas as pd

from lib.core.i18n import format_number, format_percent, label, t
from lib.core.spreadsheets import xlsx_bytes
from lib.network import graph as netgraph
from lib.network import health
from lib.network import metrics as netmetrics

#: Measures whose value means little on its own: a node's place among the others is shown instead.
RANKED_METRICS = ("betweenness", "closeness")
METRIC_DECIMALS = {"weighted_degree": 1, "betweenness": 4, "closeness": 3, "eigenvector": 3, "reach": 3}


def kind_label(kind: str | None, lang: str) -> str:
    return t(f"network.kind.{kind}", lang) if kind in netgraph.NODE_KINDS else str(kind or "")


def node_label(G: nx.Graph, node: Hashable) -> str:
    return str(G.nodes[node].get("label") or node) if node in G else str(node)


def number_text(value: Any, decimals: int, lang: str) -> str:
    """A number the reader's way: whole numbers without decimals, empty for a missing value."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, int) or float(value).is_integer():
        return format_number(int(value), lang)
    return format_number(float(value), lang, decimals)


def metric_text(name: str, value: Any, lang: str) -> str:
    """A metric as people read it: counts whole, reach as a percentage, the rest with 3 decimals."""
    if value is None or pd.isna(value):
        return ""
    if name == "reach":
        return format_percent(100 * float(value), lang)
    if name in ("degree", "community"):
        return format_number(int(value), lang)
    return format_number(float(value), lang, 1 if name == "weighted_degree" else 3)


def node_measures(metrics: pd.DataFrame, node: Hashable, lang: str) -> list[tuple[str, str]]:
    """The four measures shown for an opened node: (measure, text); a place ("nr. 3 af 120") for the
    ranked ones. Empty when the node has no measures."""
    if node not in metrics.index:
        return []
    row = metrics.loc[node]
    shown = []
    for name in ("degree", "betweenness", "closeness", "reach"):
        place = netmetrics.rank_of(metrics, name, node) if name in RANKED_METRICS else None
        text = (
            t("network.metric.rank", lang, place=place[0], total=place[1])
            if place
            else metric_text(name, row[name], lang)
        )
        shown.append((name, text))
    return shown


def describe(G: nx.Graph, node: Hashable, lang: str) -> list[str]:
    """Lines about a node: kind and type, organisation, job title, partner (as text, not Markdown)."""
    data = G.nodes[node]
    first = [kind_label(data.get("kind"), lang)]
    if data.get("org_type"):
        first.append(label("orgtype", str(data["org_type"]), lang))
    if data.get("sector"):
        first.append(label("sector", str(data["sector"]), lang))
    if node in netgraph.partners_in(G):
        first.append(t("netpage.details.partner", lang))
    lines = [" · ".join(first)]
    if data.get("organisation") and data.get("kind") != "organisation":
        lines.append(t("netpage.details.organisation", lang, organisation=data["organisation"]))
    if data.get("title") and data.get("kind") in ("staff", "contact"):
        lines.append(t("netpage.details.job_title", lang, title=data["title"]))
    if data.get("people"):
        lines.append(t("netpage.details.people", lang, count=data["people"]))
    return lines


def tie_text(edge: Mapping[str, Any], lang: str) -> str:
    """The kinds of one tie in words: "Relation: samarbejde; Tilknytning (leder)"."""
    kinds = edge.get("kinds") or {edge.get("kind")}
    parts = []
    for kind in ("partnership", "relation", "affiliation", "staff"):
        if kind not in kinds:
            continue
        text = t(f"network.edge.{kind}", lang)
        if kind == "relation" and edge.get("relation_kinds"):
            text += ": " + ", ".join(sorted(label("relkind", k, lang).lower() for k in edge["relation_kinds"]))
        if kind == "affiliation" and edge.get("role"):
            text += f" ({edge['role']})"
        parts.append(text)
    return "; ".join(parts)


TIE_FIELDS = ("other", "other_kind", "tie", "strength", "ties", "last_contact", "owner")


def tie_rows(G: nx.Graph, node: Hashable, lang: str) -> pd.DataFrame:
    """One row per tie of ``node``: who, what kind of tie, strength, last contact, who holds it;
    sorted by the other's kind, then name."""
    rows = [
        {
            "other": node_label(G, other),
            "other_kind": kind_label(G.nodes[other].get("kind"), lang),
            "tie": tie_text(edge, lang),
            "strength": edge.get("strength"),
            "ties": edge.get("ties") or 1,
            "last_contact": edge.get("last_contact"),
            "owner": node_label(G, edge["owner"]) if edge.get("owner") else "",
        }
        for other, edge in G[node].items()
    ]
    frame = pd.DataFrame(rows, columns=list(TIE_FIELDS))
    return frame.sort_values(["other_kind", "other"], key=lambda s: s.str.casefold(), kind="stable")


def filled_columns(frame: pd.DataFrame, always: Sequence[str]) -> list[str]:
    """The columns of ``frame`` with any value (the ``always`` ones whatever they hold)."""
    return [c for c in frame.columns if c in always or frame[c].notna().any() and (frame[c] != "").any()]


# --- figures and key people ----------------------------------------------------------------------------


def metrics_frame(metrics: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The measures of the view with words for kinds and places for the ranked ones, most connected first."""
    frame = metrics.reset_index(drop=True).copy()
    frame["kind_label"] = [kind_label(kind, lang) for kind in frame["kind"]]
    for name in RANKED_METRICS:
        frame[f"{name}_place"] = netmetrics.places(frame, name).to_numpy()
    return frame.sort_values(["degree", "label"], ascending=[False, True], kind="stable")


def metrics_xlsx(frame: pd.DataFrame, columns: Mapping[str, str], sheet: str) -> bytes:
    """The measures table as an Excel file: ``columns`` maps a column of ``frame`` to its heading."""
    return xlsx_bytes({sheet: frame[list(columns)].rename(columns=dict(columns))})


def figure_texts(figures: Mapping[str, Any], lang: str) -> list[tuple[str, str]]:
    """The six figures of a view as (figure, text); empty text where a figure does not exist."""

    def whole(value: Any) -> str:
        return number_text(value, 3, lang)

    path = figures["average_path_length"]
    return [
        ("nodes", whole(figures["nodes"])),
        ("edges", whole(figures["edges"])),
        ("density", format_percent(100 * figures["density"], lang, 1)),
        ("components", whole(figures["components"])),
        ("average_path_length", "" if path is None else format_number(path, lang, 2)),
        ("diameter", "" if figures["diameter"] is None else whole(figures["diameter"])),
    ]


def broker_lines(metrics: pd.DataFrame, n: int, lang: str) -> list[tuple[str, str]]:
    """The ``n`` bridge builders (name, kind in lower case), most connecting first."""
    found = netmetrics.brokers(metrics, n=n, kinds=("staff", "contact", "organisation"))
    return [(str(row.label), kind_label(str(row.kind), lang).lower()) for row in found.itertuples()]


def isolate_names(G: nx.Graph) -> list[str]:
    """The names of the nodes without any tie, by kind and name."""
    return [node_label(G, v) for v in netmetrics.isolates(G)]


# --- health --------------------------------------------------------------------------------------------


def cold_tie_frames(G: nx.Graph, months: int, day: dt.date, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ties going cold after ``months`` months on ``day``: (with a contact date, without one)."""
    cold = health.cold_ties(G, months, today=day)
    cold["kind_label"] = [label("relkind", k, lang) if k else "" for k in cold["relation_kind"]]
    undated = cold["no_date"].astype(bool)
    return cold[~undated], cold[undated]


def single_person_frame(dependencies: Sequence[Any], G: nx.Graph, lang: str) -> pd.DataFrame:
    """What hangs on one staff member, one row each: kind, name, the staff member, detail."""
    rows = [
        {
            "kind_label": t(f"organisation.kind.{d.kind}", lang),
            "label": d.label,
            "staff_label": node_label(G, netgraph.person_node(d.person_id))
            if netgraph.person_node(d.person_id) in G
            else "",
            "detail": d.detail or "",
        }
        for d in dependencies
    ]
    return pd.DataFrame(rows, columns=["kind_label", "label", "staff_label", "detail"])


def potential_partners_frame(G: nx.Graph, day: dt.date, lang: str) -> pd.DataFrame:
    """Every non-partner organisation, ranked, with its reason, type and sector in the reader's words."""
    ranked = health.potential_partners(G, today=day)
    ranked["reason"] = [health.reason_text(row, lang) for _, row in ranked.iterrows()]
    ranked["type_label"] = [label("orgtype", code, lang) for code in ranked["org_type"]]
    ranked["sector_label"] = [label("sector", code, lang) for code in ranked["sector"]]
    return ranked


def changes_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A table of :func:`compare_dates` with the kind in words (a tie's kind, or a node's)."""
    frame = frame.copy()
    ties = "source_label" in frame.columns
    frame["kind_label"] = [
        t(f"network.edge.{kind}", lang) if ties else kind_label(kind, lang) for kind in frame["kind"]
    ]
    return frame
