"""Where each node of the network graph was drawn; the staff network survey ("Hvem kender du?")."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, DateTime, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from lib.db.base import Base, one_of, utcnow


class NodePosition(Base):
    """Where a node of the network graph was drawn, so the picture stays still between visits.

    ``node_key`` is the graph's node id ("L", "P12", "O7"); ``view`` names the drawing ("whole",
    "organisations" …). Rows of nodes that have since disappeared are kept on purpose: a contact who
    is filtered out, or removed and imported again, comes back where it was.
    """

    __tablename__ = "node_positions"
    __table_args__ = (Index("ux_node_positions_view_node_key", "view", "node_key", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    view: Mapped[str] = mapped_column(String(100))
    node_key: Mapped[str] = mapped_column(String(100))
    x: Mapped[float] = mapped_column()
    y: Mapped[float] = mapped_column()
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


#: What became of a staff member's submitted survey answers.
SURVEY_STATUSES = ("pending", "committed", "rejected")


class StaffSurvey(Base):
    """A round of "Hvem kender du?": staff name whom they know (``lib.planning.staff_survey``).

    ``closes_on`` is the last day answers are taken or corrected; a survey without one stays open."""

    __tablename__ = "staff_surveys"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(320))
    closes_on: Mapped[dt.date | None] = mapped_column(Date)


class StaffSurveyInvitation(Base):
    """One staff member's personal link to a survey and the answers they submitted.

    Only the SHA-256 digest of the link's token is kept. ``answers`` (a list of entries, see
    ``lib.planning.staff_survey``) wait as ``pending`` until the coordinator commits them (``batch_id``:
    the import batch that stored them) or rejects them. Erasing the staff member removes the row
    (``ondelete``); erasing someone they named removes that entry (``lib.privacy.erasure``)."""

    __tablename__ = "staff_survey_invitations"
    __table_args__ = (
        CheckConstraint(one_of("status", SURVEY_STATUSES, nullable=True), name="staff_survey_status"),
        Index("ux_staff_survey_invitations_survey_person", "survey_id", "person_id", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("staff_surveys.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    digest: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    answers: Mapped[list[Any] | None] = mapped_column(JSON)
    status: Mapped[str | None] = mapped_column(String(10))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
