"""``python -m lib`` as a script sees it: exit codes, JSON keys, one clear line on failure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from lib.db import Person, open_database
from tests.sheets import MESSY_DANISH, STAFF, xlsx

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, env_db: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(ROOT)}
    if env_db:
        env["DATABASE_URL"] = env_db
    return subprocess.run(
        [sys.executable, "-m", "lib", *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120
    )


def test_import_json_summary_has_the_documented_keys(tmp_path: Path, db_url: str) -> None:
    staff, contacts = tmp_path / "staff.xlsx", tmp_path / "kontakter.xlsx"
    staff.write_bytes(xlsx({"Personale": STAFF}))
    contacts.write_bytes(xlsx({"Kontakter": MESSY_DANISH}))
    done = run_cli("import", str(staff), str(contacts), "--json", "--db", db_url)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    for key in (
        "rows",
        "people",
        "organisations",
        "relations",
        "inserted",
        "updated",
        "unchanged",
        "rejected",
        "skipped",
        "problems",
        "mapping",
    ):
        assert key in summary
    assert summary["rows"] == 7
    assert summary["rows"] == sum(summary[k] for k in ("inserted", "updated", "unchanged", "rejected", "skipped"))
    assert {"row": 9, "column": "E-mail"}.items() <= summary["problems"][0].items()
    assert summary["mapping"]["kontakter.xlsx › Kontakter"]["E-mail"] == "email"


def test_dry_run_stores_nothing(tmp_path: Path, db_url: str) -> None:
    contacts = tmp_path / "kontakter.xlsx"
    contacts.write_bytes(xlsx({"Kontakter": MESSY_DANISH}))
    done = run_cli("import", str(contacts), "--dry-run", "--json", "--db", db_url)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["inserted"] == 5  # "Ukendt Person" is kept without the bad e-mail
    with open_database(db_url).read() as session:
        assert session.scalars(select(Person)).all() == []


def test_the_database_setting_is_used_without_db(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'from-setting.sqlite'}"
    contacts = tmp_path / "k.xlsx"
    contacts.write_bytes(xlsx({"K": [["Navn", "E-mail"], ["Jens Hansen", "jens@x.dk"]]}))
    done = run_cli("import", str(contacts), env_db=url)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "from-setting.sqlite").exists()


def test_an_unreadable_file_gives_one_clear_line_and_a_failing_exit(tmp_path: Path, db_url: str) -> None:
    junk = tmp_path / "kontakter.xlsx"
    junk.write_bytes(b"\x00\x01 this is not a spreadsheet " * 40)
    done = run_cli("import", str(junk), "--db", db_url, "--lang", "en")
    assert done.returncode != 0
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("kontakter.xlsx:")
    assert "Traceback" not in done.stderr


def test_undo_from_the_command_line(tmp_path: Path, db_url: str) -> None:
    contacts = tmp_path / "k.xlsx"
    contacts.write_bytes(xlsx({"K": [["Navn", "E-mail"], ["Jens Hansen", "jens@x.dk"]]}))
    batch = json.loads(run_cli("import", str(contacts), "--json", "--db", db_url).stdout)["batch_id"]
    done = run_cli("undo", str(batch), "--db", db_url)
    assert done.returncode == 0, done.stderr
    with open_database(db_url).read() as session:
        assert session.scalars(select(Person)).all() == []
