"""The network page's one-person finding, read for a page that opens no session itself."""

from __future__ import annotations

import datetime as dt

import networkx as nx

from lib.core.access import requires
from lib.db import Database
from lib.reporting.figures import OnePerson, one_person


@requires("view_board")
def one_person_on(db: Database, day: dt.date, graph: nx.Graph | None = None) -> OnePerson:
    """What hangs on one staff member on ``day`` (:func:`lib.reporting.figures.one_person`), in a read
    of its own; ``graph`` is the network of the day when the page has it."""
    with db.read() as session:
        return one_person(session, day, graph=graph)


__all__ = ["one_person_on"]
