"""Load test: page latency with 1, 10 and 25 people using the dashboard at once, behind nginx.

Run on demand (not part of the tests)::

    .venv/bin/python benchmarks/load_test.py                      # 1, 10, 25 sessions, 2 processes
    .venv/bin/python benchmarks/load_test.py --sessions 1 10 --rounds 2 --upstreams 2
    .venv/bin/python benchmarks/load_test.py --option runner.postScriptGC=false   # try a setting
    .venv/bin/python benchmarks/load_test.py --url https://staging.example-kommune.dk   # see below

Without ``--url`` it starts what ``tests/deploy/test_nginx.py`` starts: ``--upstreams`` dashboard processes
(the command of ``deploy/partnerskabsradar@.service``) on one SQLite workspace holding the demo
library, behind nginx configured with ``deploy/nginx.conf`` (TLS, sticky cookie, websocket).
``--url`` measures a running deployment instead: one serving the demo workspace without login (a
staging server), since the sessions check each page's heading.

Each simulated person is a Streamlit session as a browser makes one: a first request to nginx, which
hands out the sticky cookie, then the websocket ``/_stcore/stream`` through nginx, speaking Streamlit's
own protocol (the protobuf messages of ``streamlit.proto``). The session opens the start page, then
moves through the pages as a user does with the sidebar (Oversigt, Mål, Partnerskaber, Netværk,
Kontakter), ``--rounds`` times, by default without pausing between pages (``--pause``); the sessions
open the dashboard within the same second, and each starts its round at a different page. A page
view is timed from the request to the server's "script finished" message: the page is then fully
drawn on the server side and sent (what a browser shows when its running indicator disappears, less
the browser's own drawing). Every view is checked: it finished successfully, shows the page's own
heading, and no error.

Driving the load with a protocol client rather than 25 browsers matters on a small machine: the
browsers' drawing would take the cores the dashboards are measured on. A person reading a page
between clicks asks for far fewer pages than sessions that never pause; 25 such sessions are the
load of many more people. (Without pauses a session asks again as soon as it is served, so the mean
latency is about sessions / throughput: the figures show how the latency grows once the processes
are saturated.)

It prints p50/p95 per number of sessions and the ratio to the one-session baseline measured in the
same run, pages per second, the machine's load average (other work on the machine distorts the
figures; compare the baseline), p50/p95 per page ("open" is a session's first view: opening the
dashboard), and the memory of each dashboard process. With ``--browser`` it first times one session
in Debian's chromium as well, the browser's own work included. Before measuring, every page is
opened once on every process, so that the baseline does not pay for cold caches.
Target: p95 under 2 s at 10 sessions on 2 cores.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import http.client
import os
import random
import ssl
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: (url path, translation key of the page's heading); "" is the start page, whose heading is the
#: library's name.
PAGES = [
    ("", None),
    ("maal", "goalspage.title"),
    ("partnerskaber", "partnerships_page.title"),
    ("netvaerk", "netpage.title"),
    ("kontakter", "contacts.title"),
]
STICKY_COOKIE = "radar_upstream"
#: The first view of a session: opening the dashboard (a new session on the server, then the start page).
OPEN = "open"


@dataclass
class Target:
    """Where the sessions go: the https address, and how to trust its certificate."""

    url: str
    ssl: ssl.SSLContext
    upstreams: list[str] = field(default_factory=list)  # direct addresses, when we started them
    pids: list[int] = field(default_factory=list)  # their processes


class PageFailed(Exception):
    pass


@dataclass
class View:
    page: str
    seconds: float


def _expected_headings() -> dict[str, str | None]:
    from lib.core.i18n import t

    return {path: (t(key, "da") if key else None) for path, key in PAGES}


def sticky_cookie(target: Target) -> str:
    """What a browser's first request gets from nginx: the sticky cookie (empty without one)."""
    parts = urlsplit(target.url)
    connection = http.client.HTTPSConnection(parts.hostname, parts.port or 443, context=target.ssl, timeout=30)
    try:
        connection.request("GET", "/")
        response = connection.getresponse()
        response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie" and value.startswith(f"{STICKY_COOKIE}="):
                return value.split(";", 1)[0]
        return ""
    finally:
        connection.close()


