"""The keyboard alone (issue 15, WCAG 2.1.1 and 2.4.7): a new library imports its first file and the
board presentation is paged through, with Tab, Shift+Tab and Enter only, and the control that has
the focus can always be seen.

The walk counts the key presses it needed; ``tab_to`` fails when a control cannot be reached within
a page's worth of Tab presses, and ``focus_is_visible`` when the focused control has no outline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.test_accessibility import empty_workspace, settle
from tests.browser_support import BROWSER_MARKS, open_page, running_dashboard
from tests.sheets import MESSY_DANISH, xlsx

pytestmark = BROWSER_MARKS

#: More Tab presses than any page has controls before the one sought: beyond it, it is unreachable.
MAX_TABS = 150


@pytest.fixture(scope="module")
def empty_dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_dashboard(tmp_path_factory.mktemp("keyboard"), empty_workspace) as base:
        yield base


def focus_is_visible(page: object) -> bool:
    """The focused element draws an outline (or a focus ring as a box shadow) one can see."""
    return page.evaluate(
        """() => {
            const e = document.activeElement;
            if (!e || e === document.body) return false;
            const style = getComputedStyle(e);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
            return outline || (style.boxShadow && style.boxShadow !== 'none');
        }"""
    )


def tab_to(page: object, target: object, *, backwards: bool = False) -> int:
    """Press Tab (or Shift+Tab) until ``target`` has the focus; how many presses it took."""
    for presses in range(1, MAX_TABS + 1):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if target.evaluate("e => e === document.activeElement || e.contains(document.activeElement)"):
            assert focus_is_visible(page), f"no visible focus on {target}"
            return presses
    raise AssertionError(f"{target} cannot be reached with the keyboard ({MAX_TABS} presses)")


def test_a_first_import_by_keyboard_alone(empty_dashboard: str, browser: object, tmp_path: Path) -> None:
    contacts = tmp_path / "kontakter.xlsx"
    contacts.write_bytes(xlsx({"Kontakter": MESSY_DANISH}))
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    open_page(page, f"{empty_dashboard}/importer")
    page.get_by_role("heading", level=1).first.wait_for()
    settle(page)
    # The first Tab reaches the skip link, which jumps past the sidebar's page links to the page itself.
    page.keyboard.press("Tab")
    skip = page.locator("#skip-to-content")
    assert skip.evaluate("e => e === document.activeElement") and skip.is_visible()
    assert skip.inner_text() == "Spring til sidens indhold"
    page.keyboard.press("Enter")
    browse = page.locator("[data-testid='stFileUploaderDropzone'] button").first
    presses = 1 + tab_to(page, browse)
    assert presses <= 10, f"{presses} presses to the file chooser"
    to_chooser = presses
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Enter")
    chooser.value.set_files(str(contacts))
    page.get_by_text("Rækker læst").first.wait_for(timeout=60_000)
    settle(page)
    save = page.get_by_role("button", name="Importér", exact=True)
    presses += tab_to(page, save)
    page.keyboard.press("Enter")
    saved = page.get_by_text("Importen er gemt som import nr.")
    saved.wait_for(timeout=60_000)
    settle(page)
    assert page.locator("[data-testid='stException']").count() == 0
    # The button is gone with the preview: the focus goes on to the message, not back to the page's top.
    focus = page.evaluate("document.activeElement.innerText || ''")
    assert "Importen er gemt som import nr." in focus, focus
    print(f"keyboard import: {to_chooser} Tab presses to the file chooser, {presses} in all")
    page.close()


def test_the_board_presentation_by_keyboard_alone(dashboard: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    open_page(page, f"{dashboard}/bestyrelse")
    slide = page.get_by_text(re.compile(r"^Dias \d+ af \d+$"))
    slide.wait_for(timeout=60_000)
    slides = int(slide.inner_text().split()[-1])
    assert slides >= 3
    following = page.get_by_role("button", name="Næste", exact=True)
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Enter")
    presses = 1 + tab_to(page, following)
    for expected in (2, 3):
        page.keyboard.press("Enter")
        page.get_by_text(f"Dias {expected} af {slides}", exact=True).wait_for(timeout=30_000)
        settle(page)
        # The focus stays on "Næste" after the redraw, so Enter pages on without looking for it again.
        assert following.evaluate("e => e === document.activeElement || e.contains(document.activeElement)")
    previous = page.get_by_role("button", name="Forrige", exact=True)
    presses += tab_to(page, previous, backwards=True)
    page.keyboard.press("Enter")
    page.get_by_text(f"Dias 2 af {slides}", exact=True).wait_for(timeout=30_000)
    print(f"keyboard presentation: {presses} Tab presses")
    page.close()
