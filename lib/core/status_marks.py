"""How a status is marked wherever it is shown: its colour, an icon of its own shape and its word
(WCAG 1.4.1: colour is never the only sign).

A goal's status (on track, at risk, off track, no measurements) and an evaluation's reading band
(strength, worth discussing, concern) each have one :class:`StatusMark`: the colour of
``lib.core.charts`` (the same in every chart), a Material icon for Streamlit's Markdown
(``:material/check_circle:``), an emoji of a distinct shape for plain-text cells (a table cell
shows no Material icon), the translation key of its word, and the text colour that reads on the
colour as a background with at least 4.5:1 contrast.
"""

from __future__ import annotations

from dataclasses import dataclass

from lib.core.charts import CATEGORY_COLOURS, contrast
from lib.core.i18n import t

#: The least contrast of normal text on its background (WCAG 1.4.3, AA).
TEXT_CONTRAST = 4.5


@dataclass(frozen=True)
class StatusMark:
    """The signs of one status: colour, Material icon, emoji and the translation key of its word."""

    colour: str
    icon: str
    emoji: str
    word_key: str

    @property
    def text_colour(self) -> str:
        """Black or white, whichever reads better on :attr:`colour`."""
        return text_colour(self.colour)


def _marks(vocabulary: str, word_prefix: str, signs: dict[str, tuple[str, str]]) -> dict[str, StatusMark]:
    colours = CATEGORY_COLOURS[vocabulary]
    return {
        code: StatusMark(colours[code], f":material/{icon}:", emoji, f"{word_prefix}.{code}")
        for code, (icon, emoji) in signs.items()
    }


#: Every status vocabulary shown by colour, by code. The icons differ in shape, not only colour.
MARKS: dict[str, dict[str, StatusMark]] = {
    "goal_status": _marks(
        "goal_status",
        "strategy.status",
        {
            "on_track": ("check_circle", "✅"),
            "at_risk": ("warning", "⚠️"),
            "off_track": ("error", "⛔"),
            "no_data": ("help", "❔"),
        },
    ),
    "band": _marks(
        "band",
        "evaluations.band",
        {"strength": ("thumb_up", "👍"), "discuss": ("forum", "💬"), "concern": ("error", "⛔")},
    ),
}


def mark(vocabulary: str, code: str) -> StatusMark:
    """The mark of ``code`` in ``vocabulary`` (a key of :data:`MARKS`); KeyError for an unknown one."""
    return MARKS[vocabulary][code]


def status_word(vocabulary: str, code: str, lang: str) -> str:
    """The status in words: "I fare"."""
    return t(mark(vocabulary, code).word_key, lang)


def status_text(vocabulary: str, code: str, lang: str) -> str:
    """The status as emoji and words for a plain-text place (a table cell): "⚠️ I fare"."""
    return f"{mark(vocabulary, code).emoji} {status_word(vocabulary, code, lang)}"


def status_icon_text(vocabulary: str, code: str, lang: str) -> str:
    """The status as Material icon and words for a place Streamlit reads as Markdown:
    ":material/warning: I fare" (the word is our own translation, no data)."""
    return f"{mark(vocabulary, code).icon} {status_word(vocabulary, code, lang)}"


def text_colour(background: str) -> str:
    """Black or white text on ``background``, whichever has the higher contrast (at least 4.5:1 for
    every colour the marks use).

    >>> text_colour("#E69F00"), text_colour("#0072B2")
    ('#000000', '#ffffff')
    """
    black, white = "#000000", "#ffffff"
    return black if contrast(black, background) >= contrast(white, background) else white


__all__ = [
    "MARKS",
    "TEXT_CONTRAST",
    "StatusMark",
    "mark",
    "status_icon_text",
    "status_text",
    "status_word",
    "text_colour",
]