class Session:
    """One person's Streamlit session over the websocket, as the browser's frontend drives it."""

    def __init__(self, base_url: str, context: ssl.SSLContext | None, cookie: str) -> None:
        self.base_url = base_url
        self.ssl = context
        self.cookie = cookie
        self.page_hashes: dict[str, str] = {}
        self.headings: list[str] = []  # the h1 headings of the last page
        self.socket = None

    async def __aenter__(self) -> Session:
        from websockets.asyncio.client import connect

        parts = urlsplit(self.base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        headers = {"Cookie": self.cookie} if self.cookie else {}
        self.socket = await connect(
            f"{scheme}://{parts.netloc}/_stcore/stream",
            ssl=self.ssl,
            origin=f"{parts.scheme}://{parts.netloc}",
            subprotocols=["streamlit"],
            additional_headers=headers,
            max_size=None,
            proxy=None,
            compression=None,
            open_timeout=60,
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.socket.close()

    async def open(self, path: str, expected_heading: str | None) -> float:
        """Ask for a page (by address on the first view, then as the sidebar does); seconds until drawn."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        message = BackMsg()
        state = message.rerun_script
        if self.page_hashes:
            state.page_script_hash = self.page_hashes[path]
        else:
            state.page_name = path
        started = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        headings: list[str] = []
        errors: list[str] = []
        while True:
            data = await asyncio.wait_for(self.socket.recv(), timeout=120)
            reply = ForwardMsg()
            reply.ParseFromString(data)
            kind = reply.WhichOneof("type")
            if kind == "navigation":
                self.page_hashes = {page.url_pathname: page.page_script_hash for page in reply.navigation.app_pages}
            elif kind == "page_not_found":
                errors.append(f"page not found: {path!r}")
            elif kind == "delta" and reply.delta.WhichOneof("type") == "new_element":
                element = reply.delta.new_element
                which = element.WhichOneof("type")
                if which == "heading" and element.heading.tag == "h1":
                    headings.append(element.heading.body)
                elif which == "exception":
                    errors.append(f"{element.exception.type}: {element.exception.message}")
            elif kind == "script_finished":
                status = reply.script_finished
                if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue  # the page asked for a rerun; the user waits for that one too
                seconds = time.perf_counter() - started
                if status != ForwardMsg.FINISHED_SUCCESSFULLY:
                    errors.append(f"script finished with status {status}")
                break
        if errors:
            raise PageFailed(f"/{path}: " + "; ".join(errors))
        if not headings or (expected_heading is not None and expected_heading not in headings):
            raise PageFailed(f"/{path}: heading {headings!r}, expected {expected_heading!r}")
        self.headings = headings
        return seconds


async def person(target: Target, rounds: int, first_page: int, pause: float, views: list[View], stagger: float) -> None:
    """One session: the start page by address, then the pages in turn through the sidebar."""
    headings = _expected_headings()
    await asyncio.sleep(stagger)
    cookie = await asyncio.to_thread(sticky_cookie, target)
    async with Session(target.url, target.ssl, cookie) as session:
        views.append(View(OPEN, await session.open("", headings[""])))
        order = [PAGES[(first_page + step) % len(PAGES)][0] for step in range(len(PAGES))]
        for _ in range(rounds):
            for path in order:
                await asyncio.sleep(pause)
                views.append(View(path, await session.open(path, headings[path])))


async def run_level(target: Target, sessions: int, rounds: int, pause: float, seed: int) -> tuple[list[View], float]:
    rng = random.Random(seed)
    views: list[View] = []
    started = time.perf_counter()
    await asyncio.gather(
        *(person(target, rounds, number % len(PAGES), pause, views, rng.uniform(0, 1.0)) for number in range(sessions))
    )
    return views, time.perf_counter() - started


async def warm_up(target: Target) -> str:
    """Visit every page on every process once, so that the baseline does not pay for cold caches.

    Returns the start page's heading (the library's name)."""
    headings = _expected_headings()
    addresses = [f"http://{upstream}" for upstream in target.upstreams]
    start = ""
    for base, context in [(address, None) for address in addresses] or [(target.url, target.ssl)] * 4:
        async with Session(base, context, "") as session:
            for path, _ in PAGES:
                await session.open(path, headings[path])
                start = start or session.headings[0]
    return start


NAV_LABELS = {
    "": "nav.overview",
    "maal": "nav.goals",
    "partnerskaber": "nav.partnerships",
    "netvaerk": "nav.network",
    "kontakter": "nav.contacts",
}


def browser_reference(target: Target, start_heading: str, rounds: int) -> list[View]:
    """One person in Debian's chromium, timed until the page's heading shows and the app reports its
    script run finished (``data-test-script-state``): what a user waits for, the browser included."""
    from playwright.sync_api import sync_playwright

    from lib.core.i18n import t
    from tests.browser_support import CHROMIUM, CHROMIUM_ARGS

    headings = {**_expected_headings(), "": start_heading}
    views: list[View] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(ignore_https_errors=True, viewport={"width": 1400, "height": 1000}).new_page()

        def drawn(path: str, started: float) -> float:
            page.get_by_role("heading", name=headings[path], level=1).wait_for(timeout=120_000)
            page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=120_000)
            if page.locator("[data-testid='stException']").count():
                raise PageFailed(f"/{path}: an error in the browser")
            return time.perf_counter() - started

        started = time.perf_counter()
        page.goto(f"{target.url}/", wait_until="commit")
        views.append(View(OPEN, drawn("", started)))
        order = [path for path, _ in PAGES[1:]] + [""]
        for _ in range(rounds):
            for path in order:
                started = time.perf_counter()
                page.locator("[data-testid='stSidebarNav'] a", has_text=t(NAV_LABELS[path], "da")).click()
                views.append(View(path, drawn(path, started)))
        browser.close()
    return views


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[round(share * 100) - 1]


def resident_mb(pid: int) -> float:
    """Resident memory of a process and its children (the import's parse workers), in MB."""
    import psutil

    process = psutil.Process(pid)
    return sum(each.memory_info().rss for each in [process, *process.children(recursive=True)]) / 2**20


@contextlib.contextmanager
def own_stack(upstreams: int, options: list[str]) -> Iterator[Target]:
    from tests.deploy.test_nginx import NGINX, nginx_stack

    if not NGINX.exists():
        raise SystemExit(f"{NGINX} is missing: scripts/setup.sh --dev installs nginx (or pass --url)")
    with tempfile.TemporaryDirectory(prefix="load-test-") as folder:
        try:
            with nginx_stack(Path(folder), upstreams, options=options) as stack:
                yield Target(
                    url=stack.local_url,
                    ssl=stack.ssl_context(),
                    upstreams=stack.upstreams,
                    pids=[process.pid for process in stack.processes.values()],
                )
        except PageFailed:
            for log in sorted(Path(folder).glob("dashboard-*.log")):  # the error's details
                lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
                print(f"--- {log.name} (end)", *lines[-40:], sep="\n", file=sys.stderr)
            raise


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sessions",
        type=int,
        nargs="*",
        default=[1, 10, 25],
        help="numbers of sessions at once; the first is the baseline (default 1 10 25)",
    )
    parser.add_argument("--rounds", type=int, default=3, help="times each session goes through the pages")
    parser.add_argument("--upstreams", type=int, default=2, help="dashboard processes behind nginx")
    parser.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a Streamlit option for every dashboard process, e.g. runner.postScriptGC=false",
    )
    parser.add_argument(
        "--pause",
        type=float,
        default=0.0,
        help="seconds each session waits before asking for the next page (default 0: none)",
    )
    parser.add_argument("--url", help="measure a running deployment instead (demo workspace, no login)")
    parser.add_argument("--insecure", action="store_true", help="with --url: do not check the certificate")
    parser.add_argument(
        "--browser",
        action="store_true",
        help="also time one session in chromium first (the browser's drawing included)",
    )
    args = parser.parse_args()

    load_before = os.getloadavg()[0]
    if args.url:
        context = ssl.create_default_context()
        if args.insecure:
            context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
        stack: contextlib.AbstractContextManager[Target] = contextlib.nullcontext(Target(args.url, context))
    else:
        options = [part for option in args.option for part in (f"--{option.split('=', 1)[0]}", option.split("=", 1)[1])]
        stack = own_stack(args.upstreams, options)
    cores = os.cpu_count()
    print(f"machine: {cores} cores, load average {load_before:.2f} before starting")
    with stack as target:
        start_heading = asyncio.run(warm_up(target))
        reference = browser_reference(target, start_heading, args.rounds) if args.browser else []
        results = []
        for level in args.sessions:
            load, cpu = os.getloadavg()[0], time.process_time()
            views, elapsed = asyncio.run(run_level(target, level, args.rounds, args.pause, seed=level))
            results.append(Level(level, views, elapsed, load, os.getloadavg()[0], time.process_time() - cpu))
        memory = [resident_mb(pid) for pid in target.pids]
    report(results, reference, memory, args, load_before)


