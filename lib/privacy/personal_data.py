"""Personal data (GDPR): what the workspace holds about a person, handing it over, erasing it, and
noticing contacts nobody has used for a long time.

Contact lists hold personal data, and libraries are public bodies: they keep what they need, note why
(``Person.purpose``, the purpose / lawful basis), and must be able to answer a person's request to see
their data (:func:`person_export`) or to have it erased (:func:`erase_person`).

Erasing removes the person everywhere, not only their row: the database cascades their affiliations,
ties and competence assessments, and references elsewhere (partnership owner, assessor …) become
empty. Besides that this module removes what the foreign keys do not reach:

* the network drawing's stored position of their node (``NodePosition`` "P<id>");
* import changes about their records, and review-queue entries naming them;
* the event log: events about them keep their action and time, but lose their payload
  (``{"erased": true}``) and the link to the (now meaningless) record number, so a later person who
  happens to get the same number does not inherit their history; elsewhere in the log, and in every
  other text or JSON value of the workspace (every table, every text and JSON column, JSON keys as
  well as values: an import's mapping is keyed by "file › sheet", and file and sheet names often
  carry a person's name), their e-mails and name are replaced by :data:`REDACTED` and references to
  them (``owner_id``, ``person_id`` …) are emptied;
* remembered column mappings (``saved_mappings``) whose headers hold their name or e-mail are
  deleted, not redacted: they are found by an unkeyed hash of the headers;
* records merged into them earlier (``person_merged_into`` events) count as theirs.

Kept on purpose: a remaining person's own name and e-mails (``people.name``, ``name_key``, ``email``,
``other_emails``: a namesake keeps theirs), organisation names (an organisation is not a person),
setting names, and the erasure markers. Phone numbers are not searched for in other records' text.

A name is only searched for in other records' text when it is a full name (two words or more) that
no remaining person shares: "Kim" or a namesake's "Ann Berg" cannot be told apart from someone else.
Exact values (a JSON field holding just their name or e-mail) are always replaced, unless a
remaining person has the same name or e-mail.

An erasure leaves one trace on purpose: an *erasure marker* per e-mail, a one-way HMAC-SHA256 hash
under a random key of the workspace (kept in ``workspace_settings``, made on first use). The e-mail
cannot be read back from it, but an import recognises it and skips the row with a warning, so an old
spreadsheet does not bring the person back. Markers are written in the demo workspace too: the demo
should behave like the real thing, and a marker holds nothing personal. Each marker (and the key) is
also kept in the erasure ledger, beside the workspace, so that restoring an older backup erases the
person again (``lib.privacy.erasure_ledger``); an erasure whose ledger entry cannot be written is not done.
After the erasure commits, the database's files are cleared of the deleted rows where that can be
done (``lib.privacy.erasure_cleanup``: SQLite's write-ahead log, PostgreSQL's VACUUM).

The event log records every export (``person_exported``) and erasure (``person_erased``, with counts
only). Every function works in the caller's session and never commits; the logging functions need a
write session (``with db.write() as session:``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
import secrets
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import JSON, String, Text, delete, false, func, or_, select, text
from sqlalchemy.orm import Session

from lib.core.access import principal_of, requires
from lib.core.errors import ValidationFailed
from lib.core.frames import payload_text, typed_frame
from lib.core.normalize import display_phone, display_phones
from lib.db import (
    Affiliation,
    Assessment,
    Base,
    ChecklistAssessment,
    CompetenceAssessment,
    ContactLogEntry,
    DuplicateCandidate,
    ErasureMarker,
    Event,
    Goal,
    ImportBatch,
    ImportChange,
    NodePosition,
    Organisation,
    Partnership,
    PartnershipOrganisation,
    Person,
    Relation,
    SavedMapping,
    StrengthOffer,
    get_setting,
    log_event,
    set_setting,
)
from lib.privacy import erasure_cleanup, erasure_ledger
from lib.workspace import editing

#: What replaces a name or e-mail that is removed from other records' text.
REDACTED = "[***]"
#: The workspace setting holding the hex key of the erasure markers' HMAC.
KEY_SETTING = "erasure_key"
#: Further keys (hex, space-separated) of markers a restore brought back (``lib.privacy.erasure_ledger``).
OTHER_KEYS_SETTING = "erasure_keys_other"
RETENTION_SETTING = "retention_months"
DEFAULT_RETENTION_MONTHS = 24
MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS = 1, 240

#: Entities of the event log that name a person by record number.
PERSON_ENTITIES = ("person", "people")
#: The entity of export events: not "person", because an export is no edit, and an edit of a record
#: after its import makes the import's undo refuse (``lib.ingest.contact_lists``).
EXPORT_ENTITY = "personal_data"
#: Keys in JSON payloads (event details, import changes' values) that hold a person's record number.
PERSON_REFERENCE_KEYS = frozenset(
    {
        "person_id",
        "person_a_id",
        "person_b_id",
        "owner_id",
        "assessor_id",
        "decided_by_id",
        "contact_person_id",
        "staff_id",
        "from_person_id",
        "to_person_id",
    }
)
#: Columns never rewritten when redacting: other people's own names and e-mails (a namesake keeps
#: theirs), organisation names (an organisation is not a person), and setting names.
_NOT_REDACTED = frozenset(
    {
        ("people", "name"),
        ("people", "name_key"),
        ("people", "email"),
        ("organisations", "name"),
        ("organisations", "name_key"),
        ("workspace_settings", "key"),
    }
)
#: Tables handled on their own (events, saved mappings) or holding one-way codes only (markers).
_TABLES_NOT_SCANNED = frozenset({"events", "erasure_markers", "saved_mappings"})

#: The parts of a person's export, in order: the record, then every list of things about them.
PARTS = (
    "person",
    "affiliations",
    "relations",
    "relations_held",
    "partnerships",
    "goals",
    "contact_log",
    "assessments",
    "competence_assessments",
    "strength_offers",
    "duplicate_reviews",
    "imports",
    "import_changes",
    "events",
)
#: The fields of the person record in an export.
PERSON_FIELDS = (
    "id",
    "name",
    "email",
    "other_emails",
    "phone",
    "other_phones",
    "title",
    "notes",
    "is_staff",
    "staff_role",
    "team",
    "source",
    "purpose",
    "informed_on",
    "informed_how",
    "informed_note",
    "import_file",
    "imported_at",
    "created_at",
    "updated_at",
)
#: The columns of each list part (translation keys ``personal_data.col.<column>``).
PART_COLUMNS: dict[str, tuple[str, ...]] = {
    "affiliations": ("organisation", "role", "start_date", "end_date", "current"),
    "relations": (
        "direction",
        "other",
        "other_kind",
        "kind",
        "strength",
        "first_contact",
        "last_contact",
        "holder",
        "notes",
    ),
    "relations_held": ("from", "to", "kind", "strength", "first_contact", "last_contact"),
    "partnerships": ("title", "stage", "start_date", "end_date", "closed"),
    "goals": ("title", "theme", "target_date"),
    "contact_log": ("partnership", "contacted_on", "channel", "note"),
    "assessments": ("assessment_kind", "organisation", "assessed_on", "assessment_role", "decision", "decided_on"),
    "competence_assessments": ("assessed_on", "scores", "development_needs"),
    "strength_offers": ("title", "team", "category", "updated_on"),
    "duplicate_reviews": ("other", "rule", "score", "status", "created_at"),
    "imports": ("file_name", "sheet_name", "imported_at", "import_action", "status", "actor"),
    "import_changes": ("file_name", "imported_at", "table", "import_action", "before"),
    "events": ("at", "actor", "action", "entity", "details"),
}
#: Columns holding codes, shown with the words of these translation prefixes.
_CODE_PREFIXES = {
    "direction": "personal_data.direction",
    "other_kind": "personal_data.party",
    "kind": "relkind",
    "stage": "partnerships.stage",
    "channel": "partnerships.channel",
    "assessment_kind": "personal_data.assessment_kind",
    "assessment_role": "personal_data.assessment_role",
    "decision": "partners.decision",
    "category": "strengths.category",
    "status": "personal_data.status",
    "import_action": "personal_data.import_action",
    "action": "admin.action",
    "rule": "records.rule",
    "staff_role": "organisation.role",
    "informed_how": "informing.how",
}


# --- small helpers ---------------------------------------------------------------------------------


def _normalised_email(email: object) -> str:
    """An e-mail as the workspace stores it: trimmed and lower-cased."""
    return str(email or "").strip().lower()


def _plain(value: Any) -> Any:
    """A JSON-friendly value: dates as ISO text, everything else unchanged."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _today() -> dt.date:
    return dt.date.today()


