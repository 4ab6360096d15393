"""Messages that outlive a rerun, and changes to the database that may fail.

A page keeps a message for the *slot* where the user acted (a form, a button) and shows it once on the
next draw, in the user's language, right where they are looking. A change runs in one write
transaction; a problem becomes such a message instead of a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import streamlit as st

from components.context import database, show_error, tr
from components.safe_markdown import escape_markdown, tr_md
from lib.core.errors import UserFacingError
from lib.workspace.changes import ChangeNotSaved, run_change

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_LOG = logging.getLogger(__name__)


class Messages:
    """The kept message of one page, under its own session-state key."""

    def __init__(self, state_key: str, page: str) -> None:
        self.state_key = state_key
        self.page = page

    def flash(
        self,
        slot: str,
        kind: str,
        key: str | None = None,
        error: Exception | None = None,
        text: str | None = None,
        **params: Any,
    ) -> None:
        """Keep a message for ``slot``: a translation ``key`` with ``params``, a ready ``text``, or an
        ``error``; ``kind`` is "success", "info", "warning" or "error". The params and the text are
        shown as they are (names in them are never read as Markdown)."""
        st.session_state[self.state_key] = {
            "slot": slot,
            "kind": kind,
            "key": key,
            "error": error,
            "text": text,
            "params": params,
        }

    def show(self, slot: str) -> None:
        """Show the message kept for ``slot``, if there is one, and forget it."""
        message = st.session_state.get(self.state_key)
        if not message or message["slot"] != slot:
            return
        del st.session_state[self.state_key]
        if message["kind"] == "error":
            show_error(message["error"])
            return
        text = (
            escape_markdown(message["text"])
            if message["text"] is not None
            else tr_md(message["key"], **message["params"])
        )
        if message["kind"] == "info":
            st.info(text)
        elif message["kind"] == "warning":
            st.warning(text)
        else:
            st.success(text)

    def change(self, slot: str, work: Callable[[Session], Any]) -> tuple[bool, Any]:
        """Run ``work`` in one write transaction (``lib.workspace.changes.run_change``); a problem
        becomes a message in ``slot``.

        Returns (ok, what ``work`` returned).
        """
        try:
            return True, run_change(database(), work)
        except UserFacingError as error:
            self.flash(slot, "error", error=error)
        except ChangeNotSaved as error:
            # E.g. a colleague stored the same e-mail a moment earlier: nothing was saved. The user gets
            # the general message; whoever runs the system gets the details in the log.
            _LOG.exception("a change on the %s page failed", self.page)
            self.flash(slot, "error", error=error)
        return False, None


def delete_one(
    messages: Messages,
    slot: str,
    *,
    label: str,
    entries: Mapping[int, str],
    delete: Callable[[Session, int], Any],
    key: str,
) -> None:
    """A picker of ``entries`` (id → how it is shown) and a button that deletes the chosen one.

    For small records that are entered by mistake now and then (a measurement, a logged contact):
    choosing the entry by name is the confirmation, and the outcome is kept as a message in ``slot``.
    """
    if not entries:
        return
    pick_key = f"{key}_pick"
    if st.session_state.get(pick_key) not in (None, *entries):
        st.session_state[pick_key] = None  # the chosen entry was deleted meanwhile
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.selectbox(
        label,
        options=list(entries),
        index=None,
        format_func=entries.get,
        placeholder=tr("common.choose_entry"),
        key=pick_key,
    )
    right.button(
        tr("common.delete_entry"),
        icon=":material/delete:",
        key=f"{key}_button",
        on_click=_delete_picked,
        args=(messages, slot, pick_key, delete),
    )


def _delete_picked(messages: Messages, slot: str, pick_key: str, delete: Callable[[Session, int], Any]) -> None:
    entry_id = st.session_state.get(pick_key)
    if entry_id is None:
        messages.flash(slot, "warning", "common.choose_entry_first")
        return
    if messages.change(slot, lambda session: delete(session, entry_id))[0]:
        st.session_state[pick_key] = None
        messages.flash(slot, "success", "common.entry_deleted")
