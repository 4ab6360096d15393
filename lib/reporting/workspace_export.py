"""The workspace export: every person, organisation, affiliation and tie, as files to download.

The workspace export uses the canonical field names of ``lib.ingest.fields`` as column headers, so the
importer maps every column 1:1 and an export is a complete, re-importable copy of the workspace.
Every file is written by :mod:`lib.core.spreadsheets`, which makes every text harmless first.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import UserFacingError

# FORMULA_TRIGGERS stays importable from here: callers and tests know the rule by this name.
from lib.core.formulas import FORMULA_TRIGGERS as FORMULA_TRIGGERS
from lib.core.spreadsheets import MULTI_VALUE_SEPARATOR, write_csv, write_xlsx
from lib.db import Affiliation, Database, Organisation, OrganisationAlias, Person, Relation
from lib.workspace.events import log_export

#: Values of the ``is_staff`` column in the workspace export (Danish, like the rest of the files).
STAFF_YES = "ja"
STAFF_NO = "nej"
#: The sector of an organisation that has a type but no sector: without it, the importer would give
#: it the usual sector for its type (``lib.ingest.rows.NO_SECTOR_WORDS``).
NO_SECTOR = "ingen"

#: Sheets (xlsx) or files (csv) of the workspace export, with their columns: canonical field names.
#: Everything the importer reads back is here: a staff member's team and role (a code of
#: ``lib.db.STAFF_ROLES``); an organisation's CVR number, mailbox and other spellings ("; "-joined:
#: the importer keeps them as aliases); a tie's 1–5 strength and its weight in separate columns. A type,
#: sector or kind no code fitted is written as the word was kept, and imports back as that kept word;
#: an organisation with a type and no sector has the sector :data:`NO_SECTOR`.
WORKSPACE_COLUMNS: dict[str, tuple[str, ...]] = {
    "people": ("ref", "name", "email", "phone", "title", "notes", "is_staff", "team", "staff_role", "source"),
    "organisations": (
        "ref",
        "organisation",
        "cvr",
        "aliases",
        "org_type",
        "sector",
        "website",
        "email",
        "area",
        "notes",
        "source",
    ),
    "affiliations": ("person", "organisation", "role", "start_date", "end_date"),
    "relations": (
        "from",
        "to",
        "relation_kind",
        "strength",
        "weight",
        "first_contact",
        "last_contact",
        "owner",
        "notes",
    ),
}

#: The import role (``lib.ingest.fields.ROLES``) each export sheet is read back as.
WORKSPACE_ROLES: dict[str, str] = {
    "people": "contacts",
    "organisations": "organisations",
    "affiliations": "affiliations",
    "relations": "relations",
}

EXPORT_FORMATS = ("xlsx", "csv")


# --- the workspace export --------------------------------------------------------------------------


def person_ref(person_id: int | None) -> str | None:
    """The reference a person has in an export file: ``P`` and the record number."""
    return None if person_id is None else f"P{person_id}"


def organisation_ref(organisation_id: int | None) -> str | None:
    """The reference an organisation has in an export file: ``O`` and the record number."""
    return None if organisation_id is None else f"O{organisation_id}"


def _joined(first: str | None, others: list[Any] | None) -> str | None:
    """The primary value and the further ones in one cell, primary first, each once."""
    values: list[str] = []
    for value in [first, *(others or [])]:
        text = str(value).strip() if value is not None else ""
        if text and text not in values:
            values.append(text)
    return MULTI_VALUE_SEPARATOR.join(values) or None


def _frame(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    # Object columns keep values exactly as stored: an empty strength stays None, never "3.0".
    return pd.DataFrame(rows, columns=list(WORKSPACE_COLUMNS[table]), dtype=object)


def _people_rows(session: Session) -> list[dict[str, Any]]:
    return [
        {
            "ref": person_ref(person.id),
            "name": person.name,
            "email": _joined(person.email, person.other_emails),
            "phone": _joined(person.phone, person.other_phones),
            "title": person.title,
            "notes": person.notes,
            "is_staff": STAFF_YES if person.is_staff else STAFF_NO,
            "team": person.team,
            "staff_role": person.staff_role,
            "source": person.source,
        }
        for person in session.scalars(select(Person).order_by(Person.id))
    ]


def _aliases_by_organisation(session: Session) -> dict[int, list[str]]:
    """Each organisation's other spellings, sorted as the contacts page lists them."""
    aliases: dict[int, list[str]] = {}
    for organisation_id, name in session.execute(select(OrganisationAlias.organisation_id, OrganisationAlias.name)):
        aliases.setdefault(organisation_id, []).append(name)
    return {org_id: sorted(names, key=str.casefold) for org_id, names in aliases.items()}


