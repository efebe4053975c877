"""Which files in a folder are case files, by one rule, and what is skipped is said.

A case file's name ends in .yaml or .yml in any case and does not start with '.'. Linked
folders are followed once; a link back into a folder above is a loop, reported and not
followed. Hidden files (casestaff's own temp, lock and saved-aside files among them) are not
case files and need no word.
"""

from __future__ import annotations

import json
import os
import time
import sys
from pathlib import Path

import pytest

from casestaff.cli.main import app

from .test_bad_input import AS_OF, GOOD

LINKS = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need extra rights on Windows")


def case(case_id: str, name: str = "Robin Example") -> str:
    return GOOD.replace("LA-0001", case_id).replace("Robin Example", name)


def _due(runner, folder: Path):
    result = runner.invoke(app, ["due", str(folder), "--as-of", AS_OF, "--format", "json"])
    return result, sorted({(row["case"], row["file"]) for row in json.loads(result.stdout or "[]")})


def test_extensions_count_in_any_case(runner, tmp_path):
    (tmp_path / "AMY.YAML").write_text(case("LA-0001"), encoding="utf-8")
    (tmp_path / "ben.Yml").write_text(case("LA-0002"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text(case("LA-0003"), encoding="utf-8")
    result, rows = _due(runner, tmp_path)
    assert result.exit_code == 0, result.output
    assert rows == [("LA-0001", str(tmp_path / "AMY.YAML")), ("LA-0002", str(tmp_path / "ben.Yml"))]
    assert result.stderr == ""


def test_hidden_temp_lock_and_saved_aside_files_are_not_case_files(runner, tmp_path):
    (tmp_path / "amy.yaml").write_text(case("LA-0001"), encoding="utf-8")
    for name in (".amy.yaml.casestaff-host-1-x.tmp", ".casestaff.lock", ".amy.unsaved-outcome-20261201-0900.yaml", ".amy.yaml"):
        (tmp_path / name).write_text(case("LA-0009"), encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "old.yaml").write_text(case("LA-0009"), encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path), "--as-of", AS_OF])
    assert result.output == "1 file(s) checked, no problems.\n"
    assert result.exit_code == 0


