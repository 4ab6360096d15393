"""Status marks (lib.core.status_marks): every status shown by colour also carries its word and an
icon of its own shape, and text on its colour reads (WCAG 1.4.1 and 1.4.3)."""

from __future__ import annotations

import pytest

from lib.core import charts, status_marks
from lib.core.i18n import t
from lib.planning import evaluations as ev
from lib.planning import goals as strategy
from lib.planning import goals_page


def test_every_goal_status_and_band_has_a_mark() -> None:
    assert set(status_marks.MARKS["goal_status"]) == set(strategy.STATUSES)
    assert set(status_marks.MARKS["band"]) == set(ev.BANDS)


@pytest.mark.parametrize("vocabulary", sorted(status_marks.MARKS))
def test_the_icons_of_a_vocabulary_differ_so_colour_is_not_the_only_sign(vocabulary: str) -> None:
    marks = status_marks.MARKS[vocabulary].values()
    assert len({m.icon for m in marks}) == len(marks)
    assert len({m.emoji for m in marks}) == len(marks)
    # The colours are those of the charts, so a chart and its table agree.
    for code, status_mark in status_marks.MARKS[vocabulary].items():
        assert status_mark.colour == charts.category_colour(vocabulary, code)


@pytest.mark.parametrize(
    ("vocabulary", "code", "da", "en"),
    [
        ("goal_status", "on_track", "✅ På rette spor", "✅ On track"),
        ("goal_status", "at_risk", "⚠️ I fare", "⚠️ At risk"),
        ("goal_status", "off_track", "⛔ Bagud", "⛔ Off track"),
        ("band", "concern", "⛔ Bekymring", "⛔ Concern"),
    ],
)
def test_a_status_is_shown_with_its_word(vocabulary: str, code: str, da: str, en: str) -> None:
    assert status_marks.status_text(vocabulary, code, "da") == da
    assert status_marks.status_text(vocabulary, code, "en") == en
    word = t(status_marks.mark(vocabulary, code).word_key, "da")
    assert status_marks.status_icon_text(vocabulary, code, "da").endswith(" " + word)
    assert status_marks.status_icon_text(vocabulary, code, "da").startswith(":material/")


def test_text_on_every_status_colour_has_at_least_4_5_to_1_contrast() -> None:
    for marks in status_marks.MARKS.values():
        for status_mark in marks.values():
            assert charts.contrast(status_mark.text_colour, status_mark.colour) >= status_marks.TEXT_CONTRAST
    assert status_marks.text_colour("#000000") == "#ffffff"
    assert status_marks.text_colour("#ffffff") == "#000000"


def test_the_goals_table_uses_the_marks() -> None:
    for code in strategy.STATUSES:
        assert goals_page.status_text(code, "da") == status_marks.status_text("goal_status", code, "da")
        assert strategy.status_label(code, "da") in goals_page.status_text(code, "da")
