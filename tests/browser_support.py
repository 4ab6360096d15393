"""A real dashboard server and Debian's chromium, shared by the browser tests.

``running_dashboard`` starts ``streamlit run dashboard.py`` on a free port against a workspace that a
``prepare`` step fills first, and waits until ``/_stcore/health`` answers; the ``dashboard`` and
``browser`` fixtures serve the demo workspace and one headless chromium per test module. Import the
fixtures are offered to every test module by ``tests/conftest.py``.
"""

from __future__ import annotations

import ast
import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-dev-shm-usage",
]

#: Marks for a module of browser tests: skipped where Debian's chromium is not installed.
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(base: str, process: subprocess.Popen[bytes], seconds: float = 90) -> None:
    """Poll ``/_stcore/health`` until the server answers 200; fail early if it exits."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the dashboard exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError("the dashboard did not become healthy")


def demo_workspace(env: dict[str, str]) -> None:
    """Fill the workspace named by ``env["DATABASE_URL"]`` with the fictional demo library."""
    subprocess.run([sys.executable, "-m", "lib", "demo"], cwd=ROOT, env=env, check=True, timeout=180)


@contextlib.contextmanager
def running_dashboard(
    folder: Path,
    prepare: Callable[[dict[str, str]], None] = demo_workspace,
    *,
    port: int | None = None,
    extra_args: Sequence[str] = (),
) -> Iterator[str]:
    """The dashboard serving a workspace in ``folder`` that ``prepare`` filled; yields its base URL.

    ``extra_args`` go to ``streamlit run`` (e.g. ``--secrets.files``); ``port`` when the caller
    needed to know it beforehand (a login redirect address names it)."""
    port = port or free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder / 'workspace.sqlite'}"}
    prepare(env)
    with (folder / "streamlit.log").open("wb") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "dashboard.py",
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                *extra_args,
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(base, process)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard serving the demo workspace."""
    with running_dashboard(tmp_path_factory.mktemp("browser")) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def open_page(page: object, url: str) -> None:
    """Go to ``url`` and wait until the script run has finished drawing the page."""
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector("[data-testid='stSidebar']", timeout=60_000)
    page.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=60_000)


def page_paths(dashboard_file: Path = ROOT / "dashboard.py") -> list[str]:
    """The URL path of every ``st.Page`` in the router, read from its source ("" for the default page).

    Reading the file rather than a list kept here means a page added later is visited too.
    """
    paths: list[str] = []
    for node in ast.walk(ast.parse(dashboard_file.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "Page"):
            continue
        keywords = {keyword.arg: keyword.value for keyword in node.keywords}
        default = keywords.get("default")
        if isinstance(default, ast.Constant) and default.value is True:
            paths.append("")
        elif isinstance(keywords.get("url_path"), ast.Constant):
            paths.append(str(keywords["url_path"].value))
        else:  # Streamlit names a page without url_path after its file
            paths.append(Path(str(ast.literal_eval(node.args[0]))).stem)
    return paths
