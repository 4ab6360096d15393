"""Settings read from the environment, with defaults that work on a laptop.

One setting chooses the database (``DATABASE_URL``); everything else has a sensible default so that a
library can start the dashboard without configuring anything.
"""

from __future__ import annotations

import os
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB_PATH = PROJECT_ROOT / "data" / "workspace.sqlite"


def database_url(explicit: str | None = None) -> str:
    """The database to use: an explicit URL, else ``DATABASE_URL``, else the local SQLite file."""
    if explicit:
        return explicit
    from_env = os.environ.get("DATABASE_URL", "").strip()
    if from_env:
        return from_env
    return f"sqlite:///{DEFAULT_DB_PATH}"


def warm_up_enabled() -> bool:
    """Whether a running dashboard works out the heavy pages' answers in the background after every
    change (``lib.reporting.warmup``): on, unless ``PARTNERSKABSRADAR_WARM_UP`` is ``0`` (the tests,
    which time and count work themselves, switch it off)."""
    return os.environ.get("PARTNERSKABSRADAR_WARM_UP", "1").strip() != "0"


@dataclass(frozen=True)
class ImportLimits:
    """Bounds that keep one hostile or huge upload from hurting everyone else on the server."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_uncompressed_bytes: int = 400 * 1024 * 1024
    max_compression_ratio: float = 200.0
    max_zip_entries: int = 10_000
    max_rows_per_sheet: int = 200_000
    max_columns: int = 500
    parse_seconds: float = 120.0
    parse_memory_bytes: int = 3 * 1024 * 1024 * 1024
    #: Parse children one dashboard process runs at once. Each may take ``parse_memory_bytes``, and
    #: parsing is CPU-bound, so more at once would only make every upload slower and the server's
    #: memory unbounded; further uploads wait their turn, and their users are told so.
    max_parallel_parses: int = 2
    #: How long an upload waits for its turn before it is refused as "the server is busy".
    parse_queue_seconds: float = 300.0
    #: Problems and row outcomes an import preview keeps for the page to show; the downloadable
    #: report still lists every problem (kept on disk, see ``lib.ingest.upload_spool``).
    preview_rows: int = 1_000
    #: An upload's spool file unused this long belongs to a session (or a process) that is gone.
    spool_max_age_seconds: float = 12 * 3600


DEFAULT_LIMITS = ImportLimits()


def calendar_feed_url() -> str | None:
    """The public address of the calendar feed's server (``PARTNERSKABSRADAR_CALENDAR_URL``, e.g.
    ``https://kalender.example-kommune.dk``, the last server of deploy/nginx.conf); None when it is not
    set or not a plain https address with a host, and then no subscription address is offered.

    >>> import os; os.environ["PARTNERSKABSRADAR_CALENDAR_URL"] = "https://kalender.solhoej.dk/"
    >>> calendar_feed_url()
    'https://kalender.solhoej.dk'
    >>> os.environ["PARTNERSKABSRADAR_CALENDAR_URL"] = "javascript:alert(1)"; calendar_feed_url() is None
    True
    >>> del os.environ["PARTNERSKABSRADAR_CALENDAR_URL"]
    """
    value = os.environ.get("PARTNERSKABSRADAR_CALENDAR_URL", "").strip().rstrip("/")
    parts = urllib.parse.urlsplit(value)
    plain = parts.scheme == "https" and parts.hostname and not (parts.query or parts.fragment or parts.username)
    return value if plain and len(value) <= 300 and not any(c in value for c in " \"'<>") else None


#: Where the evaluation links point when ``PUBLIC_URL`` is not set: the dashboard on this machine.
DEFAULT_PUBLIC_URL = "http://localhost:8501"


def public_url() -> str:
    """The address partners open evaluation links on (``PUBLIC_URL``, e.g. ``https://svar.example-kommune.dk``,
    the evaluation server of deploy/nginx.conf), without a trailing slash; :data:`DEFAULT_PUBLIC_URL`
    when it is not set or not a plain http(s) address with a host.

    >>> import os; os.environ["PUBLIC_URL"] = "https://svar.solhoej.dk/"
    >>> public_url()
    'https://svar.solhoej.dk'
    >>> os.environ["PUBLIC_URL"] = "javascript:alert(1)"; public_url()
    'http://localhost:8501'
    >>> del os.environ["PUBLIC_URL"]
    """
    value = os.environ.get("PUBLIC_URL", "").strip().rstrip("/")
    parts = urllib.parse.urlsplit(value)
    plain = (
        parts.scheme in ("http", "https") and parts.hostname and not (parts.query or parts.fragment or parts.username)
    )
    fine = plain and len(value) <= 300 and not any(c in value for c in " \"'<>")
    return value if fine else DEFAULT_PUBLIC_URL
