"""One real browser session: Debian's chromium opens every page and imports a file through the UI."""

from __future__ import annotations

import re
from pathlib import Path

from tests.browser_support import BROWSER_MARKS, page_paths
from tests.browser_support import open_page as _open
from tests.sheets import MESSY_DANISH, xlsx

# A deep link first: on a freshly started server it must open that page, not "Page not found".
PAGES = [path for path in page_paths() if path] + [""]

pytestmark = BROWSER_MARKS


def test_every_page_opens_without_an_error(dashboard: str, browser: object, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    for slug in PAGES:
        _open(page, f"{dashboard}/{slug}")
        page.wait_for_selector("h1", timeout=60_000)
        assert page.locator("[data-testid='stException']").count() == 0, slug
        assert page.get_by_text("Page not found").count() == 0, slug
        # The sidebar is drawn by the router on every run; a page that reruns itself once (to settle a
        # remembered choice) may be caught between two runs, so wait for it rather than count at once.
        page.locator("[data-testid='stSidebar']").get_by_text("Sprog", exact=True).wait_for(timeout=30_000)
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
    # The viewport only: a full-page shot resizes the page just before the undo.
    page.screenshot(path=str(tmp_path / "imported.png"))
    # The undo asks first (components.importer.undo_flow): the button opens the confirmation.
    page.get_by_role("button", name="Fortryd denne import").click()
    page.get_by_text("Fortrydelsen afvises, hvis nogen har ændret").wait_for(timeout=30_000)
    page.get_by_role("button", name="Ja, fjern alt, hvad denne import tilføjede", exact=False).first.click()
    page.get_by_text(re.compile(r"Import nr\. \d+ er fortrudt\.")).wait_for(timeout=60_000)
    assert page.get_by_role("button", name="Fortryd denne import").count() == 0
    page.close()
