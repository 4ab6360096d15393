"""Taking the network elsewhere: Gephi (GEXF), GraphML, a Kumu workbook, and images of the drawing.

*Graph files.* GEXF and GraphML hold only text, numbers and booleans, so the graph is copied with
plain values first (:func:`exportable_graph`): dates become ISO text, sets and lists "a; b" text,
missing values are left out, and an attribute that is a whole number on one node and a decimal on
another becomes a decimal everywhere (both formats declare one type per attribute).

*Personal data.* Names are the point of a network file, but e-mails and phone numbers are not: they
are left out unless ``include_contact_details=True``, so a file made for a presentation or an
analysis carries no more personal data than it needs.

*Kumu.* :func:`kumu_workbook` writes Kumu's spreadsheet format (sheets "Elements" and "Connections",
an ``ID`` column so two people with the same name stay two elements) through
:func:`lib.core.spreadsheets.xlsx_bytes`, so no cell is ever a formula. By default it holds exactly the
workspace's people, organisations, affiliations (a person's "Organisation" column) and relations,
and imports back through the product's own importer unchanged. ``complete_map=True`` adds the
library and draws staff, partnership and affiliation ties as Kumu connections too, for a more
connected map in Kumu; imported back, those extra connections would become relations.

*Images.* :func:`figure_image` renders a plotly figure as PNG or SVG with kaleido, which drives a
headless Chromium (Debian's ``/usr/bin/chromium`` unless ``BROWSER_PATH`` says otherwise). The
browser is started once per process under a lock and every render is serialised, because kaleido's
shared server hands results back through one queue; a watchdog turns a hung browser into an error
instead of a frozen page.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import threading
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import IO, Any

import networkx as nx
import numpy as np
import pandas as pd

from lib.core.errors import UserFacingError
from lib.core.i18n import label as vocabulary_label
from lib.core.i18n import t
from lib.core.normalize import display_phone
from lib.core.spreadsheets import xlsx_bytes

__all__ = [
    "CONTACT_DETAIL_KEYS",
    "IMAGE_FORMATS",
    "KUMU_CONNECTION_COLUMNS",
    "KUMU_ELEMENT_COLUMNS",
    "KUMU_TYPES",
    "MIME_TYPES",
    "ImageExportUnavailable",
    "exportable_graph",
    "figure_image",
    "gexf_bytes",
    "graphml_bytes",
    "image_export_available",
    "people_in",
    "kumu_workbook",
    "to_gexf",
    "to_graphml",
]

Target = str | os.PathLike[str] | IO[bytes]

#: Node attributes that are contact details: only exported when asked for.
CONTACT_DETAIL_KEYS = frozenset({"email", "phone", "other_emails", "other_phones"})
#: How several values share one text attribute (the importer splits on it again).
SEPARATOR = "; "

MIME_TYPES = {
    "gexf": "application/gexf+xml",
    "graphml": "application/graphml+xml",
    "kumu": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",
    "svg": "image/svg+xml",
}

#: Kumu's element types; the importer reads them back (Staff → staff member, Organization → organisation).
KUMU_TYPES = {"library": "Library", "staff": "Staff", "contact": "Person", "organisation": "Organization"}
KUMU_ELEMENT_COLUMNS = (
    "ID",
    "Label",
    "Type",
    "Description",
    "Title",
    "Organisation",
    "Organisation type",
    "Sector",
    "Area",
    "Tags",
)
KUMU_CONTACT_COLUMNS = ("Email", "Phone")
KUMU_CONNECTION_COLUMNS = ("From", "To", "Type", "Strength", "First contact", "Last contact", "Owner")
#: Elements are listed organisations first, so each person's organisation already exists on import.
_KUMU_ORDER = {"library": 0, "organisation": 1, "staff": 2, "contact": 3}

IMAGE_FORMATS = ("png", "svg")
DEFAULT_BROWSER = Path("/usr/bin/chromium")
#: Seconds kaleido may spend on one image before it reports a failure itself.
RENDER_TIMEOUT = 90.0
#: Seconds after which the watchdog gives up on an answer (the first image starts the browser).
WATCHDOG_TIMEOUT = RENDER_TIMEOUT + 60.0


# --- plain values ----------------------------------------------------------------------------------


class _Missing:
    """Marks a value that is left out of the file (None, NaN, empty collections)."""


_MISSING = _Missing()


def _plain(value: Any) -> Any:
    """``value`` as str, int, float or bool, or :data:`_MISSING`."""
    if value is None:
        return _MISSING
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else _MISSING
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, Mapping):
        # e.g. weights_by_kind {"relation": 4.0, "affiliation": 1.0} → "affiliation=1.0; relation=4.0"
        items = [f"{key}={item}" for key, item in sorted(value.items(), key=lambda pair: str(pair[0]))]
        return SEPARATOR.join(items) if items else _MISSING
    if isinstance(value, (set, frozenset, list, tuple)):
        items = [str(item) for item in value if item is not None]
        if isinstance(value, (set, frozenset)):
            items.sort()
        return SEPARATOR.join(items) if items else _MISSING
    text = str(value)
    return text if text else _MISSING


def _clean(data: Mapping[Any, Any], include_contact_details: bool) -> dict[str, Any]:
    cleaned = {}
    for key, value in data.items():
        if not include_contact_details and key in CONTACT_DETAIL_KEYS:
            continue
        plain = _plain(value)
        if plain is not _MISSING:
            cleaned[str(key)] = plain
    return cleaned


def _harmonise(records: list[dict[str, Any]]) -> None:
    """Give every attribute one type across ``records`` (in place): int+float → float, else text."""
    kinds: dict[str, set[type]] = {}
    for record in records:
        for key, value in record.items():
            kinds.setdefault(key, set()).add(type(value))
    for key, types in kinds.items():
        if len(types) <= 1:
            continue
        convert = float if types <= {int, float} else str
        for record in records:
            if key in record:
                record[key] = convert(record[key])


def exportable_graph(G: nx.Graph, *, include_contact_details: bool = False) -> nx.Graph:
    """A copy of ``G`` whose attributes GEXF and GraphML can hold.

    Parameters
    ----------
    G : networkx.Graph
        The network (any networkx graph class; the copy has the same class).
    include_contact_details : bool, default False
        Keep e-mails and phone numbers (:data:`CONTACT_DETAIL_KEYS`); left out by default.

    Returns
    -------
    networkx.Graph
        Same nodes (ids as text) and edges; attribute values are str, int, float or bool only:
        dates as ISO text, sets and lists joined with "; ", dicts as "key=value; …", None and NaN
        left out, and each attribute of one type across all nodes (or all edges). Graph-level
        attributes are kept only when they are single values.
    """
    H = G.__class__()
    # Graph-level values that are collections (build_graph's "partners" table) are working data of
    # the product, not a property of the network: only plain values are kept.
    scalars = {
        key: value for key, value in G.graph.items() if not isinstance(value, (Mapping, set, frozenset, list, tuple))
    }
    H.graph.update(_clean(scalars, include_contact_details))
    nodes = [(str(node), _clean(data, include_contact_details)) for node, data in G.nodes(data=True)]
    edges = [(str(u), str(v), _clean(data, include_contact_details)) for u, v, data in G.edges(data=True)]
    _harmonise([data for _, data in nodes])
    _harmonise([data for _, _, data in edges])
    H.add_nodes_from(nodes)
    H.add_edges_from(edges)
    return H


def people_in(G: nx.Graph) -> int:
    """How many people (staff and contacts) a file of ``G`` names: the count the event log records."""
    return sum(1 for _, kind in G.nodes(data="kind") if kind in ("staff", "contact"))


def _write(data: bytes, target: Target) -> None:
    if isinstance(target, (str, os.PathLike)):
        Path(target).write_bytes(data)
    else:
        target.write(data)


def gexf_bytes(G: nx.Graph, *, include_contact_details: bool = False) -> bytes:
    """The graph as a GEXF 1.2 file (Gephi), UTF-8; see :func:`exportable_graph` for the values."""
    buffer = io.BytesIO()
    graph = exportable_graph(G, include_contact_details=include_contact_details)
    nx.write_gexf(graph, buffer, encoding="utf-8")
    return buffer.getvalue()


def graphml_bytes(G: nx.Graph, *, include_contact_details: bool = False) -> bytes:
    """The graph as a GraphML file, UTF-8; see :func:`exportable_graph` for the values."""
    buffer = io.BytesIO()
    graph = exportable_graph(G, include_contact_details=include_contact_details)
    nx.write_graphml(graph, buffer, encoding="utf-8")
    return buffer.getvalue()


def to_gexf(G: nx.Graph, path_or_buffer: Target, *, include_contact_details: bool = False) -> None:
    """Write the graph as GEXF (Gephi) to a path or a binary stream."""
    _write(gexf_bytes(G, include_contact_details=include_contact_details), path_or_buffer)


def to_graphml(G: nx.Graph, path_or_buffer: Target, *, include_contact_details: bool = False) -> None:
    """Write the graph as GraphML to a path or a binary stream."""
    _write(graphml_bytes(G, include_contact_details=include_contact_details), path_or_buffer)


# --- Kumu ------------------------------------------------------------------------------------------


def _text(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _edge_kinds(data: Mapping[str, Any]) -> frozenset[str]:
    """The kinds of tie an edge holds (``build_graph`` merges several ties of a pair into one edge)."""
    kinds = data.get("kinds")
    return frozenset(kinds) if kinds else frozenset({str(data.get("kind") or "relation")})


def _affiliated(G: nx.Graph, node: Hashable) -> str | None:
    """The names of the organisations a person is affiliated with in ``G``, "; "-joined."""
    names = sorted(
        str(G.nodes[other].get("label") or other)
        for _, other, data in G.edges(node, data=True)
        if "affiliation" in _edge_kinds(data) and G.nodes[other].get("kind") == "organisation"
    )
    return SEPARATOR.join(dict.fromkeys(names)) or None


def _partners(G: nx.Graph) -> set[Hashable]:
    return {node for u, v, data in G.edges(data=True) if "partnership" in _edge_kinds(data) for node in (u, v)}


def _element_row(
    G: nx.Graph, node: Hashable, lang: str, partners: set[Hashable], include_contact_details: bool
) -> dict[str, Any]:
    data = G.nodes[node]
    kind = str(data.get("kind") or "contact")
    is_organisation = kind in ("organisation", "library")
    row: dict[str, Any] = {
        "ID": str(node),
        "Label": _text(data.get("label")) or str(node),
        "Type": KUMU_TYPES.get(kind, KUMU_TYPES["contact"]),
        "Description": _text(data.get("description")),
        "Title": None if is_organisation else _text(data.get("title")),
        "Organisation": None if is_organisation else _affiliated(G, node),
        "Organisation type": vocabulary_label("orgtype", data.get("org_type"), lang) or None,
        "Sector": vocabulary_label("sector", data.get("sector"), lang) or None,
        "Area": _text(data.get("area")) if is_organisation else None,
        "Tags": (t("network_figure.edge.partnership", lang) if kind == "organisation" and node in partners else None),
    }
    if include_contact_details:
        row["Email"] = None if is_organisation else _text(data.get("email"))
        row["Phone"] = None if is_organisation else display_phone(_text(data.get("phone")))
    return row


def _connection_ends(u: Hashable, v: Hashable, owner: Any) -> tuple[Hashable, Hashable]:
    """From the staff member holding the tie when they are one end, else in id order."""
    if owner is not None and str(owner) == str(v):
        return v, u
    if owner is not None and str(owner) == str(u):
        return u, v
    return (u, v) if str(u) <= str(v) else (v, u)


def _plain_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _connection_types(data: Mapping[str, Any], lang: str, complete_map: bool) -> list[str | None]:
    """One Kumu connection type per tie the edge stands for.

    Every relation kind of the pair gets its own connection (the importer stores one relation per
    pair and kind); staff, partnership and affiliation ties only for a complete map.
    """
    kinds = _edge_kinds(data)
    types: list[str | None] = []
    if "relation" in kinds:
        relation_kinds = sorted(data.get("relation_kinds") or ()) or [data.get("relation_kind")]
        types.extend(vocabulary_label("relkind", kind, lang) or None for kind in relation_kinds)
    if complete_map:
        extra = [kind for kind in ("partnership", "staff", "affiliation") if kind in kinds]
        types.extend(t(f"network_figure.edge.{kind}", lang) for kind in extra)
    return types


def _connection_rows(G: nx.Graph, listed: set[Hashable], lang: str, complete_map: bool) -> list[dict[str, Any]]:
    rows = []
    for u, v, data in sorted(G.edges(data=True), key=lambda edge: (str(edge[0]), str(edge[1]))):
        if u not in listed or v not in listed:
            continue
        owner = data.get("owner")
        source, target = _connection_ends(u, v, owner)
        for kind_label in _connection_types(data, lang, complete_map):
            rows.append(
                {
                    "From": str(source),
                    "To": str(target),
                    "Type": kind_label,
                    "Strength": data.get("strength"),
                    "First contact": _plain_date(data.get("first_contact")),
                    "Last contact": _plain_date(data.get("last_contact")),
                    "Owner": str(owner) if owner is not None and owner in listed else None,
                }
            )
    return rows


def kumu_workbook(
    G: nx.Graph,
    *,
    lang: str = "da",
    include_contact_details: bool = False,
    complete_map: bool = False,
) -> bytes:
    """The network as a Kumu workbook (xlsx with sheets "Elements" and "Connections").

    Parameters
    ----------
    G : networkx.Graph
        The network as ``lib.network.graph.build_graph`` makes it (or a filtered part of it).
    lang : {"da", "en"}
        Language of organisation types, sectors and connection types.
    include_contact_details : bool, default False
        Add "Email" and "Phone" columns for people. Without them the file holds names only; note
        that the importer then tells people apart by name alone.
    complete_map : bool, default False
        Also write the library as an element and the staff, partnership and affiliation ties as
        connections, so Kumu draws one connected map. Such a workbook does not import back
        unchanged (those connections would become relations).

    Returns
    -------
    bytes
        The xlsx file, written by :func:`lib.core.spreadsheets.xlsx_bytes` (no cell is a formula).

    Notes
    -----
    Elements: :data:`KUMU_ELEMENT_COLUMNS` (+ :data:`KUMU_CONTACT_COLUMNS`); ``ID`` is the node id,
    which the connections' From, To and Owner refer to. Type is one of :data:`KUMU_TYPES`; a
    person's Organisation lists the organisations they are affiliated with in ``G``; Tags marks
    active partners. Connections: :data:`KUMU_CONNECTION_COLUMNS`, one per relation kind of each
    edge (``build_graph`` merges the ties of a pair into one edge; strength and dates are the
    edge's merged values); a relation runs from the staff member who holds it when they are one of
    its ends. Both sheets import back through ``lib.ingest.contact_lists`` as Kumu elements and connections.
    What the graph does not hold cannot come back: affiliation dates and roles, ended affiliations,
    the direction of a relation, and two relations of the same kind between the same pair.
    """
    partners = _partners(G)
    kinds = {node: str(G.nodes[node].get("kind") or "contact") for node in G}
    elements = sorted(
        (node for node in G if complete_map or kinds[node] != "library"),
        key=lambda node: (
            _KUMU_ORDER.get(kinds[node], 3),
            str(G.nodes[node].get("label") or node).casefold(),
            str(node),
        ),
    )
    element_rows = [_element_row(G, node, lang, partners, include_contact_details) for node in elements]
    connection_rows = _connection_rows(G, set(elements), lang, complete_map)
    element_columns = [*KUMU_ELEMENT_COLUMNS, *(KUMU_CONTACT_COLUMNS if include_contact_details else ())]
    return xlsx_bytes(
        {
            "Elements": pd.DataFrame(element_rows, columns=element_columns, dtype=object),
            "Connections": pd.DataFrame(connection_rows, columns=list(KUMU_CONNECTION_COLUMNS), dtype=object),
        }
    )


# --- images ----------------------------------------------------------------------------------------


class ImageExportUnavailable(UserFacingError):
    """An image of the drawing cannot be made: no browser on the server, or it failed."""


_render_lock = threading.Lock()
_server_started = False
#: Set once the shared browser hung or died: later calls fail at once instead of waiting again.
_server_broken = False


def _browser_path() -> Path | None:
    configured = os.environ.get("BROWSER_PATH")
    if configured:
        return Path(configured) if Path(configured).exists() else None
    return DEFAULT_BROWSER if DEFAULT_BROWSER.exists() else None


def image_export_available() -> bool:
    """True when a browser for :func:`figure_image` is installed (the page can hide the buttons)."""
    return _browser_path() is not None and not _server_broken


def _start_server() -> None:
    """Start kaleido's shared browser once per process (the caller holds :data:`_render_lock`)."""
    global _server_started
    if _server_started:
        return
    browser = _browser_path()
    if browser is None:
        raise ImageExportUnavailable("network_export.image_unavailable")
    os.environ.setdefault("BROWSER_PATH", str(browser))
    import kaleido

    # MathJax would be fetched from the internet; network drawings have no formulas.
    kaleido.start_sync_server(n=1, timeout=RENDER_TIMEOUT, mathjax=False, silence_warnings=True)
    _server_started = True


def _server_thread_alive() -> bool:
    """False when kaleido's server thread has died (a browser that failed to start)."""
    import kaleido

    thread = getattr(getattr(kaleido, "_global_server", None), "_thread", None)
    return thread is None or thread.is_alive()


def _render(spec: dict[str, Any], opts: dict[str, Any]) -> bytes:
    """Ask the shared browser for one image, giving up after :data:`WATCHDOG_TIMEOUT` seconds."""
    global _server_broken
    import kaleido

    outcome: dict[str, Any] = {}

    def call() -> None:
        try:
            outcome["data"] = kaleido.calc_fig_sync(spec, opts=opts)
        except BaseException as error:  # noqa: BLE001 - handed to the waiting thread below
            outcome["error"] = error

    worker = threading.Thread(target=call, name="figure-image", daemon=True)
    worker.start()
    waited = 0.0
    while worker.is_alive() and waited < WATCHDOG_TIMEOUT:
        worker.join(0.25)
        waited += 0.25
        if worker.is_alive() and not _server_thread_alive():
            break
    if worker.is_alive():
        _server_broken = True
        raise ImageExportUnavailable("network_export.image_failed")
    if "error" in outcome:
        raise ImageExportUnavailable("network_export.image_failed") from outcome["error"]
    data = outcome.get("data")
    if data is None:
        raise ImageExportUnavailable("network_export.image_failed")
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


def figure_image(fig: Any, fmt: str = "png", width: int = 1600, height: int = 1000, scale: float = 1.0) -> bytes:
    """A plotly figure as a PNG or SVG image.

    Parameters
    ----------
    fig : plotly.graph_objects.Figure
        The figure as shown on screen (e.g. from :func:`lib.network.plotting.network_figure`).
    fmt : {"png", "svg"}
        Image format. WebGL traces (big graphs) appear in an SVG as an embedded picture; draw the
        figure with ``webgl=False`` for an SVG that is vector all the way.
    width, height : int
        Size in CSS pixels.
    scale : float, default 1.0
        Pixel density of a PNG (2 for a sharp print).

    Returns
    -------
    bytes
        The PNG file, or the SVG document as UTF-8.

    Raises
    ------
    lib.core.errors.UserFacingError
        ``network_export.unknown_image_format`` for another format.
    ImageExportUnavailable
        No browser installed (``network_export.image_unavailable``), or it failed or hung
        (``network_export.image_failed``).

    Notes
    -----
    The first image of a process starts the browser and takes a few seconds; later ones take well
    under a second. Renders are serialised under a lock.
    """
    if fmt not in IMAGE_FORMATS:
        raise UserFacingError("network_export.unknown_image_format", fmt=fmt)
    spec = fig.to_dict() if hasattr(fig, "to_dict") else dict(fig)
    opts = {"format": fmt, "width": int(width), "height": int(height), "scale": float(scale)}
    with _render_lock:
        if _server_broken:
            raise ImageExportUnavailable("network_export.image_failed")
        _start_server()
        return _render(spec, opts)
