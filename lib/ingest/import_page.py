"""What the import page shows, apart from the widgets: its one read and the tables it draws.

The page (``pages/importer.py`` with ``components/importer.py`` and ``components/import_views.py``)
reads the workspace once per draw through :func:`import_page_data` and builds its tables with the
pure functions here, so that no component opens a transaction or decides what a table holds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any
from zoneinfo import ZoneInfo

from lib.core.access import requires
from lib.core.errors import UserFacingError
from lib.core.i18n import t
from lib.db import Database
from lib.ingest.contact_lists import (
    CREATED_KINDS,
    OUTCOMES,
    REFERENCED_KINDS,
    ImportResult,
    PreparedSheet,
    batch_counts,
    error_report_xlsx,
    list_batches,
)
from lib.library.setup import is_empty_workspace
from lib.workspace.clock import format_local, workspace_timezone

#: How many values of a column the mapping editor shows as its example.
SAMPLE_VALUES = 3
#: How much of each example value is shown.
SAMPLE_LENGTH = 40
#: Words the preview names in its one line about unknown words; the picker lists them all.
WORDS_NAMED = 8
#: What the preview counts as created, apart: an affiliation is the link of two records, not news.
CREATED_SHOWN = tuple(kind for kind in CREATED_KINDS if kind != "affiliations")


@dataclass(frozen=True)
class BatchSummary:
    """One earlier import as the history lists it."""

    id: int
    created_at: dt.datetime | None
    file_name: str
    status: str
    counts: Mapping[str, int]


@dataclass(frozen=True)
class ImportPageData:
    """Everything the import page reads from the workspace: whether it is empty (the examples open
    by themselves then), the earlier imports newest first, and the time zone their times are shown in."""

    workspace_empty: bool
    batches: tuple[BatchSummary, ...]
    zone: ZoneInfo

    @property
    def undoable(self) -> tuple[BatchSummary, ...]:
        """The imports that can still be undone (stored, not undone), newest first."""
        return tuple(batch for batch in self.batches if batch.status == "committed")


@requires("import")
def import_page_data(db: Database) -> ImportPageData:
    """The import page's one read: the workspace's emptiness, its import history and its time zone."""
    with db.read() as session:
        return ImportPageData(
            workspace_empty=is_empty_workspace(session),
            batches=tuple(
                BatchSummary(
                    id=batch.id,
                    created_at=batch.created_at,
                    file_name=batch.file_name,
                    status=batch.status,
                    counts=batch_counts(batch),
                )
                for batch in list_batches(session)
            ),
            zone=workspace_timezone(session),
        )


def batch_rows(batches: Iterable[BatchSummary], lang: str, zone: ZoneInfo) -> list[dict[str, Any]]:
    """The history table: number, when, file, status and the accounting of each import, in the order given."""
    return [
        {
            "#": batch.id,
            t("importpage.col_when", lang): format_local(batch.created_at, lang, zone),
            t("import.col.file", lang): batch.file_name,
            t("importpage.col_status", lang): t(f"importpage.status_{batch.status}", lang),
            **{t(f"import.count.{name}", lang): batch.counts.get(name, 0) for name in ("rows", *OUTCOMES)},
        }
        for batch in batches
    ]


def batch_label(batch: BatchSummary) -> str:
    """How the undo picker names an import: "#3 · kontakter.xlsx"."""
    return f"#{batch.id} · {batch.file_name}"


def outcome_rows(result: ImportResult, lang: str, outcomes: Iterable[str]) -> list[dict[str, Any]]:
    """What happened to each row the result holds (file, sheet, row, outcome, record), only the chosen ``outcomes``."""
    chosen = set(outcomes)
    return [
        {
            t("import.col.file", lang): o.file_name,
            t("import.col.sheet", lang): o.sheet_name,
            t("import.col.row", lang): o.row,
            t("import.col.outcome", lang): t(f"import.count.{o.outcome}", lang),
            t("import.col.record", lang): o.label,
        }
        for o in result.outcomes
        if o.outcome in chosen
    ]


def column_examples(sheet: PreparedSheet) -> list[str]:
    """An example per column of ``sheet``: its first few values that are not empty, shortened, joined by " · "."""
    examples = []
    for index in range(len(sheet.columns)):
        values: list[str] = []
        for row in sheet.table.rows:
            value = row[index] if index < len(row) else None
            if value not in (None, ""):
                values.append(str(value)[:SAMPLE_LENGTH])
            if len(values) == SAMPLE_VALUES:
                break
        examples.append(" · ".join(values))
    return examples


def listing(parts: Sequence[str], lang: str) -> str:
    """``parts`` as a sentence names them: "a", "a and b", "a, b and c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {t('importrefs.and', lang)} {parts[-1]}"


def referenced_summary(counts: Mapping[str, int] | None, lang: str) -> str:
    """What an import creates because its rows name it, as a sentence names it: "2 medarbejdere og
    1 organisation"; "" when it creates nothing that way."""
    counts = counts or {}
    parts = [
        t(f"importrefs.referenced.{kind}", lang, count=counts[kind]) for kind in REFERENCED_KINDS if counts.get(kind)
    ]
    return listing(parts, lang)


def named_words(words: Sequence[str], lang: str) -> str:
    """The unknown words the preview's one line names: the first :data:`WORDS_NAMED`, then "…"."""
    named = ", ".join(words[:WORDS_NAMED])
    return named + ", " + t("vocab.more_words", lang) if len(words) > WORDS_NAMED else named


def import_report_xlsx(result: ImportResult, lang: str) -> bytes:
    """The Excel report of ``result``, made only when asked for (a big one is not built on every draw):
    every problem, or, when the full list on disk has expired, the problems the page holds."""
    try:
        return error_report_xlsx(result, lang)
    except UserFacingError:
        return error_report_xlsx(replace(result, problem_spool=None), lang)


def preview_fingerprint(sheets: Iterable[PreparedSheet], words: Mapping[str, Mapping[str, str | None]]) -> str:
    """A digest of every choice the preview depends on (sheets, roles, mappings, update modes, chosen
    words): the page previews again exactly when it changes."""
    settings = [(s.label, s.include, s.role, s.mapping, s.create_referenced, s.update_mode) for s in sheets]
    return hashlib.sha256(json.dumps([settings, words], sort_keys=True).encode()).hexdigest()


def file_digest(name: str, data: bytes) -> str:
    """What tells one uploaded file from another: its name and its bytes."""
    return hashlib.sha256(name.encode() + b"\0" + data).hexdigest()[:16]
