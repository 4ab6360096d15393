"""Merging two people or two organisations into one, keeping every tie, affiliation and reference.

Two records are never merged without a person deciding: the review queue (:mod:`lib.contacts.duplicates`)
only offers pairs."""

from __future__ import annotations

from typing import Any

from sqlalchemy import UniqueConstraint, or_, select, tuple_
from sqlalchemy.orm import Session

from lib.contacts import organisation_duplicates
from lib.contacts.shared import (
    ORGANISATION_ENTITY,
    PERSON_ENTITY,
    _get_organisation,
    _get_person,
    _is_empty,
    _remove_record,
    _unique,
)
from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.db import Affiliation, DuplicateCandidate, Organisation, Person, Relation, log_event
from lib.privacy.informing import merge_informing


@requires("edit")
def merge_people(session: Session, keep_id: int, remove_id: int, actor: str | None = None) -> None:
    """Make two records of the same person one: ``keep_id`` stays, ``remove_id`` is folded into it.

    Affiliations and ties move to the kept person (without creating duplicates); the kept person's
    empty fields are filled from the other, a value already there is never overwritten; the other's
    e-mail and phone are kept as further e-mails/phones; the earlier creation time and the earlier
    informed date are kept (``lib.privacy.informing.merge_informing``). Staff wins: when either record is
    the library's staff member, the merged one is, with the kept record's team and role in
    partnership work, or the other's where the kept record has none. Review-queue entries for the
    pair are marked "merged".
    """
    if keep_id == remove_id:
        raise ValidationFailed("records.merge_same")
    keep, remove = _get_person(session, keep_id), _get_person(session, remove_id)
    removed_snapshot = {"id": remove.id, "name": remove.name, "email": remove.email}
    filled = _fill_person_from(session, keep, remove)
    _move_person_affiliations(session, keep, remove)
    _move_person_relations(session, keep_id, remove_id)
    _settle_candidates_after_merge(session, keep_id, remove_id)
    _move_other_references(session, keep_id, remove_id)
    _remove_record(session, remove)
    log_event(
        session,
        "people_merged",
        entity=PERSON_ENTITY,
        entity_id=keep_id,
        actor=actor,
        kept={"id": keep.id, "name": keep.name},
        removed=removed_snapshot,
        filled=filled,
    )
    # Also under the removed id, so that undoing the import that created it is refused rather than
    # silently losing what was merged from it.
    log_event(
        session,
        "person_merged_into",
        entity=PERSON_ENTITY,
        entity_id=remove_id,
        actor=actor,
        kept={"id": keep.id, "name": keep.name},
    )


#: References to a person that merging handles itself (ties are collapsed, not just moved).
_MERGED_APART = {
    ("affiliations", "person_id"),
    ("relations", "from_person_id"),
    ("relations", "to_person_id"),
    ("duplicate_candidates", "person_a_id"),
    ("duplicate_candidates", "person_b_id"),
}


def _move_other_references(session: Session, keep_id: int, remove_id: int) -> None:
    """Point every other reference to the removed person (partnership owner, goal owner, assessor,
    contact person of an offer, competence assessments …) at the kept one.

    Found from the schema, so a table added later is not silently left pointing at nobody (its
    ``SET NULL`` would otherwise lose who was responsible).
    """
    people = Person.__table__
    for table in Person.metadata.sorted_tables:
        for column in table.columns:
            if (table.name, column.name) in _MERGED_APART:
                continue
            if any(fk.column.table is people for fk in column.foreign_keys):
                session.execute(table.update().where(column == remove_id).values({column.name: keep_id}))


