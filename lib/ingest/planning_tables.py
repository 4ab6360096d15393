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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from lib.core import normalize
from lib.core.access import requires
from lib.core.config import DEFAULT_LIMITS, ImportLimits
from lib.core.errors import UndoNotPossible, ValidationFailed
from lib.core.formulas import is_guarded
from lib.core.i18n import t
from lib.db import (
    Affiliation,
    Assessment,
    ContactLogEntry,
    Database,
    EvaluationResponse,
    EvaluationRound,
    Event,
    Goal,
    GoalMeasurement,
    ImportBatch,
    Organisation,
    Partnership,
    PartnershipGoal,
    PartnershipOrganisation,
    Person,
    Relation,
    log_event,
    utcnow,
)
from lib.db.text_limits import LONG_TEXT_LIMIT
from lib.ingest.batches import committed_batch, storage_errors_as_refusal
from lib.ingest.rows import Problem, RowValues
from lib.ingest.safe_read import read_upload
from lib.ingest.tables import SheetTable, header_key, locate_table

#: The kinds of table import; stored as ``ImportBatch.mapping["kind"]``.
KINDS = ("goals", "partnerships", "assessments", "evaluations")
OUTCOMES = ("inserted", "rejected", "skipped")
#: Several goals or organisations in one cell are separated by these.
LIST_SEPARATORS = (";", "\n")


# --- columns ---------------------------------------------------------------------------------------


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


# --- results ---------------------------------------------------------------------------------------


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


# --- the importer interface ------------------------------------------------------------------------


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


# --- running an import -----------------------------------------------------------------------------


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
) -> TableImportResult:
    """Read ``data`` with ``importer``: a preview when ``commit`` is False, else one stored batch.

    Raises ``lib.core.errors.FileRefused`` for a file that is not read at all (unsafe, unreadable, wrong
    kind); every problem inside a readable file is a :class:`Problem` of the result instead. Hidden
    sheets and the templates' guide sheet are not read; they are listed in ``ignored_sheets`` with
    the sheets that have no table the importer knows.
    """
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
            result = _read_all(importer, file_name, chosen, problems)
    else:
        with storage_errors_as_refusal(f"{importer.kind} import"), db.write() as session:
            importer.load(session)
            result = _read_all(importer, file_name, chosen, problems)
            if result.counts["inserted"]:
                _commit(session, importer, result, chosen, actor)
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


def _read_all(importer: TableImporter, file_name: str, chosen: _Chosen, problems: list[Problem]) -> TableImportResult:
    totals = {name: 0 for name in ("rows", *OUTCOMES)}
    per_sheet: list[dict[str, Any]] = []
    for sheet_name, table, spec, matched in chosen:
        counts = _read_sheet(importer, file_name, sheet_name, table, spec, matched, problems)
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
) -> dict[str, int]:
    counts = {"rows": table.rows_read, "inserted": 0, "rejected": 0, "skipped": table.blank_rows}
    columns = {field_name: table.columns[index] for index, field_name in matched.items()}
    for raw_row, row_number in zip(table.rows, table.row_numbers, strict=True):
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


# --- reading cells ---------------------------------------------------------------------------------


def batch_kind(batch: ImportBatch) -> str | None:
    """The table-import kind of ``batch``, or None for a contact import."""
    kind = (batch.mapping or {}).get("kind")
    return kind if kind in KINDS else None


def cell(row: RowValues, name: str) -> Any:
    """The first non-empty cell of field ``name`` as it was in the sheet (None when empty)."""
    entries = row.raw(name)
    return entries[0][1] if entries else None


def cell_text(row: RowValues, name: str) -> str | None:
    """Free text of field ``name`` with its line breaks, without the apostrophe ``lib.core.spreadsheets`` puts
    before text that would otherwise be read as a formula."""
    value = cell(row, name)
    if value is None:
        return None
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    if is_guarded(text):
        text = text[1:]
    if len(text) > LONG_TEXT_LIMIT:  # no column takes it (lib.db.text_limits): left out, the row imported
        row.warn(row.column(name), "limits.too_long_dropped", length=len(text), max=LONG_TEXT_LIMIT)
        return None
    return text or None


def split_list(value: object) -> list[str]:
    """The names in a cell listing several ("Byskolen; Museet", or one per line), cleaned, each once,
    in order."""
    if value is None:
        return []
    parts = [str(value).replace("\r\n", "\n").replace("\r", "\n")]
    for separator in LIST_SEPARATORS:
        parts = [piece for part in parts for piece in part.split(separator)]
    names: list[str] = []
    for part in parts:
        cleaned = normalize.clean_text(part)
        if cleaned and cleaned not in names:
            names.append(cleaned)
    return names


