"""Importing the planning tables: goals and measurements, partnerships, assessments, survey answers.

The same safe path as the contact import (``lib.ingest.contact_lists``), made for tables whose columns are known
in advance:

1. the upload is checked and read by :func:`lib.ingest.safe_read.read_upload` (nothing else parses it) and
   each visible sheet's table is found by :func:`lib.ingest.tables.locate_table`;
2. each sheet is matched against the sheet kinds the importer knows (:class:`SheetSpec`): a column
   is recognised by the field's name, the template's header in Danish or English, or a common word
   for it (:class:`Column`); a sheet that lacks a required column is not read, and says why;
3. every row is read by the importer, which either plans a new record (``inserted``), refuses the
   row with the reason (``rejected``), or passes over it (``skipped``: a blank row, or a row that is
   already in the workspace, with a note saying so). Text longer than its column holds
   (``lib.db.text_limits``) rejects the row when it is what a record is recognised by (a title, an
   organisation's name) and is otherwise left out with a warning. For every sheet and overall::

       rows read = inserted + rejected + skipped

4. a preview (``commit=False``) reads the workspace and stores nothing; a commit does the same work
   in one write transaction and records it as one :class:`lib.db.ImportBatch` whose id every
   new record carries in ``batch_id``;
5. :func:`undo_table_import` deletes what the batch added, by that id.

Problems are :class:`lib.ingest.rows.Problem` (file, sheet, row, column, translation key), the same
as the contact import's, so the import page shows both the same way.
"""

from __future__ import annotations

import dataclasses
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.config import DEFAULT_LIMITS, ImportLimits
from lib.core.i18n import t
from lib.core.progress import Progress, RowCounter, report_step, throttled
from lib.db import (
    Database,
    ImportBatch,
    log_event,
)
from lib.db.text_limits import LONG_TEXT_LIMIT
from lib.ingest.batches import storage_errors_as_refusal
from lib.ingest.planning_cells import (
    DONT_KNOW_WORDS,
    KINDS,
    LIST_SEPARATORS,
    OrganisationIndex,
    StaffIndex,
    cell,
    cell_text,
    code_from_words,
    log_organisation_use,
    parse_score,
    parse_score_or_dont_know,
    split_list,
)
from lib.ingest.planning_undo import batch_kind, undo_table_import
from lib.ingest.rows import Problem, RowValues
from lib.ingest.safe_read import read_upload
from lib.ingest.tables import SheetTable, header_key, locate_table

__all__ = [
    "DONT_KNOW_WORDS",
    "KINDS",
    "LIST_SEPARATORS",
    "OUTCOMES",
    "Column",
    "OrganisationIndex",
    "SheetSpec",
    "StaffIndex",
    "TableImportResult",
    "TableImporter",
    "TableRow",
    "batch_kind",
    "cell",
    "cell_text",
    "code_from_words",
    "for_session",
    "guide_sheet_names",
    "log_organisation_use",
    "parse_score",
    "parse_score_or_dont_know",
    "run_table_import",
    "split_list",
    "undo_table_import",
]


OUTCOMES = ("inserted", "rejected", "skipped")


@dataclass(frozen=True)
class Column:
    """A column an importer reads.

    Attributes
    ----------
    field : str
        The name the importer reads the value under.
    label_key : str
        Translation key of the header the template writes.
    aliases : tuple of str
        Other headers people use for it (any case, spacing or punctuation).
    required : bool
        A sheet without this column is not read.
    prefixes : tuple of str
        Words that may come before the label, e.g. an item code: "sam1 – Vi har tillid …" matches an
        item whose code is "sam1" and whose text is "Vi har tillid …".
    """

    field: str
    label_key: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    prefixes: tuple[str, ...] = ()

    def header_keys(self) -> frozenset[str]:
        """Every folded header (:func:`lib.ingest.tables.header_key`) this column is recognised by."""

        words = [self.field, t(self.label_key, "da"), t(self.label_key, "en"), *self.aliases]
        keys = {header_key(word) for word in words}
        for prefix in self.prefixes:
            keys |= {header_key(prefix) + key for key in list(keys)}
        keys.discard("")
        return frozenset(keys)

    def label(self, lang: str = "da") -> str:

        return t(self.label_key, lang)


