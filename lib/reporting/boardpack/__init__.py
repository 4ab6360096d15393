"""The board pack: ten minutes of clear pictures for the library's board.

:func:`lib.reporting.boardpack.content.build` gathers the pack from the database (pseudonymised by default);
the writers turn it into PowerPoint (:mod:`lib.reporting.boardpack.pptx`), PDF (:mod:`lib.reporting.boardpack.pdf`) and
an Excel appendix (:mod:`lib.reporting.boardpack.xlsx`); :func:`report` builds and writes a file in one go,
for the command line (``python -m lib report``, :mod:`lib.cli.report`).

Importing the package is cheap (the command line imports it for every command): the modules that
read the database and draw are imported when first used.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.core.progress import Progress, report_step
from lib.db import data_revision
from lib.db.revision import RevisionCache
from lib.reporting.board_formats import FORMATS, SECTIONS

if TYPE_CHECKING:
    from lib.db import Database
    from lib.reporting.boardpack.content import BoardPack

__all__ = ["FORMATS", "MIME_TYPES", "SECTIONS", "BoardPack", "board_pack", "build", "pack_version", "render", "report"]

MIME_TYPES = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def __getattr__(name: str) -> Any:
    """``build`` and ``BoardPack``, imported from :mod:`lib.reporting.boardpack.content` when first asked for."""
    if name in ("build", "BoardPack"):
        from lib.reporting.boardpack import content

        return getattr(content, name)
    raise AttributeError(f"module 'lib.reporting.boardpack' has no attribute {name!r}")


def _writer(fmt: str) -> Callable[[BoardPack], bytes]:
    if fmt == "pptx":
        from lib.reporting.boardpack.pptx import pptx_bytes

        return pptx_bytes
    if fmt == "pdf":
        from lib.reporting.boardpack.pdf import pdf_bytes

        return pdf_bytes
    if fmt == "xlsx":
        from lib.reporting.boardpack.xlsx import xlsx_bytes

        return xlsx_bytes
    raise ValidationFailed("board.error.format", fmt=fmt, formats=", ".join(FORMATS))


def render(pack: BoardPack, fmt: str) -> bytes:
    """``pack`` as a file of format ``fmt`` (one of :data:`FORMATS`)."""
    return _writer(fmt)(pack)


@requires("view_board")
def report(
    db: Database,
    fmt: str,
    out_path: str | Path,
    start: dt.date | None = None,
    end: dt.date | None = None,
    lang: str = "da",
    sections: Iterable[str] | None = None,
    today: dt.date | None = None,
    *,
    progress: Progress | None = None,
) -> BoardPack:
    """Build the pseudonymised board pack for the period and write it to ``out_path`` as ``fmt``.

    The file is written to a temporary name first and then moved into place, so a failure never
    leaves half a report where an earlier one was. Returns the pack that was written. ``progress``
    hears ``progress.step.board_sections`` (sections built), then ``progress.step.board_write``.

    Raises
    ------
    lib.core.errors.ValidationFailed
        An unknown format or section, or a period that ends before it starts (nothing is written).
    """
    writer = _writer(fmt)
    if fmt in ("pptx", "pdf"):
        from lib.reporting.boardpack import images

        images.warm_up()
    pack = board_pack(db, start, end, lang, sections, today, progress=progress)
    report_step(progress, "progress.step.board_write", 0, 1, "files")
    write_atomically(Path(out_path), writer(pack))
    report_step(progress, "progress.step.board_write", 1, 1, "files")
    return pack


@requires("view_board")
def board_pack(
    db: Database,
    start: dt.date | None = None,
    end: dt.date | None = None,
    lang: str = "da",
    sections: Iterable[str] | None = None,
    today: dt.date | None = None,
    *,
    progress: Progress | None = None,
) -> BoardPack:
    """The pseudonymised board pack for the period, read in one session of ``db``
    (``lib.reporting.boardpack.content.build``; ``progress`` hears the sections built).

    Kept until the data change (``lib.db.revision``; the same for every role, as it names nobody), so
    the board page, its three files and the background warm-up build it once."""
    from lib.reporting.boardpack.content import build, chosen_sections

    wanted = tuple(chosen_sections(sections))
    key = (db.url, data_revision(db), start, end, lang, wanted, today or dt.date.today())

    def made() -> BoardPack:
        with db.read() as session:
            return build(session, start, end, lang, wanted, today, progress=progress)

    return _PACKS.get_or_make(key, made)


#: Board packs kept per data revision and choices (:func:`board_pack`).
_PACKS = RevisionCache(max_entries=4)
#: The period the board page shows until someone chooses another: the last year.
DEFAULT_PERIOD_DAYS = 365


@requires("view_board")
def pack_version(db: Database) -> str:
    """The data's revision (``lib.db.revision``): every saved change gives another, so a page caching
    packs by it shows an edit at once."""
    return data_revision(db)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then move it into place."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent if str(path.parent) else ".")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        # mkstemp makes the file private (0600); a report is an ordinary document.
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process's file-creation mask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
