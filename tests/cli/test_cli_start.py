"""``python -m lib`` starts without the heavy libraries: the parser is cheap, a command imports its own.

Issue 16: ``--help`` used to load pandas, sqlalchemy, networkx … (about 2 s) before printing a line.
How fast it starts is measured in ``benchmarks/bench_cli_start.py``; here only what it imports.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lib.cli.parser import build_parser, handler_of

ROOT = Path(__file__).resolve().parents[2]

#: What the parser must not import (each costs a tenth of a second or more).
HEAVY = ("pandas", "numpy", "networkx", "sqlalchemy", "plotly", "openpyxl", "streamlit", "scipy", "phonenumbers")
#: The only modules of lib the parser may import: the dispatch and a few constants (``--lang``,
#: ``person inform --how``, ``report --format/--sections``); a new one is a decision, not an accident.
CHEAP_LIB_MODULES = {
    "lib",
    "lib.cli",
    "lib.cli.parser",
    "lib.core",
    "lib.core.errors",
    "lib.core.languages",
    "lib.privacy",
    "lib.privacy.informing_codes",
    "lib.reporting",
    "lib.reporting.board_formats",
}

#: Runs ``python -m lib ARGS`` in this child (as runpy does) and prints its exit code and its modules.
PROBE = """
import json, runpy, sys
sys.argv = ["lib", *json.loads(sys.argv[1])]
try:
    runpy.run_module("lib", run_name="__main__", alter_sys=True)
except SystemExit as exit:
    code = exit.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def modules_after(*args: str) -> tuple[int, str, set[str]]:
    """The exit code, standard output and the modules imported by ``python -m lib ARGS``."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(ROOT), "COLUMNS": "100"},
        timeout=60,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], done.stdout, set(report["modules"])


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (("--help",), "Partnerskabsradar command line"),
        (("schema", "--help"), "usage: python -m lib schema [-h] [--db DB]"),
        (("person", "inform", "--help"), "--how {email,letter,in_person,agreement,other}"),
        (("report", "--help"), "comma-separated sections (default all): title, key_figures"),
    ],
)
def test_help_imports_no_heavy_library(args: tuple[str, ...], shown: str) -> None:
    code, printed, modules = modules_after(*args)
    assert code == 0 and shown in " ".join(printed.split())
    assert [name for name in HEAVY if name in modules] == []
    assert sorted(name for name in modules if name.split(".")[0] == "lib" and name not in CHEAP_LIB_MODULES) == []


def test_a_mistyped_command_is_refused_at_once() -> None:
    code, _, modules = modules_after("shcema")
    assert code == 2
    assert [name for name in HEAVY if name in modules] == []


def test_a_command_imports_what_it_needs_when_it_runs(tmp_path: Path) -> None:
    code, printed, modules = modules_after("schema", "--db", f"sqlite:///{tmp_path / 'empty.sqlite'}")
    assert code == 0 and printed.strip().isdigit()
    assert {"sqlalchemy", "lib.db", "lib.cli.main"} <= modules


def subcommands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> dict[tuple[str, ...], argparse.ArgumentParser]:
    """Every runnable command of ``parser`` by the words that name it (``("person", "inform")``)."""
    found: dict[tuple[str, ...], argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found |= subcommands(sub, (*path, name))
    return found or {path: parser}


def test_every_command_names_a_handler_that_exists() -> None:
    commands = subcommands(build_parser())
    assert (
        len(commands) == 25
        and ("handover",) in commands
        and ("person", "inform") in commands
        and ("schema",) in commands
    )
    assert ("calendar", "import") in commands and ("calendar", "export") in commands
    assert ("agreement", "export") in commands
    assert ("survey", "link") in commands and ("survey", "status") in commands
    assert ("survey", "staff-links") in commands
    for words, parser in commands.items():
        assert callable(handler_of(parser.get_default("handler"))), words
