"""The lint and type gates: ruff and mypy pass, with the settings in pyproject.toml.

They run here so that the README's test command, which CI runs too, is the one check: a
developer and CI cannot disagree about them. Both come with the test extra (`.[test]`).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from ..conftest import REPO

LINTED = ("src", "tests", "docs", "benchmarks")


def run_tool(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec(module) is None:
        pytest.fail(f"{module} is not installed; install the test extra: python -m pip install -c constraints.txt \".[test]\"")
    return subprocess.run([sys.executable, "-m", module, *args], cwd=REPO, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing():
    result = run_tool("ruff", "check", *LINTED)
    assert result.returncode == 0, f"`ruff check {' '.join(LINTED)}` failed:\n{result.stdout}{result.stderr}"


def test_mypy_finds_nothing():
    """mypy as configured in pyproject.toml ([tool.mypy]: src/casestaff, as Python 3.10 sees it)."""
    result = run_tool("mypy")
    assert result.returncode == 0, f"`mypy` failed:\n{result.stdout}{result.stderr}"
