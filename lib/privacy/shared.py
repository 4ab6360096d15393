"""What the modules of :mod:`lib.privacy` share: the settings, the parts of a person's data, and small
helpers. Not for use outside the package."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from lib.db import Person
from lib.workspace import editing

#: What replaces a name or e-mail that is removed from other records' text.
REDACTED = "[***]"


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

#: Tables handled on their own (events, saved mappings) or holding one-way codes or a random token
#: only (markers, the data revision).
_TABLES_NOT_SCANNED = frozenset({"events", "erasure_markers", "saved_mappings", "data_revision"})

#: The parts of a person's export, in order: the record, then every list of things about them.
PARTS = (
    "person",
    "affiliations",
    "relations",
    "relations_held",
    "partnerships",
    "goals",
    "contact_log",
    "evaluation_links",
    "staff_survey",
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
    "evaluation_links": (
        "partnership",
        "round",
        "side",
        "email",
        "created_at",
        "expires_at",
        "revoked_at",
        "answered_at",
        "answers",
        "reflections",
    ),
    "staff_survey": (
        "survey_started",
        "named_by",
        "expires_at",
        "revoked_at",
        "submitted_at",
        "status",
        "answers",
    ),
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
    "side": "evaluations.side",
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
