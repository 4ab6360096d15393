"""The contacts page on a big workspace (issue 16): a table shows the first rows of a search, says how
many matched in all and asks for more words; the merge list of an open person is found by a search."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from lib.contacts import page as contacts_page
from lib.db import Database
from tests.apptest_support import rerun
from tests.pages.test_contacts_page import people, run_page, table_names

__all__ = ["people"]  # the fixture, used by name below


@pytest.fixture
def two_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables and merge lists of two rows, so three people are more than a table shows."""
    monkeypatch.setattr(contacts_page, "SHOWN_ROWS", 2)


def captions(at: AppTest) -> list[str]:
    return [caption.value for caption in at.caption]


@pytest.mark.usefixtures("two_rows")
def test_a_search_with_more_hits_than_shown_asks_for_more_words(db: Database, people: dict[str, int]) -> None:
    at = run_page()
    assert table_names(at) == ["<script>alert(1)</script>", "Soren Ærø"]
    assert "Personer fundet: 3" in captions(at)
    assert [info.value for info in at.info] == [
        "Viser de første 2 af 3. Skriv flere ord i søgefeltet for at finde den, du leder efter."
    ]
    at.text_input(key="contacts_people_search").set_value("ærø")
    rerun(at)
    assert table_names(at) == ["Soren Ærø", "Søren Ærø"]
    assert not at.info


@pytest.mark.usefixtures("two_rows")
def test_the_refine_message_is_english_for_an_english_reader(db: Database, people: dict[str, int]) -> None:
    at = run_page(lang="en")
    assert [info.value for info in at.info] == [
        "Showing the first 2 of 3. Type more words in the search box to find the one you want."
    ]


def test_phone_digits_typed_on_the_page_find_the_person(db: Database, people: dict[str, int]) -> None:
    at = run_page()
    at.text_input(key="contacts_people_search").set_value("20 30 40 50")
    rerun(at)
    assert table_names(at) == ["Soren Ærø"]


@pytest.mark.usefixtures("two_rows")
def test_the_merge_list_follows_its_search(db: Database, people: dict[str, int]) -> None:
    # Søren is not among the two rows of the table: the open record is kept in session state.
    at = run_page(state={"contacts_person_id": people["soren"]})
    assert [s.value for s in at.subheader] == ["Søren Ærø"]
    prefix = f"contacts_pmerge_{people['soren']}_"
    # Sorted by name the first two are the hostile name and the twin (Søren himself is left out).
    assert at.selectbox(key=prefix + "other").options[1:] == ["<script>alert(1)</script>", "Soren Ærø"]
    at.text_input(key=prefix + "find").set_value("soren")
    rerun(at)
    assert at.selectbox(key=prefix + "other").options[1:] == ["Soren Ærø"]
