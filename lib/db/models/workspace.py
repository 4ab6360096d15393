"""The event log and the workspace's settings, with the helpers every service records through."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, Session, mapped_column

from lib.core.access import requires
from lib.db.base import Base, utcnow


class Event(Base):
    """The event log: who did what to which record, and when."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str | None] = mapped_column(String(320))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str | None] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class WorkspaceSetting(Base):
    """Small key/value settings of the workspace (library name, demo flag)."""

    __tablename__ = "workspace_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)


class CalendarToken(Base):
    """The secret in a staff member's calendar subscription address (``lib.planning.calendar_feed``).

    Only a SHA-256 digest is kept: a copy of the database does not hand out working addresses. One
    live token per person; a revoked one is kept (``revoked_at``) for the event log's sake until the
    person is erased (``ondelete``)."""

    __tablename__ = "calendar_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class DataRevision(Base):
    """One row: a random token that every write transaction renews (``lib.db.revision``)."""

    __tablename__ = "data_revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    token: Mapped[str] = mapped_column(String(32))


@requires("edit")
def log_event(
    session: Session,
    action: str,
    *,
    entity: str | None = None,
    entity_id: int | None = None,
    actor: str | None = None,
    **details: Any,
) -> Event:
    """Record what happened in the event log (inside the caller's transaction)."""
    record = Event(
        action=action,
        entity=entity,
        entity_id=entity_id,
        actor=actor,
        details=json.loads(json.dumps(details, default=str)),
    )
    session.add(record)
    return record


@requires("view_board")
def get_setting(session: Session, key: str, default: str | None = None) -> str | None:
    row = session.get(WorkspaceSetting, key)
    return row.value if row is not None else default


@requires("edit")
def set_setting(session: Session, key: str, value: str | None) -> None:
    row = session.get(WorkspaceSetting, key)
    if row is None:
        session.add(WorkspaceSetting(key=key, value=value))
    else:
        row.value = value