@dataclass
class Level:
    sessions: int
    views: list[View]
    elapsed: float
    load_start: float
    load_end: float
    client_cpu: float  # CPU seconds this load generator used itself


def report(
    results: list[Level], reference: list[View], memory: list[float], args: argparse.Namespace, load_before: float
) -> None:
    where = args.url or f"{args.upstreams} dashboard processes behind nginx (TLS), demo workspace"
    if args.option:
        where += " (" + ", ".join(args.option) + ")"
    pauses = f"{args.pause:g} s pause before each page" if args.pause else "no pauses"
    print(f"\npage latency, {where}; {args.rounds} rounds of {len(PAGES)} pages per session, {pauses}")
    print(
        f"{'sessions':>8} {'views':>6} {'p50 s':>6} {'p95 s':>6} {'max s':>6} {'p50 ratio':>9} {'p95 ratio':>9} "
        f"{'p95 switch':>10} {'pages/s':>8} {'client cpu':>10} {'load avg':>12}"
    )
    base50 = base95 = 0.0
    for level in results:
        seconds = [view.seconds for view in level.views]
        switches = [view.seconds for view in level.views if view.page != OPEN]
        p50, p95 = percentile(seconds, 0.50), percentile(seconds, 0.95)
        base50, base95 = base50 or p50, base95 or p95
        client = level.client_cpu / (level.elapsed * (os.cpu_count() or 1))
        print(
            f"{level.sessions:>8} {len(seconds):>6} {p50:>6.2f} {p95:>6.2f} {max(seconds):>6.2f} "
            f"{p50 / base50:>9.2f} {p95 / base95:>9.2f} {percentile(switches, 0.95):>10.2f} "
            f"{len(seconds) / level.elapsed:>8.1f} {client:>10.0%} {level.load_start:>5.2f}→{level.load_end:<5.2f}"
        )
    print(
        "  (p95 switch: moving to another page, without opening the dashboard; client cpu: this load "
        "generator's share of the machine)"
    )

    columns = [OPEN, *(path for path, _ in PAGES)]
    print(
        f"\np50 / p95 seconds per page ('{OPEN}': opening the dashboard, a new session's start page, all "
        "sessions opening within one second; the others: moving there with the sidebar)"
    )
    print(f"{'sessions':>8} " + " ".join(f"{(path or 'oversigt'):>13}" for path in columns))
    for level in results:
        cells = []
        for path in columns:
            seconds = [view.seconds for view in level.views if view.page == path]
            cells.append(f"{percentile(seconds, 0.50):>6.2f}/{percentile(seconds, 0.95):<6.2f}")
        print(f"{level.sessions:>8} " + " ".join(cells))

    if reference:
        print("\none session in chromium, until the heading shows and the script run has finished (p50 / p95 s):")
        print(
            "         "
            + " ".join(
                f"{(path or 'oversigt')}: {percentile(seconds, 0.5):.2f}/{percentile(seconds, 0.95):.2f}"
                for path in columns
                if (seconds := [view.seconds for view in reference if view.page == path])
            )
        )
    if memory:
        print(
            "\nmemory of each dashboard process after the run: "
            + ", ".join(f"{megabytes:.0f} MB" for megabytes in memory)
        )
    for level in results:
        if level.sessions == 10:
            p95 = percentile([view.seconds for view in level.views], 0.95)
            verdict = "met" if p95 < 2.0 else "NOT met"
            print(f"\ntarget p95 < 2 s at 10 sessions: {verdict} ({p95:.2f} s)")
    if load_before >= 1.5:
        print(
            f"note: the machine was busy before the test (load average {load_before:.2f}); the figures are "
            "distorted by other work."
        )


if __name__ == "__main__":
    main()
