"""Writing a case file loses nothing: a write killed at any step leaves the original or the
complete new file (never a partial one) and a temp file that a later write removes; errors are
reported as what they are."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from casestaff import writer

from .conftest import SAMPLES

AMY = SAMPLES / "or-ssp-reengagement-amy.yaml"
AS_OF = "2026-11-24"
STAFFINGS_BEFORE = AMY.read_text(encoding="utf-8").count("\n  - date: ")


def outcome(n: int) -> str:
    """An outcome file whose discussion names its writer, so each entry can be found afterwards."""
    return f"""\
# outcome {n}
date: 2026-11-24
kind: follow-up-review
present:
  - {{role: FC, initials: RH}}
  - {{role: Manager, initials: XR}}
discussion: Writer {n} was here.
next_steps:
  - step: Visit provider {n}
    owner: participant
    due: 2026-12-01
"""


@pytest.fixture
def amy(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    path = folder / "amy.yaml"
    shutil.copyfile(AMY, path)
    return path


@pytest.fixture(autouse=True)
def _fresh_sweep(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's writes look for leftovers again, as a new casestaff process would."""
    monkeypatch.setattr(writer, "_SWEPT", set())


def _env() -> dict[str, str]:
    src = str(Path(writer.__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}


def _record(case: Path, outcome_file: Path, *prefix: str) -> subprocess.CompletedProcess[str]:
    """`casestaff record CASE --from OUTCOME --yes` in its own process (after the `prefix` code)."""
    code = "\n".join([*prefix, "import sys", "from casestaff.cli import main", "sys.argv = ['casestaff', *sys.argv[1:]]", "main()"])
    args = [sys.executable, "-c", code, "record", str(case), "--from", str(outcome_file), "--as-of", AS_OF, "--yes"]
    return subprocess.run(args, capture_output=True, text=True, env=_env(), timeout=120)


def _temps(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".tmp"))


def _age(paths: list[Path], seconds: float) -> None:
    past = time.time() - seconds
    for path in paths:
        os.utime(path, (past, past))


# -- temp files -----------------------------------------------------------------------------------


def test_the_temp_file_is_hidden_owner_only_and_never_a_case_file_name(amy, monkeypatch, write):
    from casestaff.caseload import discover

    seen = {}
    real_replace = os.replace

    def look(source, target):
        temp = Path(source)
        seen["name"] = temp.name
        seen["mode"] = stat.S_IMODE(temp.stat().st_mode)
        seen["discovered"] = [p.name for p in discover([temp.parent])]
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", look)
    amy.chmod(0o600)
    done = _record_in_process(amy, write("outcome.yaml", outcome(1)))
    assert done.exit_code == 0, done.output
    assert seen["name"].startswith(".amy.yaml.casestaff-") and seen["name"].endswith(".tmp")
    assert seen["discovered"] == ["amy.yaml"]
    if os.name == "posix":
        assert seen["mode"] == 0o600


def _record_in_process(case: Path, outcome_file: Path):
    from typer.testing import CliRunner

    from casestaff.cli import app

    return CliRunner().invoke(app, ["record", str(case), "--from", str(outcome_file), "--as-of", AS_OF, "--yes"])


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_later_write_removes_only_leftovers_of_gone_writers(amy, write):
    folder = amy.parent
    me = writer._host_tag()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        gone = folder / f".amy.yaml.casestaff-{me}-{_dead_pid()}-0badc0de.tmp"
        legacy = folder / ".amy.yaml.k3j_x9a2.tmp"  # what earlier versions (tempfile.mkstemp) left
        kept = {
            "running": folder / f".amy.yaml.casestaff-{me}-{alive.pid}-00c0ffee.tmp",
            "recent": folder / f".amy.yaml.casestaff-{me}-{_dead_pid()}-0000beef.tmp",
            "other computer": folder / f".amy.yaml.casestaff-{'0' * 8 if me != '0' * 8 else '1' * 8}-{_dead_pid()}-00000001.tmp",
            "legacy of no file": folder / ".gone.yaml.k3j_x9a2.tmp",
            "legacy recent": folder / ".amy.yaml.abcdefgh.tmp",
            "not ours": folder / ".amy.yaml.my-backup.tmp",
        }
        for path in [gone, legacy, *kept.values()]:
            path.write_text("case_id: OR-RE-0001\n")
        _age([gone, *(p for k, p in kept.items() if k != "recent" and k != "legacy recent")], writer.STALE_AFTER + 60)
        _age([legacy, kept["legacy of no file"]], writer.LEGACY_STALE_AFTER + 60)
        done = _record_in_process(amy, write("outcome.yaml", outcome(1)))
        assert done.exit_code == 0, done.output
        assert not gone.exists() and not legacy.exists()
        assert {k: p.exists() for k, p in kept.items()} == dict.fromkeys(kept, True)
    finally:
        alive.kill()
        alive.wait()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="making another user's file needs root")
