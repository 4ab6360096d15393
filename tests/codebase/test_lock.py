"""The lock of transitive versions (requirements.lock) agrees with the exact pins we choose ourselves.

``requirements.txt`` and ``requirements-dev.txt`` pin each package we use directly; ``requirements.lock``
(written by ``make lock``) pins everything they pull in too, and ``scripts/setup.sh`` installs with it
as constraints. A pin changed in one place and not the other would make pip refuse the install, or
install a version nobody tested: these tests say which.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(\S+)$")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(path: Path) -> dict[str, str]:
    """The exact pins of a requirements file by normal name, following ``-r`` includes."""
    pins: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("-r "):
            pins |= _pins(path.parent / line[3:].strip())
            continue
        match = PIN.match(line)
        assert match is not None, f"{path.name}: not an exact pin: {raw!r}"
        pins[_normal(match[1])] = match[2]
    return pins


def test_every_exact_pin_agrees_with_the_lock() -> None:
    lock = _pins(ROOT / "requirements.lock")
    for name in ("requirements.txt", "requirements-dev.txt"):
        pins = _pins(ROOT / name)
        assert pins, f"{name} pins nothing"
        missing = sorted(package for package in pins if package not in lock)
        assert not missing, f"{name} pins packages the lock lacks (run `make lock`): {missing}"
        differ = {package: (version, lock[package]) for package, version in pins.items() if lock[package] != version}
        assert not differ, f"{name} and requirements.lock disagree (pin, lock): {differ}"


def test_the_lock_is_written_in_its_normal_form() -> None:
    lines = [
        line
        for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    assert lines == sorted(lines), "requirements.lock is not sorted (run `make lock`)"
    for line in lines:
        match = PIN.match(line)
        assert match is not None and match[1] == _normal(match[1]), f"not a normalised exact pin: {line!r}"
    assert len({line.split("==")[0] for line in lines}) == len(lines), "a package is locked twice"


def test_setup_installs_with_the_lock_as_constraints() -> None:
    setup = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    installs = [line for line in setup.splitlines() if "pip install" in line]
    assert installs and all("-c requirements.lock" in line for line in installs), installs
