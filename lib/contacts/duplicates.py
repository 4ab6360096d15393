"""The review queue of possible duplicates: near-duplicate people found by rules, offered for a
person to merge or dismiss."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.contacts.shared import _current_affiliation_clause, _current_organisation_names
from lib.core import vocabulary
from lib.core.access import requires
from lib.db import Affiliation, DuplicateCandidate, Person, log_event, utcnow
from lib.workspace import editing

DUPLICATE_COLUMNS = [
    "id",
    "rule",
    "score",
    "person_a_id",
    "person_a_name",
    "person_a_email",
    "person_a_phone",
    "person_a_organisations",
    "person_b_id",
    "person_b_name",
    "person_b_email",
    "person_b_phone",
    "person_b_organisations",
]

#: Same threshold and blocking as the importer (lib.ingest.rows), so a scan here finds what an
#: import would have offered.
NEAR_DUPLICATE_SCORE = 90.0

MIN_KEY_LENGTH_FOR_SIMILARITY = 4

DUPLICATE_RULES = ("same_name", "same_name_other_email", "similar_name_same_org", "similar_name")


@requires("view_contacts")
def open_duplicates(session: Session) -> pd.DataFrame:
    """Pairs waiting for a decision, most likely first, with both people's name, e-mail, phone and orgs."""
    candidates = list(
        session.scalars(
            select(DuplicateCandidate)
            .where(DuplicateCandidate.status == "open")
            .order_by(DuplicateCandidate.score.desc(), DuplicateCandidate.id)
        )
    )
    person_ids = {c.person_a_id for c in candidates} | {c.person_b_id for c in candidates}
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(person_ids)))} if person_ids else {}
    orgs = _current_organisation_names(session, person_ids) if person_ids else {}
    rows = []
    for candidate in candidates:
        row: dict[str, Any] = {"id": candidate.id, "rule": candidate.rule, "score": float(candidate.score or 0)}
        for side, person_id in (("person_a", candidate.person_a_id), ("person_b", candidate.person_b_id)):
            person = people.get(person_id)
            row[f"{side}_id"] = person_id
            row[f"{side}_name"] = person.name if person else None
            row[f"{side}_email"] = person.email if person else None
            row[f"{side}_phone"] = person.phone if person else None
            row[f"{side}_organisations"] = "; ".join(orgs.get(person_id, []))
        rows.append(row)
    return pd.DataFrame(rows, columns=DUPLICATE_COLUMNS)


@requires("edit")
def dismiss_duplicate(session: Session, candidate_id: int, actor: str | None = None) -> None:
    """Record that the two people are not the same; the pair is not offered again by a scan."""
    candidate = editing.existing(session, DuplicateCandidate, candidate_id, "records.duplicate_not_found")
    if candidate.status != "open":
        return  # someone else decided already; deciding twice changes nothing
    candidate.status = "dismissed"
    log_event(
        session,
        "duplicate_dismissed",
        entity="duplicate_candidate",
        entity_id=candidate_id,
        actor=actor,
        person_a_id=candidate.person_a_id,
        person_b_id=candidate.person_b_id,
        rule=candidate.rule,
    )


@dataclass(frozen=True)
class DuplicatePair:
    """Two people who may be the same (``person_a_id`` < ``person_b_id``) and the rule that matched."""

    person_a_id: int
    person_b_id: int
    rule: str
    score: float


@dataclass
class _PersonKeyRow:
    id: int
    key: str
    email: str | None
    organisations: set[int]


@requires("view_contacts")
def find_near_duplicate_people(session: Session, *, exclude_known: bool = True) -> list[DuplicatePair]:
    """Pairs of people who may be the same, for a person to review. Nothing is merged here.

    Rules, as in the importer: the same folded name ("same_name"; "same_name_other_email" when both have
    different e-mails, which keeps them two people until someone decides), or a name at least
    ``NEAR_DUPLICATE_SCORE`` similar ("similar_name_same_org" when they share a current organisation,
    else "similar_name"). Similar names with different e-mails are not offered. With
    ``exclude_known`` pairs already in the queue (open, dismissed or merged) are left out.
    """
    people = _people_for_matching(session)
    found: dict[tuple[int, int], DuplicatePair] = {}
    for group in _comparison_groups(people):
        for first, second, score in _similar_pairs(group):
            pair = _classify_pair(first, second, score)
            if pair is not None:
                key = (pair.person_a_id, pair.person_b_id)
                if key not in found or _rule_rank(pair) < _rule_rank(found[key]):
                    found[key] = pair
    if exclude_known:
        known = _known_pairs(session)
        found = {key: pair for key, pair in found.items() if key not in known}
    return sorted(found.values(), key=lambda p: (-p.score, p.person_a_id, p.person_b_id))


