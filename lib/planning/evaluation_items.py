"""The evaluation's item bank: dimensions, items, the answer scale and the bands of a mean."""

from __future__ import annotations

import pandas as pd

from lib.core.i18n import t
from lib.db import RESPONDENT_SIDES

DIMENSIONS = ("samarbejde", "fremdrift", "resultater")

#: The item bank: (code, dimension). Texts: ``evaluations.item.<code>``.
ITEMS: tuple[tuple[str, str], ...] = (
    ("sam1", "samarbejde"),
    ("sam2", "samarbejde"),
    ("sam3", "samarbejde"),
    ("sam4", "samarbejde"),
    ("sam5", "samarbejde"),
    ("frem1", "fremdrift"),
    ("frem2", "fremdrift"),
    ("frem3", "fremdrift"),
    ("frem4", "fremdrift"),
    ("res1", "resultater"),
    ("res2", "resultater"),
    ("res3", "resultater"),
    ("res4", "resultater"),
)

ITEM_CODES = tuple(code for code, _ in ITEMS)

SIDES = RESPONDENT_SIDES

SCALE = (1, 5)

BANDS = ("strength", "discuss", "concern")

STRENGTH_AT = 4.0

DISCUSS_AT = 3.0

GAP_FLAG = 1.0

HEALTH_WEIGHTS = {"evaluation": 0.5, "contact": 0.25, "goals": 0.25}

ENTITY = "evaluation_round"


def dimension_of(code: str) -> str:
    """The dimension of an item code ("sam2" → "samarbejde")."""
    return dict(ITEMS)[code]


def items_of(dimension: str) -> list[str]:
    return [code for code, dim in ITEMS if dim == dimension]


def item_text(code: str, lang: str = "da") -> str:

    return t(f"evaluations.item.{code}", lang)


def band(mean: float | None) -> str | None:
    """The reading band of a mean: ``strength`` (>= 4.0), ``discuss`` (>= 3.0), ``concern``; None for None."""
    if mean is None or pd.isna(mean):
        return None
    if mean >= STRENGTH_AT:
        return "strength"
    if mean >= DISCUSS_AT:
        return "discuss"
    return "concern"
