"""The README's walk-through, run as written: each `$ casestaff ...` through the installed program.

docs/generate.py writes the walk-through from CliRunner; this runs the same lines the way a
reader types them -- the console script the set-up commands install, from the repository root --
and checks each prints exactly what the README shows and exits as it says. A command that writes
runs in a copy (sample_cases, and any file the walk-through shows written by hand), so the
checkout is never changed.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
START = "<!-- generated: walk-through"
END = "<!-- end generated: walk-through -->"
EXIT_NOTE = re.compile(r"\n\(exit code (\d+)\)$")


def walkthrough() -> str:
    text = README.read_text(encoding="utf-8")
    assert START in text and END in text, "README.md lacks its walk-through markers"
    return text.split(START, 1)[1].split(END, 1)[0]


def shown_commands() -> list[tuple[str, str, int]]:
    """(command line after `$ `, the whole output shown, the exit code shown) for each block."""
    found = []
    for block in re.findall(r"```text\n(.*?)\n```", walkthrough(), re.S):
        if not block.startswith("$ casestaff "):
            continue
        first, _, output = block.partition("\n")
        note = EXIT_NOTE.search("\n" + output)
        code = int(note.group(1)) if note else 0
        if note:
            output = ("\n" + output)[: note.start()].lstrip("\n")
        found.append((first.removeprefix("$ "), output, code))
    return found


def hand_written_files() -> dict[str, str]:
    """The files the walk-through shows written by hand (`<!-- example: NAME -->` before a block)."""
    return dict(re.findall(r"<!-- example: ([^ ]+) -->\n```\w*\n(.*?)```", walkthrough(), re.S))


def console_script() -> Path:
    """The `casestaff` the set-up commands install: beside this Python."""
    found = shutil.which("casestaff", path=str(Path(sys.executable).parent))
    assert found, f"no casestaff console script beside {sys.executable}; install casestaff in this environment"
    return Path(found)


def writes(words: list[str]) -> bool:
    return words[1] in {"record", "new"} or "--out" in words


COMMANDS = shown_commands()


def test_the_walkthrough_shows_commands_with_their_output():
    assert len(COMMANDS) >= 3
    assert all(output.strip() for _, output, _ in COMMANDS)


@pytest.mark.parametrize(("command", "output", "code"), COMMANDS, ids=[c for c, _, _ in COMMANDS])
def test_readme_command_runs_as_written(tmp_path, command, output, code):
    words = shlex.split(command)
    assert words[0] == "casestaff"
    where = REPO
    needs = [w for w in words[1:] if not w.startswith("-") and w in hand_written_files()]
    if writes(words) or needs:
        where = tmp_path / "checkout"
        where.mkdir()
        shutil.copytree(REPO / "sample_cases", where / "sample_cases")
        shutil.copy(REPO / "casestaff.toml", where / "casestaff.toml")
        for name, text in hand_written_files().items():
            (where / name).write_text(text, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "CASESTAFF_CONFIG"}
    env |= {
        "CASESTAFF_CACHE_DIR": str(tmp_path / "cache"),
        "CASESTAFF_DATA_DIR": str(tmp_path / "data"),
        "NO_COLOR": "1",
        "PYTHONIOENCODING": "utf-8",
    }
    result = subprocess.run(
        [str(console_script()), *words[1:]],
        cwd=where,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    shown = (result.stdout + result.stderr).rstrip()
    assert (result.returncode, shown) == (code, output.rstrip()), f"`{command}` in {where}"
