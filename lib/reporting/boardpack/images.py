"""Pictures of plotly figures for the PDF and the PowerPoint network slide, through kaleido.

kaleido drives one headless Chromium per process. :mod:`lib.network.export` already starts it once
under a lock (``kaleido.start_sync_server``), serialises renders and guards against a hung browser;
the board pack reuses that server rather than starting a second one (:func:`png`).

A renderer is any ``(figure, width, height) -> PNG bytes`` callable, so a caller can swap it (the
benchmark compares the shared server with a fresh browser per picture, :func:`one_shot_png`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from lib.network.export import ImageExportUnavailable, figure_image, image_export_available

__all__ = ["ImageExportUnavailable", "Renderer", "available", "one_shot_png", "png", "warm_up"]

_LOG = logging.getLogger(__name__)
_warm_up_lock = threading.Lock()
_warm_up_thread: threading.Thread | None = None

#: Pixel density of every picture: sharp on a projector and in print.
SCALE = 2.0

Renderer = Callable[[Any, int, int], bytes]


def available() -> bool:
    """Whether pictures can be made here (a browser is installed and has not failed)."""
    return image_export_available()


def png(fig: Any, width: int, height: int) -> bytes:
    """``fig`` as a PNG of ``width`` × ``height`` CSS pixels (at :data:`SCALE`), by the shared browser.

    Raises :class:`ImageExportUnavailable` when there is no browser or it failed.
    """
    return figure_image(fig, "png", width=width, height=height, scale=SCALE)


def warm_up() -> None:
    """Start the shared browser in the background, once per process, if it is not running yet.

    Starting Chromium takes seconds of mostly waiting; a caller that will need pictures soon (a
    report about to be built) calls this first, so the start overlaps reading the database. Later
    pictures wait for the start through the same lock as always; a failure shows up there.
    """
    global _warm_up_thread
    with _warm_up_lock:
        if _warm_up_thread is not None or not available():
            return
        _warm_up_thread = threading.Thread(target=_first_picture, name="board-pictures-warm-up", daemon=True)
        _warm_up_thread.start()


def _first_picture() -> None:
    import plotly.graph_objects as go

    try:
        png(go.Figure(), 16, 16)
    except ImageExportUnavailable:
        _LOG.warning("the browser for board pack pictures could not be started")


def one_shot_png(fig: Any, width: int, height: int) -> bytes:
    """``fig`` as a PNG from a browser started for this picture alone (kaleido without its server).

    Only for comparison: each call pays a browser start. Call it in a process where the shared
    server has not been started, or kaleido hands the work to that server instead.
    """
    import kaleido

    spec = fig.to_dict() if hasattr(fig, "to_dict") else dict(fig)
    data = kaleido.calc_fig_sync(spec, opts={"format": "png", "width": width, "height": height, "scale": SCALE})
    return data if isinstance(data, bytes) else bytes(data)
