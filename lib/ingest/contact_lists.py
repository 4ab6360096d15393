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

import logging
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.contacts.word_choices import Choices, WordChoices, checked_choices, remember_choices, remembered_words
from lib.core import normalize
from lib.core.access import requires
from lib.core.config import DEFAULT_LIMITS, ImportLimits
from lib.core.errors import FileRefused
from lib.core.gc_pause import gc_paused
from lib.core.progress import Progress, RowCounter, report_step, throttled
from lib.db import (
    Database,
    ImportBatch,
    SavedMapping,
    log_event,
)
from lib.ingest import tables as tabular
from lib.ingest.batches import storage_errors_as_refusal
from lib.ingest.contact_list_reports import (
    all_problems,
    change_rows,
    error_report_xlsx,
    for_session,
    problem_rows,
    referenced_rows,
    report_people,
)
from lib.ingest.contact_list_results import (
    _OUTCOME_OF_ACTION,
    CREATED_KINDS,
    LABEL_LENGTH,
    OUTCOMES,
    REFERENCED_KINDS,
    ROLE_ORDER,
    SAMPLE_ROWS,
    FieldChange,
    ImportResult,
    PreparedFile,
    PreparedSheet,
    RowOutcome,
)
from lib.ingest.contact_list_undo import batch_counts, list_batches, undo_import
from lib.ingest.fields import FIELDS
from lib.ingest.plain_rows import PlainContactRows, PlainValues, plain_sheet_columns
from lib.ingest.references import is_repeated_header, total_label
from lib.ingest.rows import FILL_EMPTY, UPDATE_MODES, Problem, RowReader, RowValues, shortened
from lib.ingest.safe_read import RawSheet, RawWorkbook, read_upload
from lib.ingest.staff_columns import staff_like_columns, unkept_tie_dates
from lib.ingest.state import Record, WorkingState
from lib.ingest.upload_spool import Spool
from lib.privacy.markers import erased_email_check

__all__ = [
    "CREATED_KINDS",
    "LABEL_LENGTH",
    "OUTCOMES",
    "REFERENCED_KINDS",
    "ROLE_ORDER",
    "SAMPLE_ROWS",
    "FieldChange",
    "ImportResult",
    "PreparedFile",
    "PreparedSheet",
    "RowOutcome",
    "all_problems",
    "batch_counts",
    "change_rows",
    "error_report_xlsx",
    "field_changes",
    "for_session",
    "kept_values",
    "list_batches",
    "prepare_file",
    "problem_rows",
    "referenced_rows",
    "report_people",
    "run_import",
    "undo_import",
    "valid_fields",
]

log = logging.getLogger(__name__)

#: Plain contact sheets are read with their work done once per distinct value of each column
#: (``lib.ingest.plain_rows``); False reads every row through the reference path (the tests compare).
COLUMNWISE = True


@requires("import")
def prepare_file(
    db: Database,
    file_name: str,
    data: bytes,
    limits: ImportLimits = DEFAULT_LIMITS,
    *,
    spool: bool = False,
    progress: Progress | None = None,
    reading: Callable[[], RawWorkbook] | None = None,
) -> PreparedFile:
    """Check and read one upload. A refused file comes back with ``error`` set, never raises.

    ``reading`` is a read of ``data`` already under way (:func:`lib.ingest.safe_read.read_in_background`),
    waited for here instead of reading again.

    With ``spool`` each sheet's data rows are moved to a private file as soon as its table is found
    (see :class:`PreparedSheet`); call :meth:`PreparedFile.discard` when the file is done with.
    ``progress`` hears the steps ``progress.step.read_file`` and ``progress.step.find_tables`` (sheets
    done) (``lib.core.progress``).
    """
    try:
        with gc_paused():  # the parse child's rows arrive as hundreds of thousands of lists
            report_step(progress, "progress.step.read_file")
            workbook = reading() if reading is not None else read_upload(file_name, data, limits)
            with db.read() as session:
                saved = {m.signature: m for m in session.scalars(select(SavedMapping))}
            return _prepared_from_workbook(workbook, saved, limits if spool else None, progress)
    except FileRefused as error:
        return PreparedFile(file_name, None, [], [], error=error)


def _prepared_from_workbook(
    workbook: RawWorkbook,
    saved: dict[str, SavedMapping],
    spool_limits: ImportLimits | None = None,
    progress: Progress | None = None,
) -> PreparedFile:
    sheets: list[PreparedSheet] = []
    count = len(workbook.sheets)
    try:
        for done, raw_sheet in enumerate(workbook.sheets):
            report_step(progress, "progress.step.find_tables", done, count, "sheets")
            sheets.append(_prepared_sheet(workbook.file_name, raw_sheet, saved, spool_limits))
        report_step(progress, "progress.step.find_tables", count, count, "sheets")
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


