"""The workspace's data revision: one random token per state of the data, and answers kept by it.

Every write transaction (:meth:`lib.db.engine.Database.write`) gives the one row of
``data_revision`` a new random token just before it commits, in the same transaction. So a token
names one state of everything stored: what was worked out from the data at a token (the network
graph, the key figures, a page's tables) is still true while the token is the same, in this process
and in every other one sharing the database (a dashboard beside a command-line import, several
servers on one PostgreSQL).

:func:`by_revision` keeps a function's answers per token in a small bounded cache: a rerun of a page
that changes nothing reads one row instead of the whole workspace. The token is random rather than a
counter so that a restored backup, whose token was current when the backup was written, names the data
it holds and nothing else.

>>> cache = RevisionCache(max_entries=2)
>>> cache.get_or_make(("a",), lambda: 1), cache.get_or_make(("a",), lambda: 2)
(1, 1)
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.db.base import rows_changed
from lib.db.models.workspace import DataRevision

if TYPE_CHECKING:
    from lib.db.engine import Database

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

#: The id of the one row of ``data_revision``.
_ROW = 1
#: ``Session.info`` key of the sessions made by ``Database.read`` (they cannot change the data).
READ_ONLY_INFO = "read_only"


@requires("edit")
def renew_revision(session: Session) -> str:
    """Give the data a new token inside ``session``'s write transaction (committed with it)."""
    token = uuid.uuid4().hex
    if not rows_changed(session.execute(update(DataRevision).where(DataRevision.id == _ROW).values(token=token))):
        session.execute(insert(DataRevision).values(id=_ROW, token=token))
    return token


@requires("view_board")
def current_revision(session: Session) -> str:
    """The token of the data as ``session`` sees it ("" before the first one)."""
    return session.scalar(select(DataRevision.token).where(DataRevision.id == _ROW)) or ""


@requires("view_board")
def session_state(session: Session) -> tuple[str, str] | None:
    """The database's URL and the token of the data a read session sees; None for a write session,
    whose own changes no token names yet (so nothing worked out in it may be kept)."""
    if not session.info.get(READ_ONLY_INFO):
        return None
    return str(session.connection().engine.url), current_revision(session)


@requires("view_board")
def data_revision(db: Database) -> str:
    """The token of the data in ``db`` now: it changes with every saved change."""
    with db.read() as session:
        return current_revision(session)


#: Every :class:`RevisionCache`, so that tests can empty them all.
_CACHES: list[RevisionCache] = []


class RevisionCache:
    """A thread-safe cache of at most ``max_entries`` answers, the least recently used dropped first.

    An answer being made is made once: other threads asking for it wait (:meth:`get_or_make`)."""

    def __init__(self, max_entries: int) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._making: dict[Hashable, threading.Event] = {}
        self._lock = threading.Lock()
        _CACHES.append(self)

    def get_or_make(self, key: Hashable, make: Callable[[], T]) -> T:
        """The kept answer for ``key``, else ``make()``'s (kept). While one thread makes an answer,
        another asking for the same key waits for it rather than doing the same work beside it (a
        page opened while the warm-up builds the network)."""
        while True:
            with self._lock:
                if key in self._entries:
                    self._entries.move_to_end(key)
                    found: T = self._entries[key]
                    return found
                underway = self._making.get(key)
                if underway is None:
                    underway = self._making[key] = threading.Event()
                    break
            underway.wait()  # then look again: kept, or the maker failed and this thread tries
        try:
            value = make()
            with self._lock:
                self._entries[key] = value
                self._entries.move_to_end(key)
                while len(self._entries) > self.max_entries:
                    self._entries.popitem(last=False)
            return value
        finally:
            with self._lock:
                del self._making[key]
            underway.set()

    def drop(self, key: Hashable, answer: object) -> None:
        """Forget the answer kept for ``key`` if it is still ``answer`` (a failure kept as it ran): the
        next :meth:`get_or_make` makes it again. An answer another thread has kept since stays."""
        with self._lock:
            if self._entries.get(key) is answer:
                del self._entries[key]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: Hashable) -> bool:
        """Whether an answer for ``key`` is kept (without counting as a use)."""
        with self._lock:
            return key in self._entries


def clear_revision_caches() -> None:
    """Forget every kept answer (the next call works each one out again)."""
    for cache in _CACHES:
        cache.clear()


def _who(db: Database, per_user: bool) -> Hashable:
    principal = db.principal
    if principal is None or per_user:
        return principal
    return (principal.role, principal.local)


def by_revision(max_entries: int = 4, *, per_user: bool = False) -> Callable[[F], F]:
    """Keep the answers of a function of ``(db, *args)`` per data revision, in a bounded cache.

    The key is the database's URL, its token, the acting role (a role may see less; with
    ``per_user`` the acting person, for answers about "me"), today's date (an answer that counts days
    goes stale at midnight) and the other arguments, which must be hashable. The answer is shared
    between calls: callers read it and never change it (a graph is returned frozen by its builder; a
    table is copied before it is changed).

    Put it under :func:`lib.core.access.requires`, so that access is checked on every call.
    """

    def decorate(function: F) -> F:
        cache = RevisionCache(max_entries)

        @functools.wraps(function)
        def kept(db: Database, *args: Any, **kwargs: Any) -> Any:
            key = (
                db.url,
                data_revision(db),
                _who(db, per_user),
                dt.date.today(),
                args,
                tuple(sorted(kwargs.items())),
            )
            return cache.get_or_make(key, lambda: function(db, *args, **kwargs))

        kept.cache = cache  # type: ignore[attr-defined]
        return kept  # type: ignore[return-value]

    return decorate