@dataclass(frozen=True)
class SheetSpec:
    """One kind of sheet an importer reads (e.g. "goals" and "measurements" of the goals import).

    ``any_of`` names fields of which at least one column must be present (the items of a survey);
    ``any_of_label_key`` says what they are when none is.
    """

    role: str
    columns: tuple[Column, ...]
    any_of: tuple[str, ...] = ()
    any_of_label_key: str = ""

    def match(self, columns: Sequence[str]) -> dict[int, str]:
        """``{column index: field}`` for the recognised columns; each field taken once, first wins."""
        wanted = [(column.field, column.header_keys()) for column in self.columns]
        found: dict[int, str] = {}
        taken: set[str] = set()
        for index, name in enumerate(columns):
            key = header_key(name)
            for field_name, keys in wanted:
                if field_name not in taken and key in keys:
                    found[index] = field_name
                    taken.add(field_name)
                    break
        return found

    def missing(self, matched: Mapping[int, str]) -> list[str]:
        """Translation keys of what ``matched`` lacks: required columns, and ``any_of`` when none is there."""
        present = set(matched.values())
        keys = [column.label_key for column in self.columns if column.required and column.field not in present]
        if self.any_of and not present & set(self.any_of):
            keys.append(self.any_of_label_key)
        return keys


@dataclass
class TableImportResult:
    """What a table import did (or, in a preview, would do).

    ``counts`` holds rows / inserted / rejected / skipped overall, ``per_sheet`` the same per sheet
    with its ``role`` and ``columns`` (column → field). ``created`` counts new records per table.
    """

    kind: str
    file_name: str
    committed: bool
    counts: dict[str, int]
    per_sheet: list[dict[str, Any]]
    problems: list[Problem]
    ignored_sheets: list[str]
    created: dict[str, int] = field(default_factory=dict)
    batch_id: int | None = None
    notices: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    #: Set by :func:`for_session` when ``problems`` holds only the first ones: how many there were.
    problem_total: int | None = None

    @property
    def balanced(self) -> bool:
        """The accounting identity: every row read is counted exactly once."""
        return sum(self.counts[name] for name in OUTCOMES) == self.counts["rows"]

    def problem_rows(self, lang: str = "da") -> list[dict[str, Any]]:
        """Every problem as a plain row (sheet, row, column, message, severity)."""

        return [
            {
                t("import.col.sheet", lang): p.sheet_name,
                t("import.col.row", lang): p.row or None,
                t("import.col.column", lang): p.column,
                t("import.col.message", lang): p.message(lang),
                t("import.col.severity", lang): t(f"import.severity.{p.severity}", lang),
            }
            for p in self.problems
        ]


@dataclass
class TableRow(RowValues):
    """A row's values by field; knows every recognised column, so a problem about an empty cell
    still names its column."""

    columns: dict[str, str] = field(default_factory=dict)

    def column(self, name: str) -> str:
        return super().column(name) or self.columns.get(name, "")

    def text(self, name: str) -> str | None:
        """As :meth:`RowValues.text`, but a text longer than any column takes
        (:data:`lib.db.text_limits.LONG_TEXT_LIMIT`) is left out with a warning: the planning tables'
        notes, descriptions and agreement texts have no limit of their own in the database."""
        value = super().text(name)
        if value is not None and len(value) > LONG_TEXT_LIMIT:
            self.warn(self.column(name), "limits.too_long_dropped", length=len(value), max=LONG_TEXT_LIMIT)
            return None
        return value


