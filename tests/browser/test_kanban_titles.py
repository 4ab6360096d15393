"""The Partnerskaber board in a real browser: a card's title breaks between words, never inside a word
that would fit on a line of its own (the walk found "Fondsansøgnin g")."""

from __future__ import annotations

import pytest

from components.partnerships_views import BOARD_KEY
from tests.browser_support import BROWSER_MARKS, open_page

pytestmark = BROWSER_MARKS

#: The narrowest a title's line may be (px): a column of 9.5rem less the card's padding.
NARROWEST_LINE = 118

#: The board's card titles: the narrowest line, and the words split over two lines with whether the word
#: is wider than its title's line (only such a word may break).
SPLIT_WORDS = """(board) => {
  const found = [];
  let narrowest = Infinity;
  for (const title of document.querySelectorAll(`.st-key-${board} [data-testid="stMarkdownContainer"] strong`)) {
    const line = title.closest("p").getBoundingClientRect().width;
    narrowest = Math.min(narrowest, line);
    const text = title.firstChild;
    for (const match of text.textContent.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(text, match.index);
      range.setEnd(text, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (tops.size > 1) {
        const probe = document.createElement("strong");
        probe.style.whiteSpace = "nowrap";
        probe.style.position = "absolute";
        probe.textContent = match[0];
        title.parentElement.appendChild(probe);
        const wide = probe.getBoundingClientRect().width > line;
        probe.remove();
        found.push([match[0], wide]);
      }
    }
  }
  return [narrowest, found];
}"""


@pytest.mark.parametrize("width", [1280, 1024, 1800])
def test_card_titles_break_between_words(dashboard: str, browser: object, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    open_page(page, f"{dashboard}/partnerskaber")
    page.wait_for_selector(f".st-key-{BOARD_KEY} [data-testid='stMarkdownContainer'] strong", timeout=60_000)
    # The page's styles come in their own element of the same run: wait for them, then for the layout.
    page.wait_for_function(
        "(board) => [...document.querySelectorAll('style')].some((s) => s.textContent.includes(board))",
        arg=BOARD_KEY,
        timeout=60_000,
    )
    page.wait_for_timeout(500)
    narrowest, split = page.evaluate(SPLIT_WORDS, BOARD_KEY)
    titles = page.locator(f".st-key-{BOARD_KEY} [data-testid='stMarkdownContainer'] strong").count()
    page.close()
    assert titles >= 10  # the demo's partnerships are on the board
    # Columns wrap onto a second row rather than squeeze a title below a line of about 15 letters.
    assert narrowest >= NARROWEST_LINE
    assert [word for word, too_wide in split if not too_wide] == [], split
