"""`casestaff due` (who needs a staffing) and `casestaff check` (every problem in the case files)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from casestaff.actions.workspace import Workspace
from casestaff.cli import render_due
from casestaff.cli.arguments import AS_OF, DUE_FORMAT, LONG, NO_CACHE, NO_PAGER, PROGRAM, WITHIN, WORKER, parse_date
from casestaff.cli.common import AsOfOpt, NoCacheOpt, PathsArg, ProgramOpt, WithinOpt, WorkerOpt, app, typer_option
from casestaff.cli.due_list import show_due
from casestaff.cli.messages import print_problems, say_if_no_case_files
from casestaff.files.caseload import EditableJob
from casestaff.model.errors import EXIT_OK, EXIT_PROBLEMS, UsageError

FormatOpt = Annotated[str, typer_option(DUE_FORMAT)]
LongOpt = Annotated[bool, typer_option(LONG)]
NoPagerOpt = Annotated[bool, typer_option(NO_PAGER)]

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
    as_of: AsOfOpt = AS_OF.default,
    within: WithinOpt = WITHIN.default,
    worker: WorkerOpt = WORKER.default,
    program: ProgramOpt = PROGRAM.default,
    fmt: FormatOpt = DUE_FORMAT.default,
    long: LongOpt = LONG.default,
    no_pager: NoPagerOpt = NO_PAGER.default,
    no_cache: NoCacheOpt = NO_CACHE.default,
) -> int:
    """Who needs a staffing, why and by when (the help is DUE_HELP: it prints the statuses' one definition)."""
    return show_due(paths, as_of, within, worker, program, fmt, long, no_pager, no_cache)


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
