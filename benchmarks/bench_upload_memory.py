"""Benchmark: what one big upload costs the server's memory, on the import page, and what stays.

Run on demand (not part of the tests)::

    .venv/bin/python benchmarks/bench_upload_memory.py                   # 50,000 rows x 40 columns
    .venv/bin/python benchmarks/bench_upload_memory.py --rows 100000 --columns 40

It generates a Danish contact sheet (.xlsx: the ten columns of ``bench_import.py`` and further
columns of short text and numbers up to ``--columns``), then, in a fresh process, drives the import
page (``pages/importer.py``) with Streamlit's AppTest the way a user does: upload (checks, parse in a
child process, preview), *Importér*; then the same file again and *Ryd* (cancel). The page runs in
the measuring process, as it runs in the dashboard's server process, so its figures are the
server's (the browser's upload buffer, which Streamlit holds as bytes, comes on top: the file's size).

Printed per step:

* ``rss``: the process's resident memory after the step, once Python's garbage has been collected
  and glibc has been asked to hand free memory back (``malloc_trim``): what the step leaves behind;
* ``session``: the bytes reachable from the session state (every object counted once);
* ``peak``: the highest resident memory of the server process so far, and of any parse child so far.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
import types
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_import import FIRST, HEADER, LAST, ORGS  # noqa: E402

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXTRA_WORDS = ["Nord", "Syd", "Øst", "Vest", "Midt", "Aarhus", "Odense", "Aalborg", "Esbjerg", "Vejle"]


def generate(path: Path, rows: int, columns: int, seed: int = 11) -> None:
    from openpyxl import Workbook

    rng = random.Random(seed)
    extra = max(0, columns - len(HEADER))
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Kontakter")
    sheet.append(["Kontaktliste – hukommelse"])
    sheet.append([])
    sheet.append(HEADER + [f"Felt {n}" for n in range(len(HEADER) + 1, len(HEADER) + extra + 1)])
    for index in range(rows):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        values: list[Any] = [
            f"{first} {last}",
            f"{first.lower()}.{last.lower()}.{index}@example.dk",
            f"{rng.randint(20, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            rng.choice(ORGS),
            rng.choice(["Leder", "Konsulent", "Formand", "Lærer", "Journalist"]),
            rng.choice(["Forening", "Virksomhed", "Museum", "Kommune"]),
            rng.choice(["Offentlig", "Privat", "Civilsamfund"]),
            f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(2022, 2025)}",
            rng.randint(1, 5),
            "Mødt til arrangement" if rng.random() < 0.3 else None,
        ]
        for column in range(extra):
            values.append(rng.randint(1, 99_999) if column % 2 else f"{rng.choice(EXTRA_WORDS)} {index % 977}")
        sheet.append(values)
    workbook.save(path)


# --- measuring ------------------------------------------------------------------------------------


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def _settled_rss_mb() -> float:
    """Resident memory once garbage is collected and free heap memory is handed back to the system."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
    return _rss_mb()


_SKIP = (
    type,
    types.ModuleType,
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.CodeType,
    types.FrameType,
)


def deep_size(root: object) -> int:
    """Bytes of every object reachable from ``root`` (classes, modules and functions left out)."""
    seen: set[int] = set()
    stack = [root]
    total = 0
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, _SKIP):
            continue
        seen.add(id(obj))
        total += sys.getsizeof(obj)
        stack.extend(gc.get_referents(obj))
    return total


class ChildWatch:
    """The highest resident memory any child process of this one reached (the parse children).

    ``RUSAGE_CHILDREN`` cannot tell: a forked child's high-water mark includes the parent's pages it
    shared until it started the parser. ``VmHWM`` in ``/proc`` starts afresh at ``exec``, and being
    a high-water mark it only needs to be read some time before the child ends.
    """

    def __init__(self, interval: float = 0.02) -> None:
        self.peak_kb = 0
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        me = str(os.getpid())
        while not self._stop.wait(self._interval):
            for entry in os.listdir("/proc"):
                if not entry.isdigit():
                    continue
                try:
                    with open(f"/proc/{entry}/status") as handle:
                        status = handle.read()
                except OSError:
                    continue
                if f"\nPPid:\t{me}\n" not in status:
                    continue
                found = re.search(r"VmHWM:\s+(\d+) kB", status)
                if found:
                    self.peak_kb = max(self.peak_kb, int(found.group(1)))


CHILDREN = ChildWatch()


def _peaks() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return own, CHILDREN.peak_kb / 1024


def run_page(path: Path) -> list[dict[str, Any]]:
    """Drive the import page through upload, commit, upload again and cancel; figures after each step."""
    from streamlit.testing.v1 import AppTest

    steps: list[dict[str, Any]] = []
    data = path.read_bytes()

    def note(step: str, at: AppTest, started: float) -> None:
        assert not at.exception, [e.value for e in at.exception]
        seconds = time.perf_counter() - started
        state = at._session_state.filtered_state
        own, child = _peaks()
        steps.append(
            {
                "step": step,
                "seconds": round(seconds, 1),
                "rss_mb": round(_settled_rss_mb()),
                "session_mb": round(deep_size(state) / 1024 / 1024, 1),
                "peak_mb": round(own),
                "child_peak_mb": round(child),
            }
        )

    started = time.perf_counter()
    at = AppTest.from_file(str(ROOT / "pages" / "importer.py"), default_timeout=1800)
    at.run()
    note("page opened", at, started)

    started = time.perf_counter()
    at.file_uploader[0].set_value((path.name, data, XLSX_MIME))
    at.run()
    note("uploaded: preview shown", at, started)

    started = time.perf_counter()
    at.button(key="imp_commit").click()
    at.run()
    note("imported (commit)", at, started)

    started = time.perf_counter()
    at.file_uploader[0].set_value((path.name, data, XLSX_MIME))
    at.run()
    note("same file again: preview", at, started)

    started = time.perf_counter()
    at.button(key="imp_clear").click()
    at.run()
    note("cancelled (Ryd)", at, started)
    return steps


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--columns", type=int, default=40)
    parser.add_argument("--one", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_page(Path(args.one))))
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"kontakter_{args.rows}x{args.columns}.xlsx"
        started = time.perf_counter()
        generate(path, args.rows, args.columns)
        print(
            f"{args.rows:,} rows x {args.columns} columns: {path.stat().st_size / 1024 / 1024:.1f} MB xlsx "
            f"(generated in {time.perf_counter() - started:.0f} s)"
        )
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{Path(folder) / 'bench.sqlite'}"}
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(path)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(done.stderr[-4000:])
        steps = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"{'step':<28} {'seconds':>8} {'rss MB':>8} {'session MB':>11} {'peak MB':>8} {'child peak MB':>14}")
    for step in steps:
        print(
            f"{step['step']:<28} {step['seconds']:>8.1f} {step['rss_mb']:>8} {step['session_mb']:>11.1f} "
            f"{step['peak_mb']:>8} {step['child_peak_mb']:>14}"
        )


if __name__ == "__main__":
    main()
