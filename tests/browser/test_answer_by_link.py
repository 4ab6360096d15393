"""A partner answers an evaluation by their personal link in a real browser, and the round's charts on
the page Evaluering change: before, the partner's side is missing; after, it is there.

Screenshots of each step are written to the test's temporary folder.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lib.db import open_database, set_setting
from lib.planning import evaluation_links as links
from lib.planning import evaluations as ev
from tests.browser_support import BROWSER_MARKS, open_page, running_dashboard
from tests.planning_builders import link_round

pytestmark = BROWSER_MARKS


def test_a_partner_answers_by_link_and_the_round_s_charts_change(browser: object, tmp_path: Path) -> None:
    folder = tmp_path / "workspace"
    folder.mkdir()
    made: dict[str, str] = {}

    def prepare(env: dict[str, str]) -> None:
        with open_database(env["DATABASE_URL"], cached=False).write() as session:
            set_setting(session, "library_name", "Solhøj Bibliotek")
            ids = link_round(session, held_on=dt.date.today())
            ev.add_response(session, ids["round"], "library", {"sam1": 4, "frem1": 4, "res1": 4}, respondent="Anna")
            made["token"] = links.link_for(session, ids["round"], person_id=ids["carl"]).token

    partner_missing = "Partneren har ingen svar i denne runde"
    with running_dashboard(folder, prepare) as base:
        coordinator = browser.new_page(viewport={"width": 1400, "height": 1000})
        open_page(coordinator, f"{base}/evaluering")
        coordinator.get_by_text(partner_missing).wait_for(timeout=60_000)
        coordinator.screenshot(path=str(tmp_path / "1-before.png"), full_page=True)

        partner = browser.new_page(viewport={"width": 800, "height": 1000})
        partner.goto(f"{base}{links.LINK_PREFIX}{made['token']}", wait_until="domcontentloaded")
        partner.get_by_role("heading", name="Evaluering af partnerskabet", level=1).wait_for(timeout=30_000)
        assert partner.locator("[data-testid='stSidebar']").count() == 0 and partner.locator("a").count() == 0
        assert "Læseklub for unge" in partner.content() and "Hemmeligt projekt" not in partner.content()
        for code in ("sam1", "frem1", "res1"):
            partner.locator(f'input[name="{code}"][value="2"]').check()
        partner.get_by_label("Hvad går godt, og hvad kan blive bedre? (frivilligt)").fill("Vi ses for sjældent.")
        partner.screenshot(path=str(tmp_path / "2-partner-form.png"), full_page=True)
        partner.get_by_role("button", name="Send mit svar").click()
        partner.get_by_text("Tak, vi har dit svar.").wait_for(timeout=30_000)
        assert partner.locator('input[name="sam1"][value="2"]').is_checked()  # ready to correct
        partner.screenshot(path=str(tmp_path / "3-partner-thanks.png"), full_page=True)

        open_page(coordinator, f"{base}/evaluering")
        coordinator.get_by_text("Vi ses for sjældent.").first.wait_for(timeout=60_000)
        assert coordinator.get_by_text(partner_missing).count() == 0
        # The gap between the sides (4 against 2) is now flagged on the page.
        coordinator.get_by_text("I ser forskelligt på dette", exact=False).first.wait_for(timeout=30_000)
        coordinator.screenshot(path=str(tmp_path / "4-after.png"), full_page=True)
