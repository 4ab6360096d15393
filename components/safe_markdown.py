"""Text from people and files, shown where Streamlit reads Markdown.

Streamlit renders Markdown in far more places than ``st.markdown``: headings, captions, alerts,
toasts, expander and tab labels, widget labels and ``help`` tooltips, the options of radios and pills,
metric labels and values, ``st.table`` cells. A partner's name such as ``![x](http://…/beacon)`` in an
uploaded spreadsheet would make every browser that shows it fetch that address, and ``**x**``,
``:red[x]`` or ``$x$`` would change how the page reads. So data reaches those places only through

* :func:`escape_markdown` for a text of its own (a name, a file name, a cell value),
* :func:`tr_md` for a translation filled in with such texts,
* :func:`message_md` for a message lib wrote (an error, a row problem, an alert).

lib writes plain sentences and never knows about Markdown: its messages take a ``quote`` for the texts
in them, and the pages escape at the place that renders Markdown. Numbers and dates written by
``lib.core.i18n`` hold nothing Markdown reads and are left alone. ``tests/
test_hardening_markdown.py`` checks every Markdown-rendering call of the pages and components.

Plain-text widgets (selectbox and multiselect options, text inputs, ``st.dataframe`` cells, plotly)
must get the raw text: there a backslash would show.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from components.context import lang, tr
from lib.core.i18n import quoted

#: Characters that are syntax wherever they stand: emphasis, code, links and images (``(`` and ``)``
#: mean something only after a ``]``), Streamlit's directives (``:red[x]``) and LaTeX (``$x$``),
#: tables, strike-through, HTML, and ``&`` where it starts an entity (``&lt;``, ``&#42;``). A backslash
#: before ASCII punctuation always means the character itself.
_ANYWHERE = re.compile(r"([\\`*_{}\[\]<>|~$]|&(?=#?[0-9A-Za-z]+;))")
#: Characters that are syntax only where a line starts (the text's own start included, as it may
#: follow a list marker): headings, lists, setext underlines, thematic breaks, container directives
#: (``:::``), ordered lists ("1." and "1)").
_LINE_START = re.compile(r"^([ \t]*)([-+=#:])", re.MULTILINE)
_ORDERED = re.compile(r"^([ \t]*\d{1,9})([.)])", re.MULTILINE)
_LINE_ENDS = re.compile(r"\r\n?")

#: Some things are read outside Markdown's own syntax, where a backslash does not count: Streamlit
#: turns ``:smile:``, ``:material_icon:``, ``:material/icon:`` and ``:streamlit:`` into pictures (before
#: parsing, or in the parsed text), and web addresses (``http://``, ``www.``) become links that would
#: swallow the backslashes next to them. An invisible word joiner keeps each from being recognised; a
#: colon before a space, as in ordinary sentences, is left alone. (E-mail addresses still become
#: links: they are read from the parsed text and show exactly as written.)
_BROKEN_UP = re.compile(r":(?=[\w+\-/])|\bwww(?=\.)", re.IGNORECASE)
WORD_JOINER = "\u2060"


def escape_markdown(text: object) -> str:
    """``text`` shown literally where Streamlit reads Markdown (None is shown as nothing).

    Line breaks are kept, so a multi-line note keeps its lines. Punctuation that means nothing where
    it stands is left as it is (``Jobcenter Nord: 2.-3. klasse``), so the text reads the same in tests
    and logs. A web address shows as text, not as a link.
    """
    if text is None:
        return ""
    lines = _LINE_ENDS.sub("\n", str(text))  # a lone carriage return ends a line in Markdown too
    escaped = _ANYWHERE.sub(r"\\\1", _BROKEN_UP.sub(lambda match: match.group(0) + WORD_JOINER, lines))
    escaped = _LINE_START.sub(r"\1\\\2", escaped)
    return _ORDERED.sub(r"\1\\\2", escaped)


def tr_md(key: str, **params: Any) -> str:
    """``tr(key, **params)`` for a place that reads Markdown: every text parameter is escaped, so a
    name in a translation is shown as it is; the translation's own words are kept."""
    return tr(key, **quoted(params, escape_markdown))


def message_md(error_or_message: Any) -> str:
    """The message of a lib error, row problem or alert for a place that reads Markdown: the texts in
    it (a file name, a cell value, a title) are escaped. Any other exception gets the general message,
    never its details."""
    from lib.core.errors import UserFacingError

    if isinstance(error_or_message, Exception) and not isinstance(error_or_message, UserFacingError):
        return tr("common.unexpected_error")
    return error_or_message.message(lang(), quote=escape_markdown)


#: The product's own Markdown documents that a page shows as they are written (the repository's
#: ``docs/`` folder), by the name a page asks for. Nothing else is read this way.
PRODUCT_DOCUMENTS = {
    "kom-godt-i-gang": "kom-godt-i-gang.md",
    "getting-started": "getting-started.md",
}


def table_md(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` for ``st.table``, which reads every cell, heading and row label as Markdown: each of
    them escaped (as text; an empty cell stays empty)."""
    shown = frame.map(escape_markdown)
    shown.columns = [escape_markdown(c) for c in frame.columns]
    name = frame.index.name
    shown.index = pd.Index(
        [escape_markdown(i) for i in frame.index], name=None if name is None else escape_markdown(name)
    )
    return shown


def product_document(name: str) -> str:
    """The Markdown of one of :data:`PRODUCT_DOCUMENTS`: text the product ships, not data, so it is
    rendered as written (headings, lists, links). An unknown name is an error, never a path."""
    from pathlib import Path

    file_name = PRODUCT_DOCUMENTS[name]
    return (Path(__file__).resolve().parent.parent / "docs" / file_name).read_text(encoding="utf-8")
