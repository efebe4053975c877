"""What casestaff writes is readable by its owner alone, unless casestaff.toml says
`shared_folder = true`."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from casestaff.cli.main import app

from .conftest import SAMPLES

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """A case folder with one case (a next step still open), and casestaff.toml beside it."""
    folder = tmp_path / "team"
    folder.mkdir()
    text = (SAMPLES / "la-step-jose-nunez.yaml").read_text(encoding="utf-8")
    (folder / "jose.yaml").write_text(text.replace("        due: 2026-06-05\n        done: 2026-06-03\n", "        due: 2026-06-05\n"), encoding="utf-8")
    (folder / "jose.yaml").chmod(0o600)
    return folder


def _write_everything(runner, folder: Path) -> dict[str, Path]:
    """Every kind of file casestaff writes, written into `folder` under a strict umask."""
    case = folder / "jose.yaml"
    made = {
        "agenda": folder / "agenda.md",
        "agendas": folder / "agendas",
        "narration": folder / "narration.txt",
        "new case": folder / "LA-9.yaml",
    }
    old = os.umask(0o077)  # the modes below are casestaff's, whatever the umask
    try:
        commands = [
            ["agenda", str(case), "--as-of", "2026-12-01", "--out", str(made["agenda"])],
            ["agenda", "--due", str(case), "--as-of", "2026-12-01", "--out-dir", str(made["agendas"])],
            ["narrate", str(case), "--as-of", "2026-12-01", "--out", str(made["narration"])],
            ["record", str(case), "--done", "2", "--as-of", "2026-12-01", "--yes"],
            ["new", "--program", "la-step", "--id", "LA-9", "--out", str(made["new case"])],
        ]
        for args in commands:
            result = runner.invoke(app, args)
            assert result.exit_code in (0, 3), (args, result.output)
    finally:
        os.umask(old)
    return made


@posix
def test_by_default_what_casestaff_writes_is_readable_by_you_alone(runner, team):
    made = _write_everything(runner, team)
    assert {name: _mode(path) for name, path in made.items()} == {"agenda": 0o600, "agendas": 0o700, "narration": 0o600, "new case": 0o600}
    assert {_mode(p) for p in made["agendas"].iterdir()} == {0o600}
    assert _mode(team / "jose.yaml") == 0o600


@posix
def test_with_shared_folder_new_files_are_group_readable_and_a_recorded_case_keeps_its_mode(runner, team):
    (team / "casestaff.toml").write_text("shared_folder = true\n", encoding="utf-8")
    made = _write_everything(runner, team)
    assert {name: _mode(path) for name, path in made.items()} == {"agenda": 0o640, "agendas": 0o750, "narration": 0o640, "new case": 0o660}
    assert {_mode(p) for p in made["agendas"].iterdir()} == {0o640}
    assert "        done: 2026-12-01\n" in (team / "jose.yaml").read_text(encoding="utf-8")  # recorded ...
    assert _mode(team / "jose.yaml") == 0o600  # ... and the file keeps its own mode
