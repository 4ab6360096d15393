"""Benchmark: how fast ``python -m lib`` starts (issue 16), against ``python -c pass``.

Run on demand (not part of the tests; ``make bench`` runs it with the others)::

    .venv/bin/python benchmarks/bench_cli_start.py
    .venv/bin/python benchmarks/bench_cli_start.py --repeat 9 --importtime

Each case is a whole new process, run ``--repeat`` times (default 5) in turn with the others, and
reported as the median wall-clock and CPU seconds (the child's user + system time):

* baseline: ``python -c pass``, the interpreter starting and stopping;
* ``python -m lib --help`` and ``python -m lib schema --help``: the parser only;
* ``python -m lib schema --db sqlite:///<new file>``: a cheap real job (creates the schema in an
  empty SQLite file and prints its version), which imports the database layer.

It prints each median and its ratio to the baseline (wall and CPU), and exits with 1 when
``--help`` takes more than :data:`HELP_LIMIT` seconds of CPU. ``--importtime`` adds the modules
``python -X importtime -m lib --help`` spends most on (cumulative).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: CPU seconds ``python -m lib --help`` may take ("well under a second"; about 0.1 s when measured).
HELP_LIMIT = 0.5


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run_once(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one process running ``argv`` in the repository; it must exit 0."""
    cpu, start = children_cpu(), time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stderr}")
    return wall, children_cpu() - cpu


def cases(folder: Path) -> dict[str, Callable[[int], list[str]]]:
    """Each case's command for its i-th run (the real job gets a new empty database each time)."""
    python = sys.executable
    return {
        "python -c pass (baseline)": lambda i: [python, "-c", "pass"],
        "python -m lib --help": lambda i: [python, "-m", "lib", "--help"],
        "python -m lib schema --help": lambda i: [python, "-m", "lib", "schema", "--help"],
        "python -m lib schema (empty db)": lambda i: [
            python,
            "-m",
            "lib",
            "schema",
            "--db",
            f"sqlite:///{folder / f'empty{i}.sqlite'}",
        ],
    }


def top_imports(count: int) -> list[tuple[int, str]]:
    """The ``count`` modules with the largest cumulative import time (µs) of ``python -m lib --help``."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "lib", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    found = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            found.append((int(parts[1]), parts[2].rstrip()))
    return sorted(found, reverse=True)[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--importtime", action="store_true", help="also list the costliest imports of --help")
    args = parser.parse_args()

    times: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as folder_name:
        commands = cases(Path(folder_name))
        for number in range(args.repeat):  # in turn, so that a busy moment of the machine hits all alike
            for name, command in commands.items():
                times.setdefault(name, []).append(run_once(command(number)))

    medians = {
        name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
        for name, runs in times.items()
    }
    base_wall, base_cpu = next(iter(medians.values()))
    print(f"median of {args.repeat} runs; load average {os.getloadavg()[0]:.1f}")
    print(f"{'case':<34} {'wall':>7} {'CPU':>7} {'× wall':>7} {'× CPU':>7}")
    for name, (wall, cpu) in medians.items():
        print(f"{name:<34} {wall:>6.3f}s {cpu:>6.3f}s {wall / base_wall:>6.1f}x {cpu / base_cpu:>6.1f}x")
    if args.importtime:
        print("\npython -X importtime -m lib --help, largest cumulative imports:")
        for micros, module in top_imports(12):
            print(f"  {micros / 1000:>8.1f} ms  {module}")
    help_cpu = medians["python -m lib --help"][1]
    met = help_cpu <= HELP_LIMIT
    print(f"--help: {help_cpu:.3f} s CPU, limit {HELP_LIMIT} s: {'met' if met else 'missed'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
