"""Secret tokens in addresses that are opened without logging in (the calendar feed, evaluation links).

A token is ``secrets.token_urlsafe(32)`` (43 characters, 256 bits); only its SHA-256 :func:`digest`
is stored, so a copy of the database hands out no working address. Anything not shaped like a token
is refused before the database is asked (:func:`well_formed`).
"""

from __future__ import annotations

import hashlib
import re
import secrets

_TOKEN_BYTES = 32
#: What a token looks like: anything else is refused unread.
TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{43}$")


def new_token() -> str:
    """A fresh random token, to hand out once."""
    return secrets.token_urlsafe(_TOKEN_BYTES)


def digest(token: str) -> str:
    """What is stored of ``token``: its SHA-256 as 64 hexadecimal characters."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def well_formed(token: str) -> bool:
    """Whether ``token`` has the shape of one :func:`new_token` makes.

    >>> well_formed(new_token()), well_formed("../etc/passwd"), well_formed("a" * 44)
    (True, False, False)
    """
    return bool(TOKEN_SHAPE.match(token))
