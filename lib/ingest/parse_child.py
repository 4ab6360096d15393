"""Running the parse child: turns per process, its command line and limits, and reading its answer.

What passed :mod:`lib.ingest.safe_read`'s checks is parsed in a child process (``lib.ingest.parse_worker``)
with memory, CPU and wall-clock limits, so a parser that crashes or hangs costs only that child, never
the server. A process runs at most ``limits.max_parallel_parses`` children at once (:func:`parse_slot`);
further uploads wait their turn. The child's answer is unpickled with only builtins and dates allowed.
"""

from __future__ import annotations

import contextlib
import contextvars
import io
import logging
import math
import os
import pickle
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from lib.core.config import DEFAULT_LIMITS, PROJECT_ROOT, ImportLimits
from lib.core.errors import FileRefused

log = logging.getLogger(__name__)

_WORKER_MODULE = "lib.ingest.parse_worker"

_ALLOWED_PICKLE_CLASSES = frozenset(
    {
        ("datetime", "datetime"),
        ("datetime", "date"),
        ("datetime", "time"),
        ("datetime", "timezone"),
        ("datetime", "timedelta"),
    }
)

_slots_lock = threading.Lock()

_slots: dict[int, threading.BoundedSemaphore] = {}

_on_wait: contextvars.ContextVar[Callable[[], None] | None] = contextvars.ContextVar("parse_on_wait", default=None)


@contextlib.contextmanager
def notify_when_waiting(callback: Callable[[], None]) -> Iterator[None]:
    """Call ``callback`` (e.g. to tell the user) when a read in this block has to wait for its turn.

    Set per thread of execution, so each Streamlit session tells only its own user.
    """
    token = _on_wait.set(callback)
    try:
        yield
    finally:
        _on_wait.reset(token)


@contextlib.contextmanager
def parse_slot(limits: ImportLimits = DEFAULT_LIMITS) -> Iterator[None]:
    """Hold one of the process's ``limits.max_parallel_parses`` turns to run a parse child.

    Each child may take ``parse_memory_bytes``; without turns, many users uploading at once would
    take the server's memory together. An upload that gets no turn at once calls the callback of
    :func:`notify_when_waiting`, and is refused (``limits.parse_busy``) when none frees within
    ``limits.parse_queue_seconds``.
    """
    slots = _parse_slots(limits.max_parallel_parses)
    if not slots.acquire(blocking=False):
        callback = _on_wait.get()
        if callback is not None:
            callback()
        if not slots.acquire(timeout=max(0.0, limits.parse_queue_seconds)):
            raise FileRefused("limits.parse_busy")
    try:
        yield
    finally:
        slots.release()


def _parse_slots(size: int) -> threading.BoundedSemaphore:
    with _slots_lock:
        return _slots.setdefault(max(1, size), threading.BoundedSemaphore(max(1, size)))


def run_worker(
    request: dict[str, Any], limits: ImportLimits, meanwhile: Callable[[], object] | None = None
) -> dict[str, Any]:
    """Parse in a child process; return its result, or raise the refusal it (or its death) means.

    The fast parser (python-calamine) runs first. When its child dies (a Rust abort on a sheet
    that claims to span the whole grid, or the memory limit), the slower streaming parser
    (openpyxl for xlsx, xlrd for xls) gets what is left of the time budget in a fresh child.
    ``meanwhile``, when given, is called once while the first child works (its time counts
    against the deadline).

    Raises
    ------
    FileRefused
        The child's own refusal, ``read.timeout`` when the time ran out, or ``read.crashed``.
    """
    deadline = time.monotonic() + limits.parse_seconds
    status, payload = _spawn({**request, "mode": "fast"}, limits, deadline, meanwhile)
    if status == "crashed" and request["kind"] != "csv" and deadline - time.monotonic() > 0.5:
        log.warning("fast parser died on %s upload; retrying with the streaming parser", request["kind"])
        status, payload = _spawn({**request, "mode": "stream"}, limits, deadline)
    if status == "ok":
        return payload
    if status == "refused":
        raise FileRefused(payload["key"], **payload.get("params", {}))
    if status == "timeout":
        raise FileRefused("read.timeout", seconds=limits.parse_seconds)
    raise FileRefused("read.crashed")


