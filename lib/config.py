"""Settings read from the environment, with defaults that work on a laptop.

One setting chooses the database (``DATABASE_URL``); everything else has a sensible default so that a
library can start the dashboard without configuring anything.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = PROJECT_ROOT / "data" / "workspace.sqlite"


def database_url(explicit: str | None = None) -> str:
    """The database to use: an explicit URL, else ``DATABASE_URL``, else the local SQLite file."""
    if explicit:
        return explicit
    from_env = os.environ.get("DATABASE_URL", "").strip()
    if from_env:
        return from_env
    return f"sqlite:///{DEFAULT_DB_PATH}"


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


DEFAULT_LIMITS = ImportLimits()