@requires("import")
def run_import(
    db: Database,
    sheets: Iterable[PreparedSheet],
    *,
    commit: bool,
    actor: str | None = None,
    words: Choices | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import the included ``sheets``: a preview when ``commit`` is False, else one stored batch.

    A preview and a commit run the same code over the same workspace, so the preview's counts are
    what the commit does (unless someone else changes the workspace in between).

    ``words``: the codes a person chose for words of the files no built-in word fits,
    ``{"org_type": {"bydelsnetværk": "citizen_group"}, …}`` (None: keep the word as written); they win
    over remembered choices and built-in words, and the commit remembers them (``lib.contacts.word_choices``).

    ``progress`` hears ``progress.step.load_workspace``, then ``progress.step.check_rows`` (rows done of
    every included sheet's rows) and, on a commit, ``progress.step.store`` (tables done), in that order
    (``lib.core.progress``; throttled here, so a listener may be slow).
    """
    chosen = sorted(
        (s for s in sheets if s.include),
        key=lambda s: ROLE_ORDER.index(s.role) if s.role in ROLE_ORDER else len(ROLE_ORDER),
    )
    words = checked_choices(words or {})
    heard = None if progress is None else throttled(progress)
    with gc_paused():  # a large list builds a record, a dict and an outcome per row, all alive to the end
        return _run_import(db, chosen, commit=commit, actor=actor, words=words, progress=heard)


def _run_import(
    db: Database,
    chosen: list[PreparedSheet],
    *,
    commit: bool,
    actor: str | None,
    words: Choices,
    progress: Progress | None = None,
) -> ImportResult:
    if not commit:
        with db.read() as session:
            report_step(progress, "progress.step.load_workspace")
            state = WorkingState.load(session)
            return _read_sheets(
                state,
                chosen,
                committed=False,
                erased=erased_email_check(session),
                words=WordChoices(words, remembered_words(session)),
                progress=progress,
            )
    with storage_errors_as_refusal("import"), db.write() as session, _roomy_page_cache(session):
        report_step(progress, "progress.step.load_workspace")
        state = WorkingState.load(session)
        result = _read_sheets(
            state,
            chosen,
            committed=True,
            erased=erased_email_check(session),
            words=WordChoices(words, remembered_words(session)),
            progress=progress,
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
            result.table_changes = state.apply(session, batch.id, progress=progress)
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


#: The page cache (KiB) an import's write transaction may use on SQLite, instead of its usual 2 MB:
#: storing 100,000 people and their affiliations otherwise spills index pages to the log over and over.
IMPORT_PAGE_CACHE_KIB = 131_072


@contextmanager
def _roomy_page_cache(session: Session) -> Iterator[None]:
    """A larger SQLite page cache for the ``with`` block, the usual one again afterwards (also after an
    error). Pages are only taken as they are used, so a small import costs nothing more."""
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    previous = int(raw.execute("PRAGMA cache_size").fetchone()[0])
    raw.execute(f"PRAGMA cache_size=-{IMPORT_PAGE_CACHE_KIB}")
    try:
        yield
    finally:
        with suppress(sqlite3.Error):  # the connection is going away: nothing to restore
            raw.execute(f"PRAGMA cache_size={previous}")


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
    progress: Progress | None = None,
) -> ImportResult:
    # ``erased``: a row of a person erased on request is skipped (lib.privacy.personal_data).
    words = words if words is not None else WordChoices()
    reader = RowReader(state, erased=erased, words=words)
    rows_done = RowCounter(progress, "progress.step.check_rows", sum(sheet.row_count for sheet in sheets))
    totals = Counter({name: 0 for name in ("rows", *OUTCOMES)})
    per_sheet: list[dict[str, Any]] = []
    problems: list[Problem] = []
    outcomes: list[RowOutcome] = []
    for sheet in sheets:
        reader.create_referenced = sheet.create_referenced
        reader.update_mode = sheet.update_mode if sheet.update_mode in UPDATE_MODES else FILL_EMPTY
        reader.sheet_fields = frozenset(target for target in sheet.mapping if target)
        counts = _read_sheet(reader, sheet, problems, outcomes, rows_done)
        problems.extend(reader.finish_sheet())
        totals.update(counts)
        per_sheet.append({"file": sheet.file_name, "sheet": sheet.sheet_name, "role": sheet.role, **counts})
    rows_done.finish()
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
        staff_like_columns=staff_like_columns(state, sheets),
        unkept_tie_dates=unkept_tie_dates(sheets),
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
    reader: RowReader,
    sheet: PreparedSheet,
    problems: list[Problem],
    outcomes: list[RowOutcome],
    rows_done: RowCounter | None = None,
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
    tick = rows_done.tick if rows_done is not None else None
    positions = plain_sheet_columns(mapped) if COLUMNWISE and sheet.role == "contacts" else None
    plain = (
        PlainContactRows(reader, positions, sheet.columns, sheet.file_name, LABEL_LENGTH)
        if positions is not None
        else None
    )
    rows: Iterable[tuple[list[Any], int, PlainValues | None]] = (
        plain.with_values(sheet.data_rows())
        if plain is not None
        else ((raw_row, row_number, None) for raw_row, row_number in sheet.data_rows())
    )
    for raw_row, row_number, plain_values in rows:
        if tick is not None:
            tick()
        if plain is not None and (done := plain.record(plain_values)) is not None:
            # A plain row of a plain contact sheet (lib.ingest.plain_rows): the same outcome, no problems.
            outcome = _OUTCOME_OF_ACTION[done[0]]
            counts[outcome] += 1
            outcomes.append(RowOutcome(sheet.file_name, sheet.sheet_name, row_number, outcome, done[1]))
            continue
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
