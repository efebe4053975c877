"""What casestaff writes is readable by its owner alone, unless casestaff.toml says
`shared_folder = true`; a colleague's file that only they may read is named as theirs, with what to do."""

from __future__ import annotations

import builtins
import errno
import io
import os
import pathlib
import stat
from pathlib import Path

import pytest

from casestaff.cli.main import app
from casestaff.files.permissions import user_name

from ..conftest import SAMPLES

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
root = pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="giving a file to another user needs root")


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


def _as_a_colleague(monkeypatch, path: Path) -> None:
    """Read `path` as someone else than its owner would: the system refuses to open it."""
    for module, real_open in ((os, os.open), (io, io.open), (builtins, builtins.open)):

        def refused(name, *args, real_open=real_open, **kwargs):
            if isinstance(name, (str, os.PathLike)) and os.path.abspath(name) == str(path.resolve()):
                raise PermissionError(errno.EACCES, "Permission denied", str(name))
            return real_open(name, *args, **kwargs)

        monkeypatch.setattr(module, "open", refused)

    def refused_path(self, *args, real_open=pathlib.Path.open, **kwargs):  # Python 3.10's Path.open holds io.open from before
        if os.path.abspath(self) == str(path.resolve()):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", refused_path)


@root
@pytest.mark.parametrize("command", ["check", "narrate", "agenda"])
def test_a_colleagues_owner_only_case_file_is_named_as_theirs_with_what_to_do(runner, team, monkeypatch, command):
    case = team / "jose.yaml"
    os.chown(case, 4321, 4321)
    _as_a_colleague(monkeypatch, case)
    result = runner.invoke(app, [command, str(case), "--as-of", "2026-12-01"])
    assert result.exit_code in (1, 2), result.output
    owner = user_name(4321)
    why = (
        f"it is readable only by its owner ({owner}); ask them to let your group read it, or set shared_folder = true"
        " in casestaff.toml so new files are group-readable"
    )
    said = {
        "check": f"{case}:1:1: cannot read the file: {why}",
        "narrate": f"casestaff: cannot read {case}: {why}",
        "agenda": f"{case}:1:1: cannot read the file: {why}",
    }[command]
    assert said in result.output
    assert "Permission denied" not in result.output


@root
def test_a_file_readable_by_a_group_you_are_not_in_says_so(runner, team, monkeypatch):
    case = team / "jose.yaml"
    os.chown(case, 4321, 4322)
    case.chmod(0o640)
    _as_a_colleague(monkeypatch, case)
    result = runner.invoke(app, ["check", str(case)])
    assert result.exit_code == 1, result.output
    assert "cannot read the file: it is readable only by its owner (" in result.output
    assert ") and the group " in result.output and ", which you are not in; ask to be added to it" in result.output
