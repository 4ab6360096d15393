"""The progress protocol (``lib.core.progress``): the throttle, the row counter and the words."""

from __future__ import annotations

from lib.core.progress import NO_PROGRESS, ProgressStep, RowCounter, describe, throttled

CHECK = "progress.step.check_rows"


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_throttle_lets_through_a_steps_first_and_last_report_and_one_per_interval() -> None:
    seen: list[ProgressStep] = []
    clock = FakeClock()
    report = throttled(seen.append, seconds=0.2, clock=clock)
    for done in range(0, 1001):
        clock.now = done * 0.001  # a row a millisecond: one second in all
        report(ProgressStep(CHECK, done, 1000))
    dones = [s.done for s in seen]
    assert dones[0] == 0 and dones[-1] == 1000
    assert 5 <= len(dones) <= 7  # about one per 0.2 s, not a thousand
    report(ProgressStep("progress.step.store", 0, 4, "tables"))  # a new step is heard at once
    assert seen[-1].step == "progress.step.store"


def test_the_row_counter_reports_every_n_rows_and_the_total_once_at_the_end() -> None:
    seen: list[ProgressStep] = []
    counter = RowCounter(seen.append, CHECK, total=10, every=4)
    for _row in range(10):
        counter.tick()
    counter.finish()
    assert [s.done for s in seen] == [0, 4, 8, 10]
    assert seen[-1].finished and seen[-1].fraction == 1.0


def test_nobody_listening_costs_nothing_and_raises_nothing() -> None:
    counter = RowCounter(None, CHECK, total=3)
    for _row in range(3):
        counter.tick()
    counter.finish()
    assert counter.done == 3
    NO_PROGRESS(ProgressStep(CHECK, 1, 2))


def test_a_report_reads_with_danish_and_english_numbers() -> None:
    report = ProgressStep(CHECK, 12_000, 100_000)
    assert describe(report, "da") == "Tjekker rækker: 12.000 af 100.000 rækker"
    assert describe(report, "en") == "Checking rows: 12,000 of 100,000 rows"
    assert describe(ProgressStep("progress.step.read_file", 0), "da") == "Læser filen"
    one_page = ProgressStep("progress.step.backup_copy", 1, 1, "pages")
    assert describe(one_page, "en") == "Copying the database: 1 of 1 page"
