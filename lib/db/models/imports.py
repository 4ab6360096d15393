"""Import batches, what each changed, remembered mappings and words, and possible duplicates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    func,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from lib.core.access import requires
from lib.db.base import Base, utcnow
from lib.db.models.contacts import Affiliation, Organisation, Person, Relation


class ImportBatch(Base):
    """One committed import: which files and sheets, when, by whom, the counts and mappings used."""

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str | None] = mapped_column(String(320))
    file_name: Mapped[str] = mapped_column(String(500))
    sheet_name: Mapped[str | None] = mapped_column(String(500))
    #: inserted / updated / unchanged / rejected / skipped / rows, overall and per sheet.
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: The column mapping used for each sheet: {"file › sheet": {column: field}}.
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default="committed")
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    changes: Mapped[list[ImportChange]] = relationship(
        back_populates="batch", cascade="all, delete-orphan", order_by="ImportChange.id"
    )


class ImportChange(Base):
    """What one import did to one record, with the values before it, so the import can be undone."""

    __tablename__ = "import_changes"
    __table_args__ = (Index("ix_import_changes_record", "table_name", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batches.id", ondelete="CASCADE"), index=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(10))  # insert | update
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    batch: Mapped[ImportBatch] = relationship(back_populates="changes")


class VocabularyMapping(Base):
    """A word a file used for a type, sector or kind of relation, and the code a person chose for it,
    remembered like a column mapping so the next file with that word needs no choosing."""

    __tablename__ = "vocabulary_mappings"
    __table_args__ = (
        UniqueConstraint("vocabulary", "word_key", name="vocabulary_mapping_word"),
        CheckConstraint("vocabulary IN ('org_type', 'sector', 'relation_kind')", name="vocabulary_mapping_vocabulary"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Which vocabulary: "org_type", "sector" or "relation_kind".
    vocabulary: Mapped[str] = mapped_column(String(20))
    #: The word folded (``lib.core.vocabulary.fold``).
    word_key: Mapped[str] = mapped_column(String(100))
    code: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    times_used: Mapped[int] = mapped_column(Integer, default=1)


class SavedMapping(Base):
    """A column mapping the user confirmed, remembered for the next file with the same columns."""

    __tablename__ = "saved_mappings"

    id: Mapped[int] = mapped_column(primary_key=True)
    signature: Mapped[str] = mapped_column(String(64), unique=True)
    columns: Mapped[list[Any]] = mapped_column(JSON)
    role: Mapped[str] = mapped_column(String(40))
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    times_used: Mapped[int] = mapped_column(Integer, default=1)


class DuplicateCandidate(Base):
    """Two people who may be the same, waiting for a person to decide. Never merged silently."""

    __tablename__ = "duplicate_candidates"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_a_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    person_b_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    rule: Mapped[str] = mapped_column(String(40))
    score: Mapped[float] = mapped_column(default=0.0)
    status: Mapped[str] = mapped_column(String(20), default="open")  # open | merged | dismissed
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="CASCADE"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


#: The tables a contact-list import writes, by name (``ImportChange.table_name``).
TABLES_BY_NAME: dict[str, type[Person] | type[Organisation] | type[Affiliation] | type[Relation]] = {
    "people": Person,
    "organisations": Organisation,
    "affiliations": Affiliation,
    "relations": Relation,
}


@requires("view_board")
def workspace_counts(session: Session) -> dict[str, int]:
    """How many people, organisations, relations and import batches the workspace holds."""
    return {
        "people": session.scalar(select(func.count(Person.id))) or 0,
        "staff": session.scalar(select(func.count(Person.id)).where(Person.is_staff.is_(True))) or 0,
        "organisations": session.scalar(select(func.count(Organisation.id))) or 0,
        "affiliations": session.scalar(select(func.count(Affiliation.id))) or 0,
        "relations": session.scalar(select(func.count(Relation.id))) or 0,
        "batches": session.scalar(select(func.count(ImportBatch.id)).where(ImportBatch.status == "committed")) or 0,
    }