def _fill_person_from(session: Session, keep: Person, remove: Person) -> list[str]:
    """Fill keep's empty fields from remove; collect remove's e-mails and phones; returns fields filled."""
    remove_email, remove_phone = remove.email, remove.phone
    if remove_email:
        # The e-mail column is unique: release it before the kept person may take it.
        remove.email = None
        session.flush()
    filled = []
    for name in ("email", "phone", "title", "notes", "source", "team", "staff_role"):
        value = {"email": remove_email, "phone": remove_phone}.get(name, getattr(remove, name))
        if _is_empty(getattr(keep, name)) and not _is_empty(value):
            setattr(keep, name, value)
            filled.append(name)
    if remove.is_staff and not keep.is_staff:
        keep.is_staff = True
        filled.append("is_staff")
    filled += merge_informing(keep, remove)
    other_emails = _unique(
        [*(keep.other_emails or []), remove_email, *(remove.other_emails or [])], exclude=[keep.email]
    )
    other_phones = _unique(
        [*(keep.other_phones or []), remove_phone, *(remove.other_phones or [])], exclude=[keep.phone]
    )
    # Assign new lists: JSON columns only notice a new value, not a changed list.
    keep.other_emails = other_emails or None
    keep.other_phones = other_phones or None
    return filled


def _move_person_affiliations(session: Session, keep: Person, remove: Person) -> None:
    by_org = {a.organisation_id: a for a in keep.affiliations}
    for affiliation in list(remove.affiliations):
        existing = by_org.get(affiliation.organisation_id)
        if existing is None:
            affiliation.person = keep
            by_org[affiliation.organisation_id] = affiliation
        else:
            _combine_affiliations(existing, affiliation)
            session.delete(affiliation)


def _combine_affiliations(target: Affiliation, other: Affiliation) -> None:
    """One affiliation covering both periods; the role is filled only where target has none."""
    if _is_empty(target.role) and not _is_empty(other.role):
        target.role = other.role
    starts = [d for d in (target.start_date, other.start_date) if d is not None]
    target.start_date = min(starts) if starts else None
    # Either still current → the combined one is current.
    if target.end_date is not None and other.end_date is not None:
        target.end_date = max(target.end_date, other.end_date)
    else:
        target.end_date = None


def _move_person_relations(session: Session, keep_id: int, remove_id: int) -> None:
    query = select(Relation).where(
        or_(
            Relation.from_person_id == remove_id,
            Relation.to_person_id == remove_id,
            Relation.owner_id == remove_id,
        )
    )
    for relation in session.scalars(query):
        if relation.from_person_id == remove_id:
            relation.from_person_id = keep_id
        if relation.to_person_id == remove_id:
            relation.to_person_id = keep_id
        if relation.owner_id == remove_id:
            relation.owner_id = keep_id
    _collapse_relations(session, or_(Relation.from_person_id == keep_id, Relation.to_person_id == keep_id))


def _collapse_relations(session: Session, involving: Any) -> None:
    """After a merge: drop ties from the record to itself and join ties that are now the same tie."""
    session.flush()
    kept: dict[tuple[Any, ...], Relation] = {}
    for relation in session.scalars(select(Relation).where(involving).order_by(Relation.id)):
        source = (relation.from_person_id, relation.from_organisation_id)
        target = (relation.to_person_id, relation.to_organisation_id)
        if source == target:
            session.delete(relation)
            continue
        key = (*source, *target, relation.kind)
        if key in kept:
            _combine_relations(kept[key], relation)
            session.delete(relation)
        else:
            kept[key] = relation


def _combine_relations(target: Relation, other: Relation) -> None:
    """The strongest strength and the largest weight, the earliest first and latest last contact;
    empty fields (owner, notes, the kind as a file wrote it) filled."""
    strengths = [s for s in (target.strength, other.strength) if s is not None]
    target.strength = max(strengths) if strengths else None
    weights = [w for w in (target.weight, other.weight) if w is not None]
    target.weight = max(weights) if weights else None
    if _is_empty(target.kind_text) and not _is_empty(other.kind_text):
        target.kind_text = other.kind_text
    firsts = [d for d in (target.first_contact, other.first_contact) if d is not None]
    target.first_contact = min(firsts) if firsts else None
    lasts = [d for d in (target.last_contact, other.last_contact) if d is not None]
    target.last_contact = max(lasts) if lasts else None
    if target.owner_id is None:
        target.owner_id = other.owner_id
    if _is_empty(target.notes) and not _is_empty(other.notes):
        target.notes = other.notes