def _person_row(session: Session, person_id: int) -> Person:
    return editing.existing(session, Person, person_id, "personal_data.person_not_found")


def _emails_of(person: Person) -> list[str]:
    """Every e-mail a person has, primary first, each once."""
    found = [_normalised_email(e) for e in [person.email, *(person.other_emails or [])]]
    return list(dict.fromkeys(e for e in found if e))


# --- finding a person ------------------------------------------------------------------------------


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


# --- erasure markers -------------------------------------------------------------------------------


def _marker_key(session: Session, *, create: bool) -> bytes | None:
    """The workspace's random HMAC key; made and stored on first use when ``create``."""
    value = get_setting(session, KEY_SETTING)
    if value is None:
        if not create:
            return None
        value = secrets.token_hex(32)
        set_setting(session, KEY_SETTING, value)
        session.flush()
    return bytes.fromhex(value)


def email_hash(key: bytes, email: str) -> str:
    """The one-way hash an erasure marker keeps of ``email`` (HMAC-SHA256, hex)."""
    return hmac.new(key, _normalised_email(email).encode("utf-8"), hashlib.sha256).hexdigest()


@requires("import")
def marker_keys(session: Session) -> list[bytes]:
    """Every key the workspace's markers were made with: its own first, then those a restore brought
    (``lib.privacy.erasure_ledger``: markers of an older key still have to match)."""
    found = [get_setting(session, KEY_SETTING) or "", *(get_setting(session, OTHER_KEYS_SETTING) or "").split()]
    return [bytes.fromhex(value) for value in dict.fromkeys(found) if value]


