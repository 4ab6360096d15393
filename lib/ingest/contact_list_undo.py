"""Undoing a committed contact-list import: restoring the state before its batch, exactly, or refusing
(``UndoNotPossible``) when a later batch or edit has built on it; listing batches.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import UndoNotPossible
from lib.db import (
    TABLES_BY_NAME,
    ContactLogEntry,
    Database,
    DuplicateCandidate,
    Event,
    ImportBatch,
    ImportChange,
    OrganisationAlias,
    log_event,
    utcnow,
)
from lib.ingest.batches import _rowcount, _table_of, committed_batch
from lib.ingest.contact_list_results import OUTCOMES
from lib.ingest.planning_tables import batch_kind, undo_table_import
from lib.ingest.state import ALIAS_TABLE, from_jsonable

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
        restored: Counter[str] = Counter()
        for change in session.scalars(
            select(ImportChange).where(ImportChange.batch_id == batch_id, ImportChange.action == "update")
        ):
            if change.before is None:  # every update change records the values it replaced
                continue
            model = TABLES_BY_NAME[change.table_name]
            session.execute(
                update(model).where(_table_of(model).c.id == change.record_id).values(**from_jsonable(change.before))
            )
            restored[f"{change.table_name}_restored"] += 1
        aliases = select(ImportChange.record_id).where(
            ImportChange.batch_id == batch_id, ImportChange.table_name == ALIAS_TABLE, ImportChange.action == "insert"
        )
        removed_aliases = _rowcount(session.execute(delete(OrganisationAlias).where(OrganisationAlias.id.in_(aliases))))
        if removed_aliases:
            restored[f"{ALIAS_TABLE}_removed"] += removed_aliases
        # A calendar import's batch (lib.ingest.calendar_meetings) logged meetings on partnerships too.
        logged = _rowcount(session.execute(delete(ContactLogEntry).where(ContactLogEntry.batch_id == batch_id)))
        if logged:
            restored["contact_log_removed"] += logged
        for table in _UNDO_ORDER:
            model = TABLES_BY_NAME[table]
            removed = session.execute(delete(model).where(_table_of(model).c.batch_id == batch_id))
            restored[f"{table}_removed"] += _rowcount(removed)
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
    columns = _table_of(model).c
    inserted = select(columns.id).where(columns.batch_id == batch_id)
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
