"""`casestaff programs` (the program packs, their rules and citations) and `casestaff schema`
(the JSON Schema of a case file): what the packs say, for a reader or an editor."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from casestaff.actions.workspace import Workspace, write_output
from casestaff.cli import render_programs
from casestaff.cli.common import app
from casestaff.cli.messages import say
from casestaff.cli.stored_answer import keep_answer
from casestaff.documents.schema import case_schema
from casestaff.model.errors import EXIT_OK, UsageError
from casestaff.model.problems import did_you_mean


FUNCTIONS_MODULE = "casestaff.cli.render_functions"
"""The listing of `programs --functions`."""


@app.command()
def schema(
    out: Annotated[
        Optional[Path],
        typer.Option("--out", metavar="FILE", help="Write the schema to this file, as UTF-8 (PowerShell's '>' would save UTF-16).", show_default=False),
    ] = None,
) -> int:
    """Print the JSON Schema (draft 2020-12) of a case file, for editors such as VS Code."""
    text = json.dumps(case_schema(Workspace.open().packset), indent=2, ensure_ascii=False) + "\n"
    if out is None:
        sys.stdout.write(text)
        return EXIT_OK
    write_output(out, text, "schema", ".json")
    say(f"Wrote the case-file schema to {out}.")
    return EXIT_OK


@app.command()
def programs(
    program: Annotated[Optional[str], typer.Argument(metavar="[ID]", help="A program id to show in full.", show_default=False)] = None,
    functions: Annotated[bool, typer.Option("--functions", help="List the rule functions packs can use.")] = False,
) -> int:
    """List the program packs, or show one program's rules with parameters and citations."""
    workspace = Workspace.open()
    packset = workspace.packset
    if functions:
        # Imported by name, and only here (as cli/main.py imports a command's module): the
        # registries it reads cost every other `programs` about 20 ms of start-up.
        typer.echo(importlib.import_module(FUNCTIONS_MODULE).functions())
    elif program is None:
        typer.echo(render_programs.listing(packset))
    else:
        pack = packset.get(program)
        if pack is None:
            raise UsageError(f"no program '{program}'{did_you_mean(program, packset.packs)}; see `casestaff programs`")
        typer.echo(render_programs.detail(pack))
    return keep_answer(workspace, EXIT_OK, reads_cases=False)