def test_another_users_leftover_is_never_removed(amy, write):
    other = amy.parent / f".amy.yaml.casestaff-{writer._host_tag()}-{_dead_pid()}-0badc0de.tmp"
    other.write_text("x")
    os.chown(other, 4321, 4321)
    _age([other], writer.STALE_AFTER + 60)
    done = _record_in_process(amy, write("outcome.yaml", outcome(1)))
    assert done.exit_code == 0, done.output
    assert other.exists()


# -- errors are reported as what they are -------------------------------------------------------------


def test_disk_full_is_reported_even_when_the_temp_file_cannot_be_removed(amy, monkeypatch, write):
    before = amy.read_bytes()

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    def io_error(path, *args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", disk_full)
    monkeypatch.setattr(os, "unlink", io_error)
    done = _record_in_process(amy, write("outcome.yaml", outcome(1)))
    monkeypatch.undo()
    assert done.exit_code == 1
    (temp,) = _temps(amy.parent)
    assert (
        f"casestaff: {amy}: nothing was written: No space left on device; the file is unchanged; the temporary file {temp}"
        " could not be removed either (Input/output error); casestaff removes it on a later write, or delete it yourself"
    ) in done.output
    assert amy.read_bytes() == before


def test_an_io_error_reading_the_file_again_is_not_called_a_change(amy, monkeypatch, write):
    before = amy.read_bytes()
    real_read = Path.read_bytes
    reads = []

    def failing_second_read(self):
        if self == amy:
            reads.append(self)
            if len(reads) > 1:
                raise OSError(errno.EIO, "Input/output error")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", failing_second_read)
    done = _record_in_process(amy, write("outcome.yaml", outcome(1)))
    monkeypatch.undo()
    assert done.exit_code == 1
    assert "changed on disk" not in done.output
    assert (
        f"casestaff: {amy}: nothing was written: reading the file again to check it before replacing it failed:"
        " Input/output error (an error of the disk or the network drive, not a change to the file); the file is unchanged"
    ) in done.output
    assert amy.read_bytes() == before
    assert _temps(amy.parent) == []


# -- a write killed at any step ---------------------------------------------------------------------

KILL_AT = {
    # step: code run in the writing process, making it die there the way a kill -9 or power cut would
    "temp created": "real = os.open\ndef hook(path, *a, **k):\n    fd = real(path, *a, **k)\n    if '.casestaff-' in str(path): os._exit(137)\n    return fd\nos.open = hook",
    "half written": "real = os.write\ndef hook(fd, data):\n    real(fd, bytes(data[: len(data) // 2]))\n    os._exit(137)\nos.write = hook",
    "before fsync": "def hook(fd):\n    os._exit(137)\nos.fsync = hook",
    "before chmod": "def hook(*a, **k):\n    os._exit(137)\nos.chmod = hook",
    "before replace": "def hook(*a, **k):\n    os._exit(137)\nos.replace = hook",
    "after replace": "real = os.replace\ndef hook(*a, **k):\n    real(*a, **k)\n    os._exit(137)\nos.replace = hook",
}


@pytest.mark.parametrize("step", list(KILL_AT))
def test_a_write_killed_at_any_step_leaves_the_original_or_the_whole_new_file(amy, write, step):
    original = amy.read_text(encoding="utf-8")
    died = _record(amy, write("outcome.yaml", outcome(1)), "import os", KILL_AT[step])
    assert died.returncode == 137, died.stderr
    now = amy.read_text(encoding="utf-8")
    if step == "after replace":
        assert now.startswith(original) and now.count("Writer 1 was here.") == 1
    else:
        assert now == original
    left = _temps(amy.parent)
    assert all(".casestaff-" in p.name for p in left)
    assert len(left) == (0 if step == "after replace" else 1)
    # a later write, once the leftover is old, removes it and records normally
    _age(left, writer.STALE_AFTER + 60)
    again = _record(amy, write("outcome2.yaml", outcome(2)))
    assert again.returncode == 0, again.stderr
    assert _temps(amy.parent) == []
    final = amy.read_text(encoding="utf-8")
    assert final.startswith(now) and final.count("Writer 2 was here.") == 1
