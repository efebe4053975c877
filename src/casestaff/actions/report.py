"""The supervisor's overview: due's own list for the as-of day, and every case replayed as of
each past week's end.

Both go through the cached, parallel caseload runner. The as-of day is `who_is_due` itself (its
answers cached and shared with `casestaff due`); the past weeks are one more job over the cases
that run just read and cached, evaluated as of each day by the very function `due` uses
(rules.due.evaluate_entry) -- N weeks cost N evaluations of each case, never N loads. The job
keeps only one yes/no per week in the cache, so a report does not swell the cache index every
`due` run reads.
"""

from __future__ import annotations

import datetime as dt
from casestaff.model.plain import dataclass
from typing import Any, ClassVar

from casestaff.actions.due import who_is_due
from casestaff.actions.workspace import Workspace
from casestaff.documents.report import WINDOW_DAYS, CaseWeeks, Report, build_report, overdue_in, week_ends
from casestaff.files.caseload import CaseloadRun
from casestaff.model import queries
from casestaff.model import records as model
from casestaff.model.pack import PackSet
from casestaff.rules.due import evaluate_entry

PastWeeks = tuple[str, str, tuple[bool, ...], tuple[tuple[str, dt.date], ...]]
"""What PastWeeksJob gives for a case: the fields of a CaseWeeks, as a plain tuple."""


@dataclass(frozen=True)
class PastWeeksJob:
    """Whether a case was overdue as of each of `days`, and the staffings it held by `as_of`."""

    packset: PackSet
    days: tuple[dt.date, ...]
    as_of: dt.date
    default_worker: str
    answer_type: ClassVar[Any] = PastWeeks

    @property
    def key(self) -> str:
        first = self.days[0].isoformat() if self.days else "-"
        return f"report-weeks/{first}/{len(self.days)}/{self.as_of.isoformat()}/{WINDOW_DAYS}/{self.default_worker}"

    def __call__(self, case: model.Case) -> PastWeeks:
        """A plain tuple (answer_type), which the cache keeps as it is; CaseWeeks is built from it."""
        entries = [evaluate_entry(case, self.packset, day, WINDOW_DAYS, self.default_worker) for day in self.days]
        held = tuple((s.kind, s.date) for s in queries.staffings_held(case, self.as_of))
        return case.program, case.worker or self.default_worker, tuple(overdue_in(e) for e in entries), held


@dataclass(frozen=True)
class Overview:
    """The overview, and the runs it came from: due's list (its files and problems: the files
    left out) and the past weeks'."""

    run: CaseloadRun
    past: CaseloadRun
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
    now = who_is_due(workspace, as_of, WINDOW_DAYS, worker, program, no_cache=no_cache)
    job = PastWeeksJob(packset=workspace.packset, days=days[:-1], as_of=as_of, default_worker=workspace.config.worker or "")
    past = workspace.run(job, dt.date.today(), no_cache=no_cache)
    replayed = [CaseWeeks(*weeks_of) for weeks_of in past.results]
    report = build_report(now.report, now.run.results, replayed, days, worker, program, names=names)
    return Overview(now.run, past, report)
