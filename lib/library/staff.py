"""Forbered organisationen!: staff roles and teams, competence self-assessments, and what hangs on one person.

Roles and teams
    Every staff member (``Person.is_staff``) has a ``staff_role`` (one of :data:`STAFF_ROLES`, or none
    yet) and a ``team``. Teams are free text; a team typed with other capitals or spaces than an
    existing one is stored in the existing spelling, so "børn og unge " joins "Børn og unge".
Competence self-assessment
    A staff member rates themselves 1-5 on the items of :data:`COMPETENCE_GROUPS` (our wording of the
    competences partnership work asks of the network lead, the partnership owners and all staff), on a
    date, with the development needs they see. An item may be left out (not rated). One assessment
    per person and day: saving again on the same day replaces that day's answers.
Team heat map
    Per team and item, the mean of the latest assessment of each team member who rated the item. A
    team where nobody has been assessed (or nobody rated an item) has no value there -- never zero.
Single-person dependencies (:func:`single_person_dependencies`)
    What the library would lose if one staff member left:

    ``"partnership"``
        a partnership under way (past the idea, not ended) they own, where no other staff member
        holds a tie with any of the partner organisations themselves: a relation with the organisation or an affiliation
        with it, a partnership of their own with it, or a logged contact in one of its partnerships.
        Colleagues who merely know someone working there do not carry the partnership.
    ``"organisation"``
        an organisation only they are tied to in any way: the ties above, or knowing (or holding a
        tie with) someone who works there (``lib.network.graph.staff_ties_by_organisation``).
    ``"contact"``
        a contact only they have, or hold, a relation with.

Services take a ``Session`` and never commit (the caller's ``db.write()`` is the transaction); a value
that cannot be stored raises :class:`lib.core.errors.ValidationFailed` before anything is changed, and
every change is logged with ``log_event``.

Examples
--------
>>> group_means({"communication": 4, "big_picture": 2, "openness": 5})
{'network_lead': 3.0, 'partnership_owner': None, 'all_staff': 5.0}
"""

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
from lib.core.errors import ValidationFailed
from lib.core.frames import typed_frame
from lib.core.vocabulary import fold
from lib.db import (
    STAFF_ROLES,
    Affiliation,
    CompetenceAssessment,
    ContactLogEntry,
    Organisation,
    Partnership,
    PartnershipOrganisation,
    Person,
    Relation,
    log_event,
)
from lib.network.graph import build_graph, organisations_of, record_id, staff_ties_by_organisation
from lib.workspace import editing

#: The competences partnership work asks for, by who needs them most (domain notes, our wording).
COMPETENCE_GROUPS: dict[str, tuple[str, ...]] = {
    "network_lead": (
        "communication",
        "big_picture",
        "coordination",
        "leadership_backing",
        "organisation_view",
        "resource_knowledge",
    ),
    "partnership_owner": ("internal_procedures", "cross_professional", "knowledge_sharing"),
    "all_staff": ("openness", "celebration", "strategy_relay", "strengths_weaknesses"),
}
#: Every item code, in the order of the form and the heat map.
COMPETENCE_ITEMS: tuple[str, ...] = tuple(code for items in COMPETENCE_GROUPS.values() for code in items)
#: The group each item belongs to.
ITEM_GROUP: dict[str, str] = {code: group for group, items in COMPETENCE_GROUPS.items() for code in items}
SCORE_MIN, SCORE_MAX = 1, 5
DEPENDENCY_KINDS = ("partnership", "organisation", "contact")
#: The heat map's row for staff who have no team yet.
NO_TEAM = ""
STAFF_FIELDS = ("staff_role", "team")
ASSESSMENT_FIELDS = ("assessed_on", "scores", "development_needs")
_MAX_TEAM = 200
_MAX_NEEDS = 4000
ENTITY = "competence_assessment"


# --- roles and teams --------------------------------------------------------------------------------


def _staff_member(session: Session, person_id: object) -> Person:
    """The staff member with this id; refused with a message when there is none."""
    try:
        key = int(person_id)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        key = None
    person = session.get(Person, key) if key is not None and not isinstance(person_id, bool) else None
    if person is None or not person.is_staff:
        raise ValidationFailed("organisation.not_staff", id=person_id)
    return person


def role_value(value: object, name: str) -> str | None:
    """One of :data:`STAFF_ROLES`; None when empty; refused with the person's ``name`` otherwise."""
    if editing.is_empty(value):
        return None
    if value not in STAFF_ROLES:
        raise ValidationFailed("organisation.unknown_role", field="staff_role", value=value, name=name)
    return str(value)


