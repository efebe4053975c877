"""`casestaff agenda` from the user's side: which case, which date, where it goes, exit codes."""

from __future__ import annotations

import os
import stat

import pytest

from ..conftest import TESTS
from casestaff.cli.main import app

FIXTURES = TESTS / "fixtures" / "agenda"
LA = FIXTURES / "la-step-sanction.yaml"


def test_blocked_agenda_is_written_and_exits_3(runner):
    result = runner.invoke(app, ["agenda", str(LA), "--as-of", "2026-11-23"])
    assert result.exit_code == 3, result.output
    assert result.stdout.startswith("# STEP case staffing: Dana Testcase\n")
    assert "## 1. Participant's Background Information" in result.stdout
    # readiness goes to stderr, first, with its citation
    assert result.stderr.startswith("Readiness for the Tue 2026-11-24 staffing of Dana Testcase (LA-T-0001, la-step):\n")
    assert "  BLOCKING All available information in the file before a sanction\n" in result.stderr
    assert "policy: LA DCFS P-380, II. Procedures, Prior to entering a sanction" in result.stderr
    assert "Readiness" not in result.stdout.split("## Readiness")[0]


def test_case_id_is_found_in_the_case_folder(runner):
    result = runner.invoke(app, ["agenda", "la-t-0001", "--cases", str(FIXTURES), "--as-of", "2026-11-23"])
    assert result.exit_code == 3, result.output
    assert "Dana Testcase" in result.stdout


def test_unknown_case_id_is_a_usage_error(runner):
    result = runner.invoke(app, ["agenda", "LA-T-0002", "--cases", str(FIXTURES), "--as-of", "2026-11-23"])
    assert result.exit_code == 2
    assert f"casestaff: no case file with case_id 'LA-T-0002', nor a participant named so, in {FIXTURES}; did you mean 'LA-T-0001'?" in result.stderr


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_out_file_is_owner_only(runner, tmp_path):
    out = tmp_path / "agenda.md"
    result = runner.invoke(app, ["agenda", str(LA), "--as-of", "2026-11-23", "--out", str(out)])
    assert result.exit_code == 3, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text(encoding="utf-8").startswith("# STEP case staffing")
    assert result.stdout.startswith("Readiness for the Tue 2026-11-24 staffing")
    assert result.stdout.rstrip().endswith(f"Wrote the team agenda to {out}.")


@pytest.mark.parametrize("name", ["la-step-sanction.yaml", "copy.YML", "casestaff.toml", "amy.yaml.", "amy.yaml ", "amy.yml. ."])
def test_out_never_replaces_a_case_or_settings_file(runner, tmp_path, name):
    """Trailing dots and spaces too: Windows drops them, so `amy.yaml.` is amy.yaml there."""
    target = tmp_path / name
    target.write_bytes(LA.read_bytes())
    result = runner.invoke(app, ["agenda", str(LA), "--as-of", "2026-11-23", "--out", str(target)])
    assert result.exit_code == 2, result.output
    assert result.stderr.endswith(
        f"casestaff: --out {target}: that looks like a case or settings file; write the agenda to a .md, .txt, .html, .docx or .pdf file\n"
    )
    assert target.read_bytes() == LA.read_bytes()
