"""The network graph: the library, its staff, their contacts and the organisations they work with.

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

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.normalize import name_key
from lib.core.vocabulary import fold
from lib.db import (
    PARTNERSHIP_STAGES,
    Affiliation,
    ContactLogEntry,
    ImportBatch,
    Organisation,
    Partnership,
    PartnershipOrganisation,
    Person,
    Relation,
    get_setting,
)

LIBRARY = "L"
#: Shown when the workspace has no library name; a proper name, so it is not translated.
DEFAULT_LIBRARY_NAME = "Biblioteket"
NODE_KINDS = ("library", "staff", "contact", "organisation")
EDGE_KINDS = ("staff", "affiliation", "relation", "partnership")
#: Which kind names a merged edge: the most telling one first.
_KIND_PRIORITY = ("partnership", "relation", "affiliation", "staff")
DEFAULT_STRENGTH = 2
#: The strongest strength: the top of the scale a network file's weights are brought onto.
STRONGEST = 5
STAFF_WEIGHT = 1.0
AFFILIATION_WEIGHT = 1.0
PARTNERSHIP_WEIGHT = 3.0
PARTNER_RELATION_KIND = "partner"
#: Edge attributes that only make sense while a kind of tie is on the edge.
_RELATION_ATTRIBUTES = ("relation_kind", "relation_kinds", "strength", "relation_ids")
_CONTACT_ATTRIBUTES = ("first_contact", "last_contact")
_AFFILIATION_ATTRIBUTES = ("start_date", "end_date", "role")


def person_node(person_id: int) -> str:
    return f"P{person_id}"


def organisation_node(organisation_id: int) -> str:
    return f"O{organisation_id}"


def record_id(node: str) -> int | None:
    """The database id behind a node id (``"P12"`` → 12); None for the library."""
    return int(node[1:]) if node[:1] in ("P", "O") and node[1:].isdigit() else None


# --- loading ----------------------------------------------------------------------------------------


@dataclass
class _Tie:
    """One tie read from the database, before ties of the same pair are merged."""

    kind: str
    weight: float
    relation_kind: str | None = None
    strength: int | None = None
    first_contact: dt.date | None = None
    last_contact: dt.date | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    owner: str | None = None
    holders: frozenset[str] = frozenset()
    relation_id: int | None = None
    role: str | None = None


@dataclass
class _Workspace:
    """The rows the graph is built from, read in a handful of queries."""

    library_label: str
    library_org_ids: set[int]
    people: list[Any]
    organisations: list[Any]
    affiliations: list[Any]
    relations: list[Any]
    batch_dates: dict[int, dt.date]
    staff_ids: set[int] = field(default_factory=set)
    #: The largest weight of any relation (a network file's weights), for :func:`relation_weight`.
    largest_weight: float | None = None


def _as_date(value: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _earliest(*values: dt.date | None) -> dt.date | None:
    known = [v for v in values if v is not None]
    return min(known) if known else None


def _library_label(session: Session) -> str:
    name = (get_setting(session, "library_name") or "").strip()
    return name or DEFAULT_LIBRARY_NAME


def _library_organisation_ids(session: Session, library_label: str) -> set[int]:
    """Organisation records that are the library itself (an import may list the library by name)."""
    key = name_key(library_label)
    if not key:
        return set()
    return set(session.scalars(select(Organisation.id).where(Organisation.name_key == key)))


def _load(session: Session) -> _Workspace:
    library_label = _library_label(session)
    people = session.execute(
        select(Person.id, Person.name, Person.email, Person.title, Person.is_staff, Person.created_at, Person.batch_id)
    ).all()
    workspace = _Workspace(
        library_label=library_label,
        library_org_ids=_library_organisation_ids(session, library_label),
        people=people,
        organisations=session.execute(
            select(
                Organisation.id,
                Organisation.name,
                Organisation.org_type,
                Organisation.sector,
                Organisation.area,
                Organisation.created_at,
                Organisation.batch_id,
            )
        ).all(),
        affiliations=session.execute(
            select(
                Affiliation.id,
                Affiliation.person_id,
                Affiliation.organisation_id,
                Affiliation.role,
                Affiliation.start_date,
                Affiliation.end_date,
                Affiliation.batch_id,
            )
        ).all(),
        relations=session.execute(
            select(
                Relation.id,
                Relation.kind,
                Relation.from_person_id,
                Relation.from_organisation_id,
                Relation.to_person_id,
                Relation.to_organisation_id,
                Relation.strength,
                Relation.weight,
                Relation.first_contact,
                Relation.last_contact,
                Relation.owner_id,
                Relation.created_at,
            ).order_by(Relation.id)
        ).all(),
        batch_dates={
            batch_id: created.date()
            for batch_id, created in session.execute(select(ImportBatch.id, ImportBatch.created_at))
        },
        staff_ids={row.id for row in people if row.is_staff},
    )
    workspace.largest_weight = max((row.weight for row in workspace.relations if row.weight), default=None)
    return workspace


def relation_weight(strength: int | None, weight: float | None, largest_weight: float | None) -> float:
    """A relation's edge weight: stronger ties count more, on the scale of the 1-5 strength.

    * A strength (1-5) is the weight: 1.0 … 5.0.
    * Without one, a network file's weight (``Relation.weight``: Gephi's Weight, Kumu's Strength,
      a "Vægt" column; any number above 0) counts on the same scale. Where every weight in the
      workspace is at most 5 it is taken as it is (2.5 counts as between strength 2 and 3); where
      some weight is larger (a file counting meetings: 12, 40 …) all are scaled so that the largest
      counts as 5: ``weight × 5 / largest weight``. So a weight never counts for more than the
      strongest tie, and the file's proportions between its ties are kept.
    * Neither: :data:`DEFAULT_STRENGTH` (2), an ordinary tie.

    ``largest_weight`` is the largest weight among all the workspace's relations (not only those
    shown, and not only on a date), so a tie's weight does not change with a filter or a date.

    >>> relation_weight(4, 12.0, 40.0), relation_weight(None, 2.5, 4.0), relation_weight(None, 12.0, 40.0)
    (4.0, 2.5, 1.5)
    >>> relation_weight(None, None, 40.0)
    2.0
    """
    if strength is not None:
        return float(strength)
    if weight is not None and weight > 0:
        return float(weight) * STRONGEST / max(float(STRONGEST), float(largest_weight or 0.0))
    return float(DEFAULT_STRENGTH)


def relation_start(
    first_contact: dt.date | None, last_contact: dt.date | None, created_at: dt.date | dt.datetime | None
) -> dt.date | None:
    """The date from which a relation counts as existing.

    The first contact when it is known; otherwise the earlier of the last contact and the day the
    record was created (a tie with a last contact two years ago existed two years ago, even when it
    was typed in yesterday).
    """
    if first_contact is not None:
        return first_contact
    return _earliest(last_contact, _as_date(created_at))


def _relation_exists(row: Any, as_of: dt.date | None) -> bool:
    if as_of is None:
        return True
    start = relation_start(row.first_contact, row.last_contact, row.created_at)
    return start is None or start <= as_of


def _affiliation_exists(row: Any, as_of: dt.date) -> bool:
    started = row.start_date is None or row.start_date <= as_of
    return started and (row.end_date is None or row.end_date >= as_of)


def _end_node(person_id: int | None, organisation_id: int | None, library_org_ids: set[int]) -> str:
    if person_id is not None:
        return person_node(person_id)
    assert organisation_id is not None  # the schema demands exactly one end
    return LIBRARY if organisation_id in library_org_ids else organisation_node(organisation_id)


@requires("view_board")
def partner_organisations(session: Session, as_of: dt.date | None = None) -> dict[int, dict[str, Any]]:
    """Organisations the library is in partnership with, by organisation id.

    An organisation counts as a partner when

    * a staff member, or the library itself, holds a relation of kind ``"partner"`` with it; or
    * it takes part in a registered partnership (``lib.db.Partnership``) that is under way: its
      stage is not ``"idea"`` and it has not ended (``closed``).

    This is the only place that rule lives.

    Parameters
    ----------
    session : Session
        An open database session.
    as_of : date, optional
        Count only the partner relations that existed on that date (see :func:`relation_start`), and
        the partnerships under way then: started by that date (its start date, else the day it was
        recorded) and not ended before it (``ended_on`` after it; a closed partnership without an
        end date counts as ended). A partnership's stage is only known as it is now, so one that is
        an idea today is not counted for any date.

    Returns
    -------
    dict
        ``{organisation_id: {"holders": frozenset of staff node ids, "since": date | None,
        "last_contact": date | None, "owner": staff node id | None, "relation_ids": tuple,
        "partnership_ids": tuple, "stage": str | None, "stages": tuple}}``.
        ``holders`` are the staff members holding a partner relation, owning a partnership or
        logging a contact with it; ``owner`` is the holder with the most recent contact.
        ``since`` is the earliest start of a partner relation or partnership, ``last_contact`` the
        most recent contact of either (relations' last contact, partnerships' contact log).
        ``stages`` are the stages of its partnerships under way, ``stage`` the furthest of them
        (None for a partner by relation only).
    """
    library_org_ids = _library_organisation_ids(session, _library_label(session))
    staff_ids = set(session.scalars(select(Person.id).where(Person.is_staff.is_(True))))
    rows = session.execute(
        select(
            Relation.id,
            Relation.from_person_id,
            Relation.from_organisation_id,
            Relation.to_person_id,
            Relation.to_organisation_id,
            Relation.first_contact,
            Relation.last_contact,
            Relation.created_at,
        )
        .where(Relation.kind == PARTNER_RELATION_KIND)
        .order_by(Relation.id)
    ).all()
    partners: dict[int, dict[str, Any]] = {}
    for row in rows:
        if not _relation_exists(row, as_of):
            continue
        ends = [(row.from_person_id, row.from_organisation_id), (row.to_person_id, row.to_organisation_id)]
        for org_id_end, other in ((ends[0][1], ends[1]), (ends[1][1], ends[0])):
            if org_id_end is None or org_id_end in library_org_ids:
                continue
            other_person, other_org = other
            holder = person_node(other_person) if other_person in staff_ids else None
            if holder is None and other_org not in library_org_ids:
                continue
            entry = partners.setdefault(
                org_id_end,
                {
                    "holders": set(),
                    "since": None,
                    "last_contact": None,
                    "relation_ids": [],
                    "_latest": {},
                },
            )
            if holder is not None:
                entry["holders"].add(holder)
                previous = entry["_latest"].get(holder)
                entry["_latest"][holder] = max(filter(None, (previous, row.last_contact)), default=None)
            start = relation_start(row.first_contact, row.last_contact, row.created_at)
            entry["since"] = _earliest(entry["since"], start)
            entry["last_contact"] = max(filter(None, (entry["last_contact"], row.last_contact)), default=None)
            entry["relation_ids"].append(row.id)
    _add_partnerships(session, partners, staff_ids, library_org_ids, as_of)
    for entry in partners.values():
        latest = entry.pop("_latest")
        # The holder in closest touch speaks for the partnership.
        entry["owner"] = min(latest, key=lambda h: (-(latest[h] or dt.date.min).toordinal(), h), default=None)
        entry["holders"] = frozenset(entry["holders"])
        entry["relation_ids"] = tuple(entry["relation_ids"])
        entry["partnership_ids"] = tuple(entry.get("partnership_ids", ()))
        stages = tuple(sorted(set(entry.get("stages", ())), key=PARTNERSHIP_STAGES.index))
        entry["stages"] = stages
        entry["stage"] = stages[-1] if stages else None
    return partners


def partnership_under_way(row: Any, as_of: dt.date | None = None) -> bool:
    """Whether a partnership (a ``Partnership`` or a row with its columns) is under way on ``as_of``
    (now when None): the one rule of "active" (``lib.reporting.figures``), stated in :func:`partner_organisations`."""
    if row.stage == "idea":
        return False
    if as_of is None:
        return not row.closed
    started = row.start_date or _as_date(row.created_at)
    if started is not None and started > as_of:
        return False
    if row.closed:
        return row.ended_on is not None and row.ended_on > as_of
    return True


def _add_partnerships(
    session: Session,
    partners: dict[int, dict[str, Any]],
    staff_ids: set[int],
    library_org_ids: set[int],
    as_of: dt.date | None,
) -> None:
    """Add the organisations of registered partnerships under way to ``partners`` (see above)."""
    rows = session.execute(
        select(
            Partnership.id,
            Partnership.stage,
            Partnership.closed,
            Partnership.ended_on,
            Partnership.start_date,
            Partnership.created_at,
            Partnership.owner_id,
            PartnershipOrganisation.organisation_id,
        )
        .join(PartnershipOrganisation, PartnershipOrganisation.partnership_id == Partnership.id)
        .order_by(Partnership.id, PartnershipOrganisation.organisation_id)
    ).all()
    rows = [row for row in rows if row.organisation_id not in library_org_ids and partnership_under_way(row, as_of)]
    if not rows:
        return
    contacts: dict[int, dict[str | None, dt.date]] = defaultdict(dict)
    log = select(ContactLogEntry.partnership_id, ContactLogEntry.staff_id, ContactLogEntry.contacted_on)
    if as_of is not None:
        log = log.where(ContactLogEntry.contacted_on <= as_of)
    for partnership_id, staff_id, contacted_on in session.execute(log):
        holder = person_node(staff_id) if staff_id in staff_ids else None
        previous = contacts[partnership_id].get(holder)
        contacts[partnership_id][holder] = max(filter(None, (previous, contacted_on)))
    for row in rows:
        entry = partners.setdefault(
            row.organisation_id,
            {
                "holders": set(),
                "since": None,
                "last_contact": None,
                "relation_ids": [],
                "_latest": {},
            },
        )
        entry.setdefault("partnership_ids", []).append(row.id)
        entry.setdefault("stages", []).append(row.stage)
        entry["since"] = _earliest(entry["since"], row.start_date or _as_date(row.created_at))
        logged = contacts.get(row.id, {})
        owner = person_node(row.owner_id) if row.owner_id in staff_ids else None
        holders = {h for h in logged if h is not None} | ({owner} if owner else set())
        for holder in holders:
            entry["holders"].add(holder)
            previous = entry["_latest"].get(holder)
            entry["_latest"][holder] = max(filter(None, (previous, logged.get(holder))), default=None)
        newest = max(logged.values(), default=None)
        entry["last_contact"] = max(filter(None, (entry["last_contact"], newest)), default=None)


# --- building ---------------------------------------------------------------------------------------


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
        What "today" is when ``as_of`` is None (default ``date.today()``); only used to leave out
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
    workspace = _load(session)
    partners = partner_organisations(session, as_of)
    today = today or dt.date.today()
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
    for (u, v), pair_ties in ties.items():
        G.add_edge(u, v, **_merge_ties(pair_ties))
    return G


def _nodes_recorded_by(workspace: _Workspace, as_of: dt.date | None) -> set[str]:
    """People and organisations recorded on or before ``as_of`` (all of them when it is None)."""

    def recorded(row: Any) -> bool:
        since = _earliest(_as_date(row.created_at), workspace.batch_dates.get(row.batch_id))
        return as_of is None or since is None or since <= as_of

    nodes = {person_node(p.id) for p in workspace.people if recorded(p)}
    nodes |= {
        organisation_node(o.id)
        for o in workspace.organisations
        if recorded(o) and o.id not in workspace.library_org_ids
    }
    return nodes


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
        holders=frozenset({owner}) if owner else frozenset(),
        relation_id=row.id,
    )


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
    for a in affiliations:
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


def primary_kind(kinds: Iterable[str]) -> str:
    """The kind that names an edge holding ``kinds``: partnership > relation > affiliation > staff."""
    kinds = set(kinds)
    return next(kind for kind in _KIND_PRIORITY if kind in kinds)


def _merge_ties(ties: list[_Tie]) -> dict[str, Any]:
    """One edge's attributes from all ties between the same two nodes (see the module notes)."""
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