@requires("restore")
def adopt_marker_keys(session: Session, keys: Iterable[bytes]) -> None:
    """Make ``keys`` known to the workspace: the first becomes its own key when it has none yet (so
    new markers match those of the ledger), the rest are kept beside it."""
    known = marker_keys(session)
    for key in keys:
        if key in known:
            continue
        if get_setting(session, KEY_SETTING) is None:
            set_setting(session, KEY_SETTING, key.hex())
        else:
            others = (get_setting(session, OTHER_KEYS_SETTING) or "").split()
            set_setting(session, OTHER_KEYS_SETTING, " ".join([*others, key.hex()]))
        known.append(key)
    session.flush()


@requires("import")
def erased_email_check(session: Session) -> Callable[[str], bool] | None:
    """A test "was this e-mail's person erased on request?" for the importer, or None when nobody was.

    The markers are read once, so checking every row of a large import costs one hash per e-mail
    (per key, in the rare workspace with several).
    """
    keys = marker_keys(session)
    if not keys:
        return None
    hashes = set(session.scalars(select(ErasureMarker.email_hash)))
    if not hashes:
        return None
    return lambda email: any(email_hash(key, email) in hashes for key in keys)


@requires("personal_data")
def was_erased(session: Session, email: str) -> bool:
    """Whether a person with ``email`` was erased on request."""
    check = erased_email_check(session)
    return bool(check and check(email))


def _write_markers(session: Session, emails: Iterable[str], today: dt.date) -> int:
    """One marker per e-mail not marked yet, each also kept in the erasure ledger (which raises
    ``LedgerUnavailable`` when it cannot be written); returns how many markers were written."""
    emails = [e for e in dict.fromkeys(emails) if e]
    if not emails:
        return 0
    key = _marker_key(session, create=True)
    assert key is not None  # made above when missing
    known = set(session.scalars(select(ErasureMarker.email_hash)))
    digests = {email_hash(key, email): today for email in emails}
    written = 0
    for digest in digests:
        if digest not in known:
            session.add(ErasureMarker(email_hash=digest, erased_on=today))
            known.add(digest)
            written += 1
    session.flush()
    # All of them, marked before or not: the ledger may be new, or have been lost.
    erasure_ledger.record(session, key, digests)
    return written


# --- purpose / lawful basis ------------------------------------------------------------------------


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


