"""Undoing a planning import's batch (goals, partnerships, assessments, evaluations): deleting what it
created, or refusing (``UndoNotPossible``) when later work uses it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import UndoNotPossible
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
    Relation,
    log_event,
    utcnow,
)
from lib.ingest.batches import _rowcount, committed_batch
from lib.ingest.planning_cells import KINDS


def batch_kind(batch: ImportBatch) -> str | None:
    """The table-import kind of ``batch``, or None for a contact import."""
    kind = (batch.mapping or {}).get("kind")
    return kind if kind in KINDS else None


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
        count = _rowcount(session.execute(statement))
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
