"""The one package that owns the database: what is stored (``lib.db.models``), how it is reached
(``lib.db.engine``) and which schema version it has (``lib.db.schema``).

Everything the product stores is declared in ``lib.db.models`` as SQLAlchemy tables, and every
connection is made in ``lib.db.engine``; the rest of lib imports both from here (``from lib.db import
Person, open_database``). SQLite is the default (a file next to the app, no set-up); any SQLAlchemy
URL, PostgreSQL in particular, works through the ``DATABASE_URL`` setting (see ``lib.core.config``).
How several writers take turns, on both, is told in ``lib.db.engine``; :func:`open_database` upgrades
an older database in place (``lib.db.schema``) before anything else touches it.
"""

from lib.db.base import Base, between, one_of, record_to_dict, rows_changed, utcnow
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
from lib.db.models.network import SURVEY_STATUSES, NodePosition, StaffSurvey, StaffSurveyInvitation
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
    EvaluationRespondent,
    EvaluationResponse,
    EvaluationRound,
    Goal,
    GoalMeasurement,
    Partnership,
    PartnershipGoal,
    PartnershipOrganisation,
)
from lib.db.models.privacy import LEDGER_TABLES, ErasureMarker
from lib.db.models.workspace import (
    CalendarToken,
    DataRevision,
    Event,
    WorkspaceSetting,
    get_setting,
    log_event,
    set_setting,
)
from lib.db.revision import by_revision, clear_revision_caches, data_revision
from lib.db.schema import MIGRATIONS_DIR, head_revision, schema_version, upgrade_schema

__all__ = [
    "rows_changed",
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
    "EvaluationRespondent",
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
    "SURVEY_STATUSES",
    "StaffSurvey",
    "StaffSurveyInvitation",
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
    "CalendarToken",
    "DataRevision",
    "by_revision",
    "clear_revision_caches",
    "data_revision",
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