# --- filters ----------------------------------------------------------------------------------------


def _frozen(values: Iterable[Any] | None) -> frozenset[Any] | None:
    """A filter value as a frozenset; None or an empty selection means "no filter"."""
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    values = frozenset(values)
    return values or None


@dataclass(frozen=True)
class NetworkFilter:
    """What the network page shows: every field left at None (or empty) shows everything.

    Attributes
    ----------
    node_kinds : set of str, optional
        Node kinds to show (:data:`NODE_KINDS`).
    edge_kinds : set of str, optional
        Edge kinds to show (:data:`EDGE_KINDS`). An edge holding several kinds stays with the
        allowed ones and its weight recomputed.
    sectors, org_types : set of str, optional
        Organisations to show by sector or type; ``None`` inside the set stands for "not given".
        People and the library are not affected.
    stages : set of str, optional
        Organisations to show by the stage of their partnership with the library (the furthest
        stage of the registered partnerships under way, see :func:`partner_organisations`);
        ``None`` inside the set stands for organisations without a registered partnership.
    staff : set of str, optional
        Staff node ids: show only the ties held by or running through these staff members, as
        :func:`staff_network` shows them, together with the library and its partnerships held by
        them.
    min_strength : int, optional
        Relations weaker than this are hidden; a relation of unknown strength counts as
        :data:`DEFAULT_STRENGTH`. Other kinds of tie are not affected.
    contact_before, contact_after : date, optional
        Show relations and partnerships whose last contact lies within these bounds (inclusive);
        ties without a last contact are hidden while a bound is set. Affiliations and staff ties
        are not affected.
    search : str
        Show nodes whose name, organisation or e-mail contains the text (any case), with their
        neighbours.
    """

    node_kinds: frozenset[str] | None = None
    edge_kinds: frozenset[str] | None = None
    sectors: frozenset[str | None] | None = None
    org_types: frozenset[str | None] | None = None
    stages: frozenset[str | None] | None = None
    staff: frozenset[str] | None = None
    min_strength: int | None = None
    contact_before: dt.date | None = None
    contact_after: dt.date | None = None
    search: str = ""

    def __post_init__(self) -> None:
        # Widgets hand over lists; a frozen, hashable filter can be a cache key.
        for name in ("node_kinds", "edge_kinds", "sectors", "org_types", "stages", "staff"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))
        object.__setattr__(self, "search", (self.search or "").strip())

    @property
    def selects_nodes(self) -> bool:
        """True when a node filter (kinds, sectors, types or search) picks what is shown."""
        return bool(self.node_kinds or self.sectors or self.org_types or self.stages or self.search)

    @property
    def is_empty(self) -> bool:
        return self == NetworkFilter()