def code_from_words(words: Mapping[str, Iterable[str]], label_prefix: str) -> Callable[[Any], str | None]:
    """A parser turning typed words into a vocabulary code.

    A cell matches a code when its folded text (:func:`lib.ingest.tables.header_key`) equals the code, one
    of ``words[code]``, or the code's label (``label_prefix`` + code) in Danish or English. Anything
    else raises ``ValidationFailed("table_import.unknown_value")``.
    """

    table: dict[str, str] = {}
    for code, others in words.items():
        for word in (code, t(f"{label_prefix}.{code}", "da"), t(f"{label_prefix}.{code}", "en"), *others):
            key = header_key(word)
            if key:
                table.setdefault(key, code)

    def parse(value: Any) -> str | None:
        text = normalize.clean_text(value)
        if text is None:
            return None
        code = table.get(header_key(text))
        if code is None:
            raise ValidationFailed("table_import.unknown_value", value=text)
        return code

    return parse


def parse_score(value: Any, low: int = 1, high: int = 5, *, dont_know: Iterable[str] = ()) -> int | None:
    """A whole number from ``low`` to ``high``; None for an empty cell or a "don't know" word.

    Raises ``ValidationFailed("table_import.score_invalid")`` for anything else (3.5, 7, "god").
    """
    text = normalize.clean_text(value)
    if text is None:
        return None
    if header_key(text) in {header_key(word) for word in dont_know}:
        return None
    try:
        number = normalize.parse_number(value)
    except ValidationFailed:
        number = None
    if number is None or not float(number).is_integer() or not low <= number <= high:
        raise ValidationFailed("table_import.score_invalid", value=text, low=low, high=high)
    return int(number)


#: Words people write for "don't know" in a score column.
DONT_KNOW_WORDS = (
    "ved ikke",
    "vedikke",
    "ved ik",
    "?",
    "-",
    "don't know",
    "dont know",
    "unknown",
    "n/a",
    "na",
    "uvist",
    "ikke relevant",
)


def parse_score_or_dont_know(value: Any) -> int | None:
    """:func:`parse_score` for 1-5 with the usual "don't know" words accepted as None."""
    return parse_score(value, dont_know=DONT_KNOW_WORDS)


# --- looking people and organisations up -----------------------------------------------------------


@dataclass
class StaffIndex:
    """Staff members by folded name and by e-mail: how a row names the responsible colleague."""

    by_key: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> StaffIndex:
        index = cls()
        for person_id, name, email in session.execute(
            select(Person.id, Person.name, Person.email).where(Person.is_staff.is_(True)).order_by(Person.id)
        ):
            index.by_key.setdefault(normalize.name_key(name), person_id)
            if email:
                index.by_key.setdefault(email.lower(), person_id)
        return index

    def find(self, text: str | None) -> int | None:
        if not text:
            return None
        return self.by_key.get(text.strip().lower()) or self.by_key.get(normalize.name_key(text))


@dataclass
class OrganisationIndex:
    """Organisations by folded name; names a row brings that are not known yet are created."""

    by_key: dict[str, int] = field(default_factory=dict)
    #: New organisations to create: folded name → name as written first.
    new: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> OrganisationIndex:
        index = cls()
        for org_id, key in session.execute(select(Organisation.id, Organisation.name_key).order_by(Organisation.id)):
            index.by_key.setdefault(key, org_id)
        return index

    def ref(self, name: str) -> tuple[str, bool]:
        """A reference to the organisation ``name`` (its folded name) and whether it is new."""
        key = normalize.name_key(name)
        if key in self.by_key:
            return key, False
        is_new = key not in self.new
        self.new.setdefault(key, name)
        return key, is_new

    def store_new(self, session: Session, batch_id: int) -> int:
        """Create the new organisations with ``batch_id``; afterwards :meth:`id_of` knows them all."""
        records = [Organisation(name=name, name_key=key, batch_id=batch_id) for key, name in self.new.items()]
        session.add_all(records)
        session.flush()
        for record in records:
            self.by_key[record.name_key] = record.id
        return len(records)

    def id_of(self, key: str) -> int:
        return self.by_key[key]


@requires("edit")
def log_organisation_use(
    session: Session, organisation_ids: Iterable[int], action: str, actor: str | None, **details: Any
) -> None:
    """Note in the event log that organisations were tied to a partnership or an assessment.

    A contact import that created one of them can then no longer be undone silently: its undo
    refuses when an event names a record it created (see ``lib.ingest.contact_lists.undo_import``).
    """
    for organisation_id in sorted(set(organisation_ids)):
        log_event(session, action, entity="organisation", entity_id=organisation_id, actor=actor, **details)


# --- undo ------------------------------------------------------------------------------------------

#: Entities whose later edits make a table import's undo refuse (they would be thrown away).
_EDIT_ENTITIES = {
    "goal": Goal,
    "partnership": Partnership,
    "assessment": Assessment,
    "evaluation_round": EvaluationRound,
}


