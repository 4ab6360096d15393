"""The event log as administrators read it: who did what, when, filtered, and saved as Excel.

Every change, import, export and erasure is recorded with :func:`lib.db.log_event`. Every file
that carries personal data out of the system (a download on a page, a file the command line writes)
is recorded through :func:`log_export`: who, what (``<kind>_exported``), when, and how many people it
names. Reading the log is an administrator's right (``view_events``): the log names the people who used
the system and the records they touched. Saving it as a file is itself logged (``events_exported``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lib.core.access import principal_of, requires
from lib.core.i18n import format_date, format_number, t
from lib.core.spreadsheets import xlsx_bytes
from lib.db import Event, log_event
from lib.workspace.clock import UTC, local_series, utc_bounds, workspace_timezone

#: At most this many events are shown (newest first) unless asked otherwise.
DEFAULT_LIMIT = 1000
#: A payload longer than this is cut in the table (the database keeps all of it).
MAX_DETAILS_CHARS = 500
EVENT_COLUMNS = ["id", "at", "actor", "action", "action_label", "entity", "entity_label", "entity_id", "details"]
#: Columns of the Excel file, with the translation keys of their headers.
EXPORT_COLUMNS = (
    ("at", "admin.col.at"),
    ("actor", "admin.col.actor"),
    ("action_label", "admin.col.action"),
    ("entity_label", "admin.col.entity"),
    ("entity_id", "admin.col.entity_id"),
    ("details", "admin.col.details"),
)
#: Detail fields holding a code, shown with the words of these translation prefixes.
_CODE_PREFIXES = {
    "stage": "partnerships.stage",
    "channel": "partnerships.channel",
    "decision": "partners.decision",
    "category": "strengths.category",
    "rule": "records.rule",
    "staff_role": "organisation.role",
    "how": "informing.how",
    "side": "evaluations.side",
    "kind": "relkind",
    "org_type": "orgtype",
    "sector": "sector",
}
#: Detail fields kept for the program, not for reading: what a handover replaced, so that it can be
#: undone (``lib.planning.handover``). The database keeps them; the table and the file leave them out.
_HIDDEN_DETAILS = {"restore"}
#: Numbers that name something (an import, a random seed) and are written without separators.
_NUMBERS_AS_WRITTEN = {"batch", "seed"}
#: A date or a time written as ISO text in a payload ("2025-03-01", "2025-03-01T10:00:00").
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")


#: What leaves the system as a file with personal data; each is logged as ``<kind>_exported``.
EXPORT_KINDS = (
    "workspace",
    "backup",
    "person",
    "events",
    "network",
    "network_table",
    "import_report",
    "agreement",
    "agreement_document",
    "strengths_flyer",
    "calendar",
)


@requires("export")
def log_export(
    session: Session,
    kind: str,
    *,
    people: int,
    actor: str | None = None,
    entity: str | None = None,
    entity_id: int | None = None,
    **details: Any,
) -> Event:
    """Record that a file of ``kind`` (one of :data:`EXPORT_KINDS`) naming ``people`` people left the
    system, by ``actor`` (default: the session's user), now; ``details`` (format, rows …) go with it.

    Once per transaction and kind: a producer that logs its own export (a person's data, the event
    log) and the page that hands the file out record one event, not two.
    """
    pending = _pending_export(session, kind)
    if pending is not None:
        return pending
    return log_event(
        session,
        f"{kind}_exported",
        entity=entity,
        entity_id=entity_id,
        actor=actor or principal_of(session).actor,
        people=int(people),
        **details,
    )


def _pending_export(session: Session, kind: str) -> Event | None:
    if kind not in EXPORT_KINDS:
        raise ValueError(f"unknown export kind: {kind!r}")
    return next((e for e in session.new if isinstance(e, Event) and e.action == f"{kind}_exported"), None)


@requires("export")
def export_logged(session: Session, kind: str) -> bool:
    """Whether this transaction has logged an export of ``kind`` (:func:`log_export`)."""
    return _pending_export(session, kind) is not None


def action_label(action: str, lang: str = "da") -> str:
    """The words for an action code (``admin.action.<code>``), or the code itself when it has none."""

    key = f"admin.action.{action}"
    text = t(key, lang)
    return action if text == key else text


def entity_label(entity: str | None, lang: str = "da") -> str:
    """The words for the kind of record an event is about (``admin.entity.<code>``); empty for none."""

    if not entity:
        return ""
    key = f"admin.entity.{entity}"
    text = t(key, lang)
    return _humanised(entity) if text == key else text


def field_label(field: str, lang: str = "da") -> str:
    """The words for a field of an event's details (``admin.detail.<field>``), else the field in words."""

    key = f"admin.detail.{field}"
    text = t(key, lang)
    return _humanised(field) if text == key else text


def _humanised(code: str) -> str:
    """``person_id`` → "Person id": a code without a translation, still read as words."""
    words = str(code).replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _value_text(field: str, value: Any, lang: str) -> str:
    """One value of the details as a person writes it: dates dd-mm-yyyy, numbers with the reader's
    separators, yes/no, codes in words, lists joined, a change as "before → after"."""

    if value is None or value == "" or value == [] or value == {}:
        return "–"
    if isinstance(value, bool):
        return t("common.yes" if value else "common.no", lang)
    if isinstance(value, (int, float)):
        return str(value) if field in _NUMBERS_AS_WRITTEN or field.endswith("_id") else format_number(value, lang)
    if isinstance(value, str):
        if field in ("phone", "other_phones"):
            from lib.core.normalize import display_phone

            return display_phone(value) or value
        if field in _CODE_PREFIXES:
            key = f"{_CODE_PREFIXES[field]}.{value}"
            text = t(key, lang)
            return value if text == key else text
        if _ISO_DATE.match(value):
            try:
                parsed = dt.datetime.fromisoformat(value)
            except ValueError:
                return value
            return format_date(parsed.date() if len(value) == 10 else parsed, lang)
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return format_date(value, lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(_value_text(field, item, lang) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{field_label(k, lang)}: {_value_text(k, v, lang)}" for k, v in value.items())
    return str(value)


def details_text(details: Any, lang: str = "da") -> str:
    """An event's payload as "Field: value" text in ``lang``, one field after the other ("; "), cut to
    :data:`MAX_DETAILS_CHARS`. A change reads "Field: before → after"."""
    if not details:
        return ""
    if not isinstance(details, dict):
        parts = [_value_text("", details, lang)]
    else:
        parts = []
        for field, value in details.items():
            if field in _HIDDEN_DETAILS:
                continue
            if field == "changes" and isinstance(value, dict):
                for changed, pair in value.items():
                    if isinstance(pair, (list, tuple)) and len(pair) == 2:
                        before, after = (_value_text(changed, v, lang) for v in pair)
                        parts.append(f"{field_label(changed, lang)}: {before} → {after}")
                    else:
                        parts.append(f"{field_label(changed, lang)}: {_value_text(changed, pair, lang)}")
            else:
                parts.append(f"{field_label(field, lang)}: {_value_text(field, value, lang)}")
    text = "; ".join(parts)
    return text if len(text) <= MAX_DETAILS_CHARS else text[: MAX_DETAILS_CHARS - 1] + "…"


def _query(
    *, actor: str | None, action: str | None, since: dt.date | None, until: dt.date | None, tz: dt.tzinfo | None = None
) -> Any:

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
    :data:`EVENT_COLUMNS` (``action_label`` and ``entity_label`` in ``lang``, ``details`` the payload as
    "Field: value" text in ``lang``, see :func:`details_text`).
    """

    query = _query(actor=actor, action=action, since=since, until=until, tz=workspace_timezone(session)).order_by(
        Event.at.desc(), Event.id.desc()
    )
    if limit is not None:
        query = query.limit(limit)
    rows = [
        {
            "id": e.id,
            "at": e.at,
            "actor": e.actor,
            "action": e.action,
            "action_label": action_label(e.action, lang),
            "entity": e.entity,
            "entity_label": entity_label(e.entity, lang),
            "entity_id": e.entity_id,
            "details": details_text(e.details, lang),
        }
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

    filters.setdefault("limit", None)
    frame = events_frame(session, lang=lang, **filters)

    frame["at"] = local_series(frame["at"], workspace_timezone(session))  # the workspace's time, as on screen
    sheet = pd.DataFrame({t(key, lang): frame[column] for column, key in EXPORT_COLUMNS})
    shown_filters = {name: value for name, value in filters.items() if value is not None}
    log_export(
        session,
        "events",
        people=int(frame["actor"].dropna().nunique()),
        actor=exported_by,
        rows=len(frame),
        filters=shown_filters,
    )
    return xlsx_bytes({t("admin.events.sheet", lang): sheet})


__all__ = [
    "DEFAULT_LIMIT",
    "EVENT_COLUMNS",
    "EXPORT_KINDS",
    "action_label",
    "details_text",
    "entity_label",
    "event_actions",
    "events_frame",
    "events_xlsx",
    "export_logged",
    "field_label",
    "log_export",
]
