"""Finding 6 of the hardening issue: text from people and files is never read as Markdown.

Streamlit reads Markdown in far more places than ``st.markdown``: headings, captions, alerts, toasts,
expander and tab labels, widget labels and ``help`` tooltips, the options of radios and pills, metric
labels and values. A partner organisation called ``![x](http://attacker/beacon)`` in an uploaded
spreadsheet would make every browser that shows it fetch that address, and ``**x**`` or ``:red[x]``
would change how the page reads. Such text goes through ``components.safe_markdown`` first.

* The AST check: every Markdown-rendering call in ``components/``, ``pages/`` and ``dashboard.py`` gets
  text that is safe by construction (the rules are in :func:`markdown_offenders`).
* The import preview, read with AppTest: an upload's file name, sheet name, title row and column
  header reach Streamlit only escaped.
* In a real browser: payloads in a partnership title, a goal title, a staff member's and an
  organisation's name, and an upload's file name, sheet name, title row and column header show as
  the text they are, and nothing is fetched; and escaped text of every Markdown and Streamlit syntax
  renders as written in bodies, list items, captions, labels, options, metrics, tabs and alerts.
"""

from __future__ import annotations

import ast
import http.server
import secrets
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import CHROMIUM, ROOT

# --- where Streamlit reads Markdown ----------------------------------------------------------------


@dataclass(frozen=True)
class Sink:
    """The arguments of one Streamlit function that are rendered as Markdown, as (position, keyword):
    ``texts`` are texts, ``collections`` lists of texts (tab labels, radio captions), ``options``
    choices shown as Markdown unless a ``format_func`` shows them. ``every_position``: ``st.write``."""

    texts: tuple[tuple[int | None, str], ...] = ()
    collections: tuple[tuple[int | None, str], ...] = ()
    options: tuple[int, str] | None = None
    every_position: bool = False


_BODY = ((0, "body"),)
_LABEL = ((0, "label"),)
_LABELLED = (
    "button",
    "download_button",
    "link_button",
    "form_submit_button",
    "checkbox",
    "toggle",
    "selectbox",
    "multiselect",
    "slider",
    "text_input",
    "text_area",
    "number_input",
    "date_input",
    "time_input",
    "datetime_input",
    "file_uploader",
    "color_picker",
    "camera_input",
    "audio_input",
    "expander",
    "popover",
    "status",
    "badge",
)

#: Every Streamlit function that renders an argument as Markdown (Streamlit 1.67's docstrings say which),
#: by name. ``help=`` renders Markdown wherever it is accepted, column_config included, so it is checked
#: on every call.
SINKS: dict[str, Sink] = {
    **{name: Sink(_BODY) for name in ("markdown", "caption", "title", "header", "subheader", "toast")},
    **{name: Sink((*_BODY, (None, "title"))) for name in ("info", "warning", "error", "success")},
    **{name: Sink(_LABEL) for name in _LABELLED},
    "write": Sink(every_position=True),
    "spinner": Sink(((0, "text"),)),
    "progress": Sink(((1, "text"),)),
    "dialog": Sink(((0, "title"),)),
    "page_link": Sink(((1, "label"),)),
    "Page": Sink(((1, "title"),)),
    "image": Sink(((1, "caption"),)),
    "metric": Sink(((0, "label"), (1, "value"), (2, "delta"))),
    "table": Sink(((0, "data"),)),  # st.table renders every cell as Markdown
    "tabs": Sink(collections=((0, "tabs"),)),
    "radio": Sink(_LABEL, collections=((None, "captions"),), options=(1, "options")),
    "select_slider": Sink(_LABEL, options=(1, "options")),
    "pills": Sink(_LABEL, options=(1, "options")),
    "segmented_control": Sink(_LABEL, options=(1, "options")),
    "menu_button": Sink(_LABEL, options=(1, "options")),
}
UNIVERSAL_KEYWORDS = frozenset({"help"})

#: Receivers whose methods share a name with a sink but are no Streamlit call.
NOT_STREAMLIT = frozenset({"_LOG", "LOG", "logging", "logger", "log", "buffer", "handle", "out", "stream"})

