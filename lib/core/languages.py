"""The languages of the product, without the translation table (``lib.core.i18n`` loads that).

Cheap to import: the command line's parser (``lib.cli.parser``) offers ``--lang`` from here without
loading every text.
"""

from __future__ import annotations

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"
