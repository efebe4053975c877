"""The stored answer (issue 11): `casestaff due` asked again with nothing changed is answered from
a private stored file; anything the answer depends on changing means a fresh answer, never a
stale one.

How a test tells a served answer from a fresh one: once stored, the answer's output is replaced
by MARKER (the file stays the user's own, 0600). A run that prints MARKER was served; a run after
a change must print the real, new answer. Inputs changed within two seconds of a run are not
trusted to show their change (such a run is not stored), so the case folders are made once for
the module and left to age before the first run.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from casestaff.files import answers

from ..conftest import SAMPLES
from .test_morning_list import PAGER, on_terminal, posix_terminal

MARKER = b"(the stored answer was served)\n"
CASES = ("la-step-jose-nunez.yaml", "or-ssp-reengagement-amy.yaml", "il-snap-et-luis-ortega.yaml")
AS_OF = ["--as-of", "2026-12-01"]
WORKSPACES = 21


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Workspaces made once and aged past the two-second window: each has cases/ (three sample
    case files), spare/ (two more), settings/casestaff.toml naming cases/ as the case folder,
    and broken/ (a case file that is not YAML)."""
    base = tmp_path_factory.mktemp("answers")
    made = []
    for number in range(WORKSPACES):
        workspace = base / f"w{number}"
        (workspace / "cases").mkdir(parents=True)
        (workspace / "spare").mkdir()
        for name in CASES:
            shutil.copy(SAMPLES / name, workspace / "cases" / name)
        for name in ("la-step-keisha-lamb.yaml", "fc-reintegration-tanya-price.yaml"):
            shutil.copy(SAMPLES / name, workspace / "spare" / name)
        (workspace / "settings").mkdir()
        (workspace / "settings" / "casestaff.toml").write_text('cases = "../cases"\n', encoding="utf-8")
        (workspace / "broken").mkdir()
        (workspace / "broken" / "broken.yaml").write_text("case_id: [\n", encoding="utf-8")
        made.append(workspace)
    time.sleep(2.2)
    return made


@pytest.fixture
def workspace(pool: list[Path]) -> Path:
    return pool.pop()


def casestaff(args: list[str], cwd: Path, **env: str) -> tuple[int, bytes, bytes]:
    """`python -m casestaff ARGS` as a user runs it (the entry point that serves stored answers),
    output piped."""
    done = subprocess.run(
        [sys.executable, "-m", "casestaff", *args], cwd=cwd, env={**os.environ, **env}, capture_output=True, timeout=120
    )
    return done.returncode, done.stdout, done.stderr


def stored_files() -> list[Path]:
    folder = answers.answers_folder()
    return sorted(folder.glob("*.answer")) if folder.exists() else []


def mark_stored() -> None:
    """Replace the stored answer's output with MARKER, keeping its key, inputs and mode."""
    (path,) = stored_files()
    magic, header, _ = path.read_bytes().split(b"\n", 2)
    path.write_bytes(magic + b"\n" + header + b"\n" + MARKER)


def served_then(args: list[str], cwd: Path) -> bytes:
    """Run once (the answer is stored), mark the stored answer, check that the same run now gets
    it; return the real answer."""
    code, fresh, problems = casestaff(args, cwd)
    assert (code, problems) == (0, b"")
    mark_stored()
    assert casestaff(args, cwd) == (0, MARKER, b"")
    return fresh


def test_the_same_run_again_gets_the_same_bytes_and_exit_code(workspace: Path) -> None:
    args = ["due", "cases", *AS_OF]
    first = casestaff(args, workspace)
    assert len(stored_files()) == 1
    again = casestaff(args, workspace)
    fresh = casestaff([*args, "--no-cache"], workspace)
    assert first == again == fresh
    assert first[0] == 0 and b"participants need attention" in first[1]


