"""One family of errors, each class with its exit code, so the command line has one handler.

The core raises these; `casestaff.cli` catches `CasestaffError` in one place, prints the
located problems (if any) and the message, and exits with the class's code. Problems found in
case files are values (`Problem`), collected across the caseload; an error is raised only when
a command cannot go on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from casestaff.model.problems import Problem

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_BLOCKED = 0, 1, 2, 3
"""0 done; 1 problems in case files (or what they record is not enough); 2 usage or settings
error; 3 an agenda has blocking readiness problems."""
EXIT_INTERRUPTED = 130
"""A command stopped with Ctrl-C: 128 + SIGINT, as a shell reports a command it interrupted."""



class CasestaffError(Exception):
    """Base of every error casestaff reports: a message, located problems, and an exit code."""

    exit_code: ClassVar[int] = EXIT_USAGE

    def __init__(self, message: str = "", *, problems: Sequence[Problem] = (), note: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = list(problems)
        self.note = note
        """What else the user should know: where their typed input was saved, what to run next."""

    def __str__(self) -> str:
        return self.message


class UsageError(CasestaffError):
    """A wrong option value, path or name given on the command line."""


class AmbiguousCase(UsageError):
    """CASE names part of more than one participant's name: the matches, as (name, case id, file),
    so the command line can ask which one when a person is at the terminal."""

    def __init__(self, message: str, matches: Sequence[tuple[str, str, str]]) -> None:
        super().__init__(message)
        self.matches = list(matches)


class SettingsError(CasestaffError):
    """casestaff.toml, a program pack or a user template is wrong; the problems say where."""


class CaseProblems(CasestaffError):
    """A case file (or an outcome file) has problems; nothing could be done with it."""

    exit_code = EXIT_PROBLEMS


class Refused(CasestaffError):
    """casestaff would not do it: writing would lose or spoil data, or what is recorded is not enough."""

    exit_code = EXIT_PROBLEMS
