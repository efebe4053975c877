"""`casestaff history CASE`: the participant's whole timeline, newest first."""

from __future__ import annotations

import typer

from casestaff.actions import agenda as orchestrate
from casestaff.cli.arguments import parse_date
from casestaff.cli.common import AsOfOpt, app, choosing_case
from casestaff.cli.record import CaseArg
from casestaff.documents import history as timeline
from casestaff.model.errors import EXIT_OK


@app.command()
def history(case: CaseArg, as_of: AsOfOpt = None) -> int:
    """Print the participant's whole timeline, newest first, as plain text.

    Enrolment, components started and ended, staffings held with who attended and the decision,
    next steps set and done, the sanction proposed and decided, and information requested and received.
    Only what is dated on or before the as-of date.
    """
    day = parse_date(as_of, "--as-of")
    found, _ = choosing_case(orchestrate.find_case, case)
    typer.echo(timeline.render(found, day), nl=False)
    return EXIT_OK
