"""The network graph: the library, its staff, their contacts and the organisations they work with.

This module is the graph's public face; each job has its own module: node ids (:mod:`~lib.network.nodes`),
reading the workspace (:mod:`~lib.network.load`), building (:mod:`~lib.network.build`), filters
(:mod:`~lib.network.filters`), derived views (:mod:`~lib.network.views`), rings (:mod:`~lib.network.rings`)
and the fingerprint (:mod:`~lib.network.signature`).

Node ids are strings: ``"L"`` is the library itself, ``"P<id>"`` a person (staff member or contact),
``"O<id>"`` an organisation. Every node carries ``kind`` (one of :data:`NODE_KINDS`) and ``label``;
organisations also ``org_type``, ``sector`` and ``area``; people ``organisation`` (their current
organisations, "; "-joined), ``title`` and ``email`` (never shown in board output). The board's graph
(``contact_details=False``) names no person: see :func:`build_graph`.

Edges are undirected and there is at most one edge per pair. Four kinds of tie are kept apart:

``staff``
    library -- staff member (weight 1).
``affiliation``
    person -- organisation they work at or belong to, with ``start_date`` and ``end_date`` (weight 1).
``relation``
    a row of the relations table: person or organisation -- person or organisation, with
    ``relation_kind``, ``strength`` (1-5), ``first_contact``, ``last_contact`` and ``owner``
    (weight = strength; without a strength, the tie's weight from a network file on the 1-5 scale,
    see :func:`relation_weight`; 2 when neither is known).
``partnership``
    library -- partner organisation (weight 3); see :func:`partner_organisations`.

When several ties join the same pair they become one edge:

* ``weight`` is the sum of their weights, ``ties`` their number; ``weights_by_kind`` and
  ``ties_by_kind`` keep both per kind, so a filter that removes a kind can recompute the weight;
* ``kinds`` is the frozenset of their kinds and ``kind`` the most telling one
  (partnership > relation > affiliation > staff);
* ``strength`` is the strongest relation's, ``relation_kind`` the kind of the strongest (most recent
  on a tie) relation and ``relation_kinds`` all of them;
* ``first_contact`` is the earliest and ``last_contact`` the most recent contact date;
* ``start_date`` is the earliest known start; ``end_date`` is None while any affiliation is open,
  otherwise the latest end;
* ``owner`` is the staff member holding the strongest relation (else the partnership's holder);
  ``holders`` are all staff members holding one of the ties; ``relation_ids`` the relation records.

Examples
--------
>>> with db.read() as session:                                      # doctest: +SKIP
...     G = build_graph(session)
>>> H = apply_filter(G, NetworkFilter(edge_kinds={"relation"}, min_strength=3))  # doctest: +SKIP
"""

from __future__ import annotations

from lib.network.build import build_graph, primary_kind
from lib.network.filters import NetworkFilter, apply_filter, filtered_view
from lib.network.load import partner_organisations, partnership_under_way, relation_start, relation_weight
from lib.network.nodes import (
    AFFILIATION_WEIGHT,
    DEFAULT_LIBRARY_NAME,
    DEFAULT_STRENGTH,
    EDGE_KINDS,
    LIBRARY,
    NODE_KINDS,
    PARTNER_RELATION_KIND,
    PARTNERSHIP_WEIGHT,
    STAFF_WEIGHT,
    STRONGEST,
    node_record_id,
    organisation_node,
    person_node,
    record_id,
)
from lib.network.rings import StaffTie, partners_in, rings, staff_known_organisations, staff_ties_by_organisation
from lib.network.signature import graph_key, graph_signature
from lib.network.views import (
    ego_network,
    has_kind,
    organisation_view,
    organisations_by_person,
    organisations_of,
    people_of,
    staff_network,
    staff_reach,
)

__all__ = [
    "AFFILIATION_WEIGHT",
    "DEFAULT_LIBRARY_NAME",
    "DEFAULT_STRENGTH",
    "EDGE_KINDS",
    "LIBRARY",
    "NODE_KINDS",
    "NetworkFilter",
    "PARTNERSHIP_WEIGHT",
    "PARTNER_RELATION_KIND",
    "STAFF_WEIGHT",
    "STRONGEST",
    "StaffTie",
    "apply_filter",
    "build_graph",
    "ego_network",
    "filtered_view",
    "graph_key",
    "graph_signature",
    "has_kind",
    "organisation_node",
    "organisation_view",
    "organisations_by_person",
    "organisations_of",
    "partner_organisations",
    "partners_in",
    "partnership_under_way",
    "people_of",
    "person_node",
    "primary_kind",
    "node_record_id",
    "record_id",
    "relation_start",
    "relation_weight",
    "rings",
    "staff_known_organisations",
    "staff_network",
    "staff_reach",
    "staff_ties_by_organisation",
]
