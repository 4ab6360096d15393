"""Writes requirements.lock: every package of the dev environment at its exact version (``make lock``).

``requirements.txt`` and ``requirements-dev.txt`` pin what we use directly; this file pins what
those pull in as well, so that ``scripts/setup.sh`` (which installs with ``-c requirements.lock``)
gives a fresh machine the same transitive versions as the machine the tests passed on. It reads
``pip freeze`` of ``.venv`` (set up with ``scripts/setup.sh --dev``), writes names in their
normal form (lower case, ``-``), sorted, and refuses a package that is not installed from the index
(an editable or local install cannot be a constraint).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
HEADER = """\
# Every package of the full dev environment at its exact version: the transitive lock beside the
# direct pins of requirements.txt and requirements-dev.txt. Made by `make lock` (scripts/make_lock.py,
# from `pip freeze` of .venv set up with `scripts/setup.sh --dev`); do not edit by hand. setup.sh
# installs with `-c requirements.lock`; tests/codebase/test_lock.py checks every pin agrees with it.
"""
LINE = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)$")


def normal_name(name: str) -> str:
    """The package's name as the index compares it (PEP 503): lower case, runs of -_. as one -."""
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_lines(freeze: str) -> list[str]:
    lines = []
    for raw in freeze.splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        match = LINE.match(raw.strip())
        if match is None:
            raise SystemExit(f"not a pinned package from the index, cannot lock it: {raw}")
        lines.append(f"{normal_name(match[1])}=={match[2]}")
    return sorted(lines)


def main() -> int:
    pip = Path(sys.executable).parent / "pip"
    freeze = subprocess.run([str(pip), "freeze", "--exclude-editable"], capture_output=True, text=True, check=True)
    LOCK.write_text(HEADER + "\n".join(locked_lines(freeze.stdout)) + "\n", encoding="utf-8")
    print(f"wrote {LOCK.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
