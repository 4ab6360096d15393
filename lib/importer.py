"""Importing contact lists: prepare, preview, commit as one batch, undo.

The steps a user goes through on the import page, and ``python -m lib import`` on the command line:

1. :func:`prepare_file` checks and reads an upload (``lib.safe_read``), finds each sheet's table and
   role, and suggests a column mapping (a mapping the user confirmed before for the same columns wins).
2. :func:`run_import` with ``commit=False`` works the whole import out in memory and reports what would
   be created, updated, left unchanged, rejected and skipped, with every row problem: the preview.
3. :func:`run_import` with ``commit=True`` does the same inside one write transaction and stores it as
   one import batch. For every sheet: inserted + updated + unchanged + rejected + skipped = rows read.
4. :func:`undo_import` restores the state before a batch, exactly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.orm import Session

from lib import tabular
from lib.config import DEFAULT_LIMITS, ImportLimits
from lib.errors import FileRefused, UndoNotPossible
from lib.fields import FIELDS
from lib.import_rows import Problem, RowReader, RowValues
from lib.import_state import WorkingState, from_jsonable
from lib.personal_data import erased_email_check
from lib.safe_read import RawWorkbook, read_upload
from lib.storage import (
    TABLES_BY_NAME,
    Database,
    DuplicateCandidate,
    Event,
    ImportBatch,
    ImportChange,
    SavedMapping,
    log_event,
    utcnow,
)

OUTCOMES = ("inserted", "updated", "unchanged", "rejected", "skipped")
_OUTCOME_OF_ACTION = {"insert": "inserted", "update": "updated", "unchanged": "unchanged",
                      "rejected": "rejected", "skipped": "skipped"}

#: Sheets are read in this order, so that rows can refer to records that other sheets create.
ROLE_ORDER = ("organisations", "contacts", "kumu_elements", "affiliations", "relations", "kumu_connections")


@dataclass
class PreparedSheet:
    """One sheet of an upload, ready to import: its table, role and column mapping."""

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


@dataclass
class RowOutcome:
    file_name: str
    sheet_name: str
    row: int
    outcome: str  # one of OUTCOMES
    label: str


@dataclass
class ImportResult:
    """What an import did (or, in a preview, would do)."""

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

    @property
    def balanced(self) -> bool:
        """The accounting identity: every row read is counted exactly once."""
        return sum(self.counts[o] for o in OUTCOMES) == self.counts["rows"]

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        """The summary ``python -m lib import --json`` prints."""
        return {
            "rows": self.counts["rows"],
            **{name: self.counts[name] for name in OUTCOMES},
            "people": self.entities.get("people", 0),
            "organisations": self.entities.get("organisations", 0),
            "relations": self.entities.get("relations", 0),
            "problems": [
                {"file": p.file_name, "sheet": p.sheet_name, "row": p.row, "column": p.column,
                 "message": p.message(lang), "severity": p.severity, "code": p.key}
                for p in self.problems
            ],
            "mapping": self.mapping,
            "sheets": self.per_sheet,
            "committed": self.committed,
            "batch_id": self.batch_id,
            "review": self.review_pairs,
        }


# --- preparing uploads -----------------------------------------------------------------------------


def prepare_file(db: Database, file_name: str, data: bytes,
                 limits: ImportLimits = DEFAULT_LIMITS) -> PreparedFile:
    """Check and read one upload. A refused file comes back with ``error`` set, never raises."""
    try:
        workbook = read_upload(file_name, data, limits)
    except FileRefused as error:
        return PreparedFile(file_name, None, [], [], error=error)
    with db.read() as session:
        saved = {m.signature: m for m in session.scalars(select(SavedMapping))}
    return _prepared_from_workbook(workbook, saved)


def _prepared_from_workbook(workbook: RawWorkbook, saved: dict[str, SavedMapping]) -> PreparedFile:
    sheets = []
    for raw_sheet in workbook.sheets:
        table = tabular.locate_table(raw_sheet)
        signature = tabular.column_signature(table.columns)
        remembered = saved.get(signature)
        if remembered is not None and len(remembered.mapping.get("fields", [])) == len(table.columns):
            role, mapping, source = remembered.role, list(remembered.mapping["fields"]), "saved"
        else:
            role = tabular.detect_role(table.columns, sheet_name=raw_sheet.name)
            mapping, source = tabular.suggest_mapping(table.columns, role), "detected"
        sheets.append(PreparedSheet(
            file_name=workbook.file_name,
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
        ))
    return PreparedFile(workbook.file_name, workbook.kind, sheets, list(workbook.notices), workbook.has_macros)


# --- running an import -----------------------------------------------------------------------------


def run_import(db: Database, sheets: Iterable[PreparedSheet], *, commit: bool,
               actor: str | None = None) -> ImportResult:
    """Import the included ``sheets``: a preview when ``commit`` is False, else one stored batch.

    A preview and a commit run the same code over the same workspace, so the preview's counts are
    what the commit does (unless someone else changes the workspace in between).
    """
    chosen = sorted((s for s in sheets if s.include), key=lambda s: ROLE_ORDER.index(s.role)
                    if s.role in ROLE_ORDER else len(ROLE_ORDER))
    if not commit:
        with db.read() as session:
            state = WorkingState.load(session)
            return _read_sheets(state, chosen, committed=False, erased=erased_email_check(session))
    with db.write() as session:
        state = WorkingState.load(session)
        result = _read_sheets(state, chosen, committed=True, erased=erased_email_check(session))
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
            log_event(session, "import_committed", entity="import_batch", entity_id=batch.id, actor=actor,
                      files=batch.file_name, counts=result.counts)
        _remember_mappings(session, chosen)
    return result


def _has_changes(state: WorkingState) -> bool:
    tables = (state.people, state.organisations, state.affiliations, state.relations)
    return bool(state.review_pairs) or any(r.changed for records in tables for r in records.values())


def _read_sheets(state: WorkingState, sheets: list[PreparedSheet], *, committed: bool,
                 erased: Callable[[str], bool] | None = None) -> ImportResult:
    # ``erased``: a row of a person erased on request is skipped (lib.personal_data).
    reader = RowReader(state, erased=erased)
    totals = Counter({name: 0 for name in ("rows", *OUTCOMES)})
    per_sheet: list[dict[str, Any]] = []
    problems: list[Problem] = []
    outcomes: list[RowOutcome] = []
    for sheet in sheets:
        counts = _read_sheet(reader, sheet, problems, outcomes)
        totals.update(counts)
        per_sheet.append({"file": sheet.file_name, "sheet": sheet.sheet_name, "role": sheet.role, **counts})
    entities = {table: len(ids) for table, ids in reader.touched.items()}
    mapping = {s.label: {column: target for column, target in zip(s.columns, s.mapping, strict=False)
                         if target} for s in sheets}
    return ImportResult(committed, dict(totals), per_sheet, entities, problems, outcomes,
                        len(state.review_pairs), mapping)


def _read_sheet(reader: RowReader, sheet: PreparedSheet, problems: list[Problem],
                outcomes: list[RowOutcome]) -> dict[str, int]:
    counts = {name: 0 for name in ("rows", *OUTCOMES)}
    counts["rows"] = len(sheet.table.rows) + sheet.table.blank_rows
    counts["skipped"] = sheet.table.blank_rows
    read_row = _row_reader_for(reader, sheet.role)
    mapped = [(index, column, target) for index, (column, target)
              in enumerate(zip(sheet.columns, sheet.mapping, strict=False)) if target]
    for raw_row, row_number in zip(sheet.table.rows, sheet.table.row_numbers, strict=True):
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


def _row_reader_for(reader: RowReader, role: str) -> Any:
    return {
        "contacts": reader.read_contact_row,
        "organisations": reader.read_organisation_row,
        "affiliations": reader.read_affiliation_row,
        "relations": reader.read_relation_row,
        "kumu_elements": reader.read_kumu_element_row,
        "kumu_connections": reader.read_relation_row,
    }.get(role)


def _row_label(row: RowValues) -> str:
    for name in ("name", "organisation", "email", "from", "person", "ref"):
        text = row.text(name)
        if text:
            if name == "from":
                return f"{text} → {row.text('to') or ''}"
            return text
    first_last = " ".join(p for p in (row.text("first_name"), row.text("last_name")) if p)
    return first_last


def _remember_mappings(session: Session, sheets: list[PreparedSheet]) -> None:
    """Remember each confirmed mapping for the next file with the same columns."""
    for sheet in sheets:
        signature = tabular.column_signature(sheet.columns)
        existing = session.scalar(select(SavedMapping).where(SavedMapping.signature == signature))
        payload = {"fields": list(sheet.mapping)}
        if existing is None:
            session.add(SavedMapping(signature=signature, columns=list(sheet.columns), role=sheet.role,
                                     mapping=payload))
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


def undo_import(db: Database, batch_id: int, actor: str | None = None) -> dict[str, int]:
    """Restore the workspace to exactly what it was before import batch ``batch_id``.

    Records the batch inserted (their ``batch_id``) are removed; records it updated get their values
    from before it back. Refused (``UndoNotPossible``) when a later import or a manual edit changed the
    same records, because undoing would then silently throw that later work away.

    A batch of goals, partnerships, assessments or survey answers (``lib.table_import``) is undone
    by :func:`lib.table_import.undo_table_import`, so one undo button serves every import.
    """
    from lib.table_import import batch_kind, undo_table_import

    with db.read() as session:
        found = session.get(ImportBatch, batch_id)
        kind = batch_kind(found) if found is not None else None
    if kind is not None:
        return undo_table_import(db, batch_id, actor)
    with db.write() as session:
        batch = committed_batch(session, batch_id)
        _refuse_when_overtaken(session, batch)
        restored = Counter()
        for change in session.scalars(select(ImportChange).where(ImportChange.batch_id == batch_id,
                                                                 ImportChange.action == "update")):
            model = TABLES_BY_NAME[change.table_name]
            session.execute(update(model).where(model.id == change.record_id).values(**from_jsonable(change.before)))
            restored[f"{change.table_name}_restored"] += 1
        for table in _UNDO_ORDER:
            model = TABLES_BY_NAME[table]
            removed = session.execute(delete(model).where(model.batch_id == batch_id))
            restored[f"{table}_removed"] += removed.rowcount or 0
        session.execute(delete(DuplicateCandidate).where(DuplicateCandidate.batch_id == batch_id))
        batch.status = "undone"
        batch.undone_at = utcnow()
        log_event(session, "import_undone", entity="import_batch", entity_id=batch_id, actor=actor,
                  files=batch.file_name, **restored)
        return dict(restored)


def committed_batch(session: Session, batch_id: int) -> ImportBatch:
    """Import batch ``batch_id``, which must exist and not be undone already (else UndoNotPossible)."""
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise UndoNotPossible("undo.no_such_batch", batch=batch_id)
    if batch.status != "committed":
        raise UndoNotPossible("undo.already_undone", batch=batch_id)
    return batch


def _touched_ids(batch_id: int, table: str) -> Any:
    """A subquery of the ids of ``table`` that batch ``batch_id`` inserted or updated."""
    model = TABLES_BY_NAME[table]
    inserted = select(model.id).where(model.batch_id == batch_id)
    updated = select(ImportChange.record_id).where(ImportChange.batch_id == batch_id,
                                                   ImportChange.table_name == table)
    return inserted.union(updated)


def _refuse_when_overtaken(session: Session, batch: ImportBatch) -> None:
    later = session.execute(
        select(ImportBatch.id, ImportBatch.file_name)
        .join(ImportChange, ImportChange.batch_id == ImportBatch.id)
        .where(ImportBatch.id > batch.id, ImportBatch.status == "committed",
               or_(*[and_(ImportChange.table_name == table, ImportChange.record_id.in_(_touched_ids(batch.id, table)))
                     for table in _UNDO_ORDER]))
        .limit(1)
    ).first()
    if later is not None:
        raise UndoNotPossible("undo.later_import", batch=later.id, file=later.file_name)
    edited = session.scalar(
        select(Event).where(
            Event.at > batch.created_at,
            or_(*[and_(Event.entity.in_(entities), Event.entity_id.in_(_touched_ids(batch.id, table)))
                  for table, entities in _EVENT_ENTITIES.items()]),
        ).limit(1)
    )
    if edited is not None:
        from lib.clock import to_local, workspace_timezone

        raise UndoNotPossible("undo.edited_since", when=to_local(edited.at, workspace_timezone(session)))


def list_batches(session: Session) -> list[ImportBatch]:
    """Every import batch, newest first."""
    return list(session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc())))


def batch_counts(batch: ImportBatch) -> dict[str, int]:
    total = (batch.counts or {}).get("total", {})
    return {name: int(total.get(name, 0)) for name in ("rows", *OUTCOMES)}


# --- reports ---------------------------------------------------------------------------------------


def problem_rows(result: ImportResult, lang: str = "da") -> list[dict[str, Any]]:
    """Every row problem as a plain row (file, sheet, row, column, message, severity)."""
    from lib.i18n import t

    return [
        {
            t("import.col.file", lang): p.file_name,
            t("import.col.sheet", lang): p.sheet_name,
            t("import.col.row", lang): p.row,
            t("import.col.column", lang): p.column,
            t("import.col.message", lang): p.message(lang),
            t("import.col.severity", lang): t(f"import.severity.{p.severity}", lang),
        }
        for p in result.problems
    ]


def error_report_xlsx(result: ImportResult, lang: str = "da") -> bytes:
    """The problems of an import, and its counts per sheet, as an Excel workbook to download."""
    import pandas as pd

    from lib.export import xlsx_bytes
    from lib.i18n import t

    problems = pd.DataFrame(problem_rows(result, lang))
    if problems.empty:
        problems = pd.DataFrame(columns=[t(f"import.col.{c}", lang) for c in
                                         ("file", "sheet", "row", "column", "message", "severity")])
    summary = pd.DataFrame([
        {
            t("import.col.file", lang): s["file"],
            t("import.col.sheet", lang): s["sheet"],
            **{t(f"import.count.{name}", lang): s[name] for name in ("rows", *OUTCOMES)},
        }
        for s in result.per_sheet
    ])
    return xlsx_bytes({t("import.report.problems", lang): problems, t("import.report.summary", lang): summary})

