"""What the modules of :mod:`lib.contacts` share: editable fields, value checks, and storing a change
with its event. Not for use outside the package."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from lib.core import normalize, vocabulary
from lib.core.errors import ValidationFailed
from lib.db import Affiliation, Organisation, Person, Relation, log_event
from lib.db.text_limits import max_length, too_long
from lib.workspace import editing

#: Fields of a person a user may edit; everything else is kept in step by this module.
PERSON_FIELDS = ("name", "email", "phone", "title", "notes", "is_staff", "source")

#: Fields of an organisation a user may edit.
ORGANISATION_FIELDS = ("name", "org_type", "sector", "website", "area", "notes", "source", "cvr")

#: Entity names in the event log. The importer's undo looks for these to refuse undoing an import
#: whose records were edited by hand afterwards.
PERSON_ENTITY = "person"

ORGANISATION_ENTITY = "organisation"

_DIGITS = re.compile(r"\D+")


#: Column widths of the one-line text fields (lib.db), so a long value is refused with a message.
def _text_limit(*columns: tuple[type, str]) -> int:
    """The fewest characters any of these text columns holds."""
    limits = [max_length(model, column) for model, column in columns]
    known = [limit for limit in limits if limit is not None]
    if len(known) != len(limits):
        raise TypeError(f"not text columns: {columns}")
    return min(known)


_MAX_LENGTHS = {
    "name": _text_limit((Person, "name"), (Organisation, "name")),
    "title": _text_limit((Person, "title")),
    "source": _text_limit((Person, "source"), (Organisation, "source")),
    "area": _text_limit((Organisation, "area")),
    "role": _text_limit((Affiliation, "role")),
}


def _name_key(name: str) -> str:
    """The folded name used to recognise the same name written differently (as the importer folds it)."""
    return normalize.name_key(name) or vocabulary.fold(name)


def _multiline_text(value: object) -> str | None:
    """Free text such as notes: trimmed, line breaks kept, empty → None."""
    if value is None:
        return None
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    return text or None


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _today() -> dt.date:
    return dt.date.today()


def _is_current(affiliation_end: dt.date | None) -> bool:
    return affiliation_end is None or affiliation_end >= _today()


def _current_affiliation_clause() -> Any:
    return or_(Affiliation.end_date.is_(None), Affiliation.end_date >= _today())


def _search_terms(text: str) -> tuple[list[str], str]:
    """The folded words of a search, and its digits (which match a phone number however it is spaced)."""
    folded = vocabulary.fold(text or "")
    return folded.split(), _DIGITS.sub("", text or "")


def _unique(values: Iterable[Any], *, exclude: Iterable[Any] = ()) -> list[Any]:
    """Values in their first order, without repeats (case-insensitive for text) and without ``exclude``."""
    seen = {_fold_value(v) for v in exclude if not _is_empty(v)}
    result = []
    for value in values:
        if _is_empty(value) or _fold_value(value) in seen:
            continue
        seen.add(_fold_value(value))
        result.append(value)
    return result


def _fold_value(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def _get_person(session: Session, person_id: int) -> Person:
    return editing.existing(session, Person, person_id, "records.person_not_found")


def _get_organisation(session: Session, org_id: int) -> Organisation:
    return editing.existing(session, Organisation, org_id, "records.organisation_not_found")


def _apply_changes(record: Any, values: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Set the values that differ from what ``record`` holds; return {field: [old, new]}."""
    changed: dict[str, list[Any]] = {}
    for name, new in values.items():
        old = getattr(record, name)
        if old != new:
            setattr(record, name, new)
            changed[name] = [old, new]
    return changed


def _pairs(session: Session, query: Any) -> dict[Any, Any]:
    """A two-column query as {first: second}. (A Result has .keys(), so dict(result) would misread it.)"""
    return {first: second for first, second in session.execute(query)}


