"""The rings around the library: partners, organisations staff know, and candidates further out."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from lib.db.revision import RevisionCache
from lib.network.build import kept_for_graph
from lib.network.nodes import LIBRARY
from lib.network.views import has_kind, organisations_by_person

RING_LIBRARY, RING_PARTNER, RING_CONTACT, RING_CANDIDATE = 0, 1, 2, 3


def partners_in(G: nx.Graph) -> set[str]:
    """The organisations joined to the library by a partnership edge in ``G``."""
    if LIBRARY not in G:
        return set()
    return {v for v, data in G[LIBRARY].items() if has_kind(data, "partnership")}


@dataclass(frozen=True)
class StaffTie:
    """One way a staff member reaches an organisation.

    ``via`` is the organisation itself (a direct tie) or the person at the organisation the staff
    member has or holds a tie with; ``strength`` and ``last_contact`` are that tie's.
    """

    staff: str
    via: str
    strength: int | None
    last_contact: dt.date | None


def staff_ties_by_organisation(G: nx.Graph) -> dict[str, list[StaffTie]]:
    """For each organisation, every way a staff member is tied to it.

    A staff member is tied to an organisation when they have a direct tie with it (a relation, or
    an affiliation such as a board seat), when they hold a relation with it (``owner`` or one of
    ``holders``), or when they have or hold a relation with someone who works there.

    Returns
    -------
    dict
        ``{organisation: [StaffTie, ...]}``; organisations no staff member reaches are absent. For a
        shared graph of :func:`build_graph` the answer is kept and shared: read it, never change it.
    """
    return kept_for_graph(_KEPT, G, None, lambda: _staff_ties(G))


#: :func:`staff_ties_by_organisation` of shared graphs (the start page, the dependencies, the rings
#: and the board pack all ask for it).
_KEPT = RevisionCache(max_entries=4)


def _staff_ties(G: nx.Graph) -> dict[str, list[StaffTie]]:
    # Gathered as plain tuples (staff, via, strength, last contact), which hash and compare in C: a
    # big network notes a few hundred thousand of them. Each distinct one becomes a StaffTie at the end.
    found: dict[str, set[tuple[str, str, int | None, dt.date | None]]] = defaultdict(set)
    kind_of = dict(G.nodes(data="kind"))
    staff = {v for v, kind in kind_of.items() if kind == "staff"}
    organisations = organisations_by_person(G)

    def note(member: str, other: str, data: dict[str, Any]) -> None:
        kind = kind_of.get(other)
        if kind == "organisation":
            found[other].add((member, other, data.get("strength"), data.get("last_contact")))
        elif kind == "contact":
            orgs = organisations.get(other)
            if orgs:
                tie = (member, other, data.get("strength"), data.get("last_contact"))
                for org in orgs:
                    found[org].add(tie)

    for member in staff:
        for other, data in G[member].items():
            if has_kind(data, "relation") or has_kind(data, "affiliation"):
                note(member, other, data)
    # Every edge is met from both its ends here, and taken from the one that sorts first: walking the
    # adjacency as it is costs less than the edge view's bookkeeping of the edges already given.
    for u, neighbours in G.adjacency():
        for v, data in neighbours.items():
            holders = data.get("holders")
            if not holders or v < u or not has_kind(data, "relation"):
                continue
            for member in holders:
                # A holder at one end of the relation reaches the other end by it: noted above already.
                if member in staff and member != u and member != v:
                    note(member, u, data)
                    note(member, v, data)
    made = {tie: StaffTie(*tie) for ties in found.values() for tie in ties}
    return {org: [made[tie] for tie in sorted(ties, key=_tie_order)] for org, ties in found.items()}


def _tie_order(tie: tuple[str, str, int | None, dt.date | None]) -> tuple[str, str, int, dt.date]:
    staff, via, strength, last_contact = tie
    return staff, via, strength or 0, last_contact or dt.date.min


def staff_known_organisations(G: nx.Graph) -> dict[str, dict[str, set[str]]]:
    """``{organisation: {staff node: nodes they reach it through}}``.

    A summary of :func:`staff_ties_by_organisation`.
    """
    known: dict[str, dict[str, set[str]]] = {}
    for org, ties in staff_ties_by_organisation(G).items():
        by_staff = known.setdefault(org, {})
        for tie in ties:
            by_staff.setdefault(tie.staff, set()).add(tie.via)
    return known


def rings(G: nx.Graph, candidates: Iterable[str] | None = None) -> dict[str, int]:
    """Where each organisation sits around the library: the partnership rings.

    Parameters
    ----------
    G : networkx.Graph
        A graph from :func:`build_graph`.
    candidates : iterable of str, optional
        Organisation node ids the library wants as partners; they go on ring 3 unless already
        partners.

    Returns
    -------
    dict
        ``{node: ring}`` for the library and every organisation: 0 the library, 1 active partners,
        2 organisations where the library has contacts (see :func:`staff_known_organisations`),
        3 the rest -- organisations with no tie to staff, and the wanted candidates. People are not
        placed: the rings are drawn at organisation level.

    Examples
    --------
    An organisation nobody on the staff knows is on the outer ring:

    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("L", kind="library")
    >>> G.add_node("O1", kind="organisation")
    >>> rings(G)
    {'L': 0, 'O1': 3}
    """
    partners = partners_in(G)
    known = staff_known_organisations(G)
    wanted = set(candidates or ())
    placed: dict[str, int] = {LIBRARY: RING_LIBRARY} if LIBRARY in G else {}
    for v, kind in G.nodes(data="kind"):
        if kind != "organisation":
            continue
        if v in partners:
            placed[v] = RING_PARTNER
        elif v in known and v not in wanted:
            placed[v] = RING_CONTACT
        else:
            placed[v] = RING_CANDIDATE
    return placed
