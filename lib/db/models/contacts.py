"""People, organisations, their affiliations and the ties between people."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lib.db.base import Base, utcnow


class Organisation(Base):
    __tablename__ = "organisations"
    __table_args__ = (Index("uq_organisations_cvr", "cvr", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    #: Folded name used to recognise the same organisation written differently.
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    org_type: Mapped[str | None] = mapped_column(String(40))
    sector: Mapped[str | None] = mapped_column(String(20))
    #: The type and sector as a file wrote them when no code fits ("bydelsnetværk"): kept, never
    #: thrown away, until someone chooses a type for the word (``lib.core.vocabulary``).
    org_type_text: Mapped[str | None] = mapped_column(String(100))
    sector_text: Mapped[str | None] = mapped_column(String(100))
    website: Mapped[str | None] = mapped_column(String(500))
    #: The organisation's general mailbox (info@, kontakt@ …): a mailbox is not a person.
    email: Mapped[str | None] = mapped_column(String(320))
    #: The Danish company register number (CVR, eight digits): where a file gives one, it is the
    #: organisation's identity, whatever the name is spelled.
    cvr: Mapped[str | None] = mapped_column(String(8))
    area: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(300))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    affiliations: Mapped[list[Affiliation]] = relationship(back_populates="organisation")


class OrganisationAlias(Base):
    """Another spelling of an organisation ("Århus kommune" for "Aarhus Kommune"), kept when two
    records are merged, so a later import of that spelling lands on the organisation that was kept."""

    __tablename__ = "organisation_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    #: Folded like ``Organisation.name_key``; one spelling belongs to one organisation.
    name_key: Mapped[str] = mapped_column(String(300), unique=True)
    #: How the alias came about: "merge", "import" or "manual".
    source: Mapped[str] = mapped_column(String(20), default="merge")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Person(Base):
    __tablename__ = "people"
    __table_args__ = (
        CheckConstraint(
            "staff_role IS NULL OR staff_role IN ('network_lead', 'partnership_owner', 'staff')",
            name="person_staff_role",
        ),
        CheckConstraint(
            "informed_how IS NULL OR informed_how IN ('email', 'letter', 'in_person', 'agreement', 'other')",
            name="person_informed_how",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    #: Lower-cased; the same e-mail in any case is the same person.
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    phone: Mapped[str | None] = mapped_column(String(40))
    #: Further e-mails and phone numbers found for the same person (a cell with "a; b" is split).
    other_emails: Mapped[list[Any] | None] = mapped_column(JSON)
    other_phones: Mapped[list[Any] | None] = mapped_column(JSON)
    title: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    is_staff: Mapped[bool] = mapped_column(Boolean, default=False)
    #: For staff: network lead, partnership owner or staff (see STAFF_ROLES); None for contacts.
    staff_role: Mapped[str | None] = mapped_column(String(30))
    #: For staff: the team or department they belong to.
    team: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str | None] = mapped_column(String(300))
    #: Why the library holds this person's data and on what lawful basis (GDPR), e.g.
    #: "Samarbejdspartner – legitim interesse"; see ``lib.privacy.personal_data``.
    purpose: Mapped[str | None] = mapped_column(Text)
    #: When and how the person was told that the library holds their data (GDPR art. 14: contacts
    #: taken from staff's lists); None while they have not been. ``informed_how`` is one of
    #: ``lib.privacy.informing.HOW_CODES``; see ``lib.privacy.informing``.
    informed_on: Mapped[dt.date | None] = mapped_column(Date)
    informed_how: Mapped[str | None] = mapped_column(String(20))
    informed_note: Mapped[str | None] = mapped_column(String(500))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    affiliations: Mapped[list[Affiliation]] = relationship(back_populates="person")


class Affiliation(Base):
    """A person works at (or belongs to) an organisation, optionally from/to a date."""

    __tablename__ = "affiliations"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    role: Mapped[str | None] = mapped_column(String(300))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))

    person: Mapped[Person] = relationship(back_populates="affiliations")
    organisation: Mapped[Organisation] = relationship(back_populates="affiliations")


class Relation(Base):
    """A tie between two parties; each end is either a person or an organisation."""

    __tablename__ = "relations"
    __table_args__ = (
        CheckConstraint("(from_person_id IS NULL) <> (from_organisation_id IS NULL)", name="relation_one_source"),
        CheckConstraint("(to_person_id IS NULL) <> (to_organisation_id IS NULL)", name="relation_one_target"),
        CheckConstraint("strength IS NULL OR (strength BETWEEN 1 AND 5)", name="relation_strength_1_5"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), default="knows")
    from_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    from_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    to_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    to_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    strength: Mapped[int | None] = mapped_column(Integer)
    #: The tie's weight as a network file gives it (Gephi's ``Weight``, Kumu's ``Strength``), any
    #: positive number; ``strength`` holds it too where it is a whole number from 1 to 5.
    weight: Mapped[float | None] = mapped_column(Float)
    #: The kind as a file wrote it when no code fits; ``kind`` is then "other".
    kind_text: Mapped[str | None] = mapped_column(String(100))
    first_contact: Mapped[dt.date | None] = mapped_column(Date)
    last_contact: Mapped[dt.date | None] = mapped_column(Date)
    #: The staff member who holds this tie for the library.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    notes: Mapped[str | None] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
