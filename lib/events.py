"""The event log as administrators read it: who did what, when, filtered, and saved as Excel.

Every change, import, export and erasure is recorded with :func:`lib.storage.log_event`; this module
only reads the log. Reading it is an administrator's right (``view_events``): the log names the
people who used the system and the records they touched. Saving it as a file is itself logged
(``events_exported``), like every other export of personal data.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lib.access import principal_of, requires
from lib.frames import payload_text
from lib.storage import Event, log_event

#: At most this many events are shown (newest first) unless asked otherwise.
DEFAULT_LIMIT = 1000
#: A payload longer than this is cut in the table (the database keeps all of it).
MAX_DETAILS_CHARS = 500
EVENT_COLUMNS = ["id", "at", "actor", "action", "action_label", "entity", "entity_id", "details"]
#: Columns of the Excel file, with the translation keys of their headers.
EXPORT_COLUMNS = (("at", "admin.col.at"), ("actor", "admin.col.actor"), ("action_label", "admin.col.action"),
                  ("entity", "admin.col.entity"), ("entity_id", "admin.col.entity_id"),
                  ("details", "admin.col.details"))


def action_label(action: str, lang: str = "da") -> str:
    """The words for an action code (``admin.action.<code>``), or the code itself when it has none."""
    from lib.i18n import t

    key = f"admin.action.{action}"
    text = t(key, lang)
    return action if text == key else text


def _details_text(details: Any) -> str:
    """A payload as one line of JSON (a missing value as empty text), cut to :data:`MAX_DETAILS_CHARS`."""
    return payload_text(details, limit=MAX_DETAILS_CHARS)


def _query(*, actor: str | None, action: str | None, since: dt.date | None, until: dt.date | None,
           tz: dt.tzinfo | None = None) -> Any:
    from lib.clock import UTC, utc_bounds

    query = select(Event)
    # The days are the workspace's days: "from 1 June" starts at midnight in Copenhagen, 22:00 UTC.
    start, end = utc_bounds(since, until, tz or UTC)
    if actor and actor.strip():
        query = query.where(func.lower(Event.actor).contains(actor.strip().lower()))
    if action:
        query = query.where(Event.action == action)
    if start is not None:
        query = query.where(Event.at >= start)
    if end is not None:
        # Through the whole of the last day.
        query = query.where(Event.at < end)
    return query


@requires("view_events")
def events_frame(
    session: Session,
    *,
    actor: str | None = None,
    action: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = DEFAULT_LIMIT,
    lang: str = "da",
) -> pd.DataFrame:
    """Events of the log, newest first, for administrators (``AccessDenied`` for anyone else).

    ``actor`` keeps events whose actor contains the text (any case); ``action`` one action code;
    ``since``/``until`` the days (in the workspace's time zone) from and through which events are kept. Columns:
    :data:`EVENT_COLUMNS` (``action_label`` in ``lang``, ``details`` the payload as JSON text).
    """
    from lib.clock import workspace_timezone

    query = _query(actor=actor, action=action, since=since, until=until,
                   tz=workspace_timezone(session)).order_by(Event.at.desc(), Event.id.desc())
    if limit is not None:
        query = query.limit(limit)
    rows = [
        {"id": e.id, "at": e.at, "actor": e.actor, "action": e.action, "action_label": action_label(e.action, lang),
         "entity": e.entity, "entity_id": e.entity_id, "details": _details_text(e.details)}
        for e in session.scalars(query)
    ]
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


@requires("view_events")
def event_actions(session: Session) -> list[str]:
    """The action codes the log holds, for a filter."""
    return sorted(session.scalars(select(Event.action).distinct()))


@requires("view_events")
def events_xlsx(
    session: Session,
    *,
    lang: str = "da",
    exported_by: str | None = None,
    **filters: Any,
) -> bytes:
    """The events :func:`events_frame` finds with ``filters`` (no limit) as an Excel file; logged as
    ``events_exported`` by ``exported_by`` (default: the session's user). Needs a write session."""
    from lib.export import xlsx_bytes
    from lib.i18n import t

    filters.setdefault("limit", None)
    frame = events_frame(session, lang=lang, **filters)
    from lib.clock import local_series, workspace_timezone

    frame["at"] = local_series(frame["at"], workspace_timezone(session))  # the workspace's time, as on screen
    sheet = pd.DataFrame({t(key, lang): frame[column] for column, key in EXPORT_COLUMNS})
    shown_filters = {name: value for name, value in filters.items() if value is not None}
    log_event(session, "events_exported", actor=exported_by or principal_of(session).actor,
              rows=len(frame), filters=shown_filters)
    return xlsx_bytes({t("admin.events.sheet", lang): sheet})


__all__ = ["DEFAULT_LIMIT", "EVENT_COLUMNS", "action_label", "event_actions", "events_frame", "events_xlsx"]
