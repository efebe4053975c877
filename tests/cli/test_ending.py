"""How a command ends (cli/launch.py end_now): at once, without the interpreter freeing every
object one by one -- but with all of its output delivered, its exit code, and its exit handlers
run; and the usual way whenever there is more to do than that."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from casestaff.cli import launch

from ..conftest import SAMPLES


def _buffered() -> dict[str, str]:
    """The environment with output buffered as a user's shell has it (CI images often set
    PYTHONUNBUFFERED, under which a missing flush would never show)."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}


def _python(code: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args, "-c", textwrap.dedent(code)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_buffered(),
        timeout=120,
    )


def _casestaff(args: list[str], cwd: Path, *before: str) -> subprocess.CompletedProcess[bytes]:
    env = {**_buffered(), "CASESTAFF_CACHE_DIR": str(cwd / "cache")}
    return subprocess.run([sys.executable, *before, "-m", "casestaff", *args], cwd=cwd, capture_output=True, env=env, timeout=300)


@pytest.fixture
def caseload(tmp_path: Path) -> Path:
    """The samples four times over, each copy its own case: a list far longer than a pipe holds."""
    folder = tmp_path / "cases"
    folder.mkdir()
    for copy in range(4):
        for sample in SAMPLES.glob("*.yaml"):
            text = sample.read_text(encoding="utf-8")
            case_id = next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("case_id:"))
            (folder / f"{copy}-{sample.name}").write_text(text.replace(case_id, f"{case_id}-{copy}"), encoding="utf-8")
    return folder


def test_a_long_list_piped_arrives_whole_with_its_exit_code(caseload: Path, tmp_path: Path) -> None:
    """The list through a pipe, ended at once, is the list the command line writes in a test
    process that ends the usual way (CliRunner runs cli/main.py's app, not launch)."""
    from typer.testing import CliRunner

    from casestaff.cli.main import app

    done = _casestaff(["due", str(caseload), "--as-of", "2026-12-01"], tmp_path)
    expected = CliRunner().invoke(app, ["due", str(caseload), "--as-of", "2026-12-01"])
    assert done.returncode == expected.exit_code == 0
    assert len(done.stdout) > 100_000  # more than a pipe holds (64 KB): it had to be drained to the end
    assert done.stdout.decode("utf-8") == expected.stdout
    assert done.stdout.decode("utf-8").rstrip("\n").splitlines()[-2].startswith("Total: ")


def test_a_short_output_piped_arrives_whole(caseload: Path, tmp_path: Path) -> None:
    """A few kilobytes sit in the output buffer when the command returns: they must go out
    before the process ends (the supervisor's report, and `programs`)."""
    from typer.testing import CliRunner

    from casestaff.cli.main import app

    for args in (["report", str(caseload), "--as-of", "2026-12-01"], ["programs"]):
        done = _casestaff(args, tmp_path)
        expected = CliRunner().invoke(app, args)
        assert done.returncode == expected.exit_code == 0, done.stderr
        assert 0 < len(done.stdout) < 64 * 1024
        assert done.stdout.decode("utf-8") == expected.stdout


def test_a_profiler_running_casestaff_gets_its_report(tmp_path: Path) -> None:
    """`python -m cProfile -m casestaff ...` (how speed is looked into) still writes its profile:
    the process is the profiler's, so casestaff returns rather than ending it."""
    done = _casestaff(["programs"], tmp_path, "-m", "cProfile", "-o", str(tmp_path / "run.prof"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "run.prof").stat().st_size > 0


def test_a_script_running_casestaff_in_process_gets_control_back(tmp_path: Path) -> None:
    done = _python(
        """
        import sys
        from casestaff.cli import launch
        sys.argv = ["casestaff", "programs"]
        try:
            launch.main()
        except SystemExit as exit:
            print("returned with", exit.code)
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("returned with 0")


def test_problems_and_their_exit_code_still_reach_the_user(caseload: Path, tmp_path: Path) -> None:
    (caseload / "broken.yaml").write_text("case_id: [\n", encoding="utf-8")
    done = _casestaff(["due", str(caseload), "--as-of", "2026-12-01"], tmp_path)
    assert done.returncode == 1
    assert "broken.yaml:" in done.stderr.decode("utf-8")
    assert "with problems were left out" in done.stderr.decode("utf-8")
    assert b"Total: " in done.stdout


def test_a_usage_error_still_exits_2_with_its_message(tmp_path: Path) -> None:
    done = _casestaff(["due", str(tmp_path / "nowhere")], tmp_path)
    assert done.returncode == 2
    assert "no such file or folder" in done.stderr.decode("utf-8")


def test_output_written_and_exit_handlers_run(tmp_path: Path) -> None:
    done = _python(
        f"""
        import atexit, sys
        from pathlib import Path
        from casestaff.cli import launch
        atexit.register(lambda: Path({str(tmp_path / "handler-ran")!r}).write_text("yes"))
        atexit.register(lambda: sys.stdout.write("handler said"))
        sys.stdout.write("x" * 300_000)
        sys.stderr.write("said")
        launch.end_now(4)
        print("never reached")
        """,
        tmp_path,
    )
    assert done.returncode == 4
    assert done.stdout == "x" * 300_000 + "handler said"
    assert done.stderr == "said"
    assert (tmp_path / "handler-ran").read_text() == "yes"


def test_a_message_as_the_exit_is_left_to_python(tmp_path: Path) -> None:
    done = _python(
        """
        import sys
        from casestaff.cli import launch
        launch.end_now("casestaff: stopped")
        sys.exit("casestaff: stopped")
        """,
        tmp_path,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == "casestaff: stopped"


def test_a_thread_still_running_is_waited_for(tmp_path: Path) -> None:
    done = _python(
        f"""
        import threading, time
        from pathlib import Path
        from casestaff.cli import launch
        def finish():
            time.sleep(0.3)
            Path({str(tmp_path / "thread-done")!r}).write_text("yes")
        threading.Thread(target=finish).start()
        launch.end_now(0)
        print("ended the usual way")
        """,
        tmp_path,
    )
    assert done.returncode == 0
    assert "ended the usual way" in done.stdout
    assert (tmp_path / "thread-done").read_text() == "yes"


def test_only_the_last_command_keeps_what_it_asked_to_keep() -> None:
    first, second = object(), object()
    launch.keep_to_the_end(first)
    launch.keep_to_the_end(second)
    assert launch.KEPT == [second]
    launch.keep_to_the_end()
    assert launch.KEPT == []


CONSOLE_SCRIPT = shutil.which("casestaff", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(CONSOLE_SCRIPT is None, reason="no casestaff console script beside this Python")
def test_the_console_script_ends_the_same_way(caseload: Path, tmp_path: Path) -> None:
    env = {**os.environ, "CASESTAFF_CACHE_DIR": str(tmp_path / "cache")}
    script = subprocess.run(
        [str(CONSOLE_SCRIPT), "due", str(caseload), "--as-of", "2026-12-01"], cwd=tmp_path, capture_output=True, env=env, timeout=300
    )
    module = _casestaff(["due", str(caseload), "--as-of", "2026-12-01", "--no-cache"], tmp_path)
    assert script.returncode == module.returncode == 0
    assert script.stdout == module.stdout
