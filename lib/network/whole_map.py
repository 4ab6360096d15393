"""The whole network's map of a big workspace, prepared once in the background (issue 16).

Laying out and measuring a network of 100,000 people takes minutes, which no page may make anyone wait
for. Above :data:`BIG_WORKSPACE` people and organisations the network page therefore opens on the
organisations view, and :func:`prepare_whole_map` works out, in a thread of its own and once per data
revision (``lib.db.revision``), in this order: the graph (``build_graph``, kept for the revision), the
organisation view's positions and measures, the whole graph's positions (stored in ``node_positions``
by ``lib.network.layout.positions``, so the next process finds them) and its measures. Each lands in
the caches of ``lib.network.page``, where the page looks for it; :class:`MapPreparation` tells how far
it has come, so the page shows its progress and offers the whole map when it is there.

Nothing here waits: an import commits without it, and the page starts it (lazily) on its first visit
after a change of the data. A thread, not a process, because what it works out must be in the caches
of the process that serves the page.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select

from lib.core.access import requires
from lib.db import Database, Organisation, Person
from lib.db.revision import by_revision, data_revision
from lib.network import page as netpage
from lib.network.build import build_graph

log = logging.getLogger(__name__)

#: People and organisations above which the whole network is too big to lay out while someone waits.
BIG_WORKSPACE = 25_000

#: The steps, in order, with the share of the work each stands for.
STAGES: tuple[tuple[str, float], ...] = (("graph", 0.35), ("organisations", 0.15), ("layout", 0.3), ("metrics", 0.2))


@dataclass
class MapPreparation:
    """How far the whole map of one data revision has come (read by the page, written by the thread)."""

    key: tuple[str, str]
    stage: str = "graph"
    finished: bool = False
    error: str | None = None

    @property
    def share(self) -> float:
        """The part done, 0-1."""
        if self.finished:
            return 1.0
        done = 0.0
        for name, weight in STAGES:
            if name == self.stage:
                break
            done += weight
        return done

    def past(self, stage: str) -> bool:
        """Whether ``stage`` is done."""
        names = [name for name, _ in STAGES]
        return self.finished or names.index(self.stage) > names.index(stage)


_JOBS: dict[tuple[str, str], MapPreparation] = {}
_LOCK = threading.Lock()


def _start(work: Callable[[], None]) -> None:
    """Run ``work`` in a daemon thread (tests replace this to run it at once, or not at all)."""
    threading.Thread(target=work, name="whole-network-map", daemon=True).start()


@requires("view_contacts")
@by_revision(max_entries=4)
def workspace_size(db: Database) -> int:
    """People and organisations in the workspace: what decides whether the network is big."""
    with db.read() as session:
        people = session.scalar(select(func.count()).select_from(Person)) or 0
        organisations = session.scalar(select(func.count()).select_from(Organisation)) or 0
    return int(people) + int(organisations)


@requires("view_contacts")
def is_big(db: Database) -> bool:
    """Whether the network page should open on the organisations and prepare the whole map aside."""
    return workspace_size(db) > BIG_WORKSPACE


@requires("edit")
def prepare_whole_map(db: Database) -> MapPreparation:
    """The preparation of the whole map for the data as it is now, started if it is not under way.

    One per database and data revision: a second call, from any session, returns the same one, unless
    that one failed: then it starts again."""
    key = (db.url, data_revision(db))
    with _LOCK:
        job = _JOBS.get(key)
        if job is not None and job.error is None:
            return job
        # None yet, or one that failed (a busy write while storing the layout): a fresh one, so the
        # whole map is not hidden until somebody changes the data.
        job = _JOBS[key] = MapPreparation(key)
        for old in [k for k in _JOBS if k[0] == db.url and k != key]:
            del _JOBS[old]  # an earlier revision of the same workspace: its map is stale
    _start(lambda: _prepare(db, job))
    return job


#: Seconds the preparation waits before it starts: the page that started it is drawn first (a thread
#: holding the interpreter would otherwise slow that page down).
GRACE = 1.5


def _prepare(db: Database, job: MapPreparation) -> None:
    time.sleep(GRACE)
    try:
        with db.read() as session:
            G = build_graph(session)
        job.stage = "organisations"
        netpage.view_positions(db, G, "organisations")
        netpage.graph_metrics(G, "organisations")
        job.stage = "layout"
        netpage.view_positions(db, G, "whole")
        job.stage = "metrics"
        netpage.graph_metrics(G, "whole")
        job.finished = True
    except Exception as error:  # shown on the page; the thread must not die silently
        log.exception("preparing the whole network map failed")
        job.error = str(error) or type(error).__name__


def forget_preparations() -> None:
    """Forget every preparation (tests)."""
    with _LOCK:
        _JOBS.clear()


__all__ = [
    "BIG_WORKSPACE",
    "STAGES",
    "MapPreparation",
    "forget_preparations",
    "is_big",
    "prepare_whole_map",
    "workspace_size",
]