@requires("import")
def undo_table_import(db: Database, batch_id: int, actor: str | None = None) -> dict[str, int]:
    """Delete what table-import batch ``batch_id`` added, by its ``batch_id``.

    Refused (``UndoNotPossible``) when the batch is unknown or already undone, when it is a contact
    import (``lib.ingest.contact_lists.undo_import`` undoes those), or when a record it created was edited or
    used since (a measurement added to its goal, a contact logged on its partnership …): undoing
    would then silently throw that later work away.

    An evaluation round the batch created is deleted with its responses unless other responses were
    added to it since; organisations the batch created are deleted only when nothing else (people,
    relations, other partnerships or assessments) refers to them.
    """

    with db.write() as session:
        batch = committed_batch(session, batch_id)
        if batch_kind(batch) is None:
            raise UndoNotPossible("table_import.not_a_table_import", batch=batch_id)
        _refuse_when_used(session, batch)
        removed = _delete_batch_records(session, batch_id)
        batch.status = "undone"
        batch.undone_at = utcnow()
        log_event(
            session,
            "table_import_undone",
            entity="import_batch",
            entity_id=batch_id,
            actor=actor,
            kind=batch_kind(batch),
            files=batch.file_name,
            **removed,
        )
        return removed


def _ids(session: Session, model: Any, batch_id: int) -> list[int]:
    return list(session.scalars(select(model.id).where(model.batch_id == batch_id)))


def _refuse_when_used(session: Session, batch: ImportBatch) -> None:
    goals = _ids(session, Goal, batch.id)
    partnerships = _ids(session, Partnership, batch.id)
    rounds = _ids(session, EvaluationRound, batch.id)
    later_work = [
        select(GoalMeasurement.id).where(
            GoalMeasurement.goal_id.in_(goals), _not_from(GoalMeasurement.batch_id, batch.id)
        ),
        select(PartnershipGoal.id).where(
            PartnershipGoal.goal_id.in_(goals), PartnershipGoal.partnership_id.not_in(partnerships)
        ),
        select(ContactLogEntry.id).where(
            ContactLogEntry.partnership_id.in_(partnerships), _not_from(ContactLogEntry.batch_id, batch.id)
        ),
        select(EvaluationRound.id).where(
            EvaluationRound.partnership_id.in_(partnerships), _not_from(EvaluationRound.batch_id, batch.id)
        ),
    ]
    for query in later_work:
        if session.scalar(query.limit(1)) is not None:
            raise UndoNotPossible("table_import.used_since")
    records = {
        "goal": goals,
        "partnership": partnerships,
        "evaluation_round": rounds,
        "assessment": _ids(session, Assessment, batch.id),
    }
    for entity, ids in records.items():
        if not ids:
            continue
        edited = session.scalar(
            select(Event).where(Event.at > batch.created_at, Event.entity == entity, Event.entity_id.in_(ids)).limit(1)
        )
        if edited is not None:
            from lib.workspace.clock import to_local, workspace_timezone

            raise UndoNotPossible("undo.edited_since", when=to_local(edited.at, workspace_timezone(session)))


def _not_from(column: Any, batch_id: int) -> Any:
    return (column.is_(None)) | (column != batch_id)


def _delete_batch_records(session: Session, batch_id: int) -> dict[str, int]:
    removed: dict[str, int] = {}

    def remove(name: str, statement: Any) -> None:
        count = session.execute(statement).rowcount or 0
        if count:
            removed[name] = removed.get(name, 0) + count

    remove("evaluation_responses", delete(EvaluationResponse).where(EvaluationResponse.batch_id == batch_id))
    remove(
        "evaluation_rounds",
        delete(EvaluationRound).where(
            EvaluationRound.batch_id == batch_id, ~exists().where(EvaluationResponse.round_id == EvaluationRound.id)
        ),
    )
    remove("contact_log", delete(ContactLogEntry).where(ContactLogEntry.batch_id == batch_id))
    remove("goal_measurements", delete(GoalMeasurement).where(GoalMeasurement.batch_id == batch_id))
    remove("partnerships", delete(Partnership).where(Partnership.batch_id == batch_id))
    remove("assessments", delete(Assessment).where(Assessment.batch_id == batch_id))
    remove("goals", delete(Goal).where(Goal.batch_id == batch_id))
    remove(
        "organisations",
        delete(Organisation).where(
            Organisation.batch_id == batch_id,
            ~exists().where(Affiliation.organisation_id == Organisation.id),
            ~exists().where(
                (Relation.from_organisation_id == Organisation.id) | (Relation.to_organisation_id == Organisation.id)
            ),
            ~exists().where(PartnershipOrganisation.organisation_id == Organisation.id),
            ~exists().where(Assessment.organisation_id == Organisation.id),
        ),
    )
    return removed
