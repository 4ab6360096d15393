"""Building the network graph from the workspace, as it is today or as it stood on a date
(:func:`build_graph`)."""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

import networkx as nx
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.dates import as_date
from lib.core.gc_pause import gc_paused
from lib.db.revision import RevisionCache, session_state
from lib.network.load import (
    _affiliation_exists,
    _earliest,
    _end_node,
    _load,
    _relation_exists,
    _Tie,
    _Workspace,
    partner_organisations,
    relation_weight,
)
from lib.network.nodes import (
    _KIND_PRIORITY,
    AFFILIATION_WEIGHT,
    LIBRARY,
    PARTNERSHIP_WEIGHT,
    STAFF_WEIGHT,
    organisation_node,
    person_node,
)
from lib.workspace.clock import session_today

T = TypeVar("T")


@requires("view_contacts", board_if={"contact_details": False})
def build_graph(
    session: Session, as_of: dt.date | None = None, *, today: dt.date | None = None, contact_details: bool = True
) -> nx.Graph:
    """The network held in the workspace, as an undirected simple graph.

    Parameters
    ----------
    session : Session
        An open database session (``Database.read()``).
    as_of : date, optional
        Build the network as it stood on this date. When None, the network today: every person,
        organisation and relation on record, and the affiliations that have not ended.
    today : date, optional
        What "today" is when ``as_of`` is None (default: today in the workspace's time zone); only used to leave out
        affiliations that ended before it.
    contact_details : bool, default True
        People as recorded (name, e-mail, job title, organisations), which needs the permission
        ``view_contacts``. False is the board's graph: the same nodes and edges, but a person's
        ``label`` is their node id and ``email``, ``title`` and ``organisation`` are None, so
        counts, rings and organisation views work while nobody is named.

    Returns
    -------
    networkx.Graph
        Nodes and edges as described in the module notes. ``G.graph`` holds ``library_label``,
        ``as_of``, ``partners`` (the result of :func:`partner_organisations`) and ``contact_details``.
        Built in a read session, the graph is frozen and shared: the same data (``lib.db.revision``)
        and arguments give the same object, built once.

    Notes
    -----
    With ``as_of``:

    * a relation exists from its first contact; without one, from the earlier of its last contact
      and the day it was recorded (:func:`relation_start`);
    * an affiliation exists when it started on or before ``as_of`` (or has no start date) and has
      not ended before it;
    * a person or organisation is in the network when it was recorded (``created_at``, or its import
      batch's date, whichever is earlier) on or before ``as_of`` -- or when a dated tie shows it
      existed then: a relation that existed, or an affiliation with a start date. Records are often
      typed in long after the ties they describe began, so creation dates alone would empty the
      past. Undated affiliations prove nothing about a date; they join two nodes that are present
      for other reasons;
    * an organisation is a partner when its partner relation existed then.

    An organisation record with the library's own name is the library: its ties attach to ``"L"``.
    Self-ties (a record tied to itself) are left out.

    Examples
    --------
    >>> with db.read() as session:                                  # doctest: +SKIP
    ...     G = build_graph(session, as_of=date(2025, 1, 1))
    >>> G.nodes["L"]["kind"]                                        # doctest: +SKIP
    'library'
    """
    today = today or session_today(session)
    state = session_state(session)
    if state is None:
        return _built(session, as_of, today, contact_details)
    key = (*state, as_of, today, contact_details)
    return _GRAPHS.get_or_make(key, lambda: _kept(_built(session, as_of, today, contact_details), key))


def _kept(G: nx.Graph, key: tuple[Any, ...]) -> nx.Graph:
    G.graph[BUILT_FOR] = key
    return nx.freeze(G)


#: ``G.graph`` key of a shared graph (:func:`build_graph` in a read session): the database, data
#: revision and arguments it was built for, so what is worked out from it can be kept by the same key.
BUILT_FOR = "built_for"


