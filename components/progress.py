"""A progress bar for long work on a page: ``st.progress`` fed by a lib job's ``progress`` reports.

Work that is over within :data:`SHOW_AFTER_SECONDS` shows nothing; after that the bar appears at the
first report (lazily, where the work is drawn) with the step and the count ("Tjekker rækker: 12.000 af
100.000 rækker", ``lib.core.progress.describe``) and is removed when the work ends, also on an error.

    with progress_bar() as progress:
        result = run_import(db, sheets, commit=True, progress=progress)
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st

from components.context import lang
from components.safe_markdown import escape_markdown
from lib.core.progress import Progress, ProgressStep, describe, throttled

#: Seconds of work before a bar appears: shorter work is done before a bar would help.
SHOW_AFTER_SECONDS = 2.0

_in_cached_function: contextvars.ContextVar[bool] | None
try:  # Streamlit's own flag (not public): whether what is drawn now is recorded for a cached function
    from streamlit.runtime.caching.cached_message_replay import in_cached_function as _in_cached_function
except ImportError:  # pragma: no cover - another Streamlit; tests/pages/test_progress_bars.py would say so
    _in_cached_function = None


@contextmanager
def _not_recorded() -> Iterator[None]:
    """Draw outside Streamlit's record of a cached function (``st.cache_data``), which draws everything
    it recorded again when the result later comes from the cache: a bar belongs to the run that did the
    work, not to every later run (the board page builds its pack inside ``st.cache_data``)."""
    if _in_cached_function is None:
        yield
        return
    token = _in_cached_function.set(False)
    try:
        yield
    finally:
        _in_cached_function.reset(token)


class _Bar:
    """Draws reports once the work has taken :data:`SHOW_AFTER_SECONDS`; :meth:`remove` takes the bar away."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.element: Any = None
        self.lang = lang()

    def __call__(self, report: ProgressStep) -> None:
        if self.element is None and time.monotonic() - self.started < SHOW_AFTER_SECONDS:
            return
        fraction = report.fraction
        value = 0.0 if fraction is None else fraction
        text = escape_markdown(describe(report, self.lang))
        with _not_recorded():
            if self.element is None:
                self.element = st.progress(value, text=text)
            else:
                self.element.progress(value, text=text)

    def remove(self) -> None:
        if self.element is not None:
            self.element.empty()
            self.element = None


@contextmanager
def progress_bar() -> Iterator[Progress]:
    """A listener for a lib job's ``progress`` that shows a bar when the work is slow (see the module)."""
    bar = _Bar()
    try:
        yield throttled(bar)
    finally:
        bar.remove()
