"""The command line's options as data, and the values they give checked, without typer.

Each option the due list's commands share is declared here once: its spellings, what it takes,
its default and its help. cli/common.py hands them to typer for every command; cli/quick.py
reads a plain `casestaff due` with the same declarations without importing typer at all (issue
11: typer and the click inside it cost some 14 ms of every start), so the two cannot come to
disagree on what an option is called, what it takes or what it defaults to.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from casestaff.model.errors import UsageError
from casestaff.model.pack import PackSet
from casestaff.model.plain import dataclass
from casestaff.model.problems import did_you_mean
from casestaff.model.when import PLAUSIBLE_YEARS, WhenError, read_date
from casestaff.rules.flags import WINDOW_MEANING

Takes = Literal["text", "days", "switch"]
"""What follows an option on the command line: a text, a whole number of days (0 or more), or
nothing (a switch, on when given)."""


@dataclass(frozen=True)
class Option:
    """One option of a command: how typer declares it and how cli/quick.py reads it."""

    param: str
    """The command function's parameter it sets."""
    names: tuple[str, ...]
    takes: Takes
    default: Any
    help: str
    metavar: str | None = None
    show_default: bool = True


PATHS_HELP = "Case files or folders (default: the case folder from casestaff.toml, else the case files directly in the current folder)."
PATHS_METAVAR = "[PATHS]..."

AS_OF = Option("as_of", ("--as-of",), "text", None, "Evaluate as of this date (YYYY-MM-DD); default today.", "DATE", show_default=False)
WITHIN = Option("within", ("--within",), "days", 14, WINDOW_MEANING, "DAYS")
WORKER = Option("worker", ("--worker",), "text", None, "Only cases of this worker (initials).", "INITIALS", show_default=False)
PROGRAM = Option("program", ("--program",), "text", None, "Only cases of this program id.", "ID", show_default=False)
NO_CACHE = Option("no_cache", ("--no-cache",), "switch", False, "Read every file afresh and leave the private cache alone.")
"""The due list's selection and the cache switch, the same in every command that shows the list
(due, calendar, report)."""

DUE_FORMATS = ("table", "json", "csv")
DUE_FORMAT = Option("fmt", ("--format",), "text", DUE_FORMATS[0], "table, json or csv (table is plain text when piped).", "|".join(DUE_FORMATS))
LONG = Option("long", ("--long", "--explain"), "switch", False, "On a terminal, show each flag's evidence, policy citation and local defaults.")
NO_PAGER = Option("no_pager", ("--no-pager",), "switch", False, "On a terminal, print the list without a pager however long it is.")

DUE_OPTIONS = (AS_OF, WITHIN, WORKER, PROGRAM, DUE_FORMAT, LONG, NO_PAGER, NO_CACHE)
"""Every option of `casestaff due`, in the order its help lists them; its only argument is the
paths (PATHS_HELP)."""


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


def check_program(program: str | None, packset: PackSet) -> None:
    """--program names a program of the pack set, or the refusal says which ones are close."""
    if program and packset.get(program) is None:
        raise UsageError(f"--program: no program '{program}'{did_you_mean(program, packset.packs)}; see `casestaff programs`")