def kept_for_graph(cache: RevisionCache, G: nx.Graph, extra: Hashable, make: Callable[[], T]) -> T:
    """``make()``, worked out from ``G``; kept in ``cache`` when ``G`` is a shared graph of
    :func:`build_graph`, so the next caller with the same graph (same data) gets it at once.

    Any other graph is worked out afresh: a copy or a subgraph view carries the shared graph's
    ``G.graph`` (and so its key) but not its nodes, which is why the kept answer names its graph."""
    key = G.graph.get(BUILT_FOR)
    if key is None:
        return make()
    held, value = cache.get_or_make((key, extra), lambda: (G, make()))
    return value if held is G else make()


#: Graphs built in read sessions, per database, data revision and arguments: a page's rerun, and the
#: next page that needs the same network, take it from here (frozen: nobody changes a shared graph).
#: A few, as one graph of a 100,000-people workspace takes a few hundred MB.
_GRAPHS = RevisionCache(max_entries=3)


def _built(session: Session, as_of: dt.date | None, today: dt.date, contact_details: bool) -> nx.Graph:
    # A big network is millions of rows, ties and attribute dicts, all alive until the graph is done:
    # the cyclic collector would walk them again and again for nothing (lib.core.gc_pause).
    with gc_paused():
        return _graph_of(session, as_of, today, contact_details)


def _graph_of(session: Session, as_of: dt.date | None, today: dt.date, contact_details: bool) -> nx.Graph:
    workspace = _load(session)
    partners = partner_organisations(session, as_of)
    ties: dict[tuple[str, str], list[_Tie]] = defaultdict(list)
    present: set[str] = {LIBRARY}

    relations = [row for row in workspace.relations if _relation_exists(row, as_of)]
    if as_of is None:
        affiliations = [a for a in workspace.affiliations if a.end_date is None or a.end_date >= today]
    else:
        affiliations = [a for a in workspace.affiliations if _affiliation_exists(a, as_of)]

    present |= _nodes_recorded_by(workspace, as_of)
    for row in relations:
        tie = _relation_tie(row, workspace)
        ends = (
            _end_node(row.from_person_id, row.from_organisation_id, workspace.library_org_ids),
            _end_node(row.to_person_id, row.to_organisation_id, workspace.library_org_ids),
        )
        present.update(ends)
        _add_tie(ties, ends, tie)
    dated_affiliation_nodes = {
        node
        for a in affiliations
        if a.start_date is not None
        for node in (person_node(a.person_id), _end_node(None, a.organisation_id, workspace.library_org_ids))
    }
    present |= dated_affiliation_nodes

    for a in affiliations:
        ends = (person_node(a.person_id), _end_node(None, a.organisation_id, workspace.library_org_ids))
        if ends[0] in present and ends[1] in present:
            _add_tie(
                ties,
                ends,
                _Tie(
                    "affiliation",
                    AFFILIATION_WEIGHT,
                    start_date=a.start_date,
                    end_date=a.end_date,
                    role=a.role if contact_details else None,
                ),
            )
    for staff_id in workspace.staff_ids:
        node = person_node(staff_id)
        if node in present:
            _add_tie(ties, (LIBRARY, node), _Tie("staff", STAFF_WEIGHT))
    for org_id, partner in partners.items():
        node = organisation_node(org_id)
        present.add(node)
        _add_tie(
            ties,
            (LIBRARY, node),
            _Tie(
                "partnership",
                PARTNERSHIP_WEIGHT,
                relation_kind=None,
                first_contact=partner["since"],
                last_contact=partner["last_contact"],
                owner=partner["owner"],
                holders=partner["holders"],
            ),
        )

    G = nx.Graph(library_label=workspace.library_label, as_of=as_of, partners=partners, contact_details=contact_details)
    _add_nodes(G, workspace, present, affiliations, contact_details)
    for org_id, partner in partners.items():
        node = organisation_node(org_id)
        if node in G:
            # The furthest stage of its registered partnerships; a partner by relation only has none.
            G.nodes[node]["partner_stage"] = partner.get("stage")
    _add_edges(G, ties)
    return G


