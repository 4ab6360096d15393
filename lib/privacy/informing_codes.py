"""The ways a person can be informed (GDPR art. 14), without the rest of ``lib.privacy.informing``.

Cheap to import: the command line's parser (``lib.cli.parser``) offers ``--how`` from here without
loading pandas and the database.
"""

from __future__ import annotations

#: How a person was informed; the words are ``informing.how.<code>``.
HOW_CODES = ("email", "letter", "in_person", "agreement", "other")
DEFAULT_HOW = "email"
