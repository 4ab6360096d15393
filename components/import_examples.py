"""The import page's "Prøv med et eksempel": made-up files a coordinator can try the import with.

The files live in ``data/examples/`` (written by ``data/examples/make_examples.py``). A click hands a
file's bytes to the page's own loader, the one an upload goes through, so an example is checked,
read and previewed exactly like a file of the library's own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from components.context import tr
from components.safe_markdown import escape_markdown

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "data" / "examples"
#: The example files, in the order offered, each with the translation key of its one-line description.
EXAMPLES = (
    ("kontaktliste.xlsx", "examples.kontaktliste", ":material/table_view:"),
    ("outlook-kontakter.csv", "examples.outlook", ":material/contact_mail:"),
    ("medarbejdere.xlsx", "examples.medarbejdere", ":material/badge:"),
    ("relationer.xlsx", "examples.relationer", ":material/hub:"),
)


def example_key(file_name: str) -> str:
    """The button's key: ``imp_example_`` and the file's name without its ending."""
    return "imp_example_" + Path(file_name).stem.replace("-", "_")


def example_section(load: Callable[[str, bytes], None], *, expanded: bool = True) -> None:
    """A button per example file with a line about it; a click loads the file through ``load``
    (the page's upload path: checks, reading, preview) and draws the page again."""
    available = [example for example in EXAMPLES if (EXAMPLES_DIR / example[0]).is_file()]
    if not available:
        return
    with st.expander(tr("examples.heading"), expanded=expanded, icon=":material/lightbulb:"):
        st.caption(tr("examples.intro"))
        for file_name, text_key, icon in available:
            button, text = st.columns([2, 5], vertical_alignment="center")
            if button.button(escape_markdown(file_name), key=example_key(file_name), icon=icon, width="stretch"):
                load(file_name, (EXAMPLES_DIR / file_name).read_bytes())
                st.rerun()
            text.markdown(tr(text_key))
