"""`casestaff due` (who needs a staffing) and `casestaff check` (every problem in the case files)."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from casestaff.actions.due import who_is_due
from casestaff.actions.workspace import Workspace
from casestaff.cli import render_due
from casestaff.cli.pager import page
from casestaff.cli.common import (
    AsOfOpt,
    NoCacheOpt,
    PathsArg,
    ProgramOpt,
    WithinOpt,
    WorkerOpt,
    app,
    check_program,
    check_within,
    parse_date,
    print_problems,
    say_files_left_out,
    say_if_no_case_files,
)
from casestaff.cli.launch import keep_to_the_end
from casestaff.cli.stored_answer import keep_answer
from casestaff.files.caseload import EditableJob
from casestaff.model.errors import EXIT_OK, EXIT_PROBLEMS, UsageError


DUE_HELP = (
    "Who needs a staffing, why and by when: overdue, then due, then upcoming, hard deadlines first in each; then the"
    " program calendar.\n\n"
    "On a terminal: one line per flag under each participant, hard deadlines marked, through a pager when the list is"
    " taller than the screen ($CASESTAFF_PAGER, else $PAGER, else less); --long adds each flag's evidence, policy"
    " citation and local defaults. Piped, the list is plain text with every field.\n\n" + render_due.statuses_help()
)


@app.command(help=DUE_HELP)
def due(
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    within: WithinOpt = 14,
    worker: WorkerOpt = None,
    program: ProgramOpt = None,
    fmt: Annotated[str, typer.Option("--format", metavar="table|json|csv", help="table, json or csv (table is plain text when piped).")] = "table",
    long: Annotated[bool, typer.Option("--long", "--explain", help="On a terminal, show each flag's evidence, policy citation and local defaults.")] = False,
    no_pager: Annotated[bool, typer.Option("--no-pager", help="On a terminal, print the list without a pager however long it is.")] = False,
    no_cache: NoCacheOpt = False,
) -> int:
    """Who needs a staffing, why and by when (the help is DUE_HELP: it prints the statuses' one definition)."""
    if fmt not in ("table", "json", "csv"):
        raise UsageError(f"--format: {fmt!r} is not one of table, json, csv")
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
        sys.stdout.write(render_due.as_csv(report))
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
    return keep_answer(workspace, EXIT_PROBLEMS if caseload.problems else EXIT_OK, seen=caseload.signatures)


@app.command()
def check(
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[str, typer.Option("--format", metavar="text|json", help="text or json.")] = "text",
    no_cache: NoCacheOpt = False,
) -> int:
    """Validate case files; print every problem as path:line:col: message, with the fix."""
    if fmt not in ("text", "json"):
        raise UsageError(f"--format: {fmt!r} is not one of text, json")
    day = parse_date(as_of, "--as-of")
    workspace = Workspace.open(paths)
    # Every check the other commands make of a file: what `record` and `narrate` refuse before
    # reading a case (EditableJob) too, so a file that passes is never refused later.
    caseload = workspace.run(EditableJob(), day, no_cache=no_cache)
    problems = sorted(
        [*caseload.problems, *(p for p in caseload.results if p is not None)], key=lambda p: (p.file, p.line, p.col)
    )
    say_if_no_case_files(caseload.files, workspace.paths, caseload.notes)
    if fmt == "json":
        typer.echo(json.dumps([p.as_dict() for p in problems], indent=2, ensure_ascii=False))
    else:
        print_problems(problems, err=False)
        bad = len({p.file for p in problems})
        if problems:
            typer.echo(f"{len(problems)} problem(s) in {bad} of {caseload.files} file(s).")
        else:
            typer.echo(f"{caseload.files} file(s) checked, no problems.")
    return EXIT_PROBLEMS if problems else EXIT_OK
