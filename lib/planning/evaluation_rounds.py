"""Evaluation rounds of a partnership and the responses to them: recorded, deleted, listed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.db import EvaluationResponse, EvaluationRound, Partnership, log_event
from lib.planning.evaluation_items import ENTITY, ITEM_CODES, SCALE, SIDES
from lib.workspace import editing


def _clean_answers(answers: Mapping[str, Any]) -> dict[str, int]:
    clean: dict[str, int] = {}
    for code, value in answers.items():
        if code not in ITEM_CODES:
            raise ValueError(f"unknown item: {code}")
        score = editing.whole_number(value, code, *SCALE, key="evaluations.score_invalid")
        if score is not None:
            clean[code] = score
    return clean


@requires("edit")
def create_round(
    session: Session, partnership_id: int, held_on: Any, title: str | None = None, actor: str | None = None
) -> int:
    """Start an evaluation round of a partnership; returns its id."""
    if session.get(Partnership, partnership_id) is None:
        raise ValidationFailed("partnerships.no_such_partnership", id=partnership_id)
    date = editing.date_value(held_on, "held_on")
    if date is None:
        raise ValidationFailed("evaluations.held_on_required", field="held_on")
    record = EvaluationRound(partnership_id=partnership_id, held_on=date, title=editing.text_value(title, "title", 300))
    session.add(record)
    session.flush()
    log_event(
        session,
        "evaluation_round_created",
        entity=ENTITY,
        entity_id=record.id,
        actor=actor,
        partnership=partnership_id,
        held_on=date,
    )
    return record.id


def _get_round(session: Session, round_id: int) -> EvaluationRound:
    return editing.existing(session, EvaluationRound, round_id, "evaluations.no_such_round")


@requires("edit")
def add_response(
    session: Session,
    round_id: int,
    side: str,
    answers: Mapping[str, Any],
    *,
    respondent: str | None = None,
    reflections: str | None = None,
    actor: str | None = None,
) -> int:
    """Add one respondent's answers (``{item code: 1-5 or None}``) to a round; returns its id."""
    _get_round(session, round_id)
    side_code = editing.code_value(side, SIDES, "side", required=True)
    clean = _clean_answers(answers)
    if not clean:
        raise ValidationFailed("evaluations.import.no_answers", field="answers")
    response = EvaluationResponse(
        round_id=round_id,
        respondent_side=side_code,
        answers=clean,
        respondent=editing.text_value(respondent, "respondent", 200),
        reflections=editing.multiline_value(reflections),
    )
    session.add(response)
    session.flush()
    log_event(
        session,
        "evaluation_response_added",
        entity=ENTITY,
        entity_id=round_id,
        actor=actor,
        side=side_code,
        answers=len(clean),
    )
    return response.id


@requires("edit")
def delete_response(session: Session, response_id: int, actor: str | None = None) -> None:
    response = editing.existing(session, EvaluationResponse, response_id, "evaluations.no_such_response")
    log_event(session, "evaluation_response_deleted", entity=ENTITY, entity_id=response.round_id, actor=actor)
    session.delete(response)
    session.flush()


@requires("edit")
def delete_round(session: Session, round_id: int, actor: str | None = None) -> None:
    """Delete a round with all its responses."""
    record = _get_round(session, round_id)
    log_event(
        session,
        "evaluation_round_deleted",
        entity=ENTITY,
        entity_id=round_id,
        actor=actor,
        partnership=record.partnership_id,
        held_on=record.held_on,
    )
    session.delete(record)
    session.flush()


@requires("view_board")
def rounds_of(session: Session, partnership_id: int) -> list[EvaluationRound]:
    """A partnership's rounds, oldest first."""
    return list(
        session.scalars(
            select(EvaluationRound)
            .where(EvaluationRound.partnership_id == partnership_id)
            .order_by(EvaluationRound.held_on, EvaluationRound.id)
        )
    )


@requires("view_board")
def round_counts(session: Session) -> dict[int, int]:
    """How many evaluation rounds each partnership has (partnerships without one left out)."""
    query = select(EvaluationRound.partnership_id, func.count(EvaluationRound.id)).group_by(
        EvaluationRound.partnership_id
    )
    return {int(partnership_id): int(count) for partnership_id, count in session.execute(query)}


ROUND_COLUMNS = ["round_id", "held_on", "title", "library", "partner", "responses", "imported"]


@requires("view_board")
def rounds_frame(session: Session, partnership_id: int) -> pd.DataFrame:
    """A partnership's rounds, newest first: ``round_id``, ``held_on``, ``title``, ``library`` and
    ``partner`` (respondents per side), ``responses`` (both sides), ``imported`` (made by an import)."""
    rows = []
    for record in reversed(rounds_of(session, partnership_id)):
        sides = [
            side
            for (side,) in session.execute(
                select(EvaluationResponse.respondent_side).where(EvaluationResponse.round_id == record.id)
            )
        ]
        rows.append(
            {
                "round_id": record.id,
                "held_on": record.held_on,
                "title": record.title,
                **{side: sides.count(side) for side in SIDES},
                "responses": len(sides),
                "imported": record.batch_id is not None,
            }
        )
    return pd.DataFrame(rows, columns=ROUND_COLUMNS)


RESPONSE_COLUMNS = ["response_id", "side", "respondent", "answered", "reflections", "imported"]


@requires("view_contacts")
def responses_frame(session: Session, round_id: int) -> pd.DataFrame:
    """A round's responses in the order given: ``response_id``, ``side``, ``respondent``, ``answered``
    (how many items were answered), ``reflections`` (missing when blank), ``imported``."""
    rows = [
        {
            "response_id": r.id,
            "side": r.respondent_side,
            "respondent": r.respondent,
            "answered": sum(1 for value in (r.answers or {}).values() if value is not None),
            "reflections": (r.reflections or "").strip() or None,
            "imported": r.batch_id is not None,
        }
        for r in session.scalars(
            select(EvaluationResponse).where(EvaluationResponse.round_id == round_id).order_by(EvaluationResponse.id)
        )
    ]
    return pd.DataFrame(rows, columns=RESPONSE_COLUMNS)
