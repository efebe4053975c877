"""`casestaff import`: one new case file per row of a caseload spreadsheet (.csv or .xlsx).

The mapping of columns to fields is shown first (stderr); a guessed one is confirmed at the
terminal before anything is written. Then each row's fate: written, skipped (why), refused
(where), and a summary line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from casestaff.actions.importing import ImportOutcome, ImportPlan, prepare_import, run_import
from casestaff.cli.arguments import parse_date
from casestaff.cli.common import AsOfOpt, app, at_terminal
from casestaff.cli.messages import say
from casestaff.model.errors import EXIT_OK, EXIT_PROBLEMS, UsageError

DELIMITER_NAMES = {",": "comma-separated", ";": "semicolon-separated", "\t": "tab-separated"}


@app.command("import")
def import_caseload(
    file: Annotated[Path, typer.Argument(metavar="FILE.csv|FILE.xlsx", help="The caseload spreadsheet: one participant per row, the first row naming the columns.", show_default=False)],
    into: Annotated[
        Optional[Path],
        typer.Option("--into", metavar="DIR", help="Folder to create the case files in (default: the case folder, `cases` in casestaff.toml).", show_default=False),
    ] = None,
    map_values: Annotated[
        Optional[list[str]],
        typer.Option("--map", metavar="COLUMN=FIELD,...", help="Which column fills which field, e.g. 'Case #=case_id,DOB=birth_date' ('Status=' leaves a column out); columns not named are guessed from their headers.", show_default=False),
    ] = None,
    program: Annotated[
        Optional[str],
        typer.Option("--program", metavar="ID", help="Program id for rows whose program cell is empty, or for a spreadsheet without a program column.", show_default=False),
    ] = None,
    dates: Annotated[
        Optional[str],
        typer.Option("--dates", metavar="mdy|dmy", help="How to read a date such as 3/4/2026 that could be either: mdy (March 4, as Excel writes in the US) or dmy; without it such dates are read by the order their column shows elsewhere (3/14/2026), or refused.", show_default=False),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be written, and what is wrong, without writing anything.")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Accept a guessed column mapping without asking.")] = False,
    as_of: AsOfOpt = None,
) -> int:
    """Start one case file per row of a caseload spreadsheet (.csv or .xlsx), from the program's skeleton.

    Each file passes `casestaff check`, or the row is refused, located as FILE:row N, column 'HEADER', and nothing is written for it.
    A case id already in the case folder is skipped; an existing file is never overwritten.
    Files are readable by you only (your group too with shared_folder). docs/import.md tells more.
    Exit code 0 when every row was written (or skipped), 1 when some rows were refused.
    """
    day = parse_date(as_of, "--as-of")
    plan = prepare_import(file, into, map_values or [], program, dates)
    _show_mapping(plan)
    if plan.columns.guessed and not yes and not dry_run:
        if not at_terminal():
            raise UsageError(
                "the mapping above was guessed from the headers; check it, then run again with --yes to accept it,"
                " or give it with --map or casestaff.toml's [import] map"
            )
        if not typer.confirm("Import the rows with this mapping?", default=True, err=True):
            typer.echo("Nothing was written.")
            return EXIT_OK
    outcome = run_import(plan, day, dry_run=dry_run)
    _show_outcome(plan, outcome, dry_run)
    return EXIT_PROBLEMS if outcome.refused else EXIT_OK


def _show_mapping(plan: ImportPlan) -> None:
    sheet = plan.sheet
    how = sheet.encoding if sheet.delimiter is None else f"{sheet.encoding}, {DELIMITER_NAMES[sheet.delimiter]}"
    say(f"{sheet.path.name} ({how}): {len(sheet.rows)} row(s); its columns fill these fields:")
    for name, columns in plan.columns.columns.items():
        headers = " + ".join(f"'{sheet.headers[c]}'" for c in columns)
        say(f"  {headers} -> {name}{'   (guessed)' if name in plan.columns.guessed else ''}")
    for column in plan.columns.ignored:
        say(f"  '{sheet.headers[column]}' -> not imported")
    if plan.program is not None and "program" not in plan.columns.columns:
        say(f"  (every row) -> program {plan.program}")


def _show_outcome(plan: ImportPlan, outcome: ImportOutcome, dry_run: bool) -> None:
    for made, path in outcome.written:
        if dry_run:
            typer.echo(f"Would write {path}: row {made.row}, {made.case_id}, {made.name}, {made.program}")
            for name, value in made.values.items():
                if name not in ("case_id", "program"):
                    typer.echo(f"    {name}: {value}")
        else:
            typer.echo(f"Wrote {path} (row {made.row}: {made.case_id}, {made.name}, {made.program}).")
    for row, case_id, why in outcome.skipped:
        typer.echo(f"Skipped row {row} ({case_id}): {why}.")
    for problem in outcome.refused:
        typer.echo(str(problem), err=True)
    sheet = plan.sheet
    verb = "would be written" if dry_run else "written"
    parts = [f"{len(outcome.written)} {verb}", f"{len(outcome.skipped)} skipped", f"{outcome.refused_rows} refused"]
    read = f"read as {sheet.encoding}" if sheet.delimiter is not None else "read from the first sheet"
    empty = f"; {sheet.empty_rows} empty row(s) passed over" if sheet.empty_rows else ""
    typer.echo(f"{', '.join(parts)} ({sheet.path.name} {read}{empty}).")
    if outcome.refused:
        again = "fix those rows in the spreadsheet and import it again: rows already written are skipped"
        say(f"casestaff: {outcome.refused_rows} row(s) refused, nothing written for them; {again}")
