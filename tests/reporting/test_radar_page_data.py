"""The page Tjekliste's data in one read, and its history table and delete choices in words."""

from __future__ import annotations

import datetime as dt

from lib.db import Database
from lib.reporting import checklist
from lib.reporting.radar_page import (
    SelfAssessment,
    delete_choices,
    history_table,
    previous_score,
    radar_page_data,
)

DAY = dt.date(2026, 3, 1)


def test_the_radar_shows_the_latest_self_assessment_and_who_made_it(db: Database) -> None:
    empty = radar_page_data(db, DAY)
    assert empty.latest is None and empty.shown_assessor is None and len(empty.frame) == len(checklist.HEADINGS)
    with db.write() as session:
        checklist.save_self_assessment(session, dt.date(2026, 1, 5), {"be_strategic": 2}, {}, today=DAY)
        checklist.save_self_assessment(session, dt.date(2026, 2, 5), {"be_strategic": 4}, {}, today=DAY)
    data = radar_page_data(db, DAY)
    assert [a.assessed_on for a in data.assessments] == [dt.date(2026, 1, 5), dt.date(2026, 2, 5)]
    assert data.latest is not None and data.latest.scores["be_strategic"] == 4
    assert previous_score(data.latest, "be_strategic") == (4, dt.date(2026, 2, 5))
    assert previous_score(data.latest, "nurture_network") is None


def test_history_is_newest_first_with_the_mean_and_the_assessor() -> None:
    older = SelfAssessment(1, dt.date(2026, 1, 5), None, {"be_strategic": 2, "nurture_network": 3})
    newer = SelfAssessment(2, dt.date(2026, 2, 5), 7, {"be_strategic": 4})
    table = history_table([older, newer], {7: "Ole Holm"}, "da")
    assert table.iloc[:, 0].tolist() == [dt.date(2026, 2, 5), dt.date(2026, 1, 5)]
    assert table.iloc[:, 1].tolist() == ["Ole Holm", ""]
    assert table.iloc[:, -1].tolist() == ["4", "2,5"]
    assert delete_choices([older, newer], {7: "Ole Holm"}, "da") == {2: "05-02-2026 (Ole Holm)", 1: "05-01-2026"}
