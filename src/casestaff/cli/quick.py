"""`casestaff due` read without typer.

The morning list is the command run most, and loading typer (with the click inside it) only to
read its command line costs some 14 ms of every run -- a tenth of a 150-file caseload's (issue
11). What this module reads exactly as typer reads it -- `due`, then paths and the options of
cli/arguments.DUE_OPTIONS spelled in full -- runs here; anything else (--help, a mistake, an
abbreviation, `--`, a short option, a value typer would refuse) goes to typer, which says what
it says. Both read the options from the same declarations, and a test holds the two readings to
each other.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from casestaff.cli.arguments import DUE_OPTIONS, Option
from casestaff.cli.due_list import show_due
from casestaff.cli.launch import collect_from_here, command_streams, reader_gone
from casestaff.cli.messages import outcome_of

_BY_NAME: dict[str, Option] = {name: option for option in DUE_OPTIONS for name in option.names}

EXIT_CLOSED_PIPE = 1
"""`casestaff due | head`, the reader gone before the list was written: as typer's command line ends it."""


def parse(argv: Sequence[str]) -> dict[str, Any] | None:
    """The arguments of cli/due_list.show_due that `casestaff ARGV` gives, as typer gives them;
    None when ARGV is not a `due` this module reads exactly as typer does."""
    if not argv or argv[0] != "due":
        return None
    values: dict[str, Any] = {option.param: option.default for option in DUE_OPTIONS}
    paths: list[Path] = []
    tokens = iter(argv[1:])
    for token in tokens:
        if not token.startswith("-"):
            if not _a_path_typer_takes(token):
                return None
            paths.append(Path(token))
            continue
        name, equals, value = token.partition("=")
        option = _BY_NAME.get(name)
        if option is None:  # --help, --, a short option, an abbreviation or a mistake: typer's to say
            return None
        if option.takes == "switch":
            if equals:  # typer: the option does not take a value
                return None
            values[option.param] = True
            continue
        if not equals:
            following = next(tokens, None)  # as typer: whatever follows, even if it starts with a dash
            if following is None:
                return None
            value = following
        if option.takes == "days":
            try:
                days = int(value)  # as typer reads a whole number
            except ValueError:
                return None
            if days < 0:
                return None
            values[option.param] = days
        else:
            values[option.param] = value
    values["paths"] = paths or None
    return values


def _a_path_typer_takes(token: str) -> bool:
    """Whether typer takes `token` as a path as it is: anything that does not exist, or exists
    and can be read (typer refuses an unreadable one with its own message)."""
    if not token:
        return False
    try:
        os.stat(token)
    except OSError:
        return True
    except ValueError:  # a NUL in the name: typer's to say
        return False
    return os.access(token, os.R_OK)


def run(argv: Sequence[str]) -> int | None:
    """Run `casestaff ARGV` when parse() reads it: its exit code, or None to leave it to typer."""
    values = parse(argv)
    if values is None:
        return None
    with command_streams(argv):
        collect_from_here()
        try:
            return outcome_of(lambda: show_due(**values))
        except BrokenPipeError:  # `casestaff due | head`: 1, as typer's command line ends it
            reader_gone()
            return EXIT_CLOSED_PIPE
