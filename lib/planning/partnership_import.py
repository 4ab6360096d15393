"""Partnerships imported from a spreadsheet (the Partnerskaber sheet)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core import normalize
from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.core.progress import Progress
from lib.db import (
    Goal,
    Organisation,
    Partnership,
    PartnershipGoal,
    PartnershipOrganisation,
)
from lib.ingest.planning_tables import (
    Column,
    OrganisationIndex,
    SheetSpec,
    StaffIndex,
    TableImporter,
    TableImportResult,
    cell,
    cell_text,
    code_from_words,
    log_organisation_use,
    run_table_import,
    split_list,
)
from lib.ingest.rows import RowValues
from lib.planning.partnership_fields import MAX_RHYTHM_DAYS
from lib.workspace import editing

_STAGE_WORDS = {
    "idea": ("ide", "idé", "forslag", "idea", "proposal"),
    "scoping_building": ("afdækning", "opbygning", "scoping", "building", "opstart", "start"),
    "managing_maintaining": (
        "styring",
        "vedligehold",
        "drift",
        "aktiv",
        "managing",
        "maintaining",
        "active",
        "running",
    ),
    "reviewing_revising": ("evaluering", "justering", "reviewing", "revising", "review"),
    "sustaining_ending": ("forankring", "afslutning", "sustaining", "ending"),
    "ended": ("afsluttet", "ophørt", "slut", "ended", "closed", "finished"),
}

_DEPTH_WORDS = {
    "networking": ("netværk", "netværksarbejde", "network", "informationsudveksling"),
    "coordinating": ("koordinering", "koordination", "coordination"),
    "cooperating": ("kooperation", "cooperation", "ressourcedeling"),
    "collaborating": ("kollaboration", "collaboration", "partnerskab"),
}

_FORMALISATION_WORDS = {
    "informal": ("uformel", "ingen aftale", "none"),
    "oral": ("mundtlig", "mundtligt", "oral", "verbal"),
    "written": ("skriftlig", "skriftligt", "samarbejdsaftale", "written"),
    "contract": ("kontrakt", "contract"),
}

PARTNERSHIP_SHEET = SheetSpec(
    "partnerships",
    (
        Column(
            "title",
            "partnerships.col.title",
            ("titel", "title", "partnerskab", "partnership", "navn", "name"),
            required=True,
        ),
        Column("owner", "partnerships.col.owner", ("ansvarlig", "owner", "partnerskabsansvarlig", "tovholder")),
        Column("stage", "partnerships.col.stage", ("fase", "stage", "status")),
        Column("depth", "partnerships.col.depth", ("dybde", "depth", "samarbejdsform")),
        Column("formalisation", "partnerships.col.formalisation", ("formalisering", "formalisation", "aftaleform")),
        Column(
            "organisations",
            "partnerships.col.organisations",
            ("partnere", "partners", "organisationer", "organisations", "organisation", "partner"),
        ),
        Column("goals", "partnerships.col.goals", ("mål", "goals", "goal")),
        Column("start_date", "partnerships.col.start_date", ("start", "startdato", "start date", "fra")),
        Column("end_date", "partnerships.col.end_date", ("slut", "slutdato", "end date", "til")),
        Column(
            "contact_rhythm_days", "partnerships.col.contact_rhythm_days", ("kontaktrytme", "contact rhythm", "rytme")
        ),
        Column(
            "library_resources", "partnerships.col.library_resources", ("bibliotekets ressourcer", "library resources")
        ),
        Column(
            "partner_resources", "partnerships.col.partner_resources", ("partnerens ressourcer", "partner resources")
        ),
        Column("notes", "partnerships.col.notes", ("noter", "notes", "bemærkninger", "note")),
        Column("ended_on", "partnerships.col.ended_on", ("afsluttet", "ended", "ended on")),
    ),
)


class PartnershipsImporter(TableImporter):
    """One row per partnership: title, owner, stage, depth, formalisation, partners, goals, dates, rhythm.

    Partner organisations and goals are named in one cell each ("Byskolen; Museet"). An organisation
    not in the workspace is created (with a note); a goal not in the workspace is left out (with a
    note). A stage word the importer does not know becomes "idea", an unknown depth or
    formalisation is left empty, an unreadable date or rhythm is left out — each with a note. A
    title an open partnership already has is skipped. An end date before the start date rejects
    the row.
    """

    kind = "partnerships"
    sheets = (PARTNERSHIP_SHEET,)

    def __init__(self) -> None:
        self.orgs = OrganisationIndex()
        self.staff = StaffIndex()
        self.goal_by_key: dict[str, int] = {}
        self.open_titles: set[str] = set()
        self.planned: list[tuple[dict[str, Any], list[str], list[int]]] = []
        self.stage = code_from_words(_STAGE_WORDS, "partnerships.stage")
        self.depth = code_from_words(_DEPTH_WORDS, "partnerships.depth")
        self.formalisation = code_from_words(_FORMALISATION_WORDS, "partnerships.formalisation")

    def load(self, session: Session) -> None:
        self.orgs = OrganisationIndex.load(session)
        self.staff = StaffIndex.load(session)
        for goal_id, title in session.execute(select(Goal.id, Goal.title).order_by(Goal.id)):
            self.goal_by_key.setdefault(editing.title_key(title), goal_id)
        self.open_titles = {
            editing.title_key(title)
            for title in session.scalars(select(Partnership.title).where(Partnership.closed.is_(False)))
        }

    def read_row(self, role: str, row: RowValues) -> str:
        title = row.text("title")
        if not title:
            return row.reject("", "partnerships.title_required")
        # The title is what a partnership is recognised by, and organisations by their names: text
        # too long for them rejects the row rather than being cut.
        organisation_names = split_list(cell(row, "organisations"))
        if not (
            row.fits(Partnership, "title", title, row.column("title"))
            and all(row.name_fits(Organisation, name, row.column("organisations")) for name in organisation_names)
        ):
            return "rejected"
        values: dict[str, Any] = {"title": title}
        stage = row.parsed("stage", self.stage) or "idea"
        ended_on = row.parsed("ended_on", normalize.parse_date)
        values["closed"] = stage == "ended" or ended_on is not None
        values["stage"] = "sustaining_ending" if stage == "ended" else stage
        values["ended_on"] = ended_on if values["closed"] else None
        if not values["closed"] and editing.title_key(title) in self.open_titles:
            row.warn(row.column("title"), "partnerships.import.partnership_exists", title=title)
            return "skipped"
        values["depth"] = row.parsed("depth", self.depth)
        values["formalisation"] = row.parsed("formalisation", self.formalisation)
        values["start_date"] = row.parsed("start_date", normalize.parse_date)
        values["end_date"] = row.parsed("end_date", normalize.parse_date)
        if values["start_date"] and values["end_date"] and values["end_date"] < values["start_date"]:
            return row.reject(row.column("end_date"), "partnerships.dates_order")
        values["contact_rhythm_days"] = row.parsed("contact_rhythm_days", _parse_rhythm)
        for text in ("library_resources", "partner_resources", "notes"):
            values[text] = cell_text(row, text)
        values["owner_id"] = self._owner(row)
        org_keys = self._organisations(row, organisation_names)
        goal_ids = self._goals(row)
        if not values["closed"]:
            self.open_titles.add(editing.title_key(title))
        self.planned.append((values, org_keys, goal_ids))
        return "insert"

    def _owner(self, row: RowValues) -> int | None:
        text = row.text("owner")
        owner_id = self.staff.find(text)
        if text and owner_id is None:
            row.warn(row.column("owner"), "strategy.import.unknown_owner", value=text)
        return owner_id

    def _organisations(self, row: RowValues, names: list[str]) -> list[str]:
        keys = []
        for name in names:
            key, is_new = self.orgs.ref(name)
            if is_new:
                row.warn(row.column("organisations"), "partners.import.organisation_created", name=name)
            if key not in keys:
                keys.append(key)
        return keys

    def _goals(self, row: RowValues) -> list[int]:
        ids = []
        for title in split_list(cell(row, "goals")):
            goal_id = self.goal_by_key.get(editing.title_key(title))
            if goal_id is None:
                row.warn(row.column("goals"), "partnerships.import.unknown_goal", title=title)
            elif goal_id not in ids:
                ids.append(goal_id)
        return ids

    def store(self, session: Session, batch_id: int) -> dict[str, int]:
        created_orgs = self.orgs.store_new(session, batch_id)
        records = [Partnership(batch_id=batch_id, **values) for values, _, _ in self.planned]
        session.add_all(records)
        session.flush()
        links = 0
        for record, (_, org_keys, goal_ids) in zip(records, self.planned, strict=True):
            org_ids = [self.orgs.id_of(key) for key in org_keys]
            session.add_all(PartnershipOrganisation(partnership_id=record.id, organisation_id=o) for o in org_ids)
            session.add_all(PartnershipGoal(partnership_id=record.id, goal_id=g) for g in goal_ids)
            links += len(org_ids)
            log_organisation_use(session, org_ids, "organisation_in_partnership", None, partnership=record.id)
        session.flush()
        return {"partnerships": len(records), "organisations": created_orgs, "partnership_organisations": links}


def _parse_rhythm(value: Any) -> int | None:
    text = normalize.clean_text(value)
    if text is None:
        return None
    number = normalize.parse_number(text.split()[0]) if text.split() else None
    if number is None or not float(number).is_integer() or not 1 <= number <= MAX_RHYTHM_DAYS:
        raise ValidationFailed("partnerships.rhythm_invalid", value=text, low=1, high=MAX_RHYTHM_DAYS)
    return int(number)


@requires("import")
def import_partnerships(
    db: Any, file_name: str, data: bytes, *, commit: bool, actor: str | None = None, progress: Progress | None = None
) -> TableImportResult:
    """Import partnerships from an Excel or CSV file (see :class:`PartnershipsImporter`)."""
    return run_table_import(db, PartnershipsImporter(), file_name, data, commit=commit, actor=actor, progress=progress)
