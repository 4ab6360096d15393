"""Excel templates to download, fill in and import: goals and measurements, partnerships,
assessments and evaluation answers.

Each template's header row is the one its importer recognises (the labels of the importer's
columns, in the language asked for; the importers recognise both languages), followed by no data.
A "Vejledning"/"Guide" sheet explains every column; imports never read that sheet. Files are
written by ``lib.core.spreadsheets.xlsx_bytes``, so nothing in them can be a formula.

Examples
--------
>>> template_xlsx("partnerships", "da")[:2]  # an xlsx file is a zip archive
b'PK'
>>> template_file_name("partnerships", "da")
'skabelon-partnerskaber.xlsx'
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import pandas as pd

from lib.core.i18n import t
from lib.core.spreadsheets import xlsx_bytes
from lib.ingest.planning_tables import Column, SheetSpec
from lib.planning.candidates import ASSESSMENT_SHEET, CRITERIA, DECISIONS
from lib.planning.evaluations import ITEM_CODES, SURVEY_SHEET, item_text
from lib.planning.goals import GOAL_SHEET, MEASUREMENT_SHEET
from lib.planning.partnerships import DEPTHS, FORMALISATIONS, PARTNERSHIP_SHEET, STAGES

TEMPLATES = ("goals", "partnerships", "assessments", "evaluations")
_FILE_NAMES = {
    "goals": {"da": "skabelon-maal", "en": "template-goals"},
    "partnerships": {"da": "skabelon-partnerskaber", "en": "template-partnerships"},
    "assessments": {"da": "skabelon-vurderinger", "en": "template-assessments"},
    "evaluations": {"da": "skabelon-evaluering", "en": "template-evaluation"},
}


def template_file_name(kind: str, lang: str = "da") -> str:
    """The file name a template is downloaded as."""
    return f"{_FILE_NAMES[kind][lang if lang in ('da', 'en') else 'da']}.xlsx"


def header(column: Column, lang: str) -> str:
    """The header a template writes for ``column``; a survey item shows its code and its text."""
    if column.field in ITEM_CODES:
        return f"{column.field} – {item_text(column.field, lang)}"
    return column.label(lang)


def headers(spec: SheetSpec, lang: str = "da") -> list[str]:
    """The header row of a sheet of ``spec``."""
    return [header(column, lang) for column in spec.columns]


def _vocabulary(prefix: str, codes: tuple[str, ...], lang: str) -> str:
    return ", ".join(t(f"{prefix}.{code}", lang) for code in codes)


def _guide_texts(lang: str) -> dict[str, str]:
    """An explanation for the columns that need one, by field."""
    date = t("table_import.guide.date", lang)
    score = t("table_import.guide.score", lang)
    staff = t("table_import.guide.staff", lang)

    def values(prefix: str, codes: tuple[str, ...]) -> str:
        return t("table_import.guide.values", lang, values=_vocabulary(prefix, codes, lang))

    return {
        "owner": staff,
        "assessor": staff,
        "decided_by": staff,
        "baseline_date": date,
        "target_date": date,
        "measured_on": date,
        "start_date": date,
        "end_date": date,
        "assessed_on": date,
        "decided_on": date,
        "ended_on": f"{date} {t('partnerships.guide.ended_on', lang)}",
        "unit": t("strategy.guide.unit", lang),
        "target": t("strategy.guide.target", lang),
        "goal": t("strategy.guide.goal", lang),
        "stage": values("partnerships.stage", (*STAGES, "ended")),
        "depth": values("partnerships.depth", DEPTHS),
        "formalisation": values("partnerships.formalisation", FORMALISATIONS),
        "decision": values("partners.decision", DECISIONS),
        "organisations": t("table_import.guide.list", lang),
        "goals": t("table_import.guide.list", lang),
        "contact_rhythm_days": t("partnerships.guide.rhythm", lang),
        **{code: score for code in CRITERIA},
        "influence": score,
        "interest": score,
        "value": score,
        "effort": score,
        "side": t("evaluations.guide.side", lang),
        "respondent": t("evaluations.guide.respondent", lang),
        **{code: t("evaluations.scale", lang) for code in ITEM_CODES},
    }


def _guide(specs: list[tuple[str, SheetSpec]], lang: str) -> pd.DataFrame:
    texts = _guide_texts(lang)
    rows = []
    for sheet_name, spec in specs:
        for column in spec.columns:
            explanation = texts.get(column.field, "")
            if column.required:
                explanation = f"{t('table_import.guide.required', lang)} {explanation}".strip()
            rows.append(
                {
                    t("import.col.sheet", lang): sheet_name,
                    t("table_import.guide.column", lang): header(column, lang),
                    t("table_import.guide.explanation", lang): explanation,
                }
            )
    return pd.DataFrame(rows, dtype=object)


def _specs(kind: str, lang: str) -> list[tuple[str, SheetSpec]]:
    builders: dict[str, Callable[[], list[tuple[str, SheetSpec]]]] = {
        "goals": lambda: [
            (t("strategy.sheet.goals", lang), GOAL_SHEET),
            (t("strategy.sheet.measurements", lang), MEASUREMENT_SHEET),
        ],
        "partnerships": lambda: [(t("partnerships.sheet.partnerships", lang), PARTNERSHIP_SHEET)],
        "assessments": lambda: [(t("partners.sheet.assessments", lang), ASSESSMENT_SHEET)],
        "evaluations": lambda: [(t("evaluations.sheet.responses", lang), SURVEY_SHEET)],
    }
    if kind not in builders:
        raise ValueError(f"unknown template: {kind}")
    return builders[kind]()


def template_frames(kind: str, lang: str = "da") -> dict[str, pd.DataFrame]:
    """The template's sheets: one empty table per sheet the importer reads, then the guide."""
    specs = _specs(kind, lang)
    frames = {name: pd.DataFrame(columns=headers(spec, lang), dtype=object) for name, spec in specs}
    frames[t("table_import.template_guide", lang)] = _guide(specs, lang)
    return frames


@functools.lru_cache(maxsize=2 * len(TEMPLATES) * 2)
def template_xlsx(kind: str, lang: str = "da") -> bytes:
    """The template ``kind`` (one of :data:`TEMPLATES`) as an xlsx file, headers in ``lang``.

    Kept once written: a page offers it on every draw and it never changes while the app runs.
    """
    return xlsx_bytes(template_frames(kind, lang))
