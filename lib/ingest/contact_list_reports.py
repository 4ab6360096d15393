"""What a contact-list import tells the user: the result a page keeps, its problems, created and changed
records as rows, and the error report workbook.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from lib.core.config import DEFAULT_LIMITS, ImportLimits
from lib.core.errors import UserFacingError
from lib.core.i18n import format_value, label, t
from lib.ingest.contact_list_results import OUTCOMES, ImportResult
from lib.ingest.rows import Problem, shortened
from lib.ingest.upload_spool import Spool, plain


def for_session(result: ImportResult, limits: ImportLimits = DEFAULT_LIMITS) -> ImportResult:
    """What a page keeps of ``result`` between reruns: everything but the long lists.

    A preview of a big sheet has a row outcome for every row and possibly as many problems; kept in
    the session they would stay in the server's memory as long as the browser tab. The copy holds
    the first ``limits.preview_rows`` problems, row outcomes, records created by reference and field
    changes (``problem_total``, ``outcome_total``, ``referenced_total`` and ``change_total`` say how
    many there are) and every problem in a spool file for
    :func:`error_report_xlsx`. Call :meth:`ImportResult.discard` when the page lets go of it.
    """
    keep = limits.preview_rows
    lists = (result.problems, result.outcomes, result.referenced, result.changes, result.kept)
    if all(len(entries) <= keep for entries in lists):
        return result
    spooled = None
    if len(result.problems) > keep:
        spooled = Spool(
            ([p.file_name, p.sheet_name, p.row, p.column, p.key, plain(p.params), p.severity] for p in result.problems),
            limits,
        )
    return dataclasses.replace(
        result,
        problems=result.problems[:keep],
        outcomes=result.outcomes[:keep],
        problem_total=len(result.problems),
        outcome_total=len(result.outcomes),
        problem_spool=spooled,
        referenced=result.referenced[:keep],
        referenced_total=len(result.referenced),
        changes=result.changes[:keep],
        change_total=len(result.changes),
        kept=result.kept[:keep],
        kept_total=len(result.kept),
    )


def all_problems(result: ImportResult) -> list[Problem]:
    """Every problem of ``result``, also those :func:`for_session` left on disk.

    Raises FileRefused (``limits.upload_expired``) when that file is gone.
    """
    if result.problem_spool is None:
        return result.problems
    return [
        Problem(file_name, sheet_name, row, column, key, params, severity)
        for file_name, sheet_name, row, column, key, params, severity in result.problem_spool
    ]


def problem_rows(result: ImportResult, lang: str = "da", *, every: bool = False) -> list[dict[str, Any]]:
    """The row problems as plain rows (file, sheet, row, column, message, severity): those ``result``
    holds, or with ``every`` also those :func:`for_session` left on disk."""

    problems = all_problems(result) if every else result.problems
    return [
        {
            t("import.col.file", lang): p.file_name,
            t("import.col.sheet", lang): p.sheet_name,
            t("import.col.row", lang): p.row,
            t("import.col.column", lang): p.column,
            t("import.col.message", lang): p.message(lang),
            t("import.col.severity", lang): t(f"import.severity.{p.severity}", lang),
        }
        for p in problems
    ]


def referenced_rows(result: ImportResult, lang: str = "da") -> list[dict[str, Any]]:
    """What the import creates because a row named it, as plain rows (kind, name, file, sheet, row)."""

    return [
        {
            t("importrefs.col.kind", lang): t(f"importrefs.kind.{r.kind}", lang),
            t("importrefs.col.name", lang): r.name,
            t("import.col.file", lang): r.file_name,
            t("import.col.sheet", lang): r.sheet_name,
            t("import.col.row", lang): r.row,
        }
        for r in result.referenced
    ]


def change_rows(result: ImportResult, lang: str = "da", *, kept: bool = False) -> list[dict[str, Any]]:
    """Every field the import changes in a record that existed, as plain rows: kind of record, record,
    field, before and after, the values written as the pages write them. With ``kept``: the file's
    values that were not used (before: what stays; after: what the file says)."""

    entries = result.kept if kept else result.changes
    return [
        {
            t("importrefs.col.kind", lang): t(f"importrefs.table.{c.table}", lang),
            t("importrefs.col.record", lang): c.record,
            t("importrefs.col.field", lang): t(f"importrefs.field.{c.field}", lang),
            t("importrefs.col.old", lang): _shown_value(c.field, c.old, lang),
            t("importrefs.col.file" if kept else "importrefs.col.new", lang): _shown_value(c.field, c.new, lang),
        }
        for c in entries
    ]


#: Fields holding a code, and the prefix of its label in the translation table.
_CODE_LABELS = {"org_type": "orgtype", "sector": "sector", "kind": "relkind", "staff_role": "organisation.role"}


def _shown_value(field_name: str, value: Any, lang: str) -> str:

    if value is None or value == []:
        return ""
    if isinstance(value, bool):
        return t("common.yes" if value else "common.no", lang)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if field_name in _CODE_LABELS:
        return label(_CODE_LABELS[field_name], str(value), lang)
    return str(shortened(format_value(value, lang)))


def report_people(result: ImportResult) -> int:
    """How many rows of the files (each about one person, as a rule) the problem report quotes."""
    try:
        problems = all_problems(result)
    except UserFacingError:  # the full list on disk expired: the report holds the problems the page kept
        problems = result.problems
    return len({(p.file_name, p.sheet_name, p.row) for p in problems if p.row is not None})


def error_report_xlsx(result: ImportResult, lang: str = "da") -> bytes:
    """Every problem of an import (also those :func:`for_session` left on disk), and its counts per
    sheet, as an Excel workbook to download."""
    import pandas as pd

    from lib.core.spreadsheets import xlsx_bytes  # openpyxl: loaded when a report is asked for

    problems = pd.DataFrame(problem_rows(result, lang, every=True))
    if problems.empty:
        problems = pd.DataFrame(
            columns=[t(f"import.col.{c}", lang) for c in ("file", "sheet", "row", "column", "message", "severity")]
        )
    summary = pd.DataFrame(
        [
            {
                t("import.col.file", lang): s["file"],
                t("import.col.sheet", lang): s["sheet"],
                **{t(f"import.count.{name}", lang): s[name] for name in ("rows", *OUTCOMES)},
            }
            for s in result.per_sheet
        ]
    )
    return xlsx_bytes({t("import.report.problems", lang): problems, t("import.report.summary", lang): summary})
