"""Importing contact lists: prepare, preview, commit as one batch, undo.

The steps a user goes through on the import page, and ``python -m lib import`` on the command line:

1. :func:`prepare_file` checks and reads an upload (``lib.ingest.safe_read``), finds each sheet's table and
   role, and suggests a column mapping (a mapping the user confirmed before for the same columns wins).
   With ``spool=True`` (the import page) each sheet's data rows go to a private file
   (``lib.ingest.upload_spool``) and only a few example rows stay in memory.
2. :func:`run_import` with ``commit=False`` works the whole import out in memory and reports what would
   be created, updated, left unchanged, rejected and skipped, with every row problem: the preview.
3. :func:`run_import` with ``commit=True`` does the same inside one write transaction and stores it as
   one import batch. For every sheet: inserted + updated + unchanged + rejected + skipped = rows read.
4. :func:`undo_import` restores the state before a batch, exactly.

A page keeps :func:`for_session` of a result: the counts and the first problems and rows, the rest of
the problems on disk for the report.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.orm import Session

from lib.contacts.word_choices import Choices, WordChoices, WordUse, checked_choices, remember_choices, remembered_words
from lib.core import normalize
from lib.core.access import requires
from lib.core.config import DEFAULT_LIMITS, ImportLimits
from lib.core.errors import FileRefused, UndoNotPossible, UserFacingError
from lib.core.i18n import format_value, label, t
from lib.core.spreadsheets import xlsx_bytes
from lib.db import (
    TABLES_BY_NAME,
    Database,
    DuplicateCandidate,
    Event,
    ImportBatch,
    ImportChange,
    OrganisationAlias,
    SavedMapping,
    log_event,
    utcnow,
)
from lib.ingest import tables as tabular
from lib.ingest.batches import committed_batch, storage_errors_as_refusal
from lib.ingest.fields import FIELDS
from lib.ingest.planning_tables import batch_kind, undo_table_import
from lib.ingest.references import is_repeated_header, total_label
from lib.ingest.rows import FILL_EMPTY, UPDATE_MODES, Problem, Referenced, RowReader, RowValues, shortened
from lib.ingest.safe_read import RawSheet, RawWorkbook, read_upload
from lib.ingest.state import ALIAS_TABLE, Record, WorkingState, from_jsonable
from lib.ingest.upload_spool import Spool, plain
from lib.privacy.personal_data import erased_email_check

log = logging.getLogger(__name__)

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


# --- preparing uploads -----------------------------------------------------------------------------


@requires("import")
def prepare_file(
    db: Database, file_name: str, data: bytes, limits: ImportLimits = DEFAULT_LIMITS, *, spool: bool = False
) -> PreparedFile:
    """Check and read one upload. A refused file comes back with ``error`` set, never raises.

    With ``spool`` each sheet's data rows are moved to a private file as soon as its table is found
    (see :class:`PreparedSheet`); call :meth:`PreparedFile.discard` when the file is done with.
    """
    try:
        workbook = read_upload(file_name, data, limits)
        with db.read() as session:
            saved = {m.signature: m for m in session.scalars(select(SavedMapping))}
        return _prepared_from_workbook(workbook, saved, limits if spool else None)
    except FileRefused as error:
        return PreparedFile(file_name, None, [], [], error=error)


def _prepared_from_workbook(
    workbook: RawWorkbook, saved: dict[str, SavedMapping], spool_limits: ImportLimits | None = None
) -> PreparedFile:
    sheets: list[PreparedSheet] = []
    try:
        for raw_sheet in workbook.sheets:
            sheets.append(_prepared_sheet(workbook.file_name, raw_sheet, saved, spool_limits))
    except FileRefused:
        for sheet in sheets:
            sheet.discard()
        raise
    return PreparedFile(workbook.file_name, workbook.kind, sheets, list(workbook.notices), workbook.has_macros)


def _prepared_sheet(
    file_name: str, raw_sheet: RawSheet, saved: dict[str, SavedMapping], spool_limits: ImportLimits | None
) -> PreparedSheet:
    table = tabular.locate_table(raw_sheet)
    # The table has its own list for every row: the sheet's are no longer needed, and keeping them
    # while a big sheet is spooled would hold a second set of lists for nothing.
    raw_sheet.rows = []
    spooled = None
    if spool_limits is not None:
        spooled = Spool(zip(table.row_numbers, table.rows, strict=True), spool_limits)
        table.rows = table.rows[:SAMPLE_ROWS]
        table.row_numbers = table.row_numbers[:SAMPLE_ROWS]
    signature = tabular.column_signature(table.columns)
    remembered = saved.get(signature)
    if remembered is not None and len(remembered.mapping.get("fields", [])) == len(table.columns):
        role, mapping, source = remembered.role, list(remembered.mapping["fields"]), "saved"
    else:
        role = tabular.detect_role(table.columns, sheet_name=raw_sheet.name)
        mapping, source = tabular.suggest_mapping(table.columns, role), "detected"
    return PreparedSheet(
        file_name=file_name,
        sheet_name=raw_sheet.name,
        hidden=raw_sheet.hidden,
        table=table,
        role=role,
        mapping=mapping,
        mapping_source=source,
        include=not raw_sheet.hidden and role != "unknown" and bool(table.columns),
        truncated=raw_sheet.truncated,
        total_rows=raw_sheet.total_rows,
        formulas_without_value=len(raw_sheet.formulas_without_value),
        spool=spooled,
    )


# --- running an import -----------------------------------------------------------------------------


@requires("import")
def run_import(
    db: Database,
    sheets: Iterable[PreparedSheet],
    *,
    commit: bool,
    actor: str | None = None,
    words: Choices | None = None,
) -> ImportResult:
    """Import the included ``sheets``: a preview when ``commit`` is False, else one stored batch.

    A preview and a commit run the same code over the same workspace, so the preview's counts are
    what the commit does (unless someone else changes the workspace in between).

    ``words``: the codes a person chose for words of the files no built-in word fits,
    ``{"org_type": {"bydelsnetværk": "citizen_group"}, …}`` (None: keep the word as written); they win
    over remembered choices and built-in words, and the commit remembers them (``lib.contacts.word_choices``).
    """
    chosen = sorted(
        (s for s in sheets if s.include),
        key=lambda s: ROLE_ORDER.index(s.role) if s.role in ROLE_ORDER else len(ROLE_ORDER),
    )
    words = checked_choices(words or {})
    if not commit:
        with db.read() as session:
            state = WorkingState.load(session)
            return _read_sheets(
                state,
                chosen,
                committed=False,
                erased=erased_email_check(session),
                words=WordChoices(words, remembered_words(session)),
            )
    with storage_errors_as_refusal("import"), db.write() as session:
        state = WorkingState.load(session)
        result = _read_sheets(
            state,
            chosen,
            committed=True,
            erased=erased_email_check(session),
            words=WordChoices(words, remembered_words(session)),
        )
        if _has_changes(state):
            batch = ImportBatch(
                actor=actor,
                file_name=", ".join(dict.fromkeys(s.file_name for s in chosen))[:500],
                sheet_name=", ".join(s.sheet_name for s in chosen)[:500],
                counts={"total": result.counts, "sheets": result.per_sheet},
                mapping=result.mapping,
            )
            session.add(batch)
            session.flush()
            result.table_changes = state.apply(session, batch.id)
            result.batch_id = batch.id
            log_event(
                session,
                "import_committed",
                entity="import_batch",
                entity_id=batch.id,
                actor=actor,
                files=batch.file_name,
                counts=result.counts,
            )
        _remember_mappings(session, chosen)
        remember_choices(session, words)
    return result


def _has_changes(state: WorkingState) -> bool:
    tables = (state.people, state.organisations, state.affiliations, state.relations)
    return bool(state.review_pairs or state.aliases) or any(r.changed for records in tables for r in records.values())


def _read_sheets(
    state: WorkingState,
    sheets: list[PreparedSheet],
    *,
    committed: bool,
    erased: Callable[[str], bool] | None = None,
    words: WordChoices | None = None,
) -> ImportResult:
    # ``erased``: a row of a person erased on request is skipped (lib.privacy.personal_data).
    words = words if words is not None else WordChoices()
    reader = RowReader(state, erased=erased, words=words)
    totals = Counter({name: 0 for name in ("rows", *OUTCOMES)})
    per_sheet: list[dict[str, Any]] = []
    problems: list[Problem] = []
    outcomes: list[RowOutcome] = []
    for sheet in sheets:
        reader.create_referenced = sheet.create_referenced
        reader.update_mode = sheet.update_mode if sheet.update_mode in UPDATE_MODES else FILL_EMPTY
        reader.sheet_fields = frozenset(target for target in sheet.mapping if target)
        counts = _read_sheet(reader, sheet, problems, outcomes)
        problems.extend(reader.finish_sheet())
        totals.update(counts)
        per_sheet.append({"file": sheet.file_name, "sheet": sheet.sheet_name, "role": sheet.role, **counts})
    entities = {table: len(ids) for table, ids in reader.touched.items()}
    mapping = {
        s.label: {column: target for column, target in zip(s.columns, s.mapping, strict=False) if target}
        for s in sheets
    }
    referenced_counts = Counter(r.kind for r in reader.referenced)
    return ImportResult(
        committed,
        dict(totals),
        per_sheet,
        entities,
        problems,
        outcomes,
        len(state.review_pairs),
        mapping,
        created=_created(state),
        updated_records=_updated_records(state),
        referenced=list(reader.referenced),
        referenced_counts={kind: referenced_counts.get(kind, 0) for kind in REFERENCED_KINDS},
        changes=field_changes(state),
        kept=kept_values(state, reader.kept),
        unknown_words=words.uses(),
    )


def _created(state: WorkingState) -> dict[str, int]:
    """How many records of each of :data:`CREATED_KINDS` the import creates."""
    new_people = [r for r in state.people.values() if r.is_new]
    staff = sum(1 for r in new_people if r.values.get("is_staff"))
    return {
        "staff": staff,
        "people": len(new_people) - staff,
        **{
            table: sum(1 for r in getattr(state, table).values() if r.is_new)
            for table in ("organisations", "affiliations", "relations")
        },
    }


def _updated_records(state: WorkingState) -> dict[str, int]:
    return {
        table: sum(1 for r in getattr(state, table).values() if not r.is_new and _differs(r))
        for table in ("people", "organisations", "affiliations", "relations")
    }


def _differs(record: Record) -> bool:
    return any(record.values.get(name) != old for name, old in (record.before or {}).items())


#: Fields that are bookkeeping, not something a user reads: never listed as changes.
_UNLISTED_FIELDS = frozenset({"name_key"})


def _record_labels(state: WorkingState) -> Callable[[str, dict[str, Any]], str]:
    """How a record of each table is called in the lists of changes: a name, "person · organisation",
    "from → to"."""

    def person_name(person_id: Any) -> str | None:
        record = state.people.get(person_id) if person_id is not None else None
        return None if record is None else record.values.get("name")

    def organisation_name(organisation_id: Any) -> str | None:
        record = state.organisations.get(organisation_id) if organisation_id is not None else None
        return None if record is None else record.values.get("name")

    def end(values: dict[str, Any], side: str) -> str:
        return (
            person_name(values.get(f"{side}_person_id"))
            or organisation_name(values.get(f"{side}_organisation_id"))
            or "?"
        )

    def label(table: str, values: dict[str, Any]) -> str:
        if table == "affiliations":
            text = (
                f"{person_name(values.get('person_id')) or '?'} · "
                f"{organisation_name(values.get('organisation_id')) or '?'}"
            )
        elif table == "relations":
            text = f"{end(values, 'from')} → {end(values, 'to')}"
        else:
            text = values.get("name") or ""
        return shortened(text, LABEL_LENGTH)

    return label


def _shown_field(state: WorkingState, name: str, value: Any) -> Any:
    """A field's value as the lists of changes hold it: a person's name for ``owner_id``."""
    if name == "owner_id" and value is not None:
        record = state.people.get(value)
        return None if record is None else record.values.get("name")
    return value


def field_changes(state: WorkingState) -> list[FieldChange]:
    """Every field of a record that existed before the import and that the import changes, old and new."""
    label = _record_labels(state)
    changes: list[FieldChange] = []
    for table in ("people", "organisations", "affiliations", "relations"):
        for record in getattr(state, table).values():
            if record.is_new or not record.before:
                continue
            for name, old in record.before.items():
                new = record.values.get(name)
                if name in _UNLISTED_FIELDS or new == old:
                    continue
                changes.append(
                    FieldChange(
                        table,
                        label(table, record.values),
                        name,
                        _shown_field(state, name, old),
                        _shown_field(state, name, new),
                    )
                )
    for alias in state.aliases:
        # Another spelling of an organisation that existed: listed like a field it gains.
        organisation = state.organisations[alias.values["organisation_id"]]
        if not organisation.is_new:
            changes.append(
                FieldChange(
                    "organisations", label("organisations", organisation.values), "aliases", None, alias.values["name"]
                )
            )
    return changes


def kept_values(state: WorkingState, kept: dict[tuple[str, int, str], Any]) -> list[FieldChange]:
    """The file's values that "fill only empty fields" left out because the field already held another:
    ``old`` is what stays, ``new`` what the file says (what "let this file win" would store)."""
    label = _record_labels(state)
    differences: list[FieldChange] = []
    for (table, record_id, name), value in kept.items():
        record = getattr(state, table).get(record_id)
        if record is None or record.values.get(name) == value:
            continue
        differences.append(
            FieldChange(
                table,
                label(table, record.values),
                name,
                _shown_field(state, name, record.values.get(name)),
                _shown_field(state, name, value),
            )
        )
    return differences


def _read_sheet(
    reader: RowReader, sheet: PreparedSheet, problems: list[Problem], outcomes: list[RowOutcome]
) -> dict[str, int]:
    counts = {name: 0 for name in ("rows", *OUTCOMES)}
    counts["rows"] = sheet.row_count + sheet.table.blank_rows
    counts["skipped"] = sheet.table.blank_rows
    read_row = _row_reader_for(reader, sheet.role)
    mapped = [
        (index, column, target)
        for index, (column, target) in enumerate(zip(sheet.columns, sheet.mapping, strict=False))
        if target
    ]
    for raw_row, row_number in sheet.data_rows():
        not_a_record = _not_a_record(sheet, raw_row, row_number)
        if not_a_record is not None:
            counts["skipped"] += 1
            problems.append(not_a_record)
            outcomes.append(
                RowOutcome(
                    sheet.file_name,
                    sheet.sheet_name,
                    row_number,
                    "skipped",
                    shortened(str(not_a_record.params.get("value", "")), LABEL_LENGTH),
                )
            )
            continue
        cells: dict[str, list[tuple[str, Any]]] = {}
        width = len(raw_row)
        for index, column, target in mapped:
            value = raw_row[index] if index < width else None
            if value is None or (type(value) is str and not value.strip()):  # noqa: E721 - hot loop
                continue
            cells.setdefault(target, []).append((column, value))
        if not cells or read_row is None:
            counts["skipped"] += 1
            outcomes.append(RowOutcome(sheet.file_name, sheet.sheet_name, row_number, "skipped", ""))
            continue
        row = RowValues(sheet.file_name, sheet.sheet_name, row_number, cells)
        action = read_row(row)
        outcome = _OUTCOME_OF_ACTION[action]
        counts[outcome] += 1
        problems.extend(row.problems)
        outcomes.append(RowOutcome(sheet.file_name, sheet.sheet_name, row_number, outcome, _row_label(row)))
    return counts


def _not_a_record(sheet: PreparedSheet, raw_row: list[Any], row_number: int) -> Problem | None:
    """A total ("I alt: 14 kontakter") or the header repeated: skipped, with the reason as a warning."""
    label = total_label(raw_row)
    if label is not None:
        key = "import.total_row"
    elif is_repeated_header(raw_row, sheet.columns):
        key, label = "import.repeated_header", ""
    else:
        return None
    index = next((i for i, value in enumerate(raw_row) if value is not None and str(value).strip()), 0)
    column = sheet.columns[index] if index < len(sheet.columns) else ""
    return Problem(sheet.file_name, sheet.sheet_name, row_number, column, key, {"value": label}, "warning")


def _row_reader_for(reader: RowReader, role: str) -> Any:
    return {
        "contacts": reader.read_contact_row,
        "staff": reader.read_staff_row,
        "organisations": reader.read_organisation_row,
        "affiliations": reader.read_affiliation_row,
        "relations": reader.read_relation_row,
        "kumu_elements": reader.read_kumu_element_row,
        "kumu_connections": reader.read_relation_row,
    }.get(role)


def _row_label(row: RowValues) -> str:
    """What the row is about, as the page lists it: cut short, as a cell may hold megabytes.

    A person's name comes first, also from separate first and last names (Outlook, LinkedIn): the
    row is about the person, not the company they work for.
    """
    name = row.text("name") or normalize.join_name(
        row.text("first_name"), row.text("middle_name"), row.text("last_name")
    )
    if name:
        return shortened(name, LABEL_LENGTH)
    for field_name in ("organisation", "email", "from", "person", "ref"):
        text = row.text(field_name)
        if text:
            if field_name == "from":
                return f"{shortened(text, LABEL_LENGTH)} → {shortened(row.text('to') or '', LABEL_LENGTH)}"
            return shortened(text, LABEL_LENGTH)
    return ""


def _remember_mappings(session: Session, sheets: list[PreparedSheet]) -> None:
    """Remember each confirmed mapping for the next file with the same columns."""
    for sheet in sheets:
        signature = tabular.column_signature(sheet.columns)
        existing = session.scalar(select(SavedMapping).where(SavedMapping.signature == signature))
        payload = {"fields": list(sheet.mapping)}
        if existing is None:
            session.add(
                SavedMapping(signature=signature, columns=list(sheet.columns), role=sheet.role, mapping=payload)
            )
        else:
            existing.role = sheet.role
            existing.mapping = payload
            existing.times_used = (existing.times_used or 0) + 1


def valid_fields(role: str) -> tuple[str, ...]:
    """The fields a column of a sheet with ``role`` can be mapped to."""
    return FIELDS.get(role, ())


# --- undo ------------------------------------------------------------------------------------------

_UNDO_ORDER = ("relations", "affiliations", "people", "organisations")
_EVENT_ENTITIES = {"people": ("person", "people"), "organisations": ("organisation", "organisations")}


@requires("import")
def undo_import(db: Database, batch_id: int, actor: str | None = None) -> dict[str, int]:
    """Restore the workspace to exactly what it was before import batch ``batch_id``.

    Records the batch inserted (their ``batch_id``) are removed; records it updated get their values
    from before it back. Refused (``UndoNotPossible``) when a later import or a manual edit changed the
    same records, because undoing would then silently throw that later work away.

    A batch of goals, partnerships, assessments or survey answers (``lib.ingest.planning_tables``) is undone
    by :func:`lib.ingest.planning_tables.undo_table_import`, so one undo button serves every import.
    """
    with db.read() as session:
        found = session.get(ImportBatch, batch_id)
        kind = batch_kind(found) if found is not None else None
    if kind is not None:
        return undo_table_import(db, batch_id, actor)
    with db.write() as session:
        batch = committed_batch(session, batch_id)
        _refuse_when_overtaken(session, batch)
        restored = Counter()
        for change in session.scalars(
            select(ImportChange).where(ImportChange.batch_id == batch_id, ImportChange.action == "update")
        ):
            model = TABLES_BY_NAME[change.table_name]
            session.execute(update(model).where(model.id == change.record_id).values(**from_jsonable(change.before)))
            restored[f"{change.table_name}_restored"] += 1
        aliases = select(ImportChange.record_id).where(
            ImportChange.batch_id == batch_id, ImportChange.table_name == ALIAS_TABLE, ImportChange.action == "insert"
        )
        removed_aliases = session.execute(delete(OrganisationAlias).where(OrganisationAlias.id.in_(aliases)))
        if removed_aliases.rowcount:
            restored[f"{ALIAS_TABLE}_removed"] += removed_aliases.rowcount
        for table in _UNDO_ORDER:
            model = TABLES_BY_NAME[table]
            removed = session.execute(delete(model).where(model.batch_id == batch_id))
            restored[f"{table}_removed"] += removed.rowcount or 0
        session.execute(delete(DuplicateCandidate).where(DuplicateCandidate.batch_id == batch_id))
        batch.status = "undone"
        batch.undone_at = utcnow()
        log_event(
            session,
            "import_undone",
            entity="import_batch",
            entity_id=batch_id,
            actor=actor,
            files=batch.file_name,
            **restored,
        )
        return dict(restored)


def _touched_ids(batch_id: int, table: str) -> Any:
    """A subquery of the ids of ``table`` that batch ``batch_id`` inserted or updated."""
    model = TABLES_BY_NAME[table]
    inserted = select(model.id).where(model.batch_id == batch_id)
    updated = select(ImportChange.record_id).where(ImportChange.batch_id == batch_id, ImportChange.table_name == table)
    return inserted.union(updated)


def _refuse_when_overtaken(session: Session, batch: ImportBatch) -> None:
    later = session.execute(
        select(ImportBatch.id, ImportBatch.file_name)
        .join(ImportChange, ImportChange.batch_id == ImportBatch.id)
        .where(
            ImportBatch.id > batch.id,
            ImportBatch.status == "committed",
            or_(
                *[
                    and_(ImportChange.table_name == table, ImportChange.record_id.in_(_touched_ids(batch.id, table)))
                    for table in _UNDO_ORDER
                ]
            ),
        )
        .limit(1)
    ).first()
    if later is None:
        # A later import that gave an organisation of this batch another spelling (aliases have no
        # batch column: their ImportChange rows say which import added them).
        later = session.execute(
            select(ImportBatch.id, ImportBatch.file_name)
            .join(ImportChange, ImportChange.batch_id == ImportBatch.id)
            .join(OrganisationAlias, OrganisationAlias.id == ImportChange.record_id)
            .where(
                ImportBatch.id > batch.id,
                ImportBatch.status == "committed",
                ImportChange.table_name == ALIAS_TABLE,
                OrganisationAlias.organisation_id.in_(_touched_ids(batch.id, "organisations")),
            )
            .limit(1)
        ).first()
    if later is not None:
        raise UndoNotPossible("undo.later_import", batch=later.id, file=later.file_name)
    edited = session.scalar(
        select(Event)
        .where(
            Event.at > batch.created_at,
            or_(
                *[
                    and_(Event.entity.in_(entities), Event.entity_id.in_(_touched_ids(batch.id, table)))
                    for table, entities in _EVENT_ENTITIES.items()
                ]
            ),
        )
        .limit(1)
    )
    if edited is not None:
        from lib.workspace.clock import to_local, workspace_timezone

        raise UndoNotPossible("undo.edited_since", when=to_local(edited.at, workspace_timezone(session)))


@requires("import")
def list_batches(session: Session) -> list[ImportBatch]:
    """Every import batch, newest first."""
    return list(session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc())))


def batch_counts(batch: ImportBatch) -> dict[str, int]:
    total = (batch.counts or {}).get("total", {})
    return {name: int(total.get(name, 0)) for name in ("rows", *OUTCOMES)}


# --- reports ---------------------------------------------------------------------------------------


def for_session(result: ImportResult, limits: ImportLimits = DEFAULT_LIMITS) -> ImportResult:
    """What a page keeps of ``result`` between reruns: everything but the long lists.

    A preview of a big sheet has a row outcome for every row and possibly as many problems; kept in
    the session they would stay in the server's memory as long as the browser tab. The copy holds
    the first ``limits.preview_rows`` problems, row outcomes, records created by reference and field
    changes (``problem_total``, ``outcome_total``, ``referenced_total`` and ``change_total`` say how
    many there are) and every problem in a spool file for
    :func:`error_report_xlsx`. Call :meth:`ImportResult.discard` when the page lets go of it.
    """
    keep = limits.preview_rows
    lists = (result.problems, result.outcomes, result.referenced, result.changes, result.kept)
    if all(len(entries) <= keep for entries in lists):
        return result
    spooled = None
    if len(result.problems) > keep:
        spooled = Spool(
            ([p.file_name, p.sheet_name, p.row, p.column, p.key, plain(p.params), p.severity] for p in result.problems),
            limits,
        )
    return dataclasses.replace(
        result,
        problems=result.problems[:keep],
        outcomes=result.outcomes[:keep],
        problem_total=len(result.problems),
        outcome_total=len(result.outcomes),
        problem_spool=spooled,
        referenced=result.referenced[:keep],
        referenced_total=len(result.referenced),
        changes=result.changes[:keep],
        change_total=len(result.changes),
        kept=result.kept[:keep],
        kept_total=len(result.kept),
    )


def all_problems(result: ImportResult) -> list[Problem]:
    """Every problem of ``result``, also those :func:`for_session` left on disk.

    Raises FileRefused (``limits.upload_expired``) when that file is gone.
    """
    if result.problem_spool is None:
        return result.problems
    return [
        Problem(file_name, sheet_name, row, column, key, params, severity)
        for file_name, sheet_name, row, column, key, params, severity in result.problem_spool
    ]


def problem_rows(result: ImportResult, lang: str = "da", *, every: bool = False) -> list[dict[str, Any]]:
    """The row problems as plain rows (file, sheet, row, column, message, severity): those ``result``
    holds, or with ``every`` also those :func:`for_session` left on disk."""

    problems = all_problems(result) if every else result.problems
    return [
        {
            t("import.col.file", lang): p.file_name,
            t("import.col.sheet", lang): p.sheet_name,
            t("import.col.row", lang): p.row,
            t("import.col.column", lang): p.column,
            t("import.col.message", lang): p.message(lang),
            t("import.col.severity", lang): t(f"import.severity.{p.severity}", lang),
        }
        for p in problems
    ]


def referenced_rows(result: ImportResult, lang: str = "da") -> list[dict[str, Any]]:
    """What the import creates because a row named it, as plain rows (kind, name, file, sheet, row)."""

    return [
        {
            t("importrefs.col.kind", lang): t(f"importrefs.kind.{r.kind}", lang),
            t("importrefs.col.name", lang): r.name,
            t("import.col.file", lang): r.file_name,
            t("import.col.sheet", lang): r.sheet_name,
            t("import.col.row", lang): r.row,
        }
        for r in result.referenced
    ]


def change_rows(result: ImportResult, lang: str = "da", *, kept: bool = False) -> list[dict[str, Any]]:
    """Every field the import changes in a record that existed, as plain rows: kind of record, record,
    field, before and after, the values written as the pages write them. With ``kept``: the file's
    values that were not used (before: what stays; after: what the file says)."""

    entries = result.kept if kept else result.changes
    return [
        {
            t("importrefs.col.kind", lang): t(f"importrefs.table.{c.table}", lang),
            t("importrefs.col.record", lang): c.record,
            t("importrefs.col.field", lang): t(f"importrefs.field.{c.field}", lang),
            t("importrefs.col.old", lang): _shown_value(c.field, c.old, lang),
            t("importrefs.col.file" if kept else "importrefs.col.new", lang): _shown_value(c.field, c.new, lang),
        }
        for c in entries
    ]


#: Fields holding a code, and the prefix of its label in the translation table.
_CODE_LABELS = {"org_type": "orgtype", "sector": "sector", "kind": "relkind", "staff_role": "organisation.role"}


def _shown_value(field_name: str, value: Any, lang: str) -> str:

    if value is None or value == []:
        return ""
    if isinstance(value, bool):
        return t("common.yes" if value else "common.no", lang)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if field_name in _CODE_LABELS:
        return label(_CODE_LABELS[field_name], str(value), lang)
    return str(shortened(format_value(value, lang)))


def report_people(result: ImportResult) -> int:
    """How many rows of the files (each about one person, as a rule) the problem report quotes."""
    try:
        problems = all_problems(result)
    except UserFacingError:  # the full list on disk expired: the report holds the problems the page kept
        problems = result.problems
    return len({(p.file_name, p.sheet_name, p.row) for p in problems if p.row is not None})


def error_report_xlsx(result: ImportResult, lang: str = "da") -> bytes:
    """Every problem of an import (also those :func:`for_session` left on disk), and its counts per
    sheet, as an Excel workbook to download."""
    import pandas as pd

    problems = pd.DataFrame(problem_rows(result, lang, every=True))
    if problems.empty:
        problems = pd.DataFrame(
            columns=[t(f"import.col.{c}", lang) for c in ("file", "sheet", "row", "column", "message", "severity")]
        )
    summary = pd.DataFrame(
        [
            {
                t("import.col.file", lang): s["file"],
                t("import.col.sheet", lang): s["sheet"],
                **{t(f"import.count.{name}", lang): s[name] for name in ("rows", *OUTCOMES)},
            }
            for s in result.per_sheet
        ]
    )
    return xlsx_bytes({t("import.report.problems", lang): problems, t("import.report.summary", lang): summary})
