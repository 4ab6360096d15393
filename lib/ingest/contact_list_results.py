"""What a contact-list import works with and hands back: prepared files and sheets, row outcomes, field
changes and the :class:`ImportResult` (its counts balance per sheet), with the constants they share.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lib.contacts.word_choices import WordUse
from lib.core.errors import FileRefused
from lib.ingest import tables as tabular
from lib.ingest.rows import FILL_EMPTY, Problem, Referenced
from lib.ingest.upload_spool import Spool

OUTCOMES = ("inserted", "updated", "unchanged", "rejected", "skipped")

#: Data rows a spooled sheet keeps in memory, for the examples the mapping editor shows.
SAMPLE_ROWS = 50

#: Longest text of a row's label (the record it is about) in the list of rows.
LABEL_LENGTH = 80

_OUTCOME_OF_ACTION = {
    "insert": "inserted",
    "update": "updated",
    "unchanged": "unchanged",
    "rejected": "rejected",
    "skipped": "skipped",
}

#: Sheets are read in this order, so that rows can refer to records that other sheets create.
ROLE_ORDER = ("staff", "organisations", "contacts", "kumu_elements", "affiliations", "relations", "kumu_connections")

#: What a preview counts as created: staff, the other people, organisations, affiliations, relations.
CREATED_KINDS = ("staff", "people", "organisations", "affiliations", "relations")

#: The kinds of records created because a row named them (``Referenced.kind``), in the order shown.
REFERENCED_KINDS = ("staff", "people", "organisations")


@dataclass
class PreparedSheet:
    """One sheet of an upload, ready to import: its table, role and column mapping.

    When the sheet was spooled (``prepare_file(..., spool=True)``), ``table.rows`` and
    ``table.row_numbers`` hold the first :data:`SAMPLE_ROWS` data rows only and ``spool`` the
    file with all of them: read them with :meth:`data_rows` and count them with :attr:`row_count`.
    """

    file_name: str
    sheet_name: str
    hidden: bool
    table: tabular.SheetTable
    role: str
    mapping: list[str | None]
    mapping_source: str  # "saved": confirmed by a user before; "detected": suggested from the names
    include: bool
    truncated: bool = False
    total_rows: int = 0
    formulas_without_value: int = 0
    spool: Spool | None = None
    #: Create the staff, people and organisations the sheet names but does not describe ("Ansvarlig
    #: medarbejder", the ends of a From/To tie); off, such rows are refused with the reason.
    create_referenced: bool = True
    #: How the sheet's values meet records that exist: "fill-empty" (default) or "overwrite"
    #: (``lib.ingest.rows.UPDATE_MODES``); the import page sets it for every sheet of a file.
    update_mode: str = FILL_EMPTY

    @property
    def row_count(self) -> int:
        """The sheet's non-blank data rows (all of them, also when spooled)."""
        return self.spool.count if self.spool is not None else len(self.table.rows)

    def data_rows(self) -> Iterator[tuple[list[Any], int]]:
        """Every non-blank data row with its 1-based spreadsheet row number, in order.

        Raises FileRefused (``limits.upload_expired``) when the spool is gone.
        """
        if self.spool is None:
            yield from zip(self.table.rows, self.table.row_numbers, strict=True)
        else:
            for row_number, row in self.spool:
                yield row, row_number

    def discard(self) -> None:
        """Delete the sheet's spooled rows (the import was stored or cancelled)."""
        if self.spool is not None:
            self.spool.delete()

    @property
    def label(self) -> str:
        return f"{self.file_name} › {self.sheet_name}"

    @property
    def columns(self) -> list[str]:
        return self.table.columns

    def set_role(self, role: str) -> None:
        """Change the role and suggest a fresh mapping for it."""
        if role != self.role:
            self.role = role
            self.mapping = tabular.suggest_mapping(self.columns, role)
            self.mapping_source = "detected"


@dataclass
class PreparedFile:
    """An uploaded file after the safety checks: its sheets, or the reason it was refused."""

    file_name: str
    kind: str | None
    sheets: list[PreparedSheet]
    notices: list[tuple[str, dict[str, Any]]]
    has_macros: bool = False
    error: FileRefused | None = None

    def discard(self) -> None:
        """Delete every spooled sheet of the file."""
        for sheet in self.sheets:
            sheet.discard()


@dataclass
class RowOutcome:
    file_name: str
    sheet_name: str
    row: int
    outcome: str  # one of OUTCOMES
    label: str


@dataclass(frozen=True)
class FieldChange:
    """One field of a record that existed before the import, and its value before and after."""

    table: str  # "people", "organisations", "affiliations" or "relations"
    record: str  # how the record is called: a name, "person · organisation", "from → to"
    field: str
    old: Any
    new: Any


