"""`casestaff due` once its command line is read: the list worked out, then shown on a terminal,
piped as plain text, or as JSON or CSV.

Without typer: cli/due.py runs it for typer's command, and cli/quick.py for a plain `casestaff
due` read without loading typer at all (issue 11).
"""

from __future__ import annotations

import sys
from pathlib import Path

from casestaff.actions.due import who_is_due
from casestaff.actions.workspace import Workspace
from casestaff.cli import render_due
from casestaff.cli.arguments import DUE_FORMATS, check_program, check_within, parse_date
from casestaff.cli.launch import keep_to_the_end, write_as_it_is
from casestaff.cli.messages import print_problems, say_files_left_out, say_if_no_case_files
from casestaff.cli.pager import page
from casestaff.cli.stored_answer import keep_answer
from casestaff.model.errors import EXIT_OK, EXIT_PROBLEMS, UsageError


def show_due(
    paths: list[Path] | None,
    as_of: str | None,
    within: int,
    worker: str | None,
    program: str | None,
    fmt: str,
    long: bool,
    no_pager: bool,
    no_cache: bool,
) -> int:
    """Who needs a staffing, why and by when, shown as asked; the exit code."""
    if fmt not in DUE_FORMATS:
        raise UsageError(f"--format: {fmt!r} is not one of {', '.join(DUE_FORMATS)}")
    day = parse_date(as_of, "--as-of")
    check_within(within)
    workspace = Workspace.open(paths)
    packset = workspace.packset
    check_program(program, packset)
    due_list = who_is_due(workspace, day, within, worker, program, no_cache=no_cache)
    caseload, report = due_list.run, due_list.report
    keep_to_the_end(due_list)
    say_if_no_case_files(caseload.files, workspace.paths, caseload.notes)
    print_problems(caseload.problems, err=True)
    if fmt == "json":
        render_due.write_json(report, sys.stdout)
    elif fmt == "csv":
        write_as_it_is(render_due.as_csv(report))
    elif sys.stdout.isatty():
        from rich.console import Console  # ~25 ms: only a terminal needs rich, piped runs never load it

        console = Console()
        paged = False
        if not no_pager:
            with console.capture() as captured:
                render_due.on_terminal(report, console, long=long)
            paged = page(captured.get(), console.height)
        if not paged:
            # Printed by the console itself, not as captured text: a Windows console shows the
            # colours rich writes to it, not escape codes.
            render_due.on_terminal(report, console, long=long)
    else:
        render_due.write_plain(report, sys.stdout)
    say_files_left_out(caseload.problems)
    return keep_answer(
        workspace, EXIT_PROBLEMS if caseload.problems else EXIT_OK, seen=caseload.signatures, listings=caseload.listings
    )
