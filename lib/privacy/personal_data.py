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

This module is the public face of the parts: :mod:`~lib.privacy.holdings` (finding, purpose, what is
held, handing it over), :mod:`~lib.privacy.markers`, :mod:`~lib.privacy.erasure` and
:mod:`~lib.privacy.retention`.

The event log records every export (``person_exported``) and erasure (``person_erased``, with counts
only). Every function works in the caller's session and never commits; the logging functions need a
write session (``with db.write() as session:``).
"""

from __future__ import annotations

from lib.core.dates import months_before
from lib.privacy.erasure import ErasureReport, erase_people, erase_person
from lib.privacy.holdings import (
    export_json_bytes,
    find_person,
    part_counts,
    part_frame,
    person_data,
    person_export,
    person_export_json,
    person_export_xlsx,
    readable_frames,
    record_frame,
    set_purpose,
)
from lib.privacy.markers import (
    KEY_SETTING,
    OTHER_KEYS_SETTING,
    adopt_marker_keys,
    email_hash,
    erased_email_check,
    marker_keys,
    was_erased,
)
from lib.privacy.retention import (
    DEFAULT_RETENTION_MONTHS,
    MAX_RETENTION_MONTHS,
    MIN_RETENTION_MONTHS,
    RETENTION_COLUMNS,
    RETENTION_SETTING,
    last_used,
    retention_candidates,
    retention_months,
    set_retention_months,
)
from lib.privacy.shared import (
    EXPORT_ENTITY,
    PART_COLUMNS,
    PARTS,
    PERSON_ENTITIES,
    PERSON_FIELDS,
    PERSON_REFERENCE_KEYS,
    REDACTED,
)

__all__ = [
    "MAX_RETENTION_MONTHS",
    "MIN_RETENTION_MONTHS",
    "DEFAULT_RETENTION_MONTHS",
    "EXPORT_ENTITY",
    "ErasureReport",
    "KEY_SETTING",
    "OTHER_KEYS_SETTING",
    "PARTS",
    "PART_COLUMNS",
    "PERSON_ENTITIES",
    "PERSON_FIELDS",
    "PERSON_REFERENCE_KEYS",
    "REDACTED",
    "RETENTION_COLUMNS",
    "RETENTION_SETTING",
    "adopt_marker_keys",
    "email_hash",
    "erase_people",
    "erase_person",
    "erased_email_check",
    "export_json_bytes",
    "find_person",
    "last_used",
    "marker_keys",
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
