"""The rules of the codebase, checked inside the suite so the README's one test command covers them.

* ``ruff check`` and ``ruff format --check``: the rule set and its reasons are in ``pyproject.toml``.
* import-linter's contracts (``[tool.importlinter]`` in ``pyproject.toml``): lib never imports
  streamlit or the components; lib's domains depend only on the ones below them; components reach
  the database only through lib's services, with no exception.
* ``mypy`` over lib (its configuration is in ``pyproject.toml`` too).
* Pages are scripts, not a package, so import-linter cannot see them: some tests read their imports
  themselves; and no component or page opens a transaction (``with db.read()/.write()``): lib does.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

#: Modules a page may not import: the database is reached through lib's services.
PAGE_FORBIDDEN = ("sqlalchemy", "lib.db")
#: Pages allowed a forbidden import, by name (none today; a new one needs a reason here).
PAGE_EXCEPTIONS: set[tuple[str, str]] = set()


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing() -> None:
    result = _run(sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_is_formatted_by_ruff() -> None:
    result = _run(sys.executable, "-m", "ruff", "format", "--no-cache", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_import_contracts_are_kept() -> None:
    result = _run(str(BIN / "lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr
    assert "0 broken" in result.stdout


def _imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
    return modules


def _reaches(module: str, forbidden: str) -> bool:
    return module == forbidden or module.startswith(forbidden + ".")


PAGES = sorted((ROOT / "pages").glob("*.py"))


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_a_page_reaches_the_database_only_through_lib(page: Path) -> None:
    relative = page.relative_to(ROOT).as_posix()
    found = sorted(
        forbidden
        for module in _imported_modules(page)
        for forbidden in PAGE_FORBIDDEN
        if _reaches(module, forbidden) and (relative, forbidden) not in PAGE_EXCEPTIONS
    )
    assert found == []


def test_nothing_imports_a_page() -> None:
    sources = [*(ROOT / "lib").rglob("*.py"), *(ROOT / "components").rglob("*.py"), *PAGES, ROOT / "dashboard.py"]
    importing = [
        source.relative_to(ROOT).as_posix()
        for source in sources
        if any(_reaches(module, "pages") for module in _imported_modules(source))
    ]
    assert importing == []


def test_every_page_exception_is_still_needed() -> None:
    # An exception whose import is gone must leave the list, or the list stops saying what is left.
    for relative, forbidden in sorted(PAGE_EXCEPTIONS):
        assert any(_reaches(module, forbidden) for module in _imported_modules(ROOT / relative)), relative


@pytest.mark.parametrize(
    ("source", "found"),
    [("import sqlalchemy\n", True), ("from lib.db import Person\n", True), ("from lib.core import i18n\n", False)],
)
def test_the_page_check_sees_a_forbidden_import(tmp_path: Path, source: str, found: bool) -> None:
    page = tmp_path / "page.py"
    page.write_text(source, encoding="utf-8")
    assert (
        any(_reaches(module, forbidden) for module in _imported_modules(page) for forbidden in PAGE_FORBIDDEN) is found
    )


def _mapped_paths() -> set[str]:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    return set(re.findall(r"^(lib/\S+)", text, flags=re.MULTILINE))


def _lib_modules() -> set[str]:
    # A folder of one kind (translation sections, migrations) is listed once, as the folder.
    folders = ("lib/core/translations/", "lib/db/migrations/")
    modules = {path.relative_to(ROOT).as_posix() for path in (ROOT / "lib").rglob("*.py")}
    modules = {module for module in modules if not module.startswith(folders)} | set(folders)
    packages = {module.removesuffix("__init__.py") for module in modules if module.endswith("/__init__.py")}
    return {module for module in modules if not module.endswith("/__init__.py") and module != "lib/__init__.py"} | (
        packages - {"lib/"}
    )


def test_the_architecture_map_lists_every_module_of_lib() -> None:
    assert sorted(_lib_modules() - _mapped_paths()) == []


def test_the_architecture_map_lists_no_module_that_is_gone() -> None:
    assert sorted(path for path in _mapped_paths() if not (ROOT / path).exists()) == []


def test_mypy_finds_nothing_in_lib() -> None:
    # Which files, how strict, and which libraries ship no types: [tool.mypy] in pyproject.toml.
    result = _run(sys.executable, "-m", "mypy", "--cache-dir", os.devnull)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_components_contract_has_no_exceptions() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = {contract["id"]: contract for contract in config["tool"]["importlinter"]["contracts"]}
    assert contracts["components-reach-no-database"].get("ignore_imports", []) == []
    assert not PAGE_EXCEPTIONS


def _transactions_opened(source: Path) -> list[int]:
    """Lines with ``with <something>.read()/.write()/.begin()``: a transaction the code opens itself."""
    tree = ast.parse(source.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.With | ast.AsyncWith)
        for item in node.items
        if isinstance(call := item.context_expr, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr in {"read", "write", "begin", "begin_nested"}
    ]


def test_no_component_or_page_opens_a_transaction() -> None:
    sources = [*sorted((ROOT / "components").rglob("*.py")), *PAGES, ROOT / "dashboard.py"]
    opened = {
        source.relative_to(ROOT).as_posix(): lines for source in sources if (lines := _transactions_opened(source))
    }
    assert opened == {}


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("with database().read() as session:\n    pass\n", True),
        ("with db.write() as session:\n    pass\n", True),
        ("with engine.begin() as connection:\n    pass\n", True),
        ("with st.spinner('...'):\n    pass\n", False),
        ("with open(path) as handle:\n    text = handle.read()\n", False),
    ],
)
def test_the_transaction_check_sees_a_transaction(tmp_path: Path, source: str, found: bool) -> None:
    component = tmp_path / "component.py"
    component.write_text(source, encoding="utf-8")
    assert bool(_transactions_opened(component)) is found