def test_a_file_named_several_ways_is_read_once_as_first_named(runner, tmp_path, monkeypatch):
    """The folder, the file through '..', and the file from the current folder are one file: no
    'case id in two files' problem, and the list shows it as it was first named."""
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "amy.yaml").write_text(case("LA-0001"), encoding="utf-8")
    (cases / "ben.yaml").write_text(case("LA-0002", "Ben Example"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = [os.path.join("cases", "..", "cases", "ben.yaml"), "cases", os.path.join(".", "cases", "amy.yaml")]
    result = runner.invoke(app, ["check", *args, "--as-of", AS_OF])
    assert result.output == "2 file(s) checked, no problems.\n", result.output
    result = runner.invoke(app, ["due", *args, "--as-of", AS_OF, "--format", "json"])
    assert result.exit_code == 0, result.output
    files = sorted({(row["case"], row["file"]) for row in json.loads(result.stdout or "[]")})
    assert files == [("LA-0001", os.path.join("cases", "amy.yaml")), ("LA-0002", os.path.join("cases", "..", "cases", "ben.yaml"))]


@LINKS
def test_a_linked_folder_is_followed(runner, tmp_path):
    cases, shared = tmp_path / "cases", tmp_path / "shared"
    cases.mkdir()
    shared.mkdir()
    (cases / "a.yaml").write_text(case("LA-0001"), encoding="utf-8")
    (shared / "b.yaml").write_text(case("LA-0002"), encoding="utf-8")
    (cases / "team").symlink_to(shared, target_is_directory=True)
    result, rows = _due(runner, cases)
    assert result.exit_code == 0, result.output
    assert rows == [("LA-0001", str(cases / "a.yaml")), ("LA-0002", str(cases / "team" / "b.yaml"))]
    assert result.stderr == ""


@LINKS
def test_a_linked_folder_already_read_is_read_once_and_said(runner, tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.yaml").write_text(case("LA-0001"), encoding="utf-8")
    (tmp_path / "alias").symlink_to("real", target_is_directory=True)  # sorts before 'real'
    result, rows = _due(runner, tmp_path)
    assert result.exit_code == 0, result.output  # no 'case_id already used' from reading it twice
    assert rows == [("LA-0001", str(tmp_path / "real" / "a.yaml"))]
    assert result.stderr == f"casestaff: skipped 1 linked folder already read: {tmp_path / 'alias'} (= {tmp_path / 'real'})\n"


@LINKS
def test_a_link_loop_is_reported_not_followed_forever(runner, tmp_path):
    (tmp_path / "a.yaml").write_text(case("LA-0001"), encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "up").symlink_to("..", target_is_directory=True)
    (sub / "here").symlink_to(".", target_is_directory=True)
    (tmp_path / "knot").symlink_to("knot")  # a link that names itself
    result = runner.invoke(app, ["check", str(tmp_path), "--as-of", AS_OF])
    assert result.exit_code == 0
    assert result.stdout == "1 file(s) checked, no problems.\n"
    assert result.stderr == (
        f"casestaff: skipped 2 linked folders that lead back into a folder above (a loop): {sub / 'here'} (leads back to {sub});"
        f" {sub / 'up'} (leads back to {tmp_path})\n"
        f"casestaff: skipped 1 link that leads nowhere: {tmp_path / 'knot'} -> knot\n"
    )


@LINKS
def test_a_link_to_a_folder_that_is_gone_is_said(runner, tmp_path):
    (tmp_path / "a.yaml").write_text(case("LA-0001"), encoding="utf-8")
    (tmp_path / "archive").symlink_to(tmp_path / "unmounted-share", target_is_directory=True)
    result, rows = _due(runner, tmp_path)
    assert result.exit_code == 0
    assert rows == [("LA-0001", str(tmp_path / "a.yaml"))]
    assert result.stderr == f"casestaff: skipped 1 link that leads nowhere: {tmp_path / 'archive'} -> {tmp_path / 'unmounted-share'}\n"


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="POSIX permissions; root reads every folder")
def test_a_folder_that_cannot_be_read_is_said(runner, tmp_path):
    (tmp_path / "a.yaml").write_text(case("LA-0001"), encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.yaml").write_text(case("LA-0002"), encoding="utf-8")
    locked.chmod(0)
    try:
        result, rows = _due(runner, tmp_path)
    finally:
        locked.chmod(0o700)
    assert rows == [("LA-0001", str(tmp_path / "a.yaml"))]
    assert result.stderr == f"casestaff: could not read 1 folder; case files in it are not listed: {locked} (permission denied)\n"


def test_a_folder_named_in_any_spelling_is_one_folder_to_the_cache(tmp_path, monkeypatch):
    """Discovery works out each file's absolute folder and name as it reads the folders, and the
    cache keeps each file under them: a folder named another way the next time (`cases/`,
    `./cases`, its absolute path), or a file named on its own, is the same folder, and its
    files are served from the cache rather than read again."""
    import datetime as dt

    from casestaff.actions.workspace import Workspace
    from casestaff.rules.due import DueJob

    (tmp_path / "cases" / "sub").mkdir(parents=True)
    an_hour_ago = time.time() - 3600  # old enough for the cache to trust
    for number, name in enumerate(("cases/a.yaml", "cases/sub/b.yml")):
        (tmp_path / name).write_text(case(f"LA-000{number}"), encoding="utf-8")
        os.utime(tmp_path / name, (an_hour_ago, an_hour_ago))
    monkeypatch.chdir(tmp_path)
    runs = []
    for given in (["cases"], ["cases/"], ["./cases//"], [str(tmp_path / "cases")], ["cases/a.yaml", "cases"]):
        workspace = Workspace.open([Path(p) for p in given])
        job = DueJob(packset=workspace.packset, as_of=dt.date(2026, 12, 1), within=14, default_worker="")
        run = workspace.run(job, dt.date.today())
        runs.append((given, run.stats, sorted(entry.case for entry in run.results)))
    assert runs[0][1]["parsed"] == 2
    for given, stats, cases in runs[1:]:
        assert (stats["parsed"], stats["files"], cases) == (0, 2, ["LA-0000", "LA-0001"]), given


def test_a_file_named_after_its_folder_is_shown_as_the_folder_found_it(runner, tmp_path, monkeypatch):
    """Files come in the order they are named: a folder first, then one of its files named again
    another way -- the file is the folder's, shown as the folder found it (first named)."""
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "amy.yaml").write_text(case("LA-0001"), encoding="utf-8")
    (cases / "ben.yaml").write_text(case("LA-0002", "Ben Example"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["cases", os.path.join("cases", "..", "cases", "ben.yaml")]
    result = runner.invoke(app, ["due", *args, "--as-of", AS_OF, "--format", "json", "--no-cache"])
    assert result.exit_code == 0, result.output
    files = sorted({(row["case"], row["file"]) for row in json.loads(result.stdout or "[]")})
    assert files == [("LA-0001", os.path.join("cases", "amy.yaml")), ("LA-0002", os.path.join("cases", "ben.yaml"))]


def test_a_case_id_used_twice_is_blamed_on_the_file_named_later(runner, tmp_path, monkeypatch):
    """A folder named before a file: the folder's files come first, so the file named after it is
    the one whose case id is 'already used'."""
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "amy.yaml").write_text(case("LA-0001"), encoding="utf-8")
    (tmp_path / "dup.yaml").write_text(case("LA-0001"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "cases", "dup.yaml", "--as-of", AS_OF, "--no-cache"])
    assert result.output == (
        f"dup.yaml:1:10: case_id 'LA-0001' is already used by {os.path.join('cases', 'amy.yaml')}; each case needs its own id\n"
        "1 problem(s) in 1 of 2 file(s).\n"
    ), result.output


class _EntryAsOnWindows:
    """An os.DirEntry as Windows gives it: its stat() has no device and no inode (both 0; Python's
    documentation says to call os.stat for them)."""

    def __init__(self, entry: os.DirEntry[str]) -> None:
        self._entry = entry

    def __getattr__(self, name: str):
        return getattr(self._entry, name)

    def stat(self, *, follow_symlinks: bool = True):
        info = self._entry.stat(follow_symlinks=follow_symlinks)

        class Info:
            st_ino = st_dev = 0

            def __getattr__(self, name: str):
                return getattr(info, name)

        return Info()


def test_every_sub_folder_is_read_where_a_folder_listing_gives_no_inode(runner, tmp_path, monkeypatch):
    """On Windows a folder listing's entries carry no device or inode: sub-folders told apart by
    them alone would all look like the first one read, and their case files go unlisted."""
    for number, folder in enumerate(("a", "b", "c/d"), start=1):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / f"case{number}.yaml").write_text(case(f"LA-000{number}"), encoding="utf-8")
    real_scandir = os.scandir

    class Listing:
        def __init__(self, path: str = ".") -> None:
            self._listing = real_scandir(path)

        def __enter__(self):
            self._listing.__enter__()
            return self

        def __exit__(self, *exc):
            return self._listing.__exit__(*exc)

        def __iter__(self):
            return (_EntryAsOnWindows(entry) for entry in self._listing)

    monkeypatch.setattr(os, "scandir", Listing)
    result, rows = _due(runner, tmp_path)
    assert result.exit_code == 0, result.output
    assert rows == [(f"LA-000{n}", str(tmp_path / folder / f"case{n}.yaml")) for n, folder in enumerate(("a", "b", "c/d"), start=1)]
    assert result.stderr == ""