def worker_command(limits: ImportLimits) -> list[str]:
    """The command line of the parse child: this interpreter, no user site, no bytecode writing."""
    cpu_seconds = max(1, math.ceil(limits.parse_seconds) + 1)
    return [
        sys.executable,
        "-s",
        "-B",
        "-m",
        _WORKER_MODULE,
        str(limits.parse_memory_bytes),
        str(cpu_seconds),
    ]


def _worker_env() -> dict[str, str]:
    env = dict(os.environ)
    existing = env.get("PYTHONPATH")
    env["PYTHONPATH"] = str(PROJECT_ROOT) + (os.pathsep + existing if existing else "")
    env["RUST_BACKTRACE"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _spawn(
    request: dict[str, Any], limits: ImportLimits, deadline: float, meanwhile: Callable[[], object] | None = None
) -> tuple[str, dict[str, Any]]:
    """Run one child to completion or to the deadline, calling ``meanwhile`` while it works;
    ``(status, payload)``."""
    if deadline - time.monotonic() <= 0:
        return "timeout", {}
    # Limits are set by the child itself before it reads the file: preexec_fn is not safe in a
    # threaded parent such as the Streamlit server. The request reaches the child through an unnamed
    # temporary file rather than a pipe: a pipe is fed 64 KB at a time by this thread, which needs the
    # interpreter lock for each piece, and a busy parent (an import loading its modules meanwhile)
    # hands the lock over only every few milliseconds, so a 6 MB upload took a third of a second to
    # arrive. The answer still comes by pipe: the child may not write files.
    with tempfile.TemporaryFile() as request_file:
        request_file.write(pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL))
        request_file.seek(0)
        process = subprocess.Popen(
            worker_command(limits),
            stdin=request_file,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=str(PROJECT_ROOT),
            env=_worker_env(),
            start_new_session=True,
            close_fds=True,
        )
    try:
        if meanwhile is not None:
            meanwhile()
        # The child's answer waits in the pipe meanwhile (it writes only when done).
        out, err = process.communicate(timeout=deadline - time.monotonic())
    except subprocess.TimeoutExpired:
        _kill(process)
        return "timeout", {}
    except BaseException:
        _kill(process)
        raise
    return _child_outcome(process.returncode, out, err)


def _kill(process: subprocess.Popen[bytes]) -> None:
    """Kill the child's process group (only our child is in it) and reap it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    try:
        process.communicate(timeout=10)
    except (subprocess.TimeoutExpired, ValueError, OSError):
        process.kill()
        process.wait()


def _child_outcome(returncode: int, out: bytes, err: bytes) -> tuple[str, dict[str, Any]]:
    if returncode == -getattr(signal, "SIGXCPU", -1000):
        return "timeout", {}
    if returncode != 0:
        log.warning("parse child exited with %s: %s", returncode, err[-2000:].decode("utf-8", "replace"))
        return "crashed", {}
    try:
        message = _RestrictedUnpickler(io.BytesIO(out)).load()
    except Exception:  # noqa: BLE001 - any malformed answer means the child did not finish properly
        log.warning("parse child gave an unreadable answer: %s", err[-2000:].decode("utf-8", "replace"))
        return "crashed", {}
    if not isinstance(message, dict) or message.get("status") not in ("ok", "refused", "crashed"):
        return "crashed", {}
    if message["status"] == "crashed":
        log.warning("parse child gave up: %s", err[-2000:].decode("utf-8", "replace"))
    return message["status"], message


class _RestrictedUnpickler(pickle.Unpickler):
    """Unpickles only builtins and dates: a child compromised by a file cannot make us run code."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED_PICKLE_CLASSES:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"forbidden class {module}.{name}")
