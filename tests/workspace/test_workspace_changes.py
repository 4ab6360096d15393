"""A page's change and a downloaded file run in one transaction inside lib (lib.workspace.changes)."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from lib.core.errors import ValidationFailed
from lib.db import Database, Event, get_setting, set_setting
from lib.workspace.changes import ChangeNotSaved, export_file, run_change


def test_a_change_is_saved_and_its_result_returned(db: Database) -> None:
    assert run_change(db, lambda session: set_setting(session, "library_name", "Solbakke") or "done") == "done"
    with db.read() as session:
        assert get_setting(session, "library_name") == "Solbakke"


def test_a_database_failure_saves_nothing_and_says_so_without_values(db: Database) -> None:
    def work(session):  # noqa: ANN001, ANN202
        set_setting(session, "library_name", "Half done")
        session.execute(text("INSERT INTO no_such_table VALUES ('anne@example.dk')"))

    with pytest.raises(ChangeNotSaved) as raised:
        run_change(db, work)
    assert "anne@example.dk" not in str(raised.value)
    with db.read() as session:
        assert get_setting(session, "library_name") is None


def test_a_refusal_in_the_readers_words_passes_unchanged(db: Database) -> None:
    def work(session):  # noqa: ANN001, ANN202
        raise ValidationFailed("setup.timezone_invalid", field="timezone", value="Mars")

    with pytest.raises(ValidationFailed):
        run_change(db, work)


def test_a_file_is_handed_out_with_its_export_logged(db: Database) -> None:
    data = export_file(db, lambda session: b"file", kind="network", people=3, details={"format": "gexf"})
    assert data == b"file"
    with db.read() as session:
        logged = session.scalars(select(Event).where(Event.action == "network_exported")).all()
    assert [(e.details["people"], e.details["format"]) for e in logged] == [(3, "gexf")]


def test_a_file_whose_maker_forgot_to_log_is_not_handed_out(db: Database) -> None:
    with pytest.raises(RuntimeError):
        export_file(db, lambda session: b"file", kind="network", people=None)
    with db.read() as session:
        assert session.scalars(select(Event)).all() == []
