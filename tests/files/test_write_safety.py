"""Writing a case file loses nothing: a write killed at any step leaves the original or the
complete new file (never a partial one) and a temp file that a later write removes; errors are
reported as what they are."""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from casestaff.files import writer

from ..conftest import SAMPLES

AMY = SAMPLES / "or-ssp-reengagement-amy.yaml"
AS_OF = "2026-11-24"
STAFFINGS_BEFORE = AMY.read_text(encoding="utf-8").count("\n  - date: ")


def outcome(n: int) -> str:
    """An outcome file whose discussion names its writer, so each entry can be found afterwards;
    each writer's on its own day (a second staffing of one date and kind is refused)."""
    assert 1 <= n <= 13  # 2026-11-10 holds Amy's follow-up review
    return f"""\
# outcome {n}
date: 2026-11-{25 - n}
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
    monkeypatch.setattr(writer, "SWEPT_FOLDERS", set())


def _env() -> dict[str, str]:
    src = str(Path(writer.__file__).resolve().parents[2])
    return {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}


def _record(case: Path, outcome_file: Path, *prefix: str) -> subprocess.CompletedProcess[str]:
    """`casestaff record CASE --from OUTCOME --yes` in its own process (after the `prefix` code)."""
    code = "\n".join([*prefix, "import sys", "from casestaff.cli.main import main", "sys.argv = ['casestaff', *sys.argv[1:]]", "main()"])
    args = [sys.executable, "-c", code, "record", str(case), "--from", str(outcome_file), "--as-of", AS_OF, "--yes"]
    return subprocess.run(args, capture_output=True, text=True, env=_env(), timeout=120, check=False)


def _temps(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".tmp"))


def _age(paths: list[Path], seconds: float) -> None:
    past = time.time() - seconds
    for path in paths:
        os.utime(path, (past, past))


# -- temp files -----------------------------------------------------------------------------------


def test_the_temp_file_is_hidden_owner_only_and_never_a_case_file_name(amy, monkeypatch, write):
    from casestaff.files.caseload import discover

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

    from casestaff.cli.main import app

    return CliRunner().invoke(app, ["record", str(case), "--from", str(outcome_file), "--as-of", AS_OF, "--yes"])


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_later_write_removes_only_leftovers_of_gone_writers(amy, write):
    folder = amy.parent
    me = writer.host_tag()
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
    other = amy.parent / f".amy.yaml.casestaff-{writer.host_tag()}-{_dead_pid()}-0badc0de.tmp"
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

_TRACK_TEMP = """
import os
TEMP_FDS = set()
real_open = os.open
def tracking_open(path, *a, **k):
    fd = real_open(path, *a, **k)
    if '.casestaff-' in str(path):
        TEMP_FDS.add(fd)
        if STEP == 'temp created':
            os._exit(137)
    return fd
os.open = tracking_open
"""
KILL_AT = {
    # step: code run in the writing process, making it die there the way a kill -9 or power cut would
    "temp created": "",
    "half written": "real = os.write\ndef hook(fd, data):\n    if fd not in TEMP_FDS: return real(fd, data)\n"
    "    real(fd, bytes(data[: len(data) // 2]))\n    os._exit(137)\nos.write = hook",
    "before fsync": "real = os.fsync\ndef hook(fd):\n    if fd in TEMP_FDS: os._exit(137)\n    return real(fd)\nos.fsync = hook",
    "before chmod": "real = os.chmod\ndef hook(path, *a, **k):\n    if '.casestaff-' in str(path): os._exit(137)\n"
    "    return real(path, *a, **k)\nos.chmod = hook",
    "before replace": "real = os.replace\ndef hook(source, *a, **k):\n    if '.casestaff-' in str(source): os._exit(137)\n"
    "    return real(source, *a, **k)\nos.replace = hook",
    "after replace": "real = os.replace\ndef hook(*a, **k):\n    real(*a, **k)\n    os._exit(137)\nos.replace = hook",
}


@pytest.mark.parametrize("step", list(KILL_AT))
def test_a_write_killed_at_any_step_leaves_the_original_or_the_whole_new_file(amy, write, step):
    original = amy.read_text(encoding="utf-8")
    died = _record(amy, write("outcome.yaml", outcome(1)), f"STEP = {step!r}", _TRACK_TEMP, KILL_AT[step])
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
    again = _record_in_process(amy, write("outcome2.yaml", outcome(2)))
    assert again.exit_code == 0, again.output
    assert _temps(amy.parent) == []
    final = amy.read_text(encoding="utf-8")
    assert final.startswith(now) and final.count("Writer 2 was here.") == 1


# -- many writers at once -------------------------------------------------------------------------

WRITERS = 10

_AT_START = """
import os, time, casestaff.cli.main, casestaff.documents.record, casestaff.files.writer, filelock
open(os.path.join(BARRIER, str(os.getpid())), "w").close()
while not os.path.exists(os.path.join(BARRIER, "go")):
    time.sleep(0.002)