def _node_passes(data: dict[str, Any], flt: NetworkFilter) -> bool:
    if flt.node_kinds is not None and data.get("kind") not in flt.node_kinds:
        return False
    if data.get("kind") == "organisation":
        if flt.sectors is not None and data.get("sector") not in flt.sectors:
            return False
        if flt.org_types is not None and data.get("org_type") not in flt.org_types:
            return False
        if flt.stages is not None and data.get("partner_stage") not in flt.stages:
            return False
    return True


def _kept_kinds(data: dict[str, Any], flt: NetworkFilter) -> frozenset[str]:
    kinds = set(data.get("kinds") or {data.get("kind")})
    if flt.edge_kinds is not None:
        kinds &= flt.edge_kinds
    if flt.min_strength is not None and "relation" in kinds:
        strength = data.get("strength")
        if (strength if strength is not None else DEFAULT_STRENGTH) < flt.min_strength:
            kinds.discard("relation")
    if flt.contact_before is not None or flt.contact_after is not None:
        last = data.get("last_contact")
        inside = last is not None and not (
            (flt.contact_before is not None and last > flt.contact_before)
            or (flt.contact_after is not None and last < flt.contact_after)
        )
        if not inside:
            kinds -= {"relation", "partnership"}
    return frozenset(kinds)