class TableImporter(ABC):
    """What one kind of table import does; subclasses fill in the four steps.

    ``load`` reads what rows are matched against (goals by title, staff by name …); ``read_row``
    checks one row and plans its records, returning ``"insert"``, ``"rejected"`` or ``"skipped"``;
    ``store`` adds the planned records with the batch id and returns how many per table;
    ``details`` adds facts to the result and the batch record (e.g. the evaluation round).
    """

    kind: str = ""
    sheets: tuple[SheetSpec, ...] = ()

    @abstractmethod
    def load(self, session: Session) -> None:
        """See the class docstring."""

    @abstractmethod
    def read_row(self, role: str, row: RowValues) -> str:
        """See the class docstring."""

    @abstractmethod
    def store(self, session: Session, batch_id: int) -> dict[str, int]:
        """See the class docstring."""

    def details(self) -> dict[str, Any]:
        return {}


@requires("import")
def run_table_import(
    db: Database,
    importer: TableImporter,
    file_name: str,
    data: bytes,
    *,
    commit: bool,
    actor: str | None = None,
    limits: ImportLimits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> TableImportResult:
    """Read ``data`` with ``importer``: a preview when ``commit`` is False, else one stored batch.

    Raises ``lib.core.errors.FileRefused`` for a file that is not read at all (unsafe, unreadable, wrong
    kind); every problem inside a readable file is a :class:`Problem` of the result instead. Hidden
    sheets and the templates' guide sheet are not read; they are listed in ``ignored_sheets`` with
    the sheets that have no table the importer knows.

    ``progress`` hears ``progress.step.read_file``, ``progress.step.check_rows`` (rows done) and, on a
    commit that stores rows, ``progress.step.store`` (``lib.core.progress``).
    """
    heard = None if progress is None else throttled(progress)
    report_step(heard, "progress.step.read_file")
    workbook = read_upload(file_name, data, limits)
    guides = guide_sheet_names()
    tables = [
        (sheet.name, locate_table(sheet))
        for sheet in workbook.sheets
        if not sheet.hidden and sheet.name.casefold() not in guides
    ]
    hidden = [sheet.name for sheet in workbook.sheets if sheet.hidden or sheet.name.casefold() in guides]
    chosen, ignored, problems = _assign_roles(importer, file_name, tables)
    if not commit:
        with db.read() as session:
            importer.load(session)
            result = _read_all(importer, file_name, chosen, problems, heard)
    else:
        with storage_errors_as_refusal(f"{importer.kind} import"), db.write() as session:
            importer.load(session)
            result = _read_all(importer, file_name, chosen, problems, heard)
            if result.counts["inserted"]:
                report_step(heard, "progress.step.store", 0, 1, "tables")
                _commit(session, importer, result, chosen, actor)
                report_step(heard, "progress.step.store", 1, 1, "tables")
            result.committed = True
    result.ignored_sheets = ignored + hidden
    result.notices = list(workbook.notices)
    result.details.update(importer.details())
    return result


def for_session(result: TableImportResult, limits: ImportLimits = DEFAULT_LIMITS) -> TableImportResult:
    """What a page keeps of ``result`` between reruns: all but the problems after the first
    ``limits.preview_rows`` (``problem_total`` says how many there were), so that a file of
    thousands of bad rows does not stay in the server's memory as long as the browser tab."""
    if len(result.problems) <= limits.preview_rows:
        return result
    return dataclasses.replace(
        result, problems=result.problems[: limits.preview_rows], problem_total=len(result.problems)
    )


def guide_sheet_names() -> set[str]:
    """The names (case-folded) of the templates' guide sheet, which an import never reads."""

    return {t("table_import.template_guide", lang).casefold() for lang in ("da", "en")}


_Chosen = list[tuple[str, SheetTable, SheetSpec, dict[int, str]]]


def _assign_roles(
    importer: TableImporter, file_name: str, tables: list[tuple[str, SheetTable]]
) -> tuple[_Chosen, list[str], list[Problem]]:
    """Which sheet is read as which kind; sheets of no kind are ignored, with a note when close."""

    chosen: _Chosen = []
    ignored: list[str] = []
    problems: list[Problem] = []
    for sheet_name, table in tables:
        best: tuple[int, SheetSpec, dict[int, str]] | None = None
        nearest: tuple[int, SheetSpec, dict[int, str]] | None = None
        for spec in importer.sheets:
            matched = spec.match(table.columns)
            candidate = (len(matched), spec, matched)
            if not spec.missing(matched):
                if best is None or candidate[0] > best[0]:
                    best = candidate
            elif matched and (nearest is None or candidate[0] > nearest[0]):
                nearest = candidate
        if best is not None:
            chosen.append((sheet_name, table, best[1], best[2]))
            continue
        ignored.append(sheet_name)
        if nearest is not None:
            missing = nearest[1].missing(nearest[2])
            problems.append(
                Problem(
                    file_name,
                    sheet_name,
                    0,
                    "",
                    "table_import.missing_columns",
                    {
                        "da": ", ".join(t(key, "da") for key in missing),
                        "en": ", ".join(t(key, "en") for key in missing),
                    },
                )
            )
    order = {spec.role: index for index, spec in enumerate(importer.sheets)}
    chosen.sort(key=lambda entry: order[entry[2].role])
    return chosen, ignored, problems


def _read_all(
    importer: TableImporter,
    file_name: str,
    chosen: _Chosen,
    problems: list[Problem],
    progress: Progress | None = None,
) -> TableImportResult:
    totals = {name: 0 for name in ("rows", *OUTCOMES)}
    per_sheet: list[dict[str, Any]] = []
    rows_done = RowCounter(progress, "progress.step.check_rows", sum(len(entry[1].rows) for entry in chosen))
    for sheet_name, table, spec, matched in chosen:
        counts = _read_sheet(importer, file_name, sheet_name, table, spec, matched, problems, rows_done)
        for name in totals:
            totals[name] += counts[name]
        per_sheet.append(
            {
                "sheet": sheet_name,
                "role": spec.role,
                **counts,
                "columns": {table.columns[index]: name for index, name in matched.items()},
            }
        )
    rows_done.finish()
    if not chosen and not problems:
        problems.append(Problem(file_name, "", 0, "", "table_import.no_table", {}))
    return TableImportResult(importer.kind, file_name, False, totals, per_sheet, problems, [])


def _read_sheet(
    importer: TableImporter,
    file_name: str,
    sheet_name: str,
    table: SheetTable,
    spec: SheetSpec,
    matched: dict[int, str],
    problems: list[Problem],
    rows_done: RowCounter,
) -> dict[str, int]:
    counts = {"rows": table.rows_read, "inserted": 0, "rejected": 0, "skipped": table.blank_rows}
    columns = {field_name: table.columns[index] for index, field_name in matched.items()}
    for raw_row, row_number in zip(table.rows, table.row_numbers, strict=True):
        rows_done.tick()
        cells: dict[str, list[tuple[str, Any]]] = {}
        for index, field_name in matched.items():
            value = raw_row[index] if index < len(raw_row) else None
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            cells.setdefault(field_name, []).append((table.columns[index], value))
        if not cells:
            counts["skipped"] += 1
            continue
        row = TableRow(file_name, sheet_name, row_number, cells, columns=columns)
        outcome = importer.read_row(spec.role, row)
        counts[{"insert": "inserted", "rejected": "rejected", "skipped": "skipped"}[outcome]] += 1
        problems.extend(row.problems)
    return counts


def _commit(
    session: Session, importer: TableImporter, result: TableImportResult, chosen: _Chosen, actor: str | None
) -> None:
    batch = ImportBatch(
        actor=actor,
        file_name=result.file_name[:500],
        sheet_name=", ".join(entry[0] for entry in chosen)[:500],
        counts={
            "total": result.counts,
            "sheets": [{key: value for key, value in sheet.items() if key != "columns"} for sheet in result.per_sheet],
        },
        mapping={"kind": importer.kind, "sheets": {sheet["sheet"]: sheet["columns"] for sheet in result.per_sheet}},
    )
    session.add(batch)
    session.flush()
    result.created = importer.store(session, batch.id)
    result.batch_id = batch.id
    details = importer.details()
    if details:
        batch.mapping = {**batch.mapping, **details}
    log_event(
        session,
        "table_import_committed",
        entity="import_batch",
        entity_id=batch.id,
        actor=actor,
        kind=importer.kind,
        files=batch.file_name,
        counts=result.counts,
        created=result.created,
    )
