"""Tables (pandas frames) made from the rows a service collected, typed column by column.

A frame is made with ``dtype=object`` so that missing text and dates stay ``None`` (pandas would
otherwise turn them into NaN or NaT, which a page shows as "nan" and an export writes as a number);
then the columns that hold numbers or flags are given their type.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd


def typed_frame(rows: Iterable[Mapping[str, Any]], columns: Iterable[str], *, integers: Iterable[str] = (),
                whole_or_missing: Iterable[str] = (), floats: Iterable[str] = (),
                booleans: Iterable[str] = ()) -> pd.DataFrame:
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
