"""Two dashboard processes on one database: what one user stores, the other user sees.

Two ``streamlit run dashboard.py`` servers (different ports, the same ``DATABASE_URL``) run side by
side, as behind a load balancer or for two departments. A user imports a contact list through the
first; a user of the second reloads and the sidebar's workspace counts include the new people.
Run on a SQLite file and on PostgreSQL.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from lib.db import forget_database, open_database, workspace_counts
from lib.demo.workspace import create_demo_workspace
from tests.browser_support import BROWSER_MARKS, ROOT, free_port, open_page, wait_healthy
from tests.sheets import MESSY_DANISH, xlsx

# MESSY_DANISH: five contacts (a bad e-mail or phone is left out, the row kept), one empty row skipped,
# and the colleague named under "Ansvarlig" created as staff.
NEW_PEOPLE = 6

pytestmark = [*BROWSER_MARKS, pytest.mark.slow]


def _start_dashboards(url: str, folder: Path, count: int = 2) -> Iterator[list[str]]:
    env = {**os.environ, "DATABASE_URL": url}
    servers = []
    for number in range(count):
        port = free_port()
        log = (folder / f"streamlit-{number}.log").open("wb")
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
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        servers.append((f"http://127.0.0.1:{port}", process, log))
    try:
        for base, process, _ in servers:
            wait_healthy(base, process)
        yield [base for base, _, _ in servers]
    finally:
        for _, process, _log in servers:
            process.terminate()
        for _, process, log in servers:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()


def _people_in_sidebar(page: object) -> int:
    """The number of people the sidebar's workspace line shows ("1.234 personer · …")."""
    line = page.locator("[data-testid='stSidebar']").get_by_text(re.compile(r"personer ·"))
    line.first.wait_for(timeout=60_000)
    match = re.search(r"([\d.]+) personer", line.first.inner_text())
    assert match, line.first.inner_text()
    return int(match.group(1).replace(".", ""))


def test_an_import_through_one_dashboard_shows_in_the_other(any_db_url: str, browser: object, tmp_path: Path) -> None:
    demo = create_demo_workspace(open_database(any_db_url))
    forget_database(any_db_url)
    contacts = tmp_path / "kontakter.xlsx"
    contacts.write_bytes(xlsx({"Kontakter": MESSY_DANISH}))

    dashboards = _start_dashboards(any_db_url, tmp_path)
    first, second = next(dashboards)
    try:
        other_user = browser.new_page(viewport={"width": 1400, "height": 1000})
        open_page(other_user, second)
        assert _people_in_sidebar(other_user) == demo["people"]

        user = browser.new_page(viewport={"width": 1400, "height": 1000})
        open_page(user, f"{first}/importer")
        user.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(contacts))
        user.get_by_text("Rækker læst").first.wait_for(timeout=60_000)
        user.get_by_role("button", name="Importér", exact=True).click()
        user.get_by_text("Importen er gemt som import nr.").wait_for(timeout=60_000)

        other_user.reload(wait_until="domcontentloaded")
        other_user.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=60_000)
        assert _people_in_sidebar(other_user) == demo["people"] + NEW_PEOPLE
        with open_database(any_db_url).read() as session:
            assert workspace_counts(session)["people"] == demo["people"] + NEW_PEOPLE
    finally:
        dashboards.close()
