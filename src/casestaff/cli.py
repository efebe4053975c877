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
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_BLOCKED = 0, 1, 2, 3

EPILOG = (
    "Exit codes: 0 all files loaded; 1 problems found in case files; 2 usage or settings error; "
    "3 agenda blocked by readiness checks."
)

app = typer.Typer(
    name="casestaff",
    help="Who needs a case staffing, and why -- from a folder of YAML case files.",
    epilog=EPILOG,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class UsageError(Exception):
    """A wrong option value or path: exit 2 with the message."""


def _err(message: str) -> None:
    from .problems import printable

    typer.echo(printable(message), err=True)


def _parse_date(value: str | None, option: str) -> dt.date:
    if value is None:
        return dt.date.today()
    from .model import PLAUSIBLE_YEARS

    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option}: {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-12-01") from None
    if day.year not in PLAUSIBLE_YEARS:
        raise UsageError(f"{option}: {value} is in the year {day.year}; check the year")
    return day


MAX_WITHIN = 36_500
"""--within beyond 100 years of days would take dates past the calendar (OverflowError)."""


def _check_within(days: int) -> None:
    if days > MAX_WITHIN:
        raise UsageError(f"--within: {days} days is more than 100 years; give at most {MAX_WITHIN} days")


def _context(paths: list[Path] | None):
    """Config and packs for these paths: (config, packset, paths to read)."""
    from .config import find_config, load_config
    from .packs import load_packset

    start = paths[0] if paths else Path.cwd()
    config = load_config(find_config(start))
    packset = load_packset(config)
    if not paths:
        paths = [config.cases] if config.cases else [Path(".")]
    return config, packset, paths


def _locate_case(target: str, cases_dir: Path | None = None):
    """(path, config, packset) for CASE: a case file, or a case id found in the case folder.

    A case id held by two files is refused rather than guessed: the agenda, narration or
    recorded outcome would otherwise be about the wrong participant.
    """
    path = Path(target)
    if path.is_dir():
        raise UsageError(f"{target} is a folder; give one case file or case id")
    if path.exists():  # an ordinary file, or a named pipe or device given by name
        _refuse_unreadable(path)
        config, packset, _ = _context([path])
        return path, config, packset
    if target.lower().endswith((".yaml", ".yml")) or "/" in target or "\\" in target:
        raise UsageError(f"no such file: {target}")
    from .caseload import find_case_files

    config, packset, folders = _context([cases_dir] if cases_dir else None)
    files, run = find_case_files(target, folders, packset, dt.date.today(), skip=config.pack_files, use_cache=config.cache)
    if len(files) > 1:
        raise UsageError(
            f"case_id '{target}' is in {len(files)} files: {', '.join(files)}; give the file's path,"
            " and give each case its own id"
        )
    if not files:
        from .problems import did_you_mean

        where = ", ".join(str(f) for f in folders)
        hint = did_you_mean(target, [case_id for case_id, _ in run.results])
        broken = f"; {len({p.file for p in run.problems})} file(s) there have problems (run `casestaff check`)" if run.problems else ""
        raise UsageError(f"no case file with case_id '{target}' in {where}{hint}{broken}; give the file's path, or --cases DIR")
    found = Path(files[0])
    if found.is_absolute() and found.is_relative_to(Path.cwd()):  # as the user would write it
        found = found.relative_to(Path.cwd())
    return found, config, packset


def _refuse_unreadable(path: Path) -> None:
    """Exit 1 with the located problem when CASE is not an ordinary file of a case file's size,
    decided from its stat before anything opens it (a named pipe would hang the read)."""
    from .yamlread import refusal

    try:
        refused = refusal(os.stat(path), path)
    except OSError:
        return  # reading it says why
    if refused is not None:
        _err(f"{path}:{refused.line}:{refused.col}: {refused.message}")
        raise typer.Exit(EXIT_PROBLEMS)


def _run_caseload(paths: list[Path], config, packset, job, today: dt.date, no_cache: bool):
    from .caseload import run_caseload
    from .dates import preload_holidays

    return run_caseload(
        paths,
        packset,
        job,
        today,
        skip=config.pack_files,
        use_cache=config.cache and not no_cache,
        warm_up=preload_holidays if job is not None else None,
    )


OUTPUT_REFUSED = (".yaml", ".yml", ".toml")
"""Suffixes an output file never gets: a case file, a program pack or casestaff.toml would be lost."""


def write_output(path: Path, text: str, what: str, suffixes: str) -> None:
    """Write an output file (agenda, narration, schema) owner-only and atomically.

    Refuses a path that looks like a case or settings file: `--out` given the case file itself
    would otherwise replace it with the agenda.
    """
    from .writer import write_private

    if path.suffix.lower() in OUTPUT_REFUSED:
        raise UsageError(f"--out {path}: that looks like a case or settings file; write the {what} to a {suffixes} file")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"cannot write {path}: the folder {folder} does not exist")
    try:
        write_private(path, text.encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None


def _say_if_no_case_files(files: int, paths: list[Path], notes: list[str] | None = None) -> None:
    """What was skipped while looking for case files, then: an empty answer from the wrong
    folder must not read as 'nothing is due'."""
    for note in notes or ():
        _err(f"casestaff: {note}")
    if not files:
        where = ", ".join(str(p) for p in paths)
        _err(f"casestaff: no case files (.yaml or .yml) in {where}; give the folder that holds them, or set cases in casestaff.toml")


def _print_problems(problems, *, err: bool) -> None:
    for problem in problems:
        typer.echo(str(problem), err=err)


def _run(action) -> None:
    """Turn the core's errors into messages and exit codes, in one place."""
    from .caseload import PathError
    from .config import ConfigError

    try:
        code = action()
    except ConfigError as exc:
        _print_problems(exc.problems, err=True)
        raise typer.Exit(EXIT_USAGE) from None
    except (UsageError, PathError) as exc:
        _err(f"casestaff: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    raise typer.Exit(code or EXIT_OK)


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
) -> None:
    """Who needs a staffing, why and by when: overdue first, then by due date; then the program calendar."""

    def action() -> int:
        if fmt not in ("table", "json", "csv"):
            raise UsageError(f"--format: {fmt!r} is not one of table, json, csv")
        day = _parse_date(as_of, "--as-of")
        _check_within(within)
        config, packset, chosen = _context(paths)
        if program and packset.get(program) is None:
            from .problems import did_you_mean

            raise UsageError(f"--program: no program '{program}'{did_you_mean(program, packset.packs)}; see `casestaff programs`")
        from .due import DueJob, due_report

        job = DueJob(packset=packset, as_of=day, within=within, default_worker=config.worker or "")
        caseload = _run_caseload(chosen, config, packset, job, dt.date.today(), no_cache)
        from . import render_due

        report = due_report(caseload.results, packset, config, day, within, worker, program)
        _say_if_no_case_files(caseload.files, chosen, caseload.notes)
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

    _run(action)


@app.command()
def check(
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[str, typer.Option("--format", metavar="text|json", help="text or json.")] = "text",
    no_cache: NoCacheOpt = False,
) -> None:
    """Validate case files; print every problem as path:line:col: message, with the fix."""

    def action() -> int:
        if fmt not in ("text", "json"):
            raise UsageError(f"--format: {fmt!r} is not one of text, json")
        day = _parse_date(as_of, "--as-of")
        config, packset, chosen = _context(paths)
        from .caseload import EditableJob

        # Every check the other commands make of a file: what `record` and `narrate` refuse
        # before reading a case (EditableJob) too, so a file that passes is never refused later.
        caseload = _run_caseload(chosen, config, packset, EditableJob(), day, no_cache)
        problems = sorted(
            [*caseload.problems, *(p for p in caseload.results if p is not None)], key=lambda p: (p.file, p.line, p.col)
        )
        _say_if_no_case_files(caseload.files, chosen, caseload.notes)
        if fmt == "json":
            typer.echo(json.dumps([p.as_dict() for p in problems], indent=2, ensure_ascii=False))
        else:
            _print_problems(problems, err=False)
            bad = len({p.file for p in problems})
            if problems:
                typer.echo(f"{len(problems)} problem(s) in {bad} of {caseload.files} file(s).")
            else:
                typer.echo(f"{caseload.files} file(s) checked, no problems.")
        return EXIT_PROBLEMS if problems else EXIT_OK

    _run(action)


@app.command()
def schema(
    out: Annotated[
        Optional[Path],
        typer.Option("--out", metavar="FILE", help="Write the schema to this file, as UTF-8 (PowerShell's '>' would save UTF-16).", show_default=False),
    ] = None,
) -> None:
    """Print the JSON Schema (draft 2020-12) of a case file, for editors such as VS Code."""

    def action() -> int:
        from .schema import case_schema

        _, packset, _ = _context(None)
        text = json.dumps(case_schema(packset), indent=2, ensure_ascii=False) + "\n"
        if out is None:
            sys.stdout.write(text)
            return EXIT_OK
        write_output(out, text, "schema", ".json")
        _err(f"Wrote the case-file schema to {out}.")
        return EXIT_OK

    _run(action)


@app.command()
def programs(
    program: Annotated[Optional[str], typer.Argument(metavar="[ID]", help="A program id to show in full.", show_default=False)] = None,
    functions: Annotated[bool, typer.Option("--functions", help="List the rule functions packs can use.")] = False,
) -> None:
    """List the program packs, or show one program's rules with parameters and citations."""

    def action() -> int:
        from . import render_programs

        _, packset, _ = _context(None)
        if functions:
            typer.echo(render_programs.functions())
        elif program is None:
            typer.echo(render_programs.listing(packset))
        else:
            pack = packset.get(program)
            if pack is None:
                from .problems import did_you_mean

                raise UsageError(f"no program '{program}'{did_you_mean(program, packset.packs)}; see `casestaff programs`")
            typer.echo(render_programs.detail(pack))
        return EXIT_OK

    _run(action)


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


from . import cli_agenda  # noqa: E402,F401  (registers the agenda command)
from . import cli_record  # noqa: E402,F401  (registers record, new, narrate)
