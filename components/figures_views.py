"""A key figure on a page: its label (unit named), its value as the reader writes numbers, and its
one-line definition as the help text, all from :mod:`lib.reporting.figures`, so every page says the same."""

from __future__ import annotations

from typing import Any

import streamlit as st

from components.context import lang, principal
from components.safe_markdown import escape_markdown
from lib.core.access import can
from lib.core.i18n import format_number
from lib.reporting import figures


def value_md(key: str, value: float | int | str | None) -> str:
    """The figure's value as shown on a page: to a reader without access to contacts (the board) a
    count of people under five is "< 5", as in the board pack."""
    reader = principal()
    if not isinstance(value, str) and (reader is None or not can(reader, "view_contacts")):
        value = figures.board_value(key, value)
    if value is None or isinstance(value, str):
        return escape_markdown(figures.shown(key, value, lang()))
    return format_number(value, lang(), figures.DECIMALS.get(key, 0))  # a number: nothing to escape


def label_md(key: str) -> str:
    """The figure's label, its unit named (Markdown-escaped)."""
    return escape_markdown(figures.label(key, lang()))


def help_md(key: str) -> str:
    """The figure's definition, ready for ``help=`` (Markdown-escaped)."""
    return escape_markdown(figures.definition(key, lang()))


def show(key: str, value: float | int | str | None, *, target: Any = st, **options: Any) -> None:
    """``st.metric`` of the figure ``key`` (on ``target``, e.g. a column), help text included."""
    target.metric(label_md(key), value_md(key, value), help=help_md(key), **options)
