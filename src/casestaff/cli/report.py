"""`casestaff report`: the supervisor's overview of a caseload, as text, CSV or an HTML page."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from casestaff.actions.report import overview
from casestaff.actions.workspace import Workspace, write_output
from casestaff.cli.launch import keep_to_the_end, write_as_it_is
from casestaff.cli import render_report
from casestaff.cli.arguments import check_program, parse_date
from casestaff.cli.common import AsOfOpt, NoCacheOpt, PathsArg, ProgramOpt, WorkerOpt, app, output_format
from casestaff.cli.messages import print_problems, say, say_files_left_out, say_if_no_case_files
from casestaff.documents.report import render_html
from casestaff.model.errors import EXIT_OK, EXIT_PROBLEMS, UsageError

FORMATS = ("text", "csv", "html")
MAX_WEEKS = 104
"""Two years of weekly replays: each week is one more evaluation of the whole caseload."""


def _format(fmt: str | None, out: Path | None) -> str:
    """--format, else the format --out's suffix names, else text; html is never poured onto a terminal."""
    fmt = output_format(fmt, out, FORMATS, "text", "report")
    if fmt == "html" and out is None and sys.stdout.isatty():
        raise UsageError("--format html: give the page a file to go to, e.g. --out report.html (or pipe it)")
    return fmt


@app.command()
def report(
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    weeks: Annotated[int, typer.Option("--weeks", metavar="N", help=f"The overdue trend covers the last N weeks, each ending on the as-of day's weekday (1 to {MAX_WEEKS}).")] = 12,
    worker: WorkerOpt = None,
    program: ProgramOpt = None,
    fmt: Annotated[Optional[str], typer.Option("--format", metavar="text|csv|html", help="text, csv or html (default: from --out's suffix, else text).", show_default=False)] = None,
    out: Annotated[Optional[Path], typer.Option("--out", "--output", metavar="FILE", help="Write the report to this file (readable by you only, or your group too with shared_folder) instead of stdout.", show_default=False)] = None,
    no_names: Annotated[bool, typer.Option("--no-names", help="Leave participants' names out (case ids only): for a report that goes up the chain.")] = False,
    no_cache: NoCacheOpt = False,
) -> int:
    """The supervisor's overview: who needs attention per worker, program and rule, how long overdue, hard deadlines, staffings held, and the overdue trend.

    Every number is the one `casestaff due` gives for the same cases: the trend's count for a
    week is the overdue count `casestaff due --as-of DAY` says for that week's last day, with the
    case files as they are now (records dated later are ignored, as always).
    """
    chosen = _format(fmt, out)
    day = parse_date(as_of, "--as-of")
    if not 1 <= weeks <= MAX_WEEKS:
        raise UsageError(f"--weeks: {weeks} is not between 1 and {MAX_WEEKS}")
    workspace = Workspace.open(paths)
    check_program(program, workspace.packset)
    made = overview(workspace, day, weeks, worker, program, names=not no_names, no_cache=no_cache)
    keep_to_the_end(made)
    caseload = made.run
    say_if_no_case_files(caseload.files, workspace.paths, caseload.notes)
    print_problems(caseload.problems, err=True)
    if chosen == "html":
        text = render_html(made.report, workspace.config.templates)
    elif chosen == "csv":
        text = render_report.as_csv(made.report)
    else:
        text = render_report.plain(made.report)
    if out is None and chosen == "csv":
        write_as_it_is(text)
    elif out is None:
        sys.stdout.write(text)
    else:
        write_output(out, text, "report", ".html, .csv or .txt", shared=workspace.config.shared_folder)
        say(f"Wrote the report to {out}.")
    say_files_left_out(caseload.problems)
    return EXIT_PROBLEMS if caseload.problems else EXIT_OK
