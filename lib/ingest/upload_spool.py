"""Private files for the parts of an upload a session needs later but does not show.

A Streamlit session lives as long as its browser tab, and Streamlit keeps a closed tab's session
for a while in case it reconnects. Whatever the import page keeps in the session stays in the
server's memory that long, so the page keeps only what it shows (columns, a few example rows,
counts, the first problems) and puts the rest (every data row, every problem for the report) in a
*spool file*:

* in a folder only the server's user may enter (``<tmp>/partnerskabsradar-spool-<uid>``, 0700;
  a folder of that name that someone else made, or that others may enter, is not used), as a new
  file under a random name that only that user may read (0600);
* written and read a chunk at a time, so neither step needs the whole sheet in memory at once;
* read back with the same restricted unpickler as the parse child's answer (plain values and
  dates only), so even a file changed on disk cannot make the server run code;
* deleted when the import is stored or cancelled (:meth:`Spool.delete`), when the object owning it
  is garbage-collected (which is what happens to a session's state when Streamlit drops the
  session: there is no session-end hook to rely on), at interpreter exit, and otherwise by
  :func:`sweep` once unused for ``ImportLimits.spool_max_age_seconds`` (a process that was killed
  cleans nothing up). Reading a spool refreshes its age.

Nothing here imports streamlit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import os
import pickle
import secrets
import stat
import tempfile
import threading
import time
import weakref
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from lib.core.config import DEFAULT_LIMITS, ImportLimits
from lib.core.errors import FileRefused

log = logging.getLogger(__name__)

#: Items per pickled chunk: small enough that reading back holds little, large enough to be fast.
CHUNK_ITEMS = 2_000
FILE_PREFIX = "spool-"
_ALLOWED_CLASSES = frozenset(
    {
        ("datetime", "datetime"),
        ("datetime", "date"),
        ("datetime", "time"),
        ("datetime", "timezone"),
        ("datetime", "timedelta"),
    }
)
_PLAIN = (str, int, float, bool, type(None), dt.date, dt.time, dt.timedelta)

_folder_lock = threading.Lock()
_folder: Path | None = None


def spool_folder() -> Path:
    """This user's private spool folder, made when missing.

    A folder of that name owned by someone else, or open to others, may be a trap set in a shared
    ``/tmp``; then a fresh private folder of our own is used for the rest of this process.
    """
    global _folder
    with _folder_lock:
        if _folder is not None and _is_private_folder(_folder):
            return _folder
        candidate = Path(tempfile.gettempdir()) / f"partnerskabsradar-spool-{os.geteuid()}"
        with contextlib.suppress(FileExistsError):
            candidate.mkdir(mode=0o700)
        if not _is_private_folder(candidate):
            log.warning("spool folder %s is not private to this user; using a fresh one", candidate)
            candidate = Path(tempfile.mkdtemp(prefix="partnerskabsradar-spool-"))
        _folder = candidate
        return candidate


def _is_private_folder(path: Path) -> bool:
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid() and not info.st_mode & 0o077


def sweep(max_age_seconds: float = DEFAULT_LIMITS.spool_max_age_seconds) -> int:
    """Delete spool files not used for ``max_age_seconds``; returns how many were deleted."""
    folder = spool_folder()
    cutoff = time.time() - max_age_seconds
    removed = 0
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not entry.name.startswith(FILE_PREFIX):
                continue
            try:
                if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                    os.unlink(entry.path)
                    removed += 1
            except OSError:
                continue
    return removed


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


class _RestrictedUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED_CLASSES:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"forbidden class {module}.{name}")


class Spool:
    """Items (plain values, lists, tuples, dicts, dates) kept in a private file instead of memory.

    Iterating gives the items back in order. Raises :class:`lib.core.errors.FileRefused`
    (``limits.spool_failed``) when the file cannot be written, and ``limits.upload_expired`` when
    it is read after it was deleted (the import was stored or cancelled in another tab, or it lay
    unused for longer than ``ImportLimits.spool_max_age_seconds``).
    """

    def __init__(self, items: Iterable[Any], limits: ImportLimits = DEFAULT_LIMITS) -> None:
        sweep(limits.spool_max_age_seconds)
        folder = spool_folder()
        self.path = str(folder / f"{FILE_PREFIX}{secrets.token_hex(16)}")
        self.count = 0
        try:
            descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except OSError as error:
            log.warning("could not create a spool file in %s: %s", folder, error.strerror)
            raise FileRefused("limits.spool_failed") from None
        # From here on the file is deleted with this object, however the session ends.
        self._finalizer = weakref.finalize(self, _remove, self.path)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                chunk: list[Any] = []
                for item in items:
                    chunk.append(item)
                    if len(chunk) >= CHUNK_ITEMS:
                        self._write(handle, chunk)
                        chunk = []
                if chunk:
                    self._write(handle, chunk)
        except OSError as error:
            self.delete()
            log.warning("could not write a spool file in %s: %s", folder, error.strerror)
            raise FileRefused("limits.spool_failed") from None

    def _write(self, handle: io.BufferedWriter, chunk: list[Any]) -> None:
        pickle.dump(chunk, handle, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += len(chunk)

    def __iter__(self) -> Iterator[Any]:
        try:
            handle = open(self.path, "rb")  # noqa: SIM115 - closed below, also when the reader stops early
        except FileNotFoundError:
            raise FileRefused("limits.upload_expired") from None
        with handle:
            with contextlib.suppress(OSError):
                os.utime(handle.fileno())
            while True:
                try:
                    chunk = _RestrictedUnpickler(handle).load()
                except EOFError:
                    return
                yield from chunk

    def touch(self) -> None:
        """Mark the spool as in use, so that :func:`sweep` leaves it alone."""
        with contextlib.suppress(OSError):
            os.utime(self.path)

    @property
    def exists(self) -> bool:
        return os.path.exists(self.path)

    def delete(self) -> None:
        """Delete the file now (also safe when it is gone already)."""
        self._finalizer()


def plain(value: Any) -> Any:
    """``value`` as something a :class:`Spool` reads back: plain values and dates as they are,
    containers element by element, anything else as its text."""
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    return str(value)
