"""The workspace's clock for pages: its time zone and its today (``lib.workspace.clock`` does the work)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from components.context import database
from lib.workspace import clock


def workspace_zone() -> ZoneInfo:
    """The time zone the workspace reads times in (the library set-up; Europe/Copenhagen by default)."""
    return clock.workspace_zone(database())


def today() -> dt.date:
    """Today in the workspace's time zone, whatever zone the server runs in."""
    return clock.workspace_today(database())
