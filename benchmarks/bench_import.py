"""Benchmark: our whole import against pandas + openpyxl merely reading the same sheet.

Run on demand (not part of the tests)::

    .venv/bin/python benchmarks/bench_import.py            # 10k and 100k rows
    .venv/bin/python benchmarks/bench_import.py --rows 10000

For each size it generates a realistic Danish contact sheet (.xlsx, 10 columns), then measures, each in
a fresh process so that memory figures are honest:

* baseline: ``pandas.read_excel(path, engine="openpyxl")`` — reading only;
* ours: read (checks + child-process parse), locate header, map, normalise, dedupe and store, into an
  empty SQLite database, committed as one batch.

It prints wall-clock seconds, the ratio ours/baseline in wall time and in CPU time (CPU time, the
parse child included, is the steadier figure when other work shares the machine), and peak memory
(largest process, the parse child included). Target at 100k rows: ratio <= 0.5, peak memory < 1 GB.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST = [
    "Søren",
    "Mette",
    "Jens",
    "Anne",
    "Lars",
    "Kirsten",
    "Ole",
    "Hanne",
    "Peter",
    "Lise",
    "Bo",
    "Ærø",
    "Jørgen",
    "Birthe",
    "Niels",
    "Karen",
    "Mads",
    "Ida",
    "Frederik",
    "Astrid",
]
LAST = [
    "Hansen",
    "Jensen",
    "Nielsen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Østergård",
    "Møller",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Poulsen",
    "Holm",
]
ORGS = [
    "Solbakke Gymnasium",
    "Ældre Sagen Solbakke",
    "FOF Solbakke",
    "Solbakke Museum",
    "Jobcenter Solbakke",
    "Dagbladet Solbakke",
    "Solbakke Musikskole",
    "Spejderne Solbakke",
    "Solbakke Erhverv",
    "Teater Solbakke",
]
HEADER = [
    "Navn",
    "E-mail",
    "Telefon",
    "Organisation",
    "Stilling",
    "Type",
    "Sektor",
    "Sidste kontakt",
    "Styrke",
    "Noter",
]


def generate(path: Path, rows: int, seed: int = 7) -> None:
    from openpyxl import Workbook

    rng = random.Random(seed)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Kontakter")
    sheet.append(["Kontaktliste – benchmark"])
    sheet.append([])
    sheet.append(HEADER)
    for index in range(rows):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        sheet.append(
            [
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
        )
    workbook.save(path)


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the parse worker): steadier than wall time
    when other work shares the machine."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_baseline(path: Path) -> dict[str, float]:
    import pandas as pd

    cpu, start = cpu_seconds(), time.perf_counter()
    frame = pd.read_excel(path, engine="openpyxl", header=2)
    return {"seconds": time.perf_counter() - start, "cpu": cpu_seconds() - cpu, "rows": len(frame)}


def run_ours(path: Path) -> dict[str, float]:
    from lib.db import open_database
    from lib.ingest.contact_lists import prepare_file, run_import

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(f"sqlite:///{Path(folder) / 'bench.sqlite'}")
        cpu, start = cpu_seconds(), time.perf_counter()
        prepared = prepare_file(db, path.name, path.read_bytes())
        if prepared.error is not None:
            raise SystemExit(prepared.error.message("en"))
        read_done = time.perf_counter()
        result = run_import(db, prepared.sheets, commit=True)
        end = time.perf_counter()
        assert result.balanced
        return {
            "seconds": end - start,
            "cpu": cpu_seconds() - cpu,
            "read_seconds": read_done - start,
            "rows": result.counts["rows"],
            "inserted": result.counts["inserted"],
        }


def measure(kind: str, path: Path) -> dict[str, float]:
    """Run one measurement in a fresh process, which reports its own peak memory (parse child included)."""
    done = subprocess.run(
        [sys.executable, __file__, "--one", kind, str(path)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["peak_mb"] = figures.pop("peak_kb") / 1024
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--one", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        kind, path = args.one
        figures = run_baseline(Path(path)) if kind == "baseline" else run_ours(Path(path))
        usage = max(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        )
        figures["peak_kb"] = usage
        print(json.dumps(figures))
        return
    print(
        f"{'rows':>8} {'baseline s':>11} {'ours s':>8} {'ratio':>6} {'cpu ratio':>9} {'ours peak MB':>13} "
        f"{'baseline MB':>12}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for rows in args.rows:
            path = Path(folder) / f"contacts_{rows}.xlsx"
            generate(path, rows)
            baseline = measure("baseline", path)
            ours = measure("ours", path)
            ratio = ours["seconds"] / baseline["seconds"]
            cpu_ratio = ours["cpu"] / baseline["cpu"]
            print(
                f"{rows:>8} {baseline['seconds']:>11.2f} {ours['seconds']:>8.2f} {ratio:>6.2f} {cpu_ratio:>9.2f} "
                f"{ours['peak_mb']:>13.0f} {baseline['peak_mb']:>12.0f}"
                f"   (ours: read {ours['read_seconds']:.2f} s, {int(ours['inserted'])} inserted)"
            )


if __name__ == "__main__":
    main()
