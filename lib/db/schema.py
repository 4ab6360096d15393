"""Schema versions: Alembic upgrades an older database in place before anything else touches it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


# --- schema versions -------------------------------------------------------------------------------


def _alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def head_revision() -> str | None:
    """The newest schema version this version of the product knows."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()


def upgrade_schema(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (default: the newest), keeping all data."""
    from alembic import command

    # A current schema needs no write turn: a dashboard starting during a long import must not
    # wait for the import to finish.
    if revision == "head" and schema_version(engine) == head_revision():
        return
    config = _alembic_config(engine)
    # A write transaction: two processes opening a new database at once take turns instead of both
    # creating the tables (PostgreSQL's DDL is transactional; the second one finds nothing to do).
    with (
        engine.connect().execution_options(write=True) as connection,
        _foreign_keys_deferred_on_sqlite(connection),
        connection.begin(),
    ):
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        _refuse_broken_references(connection)


@contextmanager
def _foreign_keys_deferred_on_sqlite(connection: Any) -> Iterator[None]:
    """Switch SQLite's foreign-key actions off while the schema changes.

    SQLite changes a table's constraints by copying it into a new table and dropping the old one.
    With foreign keys on, dropping ``people`` runs every ``ON DELETE CASCADE`` and ``SET NULL`` that
    points at it: an upgrade would silently delete every affiliation and tie. The pragma only takes
    effect outside a transaction, so it is set on the driver's connection before the upgrade begins,
    and set back afterwards for the pool.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    driver = connection.connection.dbapi_connection
    driver.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        driver.execute("PRAGMA foreign_keys=ON")


def _refuse_broken_references(connection: Any) -> None:
    """Roll the upgrade back if it left a reference to a row that does not exist (SQLite only: with
    the foreign-key actions off, SQLite would not notice by itself)."""
    if connection.dialect.name != "sqlite":
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"schema upgrade left {len(broken)} broken references, e.g. {tuple(broken[0])}")


def schema_version(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
