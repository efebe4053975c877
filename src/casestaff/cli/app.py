"""The `casestaff` command: parses arguments, calls the core, presents results.

Exit codes (also in `casestaff --help` and docs/cli.md):
  0  done, every file loaded
  1  problems found in case files (each printed as path:line:col: message)
  2  usage or settings error (bad option, missing path, casestaff.toml or a pack is wrong)
  3  an agenda has blocking readiness problems
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from casestaff import __version__
from casestaff.actions.due import who_is_due
from casestaff.actions.workspace import Workspace, write_output
from casestaff.model.errors import EXIT_BLOCKED, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, CasestaffError, UsageError

EPILOG = (
    "Exit codes: 0 all files loaded; 1 problems found in case files; 2 usage or settings error; "
    "3 agenda blocked by readiness checks."
)


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _print_problems(problems, *, err: bool) -> None:
    for problem in problems:
        typer.echo(str(problem), err=err)


def show_error(error: CasestaffError) -> None:
    """An error as the user sees it, on stderr: its located problems, then `casestaff: message`."""
    _print_problems(error.problems, err=True)
    if error.message:
        _err(f"casestaff: {error.message}" + (f" {error.note}" if error.note else ""))


class Commands(TyperGroup):
    """casestaff's commands. Each returns its exit code; an error of casestaff's family, from any
    command or the core beneath it, is reported here -- the one place -- and exits with its
    class's code."""

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        try:
            code = super().invoke(ctx)
        except CasestaffError as error:
            show_error(error)
            raise typer.Exit(error.exit_code) from None
        if code:
            raise typer.Exit(code)
        return code


app = typer.Typer(
    name="casestaff",
    help="Who needs a case staffing, and why -- from a folder of YAML case files.",
    epilog=EPILOG,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=Commands,
)


