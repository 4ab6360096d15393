"""Benchmark: our network pipeline against networkx's spring_layout on the same graph, in the same run.

Run on demand (not part of the tests)::

    .venv/bin/python benchmarks/bench_network.py                          # 10,000 nodes, 50,000 edges
    .venv/bin/python benchmarks/bench_network.py --baseline-iterations 5  # quicker, scaled baseline
    .venv/bin/python benchmarks/bench_network.py --nodes 2000 --edges 10000

The graph is generated from a seed with the attributes of the network contract
(``docs/architecture.md``): one library, staff, organisations in clusters, contacts affiliated with
organisations, relations mostly inside a cluster. Each part runs in a fresh child process so its
time and peak memory are its own:

* baseline: ``networkx.spring_layout(G, seed=42)`` with its default 50 iterations. With
  ``--baseline-iterations N`` it runs N iterations and the time is scaled to 50 (spring_layout's
  cost is the same every iteration); the table says so.
* ours: ``lib.network.layout.compute_layout`` (Graphviz sfdp) plus, when ``lib.network.metrics``
  exists, ``node_metrics`` and ``network_figures``.
* redraw: what a filter change costs. From cached positions (no layout), take a filtered subgraph
  of about 1,000 nodes and build the figure (``network_figure``) and its JSON, as the page does.

Targets: ours at least 10 times faster than the baseline; a redraw of 1,000 nodes well under one
second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SPRING_ITERATIONS = 50  # networkx's default
ORG_TYPES = (
    "association",
    "business",
    "education",
    "adult_education",
    "municipal",
    "cultural",
    "media",
    "library",
    "foundation",
    "union",
    "citizen_group",
    "state",
    "other",
)
SECTOR_OF = {
    "association": "civil",
    "business": "private",
    "education": "public",
    "adult_education": "civil",
    "municipal": "public",
    "cultural": "public",
    "media": "private",
    "library": "public",
    "foundation": "civil",
    "union": "civil",
    "citizen_group": "civil",
    "state": "public",
}
RELATION_KINDS = ("knows", "colleague", "works_with", "partner", "member", "funds")
FIRST = ("Søren", "Mette", "Jens", "Anne", "Lars", "Kirsten", "Ole", "Hanne", "Peter", "Lise", "Ærø", "Jørgen")
LAST = ("Hansen", "Jensen", "Nielsen", "Pedersen", "Østergård", "Møller", "Madsen", "Holm", "Sørensen")


def make_graph(nodes: int = 10_000, edges: int = 50_000, seed: int = 7, clusters: int = 25):
    """A seeded network with the contract's node and edge attributes and some cluster structure."""
    import networkx as nx

    rng = random.Random(seed)
    G = nx.Graph()
    staff_count = max(2, nodes // 250)
    org_count = max(2, nodes * 15 // 100)
    contact_count = max(1, nodes - 1 - staff_count - org_count)
    G.add_node("L", kind="library", label="Solbakke Bibliotek", sector="public", org_type="library")
    staff = [f"P{i}" for i in range(1, staff_count + 1)]
    contacts = [f"P{i}" for i in range(staff_count + 1, staff_count + contact_count + 1)]
    orgs = [f"O{i}" for i in range(1, org_count + 1)]
    cluster_of: dict[str, int] = {}
    for node in staff:
        G.add_node(node, kind="staff", label=f"{rng.choice(FIRST)} {rng.choice(LAST)}", email=f"{node}@bib.dk")
        G.add_edge("L", node, kind="staff", weight=1.0)
        cluster_of[node] = rng.randrange(clusters)
    for node in orgs:
        org_type = rng.choice(ORG_TYPES)
        G.add_node(
            node,
            kind="organisation",
            label=f"Organisation {node[1:]}",
            org_type=org_type,
            sector=SECTOR_OF.get(org_type),
        )
        cluster_of[node] = rng.randrange(clusters)
    by_cluster: dict[int, list[str]] = {}
    for node in orgs:
        by_cluster.setdefault(cluster_of[node], []).append(node)
    members: dict[int, list[str]] = {c: [] for c in range(clusters)}
    for node in contacts:
        cluster = rng.randrange(clusters)
        cluster_of[node] = cluster
        members[cluster].append(node)
        homes = rng.sample(by_cluster.get(cluster) or orgs, k=2 if rng.random() < 0.1 else 1)
        G.add_node(
            node,
            kind="contact",
            label=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            email=f"{node}@x.dk",
            organisation="; ".join(G.nodes[o]["label"] for o in homes),
        )
        for org in homes:
            G.add_edge(
                node,
                org,
                kind="affiliation",
                weight=1.0,
                start_date=dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(1500)),
            )
    for org in rng.sample(orgs, k=min(len(orgs), max(1, org_count // 25))):
        G.add_edge("L", org, kind="partnership", weight=5.0, start_date=dt.date(2023, 1, 1))
    for node in staff:
        known = members[cluster_of[node]] or contacts
        for contact in rng.sample(known, k=min(60, len(known))):
            _relation(G, rng, node, contact, owner=node)
    pool = contacts + orgs
    count = G.number_of_edges()  # counted here: number_of_edges() walks every node on each call
    while count < edges:
        u = rng.choice(contacts)
        same = members[cluster_of[u]]
        v = rng.choice(same) if rng.random() < 0.9 and len(same) > 1 else rng.choice(pool)
        if u != v and not G.has_edge(u, v):
            _relation(G, rng, u, v, owner=None)
            count += 1
    return G


def _relation(G, rng: random.Random, u: str, v: str, owner: str | None) -> None:
    strength = rng.choice((None, 1, 2, 3, 4, 5))
    last = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(1400))
    G.add_edge(
        u,
        v,
        kind="relation",
        relation_kind=rng.choice(RELATION_KINDS),
        strength=strength,
        weight=float(strength or 1),
        first_contact=last - dt.timedelta(days=rng.randrange(2000)),
        last_contact=last,
        owner=owner,
    )


def _peak_mb() -> float:
    """Peak resident memory of this process and of its finished children (sfdp), in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


# --- parts, each run in its own process -------------------------------------------------------------


def part_baseline(args: argparse.Namespace) -> dict:
    import networkx as nx

    G = make_graph(args.nodes, args.edges)
    start = time.perf_counter()
    nx.spring_layout(G, seed=42, iterations=args.baseline_iterations)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds * SPRING_ITERATIONS / args.baseline_iterations,
        "measured": seconds,
        "peak_mb": _peak_mb(),
    }


def part_ours(args: argparse.Namespace) -> dict:
    from lib.network.layout import compute_layout, sfdp_available

    G = make_graph(args.nodes, args.edges)
    result: dict = {"sfdp": sfdp_available()}
    start = time.perf_counter()
    pos = compute_layout(G, seed=42)
    result["layout"] = time.perf_counter() - start
    try:
        from lib.network.metrics import network_figures, node_metrics
    except ImportError as error:
        result["metrics"] = None
        result["metrics_note"] = f"lib.network.metrics not available ({error})"
    else:
        start = time.perf_counter()
        node_metrics(G)
        network_figures(G)
        result["metrics"] = time.perf_counter() - start
    result["seconds"] = result["layout"] + (result["metrics"] or 0.0)
    result["peak_mb"] = _peak_mb()
    Path(args.positions).write_text(json.dumps({str(k): v for k, v in pos.items()}))
    return result


def part_redraw(args: argparse.Namespace) -> dict:
    import networkx as nx

    from lib.network.plotting import network_figure

    G = make_graph(args.nodes, args.edges)
    pos = {node: tuple(xy) for node, xy in json.loads(Path(args.positions).read_text()).items()}
    # A filter the page could apply: the organisations of a few clusters and everyone tied to them.
    rng = random.Random(3)
    orgs = sorted((n for n, kind in G.nodes(data="kind") if kind == "organisation"), key=str)
    chosen: set = {"L"}
    for org in rng.sample(orgs, k=len(orgs)):
        chosen.add(org)
        chosen.update(nb for nb in G[org] if G.nodes[nb]["kind"] != "organisation")
        if len(chosen) >= args.shown:
            break
    shown = sorted(chosen, key=str)[: args.shown]
    degree = dict(G.degree())
    metrics = {node: {"Forbindelser": degree[node], "Mellemled": degree[node] / 1000} for node in G}
    timings = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        sub = nx.subgraph_view(G, filter_node=set(shown).__contains__)
        fig = network_figure(sub, pos, color_by="kind", size_by=degree, hover_metrics=metrics, labels=True)
        fig.to_json()  # what Streamlit sends to the browser
        timings.append(time.perf_counter() - start)
    return {
        "seconds": min(timings),
        "median": sorted(timings)[len(timings) // 2],
        "nodes": len(shown),
        "edges": sub.number_of_edges(),
        "traces": len(fig.data),
        "peak_mb": _peak_mb(),
    }


PARTS = {"baseline": part_baseline, "ours": part_ours, "redraw": part_redraw}


def _run_part(name: str, args: argparse.Namespace) -> dict:
    command = [
        sys.executable,
        __file__,
        "--part",
        name,
        "--nodes",
        str(args.nodes),
        "--edges",
        str(args.edges),
        "--baseline-iterations",
        str(args.baseline_iterations),
        "--positions",
        args.positions,
        "--shown",
        str(args.shown),
        "--repeat",
        str(args.repeat),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:9.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--edges", type=int, default=50_000)
    parser.add_argument(
        "--baseline-iterations",
        type=int,
        default=SPRING_ITERATIONS,
        help="spring_layout iterations to run; the time is scaled to 50 (default: run all 50)",
    )
    parser.add_argument("--shown", type=int, default=1_000, help="nodes drawn in the filter-change redraw")
    parser.add_argument("--repeat", type=int, default=5, help="redraws timed (the best is reported)")
    parser.add_argument("--part", choices=sorted(PARTS), help=argparse.SUPPRESS)
    parser.add_argument("--positions", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part:
        print(json.dumps(PARTS[args.part](args)))
        return
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        args.positions = str(Path(folder) / "positions.json")
        G = make_graph(args.nodes, args.edges)
        print(f"Graph: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges (seeded)")
        ours = _run_part("ours", args)
        redraw = _run_part("redraw", args)
        baseline = _run_part("baseline", args)
    scaled = args.baseline_iterations != SPRING_ITERATIONS
    print()
    print(f"{'part':<52}{'seconds':>9}{'peak MB':>10}")
    print(f"{'ours: layout (' + ('sfdp' if ours['sfdp'] else 'built-in fallback') + ')':<52}{_fmt(ours['layout'])}")
    print(f"{'ours: node_metrics + network_figures':<52}{_fmt(ours['metrics'])}")
    print(f"{'ours: total':<52}{_fmt(ours['seconds'])}{ours['peak_mb']:10.0f}")
    label = "baseline: nx.spring_layout, 50 iterations" + (" (scaled)" if scaled else "")
    print(f"{label:<52}{_fmt(baseline['seconds'])}{baseline['peak_mb']:10.0f}")
    label = f"redraw: {redraw['nodes']} nodes, {redraw['edges']} edges (figure + JSON)"
    print(f"{label:<52}{_fmt(redraw['seconds'])}{redraw['peak_mb']:10.0f}")
    print()
    print(f"ratio baseline / ours (total):  {baseline['seconds'] / ours['seconds']:.1f}x  (target >= 10x)")
    print(f"ratio baseline / ours (layout): {baseline['seconds'] / ours['layout']:.1f}x")
    print(
        f"redraw: best {redraw['seconds'] * 1000:.0f} ms, median {redraw['median'] * 1000:.0f} ms over "
        f"{args.repeat} runs, {redraw['traces']} traces  (target < 1 s)"
    )
    if scaled:
        print(
            f"baseline ran {args.baseline_iterations} iterations in {baseline['measured']:.2f} s, "
            f"scaled to {SPRING_ITERATIONS}."
        )
    if ours.get("metrics_note"):
        print(f"note: {ours['metrics_note']}; only the layout was timed for 'ours'.")


if __name__ == "__main__":
    main()
