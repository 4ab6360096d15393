"""The first run in a real browser: an empty workspace opens the set-up, the saved name is the browser
tab's title and the network's centre; a filled workspace without a name shows the banner.

Screenshots of each step are written to the test's temporary folder.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from lib.db import open_database
from lib.library.setup import role_code, save_staff
from tests.browser_support import BROWSER_MARKS, ROOT, open_page, running_dashboard

pytestmark = BROWSER_MARKS
EXAMPLES = ROOT / "data" / "examples"


def make_examples():
    from tests.ingest.test_examples import make_examples as load

    return load()


def empty_workspace(_env: dict[str, str]) -> None:
    """Nothing: the workspace is created empty when the dashboard opens it."""


def import_examples(env: dict[str, str], *names: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "lib", "import", *(str(EXAMPLES / n) for n in names)],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=180,
        capture_output=True,
    )


def test_the_set_up_names_the_tab_and_the_centre_of_the_network(browser: object, tmp_path: Path) -> None:  # noqa: F811
    folder = tmp_path / "workspace"
    folder.mkdir()
    with running_dashboard(folder, empty_workspace) as base:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        open_page(page, base)
        page.get_by_text("Velkommen til Partnerskabsradar").wait_for(timeout=60_000)
        assert page.title() == "Partnerskabsradar"
        page.get_by_role("textbox", name="Bibliotekets navn", exact=True).fill("Solhøj Bibliotek")
        page.get_by_role("textbox", name="Adresse", exact=True).fill("Torvet 1, 9999 Solhøj")
        page.get_by_role("textbox", name="Fælles e-mail", exact=True).fill("bibliotek@solhoej.example.dk")
        page.get_by_role("textbox", name="Telefon", exact=True).fill("99 12 34 56")
        page.screenshot(path=str(tmp_path / "1-setup-empty-workspace.png"), full_page=True)
        page.get_by_role("button", name="Gem oplysningerne").click()
        page.get_by_text("Bibliotekets oplysninger er gemt.").wait_for(timeout=60_000)
        page.wait_for_function("document.title === 'Solhøj Bibliotek · Partnerskabsradar'", timeout=30_000)
        page.screenshot(path=str(tmp_path / "2-setup-saved.png"), full_page=True)
        # The form shows what was stored, tidied, also in the browser (not only the typed text).
        assert page.get_by_role("textbox", name="Telefon", exact=True).input_value() == "+45 99 12 34 56"

        open_page(page, f"{base}/importer")  # still empty: the examples are offered
        page.get_by_role("button", name="kontaktliste.xlsx").click()
        page.get_by_text("Rækker læst").first.wait_for(timeout=60_000)
        page.get_by_text("Sådan bliver importen").scroll_into_view_if_needed()
        page.screenshot(path=str(tmp_path / "3-example-preview.png"))

        url = f"sqlite:///{folder / 'workspace.sqlite'}"
        with open_database(url, cached=False).write() as session:  # as the set-up's staff table stores them
            save_staff(
                session,
                [
                    {"name": row[0], "email": row[1], "team": row[2], "staff_role": row[3]}
                    for row in make_examples().STAFF
                    if row[1] and role_code(row[3])
                ],
            )
        import_examples(
            {"DATABASE_URL": url, "PATH": "/usr/bin:/bin", "HOME": str(ROOT)}, "kontaktliste.xlsx", "relationer.xlsx"
        )
        open_page(page, f"{base}/netvaerk")
        page.get_by_text("Vis navne").click()
        centre = page.locator("[data-testid='stPlotlyChart'] svg text", has_text="Solhøj Bibliotek")
        centre.first.wait_for(timeout=60_000)
        page.locator("[data-testid='stPlotlyChart']").first.screenshot(path=str(tmp_path / "4-network-centre.png"))
        assert page.title() == "Solhøj Bibliotek · Partnerskabsradar"
        page.close()


def test_a_filled_workspace_without_a_name_shows_the_banner(browser: object, tmp_path: Path) -> None:  # noqa: F811
    folder = tmp_path / "workspace"
    folder.mkdir()
    with running_dashboard(folder, lambda env: import_examples(env, "kontaktliste.xlsx")) as base:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        open_page(page, base)
        page.get_by_text("Sæt biblioteket op:").wait_for(timeout=60_000)
        page.get_by_text("Nøgletal").wait_for(timeout=60_000)  # the ordinary start page under it
        page.screenshot(path=str(tmp_path / "5-banner.png"), full_page=True)
        page.get_by_role("button", name="Ikke nu").click()
        page.get_by_text("Sæt biblioteket op:").wait_for(state="detached", timeout=30_000)
        page.get_by_role("link", name="Biblioteket").first.click()
        page.get_by_text("Om biblioteket").wait_for(timeout=60_000)
        page.get_by_text("2MB per file").wait_for(timeout=30_000)  # the logo's own limit, not the import's 50 MB
        page.screenshot(path=str(tmp_path / "6-library-page.png"), full_page=True)
        page.locator("[data-testid='stDataFrame']").first.screenshot(path=str(tmp_path / "7-library-staff.png"))
        page.close()


@pytest.fixture(autouse=True)
def _keep_screenshots(tmp_path: Path) -> None:
    """Screenshots land in the test's folder (``--basetemp`` keeps them for looking at)."""