def _current_organisation_names(session: Session, person_ids: Iterable[int] | None = None) -> dict[int, list[str]]:
    """Names of the organisations each person currently belongs to, sorted."""
    query = (
        select(Affiliation.person_id, Organisation.name)
        .join(Organisation, Organisation.id == Affiliation.organisation_id)
        .where(_current_affiliation_clause())
    )
    if person_ids is not None:
        query = query.where(Affiliation.person_id.in_(list(person_ids)))
    names: dict[int, set[str]] = defaultdict(set)
    for person_id, org_name in session.execute(query):
        names[person_id].add(org_name)
    return {person_id: sorted(found, key=vocabulary.fold) for person_id, found in names.items()}


def _party_names(session: Session, person_ids: set[int], org_ids: set[int]) -> tuple[dict[int, str], dict[int, str]]:
    """Names of people and organisations by id, for showing the other end of a tie."""
    people: dict[int, str] = {}
    orgs: dict[int, str] = {}
    if person_ids:
        people = _pairs(session, select(Person.id, Person.name).where(Person.id.in_(person_ids)))
    if org_ids:
        query = select(Organisation.id, Organisation.name).where(Organisation.id.in_(org_ids))
        orgs = _pairs(session, query)
    return people, orgs


def _reject_unknown_fields(values: Mapping[str, Any], allowed: tuple[str, ...]) -> None:
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        # A programming error, not something the user typed: fail loudly.
        raise ValueError(f"not editable: {', '.join(unknown)}")


def _required_name(value: object) -> str:
    name = normalize.clean_text(value, max_length=_MAX_LENGTHS["name"])
    if not name:
        raise ValidationFailed("records.name_required")
    # Folding can lengthen a name ("ß" becomes "ss"), and the folded key is stored as well.
    limit = too_long(Person, "name_key", _name_key(name)) or too_long(Organisation, "name_key", _name_key(name))
    if limit is not None:
        raise ValidationFailed("value.too_long", length=len(name), max=limit)
    return name


def _vocabulary_code(value: object, codes: Mapping[str, Any], error_key: str) -> str | None:
    if _is_empty(value):
        return None
    if value not in codes:
        raise ValidationFailed(error_key, value=value)
    return str(value)


def _add_record(session: Session, record: Person | Organisation, action: str, entity: str, actor: str | None) -> int:
    """Store a new person or organisation and log ``action`` with its name; returns the new id."""
    session.add(record)
    session.flush()
    log_event(session, action, entity=entity, entity_id=record.id, actor=actor, name=record.name)
    return record.id


def _store_changes(
    session: Session,
    record: Person | Organisation,
    clean: Mapping[str, Any],
    action: str,
    entity: str,
    actor: str | None,
) -> list[str]:
    """Set the cleaned values that differ and log ``action`` with [old, new] each; returns the fields changed."""
    changed = _apply_changes(record, clean)
    if "name" in changed:
        # Sorting, the duplicate scan and imports match records by the folded name, not the name itself.
        record.name_key = _name_key(record.name)
    if changed:
        log_event(session, action, entity=entity, entity_id=record.id, actor=actor, changes=changed)
    return list(changed)


def _delete_connections(session: Session, record: Person | Organisation, ties_clause: Any) -> tuple[int, int]:
    """Delete the record's affiliations and the relations ``ties_clause`` selects; returns both counts."""
    affiliations = list(record.affiliations)
    for affiliation in affiliations:
        session.delete(affiliation)
    ties = list(session.scalars(select(Relation).where(ties_clause)))
    for relation in ties:
        session.delete(relation)
    return len(affiliations), len(ties)


def _remove_record(session: Session, record: Person | Organisation) -> None:
    """Delete a person or organisation whose affiliations were moved or deleted beforehand."""
    session.flush()
    # The loaded list of affiliations still holds those just moved or deleted; deleting the record with
    # it would make the ORM detach them again, so it is read afresh (now empty) first.
    session.expire(record, ["affiliations"])
    session.delete(record)
    session.flush()