def _candidates_involving(session: Session, person_ids: list[int]) -> list[DuplicateCandidate]:
    query = select(DuplicateCandidate).where(
        or_(DuplicateCandidate.person_a_id.in_(person_ids), DuplicateCandidate.person_b_id.in_(person_ids))
    )
    return list(session.scalars(query.order_by(DuplicateCandidate.id)))


def _settle_candidates_after_merge(session: Session, keep_id: int, remove_id: int) -> None:
    """Mark the pair's queue entries "merged"; point the removed person's other entries at the kept one.

    A merged entry is kept as the record of the decision. It then names the kept person on both sides,
    because the removed person no longer exists (the table's foreign keys would otherwise delete it).
    """
    candidates = _candidates_involving(session, [keep_id, remove_id])
    pairs_of_keep = {
        frozenset((c.person_a_id, c.person_b_id)) for c in candidates if remove_id not in (c.person_a_id, c.person_b_id)
    }
    for candidate in candidates:
        pair = {candidate.person_a_id, candidate.person_b_id}
        if pair == {keep_id, remove_id}:
            candidate.status = "merged"
            candidate.person_a_id = candidate.person_b_id = keep_id
        elif remove_id in pair:
            other = (pair - {remove_id}).pop()
            if frozenset((keep_id, other)) in pairs_of_keep:
                session.delete(candidate)
            else:
                if candidate.person_a_id == remove_id:
                    candidate.person_a_id = keep_id
                else:
                    candidate.person_b_id = keep_id
                pairs_of_keep.add(frozenset((keep_id, other)))


@requires("edit")
def merge_organisations(session: Session, keep_id: int, remove_id: int, actor: str | None = None) -> str | None:
    """Make two records of the same organisation one: ``keep_id`` stays, ``remove_id`` is folded into it.

    People, ties, partnerships and assessments move to the kept organisation (without duplicates);
    empty fields (the mailbox among them) are filled from the other, a value already there is never
    overwritten. Type and sector: the kept organisation's own code; else the other's code, which
    replaces a word the kept one kept (a type known beats a file's word no type fitted, as in an import,
    ``lib.ingest.rows``); else the kept one's own word (``org_type_text`` / ``sector_text``), else the
    other's word. The other's name stays as an alias and its CVR number is taken over
    (``organisation_duplicates.keep_identity``), so a later import of either lands on the kept
    organisation. Two organisations with different CVR numbers are refused: they are two.

    Returns the removed organisation's name when it was kept as an alias (None when it folds to the
    kept one's name anyway).
    """
    if keep_id == remove_id:
        raise ValidationFailed("records.merge_same")
    keep, remove = _get_organisation(session, keep_id), _get_organisation(session, remove_id)
    organisation_duplicates.refuse_different_cvrs(keep, remove)
    removed_snapshot = {"id": remove.id, "name": remove.name, "cvr": remove.cvr}
    filled = _fill_organisation_from(keep, remove)
    _move_organisation_affiliations(session, keep, remove)
    _move_organisation_relations(session, keep_id, remove_id)
    _move_other_organisation_references(session, keep_id, remove_id)
    kept = organisation_duplicates.keep_identity(session, keep, remove)
    filled += kept.filled
    _remove_record(session, remove)
    log_event(
        session,
        "organisations_merged",
        entity=ORGANISATION_ENTITY,
        entity_id=keep_id,
        actor=actor,
        kept={"id": keep.id, "name": keep.name},
        removed=removed_snapshot,
        filled=filled,
        alias=kept.alias,
    )
    log_event(
        session,
        "organisation_merged_into",
        entity=ORGANISATION_ENTITY,
        entity_id=remove_id,
        actor=actor,
        kept={"id": keep.id, "name": keep.name},
    )
    return kept.alias