@requires("view_board")
def teams(session: Session) -> list[str]:
    """The teams staff members belong to, alphabetically."""
    found = session.scalars(select(Person.team).where(Person.is_staff.is_(True), Person.team.is_not(None)))
    return sorted({team for team in found if team}, key=str.casefold)


def team_value(value: object, known: dict[str, str]) -> str | None:
    """A team name, tidied; the spelling of a ``known`` team (``{folded: name}``) when only capitals
    or spaces differ. A new team joins ``known``, so two rows typing it differently agree."""
    text = editing.text_value(value, "team", _MAX_TEAM)
    if text is None:
        return None
    return known.setdefault(fold(text), text)


@requires("edit")
def update_staff(session: Session, changes: Mapping[int, Mapping[str, Any]], actor: str | None = None) -> list[int]:
    """Store staff members' roles and teams; returns the ids of the people that changed.

    ``changes`` is ``{person id: {"staff_role": code or None, "team": text or None}}``; a field left
    out stays as it is. Every value is checked before anything is changed, so one bad row stores
    nothing.
    """
    cleaned: list[tuple[Person, dict[str, Any]]] = []
    known_teams = {fold(team): team for team in teams(session)}
    for person_id, values in changes.items():
        editing.reject_unknown_fields(values, STAFF_FIELDS)
        person = _staff_member(session, person_id)
        clean: dict[str, Any] = {}
        if "staff_role" in values:
            clean["staff_role"] = role_value(values["staff_role"], person.name)
        if "team" in values:
            clean["team"] = team_value(values["team"], known_teams)
        cleaned.append((person, clean))
    changed_ids = []
    for person, clean in cleaned:
        changed = editing.apply_changes(person, clean)
        if changed:
            changed_ids.append(person.id)
            log_event(session, "staff_updated", entity="person", entity_id=person.id, actor=actor, changes=changed)
    return changed_ids


# --- competence assessments -------------------------------------------------------------------------


def group_means(scores: Mapping[str, Any]) -> dict[str, float | None]:
    """The mean score of each item group (None for a group with no rated item)."""
    means: dict[str, float | None] = {}
    for group, items in COMPETENCE_GROUPS.items():
        rated = [float(scores[item]) for item in items if scores.get(item) is not None]
        means[group] = round(sum(rated) / len(rated), 2) if rated else None
    return means


def clean_scores(scores: object) -> dict[str, int]:
    """``{item: 1-5}`` as stored: unrated items dropped; an unknown item or a bad score refused."""
    if not isinstance(scores, Mapping):
        raise ValidationFailed("organisation.scores_required", field="scores")
    clean: dict[str, int] = {}
    for item, value in scores.items():
        if item not in ITEM_GROUP:
            raise ValidationFailed("organisation.unknown_item", field="scores", item=item)
        score = editing.whole_number(value, item, SCORE_MIN, SCORE_MAX, "organisation.score_range")
        if score is not None:
            clean[item] = score
    if not clean:
        raise ValidationFailed("organisation.scores_required", field="scores")
    # Stored in the form's order, so the JSON reads like the form.
    return {item: clean[item] for item in COMPETENCE_ITEMS if item in clean}


def clean_assessment_values(values: Mapping[str, Any], today: dt.date) -> dict[str, Any]:
    """An assessment's values as they will be stored; raises ValidationFailed for the first bad one."""
    editing.reject_unknown_fields(values, ASSESSMENT_FIELDS)
    assessed_on = editing.date_value(values.get("assessed_on"), "assessed_on")
    if assessed_on is None:
        raise ValidationFailed("organisation.date_required", field="assessed_on")
    if assessed_on > today:
        raise ValidationFailed("organisation.date_in_future", field="assessed_on", date=assessed_on)
    needs = editing.multiline_value(values.get("development_needs"))
    if needs is not None and len(needs) > _MAX_NEEDS:
        raise ValidationFailed("organisation.needs_too_long", field="development_needs", max=_MAX_NEEDS)
    return {"assessed_on": assessed_on, "scores": clean_scores(values.get("scores")), "development_needs": needs}


def _assessment_on(session: Session, person_id: int, day: dt.date) -> CompetenceAssessment | None:
    return session.scalars(
        select(CompetenceAssessment)
        .where(CompetenceAssessment.person_id == person_id, CompetenceAssessment.assessed_on == day)
        .order_by(CompetenceAssessment.id)
    ).first()


