"""Tables (pandas frames) made from the rows a service collected, typed column by column, and the one
test for a missing value.

A frame is made with ``dtype=object`` so that missing text and dates stay ``None`` (pandas would
otherwise turn them into NaN or NaT, which a page shows as "nan" and an export writes as a number);
then the columns that hold numbers or flags are given their type.

A value read back from a frame may still be missing in any of pandas' ways (``None``, NaN, NaT,
``pd.NA``), and each of them is true in an ``if``: ``f"{name} ({email})" if email else name`` writes
"Karen (nan)". :func:`is_missing` is the test for all of them, :func:`text_or_none` the value as text
or None, for every place that turns a value from a frame into words.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd


def is_missing(value: Any) -> bool:
    """True for every way Python and pandas say "no value": None, NaN, NaT and ``pd.NA``.

    Text (also ""), numbers, dates and containers are values; a list is never "missing" as a whole.
    """
    if value is None:
        return True
    if isinstance(value, (str, bytes, bool, int, list, tuple, dict, set, frozenset)):
        return False
    try:
        missing = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return isinstance(missing, (bool, np.bool_)) and bool(missing)


def text_or_none(value: Any) -> str | None:
    """``value`` as text, or None when it is missing or empty: what a label or a cell may show."""
    if is_missing(value):
        return None
    text = str(value)
    return text if text.strip() else None


def _readable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(key): _readable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_readable(item) for item in value]
    return "" if is_missing(value) else value


def payload_text(value: Any, *, limit: int | None = None, default: Callable[[Any], Any] = str) -> str:
    """A stored payload (the old values of an import change in a person's export) as one line of JSON
    for a person to read: a missing value is written as empty text, never as ``null``.

    Cut to ``limit`` characters (the last one "…") when given. Machine-readable copies (the person
    export's JSON file) keep the payload as it is. ``default`` writes what JSON has no type for.
    """
    if not value and not isinstance(value, (int, float)):  # None, and a payload with nothing in it
        return ""
    text = json.dumps(_readable(value), ensure_ascii=False, sort_keys=True, default=default)
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


def typed_frame(
    rows: Iterable[Mapping[str, Any]],
    columns: Iterable[str],
    *,
    integers: Iterable[str] = (),
    whole_or_missing: Iterable[str] = (),
    floats: Iterable[str] = (),
    booleans: Iterable[str] = (),
) -> pd.DataFrame:
    """A frame of ``rows`` with ``columns`` (in that order, also when there are no rows).

    ``integers`` are whole numbers that are never missing (``int``); ``whole_or_missing`` whole
    numbers that may be missing (pandas ``Int64``, missing as ``pd.NA``); ``floats`` become ``float``
    and ``booleans`` ``bool``. Every other column keeps its values as they are, ``None`` included.
    """
    frame = pd.DataFrame(list(rows), columns=list(columns), dtype=object)
    for name in integers:
        frame[name] = frame[name].astype(int)
    for name in whole_or_missing:
        frame[name] = frame[name].astype("Int64")
    for name in floats:
        frame[name] = frame[name].astype(float)
    for name in booleans:
        frame[name] = frame[name].astype(bool)
    return frame
