"""Writing a file a command hands out, inside the transaction that logged its export."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lib.core.access import requires
from lib.core.i18n import t

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@requires("export")
def write_logged_file(session: Session, out: str | Path, data: bytes, lang: str) -> bool:
    """Write ``data`` to ``out``; when that fails, roll the session back (the export's record with it:
    no file left the system), say so on stderr and return False."""
    try:
        Path(out).write_bytes(data)
    except OSError:
        session.rollback()
        print(t("board.error.cannot_write", lang, out=out), file=sys.stderr)
        return False
    return True
