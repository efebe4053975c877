"""The commands a new user runs first answer, with the documented exit codes."""

from __future__ import annotations

from casestaff.cli import app

from .conftest import SAMPLES


def test_every_command_has_help(runner):
    for command in ("due", "check", "schema", "programs"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0, result.output
        assert "Usage" in result.output


def test_samples_check_clean(runner):
    result = runner.invoke(app, ["check", str(SAMPLES)])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


def test_bad_as_of_is_a_usage_error(runner):
    result = runner.invoke(app, ["due", str(SAMPLES), "--as-of", "2026-13-01"])
    assert result.exit_code == 2
    assert "--as-of: '2026-13-01' is not a date; write it as YYYY-MM-DD" in result.output


def test_missing_path_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(app, ["check", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output
