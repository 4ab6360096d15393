"""The workspace database a page opens acts as the person using it; the clock service reads its zone."""

from __future__ import annotations

import datetime as dt

import pytest

from lib.core.access import LOCAL, AccessDenied, Principal
from lib.db import Database, set_setting
from lib.network import layout
from lib.workspace import clock
from lib.workspace.opening import workspace_database


def test_nobody_known_may_only_look_like_a_viewer(db: Database) -> None:
    as_nobody = workspace_database(None)
    assert clock.workspace_zone(as_nobody).key == "Europe/Copenhagen"  # a viewer may read the clock
    with pytest.raises(AccessDenied):
        layout.forget_positions(as_nobody)  # forgetting the drawing is an edit


def test_the_local_admin_may_edit(db: Database) -> None:
    assert layout.forget_positions(workspace_database(LOCAL)) == 0


def test_an_editor_cannot_read_the_event_log_through_it(db: Database) -> None:
    from lib.workspace import events

    editor = workspace_database(Principal(email="e@example.org", role="editor"))
    with editor.read() as session, pytest.raises(AccessDenied):
        events.event_actions(session)


def test_today_is_read_in_the_workspaces_own_zone(db: Database) -> None:
    with db.write() as session:
        set_setting(session, clock.TIMEZONE_SETTING, "Pacific/Kiritimati")  # UTC+14
    viewer = workspace_database(None)
    assert clock.workspace_zone(viewer).key == "Pacific/Kiritimati"
    assert clock.workspace_today(viewer) == dt.datetime.now(dt.UTC).astimezone(clock.zone("Pacific/Kiritimati")).date()


def test_the_sidebar_counts_what_the_workspace_holds(db: Database) -> None:
    from lib.workspace.opening import workspace_totals
    from tests.planning_builders import add_staff

    with db.write() as session:
        add_staff(session, "Anne Berg")
    assert workspace_totals(workspace_database(None))["people"] == 1
