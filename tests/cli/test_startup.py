"""Start-up: what a command imports is part of its speed (issues 7 and 11). These guards fail
when someone puts a heavy import back on a path that does not need it -- the fix is to import
it where it is used (a heavy third-party library inside the function that needs it), or to
take the name from a lower layer (model.catalogue for the names packs give documents-layer
functions)."""

from __future__ import annotations

import functools
import inspect
import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import typer.main

from casestaff.cli.main import COMMANDS, app
from casestaff.model import dates

from ..conftest import SAMPLES

HEAVY_FOR_DUE = ("casestaff.documents", "jinja2", "multiprocessing", "rich", "ruamel", "filelock", "holidays", "hashlib", "_hashlib", "importlib.resources", "socket")
"""Nothing `casestaff due` needs when its output is piped: the documents layer, templating,
worker processes, terminal rendering, round-trip YAML, locking, the holidays package, and
hashlib, which loads OpenSSL (files/digest.py takes the interpreter's own hashes), and
importlib.resources (the built-in packs are read beside packset.py), and socket (the cache's
temporary files name the host by os.uname)."""

@functools.cache
def _loaded_by_holidays() -> frozenset[str]:
    """What the holidays package loads, where `due` reads it: where the packaged tables were made
    by another holidays release than the one installed (Python 3.10, whose newest is older than
    the lock's), `due` rightly counts workdays with the package itself; elsewhere nothing."""
    if dates.packaged_tables_usable():
        return frozenset()
    script = "import json, sys, holidays; print(json.dumps(sorted(sys.modules)))"
    return frozenset(json.loads(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout))


def _not_loaded(modules: set[str], prefixes: tuple[str, ...]) -> list[str]:
    """Those of `prefixes` loaded, leaving out what the holidays package itself loads where due reads it."""
    theirs = _loaded_by_holidays()
    return [m for m in loaded(modules, prefixes) if not (theirs and (m in theirs or m.startswith("holidays.")))]


NOT_FOR_A_TABLE = ("csv",)
"""Only `due --format csv` writes CSV."""
NOT_WITHOUT_SETTINGS = ("tomllib", "tomli")
"""Only a casestaff.toml is read as TOML: a folder without one never loads the reader."""


def modules_after(args: list[str], cwd: Path) -> tuple[int, set[str]]:
    """Run `casestaff ARGS` in a fresh interpreter, output piped, and return its exit code and
    every module loaded by the time it exits."""
    script = textwrap.dedent(
        """
        import json, sys
        from casestaff.cli.main import main
        sys.argv = ["casestaff", *json.loads(sys.argv[1])]
        try:
            main()
            code = 0
        except SystemExit as exit:
            code = exit.code or 0
        sys.stdout.flush()
        sys.stderr.write("\\nMODULES " + json.dumps([code, sorted(sys.modules)]) + "\\n")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(args)], cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=120
    )
    code, modules = json.loads(done.stderr.rsplit("MODULES ", 1)[1])
    return code, set(modules)


def loaded(modules: set[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes))


@pytest.mark.parametrize("folder", ["empty", "samples"])
def test_due_piped_loads_nothing_it_does_not_need(tmp_path: Path, folder: str) -> None:
    cases = tmp_path / "cases"
    if folder == "samples":
        shutil.copytree(SAMPLES, cases)
    else:
        cases.mkdir()
    for attempt, within in (("cold cache", "14"), ("warm cache", "15")):
        code, modules = modules_after(["due", str(cases), "--as-of", "2026-12-01", "--within", within], tmp_path)
        assert code == 0, attempt
        assert _not_loaded(modules, HEAVY_FOR_DUE) == [], f"{attempt}: due imported what it does not need"
        not_needed = NOT_FOR_A_TABLE if (cases / "casestaff.toml").exists() else NOT_FOR_A_TABLE + NOT_WITHOUT_SETTINGS
        assert _not_loaded(modules, not_needed) == [], f"{attempt}: due imported what this folder and format do not need"
        # the cache's codec (about 7 ms) is for a run that reads or writes cached cases
        assert bool(loaded(modules, ("msgspec",))) == (folder == "samples"), attempt


def test_help_loads_no_command_and_no_core(tmp_path: Path) -> None:
    code, modules = modules_after(["--help"], tmp_path)
    assert code == 0
    core = ("casestaff.actions", "casestaff.packset", "casestaff.documents", "casestaff.rules", "casestaff.files", "yaml", "rich")
    light = [
        "casestaff.files",
        "casestaff.files.answers",  # the stored answers' key
        "casestaff.files.digest",  # the stored answers' key's hash (BLAKE2b: hashlib would load OpenSSL)
        "casestaff.files.permissions",
        "casestaff.rules",
        "casestaff.rules.flags",  # the statuses' one definition, which --within's help quotes
    ]
    assert loaded(modules, core) == light
    assert loaded(modules, tuple(entry.module for entry in COMMANDS.values())) == []


def test_help_lists_every_command_in_order_with_its_own_summary(runner) -> None:
    """`casestaff --help` lists COMMANDS without loading them: each line must be the command's
    own help, and every registered command must be listed, in COMMANDS' order."""
    for entry in COMMANDS.values():
        __import__(entry.module)
    registered = [info.name or typer.main.get_command_name(info.callback.__name__) for info in app.registered_commands if info.callback]
    assert sorted(COMMANDS) == sorted(registered), "each command needs its line in cli/main.COMMANDS (module and summary), in --help's order"
    for info in app.registered_commands:
        name = info.name or typer.main.get_command_name(info.callback.__name__)
        own = (inspect.cleandoc(info.help) if info.help else inspect.getdoc(info.callback)).split("\n\n")[0].replace("\n", " ")
        assert COMMANDS[name].summary == own, f"main.COMMANDS['{name}'] no longer says what `casestaff {name} --help` says"
    listing = runner.invoke(app, ["--help"]).stdout.split("Commands:\n", 1)[1].split("\n\n")[0]
    assert re.findall(r"^  ([a-z]+) ", listing, flags=re.MULTILINE) == list(COMMANDS)
    assert " ".join(listing.split()).count(COMMANDS["due"].summary) == 1  # whole, not cut short


@pytest.mark.parametrize("args", [["programs"], ["programs", "la-step"]])
def test_programs_loads_no_agenda_or_check_registry(tmp_path: Path, args: list[str]) -> None:
    """Listing the packs, or one pack, needs the packs and not the documents layer's functions
    (only `--functions` lists those); the JSON Schema's module, which `schema` shares with it, is light."""
    code, modules = modules_after(args, tmp_path)
    assert code == 0
    assert loaded(modules, HEAVY_FOR_DUE) == ["casestaff.documents", "casestaff.documents.schema"]
    assert loaded(modules, ("msgspec",)) == [], "listing the packs reads no case and no cache"


def test_programs_functions_still_lists_every_registry(runner) -> None:
    result = runner.invoke(app, ["programs", "--functions"])
    assert result.exit_code == 0, result.output
    for heading in ("Rule functions", "Readiness checks", "Requirement checks", "Narration checks", "Agenda parts"):
        assert f"\n{heading} " in f"\n{result.stdout}"
    assert "department_staff_invited(minimum: int)" in result.stdout
    assert "background, circumstances" in result.stdout