def test_a_case_file_edited_behind_its_modification_time(workspace: Path) -> None:
    """Same size, modification time set back: the change time still tells."""
    served_then(["due", "cases", *AS_OF], workspace)
    case = workspace / "cases" / CASES[0]
    before = case.stat()
    text = case.read_text(encoding="utf-8")
    assert "Núñez" in text
    case.write_text(text.replace("Núñez", "Núñex"), encoding="utf-8")
    os.utime(case, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert case.stat().st_size == before.st_size
    code, output, _ = casestaff(["due", "cases", *AS_OF], workspace)
    assert code == 0 and "Núñex".encode() in output


def test_a_case_file_added(workspace: Path) -> None:
    served_then(["due", "cases", *AS_OF], workspace)
    shutil.copy(workspace / "spare" / "la-step-keisha-lamb.yaml", workspace / "cases")
    assert b"Keisha Lamb" in casestaff(["due", "cases", *AS_OF], workspace)[1]


def test_a_case_file_removed(workspace: Path) -> None:
    fresh = served_then(["due", "cases", *AS_OF], workspace)
    assert b"Amy Example" in fresh
    (workspace / "cases" / CASES[1]).unlink()
    output = casestaff(["due", "cases", *AS_OF], workspace)[1]
    assert output != MARKER and b"Amy Example" not in output


def test_a_case_file_in_a_new_sub_folder(workspace: Path) -> None:
    served_then(["due", "cases", *AS_OF], workspace)
    (workspace / "cases" / "more").mkdir()
    shutil.copy(workspace / "spare" / "fc-reintegration-tanya-price.yaml", workspace / "cases" / "more")
    assert b"Tanya Price" in casestaff(["due", "cases", *AS_OF], workspace)[1]


def test_casestaff_toml_appearing_where_config_discovery_looks(workspace: Path) -> None:
    """No path: the current folder's case files; then a casestaff.toml above names another folder."""
    served_then(["due", *AS_OF], workspace / "cases")
    (workspace / "casestaff.toml").write_text('cases = "spare"\n', encoding="utf-8")
    assert b"Keisha Lamb" in casestaff(["due", *AS_OF], workspace / "cases")[1]


def test_casestaff_toml_edited(workspace: Path) -> None:
    served_then(["due", *AS_OF], workspace / "settings")
    (workspace / "settings" / "casestaff.toml").write_text('cases = "../spare"\n', encoding="utf-8")
    assert b"Keisha Lamb" in casestaff(["due", *AS_OF], workspace / "settings")[1]


def test_programs_after_a_setting_changes_a_rule(workspace: Path) -> None:
    """`programs` is stored too: its answer depends on the settings and packs, not on case files."""
    served_then(["programs", "la-step"], workspace / "settings")
    with (workspace / "settings" / "casestaff.toml").open("a", encoding="utf-8") as settings:
        settings.write("[programs.la-step.rules.no-progress]\ndays = 45\n")
    code, output, _ = casestaff(["programs", "la-step"], workspace / "settings")
    assert code == 0 and b"set in casestaff.toml" in output


def test_other_arguments(workspace: Path) -> None:
    served_then(["due", "cases", *AS_OF], workspace)
    other = ["due", "cases", *AS_OF, "--within", "30"]
    output = casestaff(other, workspace)[1]
    assert output != MARKER and output == casestaff([*other, "--no-cache"], workspace)[1]


def test_another_working_folder(pool: list[Path], workspace: Path) -> None:
    """The same words, `due cases`, in another folder: another caseload."""
    served_then(["due", "cases", *AS_OF], workspace)
    other = pool.pop()
    (other / "cases" / CASES[1]).unlink()
    assert b"Amy Example" not in casestaff(["due", "cases", *AS_OF], other)[1]


@pytest.mark.parametrize("variable", ["COLUMNS", "NO_COLOR", "TERM", "CASESTAFF_CONFIG"])
def test_another_environment(workspace: Path, variable: str) -> None:
    served_then(["due", "cases", *AS_OF], workspace)
    value = str(workspace / "nowhere.toml") if variable == "CASESTAFF_CONFIG" else "1"
    code, output, problems = casestaff(["due", "cases", *AS_OF], workspace, **{variable: value})
    assert output != MARKER
    if variable != "CASESTAFF_CONFIG":
        assert (code, problems) == (0, b"")


def test_no_cache_bypasses_it(workspace: Path) -> None:
    fresh = served_then(["due", "cases", *AS_OF], workspace)
    assert casestaff(["due", "cases", *AS_OF, "--no-cache"], workspace) == (0, fresh, b"")


def test_a_run_with_problems_is_not_stored(workspace: Path) -> None:
    for _ in range(2):
        code, _, problems = casestaff(["due", "broken", *AS_OF], workspace)
        assert code == 1 and b"broken.yaml" in problems
    assert stored_files() == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_private_and_ignored_when_others_could_have_written_it(workspace: Path) -> None:
    fresh = served_then(["due", "cases", *AS_OF], workspace)
    (path,) = stored_files()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    path.chmod(0o622)
    assert casestaff(["due", "cases", *AS_OF], workspace)[1] == fresh
    path.chmod(0o600)
    path.parent.chmod(0o777)
    assert casestaff(["due", "cases", *AS_OF], workspace)[1] == fresh


def test_a_stored_answer_it_cannot_read_is_ignored_not_a_crash(workspace: Path) -> None:
    """An answer file damaged, or written by another version, is passed over: the command runs."""
    fresh = served_then(["due", "cases", *AS_OF], workspace)
    (path,) = stored_files()
    magic, header, output = path.read_bytes().split(b"\n", 2)
    damaged = json.loads(header)
    damaged["inputs"]["folders"] = {"/x": None}
    path.write_bytes(magic + b"\n" + json.dumps(damaged).encode() + b"\n" + output)
    code, out, problems = casestaff(["due", "cases", *AS_OF], workspace)
    assert (code, out) == (0, fresh) and b"Traceback" not in problems


def test_casestaff_own_files_and_installed_packages_are_inputs(workspace: Path) -> None:
    """Code, built-in packs and holiday tables: each file of the package is checked before an
    answer is served, and so is each folder packages are installed in."""
    casestaff(["due", "cases", *AS_OF], workspace)
    (path,) = stored_files()
    inputs = json.loads(path.read_bytes().split(b"\n", 2)[1])["inputs"]
    package = Path(answers.__file__).resolve().parent.parent
    for part in ("files/answers.py", "rules/functions.py", "program_packs/la-step.yaml"):
        assert str(package / part) in inputs["files"], part
    assert any("holiday_tables" in file for file in inputs["files"])
    assert any(folder.endswith("site-packages") for folder in inputs["folders"])


def test_the_day_and_the_streams_are_in_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """`due` without --as-of answers for today; at a terminal it draws a table."""
    args = ["due", "cases"]
    today = answers.key_of(args)
    monkeypatch.setattr(time, "strftime", lambda _: "2099-01-01")
    assert answers.key_of(args) != today
    monkeypatch.undo()

    class Terminal:
        encoding, errors = "utf-8", "strict"

        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Terminal())
    assert answers.key_of(args) != today


