"""Erasing people everywhere (GDPR art. 17): their rows, what the foreign keys do not reach, every
trace of them in other records' text, and the files the database keeps."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import JSON, String, Text, delete, func, or_, select, text
from sqlalchemy.orm import Session

from lib.core.access import principal_of, requires
from lib.db import (
    Base,
    CompetenceAssessment,
    DuplicateCandidate,
    EvaluationRespondent,
    EvaluationResponse,
    Event,
    ImportChange,
    NodePosition,
    Person,
    SavedMapping,
    StaffSurveyInvitation,
    log_event,
    rows_changed,
)
from lib.network.graph import person_node
from lib.network.metrics import clear_cache
from lib.privacy import erasure_cleanup
from lib.privacy.holdings import _connected_ids, _import_change_clause, _is_about, _merged_ids
from lib.privacy.markers import _write_markers
from lib.privacy.shared import (
    _NOT_REDACTED,
    _TABLES_NOT_SCANNED,
    EXPORT_ENTITY,
    PERSON_ENTITIES,
    PERSON_REFERENCE_KEYS,
    REDACTED,
    _emails_of,
    _normalised_email,
    _person_row,
    _today,
)
from lib.privacy.survey_answers import _erase_mentions


@dataclass
class ErasureReport:
    """What an erasure removed or changed, as counts (the event log keeps exactly these)."""

    people: int = 0
    affiliations: int = 0
    relations: int = 0
    competence_assessments: int = 0
    node_positions: int = 0
    import_changes: int = 0
    duplicate_candidates: int = 0
    #: Their answers to evaluation rounds given by link (their respondent rows go with them, CASCADE).
    evaluation_answers: int = 0
    #: Staff survey answers ("Hvem kender du?") that named them, with those entries taken out.
    survey_answers: int = 0
    #: Events about the people: their payload replaced by {"erased": true}.
    events_erased: int = 0
    #: Other rows (events included) from which a name, e-mail or reference to them was removed.
    rows_redacted: int = 0
    markers: int = 0
    #: Set once the erasure's transaction commits (``lib.privacy.erasure_cleanup``): True when the database's
    #: files were cleared of the deleted rows (SQLite: WAL checkpointed and emptied; PostgreSQL:
    #: VACUUM ran), False when that could not be done, None before the commit or where not applicable.
    #: Not one of the counts: it is not logged.
    files_cleared: bool | None = field(default=None, compare=False)

    def as_dict(self) -> dict[str, int]:
        counts = asdict(self)
        counts.pop("files_cleared")
        return counts


@dataclass
class _Traces:
    """What identifies the people being erased, for finding them in the rest of the workspace."""

    ids: set[int]
    #: E-mails no remaining person has (those are removed wherever they appear).
    emails: set[str]
    #: Exact values (folded) replaced wherever a whole text equals them: e-mails and names.
    exact: set[str]
    pattern: re.Pattern[str] | None

    def text(self, value: str) -> str:
        """``value`` with their e-mails and (full, unshared) names replaced by :data:`REDACTED`."""
        if value.strip().casefold() in self.exact:
            return REDACTED
        return self.pattern.sub(REDACTED, value) if self.pattern is not None else value

    def json(self, value: Any, key: str | None = None) -> Any:
        """A JSON value with their e-mails, names and record numbers removed, from keys too (an
        import's mapping is keyed by "file › sheet", a saved one by column headers)."""
        if isinstance(value, dict):
            cleaned: dict[Any, Any] = {}
            for k, v in value.items():
                cleaned[_free_key(cleaned, self.text(k) if isinstance(k, str) else k)] = self.json(v, k)
            return cleaned
        if isinstance(value, list):
            if key in PERSON_REFERENCE_KEYS:
                return [None if self._is_reference(v) else v for v in value]
            # A list of e-mails (further e-mails, a row's values) loses theirs instead of keeping a blank.
            kept = [v for v in value if not (isinstance(v, str) and _normalised_email(v) in self.emails)]
            return [self.json(v) for v in kept]
        if key in PERSON_REFERENCE_KEYS and self._is_reference(value):
            return None
        if isinstance(value, str):
            return self.text(value)
        return value

    def _is_reference(self, value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and value in self.ids


def _free_key(taken: Mapping[Any, Any], key: Any) -> Any:
    """``key``, or "key (2)", "key (3)" … when redacting made two keys the same: no value is lost."""
    if key not in taken:
        return key
    number = 2
    while f"{key} ({number})" in taken:
        number += 1
    return f"{key} ({number})"


def _name_pattern(name: str) -> str:
    """A name as a regular expression: its words in order, any spacing, not inside a longer word.

    An underscore counts as spacing: file names such as "Anne_Jensen_kontakter.xlsx" hold names too.
    """
    words = [re.escape(word) for word in name.split()]
    return r"(?<![^\W_])" + r"[\s_]+".join(words) + r"(?![^\W_])"


def _traces(session: Session, people: list[Any], ids: set[int]) -> _Traces:
    """The e-mails and names to remove, leaving out those a remaining person shares."""
    remaining_names: set[str] = set()
    remaining_emails: set[str] = set()
    for name, email, others in session.execute(
        select(Person.name, Person.email, Person.other_emails).where(Person.id.not_in(ids))
    ):
        remaining_names.add(" ".join(str(name or "").split()).casefold())
        remaining_emails.update(_normalised_email(e) for e in [email, *(others or [])] if e)
    emails = {e for person in people for e in _emails_of(person)} - remaining_emails
    names = {" ".join(str(p.name or "").split()) for p in people} - {""}
    names = {n for n in names if n.casefold() not in remaining_names}
    searched = [re.escape(e) for e in sorted(emails)]
    searched += [_name_pattern(n) for n in sorted(names) if len(n.split()) >= 2]
    pattern = re.compile("|".join(searched), re.IGNORECASE) if searched else None
    return _Traces(ids=ids, emails=emails, exact=emails | {n.casefold() for n in names}, pattern=pattern)


def _erase_events(session: Session, traces: _Traces) -> tuple[int, int]:
    """Events about them lose payload and record number; in all others every text and JSON column
    (actor, details, and any added later) loses their e-mails and names.

    Returns (events erased, events redacted).
    """
    columns = [column.key for column in _scanned_columns(Event.__table__)]
    erased = redacted = 0
    for event in session.scalars(select(Event)):
        cleaned = {name: _redacted(traces, getattr(event, name), Event.__table__.columns[name]) for name in columns}
        if _is_about(event.entity, event.entity_id, event.details, traces.ids):
            cleaned["details"] = {"erased": True}
            if event.entity in (*PERSON_ENTITIES, EXPORT_ENTITY):
                event.entity_id = None
            erased += 1
        elif any(cleaned[name] != getattr(event, name) for name in columns):
            redacted += 1
        for name, value in cleaned.items():
            if value != getattr(event, name):
                setattr(event, name, value)
    session.flush()
    return erased, redacted


def _redacted(traces: _Traces, value: Any, column: Any) -> Any:
    """``value`` of ``column`` without their e-mails, names and record numbers."""
    if isinstance(column.type, JSON):
        return traces.json(value)
    return traces.text(value) if isinstance(value, str) else value


def _scanned_columns(table: Any) -> list[Any]:
    """The text and JSON columns of ``table`` that may hold someone's name or e-mail."""
    return [
        column
        for column in table.columns
        if isinstance(column.type, (String, Text, JSON))
        and not column.primary_key
        and (table.name, column.name) not in _NOT_REDACTED
    ]


def _redact_tables(session: Session, traces: _Traces) -> tuple[int, set[str]]:
    """Remove their e-mails, names and record numbers from every other table; returns the rows
    changed and the tables they are in.

    ``updated_at`` is written back unchanged: removing a name is not using the record (retention).
    """
    changed_rows = 0
    changed_tables: set[str] = set()
    for table in Base.metadata.sorted_tables:
        if table.name in _TABLES_NOT_SCANNED:
            continue
        columns = _scanned_columns(table)
        if not columns:
            continue
        keys = list(table.primary_key.columns)
        stamp = table.columns.get("updated_at")
        selected = [*keys, *columns, *([stamp] if stamp is not None else [])]
        for row in session.execute(select(*selected)).all():
            values = dict(zip([c.name for c in selected], row, strict=True))
            changes = {}
            for column in columns:
                old = values[column.name]
                new = _redacted(traces, old, column)
                if new != old:
                    changes[column.name] = new
            if changes:
                if stamp is not None:
                    changes["updated_at"] = values["updated_at"]
                condition = [key == values[key.name] for key in keys]
                session.execute(table.update().where(*condition).values(**changes))
                changed_rows += 1
                changed_tables.add(table.name)
    return changed_rows, changed_tables


def _delete_saved_mappings(session: Session, traces: _Traces) -> int:
    """Forget remembered column mappings whose headers or fields hold their e-mails or names.

    Deleted rather than redacted: a mapping is looked up by a plain SHA-256 of its headers
    (``signature``), which anyone holding the other headers could test names against. It is only a
    convenience; the next file with those headers is mapped by hand once more.
    """
    columns = _scanned_columns(SavedMapping.__table__)
    doomed = [
        row.id
        for row in session.execute(select(SavedMapping.id, *columns))
        if any(_redacted(traces, row._mapping[c], c) != row._mapping[c] for c in columns)
    ]
    if doomed:
        session.execute(delete(SavedMapping).where(SavedMapping.id.in_(doomed)))
    return len(doomed)


def _count(session: Session, query: Any) -> int:
    return int(session.scalar(query) or 0)


@requires("erase")
def erase_people(
    session: Session, person_ids: Iterable[int], actor: str | None = None, today: dt.date | None = None
) -> ErasureReport:
    """Erase people on request (GDPR), everywhere, in the caller's transaction (see the module notes).

    Only an administrator may (``AccessDenied`` otherwise, and nothing changes). An id that does not
    exist raises ``ValidationFailed`` before anything changes. Logs ``person_erased`` with counts.
    """
    wanted = list(dict.fromkeys(int(i) for i in person_ids))
    if not wanted:
        return ErasureReport()
    session.flush()
    _overwrite_deleted_content(session)
    people = [_person_row(session, person_id) for person_id in wanted]
    ids = _merged_ids(session, set(wanted))
    traces = _traces(session, people, ids)
    report = ErasureReport(people=len(people))
    # Markers for every e-mail they had, shared or not: an import of it must not bring them back.
    report.markers = _write_markers(session, [e for p in people for e in _emails_of(p)], today or _today())
    report.node_positions = _delete_node_positions(session, ids)
    affiliation_ids, relation_ids = _connected_ids(session, set(wanted))
    report.affiliations, report.relations = len(affiliation_ids), len(relation_ids)
    report.import_changes = rows_changed(
        session.execute(delete(ImportChange).where(_import_change_clause(ids, affiliation_ids, relation_ids)))
    )
    report.duplicate_candidates = rows_changed(
        session.execute(
            delete(DuplicateCandidate).where(
                or_(DuplicateCandidate.person_a_id.in_(wanted), DuplicateCandidate.person_b_id.in_(wanted))
            )
        )
    )
    answered = select(EvaluationRespondent.response_id).where(
        EvaluationRespondent.person_id.in_(wanted), EvaluationRespondent.response_id.is_not(None)
    )
    report.evaluation_answers = rows_changed(
        session.execute(
            delete(EvaluationResponse).where(EvaluationResponse.id.in_(answered)),
            execution_options={"synchronize_session": False},
        )
    )
    report.survey_answers = _erase_mentions(session, wanted, [e for p in people for e in _emails_of(p)])
    report.competence_assessments = _count(
        session, select(func.count(CompetenceAssessment.id)).where(CompetenceAssessment.person_id.in_(wanted))
    )
    # The database removes affiliations, ties and competence assessments (CASCADE) and empties the
    # other references (SET NULL); objects the session holds are read afresh afterwards.
    session.execute(delete(Person).where(Person.id.in_(wanted)), execution_options={"synchronize_session": False})
    session.expire_all()
    report.events_erased, redacted_events = _erase_events(session, traces)
    redacted_rows, redacted_tables = _redact_tables(session, traces)
    forgotten_mappings = _delete_saved_mappings(session, traces)
    report.rows_redacted = redacted_events + redacted_rows + forgotten_mappings
    who = actor or principal_of(session).actor
    if who is not None and (_normalised_email(who) in traces.emails):
        who = REDACTED  # an administrator erasing themselves
    log_event(session, "person_erased", entity="person", actor=who, **report.as_dict())
    session.flush()
    _forget_cached_network()
    # After the commit, clear what the database's files keep of deleted and rewritten rows.
    touched = {
        "people",
        "events",
        NodePosition.__tablename__,
        ImportChange.__tablename__,
        DuplicateCandidate.__tablename__,
        EvaluationResponse.__tablename__,
        StaffSurveyInvitation.__tablename__,
        *redacted_tables,
        *_tables_referring_to_people(),
    }
    if forgotten_mappings:
        touched.add(SavedMapping.__tablename__)
    erasure_cleanup.after_commit(session, report, touched)
    return report


def _tables_referring_to_people() -> set[str]:
    """Tables whose rows the database deletes (CASCADE) or rewrites (SET NULL) with a person."""
    return {
        table.name
        for table in Base.metadata.sorted_tables
        if any(fk.column.table.name == "people" for column in table.columns for fk in column.foreign_keys)
    }


@requires("erase")
def erase_person(
    session: Session, person_id: int, actor: str | None = None, today: dt.date | None = None
) -> ErasureReport:
    """Erase one person on request (GDPR); see :func:`erase_people`."""
    return erase_people(session, [person_id], actor, today)


def _overwrite_deleted_content(session: Session) -> None:
    """On SQLite, make deleting overwrite the old content with zeros (``secure_delete``).

    Otherwise the erased name and e-mail stay readable in the file's free pages until SQLite happens
    to reuse them. The setting belongs to the connection and stays on: it costs a little on later
    deletes and protects them alike. (PostgreSQL keeps dead rows until VACUUM, which autovacuum runs.)
    """
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete = ON"))


def _delete_node_positions(session: Session, ids: set[int]) -> int:

    keys = [person_node(i) for i in sorted(ids)]
    return rows_changed(session.execute(delete(NodePosition).where(NodePosition.node_key.in_(keys))))


def _forget_cached_network() -> None:
    """Drop this process's cached network figures: they carry the erased people's names as labels.

    The caches key on the graph's signature, which changes when a person node disappears, so nothing
    stale would be *shown*; this only stops the old entries lingering in memory.
    """

    clear_cache()
