"""Modules of lib and components stay readable: none over 700 lines, and a module split in parts keeps
its old name.

Translations, migrations and the demo's data are long by nature and left out.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 700
LEFT_OUT = ("lib/core/translations/", "lib/db/migrations/", "lib/demo/")

#: A module split into parts, and the parts whose public names it still offers.
FACES = {
    "lib.planning.partnerships": (
        "partnership_fields",
        "partnership_editing",
        "partnership_contacts",
        "partnership_agreements",
        "partnership_agreement_form",
        "partnership_overview",
        "partnership_import",
    ),
    "lib.planning.evaluations": (
        "evaluation_items",
        "evaluation_rounds",
        "evaluation_answers",
        "evaluation_health",
        "evaluation_import",
    ),
    "lib.planning.candidates": ("candidate_scores", "candidate_ranking", "candidate_assessments", "candidate_import"),
    "lib.contacts.organisation_duplicates": ("organisation_names", "organisation_pairs", "organisation_register"),
    "lib.library.staff": ("staff_roles", "staff_competences", "staff_dependencies"),
    "lib.library.strengths": ("strengths_offers", "strengths_flyer"),
    "lib.network.page": ("page_texts",),
}


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_of_lib_or_components_is_over_700_lines() -> None:
    long = {
        path.relative_to(ROOT).as_posix(): _lines(path)
        for folder in ("lib", "components")
        for path in (ROOT / folder).rglob("*.py")
        if not path.relative_to(ROOT).as_posix().startswith(LEFT_OUT) and _lines(path) > LIMIT
    }
    assert long == {}, f"split these by responsibility (docs/architecture.md lists every module): {long}"


def _public_names(module: str) -> set[str]:
    """The names a module defines at its top level (functions, classes, constants), not the ones it imports."""
    tree = ast.parse(Path(importlib.import_module(module).__file__ or "").read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names |= {target.id for target in node.targets if isinstance(target, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return {name for name in names if not name.startswith("_")}


@pytest.mark.parametrize("face", sorted(FACES))
def test_a_split_module_still_offers_every_public_name_of_its_parts(face: str) -> None:
    module = importlib.import_module(face)
    package = face.rsplit(".", 1)[0]
    for part in FACES[face]:
        defined = _public_names(f"{package}.{part}")
        assert defined, part
        missing = sorted(defined - set(module.__all__))
        assert missing == [], f"{face} does not re-export {missing} of {part}"
        source = importlib.import_module(f"{package}.{part}")
        # The same object, so a caller of the old path and one of the part see one function, one constant.
        assert all(getattr(module, name) is getattr(source, name) for name in defined)
