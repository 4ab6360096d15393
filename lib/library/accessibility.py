"""The accessibility statement the product ships: ``docs/accessibility.md``, Danish first, then English.

The two halves are split on :data:`ENGLISH_MARKER`, a line of its own. The page "Tilgængelighedserklæring"
shows the half in the reader's language when the municipality has not set the address of its own
published statement (:func:`lib.library.setup.accessibility_url`). HTML comments in the file (the
``<!-- MEASURED -->`` placeholders, notes for whoever fills the statement in) are left out of what is shown.

Examples
--------
>>> halves = statement_halves("# Erklæring\\n<!-- note -->\\nTekst\\n<!-- english -->\\n# Statement\\nText\\n")
>>> halves["da"]
'# Erklæring\\n\\nTekst'
>>> halves["en"]
'# Statement\\nText'
"""

from __future__ import annotations

import re
from pathlib import Path

from lib.core.i18n import DEFAULT_LANGUAGE

#: The file of the statement (in the repository's ``docs`` folder).
STATEMENT_FILE = Path(__file__).resolve().parents[2] / "docs" / "accessibility.md"
#: The line between the Danish and the English half.
ENGLISH_MARKER = "<!-- english -->"
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def statement_halves(text: str) -> dict[str, str]:
    """The statement's Danish and English halves (``{"da": ..., "en": ...}``), HTML comments left out.

    Raises ValueError when the marker line is not in ``text`` exactly once."""
    lines = text.splitlines()
    marks = [number for number, line in enumerate(lines) if line.strip() == ENGLISH_MARKER]
    if len(marks) != 1:
        raise ValueError(f"the statement needs the line {ENGLISH_MARKER} exactly once, found {len(marks)}")
    danish, english = "\n".join(lines[: marks[0]]), "\n".join(lines[marks[0] + 1 :])
    return {"da": _COMMENT.sub("", danish).strip(), "en": _COMMENT.sub("", english).strip()}


def accessibility_statement(lang: str) -> str:
    """The shipped statement in ``lang`` ("da" or "en"; any other language gets the Danish), as Markdown."""
    halves = statement_halves(STATEMENT_FILE.read_text(encoding="utf-8"))
    return halves.get(lang, halves[DEFAULT_LANGUAGE])


__all__ = ["ENGLISH_MARKER", "STATEMENT_FILE", "accessibility_statement", "statement_halves"]
