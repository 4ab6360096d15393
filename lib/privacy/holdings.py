"""What the workspace holds about a person: finding them, their purpose (lawful basis), every part of
their data, and handing it over as JSON or Excel (GDPR art. 15 and 20)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd
from sqlalchemy import false, func, or_, select
from sqlalchemy.orm import Session

from lib.core.access import principal_of, requires
from lib.core.errors import ValidationFailed
from lib.core.frames import payload_text
from lib.core.i18n import t
from lib.core.normalize import display_phone, display_phones
from lib.core.spreadsheets import xlsx_bytes
from lib.db import (
    Affiliation,
    Assessment,
    ChecklistAssessment,
    CompetenceAssessment,
    ContactLogEntry,
    DuplicateCandidate,
    EvaluationRespondent,
    EvaluationResponse,
    EvaluationRound,
    Event,
    Goal,
    ImportBatch,
    ImportChange,
    Organisation,
    Partnership,
    Person,
    Relation,
    StrengthOffer,
    log_event,
)
from lib.privacy.shared import (
    _CODE_PREFIXES,
    EXPORT_ENTITY,
    PART_COLUMNS,
    PARTS,
    PERSON_ENTITIES,
    PERSON_FIELDS,
    _emails_of,
    _normalised_email,
    _person_row,
    _today,
)
from lib.privacy.survey_answers import _survey_part
from lib.workspace.clock import localise_values, workspace_timezone
from lib.workspace.events import details_text, log_export


@requires("personal_data")
def find_person(session: Session, email: str) -> Person | None:
    """The person with ``email`` as their e-mail or one of their further e-mails, in any case."""
    wanted = _normalised_email(email)
    if not wanted:
        return None
    person = session.scalars(select(Person).where(func.lower(Person.email) == wanted).limit(1)).first()
    if person is not None:
        return person
    # Further e-mails are a JSON list, which neither database searches the same way: read them here.
    for person_id, others in session.execute(select(Person.id, Person.other_emails)):
        if others and wanted in {_normalised_email(e) for e in others}:
            return session.get(Person, person_id)
    return None


@requires("personal_data")
def set_purpose(session: Session, person_id: int, purpose: str | None, actor: str | None = None) -> bool:
    """Store why the library holds the person's data (purpose / lawful basis); True when it changed."""
    person = _person_row(session, person_id)
    text = (purpose or "").replace("\r\n", "\n").strip() or None
    if text is not None and len(text) > 2000:
        raise ValidationFailed("personal_data.purpose_too_long", limit=2000)
    if person.purpose == text:
        return False
    old = person.purpose
    person.purpose = text
    log_event(
        session,
        "person_purpose_set",
        entity="person",
        entity_id=person_id,
        actor=actor or principal_of(session).actor,
        changes={"purpose": [old, text]},
    )
    return True


def _merged_ids(session: Session, person_ids: set[int]) -> set[int]:
    """``person_ids`` plus the record numbers of people merged into them earlier (and into those)."""
    merges: list[tuple[int, Any]] = [
        (entity_id, details)
        for entity_id, details in session.execute(
            select(Event.entity_id, Event.details).where(Event.action == "person_merged_into")
        )
        if entity_id is not None
    ]
    found = set(person_ids)
    growing = True
    while growing:
        growing = False
        for removed_id, details in merges:
            kept = (details or {}).get("kept") or {}
            if removed_id not in found and kept.get("id") in found:
                found.add(removed_id)
                growing = True
    return found


def _record_part(session: Session, person: Person) -> dict[str, Any]:
    batch = session.get(ImportBatch, person.batch_id) if person.batch_id is not None else None
    return {
        "id": person.id,
        "name": person.name,
        "email": person.email,
        "other_emails": list(person.other_emails or []),
        "phone": person.phone,
        "other_phones": list(person.other_phones or []),
        "title": person.title,
        "notes": person.notes,
        "is_staff": bool(person.is_staff),
        "staff_role": person.staff_role,
        "team": person.team,
        "source": person.source,
        "purpose": person.purpose,
        # The duty to inform (lib.privacy.informing): when and how they were told that the library holds this.
        "informed_on": person.informed_on,
        "informed_how": person.informed_how,
        "informed_note": person.informed_note,
        "import_file": batch.file_name if batch else None,
        "imported_at": batch.created_at if batch else None,
        "created_at": person.created_at,
        "updated_at": person.updated_at,
    }