# --- what is held about a person -------------------------------------------------------------------


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
                    "holder": people.get(tie.owner_id),
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
    from lib.workspace.clock import localise_values, workspace_timezone

    return localise_values(
        {
            "person": _record_part(session, person),
            "affiliations": _affiliations_part(session, person_id, today or _today()),
            "relations": relations,
            "relations_held": held,
            "partnerships": partnerships,
            "goals": goals,
            "contact_log": _contact_log_part(session, person_id),
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
    from lib.workspace.events import log_export

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
    from lib.core.spreadsheets import xlsx_bytes

    data = person_export(session, person_id, actor, fmt="xlsx")
    return xlsx_bytes(readable_frames(data, lang))


# --- readable tables (Excel file and the page) -----------------------------------------------------


def _code_label(prefix: str, code: Any, lang: str) -> Any:
    from lib.core.i18n import t

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
    from lib.core.i18n import t

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
    from lib.core.i18n import t
    from lib.workspace.events import details_text

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
    from lib.core.i18n import t

    frames = {t("personal_data.part.person", lang): record_frame(data["person"], lang)}
    for part in PARTS[1:]:
        frames[t(f"personal_data.part.{part}", lang)] = part_frame(part, data[part], lang)
    return frames


# --- erasure ---------------------------------------------------------------------------------------


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
    report.import_changes = (
        session.execute(delete(ImportChange).where(_import_change_clause(ids, affiliation_ids, relation_ids))).rowcount
        or 0
    )
    report.duplicate_candidates = (
        session.execute(
            delete(DuplicateCandidate).where(
                or_(DuplicateCandidate.person_a_id.in_(wanted), DuplicateCandidate.person_b_id.in_(wanted))
            )
        ).rowcount
        or 0
    )
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
    from lib.network.graph import person_node

    keys = [person_node(i) for i in sorted(ids)]
    return session.execute(delete(NodePosition).where(NodePosition.node_key.in_(keys))).rowcount or 0


def _forget_cached_network() -> None:
    """Drop this process's cached network figures: they carry the erased people's names as labels.

    The caches key on the graph's signature, which changes when a person node disappears, so nothing
    stale would be *shown*; this only stops the old entries lingering in memory.
    """
    from lib.network.metrics import clear_cache

    clear_cache()


# --- retention -------------------------------------------------------------------------------------

RETENTION_COLUMNS = ["id", "name", "email", "organisations", "last_used", "source", "purpose", "informed_on"]


@requires("personal_data")
def retention_months(session: Session) -> int:
    """After how many months without use a contact is listed for review (default 24)."""
    value = get_setting(session, RETENTION_SETTING)
    try:
        months = int(value) if value is not None else DEFAULT_RETENTION_MONTHS
    except ValueError:
        return DEFAULT_RETENTION_MONTHS
    return months if MIN_RETENTION_MONTHS <= months <= MAX_RETENTION_MONTHS else DEFAULT_RETENTION_MONTHS


@requires("personal_data")
def set_retention_months(session: Session, months: object, actor: str | None = None) -> int:
    """Store the retention period (whole months, 1–240); raises ValidationFailed otherwise."""
    try:
        number = int(str(months).strip())
    except ValueError:
        number = 0
    if not MIN_RETENTION_MONTHS <= number <= MAX_RETENTION_MONTHS:
        raise ValidationFailed(
            "personal_data.retention_invalid", value=months, low=MIN_RETENTION_MONTHS, high=MAX_RETENTION_MONTHS
        )
    before = retention_months(session)
    if number != before:
        set_setting(session, RETENTION_SETTING, str(number))
        log_event(
            session, "retention_set", actor=actor or principal_of(session).actor, changes={"months": [before, number]}
        )
    return number


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    next_month = dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (next_month - dt.timedelta(days=1)).day))


