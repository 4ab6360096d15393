"""The one package that owns the database: what is stored (``lib.db.models``), how it is reached
(``lib.db.engine``) and which schema version it has (``lib.db.schema``).

Everything the product stores is declared in ``lib.db.models`` as SQLAlchemy tables, and every
connection is made in ``lib.db.engine``; the rest of lib imports both from here (``from lib.db import
Person, open_database``). SQLite is the default (a file next to the app, no set-up); any SQLAlchemy URL, PostgreSQL in
particular, works through the ``DATABASE_URL`` setting (see ``lib.core.config``).

Several users (sessions of one dashboard, several dashboard processes, the command line) may write
at the same time. Every write goes through :meth:`Database.write`, and write transactions take turns:

* SQLite is opened in WAL mode with foreign keys on and a busy timeout, and write transactions start
  with ``BEGIN IMMEDIATE``: a read-then-write transaction that only took its write lock at the first
  write could otherwise fail under concurrent use ("database is locked").
* PostgreSQL runs at its default isolation (READ COMMITTED), and a write transaction first takes one
  transaction-scoped advisory lock (``pg_advisory_xact_lock``), the same for every writer. That is
  the PostgreSQL counterpart of ``BEGIN IMMEDIATE``: writers wait for each other, so everything a
  writer reads after the lock is the last committed state and no other write can slip in before its
  own write (no lost updates), while readers never wait. SERIALIZABLE with retries would let writers
  overlap, but a retry has to run the caller's block again, which a ``with db.write()`` block cannot
  do; the writes of this product are few and short (even a large import holds the turn for seconds
  only), so taking turns costs little. The lock is released at commit or rollback, and by the server when a client
  dies. Waiting for it is bounded like SQLite's busy timeout (``lock_timeout``).

Both also hold for schema upgrades: two processes starting on a new database take turns, and the
second finds the schema already current.

The schema carries a version (Alembic, ``lib/db/migrations``); :func:`open_database` upgrades an older
database in place before anything else touches it.
"""

from lib.db.base import Base, between, one_of, record_to_dict, utcnow
from lib.db.engine import (
    BUSY_TIMEOUT_SECONDS,
    WRITE_LOCK_KEY,
    Database,
    ReadOnlySession,
    engine_url,
    forget_database,
    open_database,
)
from lib.db.models.contacts import Affiliation, Organisation, OrganisationAlias, Person, Relation
from lib.db.models.imports import (
    TABLES_BY_NAME,
    DuplicateCandidate,
    ImportBatch,
    ImportChange,
    SavedMapping,
    VocabularyMapping,
    workspace_counts,
)
from lib.db.models.library import (
    CHECKLIST_HEADINGS,
    OFFER_CATEGORIES,
    STAFF_ROLES,
    ChecklistAssessment,
    CompetenceAssessment,
    StrengthOffer,
)
from lib.db.models.network import NodePosition
from lib.db.models.planning import (
    CONTACT_CHANNELS,
    DECISIONS,
    FORMALISATIONS,
    PARTNERSHIP_DEPTHS,
    PARTNERSHIP_STAGES,
    RESPONDENT_SIDES,
    Agreement,
    Assessment,
    ContactLogEntry,
    EvaluationResponse,
    EvaluationRound,
    Goal,
    GoalMeasurement,
    Partnership,
    PartnershipGoal,
    PartnershipOrganisation,
)
from lib.db.models.privacy import LEDGER_TABLES, ErasureMarker
from lib.db.models.workspace import Event, WorkspaceSetting, get_setting, log_event, set_setting
from lib.db.schema import MIGRATIONS_DIR, head_revision, schema_version, upgrade_schema

__all__ = [
    "Affiliation",
    "Agreement",
    "Assessment",
    "BUSY_TIMEOUT_SECONDS",
    "Base",
    "CHECKLIST_HEADINGS",
    "CONTACT_CHANNELS",
    "ChecklistAssessment",
    "CompetenceAssessment",
    "ContactLogEntry",
    "DECISIONS",
    "Database",
    "DuplicateCandidate",
    "ErasureMarker",
    "EvaluationResponse",
    "EvaluationRound",
    "Event",
    "FORMALISATIONS",
    "Goal",
    "GoalMeasurement",
    "ImportBatch",
    "ImportChange",
    "LEDGER_TABLES",
    "MIGRATIONS_DIR",
    "NodePosition",
    "OFFER_CATEGORIES",
    "Organisation",
    "OrganisationAlias",
    "PARTNERSHIP_DEPTHS",
    "PARTNERSHIP_STAGES",
    "Partnership",
    "PartnershipGoal",
    "PartnershipOrganisation",
    "Person",
    "RESPONDENT_SIDES",
    "ReadOnlySession",
    "Relation",
    "STAFF_ROLES",
    "SavedMapping",
    "StrengthOffer",
    "TABLES_BY_NAME",
    "VocabularyMapping",
    "WRITE_LOCK_KEY",
    "WorkspaceSetting",
    "between",
    "engine_url",
    "forget_database",
    "get_setting",
    "head_revision",
    "log_event",
    "one_of",
    "open_database",
    "record_to_dict",
    "schema_version",
    "set_setting",
    "upgrade_schema",
    "utcnow",
    "workspace_counts",
]
