"""Recognising the role of a sheet (contacts, staff, organisations, affiliations, relations, Kumu) from its
columns and its name.
"""

from __future__ import annotations

from collections.abc import Sequence

from lib.ingest.column_mapping import header_key, suggest_mapping
from lib.ingest.fields import ROLES

#: Sheet names that tell the role (Kumu's Excel export names its sheets Elements and Connections).
SHEET_NAME_ROLES: dict[str, str] = {
    "elements": "kumu_elements",
    "elementer": "kumu_elements",
    "connections": "kumu_connections",
    "forbindelser": "kumu_connections",
    "relations": "relations",
    "relationer": "relations",
    "relationships": "relations",
    "organisations": "organisations",
    "organizations": "organisations",
    "organisationer": "organisations",
    "affiliations": "affiliations",
    "tilknytninger": "affiliations",
    "contacts": "contacts",
    "kontakter": "contacts",
    "people": "contacts",
    "personer": "contacts",
    "medarbejdere": "staff",
    "medarbejderliste": "staff",
    "personale": "staff",
    "personaleliste": "staff",
    "ansatte": "staff",
    "staff": "staff",
    "employees": "staff",
    "team": "staff",
    "teams": "staff",
}

#: The field a sheet of each role cannot do without.
_ESSENTIAL: dict[str, tuple[frozenset[str], ...]] = {
    "contacts": (frozenset({"name", "first_name", "last_name", "email"}),),
    "staff": (frozenset({"name", "first_name", "last_name", "email"}),),
    "organisations": (frozenset({"organisation"}),),
    "affiliations": (frozenset({"person"}), frozenset({"organisation"})),
    "relations": (frozenset({"from"}), frozenset({"to"})),
    "kumu_elements": (frozenset({"name"}),),
    "kumu_connections": (frozenset({"from"}), frozenset({"to"})),
}

_PERSON_FIELDS = frozenset({"name", "first_name", "last_name"})

_PERSON_ONLY_FIELDS = frozenset({"first_name", "last_name", "middle_name", "title", "is_staff"})

_ORGANISATION_FIELDS = frozenset({"org_type", "sector", "website"})

_KUMU_CONNECTION_MARKS = frozenset({"direction", "tags"})

_KUMU_ELEMENT_MARKS = frozenset({"type", "description", "tags", "image"})


def _fits(role: str, fields: set[str]) -> bool:
    return all(fields & needed for needed in _ESSENTIAL.get(role, ()))


def _role_from_sheet_name(sheet_name: str | None) -> str | None:
    return SHEET_NAME_ROLES.get(header_key(sheet_name)) if sheet_name else None


def _tie_role(keys: set[str], mapped: dict[str, set[str]], hinted: str | None) -> str:
    """A sheet with From and To columns: an affiliation, a Kumu connection or a relation."""
    if _fits("affiliations", mapped["affiliations"]):
        return "affiliations"
    if hinted == "kumu_connections" or keys & _KUMU_CONNECTION_MARKS:
        return "kumu_connections"
    return "relations"


def _is_affiliation_sheet(keys: set[str], mapped: dict[str, set[str]]) -> bool:
    fields = mapped["affiliations"]
    if not _fits("affiliations", fields) or mapped["contacts"] & {"email", "phone"}:
        return False
    return bool(fields & {"start_date", "end_date"}) or {"person", "organisation"} <= keys


def _person_or_organisation_role(mapped: dict[str, set[str]]) -> str:
    contact_fields = mapped["contacts"]
    people = contact_fields & _PERSON_FIELDS
    if people:
        only_a_name = people == {"name"} and "organisation" not in contact_fields
        of_organisations = contact_fields & _ORGANISATION_FIELDS or "cvr" in mapped["organisations"]
        if only_a_name and of_organisations and not contact_fields & _PERSON_ONLY_FIELDS:
            return "organisations"  # "Navn, Type, Sektor, Hjemmeside" or "Navn, CVR" lists organisations
        return "contacts"
    if contact_fields & {"email", "phone"} and "organisation" not in contact_fields:
        return "contacts"
    if _fits("organisations", mapped["organisations"]):
        return "organisations"
    return "unknown"


def detect_role(columns: Sequence[str], sheet_name: str | None = None) -> str:
    """What one row of a sheet with these columns describes: one of ``lib.ingest.fields.ROLES``.

    Parameters
    ----------
    columns : sequence of str
        Column names from :func:`locate_table`.
    sheet_name : str, optional
        A sheet called "Elements", "Connections", "Relationer", "Organisationer" … is taken at its
        word when its columns fit that role.

    Returns
    -------
    str
        * ``kumu_connections`` / ``relations`` / ``affiliations`` for From/To (Fra/Til, Kilde/Mål)
          columns: an affiliation when there are also person and organisation columns (then
          Fra/Til are dates), Kumu when there is a Direction or Tags column, else a relation;
        * ``kumu_elements`` for Label with Type, Description, Tags or Image;
        * ``affiliations`` for person + organisation + start/end date (or the export's literal
          "person" and "organisation" headers) without e-mail or phone;
        * ``staff`` for a sheet called "Medarbejdere", "Personale", "Ansatte" or "Staff", or with a
          "Team" column and no organisation or responsible-staff column: the library's own staff;
        * ``contacts`` when there is a person's name, e-mail or phone column, except a bare "Navn"
          next to organisation type/sector/website or a CVR number, which is ``organisations``;
        * ``organisations`` for an organisation column without person columns;
        * ``unknown`` otherwise.
    """
    keys = {header_key(column) for column in columns}
    mapped = {role: {f for f in suggest_mapping(columns, role) if f} for role in ROLES}
    hinted = _role_from_sheet_name(sheet_name)
    if hinted and _fits(hinted, mapped[hinted]):
        return hinted
    if _fits("relations", mapped["relations"]):
        return _tie_role(keys, mapped, hinted)
    if "label" in keys and keys & _KUMU_ELEMENT_MARKS:
        return "kumu_elements"
    if _is_affiliation_sheet(keys, mapped):
        return "affiliations"
    role = _person_or_organisation_role(mapped)
    if role == "contacts" and "team" in mapped["staff"] and not mapped["contacts"] & {"organisation", "owner"}:
        return "staff"  # "Navn, E-mail, Team, Rolle": the library's own staff
    return role
