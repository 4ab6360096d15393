"""Goals, partnerships with their agreements and contact log, assessments of candidates and evaluations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lib.db.base import Base, between, one_of, utcnow

# --- strategy: goals, partnerships, agreements, assessments, evaluations (issue 4) ------------------

#: The lifecycle of a partnership: an idea, then the four stages of the partnering cycle. A
#: partnership that has ended keeps its last stage and has ``closed`` set (with ``ended_on``).
PARTNERSHIP_STAGES = (
    "idea",
    "scoping_building",
    "managing_maintaining",
    "reviewing_revising",
    "sustaining_ending",
)
#: The depth ladder, shallow to deep.
PARTNERSHIP_DEPTHS = ("networking", "coordinating", "cooperating", "collaborating")
#: How formal the collaboration is, least to most.
FORMALISATIONS = ("informal", "oral", "written", "contract")
CONTACT_CHANNELS = ("meeting", "phone", "email", "event", "other")
#: What was decided about a prospective partner.
DECISIONS = ("decline", "explore", "go_ahead")
RESPONDENT_SIDES = ("library", "partner")


class Goal(Base):
    """A goal of the library with a measurable target: from ``baseline`` (at ``baseline_date``)
    to ``target`` (by ``target_date``). A target below the baseline is a goal to reduce something."""

    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    theme: Mapped[str | None] = mapped_column(String(200))
    #: The staff member responsible for the goal.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    #: What is counted, e.g. "deltagere pr. år".
    unit: Mapped[str | None] = mapped_column(String(100))
    baseline: Mapped[float] = mapped_column()
    target: Mapped[float] = mapped_column()
    baseline_date: Mapped[dt.date] = mapped_column(Date)
    target_date: Mapped[dt.date] = mapped_column(Date)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class GoalMeasurement(Base):
    """One measured value of a goal's indicator on a date."""

    __tablename__ = "goal_measurements"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    measured_on: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[float] = mapped_column()
    note: Mapped[str | None] = mapped_column(Text)
    #: Where the figure comes from (a report, a count, a file).
    source: Mapped[str | None] = mapped_column(String(300))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Partnership(Base):
    """A collaboration of the library with one or more organisations, through its lifecycle."""

    __tablename__ = "partnerships"
    __table_args__ = (
        CheckConstraint(one_of("stage", PARTNERSHIP_STAGES), name="partnership_stage"),
        CheckConstraint(one_of("depth", PARTNERSHIP_DEPTHS, nullable=True), name="partnership_depth"),
        CheckConstraint(one_of("formalisation", FORMALISATIONS, nullable=True), name="partnership_formalisation"),
        CheckConstraint("contact_rhythm_days IS NULL OR contact_rhythm_days > 0", name="partnership_contact_rhythm"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    #: The partnership owner: the staff member who keeps it going.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    stage: Mapped[str] = mapped_column(String(30), default="idea")
    #: True once the partnership has ended (whatever its last stage was).
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    depth: Mapped[str | None] = mapped_column(String(20))
    formalisation: Mapped[str | None] = mapped_column(String(20))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    library_resources: Mapped[str | None] = mapped_column(Text)
    partner_resources: Mapped[str | None] = mapped_column(Text)
    #: How often the owner means to be in touch with the partner, in days.
    contact_rhythm_days: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class PartnershipOrganisation(Base):
    """An organisation taking part in a partnership (a partnership may have several)."""

    __tablename__ = "partnership_organisations"
    __table_args__ = (Index("ux_partnership_organisations_pair", "partnership_id", "organisation_id", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(ForeignKey("partnerships.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)


class PartnershipGoal(Base):
    """A goal of the library that a partnership serves."""

    __tablename__ = "partnership_goals"
    __table_args__ = (Index("ux_partnership_goals_pair", "partnership_id", "goal_id", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(ForeignKey("partnerships.id", ondelete="CASCADE"))
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)


class Agreement(Base):
    """The written collaboration agreement (samarbejdsaftale) of a partnership: at most one each.

    Its start and end date and what each party contributes are the partnership's own
    (``Partnership.start_date``, ``end_date``, ``library_resources``, ``partner_resources``), stored
    once there (migration 0009); ``lib.planning.partnerships.agreement_values`` reads the whole agreement.
    """

    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(ForeignKey("partnerships.id", ondelete="CASCADE"), unique=True)
    parties: Mapped[str | None] = mapped_column(Text)
    purpose: Mapped[str | None] = mapped_column(Text)
    target_group: Mapped[str | None] = mapped_column(Text)
    roles: Mapped[str | None] = mapped_column(Text)
    contact_persons: Mapped[str | None] = mapped_column(Text)
    communication: Mapped[str | None] = mapped_column(Text)
    review_date: Mapped[dt.date | None] = mapped_column(Date)
    economy: Mapped[str | None] = mapped_column(Text)
    rights_branding: Mapped[str | None] = mapped_column(Text)
    evaluation_method: Mapped[str | None] = mapped_column(Text)
    #: How the agreement ends: notice period and terms.
    termination: Mapped[str | None] = mapped_column(Text)
    #: The day it was signed: an agreement with this date is a written agreement on record.
    signed_on: Mapped[dt.date | None] = mapped_column(Date)
    #: Where the signed document is kept (a file name, a case number, a link).
    document_ref: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class ContactLogEntry(Base):
    """One contact with the partner: a meeting, a call, an e-mail, an event."""

    __tablename__ = "contact_log"
    __table_args__ = (CheckConstraint(one_of("channel", CONTACT_CHANNELS), name="contact_log_channel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(ForeignKey("partnerships.id", ondelete="CASCADE"), index=True)
    contacted_on: Mapped[dt.date] = mapped_column(Date)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    channel: Mapped[str] = mapped_column(String(20), default="meeting")
    note: Mapped[str | None] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Assessment(Base):
    """A dated assessment of a (prospective) partner organisation on the common criteria.

    ``scores`` is ``{criterion: 1-5 or None}`` (None: "don't know"), ``weights`` ``{criterion:
    weight}`` (missing: 1), ``goal_fit`` ``{goal id as text: 0-3}``.
    """

    __tablename__ = "assessments"
    __table_args__ = (
        CheckConstraint(between("influence", 1, 5), name="assessment_influence_1_5"),
        CheckConstraint(between("interest", 1, 5), name="assessment_interest_1_5"),
        CheckConstraint(between("value", 1, 5), name="assessment_value_1_5"),
        CheckConstraint(between("effort", 1, 5), name="assessment_effort_1_5"),
        CheckConstraint(one_of("decision", DECISIONS, nullable=True), name="assessment_decision"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    assessor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    scores: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    weights: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    goal_fit: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    contribution_to_us: Mapped[str | None] = mapped_column(Text)
    contribution_from_us: Mapped[str | None] = mapped_column(Text)
    risks: Mapped[str | None] = mapped_column(Text)
    influence: Mapped[int | None] = mapped_column(Integer)
    interest: Mapped[int | None] = mapped_column(Integer)
    value: Mapped[int | None] = mapped_column(Integer)
    effort: Mapped[int | None] = mapped_column(Integer)
    decision: Mapped[str | None] = mapped_column(String(20))
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class EvaluationRound(Base):
    """One evaluation of a partnership: both sides answer the same items on the same occasion."""

    __tablename__ = "evaluation_rounds"

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(ForeignKey("partnerships.id", ondelete="CASCADE"), index=True)
    held_on: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str | None] = mapped_column(String(300))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    #: The last day answers by link are taken or corrected (``lib.planning.evaluation_links``); None: open.
    closes_on: Mapped[dt.date | None] = mapped_column(Date)


class EvaluationResponse(Base):
    """One respondent's answers in a round: ``answers`` is ``{item code: 1-5}``.

    ``respondent`` is a label ("Bibliotek 1", a role); no personal data is needed.
    """

    __tablename__ = "evaluation_responses"
    __table_args__ = (CheckConstraint(one_of("respondent_side", RESPONDENT_SIDES), name="evaluation_response_side"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("evaluation_rounds.id", ondelete="CASCADE"), index=True)
    respondent_side: Mapped[str] = mapped_column(String(10))
    respondent: Mapped[str | None] = mapped_column(String(200))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    reflections: Mapped[str | None] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class EvaluationRespondent(Base):
    """A person asked to answer an evaluation round by a personal link (``lib.planning.evaluation_links``).

    Only a SHA-256 digest of the link's token is kept; a new link for the same person replaces it.
    ``response_id`` is their answer (an :class:`EvaluationResponse` with their side) once given.
    Erasing the person removes this row (``ondelete``) and their answer (``lib.privacy.erasure``)."""

    __tablename__ = "evaluation_respondents"
    __table_args__ = (
        CheckConstraint(one_of("side", RESPONDENT_SIDES), name="evaluation_respondent_side"),
        Index("ux_evaluation_respondents_round_person", "round_id", "person_id", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("evaluation_rounds.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    #: The address the link was made for (the person's e-mail then).
    email: Mapped[str | None] = mapped_column(String(320))
    side: Mapped[str] = mapped_column(String(10))
    digest: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    answered_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    response_id: Mapped[int | None] = mapped_column(ForeignKey("evaluation_responses.id", ondelete="SET NULL"))