def _with_kinds(data: dict[str, Any], kinds: frozenset[str]) -> dict[str, Any]:
    """Edge attributes restricted to ``kinds``: weight, counts and kind-specific values follow."""
    out = dict(data)
    # The per-kind dicts are copied so that changing the filtered graph never changes ``G``.
    out["weights_by_kind"] = dict(data.get("weights_by_kind") or {})
    out["ties_by_kind"] = dict(data.get("ties_by_kind") or {})
    if kinds == data.get("kinds"):
        return out
    weights = {k: w for k, w in (data.get("weights_by_kind") or {}).items() if k in kinds}
    counts = {k: c for k, c in (data.get("ties_by_kind") or {}).items() if k in kinds}
    out.update(
        kind=primary_kind(kinds),
        kinds=kinds,
        weights_by_kind=weights,
        ties_by_kind=counts,
        weight=float(sum(weights.values())),
        ties=sum(counts.values()),
    )
    if "relation" not in kinds:
        out.update(dict.fromkeys(_RELATION_ATTRIBUTES))
        out["relation_kinds"], out["relation_ids"] = frozenset(), ()
    if not kinds & {"relation", "partnership"}:
        out.update(dict.fromkeys(_CONTACT_ATTRIBUTES))
        out.update(owner=None, holders=frozenset())
    if "affiliation" not in kinds:
        out.update(dict.fromkeys(_AFFILIATION_ATTRIBUTES))
    return out


