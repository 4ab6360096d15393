"""components.remembered: settings that outlive a visit to another page, and choices shown in the new
language after a switch (the browser keeps an old label until the value is sent again)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _page() -> None:
    import streamlit as st

    from components import remembered

    remembered.restore_settings("kept", {"colour": "kind", "kinds": ["a", "b"]})
    st.session_state.setdefault("refreshed", 0)

    def translated(key: str) -> bool:
        if key == "choice_1":
            st.session_state["refreshed"] += 1
        return key.startswith("choice_")

    remembered.refresh_translated_choices("shown_language", translated)
    st.selectbox("Colour", ["kind", "sector"], key="colour")
    remembered.keep_settings("kept", ("colour", "kinds"))


def test_kept_settings_come_back_and_defaults_fill_the_rest() -> None:
    at = AppTest.from_function(_page)
    at.session_state["kept"] = {"colour": "sector"}
    at.run()
    assert not at.exception
    assert at.selectbox(key="colour").value == "sector"
    assert at.session_state["kinds"] == ["a", "b"]
    assert at.session_state["kept"] == {"colour": "sector", "kinds": ["a", "b"]}


def test_a_widget_already_set_wins_over_what_was_kept() -> None:
    at = AppTest.from_function(_page)
    at.session_state["kept"] = {"colour": "sector"}
    at.session_state["colour"] = "kind"
    at.run()
    assert at.selectbox(key="colour").value == "kind"


def test_choices_are_sent_again_once_per_language() -> None:
    at = AppTest.from_function(_page)
    at.session_state["choice_1"] = "alle"
    at.run()
    assert (at.session_state["shown_language"], at.session_state["refreshed"]) == ("da", 1)
    at.run()
    assert at.session_state["refreshed"] == 1  # the same language: nothing is sent again
    at.session_state["lang"] = "en"
    at.run()
    assert (at.session_state["shown_language"], at.session_state["refreshed"]) == ("en", 2)
    assert at.session_state["choice_1"] == "alle"  # the same value, sent again
