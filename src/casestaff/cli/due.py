"""`casestaff due` (who needs a staffing) and `casestaff check` (every problem in the case files)."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Optional

import typer

from casestaff.actions.due import who_is_due
from casestaff.actions.workspace import Workspace
from casestaff.cli import render_due
from casestaff.cli.common import (
    AsOfOpt,
    NoCacheOpt,
    PathsArg,
    app,
    check_within,
    parse_date,
    print_problems,
    say,
    say_if_no_case_files,
)
from casestaff.cli.stored_answer import keep_answer
from casestaff.files.caseload import EditableJob
from casestaff.model.errors import EXIT_OK, EXIT_PROBLEMS, UsageError
from casestaff.model.problems import did_you_mean


@app.command()
def due(
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    within: Annotated[int, typer.Option("--within", min=0, metavar="DAYS", help="Days ahead that count as upcoming.")] = 14,
    worker: Annotated[Optional[str], typer.Option("--worker", metavar="INITIALS", help="Only cases of this worker (initials).", show_default=False)] = None,
    program: Annotated[Optional[str], typer.Option("--program", metavar="ID", help="Only cases of this program id.", show_default=False)] = None,
    fmt: Annotated[str, typer.Option("--format", metavar="table|json|csv", help="table, json or csv (table is plain text when piped).")] = "table",
    no_cache: NoCacheOpt = False,
) -> int:
    """Who needs a staffing, why and by when: overdue first, then by due date; then the program calendar."""
    if fmt not in ("table", "json", "csv"):
        raise UsageError(f"--format: {fmt!r} is not one of table, json, csv")
    day = parse_date(as_of, "--as-of")
    check_within(within)
    workspace = Workspace.open(paths)
    packset = workspace.packset
    if program and packset.get(program) is None:
        raise UsageError(f"--program: no program '{program}'{did_you_mean(program, packset.packs)}; see `casestaff programs`")
    due_list = who_is_due(workspace, day, within, worker, program, no_cache=no_cache)
    caseload, report = due_list.run, due_list.report
    say_if_no_case_files(caseload.files, workspace.paths, caseload.notes)
    print_problems(caseload.problems, err=True)
    if fmt == "json":
        sys.stdout.write(render_due.as_json(report))
    elif fmt == "csv":
        sys.stdout.write(render_due.as_csv(report))
    elif sys.stdout.isatty():
        from rich.console import Console  # ~25 ms: only a terminal needs rich, piped runs never load it

        render_due.rich_table(report, Console())
    else:
        sys.stdout.write(render_due.plain(report))
    if caseload.problems:
        say(f"casestaff: {len({p.file for p in caseload.problems})} file(s) with problems were left out; run `casestaff check` for details.")
    return keep_answer(workspace, EXIT_PROBLEMS if caseload.problems else EXIT_OK)


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
