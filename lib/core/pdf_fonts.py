"""The typeface of every PDF we make (the board pack, the agreement to sign): DejaVu Sans when the
system has it, which has every Danish letter and the typographic dashes; else reportlab's Helvetica.

reportlab keeps registered fonts in one table per process, so they are registered once, under a lock
(two sessions may make a PDF at the same moment).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import NamedTuple

__all__ = ["PdfFonts", "pdf_fonts"]

_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf", "italic": "DejaVuSans-Oblique.ttf"}
_NAMES = {"regular": "RadarSans", "bold": "RadarSans-Bold", "italic": "RadarSans-Oblique"}
_FALLBACK = {"regular": "Helvetica", "bold": "Helvetica-Bold", "italic": "Helvetica-Oblique"}


class PdfFonts(NamedTuple):
    """reportlab font names for the three faces."""

    regular: str
    bold: str
    italic: str


_lock = threading.Lock()
_chosen: list[PdfFonts] = []


def pdf_fonts() -> PdfFonts:
    """The font names to set text in (registered with reportlab on first use)."""
    with _lock:
        if not _chosen:
            _chosen.append(_register())
        return _chosen[0]


def _register() -> PdfFonts:
    files = {face: _FONT_DIR / name for face, name in _FILES.items()}
    if not all(file.exists() for file in files.values()):
        return PdfFonts(**_FALLBACK)
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for face, file in files.items():
        pdfmetrics.registerFont(TTFont(_NAMES[face], str(file)))
    return PdfFonts(**_NAMES)