def _matches(data: dict[str, Any], needle: str) -> bool:
    text = " ".join(str(data.get(name) or "") for name in ("label", "organisation", "email"))
    return needle in fold(text)


def apply_filter(G: nx.Graph, flt: NetworkFilter) -> nx.Graph:
    """The part of ``G`` that ``flt`` shows, as a new graph (``G`` is not changed).

    Parameters
    ----------
    G : networkx.Graph
        A graph from :func:`build_graph` (or a view of it).
    flt : NetworkFilter
        The filters.

    Returns
    -------
    networkx.Graph
        A copy with the nodes and edges that pass; edge attributes follow the kinds kept.

    Notes
    -----
    Node filters (kinds, sectors, types) decide which nodes can be shown; edge filters (kinds,
    strength, contact dates) decide which ties between them are shown. A node that had ties among
    the shown nodes but lost all of them to the edge filters disappears too -- unless a node filter
    (kinds, sectors, types or search) is set, in which case the user chose those nodes and they stay.
    Nodes that had no ties in the first place (isolates) stay: they are a finding.
    The staff filter and the search narrow the nodes further (see :class:`NetworkFilter`).

    Examples
    --------
    >>> H = apply_filter(G, NetworkFilter(node_kinds={"organisation", "library"}))  # doctest: +SKIP
    """
    nodes = {v for v, data in G.nodes(data=True) if _node_passes(data, flt)}
    edges: dict[tuple[str, str], frozenset[str]] = {}
    for u, v, data in G.edges(data=True):
        if u in nodes and v in nodes:
            kinds = _kept_kinds(data, flt)
            if kinds:
                edges[(u, v)] = kinds
    had_ties = {n for u, v in G.edges() if u in nodes and v in nodes for n in (u, v)}
    if flt.staff is not None:
        nodes, edges = _restrict_to_staff(G, nodes, edges, flt.staff)
    if flt.search:
        nodes, edges = _restrict_to_search(G, nodes, edges, fold(flt.search))
    H = nx.Graph(**G.graph)
    for (u, v), kinds in edges.items():
        H.add_edge(u, v, **_with_kinds(G.edges[u, v], kinds))
    keep_isolated = flt.selects_nodes
    for v in nodes:
        if v in H or keep_isolated or v not in had_ties:
            H.add_node(v)
    for v in H.nodes:
        H.nodes[v].update(G.nodes[v])
    return H