@requires("edit")
def record_competence_assessment(
    session: Session,
    person_id: int,
    values: Mapping[str, Any],
    *,
    actor: str | None = None,
    today: dt.date | None = None,
) -> tuple[int, bool]:
    """Store a staff member's self-assessment; returns (its id, whether it is new).

    ``values``: ``assessed_on`` (not after ``today``), ``scores`` ``{item: 1-5 or None}`` (None: not
    rated; at least one item rated) and ``development_needs``. A second assessment on the same day
    replaces the first one's answers.
    """
    person = _staff_member(session, person_id)
    clean = clean_assessment_values(values, today or dt.date.today())
    existing = _assessment_on(session, person.id, clean["assessed_on"])
    if existing is not None:
        changed = editing.apply_changes(existing, clean)
        if changed:
            log_event(
                session,
                "competence_assessment_updated",
                entity=ENTITY,
                entity_id=existing.id,
                actor=actor,
                person_id=person.id,
                changes=changed,
            )
        return existing.id, False
    record = CompetenceAssessment(person_id=person.id, **clean)
    session.add(record)
    session.flush()
    log_event(
        session,
        "competence_assessment_created",
        entity=ENTITY,
        entity_id=record.id,
        actor=actor,
        person_id=person.id,
        assessed_on=record.assessed_on,
        scores=record.scores,
    )
    return record.id, True


def _get_assessment(session: Session, assessment_id: int) -> CompetenceAssessment:
    return editing.existing(session, CompetenceAssessment, assessment_id, "organisation.no_such_assessment")


@requires("edit")
def update_competence_assessment(
    session: Session,
    assessment_id: int,
    changes: Mapping[str, Any],
    *,
    actor: str | None = None,
    today: dt.date | None = None,
) -> list[str]:
    """Change a stored assessment; returns the names of the fields that changed.

    Moving it to a day on which the person already has another assessment is refused.
    """
    record = _get_assessment(session, assessment_id)
    editing.reject_unknown_fields(changes, ASSESSMENT_FIELDS)
    merged = {**editing.current_values(record, ASSESSMENT_FIELDS), **changes}
    clean = clean_assessment_values(merged, today or dt.date.today())
    other = _assessment_on(session, record.person_id, clean["assessed_on"])
    if other is not None and other.id != record.id:
        raise ValidationFailed("organisation.date_taken", field="assessed_on", date=clean["assessed_on"])
    changed = editing.apply_changes(record, clean)
    if changed:
        log_event(
            session,
            "competence_assessment_updated",
            entity=ENTITY,
            entity_id=record.id,
            actor=actor,
            person_id=record.person_id,
            changes=changed,
        )
    return list(changed)


@requires("edit")
def delete_competence_assessment(session: Session, assessment_id: int, actor: str | None = None) -> None:
    """Remove an assessment entered by mistake (its values stay in the event log)."""
    record = _get_assessment(session, assessment_id)
    log_event(
        session,
        "competence_assessment_deleted",
        entity=ENTITY,
        entity_id=assessment_id,
        actor=actor,
        assessment=editing.snapshot(record),
    )
    session.delete(record)


@requires("view_contacts")
def latest_assessments(session: Session) -> dict[int, CompetenceAssessment]:
    """Each staff member's newest assessment (the later one saved when two share a day), by person id."""
    rows = session.scalars(
        select(CompetenceAssessment)
        .join(Person, Person.id == CompetenceAssessment.person_id)
        .where(Person.is_staff.is_(True))
        .order_by(CompetenceAssessment.person_id, CompetenceAssessment.assessed_on, CompetenceAssessment.id)
    )
    return {record.person_id: record for record in rows}


@requires("view_contacts")
def competence_history(session: Session, person_id: int) -> pd.DataFrame:
    """A person's assessments, newest first.

    Columns: ``assessment_id``, ``assessed_on``, ``development_needs``, one per item of
    :data:`COMPETENCE_ITEMS` (None when not rated) and ``mean_<group>`` per item group.
    """
    records = session.scalars(
        select(CompetenceAssessment)
        .where(CompetenceAssessment.person_id == person_id)
        .order_by(CompetenceAssessment.assessed_on.desc(), CompetenceAssessment.id.desc())
    )
    rows = []
    for record in records:
        scores = record.scores or {}
        rows.append(
            {
                "assessment_id": record.id,
                "assessed_on": record.assessed_on,
                "development_needs": record.development_needs,
                **{item: scores.get(item) for item in COMPETENCE_ITEMS},
                **{f"mean_{group}": mean for group, mean in group_means(scores).items()},
            }
        )
    means = [f"mean_{group}" for group in COMPETENCE_GROUPS]
    return typed_frame(
        rows,
        ["assessment_id", "assessed_on", "development_needs", *COMPETENCE_ITEMS, *means],
        integers=["assessment_id"],
        whole_or_missing=COMPETENCE_ITEMS,
        floats=means,
    )


