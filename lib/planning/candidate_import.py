"""Assessments of candidates imported from a spreadsheet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core import normalize
from lib.core.access import requires
from lib.core.progress import Progress
from lib.db import Assessment, Organisation
from lib.ingest.planning_tables import (
    Column,
    OrganisationIndex,
    SheetSpec,
    StaffIndex,
    TableImporter,
    TableImportResult,
    cell_text,
    code_from_words,
    log_organisation_use,
    parse_score,
    parse_score_or_dont_know,
    run_table_import,
)
from lib.ingest.rows import RowValues
from lib.planning.candidate_scores import CRITERIA

_DECISION_WORDS = {
    "decline": ("afvis", "afvist", "nej", "no", "declined", "fravælg"),
    "explore": ("undersøg videre", "afsøg", "undersøg", "måske", "maybe", "keep exploring", "explore further"),
    "go_ahead": ("gå videre", "ja", "yes", "go", "go ahead", "videre"),
}

ASSESSMENT_SHEET = SheetSpec(
    "assessments",
    (
        Column(
            "organisation",
            "partners.col.organisation",
            ("organisation", "partner", "kandidat", "candidate", "navn"),
            required=True,
        ),
        Column("assessed_on", "partners.col.assessed_on", ("dato", "date", "vurderet", "assessed")),
        Column("assessor", "partners.col.assessor", ("vurderet af", "assessor", "udfyldt af")),
        *(Column(code, f"partners.criterion.{code}", (code,)) for code in CRITERIA),
        Column("influence", "partners.col.influence", ("indflydelse", "influence", "magt", "power")),
        Column("interest", "partners.col.interest", ("interesse", "interest")),
        Column("value", "partners.col.value", ("værdi", "value", "gevinst")),
        Column("effort", "partners.col.effort", ("indsats", "effort", "ressourcer", "arbejde")),
        Column("contribution_to_us", "partners.col.contribution_to_us", ("bidrag til os", "what they bring")),
        Column("contribution_from_us", "partners.col.contribution_from_us", ("bidrag fra os", "what we bring")),
        Column("risks", "partners.col.risks", ("risici", "risiko", "risks", "risk")),
        Column("decision", "partners.col.decision", ("beslutning", "decision")),
        Column("decided_on", "partners.col.decided_on", ("besluttet", "decided")),
        Column("decided_by", "partners.col.decided_by", ("besluttet af", "decided by")),
    ),
)


class AssessmentsImporter(TableImporter):
    """One row per assessment: the organisation (by name; created when unknown), the date, the
    criteria (1-5, "ved ikke"), the stakeholder and value/effort ratings, texts and the decision.

    A score outside 1-5 is left out with a warning (the criterion counts as "don't know"); an
    unknown organisation is created with a note; a row identical to a stored assessment (same
    organisation, date and scores) is skipped. Without a date the row is rejected.
    """

    kind = "assessments"
    sheets = (ASSESSMENT_SHEET,)

    def __init__(self) -> None:
        self.orgs = OrganisationIndex()
        self.staff = StaffIndex()
        self.known: set[tuple[Any, dt.date, str]] = set()
        self.planned: list[tuple[str, dict[str, Any]]] = []
        self.decision = code_from_words(_DECISION_WORDS, "partners.decision")

    def load(self, session: Session) -> None:
        self.orgs = OrganisationIndex.load(session)
        self.staff = StaffIndex.load(session)
        keys = {org_id: key for key, org_id in self.orgs.by_key.items()}
        for org_id, assessed_on, scores in session.execute(
            select(Assessment.organisation_id, Assessment.assessed_on, Assessment.scores)
        ):
            self.known.add((keys.get(org_id), assessed_on, _scores_signature(scores or {})))

    def read_row(self, role: str, row: RowValues) -> str:
        name = row.text("organisation")
        if not name:
            return row.reject("", "partners.organisation_required")
        if not row.name_fits(Organisation, name, row.column("organisation")):
            return "rejected"
        assessed_on = row.parsed("assessed_on", normalize.parse_date, severity="error")
        if assessed_on is None:
            if not row.has_errors:
                return row.reject(row.column("assessed_on"), "partners.assessed_on_required")
            return "rejected"
        scores = {code: row.parsed(code, parse_score_or_dont_know) if row.raw(code) else None for code in CRITERIA}
        ratings = {name_: row.parsed(name_, parse_score) for name_ in ("influence", "interest", "value", "effort")}
        decision = row.parsed("decision", self.decision)
        decided_on = row.parsed("decided_on", normalize.parse_date)
        if decision is not None and decided_on is None:
            decided_on = assessed_on
        key, is_new = self.orgs.ref(name)
        signature = (key, assessed_on, _scores_signature(scores))
        if signature in self.known:
            row.warn(row.column("organisation"), "partners.import.assessment_exists", name=name)
            return "skipped"
        if is_new:
            row.warn(row.column("organisation"), "partners.import.organisation_created", name=name)
        self.known.add(signature)
        self.planned.append(
            (
                key,
                {
                    "assessed_on": assessed_on,
                    "scores": scores,
                    **ratings,
                    "assessor_id": self._staff(row, "assessor"),
                    "decided_by_id": self._staff(row, "decided_by"),
                    "decision": decision,
                    "decided_on": decided_on if decision else None,
                    **{text: cell_text(row, text) for text in ("contribution_to_us", "contribution_from_us", "risks")},
                },
            )
        )
        return "insert"

    def _staff(self, row: RowValues, name: str) -> int | None:
        text = row.text(name)
        person_id = self.staff.find(text)
        if text and person_id is None:
            row.warn(row.column(name), "strategy.import.unknown_owner", value=text)
        return person_id

    def store(self, session: Session, batch_id: int) -> dict[str, int]:
        created_orgs = self.orgs.store_new(session, batch_id)
        records = [
            Assessment(organisation_id=self.orgs.id_of(key), batch_id=batch_id, **values)
            for key, values in self.planned
        ]
        session.add_all(records)
        session.flush()
        log_organisation_use(
            session, [r.organisation_id for r in records], "organisation_assessed", None, batch=batch_id
        )
        return {"assessments": len(records), "organisations": created_orgs}


def _scores_signature(scores: Mapping[str, Any]) -> str:
    return ";".join(f"{code}={scores.get(code)}" for code in CRITERIA)


@requires("import")
def import_assessments(
    db: Any, file_name: str, data: bytes, *, commit: bool, actor: str | None = None, progress: Progress | None = None
) -> TableImportResult:
    """Import assessments from an Excel or CSV file (see :class:`AssessmentsImporter`)."""
    return run_table_import(db, AssessmentsImporter(), file_name, data, commit=commit, actor=actor, progress=progress)