def _restrict_to_staff(
    G: nx.Graph, nodes: set[str], edges: dict[tuple[str, str], frozenset[str]], staff: frozenset[str]
) -> tuple[set[str], dict[tuple[str, str], frozenset[str]]]:
    reached: set[str] = {LIBRARY}
    held: set[frozenset[str]] = set()
    for member in staff:
        if member not in G:
            continue
        member_nodes, member_edges = _staff_reach(G, member)
        reached |= member_nodes
        held |= {frozenset(e) for e in member_edges}
        held.add(frozenset((LIBRARY, member)))
    for u, v, data in G.edges(LIBRARY, data=True):
        if "partnership" in (data.get("kinds") or ()) and data.get("holders", frozenset()) & staff:
            held.add(frozenset((u, v)))
            reached.add(v if u == LIBRARY else u)
    nodes = nodes & reached
    edges = {e: k for e, k in edges.items() if frozenset(e) in held and e[0] in nodes and e[1] in nodes}
    return nodes, edges


def _restrict_to_search(
    G: nx.Graph, nodes: set[str], edges: dict[tuple[str, str], frozenset[str]], needle: str
) -> tuple[set[str], dict[tuple[str, str], frozenset[str]]]:
    found = {v for v in nodes if _matches(G.nodes[v], needle)}
    shown = set(found)
    for u, v in edges:
        if u in found:
            shown.add(v)
        if v in found:
            shown.add(u)
    edges = {e: k for e, k in edges.items() if e[0] in shown and e[1] in shown}
    return shown, edges


# --- derived views ----------------------------------------------------------------------------------


def _has_kind(data: dict[str, Any], kind: str) -> bool:
    return kind in (data.get("kinds") or {data.get("kind")})


def organisations_of(G: nx.Graph, person: str) -> list[str]:
    """The organisations ``person`` is affiliated with in ``G``, sorted."""
    return sorted(
        other
        for other, data in G[person].items()
        if _has_kind(data, "affiliation") and G.nodes[other].get("kind") == "organisation"
    )


def people_of(G: nx.Graph, organisation: str) -> list[str]:
    """The people affiliated with ``organisation`` in ``G``, sorted."""
    return sorted(
        other
        for other, data in G[organisation].items()
        if _has_kind(data, "affiliation") and G.nodes[other].get("kind") in ("staff", "contact")
    )


