"""`casestaff due` read without typer (cli/quick.py): every command line it takes, it reads as
typer does, and runs to the same output, messages and exit code; everything else it leaves to
typer. And the morning list, read that way, never loads typer."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import typer.main
from hypothesis import given
from hypothesis import strategies as st

from casestaff.cli import quick
from casestaff.cli.arguments import DUE_OPTIONS
from casestaff.cli.main import app

from ..conftest import SAMPLES, examples


def typer_reads(args: list[str]) -> dict[str, Any] | None:
    """The parameters typer's `due` command reads from `casestaff due ARGS`, as its function gets
    them (no paths: None); None when typer refuses them."""
    group = typer.main.get_command(app)
    parent = group.make_context("casestaff", ["due"])
    command = group.get_command(parent, "due")
    assert command is not None
    try:
        params = dict(command.make_context("due", list(args), parent=parent).params)
    except Exception:  # typer's own refusal (a usage error), whatever its class
        return None
    params["paths"] = [Path(p) for p in params["paths"]] or None
    return params


OPTION_NAMES = [name for option in DUE_OPTIONS for name in option.names]
plain_values = st.sampled_from(["2026-12-01", "0", "14", "90", "json", "csv", "table", "AB", "la-step", "x y", ""])
odd_values = st.sampled_from(["-1", "--long", "-", "1_0", " 7", "+3", "٣", "2026-02-30", "=", "--within=3"])
paths = st.sampled_from(["cases", "a b.yaml", "sub/dir", "missing.yaml", "ünï.yml"])


@st.composite
def plain_command_lines(draw: Any) -> list[str]:
    """`due` with paths and the options spelled in full, each given a value it takes."""
    tokens: list[str] = []
    for _ in range(draw(st.integers(0, 6))):
        name = draw(st.sampled_from([*OPTION_NAMES, "PATH"]))
        option = next((o for o in DUE_OPTIONS if name in o.names), None)
        if option is None:
            tokens.append(draw(paths))
        elif option.takes == "switch":
            tokens.append(name)
        else:
            value = str(draw(st.integers(0, 400))) if option.takes == "days" else draw(plain_values)
            tokens.extend([f"{name}={value}"] if draw(st.booleans()) else [name, value])
    return tokens


@given(plain_command_lines())
@examples(0.5)
def test_a_plain_due_is_read_here_as_typer_reads_it(args: list[str]) -> None:
    read = quick.parse(["due", *args])
    assert read is not None, f"`casestaff due {' '.join(args)}` is plain and should not need typer"
    assert read == typer_reads(args)


anything = st.one_of(
    st.sampled_from([*OPTION_NAMES, "--help", "-h", "--", "-", "--wit", "--within=-1", "--long=1", "--no-cache=", "--version", "-x"]),
    plain_values,
    odd_values,
    paths,
    st.text(max_size=6),
)


@given(st.lists(anything, max_size=7))
@examples(0.5)
def test_whatever_is_read_here_typer_reads_the_same(args: list[str]) -> None:
    """Any command line: either left to typer (None), or read exactly as typer reads it."""
    read = quick.parse(["due", *args])
    if read is not None:
        assert read == typer_reads(args), args


@pytest.mark.parametrize(
    "args",
    [["--help"], ["-h"], ["--wit", "3"], ["--within", "-1"], ["--within", "soon"], ["--long=yes"], ["--as-of"], ["--", "cases"], ["-"], [""]],
)
def test_what_typer_must_say_is_left_to_typer(args: list[str]) -> None:
    assert quick.parse(["due", *args]) is None


def test_only_due_is_read_here() -> None:
    assert quick.parse(["report", "cases"]) is None
    assert quick.parse(["--version", "due"]) is None
    assert quick.parse([]) is None


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="a file its owner cannot read needs POSIX modes and no root")
def test_a_path_typer_would_refuse_as_unreadable_is_left_to_typer(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o000)
    try:
        assert quick.parse(["due", str(locked)]) is None
        assert typer_reads([str(locked)]) is None
    finally:
        locked.chmod(0o700)


def _run(entry: str, args: list[str], cwd: Path, before: str = "", stdout: int | None = None) -> tuple[int, bytes, bytes, bool]:
    """`casestaff ARGS` in a fresh interpreter through `entry` -- the console entry point
    (cli/launch.py, where cli/quick.py reads `due`) or typer's command line (cli/main.py) -- with
    its own empty cache: exit code, stdout, stderr, and whether typer was loaded. `before`: code
    run first; `stdout`: a file descriptor for its stdout."""
    script = textwrap.dedent(
        f"""
        import atexit, json, os, sys
        sys.argv = ["casestaff", *json.loads(sys.argv[1])]
        atexit.register(lambda: os.write(3, b"typer" if "typer" in sys.modules else b"none"))
        {before}
        from {entry} import main
        main()
        """
    )
    read_end, write_end = os.pipe()
    env = {**os.environ, "CASESTAFF_CACHE_DIR": str(cwd / f"cache-{entry}")}
    try:
        done = subprocess.run(
            [sys.executable, "-c", f"import os; os.dup2({write_end}, 3); exec({script!r})", json.dumps(args)],
            cwd=cwd, stdout=subprocess.PIPE if stdout is None else stdout, stderr=subprocess.PIPE, env=env, timeout=120,
            pass_fds=(write_end,),
        )  # fmt: skip
        os.close(write_end)
        loaded = os.read(read_end, 16) == b"typer"
    finally:
        os.close(read_end)
    return done.returncode, done.stdout, done.stderr, loaded


@pytest.fixture
def cases(tmp_path: Path) -> Path:
    """The samples, and one broken file: problems to print, files left out."""
    folder = tmp_path / "cases"
    shutil.copytree(SAMPLES, folder)
    (folder / "broken.yaml").write_text("case_id: [unclosed\n", encoding="utf-8")
    return folder


@pytest.mark.skipif(os.name == "nt", reason="passes a file descriptor to the child")
@pytest.mark.parametrize(
    "args",
    [
        ["--as-of", "2026-12-01"],
        ["--as-of=2026-12-01", "--format", "json", "--within", "30"],
        ["--as-of", "2026-12-01", "--format=csv", "--no-cache", "--worker", "JM"],
        ["--as-of", "2026-13-01"],  # refused by the list itself: the one error handler's message and exit code
        ["--as-of", "2026-12-01", "--program", "la-stpe"],
        ["--as-of", "2026-12-01", "--format", "yaml"],
    ],
)
def test_the_list_read_here_is_the_list_typer_gives(cases: Path, tmp_path: Path, args: list[str]) -> None:
    command = ["due", str(cases), *args]
    code, out, err, _ = _run("casestaff.cli.launch", command, tmp_path)
    assert (code, out, err) == _run("casestaff.cli.main", command, tmp_path)[:3]
    assert code in (1, 2) and err, "the broken file's problem, or the refusal, is said"


@pytest.mark.skipif(os.name == "nt", reason="passes a file descriptor to the child")
def test_a_clean_list_loads_no_typer_and_help_still_comes_from_typer(tmp_path: Path) -> None:
    code, out, err, loaded = _run("casestaff.cli.launch", ["due", str(SAMPLES), "--as-of", "2026-12-01"], tmp_path)
    assert (code, err) == (0, b"")
    assert b"Total: 24 participants" in out
    assert not loaded
    code, out, _, loaded = _run("casestaff.cli.launch", ["due", "--help"], tmp_path)
    assert code == 0 and b"--within DAYS" in out and loaded


INTERRUPTED = "import casestaff.cli.due_list as listing; listing.who_is_due = lambda *a, **k: (_ for _ in ()).throw(KeyboardInterrupt)"


@pytest.mark.skipif(os.name == "nt", reason="passes a file descriptor to the child")
def test_ctrl_c_says_the_same_and_exits_130_either_way(tmp_path: Path) -> None:
    command = ["due", str(SAMPLES), "--as-of", "2026-12-01"]
    quick = _run("casestaff.cli.launch", command, tmp_path, before=INTERRUPTED)
    assert quick[:3] == (130, b"", b"casestaff: interrupted\n")
    assert quick[:3] == _run("casestaff.cli.main", command, tmp_path, before=INTERRUPTED)[:3]


@pytest.mark.skipif(os.name == "nt", reason="passes a file descriptor to the child")
def test_a_reader_gone_before_the_list_ends_it_as_typer_does(tmp_path: Path) -> None:
    """`casestaff due | head`, the reader gone: the same exit code and nothing said, either way."""
    endings = []
    for entry in ("casestaff.cli.launch", "casestaff.cli.main"):
        read_end, write_end = os.pipe()
        os.close(read_end)
        try:
            code, _, err, _ = _run(entry, ["due", str(SAMPLES), "--as-of", "2026-12-01"], tmp_path, stdout=write_end)
        finally:
            os.close(write_end)
        endings.append((code, err))
    assert endings[0] == endings[1] == (1, b"")