# --- staff overview ---------------------------------------------------------------------------------


def _staff(session: Session) -> list[Person]:
    return list(session.scalars(select(Person).where(Person.is_staff.is_(True)).order_by(Person.name, Person.id)))


@requires("view_contacts")
def staff_frame(session: Session) -> pd.DataFrame:
    """One row per staff member, by name.

    Columns: ``person_id``, ``name``, ``title``, ``staff_role``, ``team``, ``assessed_on`` (their
    latest self-assessment, None when none) and ``partnerships`` (partnerships they own that have not
    ended).
    """
    latest = latest_assessments(session)
    owned: dict[int, int] = defaultdict(int)
    for owner_id in session.scalars(select(Partnership.owner_id).where(Partnership.closed.is_(False))):
        if owner_id is not None:
            owned[owner_id] += 1
    rows = [
        {
            "person_id": p.id,
            "name": p.name,
            "title": p.title,
            "staff_role": p.staff_role,
            "team": p.team,
            "assessed_on": latest[p.id].assessed_on if p.id in latest else None,
            "partnerships": owned[p.id],
        }
        for p in _staff(session)
    ]
    return typed_frame(
        rows,
        ["person_id", "name", "title", "staff_role", "team", "assessed_on", "partnerships"],
        integers=["person_id", "partnerships"],
    )


@dataclass(frozen=True)
class TeamHeatmap:
    """The team heat map's data.

    ``means`` has a row per team (alphabetical; :data:`NO_TEAM` last for staff without a team) and a
    column per item (:data:`COMPETENCE_ITEMS`); NaN where nobody in the team rated the item.
    ``assessed`` and ``members`` count, per team, the staff with an assessment and all its staff.
    """

    means: pd.DataFrame
    assessed: dict[str, int]
    members: dict[str, int]


@requires("view_contacts")
def team_heatmap(session: Session) -> TeamHeatmap:
    """Per team and item, the mean of the team members' latest scores (see the module notes)."""
    latest = latest_assessments(session)
    members: dict[str, list[int]] = defaultdict(list)
    for person in _staff(session):
        members[person.team or NO_TEAM].append(person.id)
    order = sorted((t for t in members if t != NO_TEAM), key=str.casefold)
    if NO_TEAM in members:
        order.append(NO_TEAM)
    rows = []
    for team in order:
        row: dict[str, float] = {}
        for item in COMPETENCE_ITEMS:
            scores = [latest[p].scores.get(item) for p in members[team] if p in latest]
            rated = [float(s) for s in scores if s is not None]
            row[item] = sum(rated) / len(rated) if rated else float("nan")
        rows.append(row)
    means = pd.DataFrame(rows, index=pd.Index(order, name="team"), columns=list(COMPETENCE_ITEMS), dtype=float)
    return TeamHeatmap(
        means=means,
        assessed={team: sum(1 for p in members[team] if p in latest) for team in order},
        members={team: len(members[team]) for team in order},
    )


@requires("view_contacts")
def development_needs(session: Session) -> pd.DataFrame:
    """The development needs in each staff member's latest assessment (those who wrote any).

    Columns: ``person_id``, ``name``, ``team``, ``staff_role``, ``assessed_on``, ``development_needs``;
    by team, then name.
    """
    latest = latest_assessments(session)
    rows = [
        {
            "person_id": p.id,
            "name": p.name,
            "team": p.team,
            "staff_role": p.staff_role,
            "assessed_on": latest[p.id].assessed_on,
            "development_needs": latest[p.id].development_needs,
        }
        for p in _staff(session)
        if p.id in latest and latest[p.id].development_needs
    ]
    rows.sort(key=lambda r: ((r["team"] or "\uffff").casefold(), r["name"].casefold()))
    return typed_frame(
        rows, ["person_id", "name", "team", "staff_role", "assessed_on", "development_needs"], integers=["person_id"]
    )


