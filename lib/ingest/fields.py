"""What an imported sheet can hold: its role, and the fields a column can be mapped to.

A sheet's *role* says what one row of it describes; the importer reads each role differently. A
*field* is where one column's values go. Column mapping (``lib.ingest.tables``) suggests a field for each
column; the user may correct it; the importer (``lib.ingest.contact_lists``) reads rows through the mapping.

The canonical field names double as the column headers of the workspace export (``lib.reporting.workspace_export``), so
an export imports back as the same workspace.
"""

from __future__ import annotations

ROLES = (
    "contacts",  # one person per row, possibly with their organisation and the library's tie to them
    "staff",  # the library's own staff, one per row: name, e-mail, team, role
    "organisations",  # one organisation per row
    "affiliations",  # person works at organisation
    "relations",  # a tie From → To (Danish sheets: Fra → Til)
    "kumu_elements",  # Kumu's Elements sheet: Label, Type, Description, Tags …
    "kumu_connections",  # Kumu's Connections sheet: From, To, Type, Direction …
    "unknown",
)

#: Fields per role, in the order the mapping editor lists them. An organisation's ``aliases`` are its
#: other spellings ("; "-joined, as the workspace export writes them); a relation's ``weight`` is a
#: network file's weight of the tie (any number above 0), kept apart from its 1–5 ``strength`` where a
#: sheet has both columns (``lib.ingest.rows.RowReader._tie_values``).
FIELDS: dict[str, tuple[str, ...]] = {
    "contacts": (
        "ref",
        "name",
        "first_name",
        "middle_name",
        "last_name",
        "email",
        "phone",
        "title",
        "organisation",
        "department",
        "org_type",
        "sector",
        "website",
        "area",
        "notes",
        "is_staff",
        "owner",
        "relation_kind",
        "strength",
        "first_contact",
        "last_contact",
        "source",
        "team",
        "staff_role",
    ),
    "staff": (
        "ref",
        "name",
        "first_name",
        "middle_name",
        "last_name",
        "email",
        "phone",
        "title",
        "team",
        "staff_role",
        "is_staff",
        "notes",
        "source",
    ),
    "organisations": (
        "ref",
        "organisation",
        "cvr",
        "aliases",
        "org_type",
        "sector",
        "website",
        "area",
        "email",
        "phone",
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
    "kumu_elements": (
        "ref",
        "name",
        "element_type",
        "organisation",
        "email",
        "phone",
        "title",
        "notes",
        "website",
        "area",
        "org_type",
        "sector",
    ),
    "kumu_connections": (
        "from",
        "to",
        "relation_kind",
        "strength",
        "first_contact",
        "last_contact",
        "owner",
        "notes",
    ),
    "unknown": (),
}

ALL_FIELDS: tuple[str, ...] = tuple(dict.fromkeys(f for fields in FIELDS.values() for f in fields))

#: Fields that may hold several values in one cell ("a; b", "a / b"): split, never glued together.
MULTI_VALUE_FIELDS = frozenset({"email", "phone", "organisation", "aliases"})