#: The trusted primitives of components.safe_markdown (checked against real payloads below, in the
#: browser; ``table_md``, escape_markdown of every cell, header and row label, in tests/core/test_chart_text.py);
#: every other function whose name ends in ``_md`` must itself return safe text, which
#: :func:`unsafe_md_functions` checks.
ESCAPING = frozenset({"escape_markdown", "tr_md", "message_md", "table_md"})
#: Returns one of the product's own Markdown documents by a fixed name (components.safe_markdown), or
#: a half of the shipped accessibility statement (lib.library.accessibility): the repository's text,
#: rendered as written on purpose.
PRODUCT_TEXT = frozenset({"product_document", "accessibility_statement"})
#: Functions whose result is a number or a number written out by lib.core.i18n: digits, separators, signs.
NUMERIC = frozenset({"len", "int", "float", "round", "abs", "sum", "format_number", "format_percent", "format_date"})
#: The project's helpers that pass one of their parameters on to a sink, by function name:
#: ``{function: {parameter: (position, "text" | "values")}}`` ("values": a mapping whose values are
#: shown). Inside them that parameter counts as safe; every call of them must pass safe text instead.
WRAPPERS: dict[str, dict[str, tuple[int | None, str]]] = {
    "remembered_tabs": {"labels": (0, "values")},  # components.widgets: st.tabs of the values
    "page_tabs": {"labels": (1, "values")},  # components.widgets: remembered_tabs of the values
    "remembered_selectbox": {"label": (0, "text")},  # components.widgets: the selectbox's label
    "delete_one": {"label": (None, "text")},  # components.feedback: the picker's label
    "link": {"label": (1, "text")},  # components.overview_views: st.page_link's label
    "export_download": {"label": (0, "text")},  # components.downloads: st.download_button's label
    "download_naming_nobody": {"label": (0, "text")},  # components.downloads: st.download_button's label
    "show_chart": {"summary": (None, "text")},  # components.charts: the caption under a chart
}
#: A format_func factory that shows the values of the mapping it is given.
LOOKUP_FORMATTERS = frozenset({"shown_as"})
#: str methods that cannot add Markdown to safe text (replace: only with constants, checked below).
_TEXT_METHODS = frozenset({"lower", "upper", "strip", "rstrip", "lstrip", "capitalize", "replace", "format"})
_NUMERIC_SPEC = frozenset("dfFeEgGn%")


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _receiver(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return func.value.id
    return ""


def _is_streamlit(node: ast.AST) -> bool:
    """``st`` or ``st.sidebar`` (the module itself, or an attribute of it)."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name) and node.id == "st"


def _loop_binding(target: ast.expr, iterable: ast.expr, name: str) -> list[tuple[str, ast.AST | None]]:
    """How a ``for`` or comprehension binds ``name``: an element of ``iterable``, the count of
    ``enumerate(…)``, or something unknown (any other unpacking)."""
    if isinstance(target, ast.Name):
        return [("element", iterable)] if target.id == name else []
    names = [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]
    if name not in names:
        return []
    counted = (
        isinstance(iterable, ast.Call)
        and _name(iterable.func) == "enumerate"
        and isinstance(target, ast.Tuple)
        and isinstance(target.elts[0], ast.Name)
        and target.elts[0].id == name
    )
    return [("count", None) if counted else ("unknown", None)]


def _argument(call: ast.Call, position: int | None, keyword: str) -> ast.expr | None:
    for item in call.keywords:
        if item.arg == keyword:
            return item.value
    if position is not None and position < len(call.args) and not isinstance(call.args[position], ast.Starred):
        return call.args[position]
    return None


@dataclass
class _Module:
    """One parsed file: who contains whom, and where each name is bound in each scope."""

    tree: ast.Module
    parents: dict[ast.AST, ast.AST] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node

    def scope(self, node: ast.AST) -> ast.AST:
        """The function, lambda or comprehension ``node`` is in (the module at the top)."""
        current = self.parents.get(node)
        while current is not None and not isinstance(current, _SCOPES):
            current = self.parents.get(current)
        return current or self.tree

    def outer(self, scope: ast.AST) -> ast.AST | None:
        return None if scope is self.tree else self.scope(scope)


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)


class Checker:
    """Decides whether an expression is Markdown-safe text (see :func:`markdown_offenders`)."""

    def __init__(self, source: str) -> None:
        self.module = _Module(ast.parse(source))
        self._busy: set[tuple[int, str, str]] = set()

    # -- bindings ----------------------------------------------------------------------------------

    def _own_nodes(self, scope: ast.AST) -> Iterator[ast.AST]:
        """The nodes of ``scope`` that are not inside a nested scope."""
        stack = list(ast.iter_child_nodes(scope))
        while stack:
            node = stack.pop()
            yield node
            if not isinstance(node, _SCOPES):
                stack.extend(ast.iter_child_nodes(node))

    def _bindings(self, scope: ast.AST, name: str) -> list[tuple[str, ast.AST | None]] | None:
        """How ``name`` is bound in ``scope``: ("value", expr), ("element", iterable), ("augment", expr) or
        ("unknown", None); None when it is not bound there at all."""
        found: list[tuple[str, ast.AST | None]] = []
        if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            arguments = scope.args
            every = [
                *arguments.posonlyargs,
                *arguments.args,
                *arguments.kwonlyargs,
                *filter(None, (arguments.vararg, arguments.kwarg)),
            ]
            if any(argument.arg == name for argument in every):
                found.append(("parameter", scope))
        if isinstance(scope, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            for generator in scope.generators:
                found += _loop_binding(generator.target, generator.iter, name)
        for node in self._own_nodes(scope):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id == name:
                        found.append(("value", node.value))
                    elif name in {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}:
                        found.append(("unknown", None))
            elif (
                isinstance(node, (ast.AnnAssign, ast.NamedExpr))
                and isinstance(node.target, ast.Name)
                and node.target.id == name
            ):
                found.append(("value", node.value) if node.value is not None else ("unknown", None))
            elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
                found.append(("augment", node.value) if isinstance(node.op, ast.Add) else ("unknown", None))
            elif isinstance(node, (ast.For, ast.AsyncFor)):
                found += _loop_binding(node.target, node.iter, name)
            elif (
                isinstance(node, (ast.withitem,))
                and node.optional_vars is not None
                and name in {n.id for n in ast.walk(node.optional_vars) if isinstance(n, ast.Name)}
                or isinstance(node, (ast.Import, ast.ImportFrom))
                and any((alias.asname or alias.name.split(".")[0]) == name for alias in node.names)
                or isinstance(node, ast.ExceptHandler)
                and node.name == name
                or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                and node.name == name
            ):
                found.append(("unknown", None))
        return found or None

    def _name_is(self, node: ast.Name, kind: str) -> bool:
        """Whether every binding of ``node``'s name, in the nearest scope that binds it, is ``kind``."""
        scope: ast.AST | None = self.module.scope(node)
        while scope is not None:
            bindings = self._bindings(scope, node.id)
            if bindings is not None:
                break
            scope = self.module.outer(scope)
        if scope is None or bindings is None:
            return False  # a builtin or a name from elsewhere: nothing is known about it
        busy = (id(scope), node.id, kind)
        if busy in self._busy:
            return True  # ``x += …`` refers to x itself: its other bindings decide
        self._busy.add(busy)
        try:
            return all(self._binding_is(how, value, kind, scope, node.id) for how, value in bindings)
        finally:
            self._busy.discard(busy)

    def _binding_is(self, how: str, value: ast.AST | None, kind: str, scope: ast.AST, name: str) -> bool:
        if how == "parameter":
            return self._wrapper_parameter(scope, name, kind)
        if how == "value":
            return self._is(value, kind)
        if how == "augment":
            return kind == "text" and self.safe(value)
        if how == "element":
            return kind == "text" and self.safe_items(value, "elements")
        return how == "count" and kind == "text"

    def _wrapper_parameter(self, scope: ast.AST, name: str, kind: str) -> bool:
        """A parameter of a :data:`WRAPPERS` helper: its callers are checked instead."""
        if not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return False
        wrapped = WRAPPERS.get(scope.name, {}).get(name)
        return wrapped is not None and (wrapped[1] == kind or (wrapped[1], kind) == ("values", "values"))

    def _is(self, value: ast.AST | None, kind: str) -> bool:
        if kind == "text":
            return self.safe(value)
        return self.safe_items(value, kind)

    # -- text --------------------------------------------------------------------------------------

    def numeric(self, node: ast.AST | None) -> bool:
        if isinstance(node, ast.Constant):
            return isinstance(node.value, (int, float)) or node.value is None
        if isinstance(node, ast.Call):
            return _name(node.func) in NUMERIC
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Sub, ast.Div, ast.FloorDiv, ast.Pow)):
            return True  # text cannot be subtracted or divided: a number came out
        if isinstance(node, ast.UnaryOp):
            return isinstance(node.op, (ast.USub, ast.UAdd))
        return isinstance(node, ast.Compare)

    def safe(self, node: ast.AST | None) -> bool:  # noqa: C901, PLR0911, PLR0912 - one rule per form
        """Whether ``node`` evaluates to text that renders literally as Markdown."""
        if node is None:
            return True
        if self.numeric(node):
            return True
        if isinstance(node, ast.Constant):
            return isinstance(node.value, (str, bool))
        if isinstance(node, ast.JoinedStr):
            return all(self._formatted_safe(part) for part in node.values)
        if isinstance(node, ast.BinOp):
            return isinstance(node.op, (ast.Add, ast.Mult)) and self.safe(node.left) and self.safe(node.right)
        if isinstance(node, ast.IfExp):
            return self.safe(node.body) and self.safe(node.orelse)
        if isinstance(node, ast.BoolOp):
            return all(self.safe(value) for value in node.values)
        if isinstance(node, ast.Name):
            return self._name_is(node, "text")
        if isinstance(node, ast.Subscript):
            return self.safe_items(node.value, "values")
        if isinstance(node, ast.Call):
            return self._call_safe(node)
        return False

    def _formatted_safe(self, part: ast.expr) -> bool:
        if isinstance(part, ast.Constant):
            return True
        assert isinstance(part, ast.FormattedValue)
        spec = part.format_spec
        if isinstance(spec, ast.JoinedStr) and spec.values and all(isinstance(v, ast.Constant) for v in spec.values):
            text = "".join(str(v.value) for v in spec.values)
            if text and text[-1] in _NUMERIC_SPEC:
                return True  # "{x:.1f}" fails for anything but a number
        return self.safe(part.value)

    def _call_safe(self, node: ast.Call) -> bool:
        name = _name(node.func)
        if name in ESCAPING or name.endswith("_md"):
            return True
        if name in PRODUCT_TEXT and all(
            isinstance(arg, (ast.Constant, ast.Call, ast.Subscript, ast.Name)) for arg in node.args
        ):
            return True
        if name == "str" and len(node.args) == 1:
            return self.safe(node.args[0])
        if name == "tr":
            rest = node.args[1:] + [keyword.value for keyword in node.keywords]
            return all(self.safe(value) for value in rest)
        if name == "join" and isinstance(node.func, ast.Attribute) and len(node.args) == 1:
            return self.safe(node.func.value) and self.safe_items(node.args[0], "elements")
        if name in _TEXT_METHODS and isinstance(node.func, ast.Attribute):
            arguments = node.args + [keyword.value for keyword in node.keywords]
            if name == "replace":
                return self.safe(node.func.value) and all(isinstance(a, ast.Constant) for a in arguments)
            return self.safe(node.func.value) and all(self.safe(a) for a in arguments)
        if name == "get" and isinstance(node.func, ast.Attribute):
            default = node.args[1] if len(node.args) > 1 else None
            return self.safe_items(node.func.value, "values") and self.safe(default)
        return False

    # -- collections of text -----------------------------------------------------------------------

    def safe_items(self, node: ast.AST | None, part: str) -> bool:  # noqa: C901, PLR0911, PLR0912
        """Whether the ``part`` ("elements", "keys" or "values") of the collection ``node`` is safe text.

        The elements of a mapping are its keys (``list(mapping)``, ``for key in mapping``).
        """
        if node is None:
            return False
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            return part == "elements" and all(
                self.safe_items(e.value, "elements") if isinstance(e, ast.Starred) else self.safe(e) for e in node.elts
            )
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            return part == "elements" and self.safe(node.elt)
        if isinstance(node, ast.Dict):
            part = "keys" if part == "elements" else part
            return all(
                self.safe_items(v, part) if k is None else self.safe(k if part == "keys" else v)
                for k, v in zip(node.keys, node.values, strict=True)
            )
        if isinstance(node, ast.DictComp):
            part = "keys" if part == "elements" else part
            return self.safe(node.key if part == "keys" else node.value)
        if isinstance(node, ast.Name):
            return self._name_is(node, part)
        if isinstance(node, ast.IfExp):
            return self.safe_items(node.body, part) and self.safe_items(node.orelse, part)
        if isinstance(node, ast.Call):
            name = _name(node.func)
            if name == "range":
                return part == "elements"
            if name in ("list", "tuple", "sorted", "reversed", "set") and len(node.args) == 1:
                return part == "elements" and self.safe_items(node.args[0], "elements")
            if name in ("dict",) and len(node.args) == 1 and not node.keywords:
                return self.safe_items(node.args[0], part)
            if isinstance(node.func, ast.Attribute) and name in ("values", "keys") and not node.args:
                return part == "elements" and self.safe_items(node.func.value, name)
        return False

    # -- calls -------------------------------------------------------------------------------------

    def options_safe(self, call: ast.Call, sink: Sink) -> bool:
        """Choices are shown by ``format_func`` when there is one, else as ``str`` of each option."""
        assert sink.options is not None
        formatter = _argument(call, None, "format_func")
        if formatter is not None:
            return self.formatter_safe(formatter)
        options = _argument(call, *sink.options)
        return options is None or self.safe_items(options, "elements")

    def formatter_safe(self, node: ast.AST) -> bool:
        if isinstance(node, ast.Lambda):
            return self.safe(node.body)
        if isinstance(node, (ast.Name, ast.Attribute)) and (_name(node) in ESCAPING or _name(node).endswith("_md")):
            return True
        if isinstance(node, ast.Attribute) and node.attr in ("get", "__getitem__"):
            return self.safe_items(node.value, "values")
        if isinstance(node, ast.Call) and _name(node.func).endswith("_md"):
            return True  # a *_md factory, itself checked to return an escaping formatter
        if isinstance(node, ast.Call) and _name(node.func) in LOOKUP_FORMATTERS and len(node.args) == 1:
            return self.safe_items(node.args[0], "values")
        return False

    def _indirect(self, node: ast.AST) -> bool:
        """A Streamlit sink taken as a value (``{"info": st.info}.get(kind)(text)``, ``getattr(st, …)``):
        what it will be called with cannot be checked."""
        if isinstance(node, ast.Call):
            return _name(node.func) == "getattr" and bool(node.args) and _is_streamlit(node.args[0])
        if not (isinstance(node, ast.Attribute) and node.attr in SINKS and _is_streamlit(node.value)):
            return False
        parent = self.module.parents.get(node)
        return not (isinstance(parent, ast.Call) and parent.func is node)

    def offences(self) -> list[tuple[int, str]]:
        found: list[tuple[int, str]] = []
        for node in ast.walk(self.module.tree):
            if self._indirect(node):
                found.append((node.lineno, "a Markdown-rendering function is called indirectly"))
            if not isinstance(node, ast.Call) or _receiver(node.func) in NOT_STREAMLIT:
                continue
            name = _name(node.func)
            # Streamlit's functions are called on something (st, st.sidebar, a column); a bare name is
            # the project's own function (network_views.table shows a dataframe).
            streamlit_call = isinstance(node.func, ast.Attribute)
            for keyword in node.keywords:
                if keyword.arg in UNIVERSAL_KEYWORDS and not self.safe(keyword.value):
                    found.append((node.lineno, f"{name}(help=…) is not escaped"))
            for parameter, (position, kind) in WRAPPERS.get(name, {}).items():
                value = _argument(node, position, parameter)
                if value is not None and not self._is(value, kind):
                    found.append((node.lineno, f"{name}({parameter}=…) is not escaped"))
            sink = SINKS.get(name) if streamlit_call else None
            if sink is None:
                continue
            if sink.every_position:
                texts = [a for a in node.args if not self.safe(a)]
                found += [(node.lineno, f"{name}(…) writes text that is not escaped") for _ in texts[:1]]
                continue
            for position, keyword in sink.texts:
                value = _argument(node, position, keyword)
                if value is not None and not self.safe(value):
                    found.append((node.lineno, f"{name}({keyword}=…) is not escaped"))
            for position, keyword in sink.collections:
                value = _argument(node, position, keyword)
                if value is not None and not self.safe_items(value, "elements"):
                    found.append((node.lineno, f"{name}(…) {keyword} are not escaped"))
            if sink.options is not None and not self.options_safe(node, sink):
                found.append((node.lineno, f"{name}(…) shows options that are not escaped"))
        return sorted(set(found))


