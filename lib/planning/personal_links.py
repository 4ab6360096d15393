"""Personal links opened without logging in — an evaluation round's respondents
(:mod:`lib.planning.evaluation_links`) and the staff network survey's colleagues
(:mod:`lib.planning.staff_survey`): the parts both work the same way.

A record with a link carries ``digest`` (only the token's SHA-256, :mod:`lib.core.tokens`),
``created_at``, ``expires_at`` and ``revoked_at``. A new link replaces the record's earlier one; a
wrong, expired or revoked token finds nothing, and the caller answers as for a token that never was.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.config import public_url
from lib.core.i18n import DEFAULT_LANGUAGE
from lib.core.tokens import digest, new_token, well_formed


class LinkRecord(Protocol):
    digest: Any
    created_at: Any
    expires_at: Any
    revoked_at: Any


R = TypeVar("R")


def utc_now() -> dt.datetime:
    """Now, in UTC without a time zone, as the link columns store it."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def link_url(prefix: str, token: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The address of ``token``'s form under ``prefix`` on :func:`lib.core.config.public_url`
    (English with ``?lang=en``)."""
    url = f"{public_url()}{prefix}{token}"
    return url if lang == DEFAULT_LANGUAGE else f"{url}?lang={lang}"


def is_closed(closes_on: dt.date | None, today: dt.date) -> bool:
    """Whether a round or survey closing on ``closes_on`` takes no more answers on ``today`` (it
    takes them on its closing day; without one it stays open).

    >>> is_closed(None, dt.date(2026, 5, 1)), is_closed(dt.date(2026, 5, 1), dt.date(2026, 5, 1))
    (False, False)
    >>> is_closed(dt.date(2026, 5, 1), dt.date(2026, 5, 2))
    True
    """
    return closes_on is not None and today > closes_on


def renew(record: LinkRecord, days: int, now: dt.datetime | None = None) -> tuple[str, dt.datetime]:
    """A new token for ``record``, working ``days`` days from ``now``; its earlier one stops working.
    Returns the token (shown once: only its digest is kept) and when it expires."""
    token = new_token()
    start = now or utc_now()
    record.digest = digest(token)
    record.created_at = start
    record.expires_at = start + dt.timedelta(days=days)
    record.revoked_at = None
    return token, record.expires_at


def end(record: LinkRecord, now: dt.datetime | None = None) -> bool:
    """End ``record``'s link; False when it had none or it had already ended."""
    if record.digest is None or record.revoked_at is not None:
        return False
    record.revoked_at = now or utc_now()
    return True


@requires("view_contacts")
def live_record(session: Session, model: type[R], token: str, now: dt.datetime) -> R | None:
    """The record of ``model`` whose link ``token`` is, while it works: None for anything else."""
    if not well_formed(token):
        return None
    record: Any = session.scalars(select(model).where(model.digest == digest(token))).first()  # type: ignore[attr-defined]
    if record is None or record.revoked_at is not None:
        return None
    if record.expires_at is not None and record.expires_at <= now:
        return None
    return record
