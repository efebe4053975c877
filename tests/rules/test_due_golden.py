"""The README demo, frozen: `casestaff due sample_cases --as-of 2026-12-01`, as plain text.

CliRunner's stdout is not a terminal, so this is the piped (plain) format a caseworker gets with
`casestaff due ... > today.txt`. Any change to the samples, the rules or the layout shows up
here as a diff to review.

When a change is intended, rewrite the golden file and read the diff before committing it:

    CASESTAFF_REGEN_GOLDEN=1 python -m pytest tests/rules/test_due_golden.py
"""

from __future__ import annotations


import pytest

from casestaff.cli.main import app

from ..conftest import REPO, matches_golden

GOLDEN = REPO / "tests" / "golden" / "due_2026-12-01.txt"


def _due_output(runner, monkeypatch: pytest.MonkeyPatch) -> str:
    # A relative path from the repository root keeps the file column stable on every machine.
    monkeypatch.chdir(REPO)
    result = runner.invoke(app, ["due", "sample_cases", "--as-of", "2026-12-01"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    # Windows prints its own path separator; the golden file is written with '/'.
    return result.stdout.replace("sample_cases\\", "sample_cases/")


def test_due_on_the_samples_matches_the_golden_file(runner, monkeypatch):
    output = _due_output(runner, monkeypatch)
    matches_golden(GOLDEN, output, "`casestaff due sample_cases --as-of 2026-12-01`")


def test_golden_file_is_the_full_demo(runner, monkeypatch):
    """Guard against freezing an empty or broken list: the golden file shows what the README promises."""
    text = GOLDEN.read_text(encoding="utf-8")
    assert text.startswith("casestaff due -- as of Tue 2026-12-01; window: 14 days, to Tue 2026-12-15\n")
    assert "24 participants need attention (18 overdue) among 29 cases." in text
    for program in ("la-step", "il-snap-et", "or-ssp-reengagement", "fc-reintegration", "or-ssp-case-management"):
        assert f" -- {program} -- " in text
    assert "\nProgram calendar\n" in text
    assert "Traceback" not in text