def markdown_offenders(source: str) -> list[tuple[int, str]]:
    """``(line, reason)`` for every Markdown-rendering call in ``source`` whose text may carry Markdown.

    The Markdown-rendering calls are those in :data:`SINKS` (by method name, whatever the receiver:
    ``st``, ``st.sidebar``, a column or a tab), ``help=`` on any call, and the helpers of
    :data:`WRAPPERS`. Their text must be *safe*, which is one of:

    * a string, number, boolean or None constant;
    * ``escape_markdown(…)``, ``tr_md(…)``, ``message_md(…)`` or a call of any function whose name ends
      in ``_md`` (such
      functions are checked by :func:`unsafe_md_functions` to return safe text themselves);
    * ``tr(key, …)`` whose arguments after the key are all safe (the key names a translation; the
      translation table holds no data);
    * a number: a numeric constant, ``len/int/float/round/abs/sum(…)``, ``format_number(…)``,
      ``format_percent(…)`` or ``format_date(…)`` of lib.core.i18n, a subtraction, division, power, negation
      or comparison;
    * an f-string whose parts are safe, or formatted with a numeric format spec (``{x:.1f}``);
    * ``a + b``, ``a * b``, ``a if c else b``, ``a or b`` of safe parts; ``sep.join(items)`` of a safe
      separator and safe items; ``.lower()``, ``.strip()``, ``.format(…)`` (safe arguments) and
      ``.replace(constant, constant)`` of safe text;
    * ``mapping[key]`` and ``mapping.get(key, safe default)`` of a mapping whose values are safe;
    * a name whose every binding in its scope is safe: an assignment of a safe expression, ``+=`` of a
      safe expression, a ``for`` or comprehension variable over safe items or counting ``enumerate``.
      A function's parameter is
      not safe (its callers are unknown), except the parameters named in :data:`WRAPPERS`, whose
      callers are checked instead.

    Collections (tab labels, radio captions, options, join items) are safe when their items are: list,
    tuple, set and comprehension literals of safe text; dict literals and comprehensions (keys or values,
    as used); ``list/tuple/sorted/reversed/set(…)`` of such; ``mapping.values()`` / ``.keys()``;
    ``range(…)``; names bound only to such.

    Radios, select sliders, pills, segmented controls and menu buttons show their options as Markdown:
    the ``format_func`` must be a lambda returning safe text, a ``*_md`` function or factory, the
    ``.get`` of a safe mapping, or ``shown_as(safe mapping)``; without a ``format_func`` the options
    themselves must be safe. ``st.table`` renders cells as Markdown and is refused with any data. A
    sink taken as a value (``{"info": st.info}.get(kind)``, ``getattr(st, kind)``) cannot be checked
    and is refused too.
    """
    return Checker(source).offences()