def test_inputs_see_a_file_changed_added_or_removed(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("a", encoding="utf-8")
    recorded = answers.Inputs()
    recorded.tree(str(tmp_path), recursive=True)
    assert answers.unchanged(recorded.as_data())
    (tmp_path / "b.yaml").write_text("b", encoding="utf-8")
    assert not answers.unchanged(recorded.as_data())
    (tmp_path / "b.yaml").unlink()
    assert answers.unchanged(recorded.as_data())
    (tmp_path / "a.yaml").write_text("A", encoding="utf-8")
    assert not answers.unchanged(recorded.as_data())


@posix_terminal
def test_a_list_shown_through_the_pager_is_never_replayed_empty(tmp_path: Path) -> None:
    """At a terminal the answer is stored as the terminal showed it; when it went through the
    pager, nothing reached stdout, and each run pages it afresh."""
    script = tmp_path / "pager.py"
    script.write_text(PAGER, encoding="utf-8")
    received = tmp_path / "paged.txt"
    env = {"CASESTAFF_PAGER": f"{sys.executable} {script} {received}"}
    for _ in range(3):
        on_terminal(["due", "sample_cases", *AS_OF], columns=80, lines=30, env=env)
        assert "Marcus Bell" in received.read_text(encoding="utf-8")
        received.unlink()
    assert stored_files() == []
    screens = [on_terminal(["due", "sample_cases", *AS_OF, "--no-pager"], columns=80, lines=30, env=env) for _ in range(3)]
    assert len(stored_files()) == 1 and "Marcus Bell" in screens[0] and screens[0] == screens[1] == screens[2]


@pytest.mark.skipif(os.name == "nt", reason="a symbolic link to a folder")
def test_what_the_run_read_is_what_reading_the_folders_again_finds(tmp_path: Path) -> None:
    """A stored answer records the folders as the run read them to find its case files, not
    read again: the same folders, the same listings, the same files -- sub-folders, an empty
    one, a linked one, hidden ones and files that are not case files among them."""
    import datetime as dt

    from casestaff.actions.workspace import Workspace
    from casestaff.cli.stored_answer import inputs_of
    from casestaff.files.caseload import run_caseload
    from casestaff.rules.due import DueJob

    cases = tmp_path / "cases"
    (cases / "east" / "deeper").mkdir(parents=True)
    (cases / "empty").mkdir()
    (cases / ".hidden").mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    for folder, name in ((cases, CASES[0]), (cases / "east", CASES[1]), (cases / "east" / "deeper", CASES[2]), (outside, "la-step-keisha-lamb.yaml")):
        shutil.copy(SAMPLES / name, folder / name)
    (cases / ".hidden" / "x.yaml").write_text("case_id: hidden\n", encoding="utf-8")
    (cases / "notes.txt").write_text("not a case file\n", encoding="utf-8")
    (cases / "linked").symlink_to(outside, target_is_directory=True)
    workspace = Workspace.open([cases])
    job = DueJob(packset=workspace.packset, as_of=dt.date(2026, 12, 1), within=14, default_worker="")
    run = run_caseload(workspace.paths, workspace.packset, job, dt.date(2026, 11, 30), use_cache=False)
    assert run.files == 4 and not run.problems
    as_read = inputs_of(workspace, seen=run.signatures, listings=run.listings)
    again = inputs_of(workspace, seen=run.signatures)
    assert as_read.folders == again.folders
    assert as_read.files == again.files
    read = {Path(folder) for folder in as_read.folders if folder.startswith(str(tmp_path))}
    assert read == {cases, cases / "east", cases / "east" / "deeper", cases / "empty", cases / "linked"}  # not the hidden one


def test_inputs_read_every_folder_where_the_file_system_gives_no_inode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Some file systems give every file inode 0: folders told apart by it alone would all look
    like the first read, and a template changed in a second folder would meet an old answer."""
    for folder in ("a", "b", "b/c"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "t.j2").write_text(folder, encoding="utf-8")
    real = answers.signature

    def without_inode(path: str):
        info = real(path)
        return None if info is None else [*info[:2], 0, *info[3:]]

    monkeypatch.setattr(answers, "signature", without_inode)
    recorded = answers.Inputs()
    recorded.tree(str(tmp_path), recursive=True)
    assert {str(tmp_path / f / "t.j2") for f in ("a", "b", "b/c")} <= set(recorded.files)
