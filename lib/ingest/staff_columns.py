"""Unused columns that hold the library's staff: a hint that a column should be "Ansvarlig medarbejder".

And the other side of it: a contact list's dates of first and last contact belong to the tie between a
colleague and the contact, so on a sheet with no column for the colleague they are not stored;
:func:`unkept_tie_dates` names those columns, so that the preview says so.

A contact list whose "who knows them" column has a header the mapping does not know leaves the column
unused, and the import makes no staff–contact ties at all. After a preview has read the sheets (the
workspace's staff and those of the files' staff sheets are known then), :func:`staff_like_columns`
names each unused column of a sheet that could hold the responsible staff member, where most of its
first values are staff names, so that the preview can ask whether to use it.
"""

from __future__ import annotations

from collections.abc import Iterable

from lib.core import normalize
from lib.ingest.contact_list_results import SAMPLE_ROWS, PreparedSheet
from lib.ingest.fields import FIELDS
from lib.ingest.state import WorkingState


def staff_like_columns(state: WorkingState, sheets: Iterable[PreparedSheet]) -> list[tuple[str, str]]:
    """(sheet label, column) of every unused column that looks like the responsible staff member.

    Only a sheet whose role has the field and has not mapped a column to it is looked at; a column
    counts when at least half of the non-empty values among its first :data:`SAMPLE_ROWS` rows are
    the name, or the first name, of a staff member of ``state`` (the workspace after the preview
    read the sheets).
    """
    candidates = [sheet for sheet in sheets if "owner" in FIELDS.get(sheet.role, ()) and "owner" not in sheet.mapping]
    if not candidates:
        return []
    names, first_names = _staff_names(state)
    if not names:
        return []
    found: list[tuple[str, str]] = []
    for sheet in candidates:
        for index, (column, target) in enumerate(zip(sheet.columns, sheet.mapping, strict=False)):
            if target is None and _mostly_staff(_values(sheet, index), names, first_names):
                found.append((sheet.label, column))
    return found


def _staff_names(state: WorkingState) -> tuple[frozenset[str], frozenset[str]]:
    """The folded names, and first names, of every staff member of ``state``."""
    names = {
        record.values["name_key"]
        for record in state.people.values()
        if record.values.get("is_staff") and record.values.get("name_key")
    }
    return frozenset(names), frozenset(name.split()[0] for name in names)


def _values(sheet: PreparedSheet, index: int) -> list[str]:
    values = []
    for row in sheet.table.rows[:SAMPLE_ROWS]:
        value = row[index] if index < len(row) else None
        key = normalize.name_key(value) if isinstance(value, str) else ""
        if key:
            values.append(key)
    return values


def _mostly_staff(values: list[str], names: frozenset[str], first_names: frozenset[str]) -> bool:
    matches = sum(1 for value in values if value in names or (" " not in value and value in first_names))
    return matches > 0 and 2 * matches >= len(values)


#: The fields of a contact row that are the tie's with the responsible colleague, not the person's.
TIE_DATE_FIELDS = ("first_contact", "last_contact")


def unkept_tie_dates(sheets: Iterable[PreparedSheet]) -> list[tuple[str, str]]:
    """(sheet label, column) of each column of first or last contact on a sheet that has no column
    for the responsible staff member: with no colleague to tie the contact to, its dates are not stored."""
    return [
        (sheet.label, column)
        for sheet in sheets
        if "owner" in FIELDS.get(sheet.role, ()) and "owner" not in sheet.mapping
        for column, target in zip(sheet.columns, sheet.mapping, strict=False)
        if target in TIE_DATE_FIELDS
    ]
