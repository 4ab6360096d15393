"""Benchmark: the board pack in all three formats on the demo library, against a per-picture browser.

Run on demand (not part of the tests)::

    .venv/bin/python benchmarks/bench_boardpack.py
    .venv/bin/python benchmarks/bench_boardpack.py --repeat 2

It creates the demo workspace (``lib.demo.workspace``, dated 01-11-2026) in a temporary SQLite file, then
measures, each in a fresh process so that a browser started by one run cannot help another:

* ours: build the pack once, then the Excel appendix, the PowerPoint file and the PDF, with
  kaleido's browser started once (in the background while the pack is built, as
  ``lib.reporting.boardpack.report`` does) and shared by every picture;
* baseline: the same PDF with a fresh browser for every picture (kaleido without its shared server,
  :func:`lib.reporting.boardpack.images.one_shot_png`), which is what rendering without the shared server
  costs.

It prints wall-clock seconds and CPU seconds (this process and its browser processes, finished or
still running), the parts of ours, and the ratios baseline/ours for the PDF. Target: ours, all three
files, under 15 s wall time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = dt.date(2026, 11, 1)
START = dt.date(2025, 11, 1)
TARGET_SECONDS = 15.0


def cpu_seconds() -> float:
    """CPU time of this process, its finished children and its running children (the browser)."""
    import psutil

    own = resource.getrusage(resource.RUSAGE_SELF)
    done = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = own.ru_utime + own.ru_stime + done.ru_utime + done.ru_stime
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


class Clock:
    """Wall and CPU time of named steps."""

    def __init__(self) -> None:
        self.steps: dict[str, dict[str, float]] = {}

    def measure(self, name: str, work):
        cpu, start = cpu_seconds(), time.perf_counter()
        result = work()
        self.steps[name] = {"seconds": time.perf_counter() - start, "cpu": cpu_seconds() - cpu}
        return result


def run_ours(url: str) -> dict[str, dict[str, float]]:
    from lib.db import open_database
    from lib.reporting.boardpack import build, render
    from lib.reporting.boardpack.images import warm_up

    os.environ.setdefault("BROWSER_PATH", "/usr/bin/chromium")
    db = open_database(url)
    clock = Clock()
    cpu, start = cpu_seconds(), time.perf_counter()
    # As lib.reporting.boardpack.report does: the browser starts while the database is read.
    warm_up()
    with db.read() as session:
        pack = clock.measure("build", lambda: build(session, START, None, "da", today=TODAY))
    sizes = {fmt: len(clock.measure(fmt, lambda fmt=fmt: render(pack, fmt))) for fmt in ("xlsx", "pptx", "pdf")}
    clock.steps["total"] = {"seconds": time.perf_counter() - start, "cpu": cpu_seconds() - cpu}
    # A second PDF in the same process: the browser is warm, as on a running dashboard.
    clock.measure("pdf_again", lambda: render(pack, "pdf"))
    clock.steps["sizes"] = {fmt: float(size) for fmt, size in sizes.items()}
    return clock.steps


def run_baseline(url: str) -> dict[str, dict[str, float]]:
    from lib.db import open_database
    from lib.reporting.boardpack import build
    from lib.reporting.boardpack.images import one_shot_png
    from lib.reporting.boardpack.pdf import pdf_bytes

    os.environ.setdefault("BROWSER_PATH", "/usr/bin/chromium")
    db = open_database(url)
    clock = Clock()
    with db.read() as session:
        pack = clock.measure("build", lambda: build(session, START, None, "da", today=TODAY))
    clock.measure("pdf", lambda: pdf_bytes(pack, render=one_shot_png))
    return clock.steps


def measure(kind: str, url: str) -> dict[str, dict[str, float]]:
    """One measurement in a fresh process (no browser left over from another)."""
    done = subprocess.run(
        [sys.executable, __file__, "--one", kind, url], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def make_demo(folder: Path) -> str:
    from lib.db import forget_database, open_database
    from lib.demo.workspace import create_demo_workspace

    url = f"sqlite:///{folder / 'demo.sqlite'}"
    create_demo_workspace(open_database(url), today=TODAY)
    forget_database(url)
    return url


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=1, help="measure this many times and print each")
    parser.add_argument("--one", nargs=2, metavar=("KIND", "URL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        kind, url = args.one
        print(json.dumps(run_ours(url) if kind == "ours" else run_baseline(url)))
        return
    with tempfile.TemporaryDirectory() as folder:
        url = make_demo(Path(folder))
        for _ in range(args.repeat):
            ours = measure("ours", url)
            baseline = measure("baseline", url)
            total = ours["total"]
            print(
                f"ours, all three files: {total['seconds']:.2f} s wall, {total['cpu']:.2f} s CPU "
                f"(target < {TARGET_SECONDS:.0f} s: {'met' if total['seconds'] < TARGET_SECONDS else 'MISSED'})"
            )
            for step in ("build", "xlsx", "pptx", "pdf", "pdf_again"):
                print(f"  {step:<10} {ours[step]['seconds']:>6.2f} s wall {ours[step]['cpu']:>6.2f} s CPU")
            print("  sizes: " + ", ".join(f"{fmt} {int(size) // 1024} KB" for fmt, size in ours["sizes"].items()))
            pdf, base = ours["pdf"], baseline["pdf"]
            started = {key: ours["pptx"][key] + pdf[key] for key in ("seconds", "cpu")}
            print(f"baseline PDF, a fresh browser per picture: {base['seconds']:.2f} s wall, {base['cpu']:.2f} s CPU")
            print(
                f"ratio baseline/ours, PDF with the shared browser already running: "
                f"wall {base['seconds'] / pdf['seconds']:.2f}, CPU {base['cpu'] / pdf['cpu']:.2f}"
            )
            print(
                f"ratio baseline/ours, PowerPoint + PDF (ours includes starting the browser once): "
                f"wall {base['seconds'] / started['seconds']:.2f}, CPU {base['cpu'] / started['cpu']:.2f}"
            )


if __name__ == "__main__":
    main()
