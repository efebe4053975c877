"""What every command says to the user apart from its output: problems as path:line:col:
message, notes, and the one place an error becomes a message.

Written through typer's echo, imported the first time something is said: a clean morning list
run through cli/quick.py says nothing and never loads the command line's library (issue 11).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from casestaff.model.errors import EXIT_INTERRUPTED, CasestaffError
from casestaff.model.problems import Problem, printable

T = TypeVar("T")


def _echo(text: str, *, err: bool) -> None:
    import typer  # 10 ms, only once there is something to say

    typer.echo(text, err=err)


def say(message: str) -> None:
    """A line for the user on stderr, apart from the output a pipe takes (file names that are not
    UTF-8 shown with escapes, never a traceback)."""
    _echo(printable(message), err=True)


def print_problems(problems: Iterable[Problem], *, err: bool) -> None:
    """Each problem as path:line:col: message, so an editor can jump to it."""
    for problem in problems:
        _echo(str(problem), err=err)


def show_error(error: CasestaffError) -> None:
    """An error as the user sees it, on stderr: its located problems, then `casestaff: message`."""
    print_problems(error.problems, err=True)
    if error.message:
        say(f"casestaff: {error.message}" + (f" {error.note}" if error.note else ""))


def outcome_of(command: Callable[[], T]) -> T | int:
    """What `command()` returns, or, when it raises an error of casestaff's family or is stopped
    with Ctrl-C, that shown and its exit code: the one place either becomes what the user sees,
    for typer's commands (cli/common.Commands) and a plain `due` (cli/quick.py) alike."""
    try:
        return command()
    except CasestaffError as error:
        show_error(error)
        return error.exit_code
    except KeyboardInterrupt:
        say("casestaff: interrupted")
        return EXIT_INTERRUPTED


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