def _folded_into(G: nx.Graph, node: str) -> list[str]:
    """Where ``node`` lands in the organisation view: itself, its organisations, or the library."""
    kind = G.nodes[node].get("kind")
    if kind in ("library", "organisation"):
        return [node]
    if kind == "staff":
        return [LIBRARY] if LIBRARY in G else []
    return organisations_of(G, node)


def organisation_view(G: nx.Graph) -> nx.Graph:
    """The network between organisations, with people folded into the organisations they work at.

    Parameters
    ----------
    G : networkx.Graph
        A graph from :func:`build_graph` or :func:`apply_filter`.

    Returns
    -------
    networkx.Graph
        The library and every organisation of ``G``. Two of them are joined when a relation or
        partnership runs between them or between their people; ``ties`` (and ``weight``) is the
        number of such ties, ``kinds`` their kinds, ``last_contact`` the most recent contact.
        Organisation nodes get ``people``: how many of ``G``'s people were folded into them.

    Notes
    -----
    Staff fold into the library node ``"L"``. A contact with no organisation is dropped; a contact
    with several organisations counts at each of them. Affiliations and staff ties are what the
    folding follows, so they are not ties in this view; nor is a tie between two people of the
    same organisation.

    Examples
    --------
    >>> view = organisation_view(G)                                    # doctest: +SKIP
    >>> view.edges["L", "O7"]["ties"]                                  # doctest: +SKIP
    4
    """
    view = nx.Graph(**G.graph)
    folded = {v: _folded_into(G, v) for v in G}
    for v, data in G.nodes(data=True):
        if data.get("kind") in ("library", "organisation"):
            view.add_node(v, **data, people=0)
    for v, targets in folded.items():
        if G.nodes[v].get("kind") in ("staff", "contact"):
            for target in targets:
                view.nodes[target]["people"] += 1
    for u, v, data in G.edges(data=True):
        counts = data.get("ties_by_kind") or {data.get("kind"): 1}
        number = sum(c for k, c in counts.items() if k in ("relation", "partnership"))
        if not number:
            continue
        kinds = frozenset(k for k in counts if k in ("relation", "partnership"))
        for a in folded[u]:
            for b in folded[v]:
                if a != b:
                    _add_folded_tie(view, a, b, number, kinds, data.get("last_contact"))
    return view


def _add_folded_tie(
    view: nx.Graph, a: str, b: str, number: int, kinds: frozenset[str], last_contact: dt.date | None
) -> None:
    if view.has_edge(a, b):
        edge = view.edges[a, b]
        edge["ties"] += number
        edge["weight"] = float(edge["ties"])
        edge["kinds"] = edge["kinds"] | kinds
        edge["kind"] = primary_kind(edge["kinds"])
        if last_contact and (edge["last_contact"] is None or last_contact > edge["last_contact"]):
            edge["last_contact"] = last_contact
    else:
        view.add_edge(
            a, b, ties=number, weight=float(number), kinds=kinds, kind=primary_kind(kinds), last_contact=last_contact
        )


def _staff_reach(G: nx.Graph, staff_node: str) -> tuple[set[str], set[tuple[str, str]]]:
    """The nodes and edges of one staff member's network (see :func:`staff_network`)."""
    nodes = {staff_node}
    edges: set[tuple[str, str]] = set()
    for other in G[staff_node]:
        if other != LIBRARY:
            nodes.add(other)
            edges.add((staff_node, other))
    for u, v, data in G.edges(data=True):
        held = data.get("owner") == staff_node or staff_node in data.get("holders", ())
        if held and LIBRARY not in (u, v):
            nodes |= {u, v}
            edges.add((u, v))
    for person in [n for n in nodes if G.nodes[n].get("kind") in ("staff", "contact") and n != staff_node]:
        for org in organisations_of(G, person):
            nodes.add(org)
            edges.add((person, org))
    return nodes, edges


def staff_network(G: nx.Graph, staff_node: str) -> nx.Graph:
    """ "My network": one staff member, the people and organisations they hold ties with.

    Parameters
    ----------
    G : networkx.Graph
        A graph from :func:`build_graph`.
    staff_node : str
        The staff member's node id, ``"P<id>"``.

    Returns
    -------
    networkx.Graph
        The staff member; everyone they have a direct tie with (the tie to the library itself
        excepted); both ends of every tie they hold (``owner`` or one of the ``holders``); and the
        organisations of those people, with the affiliations leading there. An unknown node gives
        an empty graph, so a page with a stale selection shows nothing instead of failing.

    Examples
    --------
    >>> mine = staff_network(G, "P3")                               # doctest: +SKIP
    """
    if staff_node not in G:
        return nx.Graph(**G.graph)
    nodes, edges = _staff_reach(G, staff_node)
    H = nx.Graph(**G.graph)
    H.add_nodes_from((n, G.nodes[n]) for n in nodes)
    H.add_edges_from((u, v, G.edges[u, v]) for u, v in edges)
    return H.copy()