def _add_edges(G: nx.Graph, ties: dict[tuple[str, str], list[_Tie]]) -> None:
    """One edge per pair of nodes, its attributes merged from the pair's ties.

    Each edge's attribute dict is new (:func:`_merge_ties`), so it goes into the graph's adjacency as
    it is, both ways, as ``Graph.add_edge`` would put it there after copying it twice (a quarter of a
    million edges in a big network). A pair with an end not yet in the graph goes through
    ``add_edge``, which adds the node."""
    adjacency = G._adj
    for (u, v), pair_ties in ties.items():
        data = _merge_ties(pair_ties)
        if u in adjacency and v in adjacency:
            adjacency[u][v] = data
            adjacency[v][u] = data
        else:
            G.add_edge(u, v, **data)


def _nodes_recorded_by(workspace: _Workspace, as_of: dt.date | None) -> set[str]:
    """People and organisations recorded on or before ``as_of`` (all of them when it is None)."""

    def recorded(row: Any) -> bool:
        since = _earliest(as_date(row.created_at), workspace.batch_dates.get(row.batch_id))
        return since is None or as_of is None or since <= as_of

    people: Iterable[Any] = workspace.people
    organisations: Iterable[Any] = [o for o in workspace.organisations if o.id not in workspace.library_org_ids]
    if as_of is not None:  # today's network holds every record: no dates to work out
        people = filter(recorded, people)
        organisations = filter(recorded, organisations)
    return {person_node(p.id) for p in people} | {organisation_node(o.id) for o in organisations}


def _relation_tie(row: Any, workspace: _Workspace) -> _Tie:
    """A relation row as a tie; the holder is its owner, else the staff member at one end."""
    if row.owner_id is not None:
        owner: str | None = person_node(row.owner_id)
    else:
        staff_ends = [p for p in (row.from_person_id, row.to_person_id) if p in workspace.staff_ids]
        owner = person_node(staff_ends[0]) if staff_ends else None
    return _Tie(
        "relation",
        relation_weight(row.strength, row.weight, workspace.largest_weight),
        relation_kind=row.kind,
        strength=row.strength,
        first_contact=row.first_contact,
        last_contact=row.last_contact,
        owner=owner,
        holders=_one_of(owner),
        relation_id=row.id,
    )


@functools.lru_cache(maxsize=4096)
def _one_of(value: str | None) -> frozenset[str]:
    """``{value}`` (empty for None), one shared object per value: fifty thousand ties name a few hundred
    holders and a handful of kinds, so their sets are shared instead of made per tie (immutable)."""
    return frozenset((value,)) if value else frozenset()


def _add_tie(ties: dict[tuple[str, str], list[_Tie]], ends: tuple[str, str], tie: _Tie) -> None:
    u, v = ends
    if u == v:
        return  # a simple graph has no loops; a record tied to itself says nothing about the network
    ties[(u, v) if u < v else (v, u)].append(tie)


def _add_nodes(
    G: nx.Graph, workspace: _Workspace, present: set[str], affiliations: list[Any], contact_details: bool
) -> None:
    G.add_node(LIBRARY, kind="library", label=workspace.library_label)
    org_names = {o.id: o.name for o in workspace.organisations}
    for org_id in workspace.library_org_ids:
        org_names[org_id] = workspace.library_label
    current: dict[int, set[str]] = defaultdict(set)
    for a in affiliations if contact_details else ():  # the board's graph names no one's organisations
        current[a.person_id].add(org_names.get(a.organisation_id, ""))
    for o in workspace.organisations:
        node = organisation_node(o.id)
        if node in present:
            G.add_node(node, kind="organisation", label=o.name, org_type=o.org_type, sector=o.sector, area=o.area)
    for p in workspace.people:
        node = person_node(p.id)
        if node not in present:
            continue
        kind = "staff" if p.is_staff else "contact"
        if contact_details:
            G.add_node(
                node,
                kind=kind,
                label=p.name,
                organisation="; ".join(sorted(n for n in current.get(p.id, ()) if n)) or None,
                title=p.title,
                email=p.email,
            )
        else:
            G.add_node(node, kind=kind, label=node, organisation=None, title=None, email=None)