def unsafe_md_functions(source: str) -> list[tuple[int, str]]:
    """``(line, name)`` of every function named ``*_md`` in ``source`` that may return unescaped text.

    Each ``return`` must give safe text (the rules of :func:`markdown_offenders`), or a lambda or nested
    function returning safe text (a ``format_func`` factory). The primitives of :data:`ESCAPING` are
    the trusted base and are checked against real payloads instead.
    """
    checker = Checker(source)
    found = []
    for node in ast.walk(checker.module.tree):
        if (
            not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            or not node.name.endswith("_md")
            or node.name in ESCAPING
        ):
            continue
        returns = [n for n in checker._own_nodes(node) if isinstance(n, ast.Return)]
        if not returns or not all(_returns_safe(checker, r.value) for r in returns):
            found.append((node.lineno, node.name))
    return found


def _returns_safe(checker: Checker, value: ast.AST | None) -> bool:
    if isinstance(value, ast.Lambda):
        return checker.safe(value.body)
    return checker.safe(value)


def _ui_sources() -> list[Path]:
    return sorted([ROOT / "dashboard.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "components").glob("*.py")])


@pytest.mark.slow
def test_finding_6_markdown_calls_receive_escaped_text() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {reason}"
        for path in _ui_sources()
        for line, reason in markdown_offenders(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], f"{len(offenders)} Markdown calls get text that is not escaped"


@pytest.mark.slow
def test_every_md_helper_returns_escaped_text() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for path in _ui_sources()
        for line, name in unsafe_md_functions(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "source",
    [
        "st.markdown(row.title)",
        "st.subheader(f'**{name}**')",
        "st.caption(tr('k', name=name))",
        "st.caption(tr('k', **params))",
        "st.info('Titel: ' + title)",
        "st.success(tr('k'), title=name)",
        "st.write(name)",
        "st.toast(error.message('da'))",
        "st.error(str(error))",
        "st.progress(0.5, text=name)",
        "with st.spinner(name):\n    pass",
        "with st.expander(label):\n    pass",
        "st.tabs([tr('a'), name])",
        "column.metric(tr('k'), value)",
        "st.button(tr('k'), help=note)",
        "st.radio(tr('k'), options=names)",
        "st.radio(tr('k'), ids, format_func=lambda i: names[i])",
        "st.pills(tr('k'), ids, format_func=shown_as(names))",
        "st.radio(tr('k'), ['a'], captions=[note])",
        "st.table(frame)",
        "{'info': st.info}.get(kind, st.success)(text)",
        "getattr(st, kind)(text)",
        "text = name\nst.markdown(text)",
        "for name in names:\n    st.markdown(name)",
        "st.markdown(escape_markdown(first) + last)",
        "st.markdown(', '.join(names))",
        "remembered_tabs({'a': name}, tab_key='t', active_key='a')",
        "def header(label):\n    st.header(label)",
    ],
)
def test_the_markdown_check_catches_unescaped_text(source: str) -> None:
    # The check above passes because the pages are clean; these show that it would notice if not.
    assert markdown_offenders(source)


@pytest.mark.parametrize(
    "source",
    [
        "st.markdown(escape_markdown(row.title))",
        "st.caption(tr_md('k', name=name, count=count))",
        "st.caption(tr('k', count=len(rows), share=format_number(share, lang())))",
        "st.info(message_md(error))",
        "st.markdown(f'**{escape_markdown(name)}** · {score:.1f}')",
        "labels = {c: tr(f'x.{c}') for c in CODES}\nst.radio(tr('k'), list(labels), format_func=shown_as(labels))",
        "st.pills(tr('k'), ids, format_func=lambda i: escape_markdown(names[i]))",
        "st.tabs([tr('a'), tr('b', count=len(rows))])",
        "column.metric(tr('k'), escape_markdown(value), delta=after - before)",
        "st.markdown('\\n'.join(f'{i}. {escape_markdown(x)}' for i, x in enumerate(xs, start=1)))",
        "def title_md(x):\n    return escape_markdown(x)\nst.title(title_md(y))",
        "text = tr('a')\ntext += ' ' + escape_markdown(b)\nst.markdown(text)",
        "st.selectbox(tr('k'), names)",  # a selectbox shows its options as plain text
        "st.dataframe(frame, help=tr('k'))",
    ],
)
def test_the_markdown_check_accepts_escaped_text(source: str) -> None:
    assert markdown_offenders(source) == []


def test_the_md_helper_check_catches_a_helper_returning_raw_text() -> None:
    assert unsafe_md_functions("def title_md(row):\n    return row.title") == [(1, "title_md")]
    assert unsafe_md_functions("def title_md(row):\n    return escape_markdown(row.title)") == []


# --- the helper ------------------------------------------------------------------------------------


def test_ordinary_text_reads_as_typed() -> None:
    from components.safe_markdown import escape_markdown

    # Escaping only what would mean something keeps names, addresses and sentences as people wrote
    # them (a backslash in front of every dot would show in tests, logs and e-mails copied from a page).
    for text in (
        "Jobcenter Nord: 2.-3. klasse (indskoling)!",
        "Bibliotek & Co",
        "anna.b@example.dk",
        "Søren Ærø",
        "12-03-2025",
        "50 % af 3,5 timer",
        "Spørgsmål? Ring 12 34 56 78.",
    ):
        assert escape_markdown(text) == text
    assert escape_markdown(None) == ""
    assert escape_markdown(1234) == "1234"


def test_tr_md_escapes_the_names_in_a_translation_but_not_its_words() -> None:
    from components.safe_markdown import escape_markdown, tr_md
    from lib.core.i18n import t

    shown = tr_md("importpage.sheet_title", sheet="**Ark**", rows=1234)
    assert shown == t("importpage.sheet_title", "da", sheet=r"\*\*Ark\*\*", rows=1234)
    assert "1.234" in shown  # numbers are written as the reader writes them, untouched
    assert escape_markdown("**Ark**") == r"\*\*Ark\*\*"


def test_a_table_for_st_table_has_every_cell_heading_and_row_label_escaped() -> None:
    import pandas as pd

    from components.safe_markdown import escape_markdown, table_md

    frame = pd.DataFrame({"**Navn**": ["![x](http://evil/b)", "Anna", ""]}, index=["*1*", "2", "3"])
    frame.index.name = "#"
    shown = table_md(frame)
    assert list(shown.columns) == [r"\*\*Navn\*\*"]
    assert list(shown.iloc[:, 0]) == [escape_markdown("![x](http://evil/b)"), "Anna", ""]
    assert shown.iloc[0, 0].startswith(r"!\[x\](http")
    assert list(shown.index) == [r"\*1\*", "2", "3"] and shown.index.name == r"\#"
    assert markdown_offenders("st.table(table_md(frame))") == []


def test_lib_messages_quote_their_data_and_other_errors_say_nothing() -> None:
    from components.safe_markdown import message_md
    from lib.core.errors import FileRefused
    from lib.core.i18n import t

    assert message_md(FileRefused("read.unsupported_extension", extension="*exe*")) == t(
        "read.unsupported_extension", "da", extension=r"\*exe\*"
    )
    assert message_md(ValueError("/etc/passwd: **details**")) == t("common.unexpected_error", "da")


# --- the import preview, as AppTest reads it --------------------------------------------------------

#: What makes Markdown in the payloads visible: bold text, marked so the page can be searched for it.
MARK = "fedtekst"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def payload(port: int) -> str:
    """A remote image and bold text, as a partner's spreadsheet could carry them."""
    return f"![x](http://127.0.0.1:{port}/beacon) **{MARK}**"


def hostile_workbook(text: str) -> bytes:
    """An .xlsx whose sheet name, title row and a column header are ``text`` (with a word before it).

    Excel refuses such a sheet name, but the file is XML: whoever writes it can name a sheet anything.
    """
    import io
    import zipfile
    from xml.sax.saxutils import quoteattr

    from tests.sheets import xlsx

    plain = xlsx(
        {"Ark": [[f"Titel {text}"], ["Navn", "E-mail", f"Kolonne {text}"], ["Jens Hansen", "jens@example.dk", "x"]]}
    )
    source, written = zipfile.ZipFile(io.BytesIO(plain)), io.BytesIO()
    with zipfile.ZipFile(written, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/workbook.xml":
                data = data.replace(b'name="Ark"', b"name=" + quoteattr(f"Ark {text}").encode())
            target.writestr(item, data)
    return written.getvalue()


def markdown_texts(at: Any) -> list[str]:
    """Every text of the page that Streamlit renders as Markdown, as the page handed it over."""
    texts = [
        element.value
        for kind in ("title", "header", "subheader", "markdown", "caption", "info", "success", "warning", "error")
        for element in at.get(kind)
    ]
    texts += [box.label for box in at.expander] + [tab.label for tab in at.tabs]
    texts += [m.label for m in at.metric] + [m.value for m in at.metric]
    for kind in (
        "button",
        "checkbox",
        "selectbox",
        "multiselect",
        "radio",
        "text_input",
        "file_uploader",
        "download_button",
    ):
        texts += [text for widget in at.get(kind) for text in (widget.proto.label, widget.proto.help) if text]
    return texts


@pytest.mark.slow
def test_the_import_preview_hands_streamlit_file_texts_escaped(db: Any) -> None:
    from components.safe_markdown import escape_markdown
    from tests import apptest_support

    text = payload(9)
    at = apptest_support.run_page("../pages/importer.py")
    at.file_uploader[0].set_value((f"Fil {text}.xlsx", hostile_workbook(text), XLSX_MIME))
    apptest_support.rerun(at)
    shown = markdown_texts(at)
    assert not [t for t in shown if text in t], "a file's text reached Markdown unescaped"
    for part in (f"Fil {text}.xlsx", f"Ark {text}", f"Titel {text}", f"Kolonne {text}"):
        assert any(escape_markdown(part) in t for t in shown), f"{part!r} is not shown"


#: Login set up as on a server (tests/pages/test_roles.py has the same), with one admin.
LOGIN_SECRETS = {
    "auth": {
        "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
        "cookie_secret": secrets.token_urlsafe(48),
        "client_id": "radar",
        "client_secret": "s" * 20,
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
    },
    "roles": {"admins": ["chef@bib.dk"], "default": "none"},
}


@pytest.mark.slow
def test_names_from_the_login_token_are_shown_escaped(db: Any) -> None:
    from components.safe_markdown import escape_markdown
    from tests import apptest_support

    # The name comes from the identity provider, where people choose it themselves.
    text = payload(9)
    at = apptest_support.run_page(
        "../dashboard.py", secrets=LOGIN_SECRETS, user={"is_logged_in": True, "email": "chef@bib.dk", "name": text}
    )
    signed_in = [c.value for c in at.sidebar.caption if escape_markdown(text) in c.value]
    assert signed_in and not [c.value for c in at.sidebar.caption if text in c.value]
    # Someone without a role is told so, by their e-mail address: also the provider's word.
    at = apptest_support.run_page(
        "../dashboard.py",
        secrets=LOGIN_SECRETS,
        user={"is_logged_in": True, "email": f"**{MARK}**@andet.dk", "name": text},
    )
    assert [w.value for w in at.warning if escape_markdown(f"**{MARK}**@andet.dk") in w.value]
    assert not [w.value for w in at.warning if f"**{MARK}**" in w.value]


# --- in the browser ---------------------------------------------------------------------------------


class _Beacon(http.server.BaseHTTPRequestHandler):
    """Answers every request with an empty 404 and notes the path; the test reads the notes."""

    requested: list[str]

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.requested.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def beacon() -> Iterator[tuple[int, list[str]]]:
    """A web server on a free loopback port that records every request made to it: (port, paths)."""
    requested: list[str] = []
    handler = type("Beacon", (_Beacon,), {"requested": requested})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], requested
    finally:
        server.shutdown()
        server.server_close()


def payload_workspace(text: str) -> Callable[[dict[str, str]], None]:
    """The demo library plus a staff member, an organisation, a goal and a partnership named ``text``."""

    def prepare(env: dict[str, str]) -> None:
        import datetime as dt

        from sqlalchemy import select

        from lib.db import Organisation, Person, Relation, open_database
        from lib.planning.goals import create_goal
        from lib.planning.partnerships import create_partnership
        from tests.browser_support import demo_workspace

        demo_workspace(env)
        db = open_database(env["DATABASE_URL"], cached=False)
        try:
            with db.write() as session:
                staff = session.scalars(select(Person).where(Person.is_staff.is_(True)).order_by(Person.id)).first()
                staff.name = f"Aase {text}"
                organisation = Organisation(name=f"Org {text}", name_key="org payload")
                session.add(organisation)
                session.flush()
                session.add(
                    Relation(
                        from_person_id=staff.id, to_organisation_id=organisation.id, kind="partner", owner_id=staff.id
                    )
                )
                create_goal(
                    session,
                    {
                        "title": f"Mål {text}",
                        "baseline": 1,
                        "target": 2,
                        "baseline_date": dt.date(2024, 1, 1),
                        "target_date": dt.date(2027, 1, 1),
                    },
                )
                create_partnership(
                    session,
                    {
                        "title": f"Partnerskab {text}",
                        "owner_id": staff.id,
                        "stage": "managing_maintaining",
                        "start_date": dt.date(2024, 1, 1),
                    },
                    organisation_ids=[organisation.id],
                )
        finally:
            db.dispose()

    return prepare


@pytest.fixture(scope="module")
def payload_dashboard(tmp_path_factory: pytest.TempPathFactory, beacon: tuple[int, list[str]]) -> Iterator[str]:
    from tests.browser_support import running_dashboard

    with running_dashboard(tmp_path_factory.mktemp("markdown"), payload_workspace(payload(beacon[0]))) as base:
        yield base


#: Where Streamlit puts what it rendered from Markdown: headings, text, alerts and labels; captions.
_MARKDOWN_OUTPUT = "[data-testid='stMarkdownContainer'], [data-testid='stCaptionContainer']"
#: The text of everything on the page Streamlit rendered from Markdown (the invisible word joiners that
#: keep short codes apart taken out).
_MARKDOWN_TEXT = f"""() => [...document.querySelectorAll("{_MARKDOWN_OUTPUT}")]
    .map((e) => e.textContent).join('\\n').replaceAll('\\u2060', '')"""
#: Bold or italic text that is just the mark, and images or links to the beacon (a heading's own anchor,
#: "#…-beacon-…", is a link within the page).
_MARKUP_AROUND_MARK = """(mark) => [...document.querySelectorAll('strong, b, em, i, img, a, h1, h2, h3, h4, h5, h6')]
    .filter((e) => e.textContent.trim() === mark || (e.getAttribute('src') || '').includes('beacon')
                   || /^[^#].*beacon/.test(e.getAttribute('href') || ''))
    .map((e) => e.outerHTML)"""


def _settled(page: Any) -> None:
    # Let the run finish and every image load or fail first: a beacon is requested only then.
    page.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=60_000)
    page.wait_for_load_state("networkidle", timeout=60_000)


def _assert_literal(page: Any, where: str, requested: list[str], *texts: str) -> None:
    """Nothing was fetched, no Markdown in a text became markup, and each of ``texts`` is shown, as it
    is written, by Streamlit's Markdown (not merely in a plain-text widget)."""
    _settled(page)
    assert requested == [], f"{where}: the browser fetched {requested}"
    assert page.evaluate(_MARKUP_AROUND_MARK, MARK) == [], f"{where}: Markdown in a text became markup"
    assert page.locator("[data-testid='stException']").count() == 0, where
    shown = page.evaluate(_MARKDOWN_TEXT)
    for text in texts:
        assert text in shown, f"{where}: {text!r} is not shown as it is written"


def _shown(page: Any, text: str) -> Any:
    """The first visible piece of Markdown output holding ``text``."""
    return page.locator(_MARKDOWN_OUTPUT).filter(has_text=text, visible=True).first


def _open_from_picker(page: Any, label: str, option: str) -> None:
    """Choose the option holding ``option`` in the selectbox labelled ``label``, by typing the mark."""
    page.locator("[data-testid='stSelectbox']").filter(has_text=label).click()
    page.keyboard.type(MARK)
    page.get_by_role("option").filter(has_text=option).first.click()
    page.get_by_role("heading").filter(has_text=option).first.wait_for(timeout=60_000)


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_finding_6_markdown_payloads_render_as_text(
    payload_dashboard: str, browser: Any, beacon: tuple[int, list[str]]
) -> None:
    from tests.browser_support import open_page, page_paths

    port, requested = beacon
    text = payload(port)
    staff, organisation = f"Aase {text}", f"Org {text}"
    partnership, goal = f"Partnerskab {text}", f"Mål {text}"
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        for path in page_paths():
            open_page(page, f"{payload_dashboard}/{path}")
            page.wait_for_selector("h1", timeout=60_000)
            _assert_literal(page, path or "/", requested)
        # The partnership: its alert and pipeline card, then opened under its own heading.
        open_page(page, f"{payload_dashboard}/partnerskaber")
        _assert_literal(page, "the partnerships", requested, f"»{partnership}«", partnership)
        _open_from_picker(page, "Åbn partnerskab", "Partnerskab ")
        _assert_literal(page, "the opened partnership", requested, partnership)
        # The goal no partnership serves, and the partnership that serves no goal.
        open_page(page, f"{payload_dashboard}/maal")
        page.get_by_role("tab", name="Dækning").click()
        _shown(page, "Mål ![x]").wait_for(timeout=60_000)
        _assert_literal(page, "the goals' coverage", requested, goal, partnership)
        # The staff member: the self-assessment heading and what is lost if they leave.
        open_page(page, f"{payload_dashboard}/organisation")
        _assert_literal(
            page, "the organisation", requested, f"for {staff}", f"Hvad går tabt, hvis {staff} stopper?", organisation
        )
        # The organisation opened on the network map: its name heads the details, its owner below.
        open_page(page, f"{payload_dashboard}/netvaerk")
        _open_from_picker(page, "Find og åbn", "Org ")
        _assert_literal(page, "the opened organisation", requested, organisation, staff)
        # The import preview: the file's name, a sheet's name, its title row and a column header.
        open_page(page, f"{payload_dashboard}/importer")
        page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
            [{"name": f"Fil {text}.xlsx", "mimeType": XLSX_MIME, "buffer": hostile_workbook(text)}]
        )
        sheet = page.locator("[data-testid='stExpander'] details").filter(has_text="Ark ").first
        sheet.wait_for(timeout=60_000)
        _settled(page)
        if sheet.get_attribute("open") is None:  # a sheet left out starts folded
            sheet.locator("summary").click()
        _shown(page, "Titel ![x]").wait_for(timeout=60_000)
        _assert_literal(
            page, "the import preview", requested, f"Fil {text}.xlsx", f"Ark {text}", f"Titel {text}", f"Kolonne {text}"
        )
    finally:
        page.close()


