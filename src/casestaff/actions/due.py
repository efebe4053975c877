"""Who is due: the morning list, from the cached, parallel caseload runner.

`casestaff due` shows it; `agenda --due` writes an agenda for each participant on it.
"""

from __future__ import annotations

import datetime as dt
from casestaff.model.plain import dataclass

from casestaff.actions.workspace import Workspace
from casestaff.files.caseload import CaseloadRun
from casestaff.rules.due import DueJob, DueReport, due_report


@dataclass(frozen=True)
class DueList:
    """The morning list, and the run it came from (its files and problems: the files left out)."""

    run: CaseloadRun
    report: DueReport


def who_is_due(
    workspace: Workspace,
    as_of: dt.date,
    within: int,
    worker: str | None = None,
    program: str | None = None,
    *,
    no_cache: bool = False,
) -> DueList:
    """Who needs a staffing as of `as_of`, within `within` days, of this worker or program if given."""
    config = workspace.config
    job = DueJob(packset=workspace.packset, as_of=as_of, within=within, default_worker=config.worker or "")
    run = workspace.run(job, dt.date.today(), no_cache=no_cache)
    return DueList(run, due_report(run.results, workspace.packset, config, as_of, within, worker, program))
