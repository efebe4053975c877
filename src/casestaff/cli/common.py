"""What every command shares: the app, the option types (declared in cli/arguments.py), and
the one place an error becomes an exit code (its message: cli/messages.py).

Exit codes (also in `casestaff --help` and docs/cli.md):
  0  done, every file loaded
  1  problems found in case files (each printed as path:line:col: message)
  2  usage or settings error (bad option, missing path, casestaff.toml or a pack is wrong)
  3  an agenda has blocking readiness problems
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, Optional, TypeVar

import typer
from typer.core import TyperGroup

from casestaff import __version__
from casestaff.cli.arguments import AS_OF, NO_CACHE, PATHS_HELP, PATHS_METAVAR, PROGRAM, WITHIN, WORKER, Option
from casestaff.cli.messages import outcome_of, say
from casestaff.model.errors import AmbiguousCase, UsageError

EPILOG = (
    "Exit codes: 0 all files loaded; 1 problems found in case files; 2 usage or settings error; "
    "3 agenda blocked by readiness checks."
)


class Commands(TyperGroup):
    """casestaff's commands. Each returns its exit code; an error of casestaff's family, from any
    command or the core beneath it, or Ctrl-C, is shown through cli/messages.outcome_of -- the
    one place -- and exits with its code (`casestaff.model.errors`)."""

    def invoke(self, ctx: Any) -> Any:
        code = outcome_of(lambda: TyperGroup.invoke(self, ctx))
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


def typer_option(option: Option) -> Any:
    """How typer declares an option of cli/arguments.py."""
    minimum = 0 if option.takes == "days" else None
    return typer.Option(*option.names, metavar=option.metavar, help=option.help, min=minimum, show_default=option.show_default)


PathsArg = Annotated[Optional[list[Path]], typer.Argument(metavar=PATHS_METAVAR, help=PATHS_HELP, show_default=False)]
AsOfOpt = Annotated[Optional[str], typer_option(AS_OF)]
NoCacheOpt = Annotated[bool, typer_option(NO_CACHE)]
WithinOpt = Annotated[int, typer_option(WITHIN)]
WorkerOpt = Annotated[Optional[str], typer_option(WORKER)]
ProgramOpt = Annotated[Optional[str], typer_option(PROGRAM)]
"""The due list's selection, the same in every command that shows it (due, calendar, report)."""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"casestaff {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """Who needs a case staffing, and why -- from a folder of YAML case files."""