def _as_day(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def _latest_by_person(session: Session, queries: Iterable[Any]) -> dict[int, dt.date]:
    """The latest date per person over ``queries`` of (person id, date or datetime) rows."""
    latest: dict[int, dt.date] = {}
    for query in queries:
        for person_id, value in session.execute(query):
            day = _as_day(value)
            if person_id is not None and day is not None and (person_id not in latest or day > latest[person_id]):
                latest[person_id] = day
    return latest


def _use_queries() -> list[Any]:
    """(person id, date) rows of everything that counts as using a contact's data."""
    committed = ImportBatch.status == "committed"
    queries = [select(Person.id, Person.updated_at)]
    for column in (Relation.from_person_id, Relation.to_person_id):
        queries += [
            select(column, func.max(date)).group_by(column)
            for date in (Relation.last_contact, Relation.first_contact, Relation.updated_at)
        ]
    queries += [
        select(Affiliation.person_id, func.max(date)).group_by(Affiliation.person_id)
        for date in (Affiliation.start_date, Affiliation.end_date)
    ]
    # Contact with a partnership counts for the people of its organisations, and for the staff member.
    queries.append(
        select(ContactLogEntry.staff_id, func.max(ContactLogEntry.contacted_on)).group_by(ContactLogEntry.staff_id)
    )
    queries.append(
        select(Affiliation.person_id, func.max(ContactLogEntry.contacted_on))
        .join(PartnershipOrganisation, PartnershipOrganisation.organisation_id == Affiliation.organisation_id)
        .join(ContactLogEntry, ContactLogEntry.partnership_id == PartnershipOrganisation.partnership_id)
        .group_by(Affiliation.person_id)
    )
    queries.append(
        select(Person.id, ImportBatch.created_at).join(ImportBatch, ImportBatch.id == Person.batch_id).where(committed)
    )
    queries.append(
        select(ImportChange.record_id, func.max(ImportBatch.created_at))
        .join(ImportBatch, ImportBatch.id == ImportChange.batch_id)
        .where(ImportChange.table_name == "people", committed)
        .group_by(ImportChange.record_id)
    )
    return queries


@requires("personal_data")
def last_used(session: Session) -> dict[int, dt.date]:
    """When each person's data was last used: the latest of their record's last change, their ties'
    contact dates and changes, their affiliations' dates, contact with partnerships of their
    organisations, and the imports that touched them; never used → when the record was created."""
    latest = _latest_by_person(session, _use_queries())
    for person_id, created in session.execute(select(Person.id, Person.created_at)):
        latest.setdefault(person_id, _as_day(created) or dt.date.min)
    return latest


@requires("personal_data")
def retention_candidates(session: Session, today: dt.date | None = None, months: int | None = None) -> pd.DataFrame:
    """Contacts (not staff) not used for the retention period, least recently used first.

    Columns: :data:`RETENTION_COLUMNS` (``last_used`` a date; ``informed_on`` the date they were told
    that the library holds their data, ``lib.privacy.informing``, or None). They are for a person to review:
    nothing is erased here.
    """
    cutoff = months_before(today or _today(), months if months is not None else retention_months(session))
    used = last_used(session)
    organisations: dict[int, list[str]] = defaultdict(list)
    current = or_(Affiliation.end_date.is_(None), Affiliation.end_date >= (today or _today()))
    for person_id, org_name in session.execute(
        select(Affiliation.person_id, Organisation.name)
        .join(Organisation, Organisation.id == Affiliation.organisation_id)
        .where(current)
    ):
        organisations[person_id].append(org_name)
    rows = [
        {
            "id": p.id,
            "name": p.name,
            "email": p.email,
            "organisations": "; ".join(sorted(organisations[p.id])),
            "last_used": used[p.id],
            "source": p.source,
            "purpose": p.purpose,
            "informed_on": p.informed_on,
        }
        for p in session.execute(
            select(Person.id, Person.name, Person.email, Person.source, Person.purpose, Person.informed_on)
            .where(Person.is_staff.is_not(True))
            .order_by(Person.name_key, Person.id)
        )
        if used.get(p.id, dt.date.min) <= cutoff
    ]
    rows.sort(key=lambda row: (row["last_used"], row["name"] or ""))
    # Object columns: a missing e-mail, source or purpose stays None (pandas would make it NaN).
    return typed_frame(rows, RETENTION_COLUMNS, integers=["id"])


__all__ = [
    "DEFAULT_RETENTION_MONTHS",
    "PARTS",
    "PART_COLUMNS",
    "PERSON_FIELDS",
    "REDACTED",
    "ErasureReport",
    "email_hash",
    "erase_people",
    "erase_person",
    "erased_email_check",
    "export_json_bytes",
    "find_person",
    "last_used",
    "months_before",
    "part_counts",
    "part_frame",
    "person_data",
    "person_export",
    "person_export_json",
    "person_export_xlsx",
    "readable_frames",
    "record_frame",
    "retention_candidates",
    "retention_months",
    "set_purpose",
    "set_retention_months",
    "was_erased",
]
