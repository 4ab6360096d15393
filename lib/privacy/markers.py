"""Erasure markers: a one-way HMAC-SHA256 hash per erased e-mail under a random key of the workspace,
so an import recognises an erased person without the e-mail being readable."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.db import ErasureMarker, get_setting, set_setting
from lib.privacy import erasure_ledger
from lib.privacy.shared import _normalised_email

#: The workspace setting holding the hex key of the erasure markers' HMAC.
KEY_SETTING = "erasure_key"

#: Further keys (hex, space-separated) of markers a restore brought back (``lib.privacy.erasure_ledger``).
OTHER_KEYS_SETTING = "erasure_keys_other"


def _marker_key(session: Session, *, create: bool) -> bytes | None:
    """The workspace's random HMAC key; made and stored on first use when ``create``."""
    value = get_setting(session, KEY_SETTING)
    if value is None:
        if not create:
            return None
        value = secrets.token_hex(32)
        set_setting(session, KEY_SETTING, value)
        session.flush()
    return bytes.fromhex(value)


def email_hash(key: bytes, email: str) -> str:
    """The one-way hash an erasure marker keeps of ``email`` (HMAC-SHA256, hex)."""
    return hmac.new(key, _normalised_email(email).encode("utf-8"), hashlib.sha256).hexdigest()


@requires("import")
def marker_keys(session: Session) -> list[bytes]:
    """Every key the workspace's markers were made with: its own first, then those a restore brought
    (``lib.privacy.erasure_ledger``: markers of an older key still have to match)."""
    found = [get_setting(session, KEY_SETTING) or "", *(get_setting(session, OTHER_KEYS_SETTING) or "").split()]
    return [bytes.fromhex(value) for value in dict.fromkeys(found) if value]


@requires("restore")
def adopt_marker_keys(session: Session, keys: Iterable[bytes]) -> None:
    """Make ``keys`` known to the workspace: the first becomes its own key when it has none yet (so
    new markers match those of the ledger), the rest are kept beside it."""
    known = marker_keys(session)
    for key in keys:
        if key in known:
            continue
        if get_setting(session, KEY_SETTING) is None:
            set_setting(session, KEY_SETTING, key.hex())
        else:
            others = (get_setting(session, OTHER_KEYS_SETTING) or "").split()
            set_setting(session, OTHER_KEYS_SETTING, " ".join([*others, key.hex()]))
        known.append(key)
    session.flush()


@requires("import")
def erased_email_check(session: Session) -> Callable[[str], bool] | None:
    """A test "was this e-mail's person erased on request?" for the importer, or None when nobody was.

    The markers are read once, so checking every row of a large import costs one hash per e-mail
    (per key, in the rare workspace with several).
    """
    keys = marker_keys(session)
    if not keys:
        return None
    hashes = set(session.scalars(select(ErasureMarker.email_hash)))
    if not hashes:
        return None
    return lambda email: any(email_hash(key, email) in hashes for key in keys)


@requires("personal_data")
def was_erased(session: Session, email: str) -> bool:
    """Whether a person with ``email`` was erased on request."""
    check = erased_email_check(session)
    return bool(check and check(email))


def _write_markers(session: Session, emails: Iterable[str], today: dt.date) -> int:
    """One marker per e-mail not marked yet, each also kept in the erasure ledger (which raises
    ``LedgerUnavailable`` when it cannot be written); returns how many markers were written."""
    emails = [e for e in dict.fromkeys(emails) if e]
    if not emails:
        return 0
    key = _marker_key(session, create=True)
    assert key is not None  # made above when missing
    known = set(session.scalars(select(ErasureMarker.email_hash)))
    digests = {email_hash(key, email): today for email in emails}
    written = 0
    for digest in digests:
        if digest not in known:
            session.add(ErasureMarker(email_hash=digest, erased_on=today))
            known.add(digest)
            written += 1
    session.flush()
    # All of them, marked before or not: the ledger may be new, or have been lost.
    erasure_ledger.record(session, key, digests)
    return written
