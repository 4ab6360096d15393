"""``python -m lib`` shows the progress of long work on a terminal, and nothing when piped or with --json."""

from __future__ import annotations

import argparse
import io
import os
import pty
import subprocess
import sys
from pathlib import Path

from lib.cli.progress import terminal_progress
from lib.core.progress import ProgressStep
from lib.db import Database
from tests.sheets import xlsx

ROOT = Path(__file__).resolve().parents[2]


def contacts(rows: int) -> bytes:
    return xlsx({"Kontakter": [["Navn", "E-mail"], *([f"Person {i}", f"p{i}@x.dk"] for i in range(rows))]})


def run_on_a_terminal(*args: str) -> tuple[int, str, str]:
    """Run ``python -m lib`` with its stderr on a pseudo-terminal; (exit code, stdout, what the terminal got)."""
    main, side = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "lib", *args],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=side,
        env={"PATH": "/usr/bin:/bin", "HOME": str(ROOT)},
    )
    os.close(side)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the other side is closed: the process is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert process.stdout is not None
    out = process.stdout.read().decode()
    process.wait(timeout=120)
    os.close(main)
    return process.returncode, out, b"".join(chunks).decode()


def test_an_import_on_a_terminal_shows_its_rows_and_leaves_a_clean_line(tmp_path: Path, db_url: str) -> None:
    path = tmp_path / "kontakter.xlsx"
    path.write_bytes(contacts(1200))
    code, out, terminal = run_on_a_terminal("import", str(path), "--db", db_url)
    assert code == 0, terminal
    assert "\rTjekker rækker: 1.200 af 1.200 rækker" in terminal
    assert "\rGemmer: 5 af 5 tabeller" in terminal
    assert terminal.endswith("\r")  # the line is wiped: what follows starts at the left
    assert "Tjekker" not in out and out.startswith("Importen er gemt")


def test_piped_or_with_json_the_import_prints_no_progress(tmp_path: Path, db_url: str) -> None:
    path = tmp_path / "kontakter.xlsx"
    path.write_bytes(contacts(300))
    piped = subprocess.run(
        [sys.executable, "-m", "lib", "import", str(path), "--db", db_url, "--lang", "en"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert piped.returncode == 0 and piped.stderr == ""
    assert "Checking rows" not in piped.stdout
    code, out, terminal = run_on_a_terminal("import", str(path), "--db", db_url, "--json", "--lang", "en")
    assert code == 0 and terminal == "" and out.lstrip().startswith("{")


def test_a_backup_on_a_terminal_shows_the_pages_copied(tmp_path: Path, db_url: str, db: Database) -> None:
    # ``db``: the workspace exists (a backup of none is refused)
    code, _out, terminal = run_on_a_terminal("backup", str(tmp_path / "copy.db"), "--db", db_url, "--lang", "en")
    assert code == 0, terminal
    assert "\rCopying the database: " in terminal and "\rChecking the backup" in terminal


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_line_is_rewritten_in_place_and_wiped_at_the_end() -> None:
    terminal = FakeTerminal()
    with terminal_progress(argparse.Namespace(json=False), "en", terminal) as progress:
        assert progress is not None
        progress(ProgressStep("progress.step.check_rows", 0, 10))
        progress(ProgressStep("progress.step.check_rows", 10, 10))
    shown = terminal.getvalue()
    assert shown.startswith("\rChecking rows: 0 of 10 rows\rChecking rows: 10 of 10 rows")
    assert shown.endswith("\r" + " " * len("Checking rows: 10 of 10 rows") + "\r")
    with terminal_progress(argparse.Namespace(json=True), "en", FakeTerminal()) as quiet:
        assert quiet is None
    with terminal_progress(argparse.Namespace(json=False), "en", io.StringIO()) as piped:
        assert piped is None
