"""The lock (constraints.txt) pins every dependency the README installs, within the declared ranges."""

from __future__ import annotations

import re
import sys

from packaging.requirements import Requirement
from packaging.version import Version

from ..conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def declared() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(text) for text in project["dependencies"] + project["optional-dependencies"]["test"]]


def pinned() -> dict[str, list[tuple[Version, str]]]:
    """name -> [(version, environment marker)] from the lock; a name may be pinned per Python version."""
    found: dict[str, list[tuple[Version, str]]] = {}
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)\s*(?:;\s*(.*))?$", line)
        if match:
            name = re.sub(r"[-_.]+", "-", match[1]).lower()
            found.setdefault(name, []).append((Version(match[2]), match[3] or ""))
    return found


def test_every_declared_dependency_is_pinned_in_the_lock_within_its_range():
    lock = pinned()
    for requirement in declared():
        name = re.sub(r"[-_.]+", "-", requirement.name).lower()
        assert name in lock, f"{requirement.name} is declared in pyproject.toml but not locked; refresh the lock (README, Installed versions)"
        for version, marker in lock[name]:
            assert requirement.specifier.contains(version, prereleases=True), (
                f"the lock pins {requirement.name}=={version} ({marker or 'everywhere'}), outside the declared"
                f" {requirement.specifier}; refresh the lock or fix the range"
            )


def test_the_lock_pins_exact_versions_only():
    text = (REPO / "constraints.txt").read_text(encoding="utf-8")
    requirement_lines = [line for line in text.splitlines() if line and not line.startswith((" ", "#"))]
    assert requirement_lines
    assert all("==" in line for line in requirement_lines), "every line of the lock pins one exact version"
