"""lib.core.dates: the one place that turns values into dates and counts calendar months."""

from __future__ import annotations

import datetime as dt
import doctest

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.core import dates
from lib.core.dates import as_date, months_before
from lib.core.errors import ValidationFailed

DAYS = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


def test_the_examples_in_the_docstrings_hold() -> None:
    assert doctest.testmod(dates).failed == 0


@pytest.mark.parametrize("empty", [None, float("nan"), pd.NaT, np.datetime64("NaT"), "", "   ", []])
def test_nothing_is_no_date(empty: object) -> None:
    assert as_date(empty) is None


@given(day=DAYS, hour=st.integers(0, 23))
def test_every_form_of_a_day_gives_that_day(day: dt.date, hour: int) -> None:
    moment = dt.datetime(day.year, day.month, day.day, hour)
    forms = [
        day,
        moment,
        pd.Timestamp(moment),
        np.datetime64(moment),
        day.isoformat(),
        moment.isoformat(),
        day.strftime("%d-%m-%Y"),
    ]
    assert {as_date(form) for form in forms} == {day}


def test_text_that_is_no_date_is_refused_with_the_users_text() -> None:
    with pytest.raises(ValidationFailed) as refused:
        as_date("31-02-2024")
    assert refused.value.key == "value.date_invalid"
    assert refused.value.params["value"] == "31-02-2024"


def test_months_before_keeps_the_day_or_takes_the_months_last() -> None:
    assert months_before(dt.date(2026, 11, 25), 24) == dt.date(2024, 11, 25)
    assert months_before(dt.date(2024, 3, 31), 1) == dt.date(2024, 2, 29)
    assert months_before(dt.date(2026, 12, 31), 1) == dt.date(2026, 11, 30)
    assert months_before(dt.date(2026, 1, 31), 1) == dt.date(2025, 12, 31)


@given(day=DAYS, months=st.integers(0, 600))
def test_months_before_goes_back_exactly_that_many_months(day: dt.date, months: int) -> None:
    earlier = months_before(day, months)
    assert (day.year * 12 + day.month) - (earlier.year * 12 + earlier.month) == months
    assert earlier.day == day.day or earlier.day < day.day and (earlier + dt.timedelta(days=1)).day == 1


def test_a_chart_axis_takes_its_days_from_whatever_a_frame_column_holds() -> None:
    from lib.core.charts import date_ticks

    column = [pd.Timestamp("2026-03-12 09:30"), pd.NaT, "2026-03-13T10:00:00", None, dt.date(2026, 3, 12)]
    assert date_ticks(column, "da") == (["2026-03-12", "2026-03-13"], ["12-03-2026", "13-03-2026"])
