"""Every chart reaches the screen through ``components.charts.show_chart`` (issue 15): only there is
``st.plotly_chart`` called, so no chart is drawn without its summary and its table of numbers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: The one file allowed to draw a plotly chart itself.
CHART_COMPONENT = "components/charts.py"


def plotly_chart_calls(source: str) -> list[int]:
    """Lines calling ``<anything>.plotly_chart(…)`` (``st``, ``st.sidebar``, a column) or naming it."""
    tree = ast.parse(source)
    return sorted(
        {node.lineno for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr == "plotly_chart"}
    )


def test_only_the_chart_component_calls_st_plotly_chart() -> None:
    sources = [
        ROOT / "dashboard.py",
        *sorted((ROOT / "pages").rglob("*.py")),
        *sorted((ROOT / "components").rglob("*.py")),
    ]
    found = {
        path.relative_to(ROOT).as_posix(): lines
        for path in sources
        if (lines := plotly_chart_calls(path.read_text(encoding="utf-8")))
    }
    assert set(found) == {CHART_COMPONENT}, found


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("st.plotly_chart(fig, theme=None, key='x')\n", True),
        ("left.plotly_chart(fig)\n", True),
        ("draw = st.plotly_chart\n", True),
        ("show_chart(fig, key='x')\n", False),
        ("st.dataframe(frame)\n", False),
    ],
)
def test_the_check_sees_a_plotly_chart_call(source: str, found: bool) -> None:
    assert bool(plotly_chart_calls(source)) is found
