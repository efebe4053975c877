"""The morning list: who needs a staffing, why, by when -- one row per participant, plus the
program calendars' deadlines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from . import model
from .config import Config
from .evaluate import evaluate_case, workdays_for
from .flags import STATUS_ORDER, Deadline, Flag
from .packs import PackSet
from .provider_cycle import provider_deadlines


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
        return min(f.due for f in self.flags)


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


def _matches(case: model.Case, worker: str | None, program: str | None, default_worker: str) -> bool:
    if program and case.program != program:
        return False
    if worker and (case.worker or default_worker).casefold() != worker.casefold():
        return False
    return True


def due_report(
    cases: Sequence[model.Case],
    packset: PackSet,
    config: Config,
    as_of: dt.date,
    within: int = 14,
    worker: str | None = None,
    program: str | None = None,
) -> DueReport:
    """Evaluate every case as of `as_of`; overdue rows first, then by the earliest due date."""
    default_worker = config.worker or ""
    chosen = [c for c in cases if _matches(c, worker, program, default_worker)]
    rows = []
    flags_by_case: dict[str, list[Flag]] = {}
    for case in chosen:
        pack = packset.get(case.program)
        if pack is None:  # pragma: no cover - the loader refuses unknown programs
            continue
        flags = evaluate_case(case, pack, as_of, within, default_worker)
        if flags:
            flags_by_case[case.case_id] = flags
            rows.append(
                CaseRow(
                    case=case.case_id,
                    participant=case.participant.name,
                    worker=case.worker or default_worker,
                    program=case.program,
                    file=case.file,
                    flags=tuple(flags),
                )
            )
    rows.sort(key=lambda r: (STATUS_ORDER[r.status] != 0, r.due, r.participant, r.case))
    deadlines: list[Deadline] = []
    for pack in packset.packs.values():
        if pack.provider_cycle is None or (program and pack.id != program):
            continue
        deadlines += provider_deadlines(
            pack, chosen, flags_by_case, as_of, within, workdays_for(pack.state), config.provider_meetings
        )
    deadlines.sort(key=lambda d: (d.due, d.program, d.provider, d.item))
    return DueReport(as_of=as_of, within=within, rows=tuple(rows), deadlines=tuple(deadlines), cases=len(chosen))
