"""Shared fixtures: every test gets its own empty database, never the user's workspace."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lib.db import Database, forget_database, open_database  # noqa: E402
from lib.demo.workspace import create_demo_workspace  # noqa: E402
from tests.apptest_support import deferred_downloads  # noqa: E402

# Fixtures of these modules serve every test module from here (pytest finds a conftest's fixtures).
from tests.browser_support import browser, dashboard  # noqa: E402,F401
from tests.pg import any_db_url, new_db_url, pg_url, postgres_server  # noqa: E402,F401

#: Folders whose every test is slow: a page test (AppTest) runs the whole page script, a command-line
#: test starts ``python -m lib`` in a new process; seconds a test either way. The fast loop
#: (``pytest -m "not slow and not browser"``) leaves them to the full suite.
SLOW_FOLDERS = ("pages", "cli")


def _needs_postgresql(item: pytest.Item) -> bool:
    """Whether ``item`` uses PostgreSQL: its fixtures start a server, or it is any_db_url's PostgreSQL run."""
    callspec = getattr(item, "callspec", None)
    on_postgresql = callspec is not None and callspec.params.get("any_db_url") == "postgresql"
    return on_postgresql or "postgres_server" in getattr(item, "fixturenames", ())


@pytest.hookimpl(tryfirst=True)  # before ``-m`` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark slow what is slow by where it is or what it needs: the folders above, and every test on
    PostgreSQL (the fast loop starts no database server; the full suite runs them all)."""
    folders = [ROOT / "tests" / name for name in SLOW_FOLDERS]
    for item in items:
        if any(item.path.is_relative_to(folder) for folder in folders) or _needs_postgresql(item):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The URL of a fresh SQLite file, also set as ``DATABASE_URL`` for code that reads the setting."""
    url = f"sqlite:///{tmp_path / 'workspace.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    yield url
    forget_database(url)


@pytest.fixture(scope="session")
def _upgraded_workspace(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of an empty SQLite workspace at the newest schema, upgraded once per run (per worker).

    Upgrading a new file through every migration costs about a quarter of a CPU second; a copy of
    this one costs a hundredth, and most tests want an empty workspace.
    """
    path = tmp_path_factory.mktemp("upgraded") / "workspace.sqlite"
    url = f"sqlite:///{path}"
    open_database(url)
    forget_database(url)  # closes the last connection: SQLite folds its write-ahead log into the file
    assert not path.with_name(path.name + "-wal").exists(), "the template still has a write-ahead log"
    return path.read_bytes()


@pytest.fixture
def db(db_url: str, _upgraded_workspace: bytes) -> Database:
    """An empty, upgraded database (a private copy of the upgraded template, mode 0600 like a new one)."""
    path = Path(db_url.removeprefix("sqlite:///"))
    if not path.exists():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(_upgraded_workspace)
    return open_database(db_url)


#: The day the demo library is made for in the tests (its dates, alerts and "last year" follow it).
DEMO_TODAY = dt.date(2026, 11, 1)


@pytest.fixture
def demo(db: Database) -> Database:
    """The demo library in the empty database, as of ``DEMO_TODAY`` (a module may override it)."""
    create_demo_workspace(db, today=DEMO_TODAY)
    return db


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], Any]]:
    """The files behind the download buttons drawn, by file name: what a click would download."""
    return deferred_downloads(monkeypatch)


@pytest.fixture(autouse=True)
def _no_user_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A test that forgets the db fixture must still not touch data/workspace.sqlite.
    if "DATABASE_URL" not in os.environ:
        monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'default.sqlite'}")


@pytest.fixture(autouse=True)
def _a_browser_on_this_computer(monkeypatch: pytest.MonkeyPatch) -> None:
    # AppTest runs a page without any browser connection, and local mode refuses a request it cannot
    # place (lib.core.access.from_this_computer). Page tests play a browser on this computer; a test of
    # another computer replaces this again.
    from components import context

    monkeypatch.setattr(
        context, "request_origin", lambda: (None, [("host", "localhost:8501"), ("origin", "http://localhost:8501")])
    )
