"""What every command shares: the app, the option types, dates read from the command line,
problems printed, and the one place an error becomes a message and an exit code.

Exit codes (also in `casestaff --help` and docs/cli.md):
  0  done, every file loaded
  1  problems found in case files (each printed as path:line:col: message)
  2  usage or settings error (bad option, missing path, casestaff.toml or a pack is wrong)
  3  an agenda has blocking readiness problems
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Annotated, Any, Optional, TypeVar

import typer
from typer.core import TyperGroup

from casestaff import __version__
from casestaff.model.errors import AmbiguousCase, CasestaffError, UsageError
from casestaff.model.pack import PackSet
from casestaff.model.problems import Problem, did_you_mean, printable
from casestaff.model.when import PLAUSIBLE_YEARS, WhenError, read_date
from casestaff.rules.flags import WINDOW_MEANING

EPILOG = (
    "Exit codes: 0 all files loaded; 1 problems found in case files; 2 usage or settings error; "
    "3 agenda blocked by readiness checks."
)


def say(message: str) -> None:
    """A line for the user on stderr, apart from the output a pipe takes (file names that are not
    UTF-8 shown with escapes, never a traceback)."""
    typer.echo(printable(message), err=True)


def print_problems(problems: Iterable[Problem], *, err: bool) -> None:
    """Each problem as path:line:col: message, so an editor can jump to it."""
    for problem in problems:
        typer.echo(str(problem), err=err)


def show_error(error: CasestaffError) -> None:
    """An error as the user sees it, on stderr: its located problems, then `casestaff: message`."""
    print_problems(error.problems, err=True)
    if error.message:
        say(f"casestaff: {error.message}" + (f" {error.note}" if error.note else ""))


class Commands(TyperGroup):
    """casestaff's commands. Each returns its exit code; an error of casestaff's family, from any
    command or the core beneath it, is shown here -- the one place -- and exits with its class's
    code (`casestaff.model.errors`)."""

    def invoke(self, ctx: Any) -> Any:
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


T = TypeVar("T")


def at_terminal() -> bool:
    """A person is at the terminal to answer a question (stdin and stderr are a terminal)."""
    return sys.stdin.isatty() and sys.stderr.isatty()


def choosing_case(call: Callable[[str], T], target: str) -> T:
    """`call(target)`; when CASE is part of several participants' names and a person is at the
    terminal, they are listed and asked which one (else the refusal lists them)."""
    try:
        return call(target)
    except AmbiguousCase as error:
        if not at_terminal():
            raise
        for number, (name, case_id, file) in enumerate(error.matches, 1):
            say(f"  {number}. {name} ({case_id}, {file})")
        number = typer.prompt(f"'{target}' names {len(error.matches)} participants; which one (number)", type=int, err=True)
        if not 1 <= number <= len(error.matches):
            raise UsageError(f"no participant numbered {number}; give the case id or the file") from None
        return call(error.matches[number - 1][2])


def parse_date(value: str | None, option: str) -> dt.date:
    """The date an option gives (YYYY-MM-DD), today when it is not given."""
    if value is None:
        return dt.date.today()
    try:
        day = read_date(value)
    except WhenError as exc:
        raise UsageError(f"{option}: {exc}") from None
    if day.year not in PLAUSIBLE_YEARS:
        raise UsageError(f"{option}: {value} is in the year {day.year}; check the year")
    return day


MAX_WITHIN = 36_500
"""--within beyond 100 years of days would take dates past the calendar (OverflowError)."""


def check_within(days: int) -> None:
    if days > MAX_WITHIN:
        raise UsageError(f"--within: {days} days is more than 100 years; give at most {MAX_WITHIN} days")


FORMATS_BY_SUFFIX: dict[str, tuple[str, ...]] = {
    ".md": ("md",),
    ".txt": ("txt", "text"),
    ".html": ("html",),
    ".htm": ("html",),
    ".csv": ("csv",),
    ".docx": ("docx",),
    ".pdf": ("pdf",),
}
"""With --out and no --format, the file's suffix says which format it wants (the first of these
the command writes). One table for every command, so no two disagree on what a name means."""
BINARY_NAMES = {"docx": "a Word document", "pdf": "a PDF"}
"""Formats a file's suffix must match, and a file of that suffix must hold: anything else would not open."""


