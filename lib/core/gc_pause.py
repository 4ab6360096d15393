"""The cyclic garbage collector held off while an import builds its hundreds of thousands of objects.

Reading a 100,000-row list allocates millions of lists, dicts and records that all stay alive until the
import is done. CPython's cyclic collector runs every few hundred allocations and, as the heap grows,
walks ever more of those live objects for nothing: none of them is garbage yet. :func:`gc_paused`
switches it off for the duration (reference counting still frees everything that is not a cycle) and
back on afterwards. The collector is one per process, so pauses from several threads (two uploads at
once in the dashboard) are counted: it comes back on when the last one ends, and only if it was on when
the first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]

_lock = threading.Lock()
_pauses = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector off inside the ``with`` block (see the module's text)."""
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