@requires("edit")
def queue_near_duplicates(session: Session, batch_id: int | None = None, actor: str | None = None) -> int:
    """Put the pairs :func:`find_near_duplicate_people` finds on the review queue; returns how many."""
    pairs = find_near_duplicate_people(session)
    now = utcnow()
    for pair in pairs:
        session.add(
            DuplicateCandidate(
                person_a_id=pair.person_a_id,
                person_b_id=pair.person_b_id,
                rule=pair.rule,
                score=pair.score,
                status="open",
                batch_id=batch_id,
                created_at=now,
            )
        )
    if pairs:
        session.flush()
        log_event(session, "duplicates_scanned", actor=actor, found=len(pairs))
    return len(pairs)


def _people_for_matching(session: Session) -> list[_PersonKeyRow]:
    org_ids: dict[int, set[int]] = defaultdict(set)
    for person_id, org_id in session.execute(
        select(Affiliation.person_id, Affiliation.organisation_id).where(_current_affiliation_clause())
    ):
        org_ids[person_id].add(org_id)
    return [
        _PersonKeyRow(pid, key or "", email, org_ids.get(pid, set()))
        for pid, key, email in session.execute(select(Person.id, Person.name_key, Person.email).order_by(Person.id))
        if key
    ]


def _comparison_groups(people: list[_PersonKeyRow]) -> list[list[_PersonKeyRow]]:
    """Groups within which every pair is compared: same first letters (as the importer), same organisation.

    Comparing every person with every other grows with the square of the workspace; these groups keep
    a scan fast while still finding typos after the first letters and anyone at the same organisation.
    """
    by_block: dict[str, list[_PersonKeyRow]] = defaultdict(list)
    by_org: dict[int, list[_PersonKeyRow]] = defaultdict(list)
    for person in people:
        by_block[person.key[:2]].append(person)
        for org_id in person.organisations:
            by_org[org_id].append(person)
    return [group for group in (*by_block.values(), *by_org.values()) if len(group) > 1]


def _similar_pairs(group: list[_PersonKeyRow]) -> Iterable[tuple[_PersonKeyRow, _PersonKeyRow, float]]:
    keys = [person.key for person in group]
    # uint8 scores: a large organisation compared with itself stays small in memory.
    scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=NEAR_DUPLICATE_SCORE, dtype=np.uint8)
    for i, j in zip(*scores.nonzero(), strict=True):
        if i < j:
            yield group[i], group[j], float(scores[i, j])


def _classify_pair(first: _PersonKeyRow, second: _PersonKeyRow, score: float) -> DuplicatePair | None:
    a, b = sorted((first, second), key=lambda p: p.id)
    both_have_email = bool(a.email and b.email)
    if a.key == b.key:
        rule = "same_name_other_email" if both_have_email else "same_name"
        return DuplicatePair(a.id, b.id, rule, 100.0)
    if min(len(a.key), len(b.key)) < MIN_KEY_LENGTH_FOR_SIMILARITY:
        return None
    if both_have_email and vocabulary.fold(a.email or "") != vocabulary.fold(b.email or ""):
        return None  # a similar name with another e-mail is another person
    rule = "similar_name_same_org" if a.organisations & b.organisations else "similar_name"
    return DuplicatePair(a.id, b.id, rule, round(score, 1))


def _rule_rank(pair: DuplicatePair) -> int:
    return DUPLICATE_RULES.index(pair.rule)


def _known_pairs(session: Session) -> set[tuple[int, int]]:
    rows = session.execute(select(DuplicateCandidate.person_a_id, DuplicateCandidate.person_b_id))
    return {tuple(sorted((a, b))) for a, b in rows}  # type: ignore[misc]
