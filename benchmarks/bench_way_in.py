"""Benchmark: Find vejen ind (``lib.network.way_in``) on a big workspace's network.

Run on demand (not part of the tests)::

    .venv/bin/python benchmarks/bench_way_in.py --db sqlite:////tmp/my_copy_of_20k.sqlite [--targets 60]

It builds today's network once (timed apart), then asks for the way in to the organisations with the
most ties (the worst case: many people work there, each with many contacts), to random organisations
and to random contacts, and prints wall and CPU seconds per answer (median and largest) and the
machine's load. The search runs backwards from the target, three layers deep; the answer with no
path (the nearest staff by any route) is a breadth-first search that stops at the first staff member.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="SQLAlchemy URL of a workspace (use a copy)")
    parser.add_argument("--targets", type=int, default=60, help="how many targets to time (default 60)")
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()

    from lib.db import open_database
    from lib.network.graph import build_graph
    from lib.network.way_in import TARGET_KINDS, way_in

    today = dt.date.today()
    db = open_database(args.db, cached=False)
    wall, cpu = time.perf_counter(), time.process_time()
    with db.read() as session:
        G = build_graph(session, today=today)
    print(
        f"graph: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} ties; built in "
        f"{time.perf_counter() - wall:.2f} s wall, {time.process_time() - cpu:.2f} s CPU"
    )

    orgs = [n for n, d in G.nodes(data=True) if d.get("kind") == "organisation"]
    contacts = [n for n, d in G.nodes(data=True) if d.get("kind") == "contact"]
    busiest = sorted(orgs, key=lambda n: (-G.degree(n), n))[: args.targets // 3]
    rng = random.Random(args.seed)
    groups = {
        "busiest organisations": busiest,
        "random organisations": rng.sample(orgs, min(len(orgs), args.targets // 3)),
        "random contacts": rng.sample(contacts, min(len(contacts), args.targets // 3)),
    }
    assert all(G.nodes[n]["kind"] in TARGET_KINDS for group in groups.values() for n in group)
    for name, targets in groups.items():
        walls, cpus, paths, none = [], [], [], 0
        for target in targets:
            wall, cpu = time.perf_counter(), time.process_time()
            answer = way_in(G, target, today)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
            paths.append(len(answer.paths))
            none += not answer.paths
        print(
            f"{name} ({len(targets)}; degree up to {max(G.degree(n) for n in targets)}): "
            f"median {statistics.median(walls) * 1000:.1f} ms wall / {statistics.median(cpus) * 1000:.1f} ms CPU, "
            f"largest {max(walls) * 1000:.1f} ms wall / {max(cpus) * 1000:.1f} ms CPU; "
            f"paths per target median {statistics.median(paths):.0f}, {none} without a path"
        )
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
