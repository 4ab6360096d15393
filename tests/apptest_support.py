"""Helpers for driving a page with Streamlit's AppTest and reading what it shows.

Every page test opens its page the same way (optionally in English, with some session state set or
as a logged-in user), reruns it after a click, and reads plotly charts back out of the page. Those
steps live here once::

    from functools import partial

    from tests import apptest_support
    from tests.apptest_support import figure, rerun, values

    PAGE = "../pages/goals.py"
    run_page = partial(apptest_support.run_page, PAGE)

    at = run_page("en")                                 # opened, run, no exception
    spec = figure(at, "goals_overview_chart")           # the chart's plotly JSON
    xs = values(spec["data"][0]["x"])                   # its numbers as a plain list
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
from streamlit.testing.v1 import AppTest

#: Relative page paths ("../pages/goals.py", "../dashboard.py") are taken from this folder, as
#: ``AppTest.from_file`` does for a call from a file in it.
TESTS = Path(__file__).resolve().parent


def run_page(
    page: str | Path,
    lang: str | None = None,
    *,
    state: Mapping[str, Any] | None = None,
    secrets: Mapping[str, Any] | None = None,
    user: Mapping[str, Any] | None = None,
    timeout: float = 60,
) -> AppTest:
    """The page at ``page`` set up and run once; fails the test if the page raised.

    ``lang`` ("en"; ``None`` keeps the default Danish) goes into session state as ``lang``, then
    every item of ``state``. ``secrets`` replaces ``st.secrets`` (the login and roles settings) and
    ``user`` is ``st.user`` (a logged-in user is ``{"is_logged_in": True, "email": ...}``).
    ``timeout`` is the seconds each run of the script may take, this one and every later one.
    """
    at = AppTest.from_file(str(TESTS / page), default_timeout=timeout)
    if lang:
        at.session_state["lang"] = lang
    for key, value in (state or {}).items():
        at.session_state[key] = value
    if secrets is not None:
        at.secrets = dict(secrets)
    if user is not None:
        at.user = dict(user)
    return rerun(at)


def rerun(at: AppTest) -> AppTest:
    """Run the page again (after a click or a changed value); fails the test if the page raised."""
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


# --- plotly charts --------------------------------------------------------------------------------


def chart_keys(at: AppTest) -> list[str]:
    """The ``key=`` of every plotly chart on the page, in page order.

    A keyed element's id is ``$$ID-<hash>-<key>``, so the key is what follows the last hyphen.
    """
    return [chart.proto.id.rsplit("-", 1)[-1] for chart in at.get("plotly_chart")]


def figure(at: AppTest, key: str) -> dict:
    """The plotly spec (``{"data": [...], "layout": {...}}``) of the one chart drawn with ``key=key``."""
    charts = [chart for chart in at.get("plotly_chart") if chart.proto.id.endswith(f"-{key}")]
    assert len(charts) == 1, [chart.proto.id for chart in at.get("plotly_chart")]
    return json.loads(charts[0].proto.spec)


def _typed(array: Mapping[str, Any]) -> np.ndarray:
    """The numbers of a plotly typed array ``{"dtype": "f8", "bdata": <base64>, ...}``, flat."""
    return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"])


def values(array: list | dict) -> list:
    """A trace's data as a list, also when plotly sent it as a typed binary array."""
    if isinstance(array, dict):
        return _typed(array).tolist()
    return list(array)


def matrix(array: list | dict) -> list[list]:
    """A heat map's ``z`` as rows of numbers, also when plotly sent it as a typed binary array.

    A typed array carries its ``shape`` ("rows, columns"); its empty cells (NaN) come back as ``None``.
    A plain list of rows is given back row by row, each row read with :func:`values`.
    """
    if isinstance(array, dict):
        rows, columns = (int(n) for n in str(array["shape"]).split(","))
        return [[None if np.isnan(v) else float(v) for v in row] for row in _typed(array).reshape(rows, columns)]
    return [values(row) for row in array]


# --- what a reader sees ---------------------------------------------------------------------------

#: Elements whose ``value`` is text a reader sees.
_TEXT_ELEMENTS = ("title", "subheader", "markdown", "caption", "info", "success", "warning", "error")
#: Widgets whose label a reader sees.
_WIDGETS = (
    "selectbox",
    "multiselect",
    "radio",
    "date_input",
    "number_input",
    "text_input",
    "text_area",
    "button",
    "checkbox",
    "button_group",
    "download_button",
    "file_uploader",
)
#: Widgets that also show their options.
_WIDGETS_WITH_OPTIONS = ("selectbox", "multiselect", "radio")


def _title(part: dict) -> str:
    """The text of ``part["title"]`` of a plotly layout or axis, given as a dict or a plain string."""
    title = part.get("title", "")
    return title.get("text", "") if isinstance(title, dict) else str(title)


def shown_texts(at: AppTest) -> list[str]:
    """Every non-empty text on the page a reader sees, in no particular order.

    Headings and messages; metric labels and values; tab and expander labels; widget labels and
    the options of choice widgets; table column headers; and of every plotly chart its title, axis
    titles, trace names, hover texts and annotations.
    """
    shown = [element.value for kind in _TEXT_ELEMENTS for element in at.get(kind)]
    shown += [m.label for m in at.metric] + [m.value for m in at.metric]
    shown += [tab.label for tab in at.tabs] + [box.label for box in at.expander]
    for kind in _WIDGETS:
        for widget in at.get(kind):
            shown.append(widget.proto.label)
            if kind in _WIDGETS_WITH_OPTIONS:
                shown += [str(option) for option in widget.options]
    for table in at.dataframe:
        shown += [str(column) for column in table.value.columns]
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        layout = spec["layout"]
        shown += [_title(layout)] + [_title(layout.get(axis, {})) for axis in ("xaxis", "yaxis")]
        for trace in spec["data"]:
            shown.append(trace.get("name", ""))
            hover = trace.get("hovertext", [])
            shown += [hover] if isinstance(hover, str) else list(hover)
        shown += [annotation.get("text", "") for annotation in layout.get("annotations", [])]
    return [text for text in shown if text]


def workspace_today() -> dt.date:
    """Today as the pages see it: in the workspace's time zone (Copenhagen by default), which is a day
    ahead of the test machine's UTC date in the last hour or two before midnight UTC."""
    from lib.workspace import clock

    return clock.today(clock.zone(None))


# --- downloads ------------------------------------------------------------------------------------


def deferred_downloads(monkeypatch: Any) -> dict[str, Any]:
    """From now on, the file behind every deferred download button drawn, by file name: calling it is
    what a click downloads (and logs). ``monkeypatch`` is pytest's fixture."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    made: dict[str, Any] = {}
    original = MediaFileManager.add_deferred

    def remember(self: MediaFileManager, data_callable: Any, *args: Any, **kwargs: Any) -> str:
        made[kwargs.get("file_name") or args[2]] = data_callable
        return original(self, data_callable, *args, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", remember)
    return made