def _one_tie(tie: _Tie) -> dict[str, Any]:
    """:func:`_merge_ties` of a pair with one tie (most pairs), worked out directly: the same
    attributes (a property test holds them equal) at a third of the cost on a big network."""
    relation = tie.kind == "relation"
    contact = relation or tie.kind == "partnership"
    affiliation = tie.kind == "affiliation"
    return {
        "kind": tie.kind,
        "kinds": _one_of(tie.kind),
        "weight": float(0.0 + tie.weight),
        "weights_by_kind": {tie.kind: 0.0 + tie.weight},
        "ties_by_kind": {tie.kind: 1},
        "ties": 1,
        "relation_kind": tie.relation_kind if relation else None,
        "relation_kinds": _one_of(tie.relation_kind if relation else None),
        "strength": tie.strength if relation else None,
        "first_contact": tie.first_contact if contact else None,
        "last_contact": tie.last_contact if contact else None,
        "start_date": tie.start_date if affiliation else None,
        "end_date": tie.end_date if affiliation else None,
        "role": (tie.role or None) if affiliation else None,
        "owner": (tie.owner or None) if relation else tie.owner if tie.kind == "partnership" else None,
        "holders": frozenset(tie.holders),  # the same object when it is one already
        "relation_ids": (tie.relation_id,) if relation and tie.relation_id is not None else (),
    }


def primary_kind(kinds: Iterable[str]) -> str:
    """The kind that names an edge holding ``kinds``: partnership > relation > affiliation > staff."""
    kinds = set(kinds)
    return next(kind for kind in _KIND_PRIORITY if kind in kinds)


def _merge_ties(ties: list[_Tie]) -> dict[str, Any]:
    """One edge's attributes from all ties between the same two nodes (see the module notes)."""
    return _one_tie(ties[0]) if len(ties) == 1 else _merged(ties)


def _merged(ties: list[_Tie]) -> dict[str, Any]:
    weights_by_kind: dict[str, float] = defaultdict(float)
    ties_by_kind: dict[str, int] = defaultdict(int)
    for tie in ties:
        weights_by_kind[tie.kind] += tie.weight
        ties_by_kind[tie.kind] += 1
    relations = [t for t in ties if t.kind == "relation"]
    # The strongest relation speaks for the edge; the most recent contact breaks a tie in strength.
    relations.sort(key=lambda t: (t.strength or 0, t.last_contact or dt.date.min), reverse=True)
    contacts = [t for t in ties if t.kind in ("relation", "partnership")]
    affiliations = [t for t in ties if t.kind == "affiliation"]
    partnership = next((t for t in ties if t.kind == "partnership"), None)
    owner = next((t.owner for t in relations if t.owner), None)
    if owner is None and partnership is not None:
        owner = partnership.owner
    holders = frozenset(h for t in ties for h in t.holders)
    strengths = [t.strength for t in relations if t.strength is not None]
    return {
        "kind": primary_kind(weights_by_kind),
        "kinds": frozenset(weights_by_kind),
        "weight": float(sum(weights_by_kind.values())),
        "weights_by_kind": dict(weights_by_kind),
        "ties_by_kind": dict(ties_by_kind),
        "ties": len(ties),
        "relation_kind": relations[0].relation_kind if relations else None,
        "relation_kinds": frozenset(t.relation_kind for t in relations if t.relation_kind),
        "strength": max(strengths) if strengths else None,
        "first_contact": _earliest(*(t.first_contact for t in contacts)),
        "last_contact": max((t.last_contact for t in contacts if t.last_contact), default=None),
        "start_date": _earliest(*(t.start_date for t in affiliations)),
        "end_date": (
            None
            if any(t.end_date is None for t in affiliations)
            else max((t.end_date for t in affiliations if t.end_date), default=None)
        ),
        "role": "; ".join(sorted({t.role for t in affiliations if t.role})) or None,
        "owner": owner,
        "holders": holders,
        "relation_ids": tuple(sorted(t.relation_id for t in relations if t.relation_id is not None)),
    }
