"""``lib.contacts`` offers its names on first use (PEP 562), so the importer starts without the rest."""

from __future__ import annotations

import importlib
import subprocess
import sys

import lib.contacts as contacts


def test_every_name_the_package_offers_is_its_home_modules_object() -> None:
    assert set(contacts.__all__) == set(contacts._HOMES)
    for name, home in contacts._HOMES.items():
        assert getattr(contacts, name) is getattr(importlib.import_module(home), name), name


def test_the_importer_starts_without_pandas_numpy_networkx_scipy_or_openpyxl() -> None:
    code = (
        "import sys, lib.cli.main, lib.ingest.contact_lists, lib.db; "
        "print(sorted(m for m in ('pandas', 'numpy', 'networkx', 'scipy', 'openpyxl') if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
