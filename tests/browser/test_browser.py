"""One real browser session: Debian's chromium opens every page and imports a file through the UI."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

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


def test_from_the_map_to_action_the_way_in_and_a_contact_on_a_cold_tie(dashboard: str, browser: object) -> None:
    """Issue 17: find the way in to a demo organisation, then register a contact from the cold-ties list."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    _open(page, f"{dashboard}/netvaerk")
    page.get_by_role("tab", name="Find vejen ind").click()
    search = page.get_by_label("Organisation eller person")
    search.fill("solbakke boghandel")
    search.press("Enter")
    first = page.locator("[data-testid='stMarkdown'] ol li").first
    first.wait_for(timeout=120_000)
    assert "kender" in first.inner_text() and "Spørg" in first.inner_text()

    page.get_by_role("tab", name="Netværkets sundhed").click()
    picker = page.get_by_label("Har du været i kontakt? Vælg forbindelsen og registrér kontakten i dag")
    picker.wait_for(timeout=120_000)
    option = page.get_by_role("option").first
    for _attempt in range(3):  # a click while the tab is still being drawn can leave the list closed
        picker.click()
        try:
            option.wait_for(timeout=20_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    chosen = option.inner_text().split(" · ")[0]
    # The list may open below the fold; the first option has the focus, and Enter takes it.
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Kontakt registreret i dag").click()
    # The registration changes the data: the page works the network out again before it answers.
    page.get_by_text(f"Kontakten med {chosen} er registreret, og opgaven er fjernet fra listen.").wait_for(
        timeout=180_000
    )
    assert page.locator("[data-testid='stException']").count() == 0
    page.close()
