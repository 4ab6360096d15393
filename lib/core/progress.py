"""Progress of long work, reported by lib and shown by whoever listens (a page's bar, the terminal).

A long job (an import, a template load, the board pack, a backup) takes an optional
``progress: Progress | None = None`` keyword and calls it with a :class:`ProgressStep` now and then:
which step it is on (a translation key, ``progress.step.*``) and how far it has come (``done`` of
``total`` of a ``unit``, ``progress.unit.*``; ``total`` is None when unknown). Nothing here knows
Streamlit or the terminal: ``components/progress.py`` draws an ``st.progress`` bar and
``lib/cli/progress.py`` a line on stderr.

Reports come in order: the steps of a job in the order it does them, and within one step ``done``
never goes down. A job reports the last count of a step (``done == total``) before the next step.

>>> seen: list[ProgressStep] = []
>>> report = throttled(seen.append, seconds=60)
>>> rows = RowCounter(report, "progress.step.check_rows", total=3, every=2)
>>> for _row in range(3):
...     rows.tick()
>>> rows.finish()
>>> [(s.step, s.done, s.total) for s in seen]
[('progress.step.check_rows', 0, 3), ('progress.step.check_rows', 3, 3)]

A hot loop pays one addition and one comparison per row (:meth:`RowCounter.tick`); the clock is read
only every ``every`` rows, and a listener hears at most one report per ``seconds`` of a step (the first
and the last always).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "NO_PROGRESS",
    "Progress",
    "ProgressStep",
    "RowCounter",
    "describe",
    "report_step",
    "throttled",
]


@dataclass(frozen=True, slots=True)
class ProgressStep:
    """One report: ``step`` (a translation key) with ``done`` of ``total`` ``unit`` (None: not known).

    >>> ProgressStep("progress.step.check_rows", 12_000, 100_000).fraction
    0.12
    """

    step: str
    done: int
    total: int | None = None
    unit: str = "rows"

    @property
    def fraction(self) -> float | None:
        """How far the step has come, 0.0 to 1.0; None when the total is not known."""
        if self.total is None:
            return None
        if self.total <= 0:
            return 1.0
        return min(1.0, max(0.0, self.done / self.total))

    @property
    def finished(self) -> bool:
        """The step's last report: all of a known total is done."""
        return self.total is not None and self.done >= self.total


#: Something that hears progress reports.
Progress = Callable[[ProgressStep], None]


def NO_PROGRESS(report: ProgressStep) -> None:  # noqa: N802 - a constant-like no-op listener
    """The listener that hears nothing: ``progress or NO_PROGRESS`` needs no test before each call."""


def report_step(progress: Progress | None, step: str, done: int = 0, total: int | None = None, unit: str = "") -> None:
    """Report ``step`` to ``progress`` when there is a listener (a one-line step of a job).

    >>> report_step(None, "progress.step.read_file")  # nobody listens: nothing happens
    """
    if progress is not None:
        progress(ProgressStep(step, done, total, unit or "rows"))


#: How often (seconds) :func:`throttled` lets a step's reports through.
THROTTLE_SECONDS = 0.2


def throttled(
    progress: Progress, *, seconds: float = THROTTLE_SECONDS, clock: Callable[[], float] = time.monotonic
) -> Progress:
    """``progress`` hearing at most one report per ``seconds``, but always a step's first report and
    its last (``done == total``), so a bar starts at once and ends full.

    >>> seen: list[ProgressStep] = []
    >>> quiet = throttled(seen.append, seconds=60)
    >>> for done in range(5):
    ...     quiet(ProgressStep("progress.step.check_rows", done, 4))
    >>> [s.done for s in seen]
    [0, 4]
    """
    last_step: list[str | None] = [None]
    last_time = [0.0]

    def forward(report: ProgressStep) -> None:
        now = clock()
        if report.step != last_step[0] or report.finished or now - last_time[0] >= seconds:
            last_step[0] = report.step
            last_time[0] = now
            progress(report)

    return forward


class RowCounter:
    """Counts the rows of one step and reports every ``every`` rows (and at :meth:`finish`).

    ``progress`` None costs nothing but the counting. Pass a :func:`throttled` listener to limit
    reports in time as well.
    """

    __slots__ = ("_next", "_reported", "done", "every", "progress", "start", "step", "total", "unit")

    def __init__(
        self,
        progress: Progress | None,
        step: str,
        total: int | None,
        *,
        every: int = 500,
        start: int = 0,
        unit: str = "rows",
    ) -> None:
        self.progress = progress
        self.step = step
        self.total = total
        self.every = max(1, every)
        self.start = start
        self.unit = unit
        self.done = start
        self._reported = start
        self._next = start + self.every if progress is not None else -1
        if progress is not None:
            progress(ProgressStep(step, start, total, unit))

    def tick(self, count: int = 1) -> None:
        """``count`` more rows done."""
        self.done += count
        if 0 <= self._next <= self.done:
            self._next = self.done + self.every
            self._report()

    def finish(self) -> None:
        """The step is done: report its last count (the total, when known), unless already reported."""
        if self.total is not None:
            self.done = max(self.done, self.total)
        if self.done != self._reported:
            self._report()

    def _report(self) -> None:
        self._reported = self.done
        if self.progress is not None:
            self.progress(ProgressStep(self.step, self.done, self.total, self.unit))


def describe(report: ProgressStep, lang: str) -> str:
    """The report as a person reads it: "Tjekker rækker: 12.000 af 100.000 rækker".

    >>> describe(ProgressStep("progress.step.check_rows", 12_000, 100_000), "da")
    'Tjekker rækker: 12.000 af 100.000 rækker'
    """
    from lib.core.i18n import t

    step = t(report.step, lang)
    if report.total is None and report.done == 0:
        return step
    if report.total is None:
        count = t(f"progress.unit.{report.unit}.open", lang, done=report.done)
    else:
        count = t(f"progress.unit.{report.unit}", lang, done=report.done, total=report.total)
    return t("progress.line", lang, step=step, count=count)
