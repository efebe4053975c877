"""The morning list: who needs a staffing, why, by when -- one row per participant, plus the
program calendars' deadlines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from casestaff.files.config import Config
from casestaff.model import queries
from casestaff.model import records as model
from casestaff.model.dates import month_end
from casestaff.model.pack import PackSet
from casestaff.rules.evaluate import evaluate_case, workdays_for
from casestaff.rules.flags import STATUS_ORDER, CaseEntry, Deadline, Flag, status_of
from casestaff.rules.provider_cycle import provider_deadlines


def evaluate_entry(case: model.Case, packset: PackSet, as_of: dt.date, within: int, default_worker: str = "") -> CaseEntry:
    """The case's flags as of a date; for a program with a monthly calendar, also what it needs
    through the end of the last month the calendar shows, whatever the window."""
    pack = packset.get(case.program)
    planned: tuple[str, dt.date] | None = None
    if pack is None:  # pragma: no cover - the loader refuses unknown programs
        flags: tuple[Flag, ...] = ()
        calendar: tuple[tuple[str, dt.date], ...] = ()
        calendar_kinds: set[str] = set()
    elif pack.provider_cycle is None:
        flags = tuple(evaluate_case(case, pack, as_of, within, default_worker))
        calendar, calendar_kinds = (), set()
    else:
        horizon = month_end(as_of + dt.timedelta(days=within))
        wide = evaluate_case(case, pack, as_of, (horizon - as_of).days, default_worker)
        flags = tuple(f for f in wide if status_of(f.since, f.due, as_of, within) is not None)
        calendar = tuple((f.rule, f.since) for f in wide)
        calendar_kinds = {d.done_by for d in pack.provider_cycle.deadlines if d.done_by is not None}
        kind = pack.planned_kind(case.planned_staffing)
        if case.planned_staffing and case.planned_staffing.date and kind in pack.provider_cycle.customer_kinds:
            planned = (kind, case.planned_staffing.date)
    return CaseEntry(
        case=case.case_id,
        participant=case.participant.name,
        worker=case.worker or default_worker,
        program=case.program,
        provider=case.provider or "",
        file=case.file,
        flags=flags,
        held=tuple((s.kind, s.date) for s in queries.staffings_held(case, as_of, calendar_kinds)),
        calendar=calendar,
        enrolled=case.enrolled,
        planned=planned,
    )


@dataclass(frozen=True)
class DueJob:
    """The due-list entry of a case as of a date: a pure job the loader can run and cache."""

    packset: PackSet
    as_of: dt.date
    within: int
    default_worker: str

    @property
    def key(self) -> str:
        return f"due/{self.as_of.isoformat()}/{self.within}/{self.default_worker}"

    def __call__(self, case: model.Case) -> CaseEntry:
        return evaluate_entry(case, self.packset, self.as_of, self.within, self.default_worker)


@dataclass(frozen=True)
class CaseRow:
    """One participant and every reason they need attention."""

    case: str
    participant: str
    worker: str
    program: str
    file: str
    flags: tuple[Flag, ...]

    @property
    def status(self) -> str:
        return min((f.status for f in self.flags), key=STATUS_ORDER.__getitem__)

    @property
    def due(self) -> dt.date:
        """The due date of the most pressing flag (flags come overdue first, then due, then upcoming)."""
        return self.flags[0].due


@dataclass(frozen=True)
class DueReport:
    as_of: dt.date
    within: int
    rows: tuple[CaseRow, ...]
    deadlines: tuple[Deadline, ...]
    cases: int

    @property
    def flags(self) -> list[Flag]:
        return [f for row in self.rows for f in row.flags]


def _matches(entry: CaseEntry, worker: str | None, program: str | None) -> bool:
    if program and entry.program != program:
        return False
    if worker and entry.worker.casefold() != worker.casefold():
        return False
    return True


def due_report(
    entries: Sequence[CaseEntry | model.Case],
    packset: PackSet,
    config: Config,
    as_of: dt.date,
    within: int = 14,
    worker: str | None = None,
    program: str | None = None,
) -> DueReport:
    """The morning list from evaluated entries (or cases); overdue rows first, then by due date."""
    default_worker = config.worker or ""
    evaluated = [
        e if isinstance(e, CaseEntry) else evaluate_entry(e, packset, as_of, within, default_worker) for e in entries
    ]
    chosen = [e for e in evaluated if _matches(e, worker, program)]
    rows = []
    for entry in chosen:
        if entry.flags:
            rows.append(
                CaseRow(
                    case=entry.case,
                    participant=entry.participant,
                    worker=entry.worker,
                    program=entry.program,
                    file=entry.file,
                    flags=entry.flags,
                )
            )
    rows.sort(key=lambda r: (STATUS_ORDER[r.status], r.due, r.participant, r.case))
    deadlines: list[Deadline] = []
    for pack in packset.packs.values():
        if pack.provider_cycle is None or (program and pack.id != program):
            continue
        deadlines += provider_deadlines(
            pack, chosen, as_of, within, workdays_for(pack.state), config.provider_meetings
        )
    deadlines.sort(key=lambda d: (d.due, d.program, d.provider, d.item))
    return DueReport(as_of=as_of, within=within, rows=tuple(rows), deadlines=tuple(deadlines), cases=len(chosen))