def ego_network(G: nx.Graph, node: str, radius: int = 1) -> nx.Graph:
    """Everything within ``radius`` steps of ``node`` (1: direct ties; 2: ties of ties).

    Parameters
    ----------
    G : networkx.Graph
    node : str
        The centre.
    radius : int
        1 or 2 on the page; any non-negative number works.

    Returns
    -------
    networkx.Graph
        A copy of the induced subgraph; empty when ``node`` is not in ``G``.

    Examples
    --------
    >>> sorted(ego_network(nx.path_graph(["a", "b", "c"]), "a", 1))
    ['a', 'b']
    """
    if node not in G:
        return nx.Graph(**G.graph)
    return nx.ego_graph(G, node, radius=max(0, int(radius))).copy()


# --- rings ------------------------------------------------------------------------------------------

RING_LIBRARY, RING_PARTNER, RING_CONTACT, RING_CANDIDATE = 0, 1, 2, 3


def partners_in(G: nx.Graph) -> set[str]:
    """The organisations joined to the library by a partnership edge in ``G``."""
    if LIBRARY not in G:
        return set()
    return {v for v, data in G[LIBRARY].items() if _has_kind(data, "partnership")}


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
        ``{organisation: [StaffTie, ...]}``; organisations no staff member reaches are absent.
    """
    found: dict[str, set[StaffTie]] = defaultdict(set)
    staff = {v for v, k in G.nodes(data="kind") if k == "staff"}

    def note(member: str, other: str, data: dict[str, Any]) -> None:
        kind = G.nodes[other].get("kind")
        tie = (data.get("strength"), data.get("last_contact"))
        if kind == "organisation":
            found[other].add(StaffTie(member, other, *tie))
        elif kind == "contact":
            for org in organisations_of(G, other):
                found[org].add(StaffTie(member, other, *tie))

    for member in staff:
        for other, data in G[member].items():
            if _has_kind(data, "relation") or _has_kind(data, "affiliation"):
                note(member, other, data)
    for u, v, data in G.edges(data=True):
        if not _has_kind(data, "relation"):
            continue
        for member in data.get("holders") or ():
            if member in staff:
                for end in (u, v):
                    if end != member:
                        note(member, end, data)
    return {
        org: sorted(ties, key=lambda t: (t.staff, t.via, t.strength or 0, t.last_contact or dt.date.min))
        for org, ties in found.items()
    }


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
    >>> placed = rings(G)                                           # doctest: +SKIP
    >>> placed["L"]                                                 # doctest: +SKIP
    0
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


# --- signature --------------------------------------------------------------------------------------

_NODE_KEYS = ("kind", "label", "org_type", "sector")
_EDGE_KEYS = ("kind", "kinds", "weight", "strength", "first_contact", "last_contact", "start_date", "end_date", "owner")
#: Separates values inside one node's or edge's line; no name or date contains it.
_SEPARATOR = "\x1f"


def _plain(value: Any) -> str:
    if isinstance(value, (set, frozenset)):
        return ",".join(sorted(map(str, value)))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return repr(value)


def graph_signature(G: nx.Graph) -> str:
    """A stable hash of the nodes, edges and their key attributes: the cache key for layouts and metrics.

    The same network gives the same signature whatever order it was built in; any change to a node,
    an edge, a weight, a kind or a contact date changes it.

    Examples
    --------
    >>> graph_signature(nx.path_graph(3)) == graph_signature(nx.path_graph([2, 1, 0]))
    True
    """
    lines = [
        _SEPARATOR.join(["N", repr(v), *(_plain(data.get(k)) for k in _NODE_KEYS)]) for v, data in G.nodes(data=True)
    ]
    lines += [
        _SEPARATOR.join(["E", *sorted((repr(u), repr(v))), *(_plain(data.get(k)) for k in _EDGE_KEYS)])
        for u, v, data in G.edges(data=True)
    ]
    lines.sort()
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
