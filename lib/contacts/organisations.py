"""Organisations: create, update and delete, with the values checked by the same parsers as an
import."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from lib.contacts import organisation_duplicates
from lib.contacts.shared import (
    _MAX_LENGTHS,
    ORGANISATION_ENTITY,
    ORGANISATION_FIELDS,
    _add_record,
    _delete_connections,
    _get_organisation,
    _multiline_text,
    _name_key,
    _reject_unknown_fields,
    _remove_record,
    _required_name,
    _store_changes,
    _vocabulary_code,
)
from lib.contacts.word_choices import remember_word
from lib.core import normalize, vocabulary
from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.db import Organisation, Relation, log_event
from lib.db.text_limits import too_long


def _clean_organisation_values(session: Session, values: Mapping[str, Any], org_id: int | None) -> dict[str, Any]:
    _reject_unknown_fields(values, ORGANISATION_FIELDS)
    clean: dict[str, Any] = {}
    for name, value in values.items():
        if name == "name":
            clean[name] = _required_name(value)
            _refuse_taken_organisation_name(session, clean[name], org_id)
        elif name == "org_type":
            clean[name] = _vocabulary_code(value, vocabulary.ORGANISATION_TYPES, "records.unknown_org_type")
        elif name == "sector":
            clean[name] = _vocabulary_code(value, vocabulary.SECTORS, "records.unknown_sector")
        elif name == "website":
            clean[name] = normalize.normalise_website(value)
            limit = too_long(Organisation, "website", clean[name])
            if limit is not None:
                raise ValidationFailed("value.too_long", length=len(clean[name]), max=limit)
        elif name == "notes":
            clean[name] = _multiline_text(value)
        elif name == "cvr":
            clean[name] = organisation_duplicates.normalise_cvr(value)
            _refuse_taken_cvr(session, clean[name], org_id)
        else:
            clean[name] = normalize.clean_text(value, max_length=_MAX_LENGTHS[name])
    return clean


def _refuse_taken_cvr(session: Session, cvr: str | None, org_id: int | None) -> None:
    """A CVR number is one organisation's identity: another one with it is the same organisation."""
    if not cvr:
        return
    query = select(Organisation.name).where(Organisation.cvr == cvr)
    if org_id is not None:
        query = query.where(Organisation.id != org_id)
    other = session.scalar(query.limit(1))
    if other is not None:
        raise ValidationFailed("orgdup.cvr_taken", cvr=cvr, name=other)


def _refuse_taken_organisation_name(session: Session, name: str, org_id: int | None) -> None:
    """Two organisations with the same folded name would make imports unable to tell them apart."""
    query = select(Organisation.name).where(Organisation.name_key == _name_key(name))
    if org_id is not None:
        query = query.where(Organisation.id != org_id)
    existing = session.scalar(query.limit(1))
    if existing is not None:
        raise ValidationFailed("records.organisation_exists", name=existing)


@requires("edit")
def create_organisation(session: Session, values: Mapping[str, Any], actor: str | None = None) -> int:
    """Add an organisation (a name not already used is required); returns the new id."""
    clean = _clean_organisation_values(session, {"name": values.get("name"), **values}, org_id=None)
    organisation = Organisation(**clean, name_key=_name_key(clean["name"]))
    return _add_record(session, organisation, "organisation_created", ORGANISATION_ENTITY, actor)


@requires("edit")
def update_organisation(
    session: Session,
    org_id: int,
    changes: Mapping[str, Any],
    actor: str | None = None,
    *,
    remember: Iterable[str] = (),
) -> list[str]:
    """Store the edited values that differ; returns the names of the fields that changed.

    Type and sector must be codes from ``lib.core.vocabulary``; the website is normalised to an http(s)
    address; the name must not be another organisation's.

    A type or sector chosen for an organisation that kept a file's word for it (``org_type_text``,
    ``sector_text``) replaces the word; with "org_type" / "sector" in ``remember`` the choice is also
    remembered for that word (``lib.contacts.word_choices``), so the next import gives it the same code.
    """
    organisation = _get_organisation(session, org_id)
    clean = _clean_organisation_values(session, changes, org_id=org_id)
    words = {"org_type": organisation.org_type_text, "sector": organisation.sector_text}
    for name, text_name in (("org_type", "org_type_text"), ("sector", "sector_text")):
        if clean.get(name) and getattr(organisation, text_name):
            clean[text_name] = None
    changed = _store_changes(session, organisation, clean, "organisation_updated", ORGANISATION_ENTITY, actor)
    for name in remember:
        word = words.get(name)
        if word and clean.get(name):
            remember_word(session, name, word, clean[name])
    return changed


@requires("edit")
def delete_organisation(session: Session, org_id: int, actor: str | None = None) -> None:
    """Delete an organisation with its affiliations and ties; the people themselves stay."""
    organisation = _get_organisation(session, org_id)
    affiliations, ties = _delete_connections(
        session, organisation, or_(Relation.from_organisation_id == org_id, Relation.to_organisation_id == org_id)
    )
    _remove_record(session, organisation)
    log_event(
        session,
        "organisation_deleted",
        entity=ORGANISATION_ENTITY,
        entity_id=org_id,
        actor=actor,
        name=organisation.name,
        affiliations=affiliations,
        relations=ties,
    )
