"""The network drawn as two tables a screen reader can read: its points and its ties (WCAG 1.1.1).

A map is a picture; the same graph as lists is what a keyboard or screen-reader user can walk. The
frames hold exactly the nodes and edges of the graph the map draws (the filters already applied),
sort by any column (text without regard to case, missing values last whichever the direction) and
are cut into pages. :func:`shown_page` turns one page into text cells in the reader's words, so the
page can hand it to ``st.table``, a real HTML table.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pandas as pd

from lib.core.i18n import format_date, format_number, format_percent, label
from lib.db.revision import RevisionCache
from lib.network import metrics as netmetrics
from lib.network.page import kind_label, node_label, tie_text

#: The columns of the points table, in order; their headings are ``netlist.col.<column>``.
NODE_COLUMNS = ("name", "kind", "organisation", "sector", "ties", "betweenness_place", "reach")
#: The columns of the ties table, in order.
TIE_COLUMNS = ("source", "target", "tie", "strength", "last_contact")
#: Rows on one page of a table.
PAGE_SIZE = 50


def node_list(G: nx.Graph, metrics: pd.DataFrame | None, lang: str) -> pd.DataFrame:
    """One row per node of ``G``: name, kind and sector in words, the organisation a person belongs
    to (an organisation's own type), its number of ties in ``G``, and from ``metrics`` (the page's
    measures of ``G``) its place as a bridge builder and its reach. Sorted by name."""
    measured = metrics if metrics is not None else pd.DataFrame()
    place = netmetrics.places(measured, "betweenness") if "betweenness" in measured.columns else pd.Series()
    rows = []
    for node, data in G.nodes(data=True):
        kind = data.get("kind")
        if kind == "organisation":
            where = label("orgtype", data["org_type"], lang) if data.get("org_type") else ""
        else:
            where = str(data.get("organisation") or "")
        rows.append(
            {
                "node": node,
                "name": node_label(G, node),
                "kind": kind_label(kind, lang),
                "organisation": where,
                "sector": label("sector", data["sector"], lang) if data.get("sector") else "",
                "ties": int(G.degree(node)),
                "betweenness_place": place.get(node, pd.NA),
                "reach": measured.at[node, "reach"] if "reach" in measured.columns and node in measured.index else None,
            }
        )
    frame = pd.DataFrame(rows, columns=["node", *NODE_COLUMNS])
    frame["betweenness_place"] = frame["betweenness_place"].astype("Int64")
    frame["reach"] = pd.to_numeric(frame["reach"], errors="coerce")
    return sort_rows(frame, "name")


def tie_list(G: nx.Graph, lang: str) -> pd.DataFrame:
    """One row per edge of ``G``: its two ends by name (the first in alphabetical order), the kinds
    of tie in words, strength (1-5, empty where there is none) and the last contact. Sorted by the
    first end, then the second."""
    rows = []
    for u, v, edge in G.edges(data=True):
        ends = sorted((node_label(G, u), node_label(G, v)), key=str.casefold)
        rows.append(
            {
                "source": ends[0],
                "target": ends[1],
                "tie": tie_text(edge, lang),
                "strength": edge.get("strength"),
                "last_contact": edge.get("last_contact"),
            }
        )
    frame = pd.DataFrame(rows, columns=list(TIE_COLUMNS))
    frame["strength"] = pd.to_numeric(frame["strength"], errors="coerce").astype("Int64")
    return sort_rows(frame, "target").pipe(sort_rows, "source")


def _key(column: pd.Series) -> pd.Series:
    """What a column is sorted by: text without regard to case, numbers and dates as they are."""
    if column.map(lambda value: isinstance(value, str)).all():
        return column.astype(str).str.casefold()
    return column


def sort_rows(frame: pd.DataFrame, column: str, descending: bool = False) -> pd.DataFrame:
    """``frame`` sorted by ``column`` (stable: rows that agree keep their order); empty cells last.

    >>> sort_rows(pd.DataFrame({"n": ["b", "A", "c"]}), "n")["n"].tolist()
    ['A', 'b', 'c']
    """
    if frame.empty:
        return frame
    values = frame[column]
    empty = values.isna() | (values.astype(str) == "")
    kept, missing = frame[~empty], frame[empty]
    kept = kept.sort_values(column, ascending=not descending, key=_key, kind="stable")
    return pd.concat([kept, missing])


#: Lists and their sorted orders, per drawn view (a few: 50,000 ties make a sizeable frame).
_LISTS = RevisionCache(max_entries=12)


def sorted_list(
    kept: Hashable | None, make: Callable[[], pd.DataFrame], column: str, descending: bool = False
) -> pd.DataFrame:
    """``make()`` sorted by ``column`` (:func:`sort_rows`); kept per ``kept`` (what names the drawn view,
    None: not kept), so a rerun of the page neither rebuilds nor re-sorts a list of 50,000 ties.
    Shared: read it, never change it."""
    if kept is None:
        return sort_rows(make(), column, descending)
    frame = _LISTS.get_or_make((kept, "list"), make)
    return _LISTS.get_or_make((kept, column, descending), lambda: sort_rows(frame, column, descending))


@dataclass(frozen=True)
class Page:
    """One page of a table: its rows, where they start and end (1-based) and how many there are."""

    rows: pd.DataFrame
    first: int
    last: int
    total: int
    number: int
    pages: int


def page_count(total: int, size: int = PAGE_SIZE) -> int:
    """How many pages ``total`` rows fill (at least one, so an empty table has a page too).

    >>> page_count(317), page_count(0), page_count(50)
    (7, 1, 1)
    """
    return max(1, -(-total // size))


def page_of(frame: pd.DataFrame, number: int, size: int = PAGE_SIZE) -> Page:
    """Page ``number`` (1-based; held within the pages there are) of ``frame``."""
    pages = page_count(len(frame), size)
    number = min(max(1, number), pages)
    start = (number - 1) * size
    rows = frame.iloc[start : start + size]
    return Page(rows, start + 1 if len(rows) else 0, start + len(rows), len(frame), number, pages)


def _cell(column: str, value: Any, lang: str) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    if column == "reach":
        return format_percent(100 * float(value), lang)
    if column == "last_contact":
        return format_date(value, lang)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(int(value), lang) if float(value).is_integer() else format_number(float(value), lang, 3)
    return str(value)


def shown_page(
    page: Page, columns: Sequence[str], headings: Mapping[str, str], lang: str, row_heading: str = ""
) -> pd.DataFrame:
    """The rows of ``page`` as text in the reader's words (numbers, percentages and dates the reader's
    way, empty cells empty), the ``columns`` under their ``headings``, indexed by row number (headed
    ``row_heading``)."""
    shown = pd.DataFrame(
        {headings[c]: [_cell(c, value, lang) for value in page.rows[c].tolist()] for c in columns},
        index=pd.RangeIndex(page.first, page.first + len(page.rows)),
    )
    shown.index.name = row_heading
    return shown


def node_ids(frame: pd.DataFrame) -> list[Hashable]:
    """The node ids of a :func:`node_list`, in its order."""
    return list(frame["node"])


__all__ = [
    "NODE_COLUMNS",
    "PAGE_SIZE",
    "TIE_COLUMNS",
    "Page",
    "node_ids",
    "node_list",
    "page_count",
    "page_of",
    "shown_page",
    "sort_rows",
    "sorted_list",
    "tie_list",
]