"""


def _outcome_files(tmp_path: Path, count: int) -> list[Path]:
    folder = tmp_path / "outcomes"
    folder.mkdir(exist_ok=True)
    files = []
    for n in range(1, count + 1):
        path = folder / f"outcome-{n}.yaml"
        path.write_text(outcome(n), encoding="utf-8")
        files.append(path)
    return files


def _start_together(commands: list[list[str]], barrier: Path) -> list[subprocess.CompletedProcess[str]]:
    """Run each [code, *args] in its own process; all reach the command at the same moment."""
    barrier.mkdir()
    children = [
        subprocess.Popen(
            [sys.executable, "-c", f"BARRIER = {str(barrier)!r}\n" + code, *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(),
        )
        for code, *args in commands
    ]
    deadline = time.monotonic() + 120
    while len(list(barrier.iterdir())) < len(children) and time.monotonic() < deadline:
        if any(child.poll() is not None for child in children):
            break
        time.sleep(0.01)
    (barrier / "go").touch()
    results = []
    for child in children:
        out, err = child.communicate(timeout=180)
        results.append(subprocess.CompletedProcess(child.args, child.returncode, out, err))
    return results


def _cli(case: Path, *args: str) -> list[str]:
    code = _AT_START + "import sys\nsys.argv = ['casestaff', *sys.argv[1:]]\ncasestaff.cli.main.main()"
    return [code, "record", str(case), *args, "--as-of", AS_OF, "--yes"]


def _comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if "#" in line]


def test_many_records_into_one_case_at_once_keep_every_entry(amy, tmp_path):
    from casestaff.files.casefile import read_case
    from casestaff.files.config import Config
    from casestaff.packset import load_packset

    original = amy.read_text(encoding="utf-8")
    files = _outcome_files(tmp_path, WRITERS)
    results = _start_together([_cli(amy, "--from", str(f)) for f in files], tmp_path / "barrier")
    assert [r.returncode for r in results] == [0] * WRITERS, [r.stderr for r in results if r.returncode]
    text = amy.read_text(encoding="utf-8")
    assert [text.count(f"discussion: Writer {n} was here.\n") for n in range(1, WRITERS + 1)] == [1] * WRITERS
    assert _comments(text) == _comments(original)
    case, problems = read_case(amy.read_bytes(), str(amy), load_packset(Config()).packs)
    assert problems == [] and len(case.staffings) == STAFFINGS_BEFORE + WRITERS
    assert [p.name for p in amy.parent.iterdir() if p.name != writer.LOCK_NAME] == ["amy.yaml"]


def test_steps_marked_done_while_others_record_are_kept_too(amy, tmp_path):
    files = _outcome_files(tmp_path, 3)
    commands = [_cli(amy, "--from", str(f)) for f in files] + [_cli(amy, "--done", "2"), _cli(amy, "--done", "2")]
    results = _start_together(commands, tmp_path / "barrier")
    assert [r.returncode for r in results[:3]] == [0] * 3, [r.stderr for r in results]
    text = amy.read_text(encoding="utf-8")
    assert all(text.count(f"discussion: Writer {n} was here.\n") == 1 for n in range(1, 4))
    assert text.count(f"done: {AS_OF}") == 1
    # of the two that marked the same step, one did it; the other says so
    done, other = sorted(results[3:], key=lambda r: r.returncode)
    assert done.returncode == 0 and done.stdout.startswith(f"Marked done on {AS_OF}: Amy will contact 4 more providers")
    if other.returncode == 1:  # it had read the file before the step was marked
        assert f"casestaff: {amy}: nothing was written: step 2 (Amy will contact 4 more providers" in other.stderr
        assert f"was marked done on {AS_OF} meanwhile" in other.stderr
    else:  # it read the file after
        assert other.returncode == 2 and f"is already marked done on {AS_OF}" in other.stderr


_TYPED_THEN_SAVE = (
    """
