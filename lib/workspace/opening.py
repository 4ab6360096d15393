"""The workspace database opened for one person (what a page uses to reach everything lib stores), and
what it holds in numbers."""

from __future__ import annotations

from lib.core.access import Principal, requires
from lib.db import Database, open_database, workspace_counts

#: Whoever is not (yet) known gets the least a role can do.
NOBODY = Principal(email=None, role="viewer")


def workspace_database(principal: Principal | None) -> Database:
    """The workspace database (``DATABASE_URL`` or the local SQLite file), used as ``principal``:
    lib refuses what their role may not do. ``None`` (nobody known) acts as a viewer."""
    return open_database().acting_as(principal or NOBODY)


@requires("view_board")
def workspace_totals(db: Database) -> dict[str, int]:
    """How many people, organisations, relations … the workspace holds (the sidebar's line)."""
    with db.read() as session:
        return workspace_counts(session)


__all__ = ["NOBODY", "workspace_database", "workspace_totals"]