def _names(session: Session, model: Any, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {row_id: name for row_id, name in session.execute(select(model.id, model.name).where(model.id.in_(wanted)))}


def _affiliations_part(session: Session, person_id: int, today: dt.date) -> list[dict[str, Any]]:
    rows = session.execute(
        select(Affiliation, Organisation.name)
        .join(Organisation, Organisation.id == Affiliation.organisation_id)
        .where(Affiliation.person_id == person_id)
        .order_by(Affiliation.id)
    )
    return [
        {
            "organisation": name,
            "role": a.role,
            "start_date": a.start_date,
            "end_date": a.end_date,
            "current": a.end_date is None or a.end_date >= today,
        }
        for a, name in rows
    ]


def _party_name(
    people: Mapping[int, str], orgs: Mapping[int, str], person_id: int | None, org_id: int | None
) -> str | None:
    return people.get(person_id) if person_id is not None else orgs.get(org_id) if org_id is not None else None


def _relations_parts(session: Session, person_id: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Ties to and from the person (with the other party's name), and ties they hold for the library."""
    ties = list(
        session.scalars(
            select(Relation)
            .where(
                or_(
                    Relation.from_person_id == person_id,
                    Relation.to_person_id == person_id,
                    Relation.owner_id == person_id,
                )
            )
            .order_by(Relation.id)
        )
    )
    people = _names(session, Person, [i for r in ties for i in (r.from_person_id, r.to_person_id, r.owner_id)])
    orgs = _names(session, Organisation, [i for r in ties for i in (r.from_organisation_id, r.to_organisation_id)])
    own, held = [], []
    for tie in ties:
        if person_id in (tie.from_person_id, tie.to_person_id):
            outgoing = tie.from_person_id == person_id
            other_person = tie.to_person_id if outgoing else tie.from_person_id
            other_org = tie.to_organisation_id if outgoing else tie.from_organisation_id
            own.append(
                {
                    "direction": "outgoing" if outgoing else "incoming",
                    "other": _party_name(people, orgs, other_person, other_org),
                    "other_kind": "person" if other_person is not None else "organisation",
                    "kind": tie.kind,
                    "strength": tie.strength,
                    "first_contact": tie.first_contact,
                    "last_contact": tie.last_contact,
                    "holder": people.get(tie.owner_id) if tie.owner_id is not None else None,
                    "notes": tie.notes,
                }
            )
        if tie.owner_id == person_id:
            held.append(
                {
                    "from": _party_name(people, orgs, tie.from_person_id, tie.from_organisation_id),
                    "to": _party_name(people, orgs, tie.to_person_id, tie.to_organisation_id),
                    "kind": tie.kind,
                    "strength": tie.strength,
                    "first_contact": tie.first_contact,
                    "last_contact": tie.last_contact,
                }
            )
    return own, held


def _owned_parts(session: Session, person_id: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    partnerships = [
        {
            "title": p.title,
            "stage": p.stage,
            "start_date": p.start_date,
            "end_date": p.end_date,
            "closed": bool(p.closed),
        }
        for p in session.scalars(select(Partnership).where(Partnership.owner_id == person_id).order_by(Partnership.id))
    ]
    goals = [
        {"title": g.title, "theme": g.theme, "target_date": g.target_date}
        for g in session.scalars(select(Goal).where(Goal.owner_id == person_id).order_by(Goal.id))
    ]
    return partnerships, goals


def _contact_log_part(session: Session, person_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        select(ContactLogEntry, Partnership.title)
        .join(Partnership, Partnership.id == ContactLogEntry.partnership_id)
        .where(ContactLogEntry.staff_id == person_id)
        .order_by(ContactLogEntry.contacted_on, ContactLogEntry.id)
    )
    return [
        {"partnership": title, "contacted_on": e.contacted_on, "channel": e.channel, "note": e.note}
        for e, title in rows
    ]


def _evaluation_links_part(session: Session, person_id: int) -> list[dict[str, Any]]:
    """The evaluation rounds they were asked to answer by link, with their answer (no token: only its
    digest is stored, and that opens nothing)."""
    rows = session.execute(
        select(EvaluationRespondent, EvaluationRound, Partnership.title, EvaluationResponse)
        .join(EvaluationRound, EvaluationRound.id == EvaluationRespondent.round_id)
        .join(Partnership, Partnership.id == EvaluationRound.partnership_id)
        .outerjoin(EvaluationResponse, EvaluationResponse.id == EvaluationRespondent.response_id)
        .where(EvaluationRespondent.person_id == person_id)
        .order_by(EvaluationRound.held_on, EvaluationRespondent.id)
    )
    return [
        {
            "partnership": title,
            "round": " · ".join(str(part) for part in (rnd.held_on.isoformat(), rnd.title) if part),
            "side": r.side,
            "email": r.email,
            "created_at": r.created_at,
            "expires_at": r.expires_at,
            "revoked_at": r.revoked_at,
            "answered_at": r.answered_at if response is not None else None,
            "answers": dict(response.answers or {}) if response is not None else None,
            "reflections": response.reflections if response is not None else None,
        }
        for r, rnd, title, response in rows
    ]


def _assessments_part(session: Session, person_id: int) -> list[dict[str, Any]]:
    """Partner assessments they made or decided, and checklist self-assessments they made."""
    rows: list[dict[str, Any]] = []
    partner = session.execute(
        select(Assessment, Organisation.name)
        .join(Organisation, Organisation.id == Assessment.organisation_id)
        .where(or_(Assessment.assessor_id == person_id, Assessment.decided_by_id == person_id))
        .order_by(Assessment.assessed_on, Assessment.id)
    )
    for assessment, org_name in partner:
        roles = [
            role
            for role, holder in (("assessor", assessment.assessor_id), ("decided_by", assessment.decided_by_id))
            if holder == person_id
        ]
        for role in roles:
            rows.append(
                {
                    "assessment_kind": "partner",
                    "organisation": org_name,
                    "assessed_on": assessment.assessed_on,
                    "assessment_role": role,
                    "decision": assessment.decision,
                    "decided_on": assessment.decided_on,
                }
            )
    for checklist in session.scalars(
        select(ChecklistAssessment)
        .where(ChecklistAssessment.assessor_id == person_id)
        .order_by(ChecklistAssessment.assessed_on, ChecklistAssessment.id)
    ):
        rows.append(
            {
                "assessment_kind": "checklist",
                "organisation": None,
                "assessed_on": checklist.assessed_on,
                "assessment_role": "assessor",
                "decision": None,
                "decided_on": None,
            }
        )
    return rows


def _competence_part(session: Session, person_id: int) -> list[dict[str, Any]]:
    query = (
        select(CompetenceAssessment)
        .where(CompetenceAssessment.person_id == person_id)
        .order_by(CompetenceAssessment.assessed_on, CompetenceAssessment.id)
    )
    return [
        {"assessed_on": c.assessed_on, "scores": dict(c.scores or {}), "development_needs": c.development_needs}
        for c in session.scalars(query)
    ]


def _offers_part(session: Session, person_id: int) -> list[dict[str, Any]]:
    query = select(StrengthOffer).where(StrengthOffer.contact_person_id == person_id).order_by(StrengthOffer.id)
    return [
        {"title": o.title, "team": o.team, "category": o.category, "updated_on": o.updated_on}
        for o in session.scalars(query)
    ]


def _duplicates_part(session: Session, person_id: int) -> list[dict[str, Any]]:
    candidates = list(
        session.scalars(
            select(DuplicateCandidate)
            .where(or_(DuplicateCandidate.person_a_id == person_id, DuplicateCandidate.person_b_id == person_id))
            .order_by(DuplicateCandidate.id)
        )
    )
    others = _names(
        session, Person, [c.person_b_id if c.person_a_id == person_id else c.person_a_id for c in candidates]
    )
    return [
        {
            "other": others.get(c.person_b_id if c.person_a_id == person_id else c.person_a_id),
            "rule": c.rule,
            "score": float(c.score or 0),
            "status": c.status,
            "created_at": c.created_at,
        }
        for c in candidates
    ]


def _imports_part(session: Session, person_id: int) -> list[dict[str, Any]]:
    """The imports that created or changed the person's record, oldest first."""
    inserted = session.scalars(
        select(ImportBatch).join(Person, Person.batch_id == ImportBatch.id).where(Person.id == person_id)
    ).all()
    updated = session.execute(
        select(ImportChange.action, ImportBatch)
        .join(ImportBatch, ImportBatch.id == ImportChange.batch_id)
        .where(ImportChange.table_name == "people", ImportChange.record_id == person_id)
        .order_by(ImportBatch.created_at, ImportChange.id)
    ).all()
    return [
        {
            "file_name": b.file_name,
            "sheet_name": b.sheet_name,
            "imported_at": b.created_at,
            "import_action": action,
            "status": b.status,
            "actor": b.actor,
        }
        for action, b in [*(("insert", b) for b in inserted), *updated]
    ]


def _connected_ids(session: Session, person_ids: set[int]) -> tuple[set[int], set[int]]:
    """Record numbers of the affiliations and ties of ``person_ids``."""
    affiliations = set(session.scalars(select(Affiliation.id).where(Affiliation.person_id.in_(person_ids))))
    relations = set(
        session.scalars(
            select(Relation.id).where(
                or_(Relation.from_person_id.in_(person_ids), Relation.to_person_id.in_(person_ids))
            )
        )
    )
    return affiliations, relations


def _import_change_clause(person_ids: set[int], affiliation_ids: set[int], relation_ids: set[int]) -> Any:
    clauses = [(ImportChange.table_name == "people") & ImportChange.record_id.in_(person_ids)]
    if affiliation_ids:
        clauses.append((ImportChange.table_name == "affiliations") & ImportChange.record_id.in_(affiliation_ids))
    if relation_ids:
        clauses.append((ImportChange.table_name == "relations") & ImportChange.record_id.in_(relation_ids))
    return or_(*clauses)


def _import_changes_part(session: Session, person_ids: set[int]) -> list[dict[str, Any]]:
    affiliation_ids, relation_ids = _connected_ids(session, person_ids)
    rows = session.execute(
        select(ImportChange, ImportBatch.file_name, ImportBatch.created_at)
        .join(ImportBatch, ImportBatch.id == ImportChange.batch_id)
        .where(_import_change_clause(person_ids, affiliation_ids, relation_ids))
        .order_by(ImportBatch.created_at, ImportChange.id)
    )
    return [
        {
            "file_name": file_name,
            "imported_at": at,
            "table": change.table_name,
            "import_action": change.action,
            "before": dict(change.before or {}),
        }
        for change, file_name, at in rows
    ]


def _is_about(
    entity: str | None, entity_id: int | None, details: Mapping[str, Any] | None, person_ids: set[int]
) -> bool:
    """Whether an event is about one of ``person_ids`` (rather than something they did)."""
    if entity in (*PERSON_ENTITIES, EXPORT_ENTITY) and entity_id in person_ids:
        return True
    details = details or {}
    if entity == "duplicate_candidate":
        return details.get("person_a_id") in person_ids or details.get("person_b_id") in person_ids
    # Competence assessments are the person's own answers.
    return entity == "competence_assessment" and details.get("person_id") in person_ids


def _events_part(session: Session, person_ids: set[int], emails: list[str]) -> list[dict[str, Any]]:
    """Events about the person, and events they caused (their e-mail as actor), oldest first."""
    query = (
        select(Event)
        .where(
            or_(
                Event.entity.in_((*PERSON_ENTITIES, EXPORT_ENTITY)) & Event.entity_id.in_(person_ids),
                Event.entity.in_(("duplicate_candidate", "competence_assessment")),
                func.lower(Event.actor).in_(emails) if emails else false(),
            )
        )
        .order_by(Event.at, Event.id)
    )
    return [
        {"at": e.at, "actor": e.actor, "action": e.action, "entity": e.entity, "details": dict(e.details or {})}
        for e in session.scalars(query)
        if _normalised_email(e.actor) in emails or _is_about(e.entity, e.entity_id, e.details, person_ids)
    ]


@requires("personal_data")
def person_data(session: Session, person_id: int, today: dt.date | None = None) -> dict[str, Any]:
    """Everything the workspace holds about one person, by part (:data:`PARTS`), as plain values.

    ``person`` is the record (with the import that created it and the purpose); every other part is
    a list of rows with the columns of :data:`PART_COLUMNS`. Nothing is logged: showing this to an
    administrator is not handing it out (see :func:`person_export`).
    """
    person = _person_row(session, person_id)
    ids = _merged_ids(session, {person_id})
    relations, held = _relations_parts(session, person_id)
    partnerships, goals = _owned_parts(session, person_id)

    return localise_values(
        {
            "person": _record_part(session, person),
            "affiliations": _affiliations_part(session, person_id, today or _today()),
            "relations": relations,
            "relations_held": held,
            "partnerships": partnerships,
            "goals": goals,
            "contact_log": _contact_log_part(session, person_id),
            "evaluation_links": _evaluation_links_part(session, person_id),
            "staff_survey": _survey_part(session, person_id, _emails_of(person)),
            "assessments": _assessments_part(session, person_id),
            "competence_assessments": _competence_part(session, person_id),
            "strength_offers": _offers_part(session, person_id),
            "duplicate_reviews": _duplicates_part(session, person_id),
            "imports": _imports_part(session, person_id),
            "import_changes": _import_changes_part(session, ids),
            "events": _events_part(session, ids, _emails_of(person)),
        },
        workspace_timezone(session),
    )  # stored UTC times as the workspace's local times


def part_counts(data: Mapping[str, Any]) -> dict[str, int]:
    """How many rows each list part of :func:`person_data` holds (the record counts as one)."""
    return {part: 1 if part == "person" else len(data[part]) for part in PARTS}


@requires("personal_data")
def person_export(session: Session, person_id: int, actor: str | None = None, *, fmt: str = "data") -> dict[str, Any]:
    """:func:`person_data`, handed out: the export is logged (``person_exported``, without the data)."""
    data = person_data(session, person_id)

    log_export(
        session,
        "person",
        people=1,
        entity=EXPORT_ENTITY,
        entity_id=person_id,
        actor=actor,
        format=fmt,
        parts=part_counts(data),
    )
    return data


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def export_json_bytes(data: Mapping[str, Any]) -> bytes:
    """``data`` as UTF-8 JSON with ISO dates, readable by people and programs alike."""
    return json.dumps(
        {"exported_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(), **data},
        ensure_ascii=False,
        indent=2,
        default=_json_default,
    ).encode("utf-8")


@requires("personal_data")
def person_export_json(session: Session, person_id: int, actor: str | None = None) -> bytes:
    """Everything held about the person as a JSON file (UTF-8, dates ISO); the export is logged."""
    return export_json_bytes(person_export(session, person_id, actor, fmt="json"))


@requires("personal_data")
def person_export_xlsx(session: Session, person_id: int, actor: str | None = None, lang: str = "da") -> bytes:
    """Everything held about the person as an Excel file, one sheet per part; the export is logged."""

    data = person_export(session, person_id, actor, fmt="xlsx")
    return xlsx_bytes(readable_frames(data, lang))


def _code_label(prefix: str, code: Any, lang: str) -> Any:

    if not isinstance(code, str) or not code:
        return code
    key = f"{prefix}.{code}"
    text = t(key, lang)
    return code if text == key else text


def _cell(value: Any) -> Any:
    """A value a table cell can hold: dicts and lists become compact JSON text (a missing value in them
    as empty text, not ``null``: the JSON file keeps them as they are)."""
    if isinstance(value, (dict, list)):
        return payload_text(value, default=_json_default)
    return value


def record_frame(record: Mapping[str, Any], lang: str = "da") -> pd.DataFrame:
    """The person record as two columns, field and value, in the reader's language."""

    rows = []
    for name in PERSON_FIELDS:
        value = record.get(name)
        if name in _CODE_PREFIXES:
            value = _code_label(_CODE_PREFIXES[name], value, lang)
        if name == "phone":
            value = display_phone(value)
        elif name == "other_phones":
            value = display_phones(value)
        if isinstance(value, list):
            value = "; ".join(map(str, value))
        rows.append(
            {
                t("personal_data.col.field", lang): t(f"personal_data.field.{name}", lang),
                t("personal_data.col.value", lang): _cell(value),
            }
        )
    return pd.DataFrame(rows, dtype=object)


def part_frame(part: str, rows: list[Mapping[str, Any]], lang: str = "da") -> pd.DataFrame:
    """One list part as a table with translated headers and codes shown as words."""

    columns = PART_COLUMNS[part]
    body = [
        [
            details_text(row.get(c), lang)
            if part == "events" and c == "details"
            else _cell(_code_label(_CODE_PREFIXES[c], row.get(c), lang) if c in _CODE_PREFIXES else row.get(c))
            for c in columns
        ]
        for row in rows
    ]
    return pd.DataFrame(body, columns=[t(f"personal_data.col.{c}", lang) for c in columns], dtype=object)


def readable_frames(data: Mapping[str, Any], lang: str = "da") -> dict[str, pd.DataFrame]:
    """Every part of :func:`person_data` as a table, keyed by the part's name in the reader's language."""

    frames = {t("personal_data.part.person", lang): record_frame(data["person"], lang)}
    for part in PARTS[1:]:
        frames[t(f"personal_data.part.{part}", lang)] = part_frame(part, data[part], lang)
    return frames
