"""What hangs on one staff member: their relations and partnerships, and single-person dependencies."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.frames import typed_frame
from lib.core.gc_pause import gc_paused
from lib.db import (
    Affiliation,
    ContactLogEntry,
    Organisation,
    Partnership,
    PartnershipOrganisation,
    Person,
    Relation,
)
from lib.db.revision import RevisionCache, session_state
from lib.library.staff_roles import DEPENDENCY_KINDS
from lib.network.build import BUILT_FOR, kept_for_graph
from lib.network.graph import (
    build_graph,
    has_kind,
    node_record_id,
    organisations_by_person,
    staff_ties_by_organisation,
)


def _current_organisations(session: Session, person_ids: Iterable[int], today: dt.date) -> dict[int, str]:
    """``{person id: "; "-joined names of the organisations they work at now}``."""
    found: dict[int, set[str]] = defaultdict(set)
    rows = session.execute(
        select(Affiliation.person_id, Organisation.name, Affiliation.end_date)
        .join(Organisation, Organisation.id == Affiliation.organisation_id)
        .where(Affiliation.person_id.in_(set(person_ids)))
    )
    for person_id, name, end_date in rows:
        if end_date is None or end_date >= today:
            found[person_id].add(name)
    return {person_id: "; ".join(sorted(names, key=str.casefold)) for person_id, names in found.items()}


RELATION_COLUMNS = (
    "relation_id",
    "relation_kind",
    "party",
    "party_kind",
    "organisation",
    "strength",
    "first_contact",
    "last_contact",
    "held_only",
)


@requires("view_contacts")
def person_relations(session: Session, person_id: int, today: dt.date | None = None) -> pd.DataFrame:
    """The relations a person has or holds, by the other party's name.

    Columns :data:`RELATION_COLUMNS`: ``party`` is the other end (``party_kind`` "staff", "contact" or
    "organisation"); for a tie between two others that the person holds for the library (``held_only``)
    it is "A – B" and ``party_kind`` "tie". ``organisation`` lists where a person at the other end
    works now.
    """
    today = today or dt.date.today()
    relations = list(
        session.scalars(
            select(Relation).where(
                (Relation.from_person_id == person_id)
                | (Relation.to_person_id == person_id)
                | (Relation.owner_id == person_id)
            )
        )
    )
    people_ids = {i for r in relations for i in (r.from_person_id, r.to_person_id) if i is not None}
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(people_ids)))}
    org_ids = {i for r in relations for i in (r.from_organisation_id, r.to_organisation_id) if i is not None}
    org_names = dict(
        session.execute(select(Organisation.id, Organisation.name).where(Organisation.id.in_(org_ids))).all()
    )
    works_at = _current_organisations(session, people_ids, today)

    def end(person: int | None, organisation: int | None) -> tuple[str, str, str | None]:
        if person is not None:
            record = people[person]
            return record.name, "staff" if record.is_staff else "contact", works_at.get(person)
        return (org_names.get(organisation, "") if organisation is not None else ""), "organisation", None

    rows: list[dict[str, Any]] = []
    for r in relations:
        ends = [(r.from_person_id, r.from_organisation_id), (r.to_person_id, r.to_organisation_id)]
        if r.from_person_id == person_id or r.to_person_id == person_id:
            other = ends[1] if r.from_person_id == person_id else ends[0]
            party, kind, organisation = end(*other)
            held_only = False
        else:
            party = " – ".join(end(*e)[0] for e in ends)
            kind, organisation, held_only = "tie", None, True
        rows.append(
            {
                "relation_id": r.id,
                "relation_kind": r.kind,
                "party": party,
                "party_kind": kind,
                "organisation": organisation,
                "strength": r.strength,
                "first_contact": r.first_contact,
                "last_contact": r.last_contact,
                "held_only": held_only,
            }
        )
    rows.sort(key=lambda row: (row["party"].casefold(), row["relation_id"]))
    return typed_frame(
        rows, RELATION_COLUMNS, integers=["relation_id"], whole_or_missing=["strength"], booleans=["held_only"]
    )


PARTNERSHIP_COLUMNS = ("partnership_id", "title", "stage", "closed", "organisations", "single_person")


@requires("view_contacts")
def owned_partnerships(
    session: Session, person_id: int, dependencies: Sequence[Dependency] | None = None
) -> pd.DataFrame:
    """The partnerships a person owns: open ones first, then by title.

    Columns :data:`PARTNERSHIP_COLUMNS`; ``single_person`` marks those that hang on this person alone
    (see :func:`single_person_dependencies`, computed unless ``dependencies`` are passed in).
    """
    if dependencies is None:
        dependencies = single_person_dependencies(session)
    single = {d.entity_id for d in dependencies if d.kind == "partnership" and d.person_id == person_id}
    partnerships = list(session.scalars(select(Partnership).where(Partnership.owner_id == person_id)))
    names = _partner_names(session, [p.id for p in partnerships])
    rows: list[dict[str, Any]] = [
        {
            "partnership_id": p.id,
            "title": p.title,
            "stage": p.stage,
            "closed": p.closed,
            "organisations": "; ".join(names.get(p.id, [])),
            "single_person": p.id in single,
        }
        for p in partnerships
    ]
    rows.sort(key=lambda row: (row["closed"], row["title"].casefold(), row["partnership_id"]))
    return typed_frame(rows, PARTNERSHIP_COLUMNS, integers=["partnership_id"], booleans=["closed", "single_person"])


def _partner_names(session: Session, partnership_ids: Iterable[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    rows = session.execute(
        select(PartnershipOrganisation.partnership_id, Organisation.name)
        .join(Organisation, Organisation.id == PartnershipOrganisation.organisation_id)
        .where(PartnershipOrganisation.partnership_id.in_(set(partnership_ids)))
        .order_by(Organisation.name)
    )
    for partnership_id, name in rows:
        names[partnership_id].append(name)
    return names


@dataclass(frozen=True)
class Dependency:
    """Something the library would lose if staff member ``person_id`` left.

    ``kind`` is one of :data:`DEPENDENCY_KINDS`; ``entity_id`` the partnership's, organisation's or
    contact's id; ``label`` its title or name; ``detail`` the partner organisations of a partnership,
    or where a contact works.
    """

    person_id: int
    kind: str
    entity_id: int
    label: str
    detail: str | None = None


@dataclass
class _PartnershipFacts:
    """The partnerships read once: their organisations, owners and who logged contacts in them."""

    organisations: dict[int, list[int]]
    owners: dict[int, int | None]
    loggers: dict[int, set[int]]

    def staff_on_organisation(self) -> dict[int, set[int]]:
        """``{organisation id: staff ids}`` tied to it through any partnership (owning, logging)."""
        tied: dict[int, set[int]] = defaultdict(set)
        for partnership_id, orgs in self.organisations.items():
            people = set(self.loggers.get(partnership_id, set()))
            owner = self.owners.get(partnership_id)
            if owner is not None:
                people.add(owner)
            for org in orgs:
                tied[org] |= people
        return tied


def _partnership_facts(session: Session) -> _PartnershipFacts:
    organisations: dict[int, list[int]] = defaultdict(list)
    for partnership_id, org_id in session.execute(
        select(PartnershipOrganisation.partnership_id, PartnershipOrganisation.organisation_id)
    ):
        organisations[partnership_id].append(org_id)
    loggers: dict[int, set[int]] = defaultdict(set)
    for partnership_id, staff_id in session.execute(
        select(ContactLogEntry.partnership_id, ContactLogEntry.staff_id).where(ContactLogEntry.staff_id.is_not(None))
    ):
        if staff_id is not None:  # the query leaves entries without a staff member out
            loggers[partnership_id].add(staff_id)
    owners = dict(session.execute(select(Partnership.id, Partnership.owner_id)).all())
    return _PartnershipFacts(dict(organisations), owners, dict(loggers))


def _staff_by_contact(G: nx.Graph) -> dict[str, set[str]]:
    """``{contact node: staff nodes}`` that have a relation with the contact or hold one of theirs
    (a contact whose relations no staff member has or holds is left out)."""
    kind_of = dict(G.nodes(data="kind"))
    tied: dict[str, set[str]] = defaultdict(set)
    for u, v, data in G.edges(data=True):
        if not has_kind(data, "relation"):
            continue
        contacts = [n for n in (u, v) if kind_of[n] == "contact"]
        if not contacts:
            continue
        staff = {n for n in (u, v) if kind_of[n] == "staff"}
        staff.update(h for h in data.get("holders") or () if kind_of.get(h) == "staff")
        if staff:
            for contact in contacts:
                tied[contact] |= staff
    return tied


@requires("view_contacts", board_if={"contact_details": False})
def single_person_dependencies(
    session: Session,
    *,
    today: dt.date | None = None,
    graph: nx.Graph | None = None,
    contact_details: bool = True,
    kinds: Iterable[str] | None = None,
) -> list[Dependency]:
    """Partnerships, organisations and contacts that hang on one staff member (see the module notes).

    ``today`` decides which affiliations are current (default ``date.today()``); a caller that has
    already built the network for ``today`` passes it as ``graph``. Sorted by person id, then kind in
    the order of :data:`DEPENDENCY_KINDS`, then label. A contact's ``label`` is their name, which
    needs ``view_contacts``; with ``contact_details=False`` (the board) it is their node id, as in
    :func:`lib.network.graph.build_graph`, whichever ``graph`` is passed. ``kinds`` (of
    :data:`DEPENDENCY_KINDS`, all by default) keeps only those: the board's figures leave out the
    contacts, which on a big network are most of the work.
    """
    wanted = DEPENDENCY_KINDS if kinds is None else tuple(k for k in DEPENDENCY_KINDS if k in set(kinds))
    G = graph if graph is not None else build_graph(session, today=today, contact_details=contact_details)
    built_for = G.graph.get(BUILT_FOR)
    if built_for is None or session_state(session) != tuple(built_for[:2]):
        return _dependencies(session, G, contact_details, wanted)
    if wanted != DEPENDENCY_KINDS and (built_for, (contact_details, DEPENDENCY_KINDS)) in _KEPT:
        # Every kind is kept already (the warm-up works them out): the wanted ones are among them.
        every = single_person_dependencies(session, graph=G, contact_details=contact_details)
        return [d for d in every if d.kind in wanted]
    # A list of its own for each caller; the dependencies in it are frozen.
    return list(
        kept_for_graph(_KEPT, G, (contact_details, wanted), lambda: _dependencies(session, G, contact_details, wanted))
    )


#: Answers for shared graphs (``lib.network.build.BUILT_FOR``), kept while the data are unchanged.
_KEPT = RevisionCache(max_entries=4)


def _dependencies(
    session: Session, G: nx.Graph, contact_details: bool, kinds: tuple[str, ...] = DEPENDENCY_KINDS
) -> list[Dependency]:
    # Walking a big network makes hundreds of thousands of sets and ties at once (lib.core.gc_pause).
    with gc_paused():
        return _found_dependencies(session, G, contact_details, kinds)


def _found_dependencies(
    session: Session, G: nx.Graph, contact_details: bool, kinds: tuple[str, ...]
) -> list[Dependency]:
    found: list[Dependency] = []
    if "partnership" in kinds or "organisation" in kinds:
        found += _held_dependencies(session, G, kinds)
    if "contact" in kinds:
        found += _contact_dependencies(G, contact_details)
    order = {kind: index for index, kind in enumerate(DEPENDENCY_KINDS)}
    found.sort(key=lambda d: (d.person_id, order[d.kind], d.label.casefold(), d.entity_id))
    return found


def _held_dependencies(session: Session, G: nx.Graph, kinds: tuple[str, ...]) -> list[Dependency]:
    """The partnerships and organisations (of ``kinds``) that hang on one staff member."""
    staff_ids = {node_record_id(n) for n, kind in G.nodes(data="kind") if kind == "staff"}
    facts = _partnership_facts(session)
    through_partnerships = facts.staff_on_organisation()
    any_tie: dict[int, set[int]] = defaultdict(set)
    direct_tie: dict[int, set[int]] = defaultdict(set)
    for org_node, ties in staff_ties_by_organisation(G).items():
        org_id = node_record_id(org_node)
        for tie in ties:
            any_tie[org_id].add(node_record_id(tie.staff))
            if tie.via == org_node:
                direct_tie[org_id].add(node_record_id(tie.staff))
    for org_id, people in through_partnerships.items():
        any_tie[org_id] |= people & staff_ids
        direct_tie[org_id] |= people & staff_ids
    found = _partnership_dependencies(session, facts, direct_tie, staff_ids) if "partnership" in kinds else []
    if "organisation" in kinds:
        found += _organisation_dependencies(session, any_tie)
    return found


def _partnership_dependencies(
    session: Session, facts: _PartnershipFacts, direct_tie: Mapping[int, set[int]], staff_ids: set[int]
) -> list[Dependency]:
    open_partnerships = session.execute(
        select(Partnership.id, Partnership.title, Partnership.owner_id).where(
            Partnership.closed.is_(False), Partnership.stage != "idea"
        )
    ).all()
    names = _partner_names(session, [row.id for row in open_partnerships])
    found = []
    for row in open_partnerships:
        owner = row.owner_id
        if owner is None or owner not in staff_ids:
            continue
        others = set().union(*(direct_tie.get(org, set()) for org in facts.organisations.get(row.id, [])))
        if others - {owner}:
            continue
        found.append(Dependency(owner, "partnership", row.id, row.title, "; ".join(names.get(row.id, [])) or None))
    return found


def _organisation_dependencies(session: Session, any_tie: Mapping[int, set[int]]) -> list[Dependency]:
    sole = {org_id: next(iter(people)) for org_id, people in any_tie.items() if len(people) == 1}
    if not sole:
        return []
    names = dict(
        session.execute(select(Organisation.id, Organisation.name).where(Organisation.id.in_(list(sole)))).all()
    )
    return [
        Dependency(person, "organisation", org_id, names[org_id]) for org_id, person in sole.items() if org_id in names
    ]


def _contact_dependencies(G: nx.Graph, contact_details: bool) -> list[Dependency]:
    found = []
    organisations = organisations_by_person(G)
    for contact, staff in _staff_by_contact(G).items():
        if len(staff) != 1:
            continue
        (member,) = staff
        works_at = "; ".join(G.nodes[o].get("label", o) for o in organisations.get(contact, ())) or None
        label = G.nodes[contact].get("label", contact) if contact_details else contact
        found.append(Dependency(node_record_id(member), "contact", node_record_id(contact), str(label), works_at))
    return found


def dependencies_of(dependencies: Iterable[Dependency], person_id: int) -> dict[str, list[Dependency]]:
    """One person's dependencies grouped by kind (every kind present, possibly empty)."""
    grouped: dict[str, list[Dependency]] = {kind: [] for kind in DEPENDENCY_KINDS}
    for dependency in dependencies:
        if dependency.person_id == person_id:
            grouped[dependency.kind].append(dependency)
    return grouped


def dependency_counts(dependencies: Iterable[Dependency]) -> pd.DataFrame:
    """How many dependencies of each kind hang on each person.

    Index: person id; columns :data:`DEPENDENCY_KINDS` (whole numbers); most partnerships first.
    """
    counts: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(DEPENDENCY_KINDS, 0))
    for dependency in dependencies:
        counts[dependency.person_id][dependency.kind] += 1
    frame = pd.DataFrame.from_dict(counts, orient="index", columns=list(DEPENDENCY_KINDS)).astype(int)
    frame.index.name = "person_id"
    return frame.sort_values(list(DEPENDENCY_KINDS), ascending=False, kind="stable")
