"""The network page on a big network (issue 16): it opens on the organisations while the whole map is
prepared in the background, offers the whole map once it is stored, keeps what it drew, and sends WebGL
traces above a size. "Big" is made small here (the demo), so the behaviour is tested, not the speed
(``benchmarks/bench_network_page.py`` measures that)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from lib.db import Database, NodePosition
from lib.network import metrics as netmetrics
from lib.network import plotting, whole_map
from tests.apptest_support import rerun
from tests.pages.test_network_page import chart_spec, node_points, run_page, selection, subheaders, whole_graph


@pytest.fixture
def big(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Callable[[], None]]]:
    """The demo counts as a big network; the background work is held back and handed to the test."""
    held: list[Callable[[], None]] = []
    monkeypatch.setattr(whole_map, "BIG_WORKSPACE", 10)
    monkeypatch.setattr(whole_map, "_start", held.append)
    whole_map.forget_preparations()
    yield held
    whole_map.forget_preparations()


def progress_texts(at: Any) -> list[str]:
    return [element.proto.text for element in at.get("progress")]


def view_options(at: Any) -> list[str]:
    return list(at.radio(key="net_view").options)


def stored_positions(db: Database, view: str) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(NodePosition).where(NodePosition.view == view)))


def test_big_network_opens_on_the_organisations_and_offers_the_whole_map_once_stored(
    demo: Database, big: list[Callable[[], None]]
) -> None:
    at = run_page()
    # The network is still being read: the page says so at once, and draws nothing yet.
    assert progress_texts(at) == ["Netværkskortet beregnes … 0 %"]
    assert not at.get("plotly_chart")
    assert len(big) == 1  # one preparation, started by the page; a rerun starts no other
    rerun(at)
    assert len(big) == 1

    (job,) = whole_map._JOBS.values()
    job.stage = "layout"  # the graph and the organisations are ready, the whole map is not
    rerun(at)
    assert view_options(at) == ["Kun organisationer", "Ringe omkring biblioteket"]
    assert at.radio(key="net_view").value == "organisations"
    G = whole_graph(demo)
    organisations = {v for v, kind in G.nodes(data="kind") if kind in ("organisation", "library")}
    assert set(node_points(chart_spec(at))) <= organisations
    assert progress_texts(at) and progress_texts(at)[0].startswith("Netværkskortet beregnes … 50 %")
    assert any("Hele netværkets kort beregnes i baggrunden" in info.value for info in at.info)
    assert stored_positions(demo, "whole") == 0

    big[0]()  # the background work runs to the end
    assert job.finished and job.error is None
    assert stored_positions(demo, "whole") == G.number_of_nodes()
    rerun(at)
    assert "Hele netværket" in view_options(at)
    assert not progress_texts(at)
    at.radio(key="net_view").set_value("whole")
    rerun(at)
    assert set(node_points(chart_spec(at))) == set(G)


def test_a_rerun_that_changes_nothing_draws_nothing_again(demo: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[int] = []
    measured: list[int] = []
    draw, measure = plotting.network_figure, netmetrics.node_metrics

    def counted_draw(*args: Any, **kwargs: Any) -> Any:
        drawn.append(1)
        return draw(*args, **kwargs)

    def counted_measure(*args: Any, **kwargs: Any) -> Any:
        measured.append(1)
        return measure(*args, **kwargs)

    monkeypatch.setattr(plotting, "network_figure", counted_draw)
    monkeypatch.setattr(netmetrics, "node_metrics", counted_measure)
    at = run_page()
    assert len(drawn) == 1 and len(measured) == 1
    rerun(at)
    assert len(drawn) == 1 and len(measured) == 1
    # A filter draws the chosen part anew but measures nothing again: the whole network's measures serve.
    at.pills(key="net_f_node_kinds").set_value(["library", "organisation"])
    rerun(at)
    assert len(drawn) == 2 and len(measured) == 1
    # Back to the first choice: the drawing kept for it is shown again.
    at.pills(key="net_f_node_kinds").set_value(list(at.pills(key="net_f_node_kinds").options))
    rerun(at)
    assert len(drawn) == 2 and len(measured) == 1


@pytest.mark.parametrize(("threshold", "kind"), [(10, "scattergl"), (100_000, "scatter")])
def test_webgl_traces_above_the_threshold(
    demo: Database, monkeypatch: pytest.MonkeyPatch, threshold: int, kind: str
) -> None:
    monkeypatch.setattr(plotting, "WEBGL_THRESHOLD", threshold)
    at = run_page()
    assert {trace["type"] for trace in chart_spec(at)["data"]} == {kind}


def test_a_click_on_a_big_map_opens_the_node_over_the_kept_drawing(
    demo: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plotting, "WEBGL_THRESHOLD", 10)
    G = whole_graph(demo)
    node = sorted(v for v, kind in G.nodes(data="kind") if kind == "organisation")[0]
    at = run_page()
    before = node_points(chart_spec(at))
    at.session_state["net_chart"] = selection(node)
    rerun(at)
    assert G.nodes[node]["label"] in subheaders(at)
    spec = chart_spec(at)
    assert node_points(spec) == before  # nothing moved
    ring = spec["data"][-1]  # the opened node, drawn on top of everything else
    assert ring["customdata"] == [node]
    assert all(trace.get("opacity") == 0.2 for trace in spec["data"][:-2])  # the rest is dimmed
