"""Work out in the background what the pages need from the whole workspace, after every change.

On a big workspace (100,000 people) building the network and what hangs on it takes tens of seconds:
too long for the first person who opens a page after an import. A running dashboard therefore keeps
a :class:`WarmUp` beside it: a thread that looks at the data revision (``lib.db.revision``) every few
seconds and, when it changed, works out the answers the heaviest pages read (the network for editors
and for the board, who hangs on one person, the start page for every role, the checklist page, the
evaluations' start, the board pack of the last year, Administration's lists), which then sit in the
caches the pages read from. Nothing waits for it: an import commits and returns as before, and a page
opened while the thread is still busy works the answer out itself, as it would without a warm-up.

The jobs only read. A failing job is logged and skipped (the page will show the error itself, in the
user's language); the next change of data tries again.

>>> warm_up = WarmUp(open_database("sqlite://"), interval=60)          # doctest: +SKIP
>>> warm_up.start()                                                     # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lib.core.access import LOCAL, ROLES, Principal, can
from lib.core.i18n import DEFAULT_LANGUAGE, LANGUAGES
from lib.db import Database, data_revision
from lib.library.staff_dependencies import single_person_dependencies
from lib.network.build import build_graph
from lib.planning.evaluations_page import evaluations_start
from lib.privacy.admin_page import informing_list, retention_list
from lib.reporting.boardpack import DEFAULT_PERIOD_DAYS, board_pack
from lib.reporting.overview import start_page
from lib.reporting.radar_page import radar_page_data
from lib.workspace.clock import workspace_today

LOG = logging.getLogger(__name__)

#: How often the thread looks for a change (seconds): one small read.
DEFAULT_INTERVAL = 3.0

#: Someone of each role, and the local user: the start page is kept per role.
PRINCIPALS: tuple[Principal, ...] = (LOCAL, *(Principal(email=None, role=role) for role in ROLES))


@dataclass(frozen=True)
class Job:
    """One answer to work out: its name (for the log) and how, from the database and today's date."""

    name: str
    run: Callable[[Database], object]


def _network(contact_details: bool) -> Callable[[Database], object]:
    def run(db: Database) -> object:
        with db.read() as session:
            graph = build_graph(session, contact_details=contact_details)
            return single_person_dependencies(session, graph=graph, contact_details=contact_details)

    return run


def _start_pages(db: Database) -> object:
    today = workspace_today(db)
    return [start_page(db.acting_as(principal), today) for principal in PRINCIPALS]


def _board_pack(db: Database) -> object:
    """The pack the board page opens with: the last year, every section, in Danish."""
    today = workspace_today(db)
    start = today - dt.timedelta(days=DEFAULT_PERIOD_DAYS)
    return board_pack(db, start, today, DEFAULT_LANGUAGE, None, today)


def _personal_data(db: Database) -> object:
    """Administration's retention and informing lists (about 13 s of CPU at 100,000 people), for those
    who may read them, in every language."""
    today = workspace_today(db)
    found: list[object] = []
    for principal in PRINCIPALS:
        if can(principal, "personal_data"):
            admin = db.acting_as(principal)
            found.append(retention_list(admin, today))
            found += [informing_list(admin, today, language) for language in LANGUAGES]
    return found


def _for_editors(page: Callable[..., object], *args: object) -> Callable[[Database], object]:
    def run(db: Database) -> object:
        today = workspace_today(db)
        return [page(db.acting_as(p), today, *args) for p in PRINCIPALS if p.role != "viewer"]

    return run


#: What the heaviest pages read, in the order people tend to open them.
JOBS: tuple[Job, ...] = (
    Job("network", _network(contact_details=True)),
    Job("network_board", _network(contact_details=False)),
    Job("start_page", _start_pages),
    Job("checklist", _for_editors(radar_page_data)),
    Job("evaluations_da", _for_editors(evaluations_start, DEFAULT_LANGUAGE)),
    Job("board_pack", _board_pack),
    Job("personal_data", _personal_data),
)


@dataclass
class WarmUpState:
    """What the thread has done: the revision it last finished and how long that took."""

    revision: str | None = None
    seconds: float | None = None
    failed: tuple[str, ...] = ()
    #: Each job's seconds (wall clock), in the order they ran.
    job_seconds: tuple[tuple[str, float], ...] = ()


class WarmUp:
    """A daemon thread that works out :data:`JOBS` whenever the data revision changes."""

    def __init__(self, db: Database, *, interval: float = DEFAULT_INTERVAL, jobs: Sequence[Job] = JOBS) -> None:
        self.db = db.acting_as(LOCAL)
        self.interval = interval
        self.jobs = tuple(jobs)
        self.state = WarmUpState()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the thread (once; a second call does nothing)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="partnerskabsradar-warm-up", daemon=True)
            self._thread.start()

    def stop(self, timeout: float | None = None) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.warm_once()
            except Exception:  # noqa: BLE001 - the database may be away for a moment; try again later
                LOG.exception("warm-up: reading the data revision failed")
            self._stop.wait(self.interval)

    def warm_once(self) -> bool:
        """Work the jobs out if the data changed since the last time; whether it did."""
        revision = data_revision(self.db)
        if revision == self.state.revision:
            return False
        started, failed, seconds = time.perf_counter(), [], []
        for job in self.jobs:
            if self._stop.is_set():
                return False
            job_started = time.perf_counter()
            try:
                job.run(self.db)
            except Exception:  # noqa: BLE001 - the page shows its own error; the others still help
                LOG.exception("warm-up: %s failed", job.name)
                failed.append(job.name)
            seconds.append((job.name, time.perf_counter() - job_started))
        self.state = WarmUpState(revision, time.perf_counter() - started, tuple(failed), tuple(seconds))
        return True
