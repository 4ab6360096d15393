"""The background warm-up (lib.reporting.warmup): after a change, the heavy pages' answers are worked
out before anyone opens a page, and a page then finds them ready instead of building the network."""

from __future__ import annotations

import threading
import time

import pytest

from lib.core.access import LOCAL, Principal
from lib.db import Database, Person
from lib.db.revision import RevisionCache
from lib.network import build
from lib.reporting.overview import start_page
from lib.reporting.warmup import WarmUp
from lib.workspace.clock import workspace_today


def _no_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("the network was built again")

    monkeypatch.setattr(build, "_built", refuse)


def test_after_the_warm_up_the_start_page_is_ready_for_every_role(demo: Database, monkeypatch) -> None:
    warm_up = WarmUp(demo)
    assert warm_up.warm_once()
    assert warm_up.state.failed == ()
    _no_building(monkeypatch)
    today = workspace_today(demo)
    for who in (LOCAL, Principal(email="board@kommune.dk", role="viewer"), Principal(email="a@k.dk", role="editor")):
        page = start_page(demo.acting_as(who), today)
        assert page.overview is not None and page.overview.figures


def test_it_works_again_only_when_the_data_changed(demo: Database) -> None:
    warm_up = WarmUp(demo)
    assert warm_up.warm_once()
    assert not warm_up.warm_once()
    with demo.write() as session:
        session.add(Person(name="Ny Kontakt", name_key="ny kontakt", email="ny@example.dk"))
    assert warm_up.warm_once()


def test_the_thread_warms_up_after_a_change_and_stops(demo: Database) -> None:
    warm_up = WarmUp(demo, interval=0.05)
    warm_up.start()
    try:
        deadline = time.monotonic() + 60
        while warm_up.state.revision is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert warm_up.state.revision is not None
    finally:
        warm_up.stop(timeout=30)
    assert not warm_up._thread.is_alive()


def test_a_failing_job_is_skipped_and_named(demo: Database, monkeypatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("no")

    monkeypatch.setattr("lib.reporting.warmup.radar_page_data", broken)
    from lib.reporting import warmup

    jobs = tuple(warmup.Job(j.name, j.run) for j in warmup.JOBS if j.name != "checklist")
    jobs += (warmup.Job("checklist", warmup._for_editors(broken)),)
    warm_up = WarmUp(demo, jobs=jobs)
    assert warm_up.warm_once()
    assert warm_up.state.failed == ("checklist",)


def test_an_answer_being_made_is_made_once() -> None:
    cache, calls, answers = RevisionCache(max_entries=2), [], []
    started = threading.Event()

    def slow() -> int:
        calls.append(1)
        started.set()
        time.sleep(0.3)
        return 42

    first = threading.Thread(target=lambda: answers.append(cache.get_or_make("k", slow)))
    first.start()
    started.wait(5)
    answers.append(cache.get_or_make("k", slow))  # arrives while the first is still making it
    first.join()
    assert answers == [42, 42] and len(calls) == 1


def test_a_failed_answer_lets_the_next_caller_try() -> None:
    cache = RevisionCache(max_entries=2)

    def failing() -> int:
        raise ValueError("broken")

    with pytest.raises(ValueError):
        cache.get_or_make("k", failing)
    assert cache.get_or_make("k", lambda: 7) == 7


def test_after_the_warm_up_the_board_page_s_pack_is_ready(demo: Database, monkeypatch) -> None:
    import datetime as dt

    from lib.reporting import boardpack
    from lib.reporting.boardpack import content

    WarmUp(demo).warm_once()

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the pack was built again")

    monkeypatch.setattr(content, "build", refuse)
    today = workspace_today(demo)
    start = today - dt.timedelta(days=boardpack.DEFAULT_PERIOD_DAYS)
    # As the board page asks for it (components.board_views.cached_pack): every section, by name.
    pack = boardpack.board_pack(demo, start, today, "da", tuple(boardpack.SECTIONS), today=today)
    assert [s.key for s in pack.sections] == list(boardpack.SECTIONS)


def test_after_the_warm_up_administration_s_lists_are_ready(demo: Database, monkeypatch) -> None:
    from lib.privacy import admin_page

    WarmUp(demo).warm_once()

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("worked out again")

    monkeypatch.setattr(admin_page, "retention_candidates", refuse)
    monkeypatch.setattr(admin_page.informing, "uninformed_contacts", refuse)
    today = workspace_today(demo)
    # As the page asks for them, for the local user and for an administrator who logged in, in each language.
    for who in (LOCAL, Principal(email="chef@bib.dk", role="admin")):
        admin = demo.acting_as(who)
        assert admin_page.retention_list(admin, today).months > 0
        for lang in ("da", "en"):
            assert admin_page.informing_list(admin, today, lang).notices
