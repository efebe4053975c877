"""The supervisor's overview: every case read once, then replayed as of each week's end.

The replay is a job of the cached, parallel caseload runner, like `due`'s: a file is parsed once
(or its case taken from the cache) and its rules evaluated as of each day by the very function
`due` uses (rules.due.evaluate_entry), so N weeks cost one load and N evaluations, never N loads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from casestaff.actions.workspace import Workspace
from casestaff.documents.report import WINDOW_DAYS, CaseReplay, Report, build_report, week_ends
from casestaff.files.caseload import CaseloadRun
from casestaff.model import queries
from casestaff.model import records as model
from casestaff.model.pack import PackSet
from casestaff.rules.due import evaluate_entry
from casestaff.rules.flags import CaseEntry


Replayed = tuple[tuple[CaseEntry, ...], tuple[tuple[str, dt.date], ...]]
"""What ReplayJob gives for a case: its entries as of each day, and its staffings held."""


@dataclass(frozen=True)
class ReplayJob:
    """A case's due-list entry as of each of `days`, and the staffings it held by the last one."""

    packset: PackSet
    days: tuple[dt.date, ...]
    default_worker: str

    @property
    def key(self) -> str:
        return f"report/{self.days[0].isoformat()}/{self.days[-1].isoformat()}/{len(self.days)}/{WINDOW_DAYS}/{self.default_worker}"

    def __call__(self, case: model.Case) -> Replayed:
        """A plain tuple, not a CaseReplay: the cache admits only the classes of model/ and
        rules/flags.py (files/cache.py), and refuses -- whole -- an index holding any other."""
        entries = tuple(evaluate_entry(case, self.packset, day, WINDOW_DAYS, self.default_worker) for day in self.days)
        held = tuple((s.kind, s.date) for s in queries.staffings_held(case, self.days[-1]))
        return entries, held


@dataclass(frozen=True)
class Overview:
    """The overview, and the run it came from (its files and problems: the files left out)."""

    run: CaseloadRun
    report: Report


def overview(
    workspace: Workspace,
    as_of: dt.date,
    weeks: int,
    worker: str | None = None,
    program: str | None = None,
    *,
    names: bool = True,
    no_cache: bool = False,
) -> Overview:
    """The caseload's overview as of `as_of`, with the overdue count at each of the last `weeks` weeks' ends."""
    days = week_ends(as_of, weeks)
    job = ReplayJob(packset=workspace.packset, days=days, default_worker=workspace.config.worker or "")
    run = workspace.run(job, dt.date.today(), no_cache=no_cache)
    replays = [CaseReplay(entries, held) for entries, held in run.results]
    report = build_report(replays, days, workspace.packset, workspace.config, worker, program, names=names)
    return Overview(run, report)
