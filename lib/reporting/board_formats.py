"""The board pack's sections and file formats, without the board pack (``lib.reporting.boardpack``).

Cheap to import: the command line's parser (``lib.cli.parser``) offers ``report --format`` and
``--sections`` from here without loading the roles, the translation table or the writers.
"""

from __future__ import annotations

#: The sections of a board pack, in the order they are presented.
SECTIONS = ("title", "key_figures", "goals", "portfolio", "network", "evaluations", "radar", "risks")
FORMATS = ("pptx", "pdf", "xlsx")
