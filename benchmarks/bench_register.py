"""Benchmark: ``python -m lib import`` of a merged municipal contact register, against openpyxl reading it.

Run on demand (not part of the tests)::

    .venv/bin/python benchmarks/bench_register.py                 # 100,000 rows, 3 rounds
    .venv/bin/python benchmarks/bench_register.py --rows 20000 --rounds 1

The file is the one of issue 16: a register merged from a municipality's lists, 100,000 rows in six
columns (Navn, Organisation, Stilling, E-mail, Telefon, Sidst i kontakt), 4,000 organisations (the
organisation register of ``bench_org_duplicates.generate_register``: one in eight a second spelling of
another), full names drawn from a few dozen Danish first and last names (names repeat, e-mails are
unique), phones as ``+45 NNNNNNNN`` and dates as ``dd-mm-yyyy``. It is generated once per size and
seed and kept in the temporary folder (``--keep`` names another).

Both sides are whole processes, started alternately, round after round, in the same run:

* baseline: ``python -c 'pandas.read_excel(FILE, engine="openpyxl")'`` — reading only;
* ours: ``python -m lib import FILE --db sqlite:///…`` into a new, empty SQLite database each round:
  start-up, checks, parse child, header and mapping, normalisation, matching, storing, commit.

Each process's wall time is measured around it; its CPU time and peak memory come from ``wait4`` (the
process and the children it waited for, so our parse child is counted; peak memory is the largest
single process). It prints every round and the medians, with the ratios ours/baseline in wall and CPU
time (CPU is the steadier figure on a shared machine) and the load average before the run.
Target (issue 16): ratio <= 0.25, peak memory <= 1 GB.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_org_duplicates import generate_register  # noqa: E402 - a sibling script, not a package

HEADER = ["Navn", "Organisation", "Stilling", "E-mail", "Telefon", "Sidst i kontakt"]
FIRST_NAMES = (
    "Anne", "Bente", "Birgitte", "Camilla", "Charlotte", "Dorthe", "Hanne", "Helle", "Ida", "Karen",
    "Kirsten", "Lene", "Lone", "Maria", "Mette", "Pia", "Signe", "Susanne", "Søs", "Åse",
    "Anders", "Bo", "Christian", "Frederik", "Henrik", "Jens", "Jørgen", "Lars", "Mads", "Martin",
    "Michael", "Morten", "Niels", "Ole", "Peter", "Rasmus", "Søren", "Thomas", "Torben", "Ærling",
)  # fmt: skip
LAST_NAMES = (
    "Andersen", "Bach", "Christensen", "Dahl", "Hansen", "Holm", "Jensen", "Johansen", "Jørgensen",
    "Kjær", "Kristensen", "Larsen", "Lund", "Madsen", "Mortensen", "Møller", "Nielsen", "Olsen",
    "Pedersen", "Petersen", "Poulsen", "Rasmussen", "Sørensen", "Thomsen", "Østergaard", "Ågesen",
)  # fmt: skip
TITLES = (
    "Leder", "Souschef", "Konsulent", "Specialkonsulent", "Sekretær", "Formand", "Næstformand",
    "Kasserer", "Lærer", "Pædagog", "Projektleder", "Koordinator", "Frivilligkoordinator",
    "Kommunikationsmedarbejder", "Direktør", "Afdelingsleder", "Rektor", "Skoleleder", "Præst",
    "Kulturmedarbejder", "Bibliotekar", "Sagsbehandler", "Chefkonsulent", "Medlem", "Bestyrelsesmedlem",
)  # fmt: skip
_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def _slug(text: str) -> str:
    """An ASCII domain label from an organisation's name, as Danish organisations' domains are."""
    ascii_text = text.translate(_ASCII).lower().replace("é", "e")
    return "".join(c for c in ascii_text if c.isascii() and c.isalnum())[:20] or "org"


def generate(path: Path, rows: int, organisations: int = 4_000, seed: int = 16) -> None:
    """The register of issue 16 as an .xlsx file (header in the first row, dates and phones as text)."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    names = generate_register(organisations, seed=seed)
    domains = [f"{_slug(name)}.dk" for name in names]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Kontakter")
    sheet.append(HEADER)
    for index in range(rows):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        org = rng.randrange(len(names))
        local = f"{first}.{last}".translate(_ASCII).lower()
        sheet.append(
            [
                f"{first} {last}",
                names[org],
                rng.choice(TITLES),
                f"{local}{index}@{domains[org]}",
                f"+45 {rng.randint(2, 9)}{rng.randint(0, 9_999_999):07d}",
                f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(2019, 2026)}",
            ]
        )
    workbook.save(path)


def run_process(command: list[str]) -> dict[str, float]:
    """Run ``command``; its wall seconds, CPU seconds (its waited children included) and peak MB."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{error}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def baseline_command(path: Path) -> list[str]:
    code = f"import pandas; pandas.read_excel({str(path)!r}, engine='openpyxl')"
    return [sys.executable, "-c", code]


def ours_command(path: Path, database: Path) -> list[str]:
    return [sys.executable, "-m", "lib", "import", str(path), "--db", f"sqlite:///{database}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()), help="folder for the register")
    args = parser.parse_args()
    path = args.keep / f"register_{args.rows}.xlsx"
    if not path.exists():
        started = time.perf_counter()
        generate(path, args.rows)
        print(f"generated {path} in {time.perf_counter() - started:.1f} s")
    load = os.getloadavg()
    print(f"{args.rows:,} rows, {path.stat().st_size / 1e6:.1f} MB; load average {load[0]:.2f} before the run")
    print(f"{'round':>5} {'baseline s':>10} {'cpu':>6} {'MB':>5} {'ours s':>7} {'cpu':>6} {'MB':>5}")
    baselines, ours = [], []
    with tempfile.TemporaryDirectory() as folder:
        for number in range(args.rounds):
            # Alternate which side goes first, so that neither always meets a warmer cache.
            sides = ["baseline", "ours"] if number % 2 == 0 else ["ours", "baseline"]
            figures = {}
            for side in sides:
                if side == "baseline":
                    figures[side] = run_process(baseline_command(path))
                else:
                    figures[side] = run_process(ours_command(path, Path(folder) / f"round{number}.sqlite"))
            baselines.append(figures["baseline"])
            ours.append(figures["ours"])
            b, o = figures["baseline"], figures["ours"]
            print(
                f"{number + 1:>5} {b['wall']:>10.2f} {b['cpu']:>6.2f} {b['peak_mb']:>5.0f} "
                f"{o['wall']:>7.2f} {o['cpu']:>6.2f} {o['peak_mb']:>5.0f}"
            )

    def median(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(run[key] for run in runs)

    wall_ratio = median(ours, "wall") / median(baselines, "wall")
    cpu_ratio = median(ours, "cpu") / median(baselines, "cpu")
    print(
        f"median: baseline {median(baselines, 'wall'):.2f} s (cpu {median(baselines, 'cpu'):.2f} s), "
        f"ours {median(ours, 'wall'):.2f} s (cpu {median(ours, 'cpu'):.2f} s)"
    )
    print(
        f"ratio ours/baseline: wall {wall_ratio:.2f}, cpu {cpu_ratio:.2f} (target <= 0.25); "
        f"peak memory ours {max(run['peak_mb'] for run in ours):.0f} MB (target <= 1024), "
        f"baseline {max(run['peak_mb'] for run in baselines):.0f} MB"
    )


if __name__ == "__main__":
    main()