# --- relations and partnerships of one person -------------------------------------------------------


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
        return org_names.get(organisation, ""), "organisation", None

    rows = []
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
    rows = [
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


# --- single-person dependencies ---------------------------------------------------------------------


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
        loggers[partnership_id].add(staff_id)
    owners = dict(session.execute(select(Partnership.id, Partnership.owner_id)).all())
    return _PartnershipFacts(dict(organisations), owners, dict(loggers))


def _staff_by_contact(G: nx.Graph) -> dict[str, set[str]]:
    """``{contact node: staff nodes}`` that have a relation with the contact or hold one of theirs."""
    tied: dict[str, set[str]] = defaultdict(set)
    for u, v, data in G.edges(data=True):
        if "relation" not in (data.get("kinds") or {data.get("kind")}):
            continue
        ends = (u, v)
        staff_ends = {n for n in ends if G.nodes[n].get("kind") == "staff"}
        holders = {h for h in data.get("holders") or () if h in G and G.nodes[h].get("kind") == "staff"}
        for contact in (n for n in ends if G.nodes[n].get("kind") == "contact"):
            tied[contact] |= staff_ends | holders
    return tied


@requires("view_contacts", board_if={"contact_details": False})
def single_person_dependencies(
    session: Session, *, today: dt.date | None = None, graph: nx.Graph | None = None, contact_details: bool = True
) -> list[Dependency]:
    """Partnerships, organisations and contacts that hang on one staff member (see the module notes).

    ``today`` decides which affiliations are current (default ``date.today()``); a caller that has
    already built the network for ``today`` passes it as ``graph``. Sorted by person id, then kind in
    the order of :data:`DEPENDENCY_KINDS`, then label. A contact's ``label`` is their name, which
    needs ``view_contacts``; with ``contact_details=False`` (the board) it is their node id, as in
    :func:`lib.network.graph.build_graph`, whichever ``graph`` is passed.
    """
    G = graph if graph is not None else build_graph(session, today=today, contact_details=contact_details)
    staff_ids = {record_id(n) for n, kind in G.nodes(data="kind") if kind == "staff"}
    facts = _partnership_facts(session)
    through_partnerships = facts.staff_on_organisation()
    any_tie: dict[int, set[int]] = defaultdict(set)
    direct_tie: dict[int, set[int]] = defaultdict(set)
    for org_node, ties in staff_ties_by_organisation(G).items():
        org_id = record_id(org_node)
        for tie in ties:
            any_tie[org_id].add(record_id(tie.staff))
            if tie.via == org_node:
                direct_tie[org_id].add(record_id(tie.staff))
    for org_id, people in through_partnerships.items():
        any_tie[org_id] |= people & staff_ids
        direct_tie[org_id] |= people & staff_ids

    found = _partnership_dependencies(session, facts, direct_tie, staff_ids)
    found += _organisation_dependencies(session, any_tie)
    found += _contact_dependencies(G, contact_details)
    order = {kind: index for index, kind in enumerate(DEPENDENCY_KINDS)}
    found.sort(key=lambda d: (d.person_id, order[d.kind], d.label.casefold(), d.entity_id))
    return found


def _partnership_dependencies(
    session: Session, facts: _PartnershipFacts, direct_tie: Mapping[int, set[int]], staff_ids: set[int | None]
) -> list[Dependency]:
    open_partnerships = session.execute(
        select(Partnership.id, Partnership.title, Partnership.owner_id).where(
            Partnership.closed.is_(False), Partnership.stage != "idea"
        )
    ).all()
    names = _partner_names(session, [row.id for row in open_partnerships])
    found = []
    for row in open_partnerships:
        if row.owner_id not in staff_ids:
            continue
        others = set().union(*(direct_tie.get(org, set()) for org in facts.organisations.get(row.id, [])))
        if others - {row.owner_id}:
            continue
        found.append(
            Dependency(row.owner_id, "partnership", row.id, row.title, "; ".join(names.get(row.id, [])) or None)
        )
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
    for contact, staff in _staff_by_contact(G).items():
        if len(staff) != 1:
            continue
        (member,) = staff
        works_at = "; ".join(G.nodes[o].get("label", o) for o in organisations_of(G, contact)) or None
        label = G.nodes[contact].get("label", contact) if contact_details else contact
        found.append(Dependency(record_id(member), "contact", record_id(contact), str(label), works_at))
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
