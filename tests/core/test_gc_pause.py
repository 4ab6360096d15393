"""gc_paused: the collector off inside, back on after, also when pauses overlap across threads."""

from __future__ import annotations

import gc
import threading

import pytest

from lib.core.gc_pause import gc_paused


def test_the_collector_is_off_inside_and_on_after_also_after_an_error() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("the import failed")
    assert gc.isenabled()


def test_overlapping_pauses_keep_it_off_until_the_last_one_ends() -> None:
    first_in, second_done, states = threading.Event(), threading.Event(), []

    def first() -> None:
        with gc_paused():
            first_in.set()
            second_done.wait(5)
            states.append(("first, after the second ended", gc.isenabled()))

    worker = threading.Thread(target=first)
    worker.start()
    first_in.wait(5)
    with gc_paused():
        states.append(("both", gc.isenabled()))
    second_done.set()
    worker.join(5)
    assert states == [("both", False), ("first, after the second ended", False)]
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
