"""The one rule for text a spreadsheet would run as a formula, shared by every writer and the importer.

Every file the product writes (``lib.core.spreadsheets``: workspace export, downloads, the board pack's Excel
appendix and the workbooks inside its PowerPoint charts) gives such a text a leading apostrophe, and
the importer (``lib.core.normalize.clean_text``) removes exactly that apostrophe again. Both sides ask
:func:`runs_as_formula`, so an export always imports back unchanged.

What counts, following OWASP's advice on CSV injection and what spreadsheet programs do:

* ``= + - @`` first: the classic formula signs.
* Their full-width forms ``＝ ＋ － ＠`` (U+FF1D, U+FF0B, U+FF0D, U+FF20): with a Japanese or Chinese
  input method a typed full-width ``＝`` starts a formula, and some versions read such a cell from a
  file the same way.
* A tab or carriage return first: some programs drop it and read what follows.
* Any of the signs after leading white space (``" =1+1"``, ``"\\n=1+1"``): LibreOffice's CSV import
  can trim spaces before it looks at a cell, and so do several CSV-to-sheet converters.
"""

from __future__ import annotations

__all__ = ["FORMULA_SIGNS", "FORMULA_TRIGGERS", "GUARD", "is_guarded", "runs_as_formula"]

#: Signs that start a formula, ASCII and full-width.
FORMULA_SIGNS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
#: First characters that make a cell a formula, or hide one behind them.
FORMULA_TRIGGERS = (*FORMULA_SIGNS, "\t", "\r")
#: What a writer puts before such a text, and the importer takes away again.
GUARD = "'"


def runs_as_formula(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula (see the module notes)."""
    return text.startswith(FORMULA_TRIGGERS) or text.lstrip().startswith(FORMULA_SIGNS)


def is_guarded(text: str) -> bool:
    """Whether ``text`` is a neutralised formula: the guard apostrophe, then a text that would run."""
    return text.startswith(GUARD) and runs_as_formula(text[len(GUARD) :])
