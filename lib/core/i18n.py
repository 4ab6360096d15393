"""The one translation table: every text a user sees, in Danish (default) and English.

Sections live in ``lib/core/translations/<area>.py`` as ``TEXTS = {key: {"da": ..., "en": ...}}`` so that
each part of the product keeps its words near it; they are merged here into a single table, and a
key defined twice is an error at import time rather than a silent override.

Formatting helpers for numbers and dates follow the reader's conventions: dd-mm-yyyy and decimal comma
in Danish.

Plural forms: a text names the singular and the plural of the word next to a number as
``{count:partnerskab|partnerskaber}``, and :func:`t` picks the one the number asks for (see
:func:`plural`), so "1 partnerskab" and "2 partnerskaber" come from the same text. No text writes a
shortcut such as "partnerskab(er)".
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import re
from collections.abc import Callable, Mapping
from typing import Any

from lib.core.languages import DEFAULT_LANGUAGE as DEFAULT_LANGUAGE
from lib.core.languages import LANGUAGES as LANGUAGES


def _load_table() -> dict[str, dict[str, str]]:
    from lib.core import translations

    table: dict[str, dict[str, str]] = {}
    for module_info in sorted(pkgutil.iter_modules(translations.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"lib.core.translations.{module_info.name}")
        for key, texts in getattr(module, "TEXTS", {}).items():
            if key in table:
                raise RuntimeError(f"translation key defined twice: {key} (in {module_info.name})")
            table[key] = texts
    return table


TEXTS: dict[str, dict[str, str]] = _load_table()


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: Any) -> str:
    """The text for ``key`` in ``lang`` with ``params`` filled in.

    An unknown key returns the key itself, so a missing text shows up plainly on screen and in tests
    instead of crashing a page.
    """
    entry = TEXTS.get(key)
    if entry is None:
        return key
    template = entry.get(lang) or entry.get(DEFAULT_LANGUAGE) or key
    if not params:
        return template
    template = choose_plurals(template, params)
    shown = {name: format_value(value, lang) for name, value in params.items()}
    try:
        return template.format(**shown)
    except (KeyError, IndexError, ValueError):
        return template


#: ``{name:singular|plural}`` in a text: the word for the number ``name``.
_PLURAL_FIELD = re.compile(r"\{(\w+):([^{}|]*)\|([^{}|]*)\}")


def plural_form(count: Any) -> str:
    """``"one"`` for a count of one, else ``"other"`` (Danish and English both say "0 partnerskaber",
    "0 partnerships"). A count given as text ("1", "< 5") is read as written."""
    if isinstance(count, bool):
        return "other"
    if isinstance(count, str):
        text = count.strip()
        return "one" if text in ("1", "1,0", "1.0") else "other"
    try:
        return "one" if float(count) == 1 else "other"
    except (TypeError, ValueError):
        return "other"


def plural(count: Any, one: str, other: str) -> str:
    """The one helper that chooses a word by a count: ``plural(1, "runde", "runder")`` → "runde"."""
    return one if plural_form(count) == "one" else other


def choose_plurals(template: str, params: Mapping[str, Any]) -> str:
    """``template`` with every ``{name:singular|plural}`` replaced by the form ``params[name]`` asks for.

    A field whose number is not among ``params`` is left as it is.
    """

    def replace(match: re.Match[str]) -> str:
        name, one, other = match.groups()
        if name not in params:
            return match.group(0)
        return plural(params[name], one, other)

    return _PLURAL_FIELD.sub(replace, template)


#: A way to mark up the texts in a message for where it is shown (e.g. escaped for Markdown).
Quote = Callable[[str], str]


def quoted(params: Mapping[str, Any], quote: Quote | None) -> dict[str, Any]:
    """``params`` with every text passed through ``quote``.

    Numbers, dates and None are left for :func:`format_value`: it writes them as digits, separators
    and dashes, which need no quoting anywhere.
    """
    if quote is None:
        return dict(params)
    return {
        name: value if value is None or isinstance(value, (bool, int, float, dt.date)) else quote(str(value))
        for name, value in params.items()
    }


def format_number(value: float | int, lang: str = DEFAULT_LANGUAGE, decimals: int | None = None) -> str:
    """A number with the reader's separators: 1.234,5 in Danish, 1,234.5 in English."""
    if isinstance(value, bool):
        return str(value)
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{value:,.{decimals}f}"
    if lang == "da":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def format_percent(value: float | int, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """A percentage as each language writes it: "45 %" in Danish (with a space), "45%" in English."""
    number = format_number(value, lang, decimals)
    return f"{number} %" if lang == "da" else f"{number}%"


def format_date(value: dt.date | dt.datetime | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """A date as dd-mm-yyyy (Danish) or yyyy-mm-dd (English); empty for None."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d-%m-%Y %H:%M") if lang == "da" else value.strftime("%Y-%m-%d %H:%M")
    return value.strftime("%d-%m-%Y") if lang == "da" else value.isoformat()


def format_value(value: Any, lang: str = DEFAULT_LANGUAGE) -> str:
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, (int, float)):
        return format_number(value, lang)
    if isinstance(value, (dt.date, dt.datetime)):
        return format_date(value, lang)
    return str(value)


def label(prefix: str, code: Any, lang: str = DEFAULT_LANGUAGE) -> str:
    """The label of a vocabulary code, e.g. ``label("orgtype", "association")`` → "Forening".

    Never a translation key on screen: no code (None, "", or pandas' NaN/NA read back from a frame) is
    "", and a code without a translation (one a file brought, or an old one) is shown as it is.
    """
    from lib.core.frames import is_missing

    if is_missing(code) or code == "":
        return ""
    key = f"{prefix}.{code}"
    text = t(key, lang)
    return str(code) if text == key else text
