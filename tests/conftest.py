"""Shared fixtures: a CLI runner with a clean environment, and small case files in tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

# Property tests run under a profile: "quick" by default (a developer's run), "thorough" in CI
# (.ci/run exports HYPOTHESIS_PROFILE=thorough): more examples, and derandomized so a CI run is
# reproducible -- a failure found there fails the same way on a developer's machine.
_RELAXED = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("quick", max_examples=60, **_RELAXED)
settings.register_profile("thorough", max_examples=250, derandomize=True, **_RELAXED)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))


def examples(share: float = 1.0) -> settings:
    """The profile's number of examples, scaled for a test whose example costs more than most."""
    return settings(max_examples=max(10, int(settings().max_examples * share)))


TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
SAMPLES = REPO / "sample_cases"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test reads the developer's own config or cache, or saves into their own data folder."""
    monkeypatch.delenv("CASESTAFF_CONFIG", raising=False)
    monkeypatch.setenv("CASESTAFF_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("CASESTAFF_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("COLUMNS", "120")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """write("name.yaml", '''yaml text''') -> path; the text is dedented."""

    def _write(name: str, text: str, *, raw: bytes | None = None) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if raw is not None:
            path.write_bytes(raw)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


REGENERATE = "CASESTAFF_REGEN_GOLDEN"
"""Set to 1 to rewrite the golden files and agenda snapshots from today's output; then read the diff."""


def matches_golden(path: Path, output: str, what: str) -> None:
    """`output` equals the golden file at `path`, or (with CASESTAFF_REGEN_GOLDEN=1) becomes it.

    One switch for every golden file and snapshot, and one message that says how to accept an
    intended change."""
    if os.environ.get(REGENERATE) == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(output, encoding="utf-8", newline="\n")
    expected = path.read_text(encoding="utf-8") if path.exists() else "(no golden file yet)"
    assert output == expected, (
        f"{what} changed; if that is intended, run {REGENERATE}=1 python -m pytest and review the diff of"
        f" {path.relative_to(REPO)}"
    )


def run_with_stdout_on_a_terminal(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    """`casestaff ARGS` in a process of its own whose stdout is a pseudo-terminal (POSIX only):
    what a user typing the command sees; its stderr captured."""
    import pty

    main, secondary = pty.openpty()
    env = {**os.environ, "CASESTAFF_CACHE_DIR": str(tmp_path / "cache"), "CASESTAFF_DATA_DIR": str(tmp_path / "data")}
    try:
        return subprocess.run(
            [sys.executable, "-c", "from casestaff.cli.main import main; main()", *args],
            stdout=secondary, stderr=subprocess.PIPE, env=env, timeout=120, check=False,
        )
    finally:
        os.close(secondary)
        os.close(main)
