"""Benchmark: the small speed targets that used to be wall-clock asserts in the unit tests.

Run on demand (not part of the tests; ``make bench`` runs it with the others)::

    .venv/bin/python benchmarks/bench_targets.py
    .venv/bin/python benchmarks/bench_targets.py --repeat 5

Each target is measured in this process, in the same run as its baseline, best of ``--repeat``:

* demo: ``create_demo_workspace`` into an empty SQLite database (target: under 3 s);
  baseline: opening a new, empty workspace (creating and upgrading the schema), the work every
  workspace costs before its first row;
* flyer: the strengths flyer (``lib.library.strengths.flyer``) of 84 offers, 12 in each category,
  which must still fit one page (target: under 3 s); baseline: the flyer of one offer.

It prints wall-clock and CPU seconds of each and the ratio target / baseline (CPU), which varies
far less with the load of other work on the machine than the seconds do, and exits with 1 when a
target's CPU time is over its limit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = dt.date(2026, 11, 1)
#: Seconds each target may take (CPU time, so that other work on the machine does not count).
TARGETS = {"demo": 3.0, "flyer": 3.0}


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def best_of(repeat: int, prepare: Callable[[int], Any], work: Callable[[Any], object]) -> tuple[float, float]:
    """The smallest wall and CPU seconds of ``work(prepare(i))`` over ``repeat`` runs (prepare not timed)."""
    walls, cpus = [], []
    for number in range(repeat):
        state = prepare(number)
        cpu, start = cpu_seconds(), time.perf_counter()
        work(state)
        walls.append(time.perf_counter() - start)
        cpus.append(cpu_seconds() - cpu)
    return min(walls), min(cpus)


def fresh_url(folder: Path, name: str) -> str:
    return f"sqlite:///{folder / name}.sqlite"


def with_offers(folder: Path, name: str, per_category: int) -> Any:
    """A database holding ``per_category`` offers in every category, and its library's name."""
    from lib.core.vocabulary import ORGANISATION_TYPES
    from lib.db import OFFER_CATEGORIES, Person, open_database, set_setting
    from lib.library import strengths

    db = open_database(fresh_url(folder, name))
    with db.write() as session:
        set_setting(session, "library_name", "Solbakke Bibliotekerne")
        anne = Person(name="Anne-Sofie Kjær", name_key="anne-sofie kjær", is_staff=True)
        session.add(anne)
        session.flush()
        for category in OFFER_CATEGORIES:
            for number in range(per_category):
                offer = {
                    "team": "Børn og unge",
                    "category": category,
                    "title": f"{category} tilbud nummer {number:02d} med en lang titel",
                    "description": "En lang beskrivelse af, hvad biblioteket kan tilbyde. " * 8,
                    "contact_person_id": anne.id,
                    "partner_types": list(ORGANISATION_TYPES)[:6],
                    "updated_on": TODAY - dt.timedelta(days=number),
                }
                strengths.create_offer(session, offer, today=TODAY)
    return db


def flyer_of(db: Any) -> object:
    from lib.library import strengths

    with db.read() as session:
        return strengths.flyer(session, "da", TODAY)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from lib.db import OFFER_CATEGORIES, open_database
    from lib.demo.workspace import create_demo_workspace

    rows: list[tuple[str, tuple[float, float], tuple[float, float]]] = []
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        baseline = best_of(args.repeat, lambda i: fresh_url(folder, f"empty{i}"), open_database)
        demo = best_of(
            args.repeat,
            lambda i: open_database(fresh_url(folder, f"demo{i}")),
            lambda db: create_demo_workspace(db, today=TODAY),
        )
        rows.append(("demo", demo, baseline))
        one = best_of(args.repeat, lambda i: with_offers(folder, f"one{i}", 1), flyer_of)
        many = best_of(args.repeat, lambda i: with_offers(folder, f"many{i}", 12), flyer_of)
        rows.append((f"flyer ({12 * len(OFFER_CATEGORIES)} offers)", many, one))

    print(f"{'target':<22} {'wall':>7} {'CPU':>7} {'limit':>6} {'baseline CPU':>13} {'ratio':>6}")
    missed = False
    for (name, (wall, cpu), (_, base_cpu)), limit in zip(rows, TARGETS.values()):
        missed |= cpu > limit
        ratio = cpu / base_cpu if base_cpu else float("inf")
        print(f"{name:<22} {wall:>6.2f}s {cpu:>6.2f}s {limit:>5.1f}s {base_cpu:>12.2f}s {ratio:>5.1f}x")
    print("all targets met" if not missed else "a target was missed")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
