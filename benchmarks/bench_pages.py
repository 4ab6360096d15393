"""Benchmark: every page of the dashboard on a big workspace, the contacts search and the board pack.

Run on demand (not part of the tests)::

    .venv/bin/python benchmarks/bench_pages.py                        # 20,000 people, a temporary file
    .venv/bin/python benchmarks/bench_pages.py --scale 100000 --db sqlite:////tmp/big.sqlite
    .venv/bin/python benchmarks/bench_pages.py --db sqlite:////tmp/big.sqlite --only pages/contacts.py

The workspace is the demo library at ``--scale`` people (``python -m lib demo --scale N``: 100,000 people
hold 300 staff, 4,000 organisations, 150,000 relations and 200 partnerships with three years of history).
A ``--db`` that already holds a workspace is reused as it is (building 100,000 people takes a while).

Then, each in a fresh process that has already imported what the page imports and opened the database
(a running server, before anyone opened this page):

* every page routed in ``dashboard.py`` (read from its ``st.Page`` calls, so a new page is measured
  too), run on its own as ``tests/apptest_support.py`` runs pages, and the router itself
  (``dashboard.py``: sidebar and start page): the first render, then a rerun with nothing changed;
* the contacts search: the people tab rerun with a word typed in its search box, and the search
  behind it (``lib.contacts.page.find_people``) on its own, for a few kinds of search text (the slowest
  is the one marked);
* the board pack: built for the last year and written as Excel, PowerPoint and PDF
  (``bench_boardpack.run_ours``).

With ``--warm-up`` each page is timed after the server's background warm-up has run in the same
process (``lib.reporting.warmup``: a running dashboard does it after every change of data, nobody
waiting), and the warm-up's own time is printed beside it. With ``--one-warm-up`` as well, the pages run
one after another in one process after a single warm-up (as one running server serves them), which
takes minutes instead of a warm-up per page (about 8 minutes each at 100,000 people on a busy machine).

It prints wall-clock and CPU seconds beside the targets of issue 16 (first render ≤ 3 s, rerun ≤ 1 s,
search ≤ 0.5 s, board pack ≤ 15 s) and the machine's load average before and after.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import importlib
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGETS = {"first": 3.0, "rerun": 1.0, "search": 0.5, "boardpack": 15.0}
#: What a user types into the contacts search: a common surname, a full name, digits of a phone
#: number, and a place that is part of many organisations' names.
SEARCHES = ("jensen", "mette holm", "2345", "kildebro")
PAGE_SEARCH = "jensen"
DEFAULT_SCALE = 20_000


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def timed(work: Callable[[], Any]) -> tuple[Any, float, float]:
    """``work()``, its wall-clock seconds and its CPU seconds (this process)."""
    cpu, start = cpu_seconds(), time.perf_counter()
    result = work()
    return result, time.perf_counter() - start, cpu_seconds() - cpu


def routed_pages(dashboard: Path = ROOT / "dashboard.py") -> list[str]:
    """The file of every ``st.Page`` in the router, in the order it names them."""
    files = []
    for node in ast.walk(ast.parse(dashboard.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "Page":
            files.append(str(ast.literal_eval(node.args[0])))
    return sorted(set(files), key=files.index)


# --- in the child process -------------------------------------------------------------------------


def as_a_server(url: str, script: Path) -> None:
    """Set up this process as a dashboard process with ``script``'s imports done and the database open.

    Local mode, and the request coming from this computer (as ``tests/conftest.py`` plays it)."""
    os.environ["DATABASE_URL"] = url
    from components import context
    from lib.db import open_database

    context.request_origin = lambda: (None, [("host", "localhost:8501"), ("origin", "http://localhost:8501")])
    open_database(url)
    for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in ("lib", "components"):
            package = importlib.import_module(node.module)
            if not hasattr(package, "__path__"):
                continue
            for alias in node.names:  # ``from components import network_tabs`` imports a module too
                if importlib.util.find_spec(f"{node.module}.{alias.name}") is not None:
                    importlib.import_module(f"{node.module}.{alias.name}")


def run_page(url: str, page: str, timeout: float, warm: bool = False) -> dict[str, Any]:
    """First render and a rerun of ``page`` (a path from the repository's root), in seconds; with
    ``warm``, after the server's background warm-up has finished (``lib.reporting.warmup``, timed)."""
    from streamlit.testing.v1 import AppTest

    script = ROOT / page
    as_a_server(url, script)
    warmed: dict[str, Any] = {}
    if warm:
        from lib.db import open_database
        from lib.reporting.warmup import WarmUp

        warm_up = WarmUp(open_database(url))
        _, warmed["warm_up"], warmed["warm_up_cpu"] = timed(warm_up.warm_once)
    at = AppTest.from_file(str(script), default_timeout=timeout)
    _, first, first_cpu = timed(at.run)
    problems = [str(error.value) for error in at.exception]
    _, rerun, rerun_cpu = timed(at.run)
    result: dict[str, Any] = {
        "first": first,
        "first_cpu": first_cpu,
        "rerun": rerun,
        "rerun_cpu": rerun_cpu,
        **warmed,
    }
    if page == "pages/contacts.py" and not problems:
        at.text_input(key="contacts_people_search").input(PAGE_SEARCH)
        _, result["search"], result["search_cpu"] = timed(at.run)
    problems += [str(error.value) for error in at.exception]
    return result | {"problems": problems}


def run_search(url: str) -> dict[str, Any]:
    """The people search on its own, for each of SEARCHES (after one search to warm up)."""
    from lib.contacts.page import find_people
    from lib.db import open_database

    db = open_database(url)
    find_people(db, "x")
    found = {}
    for text in SEARCHES:
        hits, seconds, cpu = timed(lambda text=text: find_people(db, text))
        found[text] = {"seconds": seconds, "cpu": cpu, "hits": hits.total}
    return found


def run_boardpack(url: str) -> dict[str, Any]:
    """The board pack of the last year in all three formats, as ``bench_boardpack`` measures it."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_boardpack

    today = dt.date.today()
    bench_boardpack.TODAY = today
    bench_boardpack.START = today.replace(year=today.year - 1)
    return bench_boardpack.run_ours(url)


def run_pages_once_warmed(url: str, pages: list[str], timeout: float) -> dict[str, Any]:
    """Every page of ``pages`` in this one process, after one warm-up (``--one-warm-up``): as one
    running server, whose pages all read the caches its warm-up filled. Each page's imports are done
    before its first render is timed, as in :func:`run_page`."""
    from lib.db import open_database
    from lib.reporting.warmup import WarmUp

    as_a_server(url, ROOT / pages[0])
    _, seconds, cpu = timed(WarmUp(open_database(url)).warm_once)
    results: dict[str, Any] = {"warm_up": {"seconds": seconds, "cpu": cpu}}
    for page in pages:
        try:
            results[page] = run_page(url, page, timeout) | {"warm_up": seconds, "warm_up_cpu": cpu}
        except Exception as error:  # noqa: BLE001 - one page's failure is reported, the others still run
            results[page] = {"problems": [f"{type(error).__name__}: {error}"]}
        print(f"  done: {page} {json.dumps(results[page])}", file=sys.stderr, flush=True)  # progress
    return results


def child(job: str, url: str, timeout: float, warm: bool) -> dict[str, Any]:
    if job.startswith("pages-once:"):
        return run_pages_once_warmed(url, job.removeprefix("pages-once:").split(","), timeout)
    if job == "search":
        return run_search(url)
    if job == "boardpack":
        return run_boardpack(url)
    return run_page(url, job, timeout, warm)


# --- in the measuring process ---------------------------------------------------------------------


def measure(job: str, url: str, timeout: float, warm: bool) -> dict[str, Any]:
    """One job in a fresh process; its JSON answer, or the error it died of."""
    command = [sys.executable, __file__, "--child", job, "--db", url, "--timeout", str(timeout)]
    command += ["--warm-up"] if warm else []
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, cwd=ROOT, check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        return {"problems": [f"exit status {done.returncode}, no answer (its error is printed above)"]}
    answer: dict[str, Any] = json.loads(lines[-1])
    return answer


def workspace(url: str | None, scale: int, folder: Path) -> tuple[str, dict[str, int], float | None]:
    """The workspace's URL, its counts and the seconds it took to build (None when it was reused)."""
    from lib.db import forget_database, open_database, workspace_counts
    from lib.demo.workspace import create_demo_workspace

    url = url or f"sqlite:///{folder / 'pages.sqlite'}"
    db = open_database(url)
    with db.read() as session:
        counts = workspace_counts(session)
    seconds = None
    if not counts["people"]:
        _, seconds, _ = timed(lambda: create_demo_workspace(db, scale=scale))
        with db.read() as session:
            counts = workspace_counts(session)
    forget_database(url)
    return url, counts, seconds


def mark(seconds: float | None, target: float) -> str:
    if seconds is None:
        return "–"
    return f"{seconds:.2f} s {'✓' if seconds <= target else '✗'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, default=DEFAULT_SCALE, help="people in the workspace to build")
    parser.add_argument("--db", help="database URL; a workspace already in it is reused")
    parser.add_argument("--timeout", type=float, default=900, help="seconds one run of a page may take")
    parser.add_argument("--only", action="append", help="measure only this job (a page file, search, boardpack)")
    parser.add_argument(
        "--warm-up",
        action="store_true",
        help="time each page after the server's background warm-up has run (the warm-up's own time is printed)",
    )
    parser.add_argument(
        "--one-warm-up",
        action="store_true",
        help="with --warm-up: run the pages one after another in one process after one warm-up "
        "(as one server; much quicker than a warm-up per page)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.db, args.timeout, args.warm_up)))
        return
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as folder:
        url, counts, built = workspace(args.db, args.scale, Path(folder))
        print(
            f"workspace: {counts['people']:,} people ({counts['staff']:,} staff), {counts['organisations']:,} "
            f"organisations, {counts['relations']:,} relations"
            + (f"; built in {built:.1f} s" if built is not None else "; reused")
        )
        jobs = [
            job for job in ["dashboard.py", *routed_pages(), "search", "boardpack"] if not args.only or job in args.only
        ]
        results = {}
        pages = [job for job in jobs if job not in ("search", "boardpack")]
        if args.warm_up and args.one_warm_up and pages:
            once = measure("pages-once:" + ",".join(pages), url, args.timeout, warm=False)
            results |= {page: once.get(page, {"problems": once.get("problems", ["no answer"])}) for page in pages}
            jobs = [job for job in jobs if job not in pages]
        for job in jobs:
            results[job] = measure(job, url, args.timeout, args.warm_up)
            print(f"  done: {job} {json.dumps(results[job])}", file=sys.stderr, flush=True)  # progress
    print(f"load average before: {load_before[0]:.2f}, after: {os.getloadavg()[0]:.2f} (2 cores)")
    print()
    warmed = " (after the warm-up)" if args.warm_up else ""
    print(f"| page | first render{warmed} | rerun | first, CPU | rerun, CPU | warm-up before it |")
    print("|---|---:|---:|---:|---:|---:|")
    for job, result in results.items():
        if job in ("search", "boardpack"):
            continue
        first, rerun = result.get("first"), result.get("rerun")
        cpus = [f"{result[key]:.2f} s" if key in result else "–" for key in ("first_cpu", "rerun_cpu", "warm_up")]
        print(f"| {job} | {mark(first, TARGETS['first'])} | {mark(rerun, TARGETS['rerun'])} | {' | '.join(cpus)} |")
    print()
    page = results.get("pages/contacts.py", {})
    if "search" in page:
        print(f"contacts page, people tab rerun with “{PAGE_SEARCH}” typed: {mark(page['search'], TARGETS['search'])}")
    for text, found in results.get("search", {}).items():
        if text != "problems":
            print(f"search “{text}” ({found['hits']:,} found): {mark(found['seconds'], TARGETS['search'])}")
    pack = results.get("boardpack", {})
    if "total" in pack:
        parts = ", ".join(f"{step} {pack[step]['seconds']:.1f} s" for step in ("build", "xlsx", "pptx", "pdf"))
        print(f"board pack, all three files: {mark(pack['total']['seconds'], TARGETS['boardpack'])} ({parts})")
    for job, result in results.items():
        for problem in result.get("problems", []) if isinstance(result.get("problems"), list) else []:
            print(f"PROBLEM in {job}: {problem}")


if __name__ == "__main__":
    main()