def _parse_date(value: str | None, option: str) -> dt.date:
    if value is None:
        return dt.date.today()
    from casestaff.model.records import PLAUSIBLE_YEARS

    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option}: {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-12-01") from None
    if day.year not in PLAUSIBLE_YEARS:
        raise UsageError(f"{option}: {value} is in the year {day.year}; check the year")
    return day


def _say_if_no_case_files(files: int, paths: Sequence[Path]) -> None:
    """An empty answer from the wrong folder must not read as 'nothing is due'."""
    if not files:
        where = ", ".join(str(p) for p in paths)
        _err(f"casestaff: no case files (.yaml or .yml) in {where}; give the folder that holds them, or set cases in casestaff.toml")


PathsArg = Annotated[
    Optional[list[Path]],
    typer.Argument(metavar="[PATHS]...", help="Case files or folders (default: the case folder from casestaff.toml, else the current folder).", show_default=False),
]
AsOfOpt = Annotated[Optional[str], typer.Option("--as-of", metavar="DATE", help="Evaluate as of this date (YYYY-MM-DD); default today.", show_default=False)]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Read every file afresh and leave the private cache alone.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"casestaff {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """Who needs a case staffing, and why -- from a folder of YAML case files."""


@app.command()
def due(
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    within: Annotated[int, typer.Option("--within", min=0, metavar="DAYS", help="Days ahead that count as upcoming.")] = 14,
    worker: Annotated[Optional[str], typer.Option("--worker", metavar="INITIALS", help="Only cases of this worker (initials).", show_default=False)] = None,
    program: Annotated[Optional[str], typer.Option("--program", metavar="ID", help="Only cases of this program id.", show_default=False)] = None,
    fmt: Annotated[str, typer.Option("--format", metavar="table|json|csv", help="table, json or csv (table is plain text when piped).")] = "table",
    no_cache: NoCacheOpt = False,
) -> int:
    """Who needs a staffing, why and by when: overdue first, then by due date; then the program calendar."""
    if fmt not in ("table", "json", "csv"):
        raise UsageError(f"--format: {fmt!r} is not one of table, json, csv")
    day = _parse_date(as_of, "--as-of")
    workspace = Workspace.open(paths)
    packset = workspace.packset
    if program and packset.get(program) is None:
        from casestaff.model.problems import did_you_mean

        raise UsageError(f"--program: no program '{program}'{did_you_mean(program, packset.packs)}; see `casestaff programs`")
    due_list = who_is_due(workspace, day, within, worker, program, no_cache=no_cache)
    caseload, report = due_list.run, due_list.report
    from casestaff.cli import render_due

    _say_if_no_case_files(caseload.files, workspace.paths)
    _print_problems(caseload.problems, err=True)
    if fmt == "json":
        sys.stdout.write(render_due.as_json(report))
    elif fmt == "csv":
        sys.stdout.write(render_due.as_csv(report))
    elif sys.stdout.isatty():
        from rich.console import Console

        render_due.rich_table(report, Console())
    else:
        sys.stdout.write(render_due.plain(report))
    if caseload.problems:
        _err(f"casestaff: {len({p.file for p in caseload.problems})} file(s) with problems were left out; run `casestaff check` for details.")
    return EXIT_PROBLEMS if caseload.problems else EXIT_OK


@app.command()
def check(
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[str, typer.Option("--format", metavar="text|json", help="text or json.")] = "text",
    no_cache: NoCacheOpt = False,
) -> int:
    """Validate case files; print every problem as path:line:col: message, with the fix."""
    if fmt not in ("text", "json"):
        raise UsageError(f"--format: {fmt!r} is not one of text, json")
    day = _parse_date(as_of, "--as-of")
    workspace = Workspace.open(paths)
    caseload = workspace.run(None, day, no_cache=no_cache)
    _say_if_no_case_files(caseload.files, workspace.paths)
    if fmt == "json":
        typer.echo(json.dumps([p.as_dict() for p in caseload.problems], indent=2, ensure_ascii=False))
    else:
        _print_problems(caseload.problems, err=False)
        bad = len({p.file for p in caseload.problems})
        if caseload.problems:
            typer.echo(f"{len(caseload.problems)} problem(s) in {bad} of {caseload.files} file(s).")
        else:
            typer.echo(f"{caseload.files} file(s) checked, no problems.")
    return EXIT_PROBLEMS if caseload.problems else EXIT_OK


@app.command()
def schema(
    out: Annotated[
        Optional[Path],
        typer.Option("--out", metavar="FILE", help="Write the schema to this file, as UTF-8 (PowerShell's '>' would save UTF-16).", show_default=False),
    ] = None,
) -> int:
    """Print the JSON Schema (draft 2020-12) of a case file, for editors such as VS Code."""
    from casestaff.documents.schema import case_schema

    text = json.dumps(case_schema(Workspace.open().packset), indent=2, ensure_ascii=False) + "\n"
    if out is None:
        sys.stdout.write(text)
        return EXIT_OK
    write_output(out, text, "schema", ".json")
    _err(f"Wrote the case-file schema to {out}.")
    return EXIT_OK


@app.command()
def programs(
    program: Annotated[Optional[str], typer.Argument(metavar="[ID]", help="A program id to show in full.", show_default=False)] = None,
    functions: Annotated[bool, typer.Option("--functions", help="List the rule functions packs can use.")] = False,
) -> int:
    """List the program packs, or show one program's rules with parameters and citations."""
    from casestaff.cli import render_programs

    packset = Workspace.open().packset
    if functions:
        typer.echo(render_programs.functions())
    elif program is None:
        typer.echo(render_programs.listing(packset))
    else:
        pack = packset.get(program)
        if pack is None:
            from casestaff.model.problems import did_you_mean

            raise UsageError(f"no program '{program}'{did_you_mean(program, packset.packs)}; see `casestaff programs`")
        typer.echo(render_programs.detail(pack))
    return EXIT_OK


def main() -> None:
    """Console entry point."""
    if sys.platform == "win32":  # pragma: no cover - make accented names print on old consoles
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.reconfigure(encoding="utf-8")
            except (AttributeError, ValueError):
                pass
    # A command runs for a second or two and keeps what it builds until it exits: the cyclic
    # garbage collector would only re-scan tens of thousands of live case records.
    gc.disable()
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover
        _err("casestaff: interrupted")
        sys.exit(130)
    except BrokenPipeError:  # pragma: no cover - `casestaff due | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_OK)


from casestaff.cli import agenda as _agenda_commands  # noqa: E402,F401  (registers the agenda command)
from casestaff.cli import record as _record_commands  # noqa: E402,F401  (registers record, new, narrate)