def _organisation_rows(session: Session) -> list[dict[str, Any]]:
    aliases = _aliases_by_organisation(session)
    return [
        {
            "ref": organisation_ref(org.id),
            "organisation": org.name,
            "cvr": org.cvr,
            "aliases": MULTI_VALUE_SEPARATOR.join(aliases.get(org.id, [])) or None,
            # Where no code fitted, the file's word (issue 11): it imports back as the same kept word.
            "org_type": org.org_type or org.org_type_text,
            "sector": org.sector or org.sector_text or (NO_SECTOR if org.org_type else None),
            "website": org.website,
            "email": org.email,
            "area": org.area,
            "notes": org.notes,
            "source": org.source,
        }
        for org in session.scalars(select(Organisation).order_by(Organisation.id))
    ]


def _affiliation_rows(session: Session) -> list[dict[str, Any]]:
    return [
        {
            "person": person_ref(link.person_id),
            "organisation": organisation_ref(link.organisation_id),
            "role": link.role,
            "start_date": link.start_date,
            "end_date": link.end_date,
        }
        for link in session.scalars(select(Affiliation).order_by(Affiliation.id))
    ]


def _relation_rows(session: Session) -> list[dict[str, Any]]:
    return [
        {
            "from": person_ref(tie.from_person_id) or organisation_ref(tie.from_organisation_id),
            "to": person_ref(tie.to_person_id) or organisation_ref(tie.to_organisation_id),
            "relation_kind": tie.kind_text if tie.kind == "other" and tie.kind_text else tie.kind,
            "strength": tie.strength,
            "weight": tie.weight,
            "first_contact": tie.first_contact,
            "last_contact": tie.last_contact,
            "owner": person_ref(tie.owner_id),
            "notes": tie.notes,
        }
        for tie in session.scalars(select(Relation).order_by(Relation.id))
    ]


@requires("export")
def export_workspace_frames(session: Session) -> dict[str, pd.DataFrame]:
    """The whole workspace as four tables whose headers are canonical field names (``lib.ingest.fields``).

    People are ``P<id>`` and organisations ``O<id>``; affiliations and relations point at those
    references. Values are not neutralised here: the writers do that, and a page showing the frames
    on screen should see the real values.
    """
    return {
        "people": _frame("people", _people_rows(session)),
        "organisations": _frame("organisations", _organisation_rows(session)),
        "affiliations": _frame("affiliations", _affiliation_rows(session)),
        "relations": _frame("relations", _relation_rows(session)),
    }


@requires("export")
def export_workspace(
    db: Database, fmt: str, out: str | os.PathLike[str], *, actor: str | None = None
) -> dict[str, int]:
    """Export the workspace: one xlsx file with a sheet per table, or a folder with a CSV per table.

    ``out`` is the xlsx file to write, or the folder for the CSV files (created if missing; other
    files in it are left alone). Returns the number of rows written per table. The export is
    recorded in the event log, since the files carry personal data out of the system.
    """
    if fmt not in EXPORT_FORMATS:
        raise UserFacingError("export.unknown_format", fmt=fmt)
    with db.read() as session:
        frames = export_workspace_frames(session)
    target = Path(out)
    if fmt == "xlsx":
        write_xlsx(frames, target)
    else:
        target.mkdir(parents=True, exist_ok=True)
        for table, frame in frames.items():
            write_csv(frame, target / f"{table}.csv")
    counts = {table: len(frame) for table, frame in frames.items()}

    with db.write() as session:
        log_export(session, "workspace", people=counts.get("people", 0), actor=actor, format=fmt, counts=counts)
    return counts
