"""Every download button of the product, in two kinds.

:func:`export_download` is a file with personal data: it is made when the button is clicked (a
deferred download), in one write transaction as the user who clicked, and recorded in the event log
through :func:`lib.workspace.events.log_export` (who, what, when, how many people). Nothing is logged for a
button nobody clicks, and a file that could not be made is not logged either.

:func:`download_naming_nobody` is a file that names no person (an empty template, the board pack,
which is pseudonymised, a notice text): it is not logged. ``tests/privacy/test_export_logging.py`` reads
every page and component and fails for a ``st.download_button`` anywhere but here, and for a file
handed out as naming nobody that is not on its short list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import streamlit as st

from components.context import database
from lib.workspace.changes import People, export_file

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def export_download(
    label: str,
    make: Callable[[Session], bytes],
    *,
    kind: str,
    people: People,
    file_name: str,
    mime: str,
    key: str,
    details: Mapping[str, Any] | None = None,
    **button: Any,
) -> None:
    """A download button for a file of ``kind`` (:data:`lib.workspace.events.EXPORT_KINDS`) with personal data.

    ``make`` builds the file from a session when the button is clicked; the export is then logged
    with ``people`` and ``details`` (e.g. the format) as the user who clicked. ``button`` goes to
    ``st.download_button`` (icon, help, type, width).
    """
    db = database()  # the user is known now, while drawing; the click's file is made outside the page
    extra = dict(details or {})

    def run() -> bytes:
        return export_file(db, make, kind=kind, people=people, details=extra)

    st.download_button(label, data=run, file_name=file_name, mime=mime, key=key, on_click="ignore", **button)


def download_naming_nobody(
    label: str, data: bytes | Callable[[], bytes], *, file_name: str, mime: str, key: str, **button: Any
) -> None:
    """A download button for a file that names no person; not logged (see the module's note)."""
    st.download_button(label, data=data, file_name=file_name, mime=mime, key=key, **button)


__all__ = ["download_naming_nobody", "export_download"]
