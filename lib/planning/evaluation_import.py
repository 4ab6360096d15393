"""Survey answers imported from a spreadsheet into one evaluation round."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.core.progress import Progress
from lib.db import EvaluationResponse, EvaluationRound, Partnership
from lib.ingest.planning_tables import (
    DONT_KNOW_WORDS,
    Column,
    SheetSpec,
    TableImporter,
    TableImportResult,
    cell_text,
    code_from_words,
    parse_score,
    run_table_import,
)
from lib.ingest.rows import RowValues
from lib.planning.evaluation_items import ITEM_CODES, SCALE
from lib.workspace import editing

_SIDE_WORDS = {
    "library": ("bibliotek", "biblioteket", "library", "the library", "os", "vi", "b"),
    "partner": ("partner", "partneren", "samarbejdspartner", "partnere", "p"),
}

SURVEY_SHEET = SheetSpec(
    "responses",
    (
        Column(
            "side",
            "evaluations.col.side",
            ("side", "part", "svarer for", "respondent side", "på vegne af"),
            required=True,
        ),
        Column("respondent", "evaluations.col.respondent", ("respondent", "navn", "name", "besvaret af", "rolle")),
        *(Column(code, f"evaluations.item.{code}", (code,), prefixes=(code,)) for code in ITEM_CODES),
        Column(
            "reflections",
            "evaluations.col.reflections",
            ("refleksioner", "reflections", "kommentar", "kommentarer", "comments", "bemærkninger"),
        ),
    ),
    any_of=ITEM_CODES,
    any_of_label_key="evaluations.col.items",
)


class SurveyImporter(TableImporter):
    """A survey's answers into one evaluation round (rules in the module notes).

    ``round_id`` names an existing round of the partnership; without it a new round is created
    (held on ``held_on``, called ``title``) when the import is committed.
    """

    kind = "evaluations"
    sheets = (SURVEY_SHEET,)

    def __init__(
        self,
        partnership_id: int,
        *,
        round_id: int | None = None,
        held_on: dt.date | None = None,
        title: str | None = None,
    ) -> None:
        self.partnership_id = partnership_id
        self.round_id = round_id
        self.held_on = held_on
        self.title = title
        self.known: set[str] = set()
        self.planned: list[dict[str, Any]] = []
        self.side = code_from_words(_SIDE_WORDS, "evaluations.side")

    def load(self, session: Session) -> None:
        if session.get(Partnership, self.partnership_id) is None:
            raise ValidationFailed("partnerships.no_such_partnership", id=self.partnership_id)
        if self.round_id is not None:
            record = session.get(EvaluationRound, self.round_id)
            if record is None or record.partnership_id != self.partnership_id:
                raise ValidationFailed("evaluations.no_such_round", id=self.round_id)
            for response in session.scalars(
                select(EvaluationResponse).where(EvaluationResponse.round_id == self.round_id)
            ):
                self.known.add(_response_signature(response.respondent_side, response.respondent, response.answers))
        elif self.held_on is None:
            raise ValidationFailed("evaluations.held_on_required", field="held_on")

    def read_row(self, role: str, row: RowValues) -> str:
        side = row.parsed("side", self.side, severity="error")
        if side is None:
            return "rejected" if row.has_errors else row.reject(row.column("side"), "evaluations.import.side_missing")
        answers = {code: row.parsed(code, _parse_answer) for code in ITEM_CODES if row.raw(code)}
        answers = {code: score for code, score in answers.items() if score is not None}
        if not answers:
            return row.reject("", "evaluations.import.no_answers")
        respondent = row.fitting(EvaluationResponse, "respondent", row.text("respondent"), row.column("respondent"))
        signature = _response_signature(side, respondent, answers)
        if signature in self.known:
            row.warn(row.column("side"), "evaluations.import.response_exists")
            return "skipped"
        self.known.add(signature)
        self.planned.append(
            {
                "respondent_side": side,
                "respondent": respondent,
                "answers": answers,
                "reflections": cell_text(row, "reflections"),
            }
        )
        return "insert"

    def store(self, session: Session, batch_id: int) -> dict[str, int]:
        created_round = 0
        if self.round_id is None:
            record = EvaluationRound(
                partnership_id=self.partnership_id, held_on=self.held_on, title=self.title, batch_id=batch_id
            )
            session.add(record)
            session.flush()
            self.round_id = record.id
            created_round = 1
        session.add_all(
            EvaluationResponse(round_id=self.round_id, batch_id=batch_id, **values) for values in self.planned
        )
        session.flush()
        return {"evaluation_rounds": created_round, "evaluation_responses": len(self.planned)}

    def details(self) -> dict[str, Any]:
        return {"round_id": self.round_id, "partnership_id": self.partnership_id}


def _parse_answer(value: Any) -> int | None:
    try:
        return parse_score(value, *SCALE, dont_know=DONT_KNOW_WORDS)
    except ValidationFailed as error:
        raise ValidationFailed("evaluations.import.score_outside", **error.params) from None


def _response_signature(side: str, respondent: str | None, answers: Mapping[str, Any]) -> str:
    return json.dumps([side, respondent or "", sorted((answers or {}).items())])


@requires("import")
def import_survey(
    db: Any,
    partnership_id: int,
    file_name: str,
    data: bytes,
    *,
    commit: bool,
    round_id: int | None = None,
    held_on: Any = None,
    title: str | None = None,
    actor: str | None = None,
    progress: Progress | None = None,
) -> TableImportResult:
    """Import survey answers from an Excel or CSV file into one evaluation round of a partnership.

    Give ``round_id`` to add to an existing round, or ``held_on`` (and ``title``) to create one. A
    preview when ``commit`` is False. ``result.details["round_id"]`` is the round (None in a preview
    that would create one). Undo with ``lib.ingest.planning_tables.undo_table_import(db, result.batch_id)``:
    it deletes the batch's responses, and the round when the batch created it.
    """
    date = editing.date_value(held_on, "held_on")
    importer = SurveyImporter(
        partnership_id, round_id=round_id, held_on=date, title=editing.text_value(title, "title", 300)
    )
    return run_table_import(db, importer, file_name, data, commit=commit, actor=actor, progress=progress)
