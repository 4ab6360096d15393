"""Issue 10, erasure hardening: an erasure survives restoring an older backup, leaves nothing readable in
SQLite's write-ahead log, reaches JSON keys and remembered mappings, and no database password ever
travels on a PostgreSQL tool's command line."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import JSON, Boolean, CheckConstraint, Date, DateTime, Float, Integer, String, Text, select, text

from lib import backup as backup_module
from lib import personal_data as pdata
from lib import records
from lib.cli import main
from lib.i18n import TEXTS, t
from lib.storage import Base, Database, ErasureMarker, Event, Person, SavedMapping, open_database
from tests.test_personal_data import EMAIL, NAME, OLD_EMAIL, OLD_NAME, build_person, import_rows, stored_texts

#: The phone number build_person gives the erased person, as the workspace stores it (E.164).
PHONE = "+4511223344"


def sqlite_path(url: str) -> Path:
    return Path(url.split("///", 1)[1])


# --- finding 11: no password on a PostgreSQL tool's command line --------------------------------------


def test_finding_11_no_secret_reaches_the_tools_command_line(
        pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret, key_secret = "Hemmeligt-Pw-7431", "Noegle-Pw-9902"
    url = f"{pg_url}?password={secret}&sslpassword={key_secret}&connect_timeout=10"
    open_database(url)
    calls: list[tuple[list[str], dict[str, str]]] = []
    real_run = subprocess.run

    def recording_run(command: list[str], *args: Any, **kwargs: Any) -> Any:
        calls.append((list(command), dict(kwargs.get("env") or {})))
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(backup_module.subprocess, "run", recording_run)
    made = backup_module.backup(url, tmp_path / "pw.backup")
    backup_module.restore(url, made.path)

    assert {Path(command[0]).name for command, _ in calls} >= {"pg_dump", "pg_restore", "psql"}
    for command, env in calls:
        assert not any(secret in part or key_secret in part for part in command), command
    connecting = [env for command, env in calls if Path(command[0]).name in ("pg_dump", "psql")]
    assert connecting and all(env.get("PGPASSWORD") == secret for env in connecting)
    # The key's password travels in a private service file that is gone afterwards.
    service_files = {env.get("PGSERVICEFILE") for env in connecting}
    assert None not in service_files and not any(Path(f).exists() for f in service_files)


def test_finding_11_the_conninfo_on_argv_holds_no_secret_parameter() -> None:
    from sqlalchemy import make_url

    url = make_url("postgresql://radar@db.example/radar?password=p%C3%A6ssword&sslpassword=kpw&sslmode=require")
    with backup_module._libpq(url) as (conninfo, env):
        assert "pæssword" not in conninfo and "kpw" not in conninfo
        assert "sslmode='require'" in conninfo and env["PGPASSWORD"] == "pæssword"
        assert "kpw" in Path(env["PGSERVICEFILE"]).read_text(encoding="utf-8")
        assert stat.S_IMODE(Path(env["PGSERVICEFILE"]).stat().st_mode) == 0o600

