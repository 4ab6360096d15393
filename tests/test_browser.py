"""One real browser session: Debian's chromium opens every page and imports a file through the UI."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sheets import MESSY_DANISH, xlsx

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# A deep link first: on a freshly started server it must open that page, not "Page not found".
PAGES = ["kontakter", "importer", "netvaerk", "maal", "partnere", "partnerskaber", "evaluering", ""]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(base: str, process: subprocess.Popen[bytes], seconds: float = 90) -> None:
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


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("browser")
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder / 'workspace.sqlite'}"}
    subprocess.run([sys.executable, "-m", "lib", "demo"], cwd=ROOT, env=env, check=True, timeout=120)
    log = (folder / "streamlit.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(base, process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-dev-shm-usage"],
        )
        yield instance
        instance.close()


def _open(page: object, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector("[data-testid='stSidebar']", timeout=60_000)
    page.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=60_000)


def test_every_page_opens_without_an_error(dashboard: str, browser: object, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    for slug in PAGES:
        _open(page, f"{dashboard}/{slug}")
        page.wait_for_selector("h1", timeout=60_000)
        assert page.locator("[data-testid='stException']").count() == 0, slug
        assert page.get_by_text("Page not found").count() == 0, slug
        assert page.locator("[data-testid='stSidebar']").get_by_text("Sprog").count() == 1, slug
        page.screenshot(path=str(tmp_path / f"{slug or 'overview'}.png"), full_page=True)
    page.close()


def test_importing_a_file_through_the_browser(dashboard: str, browser: object, tmp_path: Path) -> None:
    contacts = tmp_path / "kontakter.xlsx"
    contacts.write_bytes(xlsx({"Kontakter": MESSY_DANISH}))
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    _open(page, f"{dashboard}/importer")
    page.get_by_text("50MB per file").wait_for(timeout=30_000)  # .streamlit/config.toml is in force
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(contacts))
    page.get_by_text("Rækker læst").first.wait_for(timeout=60_000)
    page.get_by_role("button", name="Importér", exact=True).click()
    page.get_by_text("Importen er gemt som import nr.").wait_for(timeout=60_000)
    assert page.locator("[data-testid='stException']").count() == 0
    page.screenshot(path=str(tmp_path / "imported.png"), full_page=True)
    page.close()
