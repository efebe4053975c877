"""Only ordinary files are read: a named pipe, a device or a huge file carrying a case file's
name is a located problem found from its stat, at once, and the rest of the caseload is listed.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from casestaff.cli.main import app

from .test_bad_input import AS_OF, GOOD

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="named pipes and /dev/zero are POSIX")
REFUSED = "casestaff reads only ordinary files: move it out of the case folder, or rename it so its name does not end in .yaml or .yml"


@contextmanager
def deadline(seconds: int = 10) -> Iterator[None]:
    """Fail instead of hanging the suite when a read blocks (the bug this file guards against)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def hung(signum, frame):
        raise TimeoutError(f"casestaff did not answer within {seconds} s: a read blocked")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _timed(runner, args: list[str]):
    started = time.perf_counter()
    with deadline():
        result = runner.invoke(app, args)
    return result, time.perf_counter() - started


def _folder_with(tmp_path: Path, make_bad) -> tuple[Path, Path]:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "good.yaml").write_text(GOOD, encoding="utf-8")
    bad = folder / "x.yaml"
    make_bad(bad)
    return folder, bad


def _sparse(size: int):
    def make(path: Path) -> None:
        with open(path, "wb") as handle:
            handle.truncate(size)

    return make


CASES = {
    "named pipe": (lambda p: os.mkfifo(p), f"this is a named pipe (FIFO), not a file; {REFUSED}"),
    "link to /dev/zero": (lambda p: p.symlink_to("/dev/zero"), f"this is a link to /dev/zero, a device, not a file; {REFUSED}"),
    "3 GB sparse file": (
        _sparse(3 * 1024**3),
        "the file is 3.0 GB; a case file is a few kilobytes, so this is probably not a case file (casestaff reads files up to 1 MB)",
    ),
}


@POSIX
@pytest.mark.parametrize("make_bad, message", CASES.values(), ids=CASES.keys())
def test_what_is_not_an_ordinary_small_file_is_a_problem_found_at_once(runner, tmp_path, make_bad, message):
    folder, bad = _folder_with(tmp_path, make_bad)

    check, took = _timed(runner, ["check", str(folder), "--as-of", AS_OF])
    assert took < 1, f"check took {took:.1f} s"
    assert check.output == f"{bad}:1:1: {message}\n1 problem(s) in 1 of 2 file(s).\n"
    assert check.exit_code == 1

    due, took = _timed(runner, ["due", str(folder), "--as-of", AS_OF, "--format", "json"])
    assert took < 1, f"due took {took:.1f} s"
    assert due.exit_code == 1
    assert {row["case"] for row in json.loads(due.stdout)} == {"LA-0001"}
    assert f"{bad}:1:1: {message}\n" in due.stderr

    out = tmp_path / "agendas"
    agenda, took = _timed(runner, ["agenda", "--due", str(folder), "--as-of", AS_OF, "--out-dir", str(out)])
    assert took < 2, f"agenda --due took {took:.1f} s"
    assert agenda.exit_code == 1
    assert f"{bad}:1:1: {message}\n" in agenda.stderr
    assert [p.name for p in out.iterdir()] == ["LA-0001.md"]


@POSIX
@pytest.mark.parametrize("make_bad, message", CASES.values(), ids=CASES.keys())
def test_narrate_refuses_it_by_name_and_finds_a_case_beside_it(runner, tmp_path, monkeypatch, make_bad, message):
    folder, bad = _folder_with(tmp_path, make_bad)
    monkeypatch.chdir(folder)
    by_name, _ = _timed(runner, ["narrate", "x.yaml"])
    assert by_name.exit_code == 1
    assert by_name.stderr == f"x.yaml:1:1: {message}\n"
    by_id, _ = _timed(runner, ["narrate", "LA-0001"])  # the folder is searched for the case id
    assert "Traceback" not in by_id.output
    assert "no staffing is recorded yet" in by_id.stderr


@POSIX
def test_a_file_that_grows_after_its_check_is_read_no_further_than_the_limit(runner, tmp_path, monkeypatch):
    """The stat said small, then the file became 3 GB: the read stops past 1 MB, in no time."""
    from casestaff.files import yamlread

    folder, bad = _folder_with(tmp_path, _sparse(3 * 1024**3))
    monkeypatch.setattr(yamlread, "refusal", lambda info, path=None: None)  # as if the file grew after both checks
    data, _ = yamlread.read_file(bad)
    assert len(data) == yamlread.MAX_FILE_BYTES + 1
    check, took = _timed(runner, ["check", str(folder), "--as-of", AS_OF])
    assert took < 1, f"check took {took:.1f} s"
    assert check.output.startswith(f"{bad}:1:1: the file is 1.0 MB; a case file is a few kilobytes")
    assert check.exit_code == 1


def test_a_file_within_the_limit_reads_whole(tmp_path):
    from casestaff.files import yamlread

    for size in (0, 1, 4096, yamlread.MAX_FILE_BYTES):
        path = tmp_path / f"{size}.yaml"
        path.write_bytes(b"#" * size)
        data, info = yamlread.read_file(path)
        assert len(data) == info.st_size == size