import datetime as dt, sys
from pathlib import Path
from casestaff.documents import record
from casestaff.files import writer
from casestaff.model import records as model
from casestaff.files.casefile import build_record, read_case
from casestaff.files.config import Config
from casestaff.packset import load_packset
packs = load_packset(Config()).packs
path = Path(sys.argv[1])
doc = writer.read_for_edit(path)  # read before the prompts ...
case, _ = read_case(doc.data, str(path), packs)
staffing, _ = build_record(Path(sys.argv[2]).read_bytes(), sys.argv[2], model.Staffing)
"""
    + _AT_START  # ... all answered at the same moment
    + """
try:
    record.record_outcome(doc, case, staffing, packs[case.program], packs, dt.date(2026, 11, 24), typed=True)
    print("recorded")
except writer.WriteRefused as exc:
    print("refused", exc.saved_to)
"""
)


def test_outcomes_typed_while_another_writes_are_recorded_or_saved_never_lost(amy, tmp_path):
    """Typed at the prompts, an outcome is never added to a file that changed while it was typed:
    it is refused and saved aside, for the user to check. Either way it is somewhere."""
    files = _outcome_files(tmp_path, 5)
    results = _start_together([[_TYPED_THEN_SAVE, str(amy), str(f)] for f in files], tmp_path / "barrier")
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    text = amy.read_text(encoding="utf-8")
    recorded = 0
    for n, result in enumerate(results, 1):
        if result.stdout.startswith("recorded"):
            recorded += 1
            assert text.count(f"discussion: Writer {n} was here.\n") == 1
        else:
            saved = Path(result.stdout.split(" ", 1)[1].strip())
            assert f"discussion: Writer {n} was here.\n" in saved.read_text(encoding="utf-8")
            assert f"Writer {n} was here." not in text
    assert recorded >= 1
    assert text.count("discussion: Writer ") == recorded


# -- the lock ---------------------------------------------------------------------------------------


def test_a_write_waits_a_bounded_time_for_the_lock_then_refuses_and_a_killed_holder_frees_it(amy, tmp_path, monkeypatch, write):
    hold = (
        "import sys, time\nfrom pathlib import Path\nfrom casestaff.files.writer import folder_lock\n"
        "with folder_lock(Path(sys.argv[1])):\n    print('held', flush=True)\n    time.sleep(120)"
    )
    holder = subprocess.Popen([sys.executable, "-c", hold, str(amy.parent)], stdout=subprocess.PIPE, text=True, env=_env())
    try:
        assert holder.stdout.readline() == "held\n"
        before = amy.read_bytes()
        monkeypatch.setattr(writer, "LOCK_WAIT", 0.5)
        outcome_file = write("outcome.yaml", outcome(1))
        busy = _record_in_process(amy, outcome_file)
        assert busy.exit_code == 1
        assert (
            f"casestaff: {amy}: nothing was written: another casestaff command has been writing in {amy.parent} for 0.5"
            f" seconds (it holds {amy.parent / writer.LOCK_NAME}); try again in a moment"
        ) in busy.output
        assert amy.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()
    done = _record_in_process(amy, outcome_file)
    assert done.exit_code == 0, done.output


def test_the_lock_file_is_hidden_owner_only_and_never_read_as_a_case(amy, runner, write):
    from casestaff.cli.main import app

    done = _record_in_process(amy, write("outcome.yaml", outcome(1)))
    assert done.exit_code == 0, done.output
    lock = amy.parent / writer.LOCK_NAME
    assert lock.name.startswith(".") and not lock.name.endswith((".yaml", ".yml"))
    if os.name == "posix":
        assert lock.exists() and stat.S_IMODE(lock.stat().st_mode) == 0o600
    checked = runner.invoke(app, ["check", str(amy.parent)])
    assert checked.exit_code == 0, checked.output


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_in_a_folder_others_may_write_in_they_may_take_the_lock_too(amy, write):
    amy.parent.chmod(0o770)
    done = _record_in_process(amy, write("outcome.yaml", outcome(1)))
    assert done.exit_code == 0, done.output
    assert stat.S_IMODE((amy.parent / writer.LOCK_NAME).stat().st_mode) == 0o660


# -- links, owner and mode --------------------------------------------------------------------------


def _symlink(link: Path, target: Path | str) -> None:
    try:
        link.symlink_to(target)
    except (OSError, NotImplementedError) as exc:  # Windows without the right to make links
        pytest.skip(f"cannot make a symbolic link here: {exc}")


def test_a_linked_case_file_is_written_through_to_its_target_in_the_case_folder(amy, write):
    real = amy.parent / "files" / "amy-real.yaml"
    real.parent.mkdir()
    amy.rename(real)
    _symlink(amy, Path("files") / "amy-real.yaml")
    before = real.read_text(encoding="utf-8")
    done = _record_in_process(amy, write("outcome.yaml", outcome(1)))
    assert done.exit_code == 0, done.output
    assert amy.is_symlink() and amy.resolve() == real.resolve()
    assert real.read_text(encoding="utf-8").startswith(before) and "Writer 1 was here." in real.read_text(encoding="utf-8")
    assert _temps(amy.parent) == [] and _temps(real.parent) == []


def test_a_link_to_a_file_outside_the_case_folder_is_refused(amy, tmp_path, write):
    outside = tmp_path / "elsewhere" / "amy.yaml"
    outside.parent.mkdir()
    amy.rename(outside)
    _symlink(amy, outside)
    before = outside.read_bytes()
    done = _record_in_process(amy, write("outcome.yaml", outcome(1)))
    assert done.exit_code == 1
    target = os.path.realpath(outside)
    assert (
        f"casestaff: {amy}: nothing was written: it is a link to {target}, outside the case folder"
        f" {os.path.realpath(amy.parent)}, and casestaff writes only inside the case folder; record into {target} itself"
    ) in done.output
    assert outside.read_bytes() == before and amy.is_symlink()
    assert sorted(p.name for p in amy.parent.iterdir()) == ["amy.yaml"]  # no lock, no temp beside the link


def test_a_hard_linked_case_file_is_refused_and_the_typed_input_kept(amy):
    from casestaff.documents import record
    from casestaff.files.casefile import build_record, read_case
    from casestaff.files.config import Config
    from casestaff.model.records import Staffing
    from casestaff.packset import load_packset

    other = amy.parent / "backup" / "amy.yaml"
    other.parent.mkdir()
    try:
        os.link(amy, other)
    except OSError as exc:
        pytest.skip(f"cannot make a hard link here: {exc}")
    before = amy.read_bytes()
    packs = load_packset(Config()).packs
    doc = writer.read_for_edit(amy)
    case, _ = read_case(doc.data, str(amy), packs)
    staffing, _ = build_record(outcome(1).encode(), "outcome.yaml", Staffing)
    with pytest.raises(writer.WriteRefused) as refused:
        record.record_outcome(doc, case, staffing, packs[case.program], packs, dt.date(2026, 11, 24))
    message = str(refused.value)
    assert message.startswith(
        f"{amy}: nothing was written: this file has 2 names on disk (hard links), and replacing it would leave the other"
        " names with the old text; keep a single name"
    )
    assert f"What you entered is saved in {refused.value.saved_to}" in message
    assert "Writer 1 was here." in refused.value.saved_to.read_text(encoding="utf-8")
    assert amy.read_bytes() == before == other.read_bytes()
    assert os.stat(amy).st_nlink == 2


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_a_written_case_file_keeps_its_mode(amy, write, mode):
    amy.chmod(mode)
    done = _record_in_process(amy, write("outcome.yaml", outcome(1)))
    assert done.exit_code == 0, done.output
    assert stat.S_IMODE(amy.stat().st_mode) == mode


needs_root = pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0, reason="giving a file to another user (to test keeping it theirs) needs root"
)


@needs_root
def test_a_written_case_file_keeps_its_owner_and_group(amy, write):
    os.chown(amy, 4321, 4322)
    done = _record_in_process(amy, write("outcome.yaml", outcome(1)))
    assert done.exit_code == 0, done.output
    info = amy.stat()
    assert (info.st_uid, info.st_gid) == (4321, 4322)
    assert "Writer 1 was here." in amy.read_text(encoding="utf-8")


@needs_root
@pytest.mark.parametrize("owner", [(4321, 0), (0, 4322)], ids=["another user", "another group"])
def test_a_file_whose_owner_cannot_be_kept_is_refused_not_given_away(amy, write, monkeypatch, owner):
    user, group = writer.user_name(owner[0]), writer.group_name(owner[1])
    says = {
        (4321, 0): f"the file belongs to {user}, and casestaff cannot write it without making it yours ({writer.user_name(0)});"
        f" record as {user}, or have the file given to you, then record again",
        (0, 4322): f"the file's group is {group}, which you are not in, and casestaff cannot write it without changing its"
        f" group to {writer.group_name(0)}; ask its owner to record this",
    }[owner]
    os.chown(amy, *owner)
    before = amy.read_bytes()

    def not_permitted(fd, uid, gid):  # what a user who is not root gets
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "fchown", not_permitted)
    done = _record_in_process(amy, write("outcome.yaml", outcome(1)))
    assert done.exit_code == 1
    assert f"casestaff: {amy}: nothing was written: {says}" in done.output
    assert amy.read_bytes() == before and (amy.stat().st_uid, amy.stat().st_gid) == owner
    assert _temps(amy.parent) == []


# -- a change made again on the file as another writer left it ----------------------------------------


def _load(path: Path):
    from casestaff.files.casefile import build_record, read_case
    from casestaff.files.config import Config
    from casestaff.model.records import Staffing
    from casestaff.packset import load_packset

    packs = load_packset(Config()).packs
    doc = writer.read_for_edit(path)
    case, _ = read_case(doc.data, str(path), packs)
    return packs, doc, case, lambda n: build_record(outcome(n).encode(), f"outcome-{n}.yaml", Staffing)[0]


def test_an_outcome_file_is_added_to_the_file_as_another_writer_left_it(amy):
    from casestaff.documents import record

    packs, doc, case, staffing = _load(amy)
    other_packs, other_doc, other_case, _ = _load(amy)
    record.record_outcome(other_doc, other_case, staffing(2), packs[case.program], packs, dt.date(2026, 11, 24), typed=False)
    record.record_outcome(doc, case, staffing(1), packs[case.program], packs, dt.date(2026, 11, 24), typed=False)
    text = amy.read_text(encoding="utf-8")
    assert text.index("Writer 2 was here.") < text.index("Writer 1 was here.")


def test_an_outcome_file_is_not_added_to_a_file_changed_into_a_broken_one(amy):
    from casestaff.documents import record

    packs, doc, case, staffing = _load(amy)
    changed = amy.read_text(encoding="utf-8").replace(f"enrolled: {case.enrolled}", "enrolled: 2026-13-01")
    amy.write_text(changed, encoding="utf-8")  # an editor saved a mistake meanwhile
    with pytest.raises(writer.WriteRefused) as refused:
        record.record_outcome(doc, case, staffing(1), packs[case.program], packs, dt.date(2026, 11, 24), typed=False)
    assert str(refused.value) == (
        f"{amy}: nothing was written: the file changed on disk meanwhile and now has problems; fix them"
        f" (`casestaff check {amy}`), then run the command again"
    )
    assert [p.line for p in refused.value.problems] == [changed.splitlines().index("enrolled: 2026-13-01") + 1]
    assert amy.read_text(encoding="utf-8") == changed


def test_a_step_that_moved_in_the_changed_file_is_not_marked(amy):
    from casestaff.documents import record

    packs, doc, case, _ = _load(amy)
    ref = record.find_step(case, "2")
    text = amy.read_text(encoding="utf-8")
    changed = text.replace(ref.step.step, "A different step now")
    assert changed != text
    amy.write_text(changed, encoding="utf-8")
    with pytest.raises(writer.WriteRefused) as refused:
        record.mark_done(doc, ref, dt.date(2026, 11, 24), packs)
    assert str(refused.value) == (
        f"{amy}: nothing was written: the file changed on disk meanwhile and step 2 is no longer '{ref.step.step}';"
        " run the command again"
    )
    assert amy.read_text(encoding="utf-8") == changed


def test_an_outcome_file_that_no_longer_fits_the_changed_file_is_refused(amy):
    from casestaff.documents import record

    packs, doc, case, staffing = _load(amy)
    early = staffing(1)
    early = dataclasses.replace(early, date=dt.date(2026, 3, 10), next_steps=[])
    changed = amy.read_text(encoding="utf-8").replace("enrolled: 2026-03-02", "enrolled: 2026-03-12")
    amy.write_text(changed, encoding="utf-8")  # someone corrected the enrollment date meanwhile
    with pytest.raises(writer.WriteRefused) as refused:
        record.record_outcome(doc, case, early, packs[case.program], packs, dt.date(2026, 11, 24), typed=False, source="outcome.yaml")
    assert str(refused.value) == f"{amy}: nothing was written: the file changed on disk meanwhile, and the outcome does not fit it now"
    assert [p.message for p in refused.value.problems] == ["date: 2026-03-10 is before enrollment (2026-03-12); check the date"]
    assert amy.read_text(encoding="utf-8") == changed