@dataclass
class ImportResult:
    """What an import did (or, in a preview, would do).

    Besides the rows' outcomes (``counts``): ``created`` counts the records the import creates, by
    :data:`CREATED_KINDS` (staff and other people apart), also those no row is "new" for (an
    organisation created by a contact row that updated its person); ``referenced`` lists what was
    created because a row named it, and ``changes`` every field of an existing record the import
    changes, old and new.
    """

    committed: bool
    counts: dict[str, int]
    per_sheet: list[dict[str, Any]]
    entities: dict[str, int]
    problems: list[Problem]
    outcomes: list[RowOutcome]
    review_pairs: int
    mapping: dict[str, dict[str, str]]
    batch_id: int | None = None
    table_changes: dict[str, dict[str, int]] = field(default_factory=dict)
    #: Set by :func:`for_session` when it kept only the first problems / rows: how many there were.
    problem_total: int | None = None
    outcome_total: int | None = None
    #: Every problem, on disk, when ``problems`` holds only the first ones (see :func:`for_session`).
    problem_spool: Spool | None = None
    created: dict[str, int] = field(default_factory=dict)
    #: Records that existed and are changed, by table.
    updated_records: dict[str, int] = field(default_factory=dict)
    referenced: list[Referenced] = field(default_factory=list)
    #: How many records of each kind of :data:`REFERENCED_KINDS` are created because a row named them.
    referenced_counts: dict[str, int] = field(default_factory=dict)
    changes: list[FieldChange] = field(default_factory=list)
    #: Values in the files that "fill only empty fields" did not use, because the field held another.
    kept: list[FieldChange] = field(default_factory=list)
    #: Set by :func:`for_session` when it kept only the first of these lists: how long they were.
    referenced_total: int | None = None
    change_total: int | None = None
    kept_total: int | None = None
    #: Per vocabulary ("org_type", "sector", "relation_kind"), the words no built-in word fits, each
    #: once with its rows and the code a person chose for it (``lib.contacts.word_choices``), if any.
    unknown_words: dict[str, list[WordUse]] = field(default_factory=dict)
    #: (sheet label, column) of unused columns whose values are staff names: a column that should
    #: likely be "Ansvarlig medarbejder" (``lib.ingest.staff_columns``).
    staff_like_columns: list[tuple[str, str]] = field(default_factory=list)
    #: (sheet label, column) of first/last-contact columns on sheets without a responsible staff
    #: column: their dates are not stored (``lib.ingest.staff_columns.unkept_tie_dates``).
    unkept_tie_dates: list[tuple[str, str]] = field(default_factory=list)

    @property
    def blank_rows(self) -> int:
        """Rows read and skipped for being blank: counted, but with no outcome of their own (a blank
        row has nothing to show)."""
        listed = self.outcome_total if self.outcome_total is not None else len(self.outcomes)
        return max(0, self.counts["rows"] - listed)

    @property
    def balanced(self) -> bool:
        """The accounting identity: every row read is counted exactly once."""
        return sum(self.counts[o] for o in OUTCOMES) == self.counts["rows"]

    def discard(self) -> None:
        """Delete the problems :func:`for_session` put on disk (the page no longer shows them)."""
        if self.problem_spool is not None:
            self.problem_spool.delete()

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        """The summary ``python -m lib import --json`` prints."""
        return {
            "rows": self.counts["rows"],
            **{name: self.counts[name] for name in OUTCOMES},
            "people": self.entities.get("people", 0),
            "organisations": self.entities.get("organisations", 0),
            "relations": self.entities.get("relations", 0),
            "created": dict(self.created),
            "referenced": [
                {"kind": r.kind, "name": r.name, "file": r.file_name, "sheet": r.sheet_name, "row": r.row}
                for r in self.referenced
            ],
            "changes": [
                {"table": c.table, "record": c.record, "field": c.field, "old": c.old, "new": c.new}
                for c in self.changes
            ],
            "kept": [
                {"table": c.table, "record": c.record, "field": c.field, "stored": c.old, "file": c.new}
                for c in self.kept
            ],
            "problems": [
                {
                    "file": p.file_name,
                    "sheet": p.sheet_name,
                    "row": p.row,
                    "column": p.column,
                    "message": p.message(lang),
                    "severity": p.severity,
                    "code": p.key,
                }
                for p in self.problems
            ],
            "mapping": self.mapping,
            "sheets": self.per_sheet,
            "committed": self.committed,
            "batch_id": self.batch_id,
            "review": self.review_pairs,
            "unknown_words": {name: [use.to_json() for use in uses] for name, uses in self.unknown_words.items()},
        }