#: A type or sector code and the field that keeps a file's word for it where no code fitted.
_KEPT_WORDS = (("org_type", "org_type_text"), ("sector", "sector_text"))


def _fill_organisation_from(keep: Organisation, remove: Organisation) -> list[str]:
    """Fill keep's empty fields from remove (see :func:`merge_organisations`); returns the fields filled."""
    filled = []
    for name in ("website", "email", "area", "notes", "source"):
        if _is_empty(getattr(keep, name)) and not _is_empty(getattr(remove, name)):
            setattr(keep, name, getattr(remove, name))
            filled.append(name)
    for code_name, word_name in _KEPT_WORDS:
        if getattr(keep, code_name):
            continue
        if getattr(remove, code_name):
            # A type known for the other record beats a word no type fitted, as in an import.
            setattr(keep, code_name, getattr(remove, code_name))
            filled.append(code_name)
            if getattr(keep, word_name):
                setattr(keep, word_name, None)
        elif _is_empty(getattr(keep, word_name)) and not _is_empty(getattr(remove, word_name)):
            setattr(keep, word_name, getattr(remove, word_name))
            filled.append(word_name)
    return filled


def _move_organisation_affiliations(session: Session, keep: Organisation, remove: Organisation) -> None:
    by_person = {a.person_id: a for a in keep.affiliations}
    for affiliation in list(remove.affiliations):
        existing = by_person.get(affiliation.person_id)
        if existing is None:
            affiliation.organisation = keep
            by_person[affiliation.person_id] = affiliation
        else:
            _combine_affiliations(existing, affiliation)
            session.delete(affiliation)


#: References to an organisation that merging handles itself (ties are collapsed, aliases kept).
_ORGANISATION_MERGED_APART = {
    ("affiliations", "organisation_id"),
    ("relations", "from_organisation_id"),
    ("relations", "to_organisation_id"),
    ("organisation_aliases", "organisation_id"),
}


def _move_other_organisation_references(session: Session, keep_id: int, remove_id: int) -> None:
    """Point every other reference to the removed organisation (partnerships, assessments …) at the kept one.

    Found from the schema, like a person's (:func:`_move_other_references`): the database would
    otherwise delete them with the removed organisation. Where a unique index allows one row per
    organisation (a partnership names each organisation once), the removed one's row is dropped when
    the kept one has its own.
    """
    organisations = Organisation.__table__
    for table in Organisation.metadata.sorted_tables:
        for column in table.columns:
            if (table.name, column.name) in _ORGANISATION_MERGED_APART:
                continue
            if not any(fk.column.table is organisations for fk in column.foreign_keys):
                continue
            for others in _unique_with(table, column):
                taken = select(*others).where(column == keep_id)
                session.execute(table.delete().where(column == remove_id, tuple_(*others).in_(taken)))
            session.execute(table.update().where(column == remove_id).values({column.name: keep_id}))


def _unique_with(table: Any, column: Any) -> list[list[Any]]:
    """The other columns of each unique index or constraint of ``table`` that includes ``column``."""
    sets = [list(index.columns) for index in table.indexes if index.unique]
    sets += [list(constraint.columns) for constraint in table.constraints if isinstance(constraint, UniqueConstraint)]
    return [
        [c for c in columns if c is not column]
        for columns in sets
        if any(c is column for c in columns) and len(columns) > 1
    ]


def _move_organisation_relations(session: Session, keep_id: int, remove_id: int) -> None:
    query = select(Relation).where(
        or_(Relation.from_organisation_id == remove_id, Relation.to_organisation_id == remove_id)
    )
    for relation in session.scalars(query):
        if relation.from_organisation_id == remove_id:
            relation.from_organisation_id = keep_id
        if relation.to_organisation_id == remove_id:
            relation.to_organisation_id = keep_id
    _collapse_relations(session, or_(Relation.from_organisation_id == keep_id, Relation.to_organisation_id == keep_id))