def _suffix_for(fmt: str) -> str:
    return next((suffix for suffix, formats in FORMATS_BY_SUFFIX.items() if fmt in formats), f".{fmt}")


def output_format(fmt: str | None, out: Path | None, formats: Sequence[str], default: str, command: str) -> str:
    """--format, else the format --out's suffix names, else `default`. A file named as a Word
    document or a PDF holds one, and one is written only into a file so named: a .pdf holding
    text would not open."""
    suffix = out.suffix.lower() if out is not None else ""
    named = FORMATS_BY_SUFFIX.get(suffix, ())
    if fmt is None:
        fmt = next((f for f in named if f in formats), default)
    if fmt not in formats:
        raise UsageError(f"--format: {fmt!r} is not one of {', '.join(formats)}")
    binary = next((f for f in named if f in BINARY_NAMES), None)
    if out is not None and binary is not None and binary != fmt:
        instead = f"for example --out {out.with_suffix(_suffix_for(fmt)).name}"
        if binary in formats:
            raise UsageError(f"--out {out}: a {suffix} file must hold {BINARY_NAMES[binary]}, not {fmt}; give --format {binary}, or {instead}")
        writes = ", ".join(formats[:-1]) + f" or {formats[-1]}"
        raise UsageError(f"--out {out}: a {suffix} file must hold {BINARY_NAMES[binary]}, and {command} writes {writes}; give {instead}")
    if out is not None and fmt in BINARY_NAMES and suffix != f".{fmt}":
        raise UsageError(
            f"--out {out}: {BINARY_NAMES[fmt]}'s file name ends in .{fmt}, which is how it is opened;"
            f" give for example --out {out.with_suffix('.' + fmt).name}"
        )
    return fmt


def say_files_left_out(problems: Sequence[Problem]) -> None:
    """After a list made without the files that have problems: how many were left out, and where
    to read why (the problems themselves were printed first)."""
    if problems:
        say(f"casestaff: {len({p.file for p in problems})} file(s) with problems were left out; run `casestaff check` for details.")


def say_if_no_case_files(files: int, paths: Sequence[Path], notes: Sequence[str] = ()) -> None:
    """What was skipped while looking for case files, then: an empty answer from the wrong
    folder must not read as 'nothing is due'."""
    for note in notes:
        say(f"casestaff: {note}")
    if not files:
        where = ", ".join(str(p) for p in paths)
        say(f"casestaff: no case files (.yaml or .yml) in {where}; give the folder that holds them, or set cases in casestaff.toml")


PathsArg = Annotated[
    Optional[list[Path]],
    typer.Argument(metavar="[PATHS]...", help="Case files or folders (default: the case folder from casestaff.toml, else the case files directly in the current folder).", show_default=False),
]
AsOfOpt = Annotated[Optional[str], typer.Option("--as-of", metavar="DATE", help="Evaluate as of this date (YYYY-MM-DD); default today.", show_default=False)]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Read every file afresh and leave the private cache alone.")]
WithinOpt = Annotated[int, typer.Option("--within", min=0, metavar="DAYS", help=WINDOW_MEANING)]
WorkerOpt = Annotated[Optional[str], typer.Option("--worker", metavar="INITIALS", help="Only cases of this worker (initials).", show_default=False)]
ProgramOpt = Annotated[Optional[str], typer.Option("--program", metavar="ID", help="Only cases of this program id.", show_default=False)]
"""The due list's selection, the same in every command that shows it (due, calendar, report)."""


def check_program(program: str | None, packset: PackSet) -> None:
    """--program names a program of the pack set, or the refusal says which ones are close."""
    if program and packset.get(program) is None:
        raise UsageError(f"--program: no program '{program}'{did_you_mean(program, packset.packs)}; see `casestaff programs`")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"casestaff {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """Who needs a case staffing, and why -- from a folder of YAML case files."""
