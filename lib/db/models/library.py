"""The library's own side: staff competences, strengths offered to partners, checklist self-assessments."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lib.db.base import Base, one_of, utcnow

# --- the library's own side: organisation, strengths, checklist (schema 0005) ------------------------

#: What a staff member does in partnership work (domain notes: "Who uses it").
STAFF_ROLES = ("network_lead", "partnership_owner", "staff")
#: What the library can offer, by kind (the strengths profile, "Vis, hvem du er!").
OFFER_CATEGORIES = ("rooms", "outreach_events", "target_groups", "expertise", "network", "digital", "reputation")
#: The eight headings of the checklist "Byg partnerskaber!", in the checklist's order.
CHECKLIST_HEADINGS = (
    "professionalise",
    "be_strategic",
    "nurture_network",
    "prepare_organisation",
    "focus_library",
    "choose_partners",
    "show_who_you_are",
    "support_partnership",
)


class CompetenceAssessment(Base):
    """A staff member's dated self-assessment of their partnership competences: ``scores`` is
    ``{item code: 1-5}`` (items in ``lib.library.staff``), with the development needs they see."""

    __tablename__ = "competence_assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    scores: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    development_needs: Mapped[str | None] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class StrengthOffer(Base):
    """One thing the library (a team of it) can offer partners, for the strengths profile.

    ``partner_types`` lists the organisation types (codes of ``lib.core.vocabulary.ORGANISATION_TYPES``)
    the offer speaks to; ``updated_on`` is when someone last checked that the offer still holds.
    """

    __tablename__ = "strength_offers"
    __table_args__ = (CheckConstraint(one_of("category", OFFER_CATEGORIES), name="strength_offer_category"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    contact_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    partner_types: Mapped[list[Any] | None] = mapped_column(JSON)
    updated_on: Mapped[dt.date] = mapped_column(Date)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class ChecklistAssessment(Base):
    """The library's dated self-assessment over the eight checklist headings: ``scores`` is
    ``{heading: 1-5}`` and ``notes`` ``{heading: text}`` (headings in :data:`CHECKLIST_HEADINGS`)."""

    __tablename__ = "checklist_assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessed_on: Mapped[dt.date] = mapped_column(Date, index=True)
    assessor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    scores: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    notes: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