#: Markdown and Streamlit syntax of every kind, each of which must come out as the text it is.
SYNTAX = (
    "![x](http://127.0.0.1:{port}/beacon)",
    "**fed** __fed__ *kursiv* _kursiv_",
    "`kode` ~~streg~~ ~streg~",
    ":red[rød] :blue-badge[mærke] :small[lille]",
    ":material/home: :material_home: :smile: :+1: :streamlit:",
    "$x^2$ og $$y$$",
    "<b>html</b> &lt;b&gt; &#42;",
    "[link](http://127.0.0.1:{port}/beacon) <http://x.dk> www.x.dk",
    "1. først",
    "2) anden",
    "- punkt",
    "+ punkt",
    "* punkt",
    "# overskrift",
    "> citat",
    "::blad[x]",
    "a | b",
    "Jobcenter Nord: 2.-3. klasse (indskoling)!",
    "\\*ikke fed\\*",
)
_SYNTAX_APP = """
import sys
sys.path.insert(0, {root!r})
import streamlit as st
from components.safe_markdown import escape_markdown

texts = {texts!r}
st.markdown(":wave:")  # a short code of our own makes Streamlit load its emoji support on the page
for index, text in enumerate(texts):
    with st.container(key=f"body{{index}}"):
        st.markdown(escape_markdown(text))
    with st.container(key=f"item{{index}}"):
        st.markdown("- " + escape_markdown(text) + " :wave:")
    with st.container(key=f"caption{{index}}"):
        st.caption(escape_markdown(text))
st.checkbox(escape_markdown(texts[0]), help=escape_markdown(texts[1]))
st.radio(escape_markdown(texts[2]), [escape_markdown(t) for t in texts[3:6]])
st.metric(escape_markdown(texts[4]), escape_markdown(texts[1]), escape_markdown(texts[2]))
st.tabs([escape_markdown(t) for t in texts[:4]])
st.info(escape_markdown(texts[5]), title=escape_markdown(texts[1]))
with st.expander(escape_markdown(texts[0]) + " " + escape_markdown(texts[4])):
    st.write("")
"""


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_escaped_text_of_every_kind_renders_as_it_is_written(
    tmp_path: Path, browser: Any, beacon: tuple[int, list[str]]
) -> None:
    import subprocess
    import sys

    from tests.browser_support import free_port, wait_healthy

    port, requested = beacon
    texts = [text.format(port=port) for text in SYNTAX]
    (tmp_path / "syntax.py").write_text(_SYNTAX_APP.format(root=str(ROOT), texts=texts), encoding="utf-8")
    app_port = free_port()
    with (tmp_path / "streamlit.log").open("wb") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "syntax.py",
                "--server.port",
                str(app_port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=tmp_path,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        wait_healthy(f"http://127.0.0.1:{app_port}", process)
        page.goto(f"http://127.0.0.1:{app_port}", wait_until="domcontentloaded")
        page.wait_for_selector(".st-key-caption0", timeout=60_000)
        _settled(page)
        assert requested == []
        for index, text in enumerate(texts):
            for kind in ("body", "item", "caption"):
                block = page.locator(f".st-key-{kind}{index}")
                shown = block.evaluate("(e) => e.innerText.replaceAll('\\u2060', '').replace(/\\s*👋$/, '')")
                assert shown.strip() == text, f"{kind} {index}"
                markup = block.locator(
                    "strong, em, code, del, img, a, h1, h2, h3, ol, blockquote, table, "
                    ".katex, [role='img'], .stMarkdownColoredText, .stMarkdownBadge"
                )
                assert markup.count() == 0, f"{kind} {index}: {block.inner_html()}"
        labels = page.evaluate(_MARKDOWN_TEXT)
        for text in texts[:6]:
            assert text in labels
        assert page.locator("[data-testid='stMain'] img").count() == 0
    finally:
        page.close()
        process.terminate()
        process.wait(timeout=15)
