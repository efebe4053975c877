"""`casestaff calendar`: the due list's deadlines as an iCalendar (.ics) file."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from casestaff.actions.calendar import export_calendar
from casestaff.actions.workspace import Workspace
from casestaff.cli.launch import keep_to_the_end
from casestaff.cli.arguments import check_program, check_within, parse_date
from casestaff.cli.common import AsOfOpt, NoCacheOpt, PathsArg, ProgramOpt, WithinOpt, WorkerOpt, app
from casestaff.cli.messages import print_problems, say, say_files_left_out, say_if_no_case_files
from casestaff.documents.calendar import MAX_REMIND_DAYS, REMIND_AT_HOUR
from casestaff.model.errors import EXIT_OK, EXIT_PROBLEMS, UsageError

CALENDAR_SUFFIX = ".ics"


def parse_remind(value: str | None) -> int | None:
    """--remind DAYS as a number of days from 0 (the due day itself) to MAX_REMIND_DAYS."""
    if value is None:
        return None
    text = value.strip()
    if not text.isdigit():
        raise UsageError(f"--remind: {value!r} is not a whole number of days; give for example --remind 2 (0 rings on the due day)")
    days = int(text)
    if days > MAX_REMIND_DAYS:
        raise UsageError(f"--remind: {days} days is more than a year; give at most {MAX_REMIND_DAYS}")
    return days


def _checked_output(out: Path | None) -> Path | None:
    """--out FILE, checked before anything is read; None means stdout, which only a pipe or a
    redirection may be: the file is meant for a calendar program, not for the screen."""
    if out is None or str(out) == "-":
        if sys.stdout.isatty():
            raise UsageError(
                "the calendar is a file for Outlook, Google or Apple Calendar to import: give --out FILE.ics"
                " (for example --out deadlines.ics), or pipe the output"
            )
        return None
    if out.suffix.lower() != CALENDAR_SUFFIX:
        raise UsageError(
            f"--out {out}: a calendar file's name ends in .ics, which calendar programs look for;"
            f" give for example --out {out.with_suffix(CALENDAR_SUFFIX).name}"
        )
    if out.is_dir():
        raise UsageError(f"--out {out}: that is a folder; give a file name ending in .ics")
    return out


def _warn_if_others_can_read_stdout() -> None:
    """A redirection (`> file.ics`) makes a file the shell's umask leaves readable by others."""
    try:
        info = os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        return
    if os.name == "posix" and stat.S_ISREG(info.st_mode) and info.st_mode & 0o077:
        say(
            "casestaff: the calendar went to a file others on this computer may read; --out FILE.ics"
            " writes it readable by you alone, and lets the next export cancel what no longer applies"
        )


@app.command()
def calendar(
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    within: WithinOpt = 14,
    worker: WorkerOpt = None,
    program: ProgramOpt = None,
    out: Annotated[
        Optional[Path],
        typer.Option(
            "--out",
            "--output",
            "-o",
            metavar="FILE.ics",
            help="Write the calendar to this file, readable by you alone; export to the same file again to update it (default: stdout, when piped).",
            show_default=False,
        ),
    ] = None,
    remind: Annotated[
        Optional[str],
        typer.Option("--remind", metavar="DAYS", help=f"Add a reminder at {REMIND_AT_HOUR}:00, DAYS days before each due day (0: on the day).", show_default=False),
    ] = None,
    names: Annotated[bool, typer.Option("--names", help="Put participants' names in the events (by default only case ids: calendars sync to cloud services).")] = False,
    no_cache: NoCacheOpt = False,
) -> int:
    """The due list's deadlines and the program calendar as an iCalendar (.ics) file.

    One all-day event on each due day, with the reason, the evidence and the policy citation;
    the same list `casestaff due` gives, with the same options. Import the file into Outlook,
    Google Calendar or Apple Calendar; import tomorrow's file written to the same --out FILE and
    the events are updated, not doubled, and those that no longer apply come back cancelled.
    Events name the case id and the rule, not the participant, unless --names is given.
    """
    day = parse_date(as_of, "--as-of")
    check_within(within)
    remind_days = parse_remind(remind)
    output = _checked_output(out)
    workspace = Workspace.open(paths)
    check_program(program, workspace.packset)
    done = export_calendar(
        workspace, day, within, worker, program, names=names, remind=remind_days, output=output, no_cache=no_cache
    )
    keep_to_the_end(done)
    caseload = done.due.run
    say_if_no_case_files(caseload.files, workspace.paths, caseload.notes)
    print_problems(caseload.problems, err=True)
    if output is None:
        _warn_if_others_can_read_stdout()
        sys.stdout.flush()
        sys.stdout.buffer.write(done.ics)
        sys.stdout.flush()
    for note in done.notes:
        say(f"casestaff: {note}")
    events, cancelled = len(done.export.events), len(done.export.cancelled)
    where = f" to {output}" if output is not None else ""
    say(f"casestaff: {events} event{'s' if events != 1 else ''}{f' and {cancelled} cancelled' if cancelled else ''} written{where}.")
    say_files_left_out(caseload.problems)
    return EXIT_PROBLEMS if caseload.problems else EXIT_OK
