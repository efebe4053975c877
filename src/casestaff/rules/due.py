"""The morning list: who needs a staffing, why, by when -- one row per participant, plus the
program calendars' deadlines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from casestaff.model.plain import dataclass
from typing import Any, ClassVar, Protocol

from casestaff.files.config import Config
from casestaff.model import queries
from casestaff.model import records as model
from casestaff.model.pack import PackSet
from casestaff.model.watched import month_end_of, watched, watching
from casestaff.rules.evaluate import evaluate_case, workdays_for
from casestaff.rules.flags import STATUS_ORDER, CaseEntry, Deadline, Flag, flag_order, local_key, status_of
from casestaff.rules.provider_cycle import provider_deadlines


def evaluate_entry(case: model.Case, packset: PackSet, as_of: dt.date, within: int, default_worker: str = "") -> CaseEntry:
    """The case's flags as of a date; for a program with a monthly calendar, also what it needs
    through the end of the last month the calendar shows, whatever the window."""
    pack = packset.get(case.program)
    planned: tuple[str, dt.date] | None = None
    if pack is None:  # pragma: no cover - the loader refuses unknown programs
        flags: tuple[Flag, ...] = ()
        calendar: tuple[tuple[str, dt.date], ...] = ()
        calendar_kinds: frozenset[str] = frozenset()
    elif pack.provider_cycle is None:
        flags = tuple(evaluate_case(case, pack, as_of, within, default_worker))
        calendar, calendar_kinds = (), frozenset()
    else:
        window_end = as_of + dt.timedelta(days=within)
        horizon = month_end_of(window_end)  # the same horizon while the window ends in its month (model/watched.py)
        wide = evaluate_case(case, pack, as_of, within, default_worker, window_end=horizon)
        # Evaluated over the calendar's wider window, each flag's status is taken again over the
        # list's own: DUE and UPCOMING mean the same in every program. The flags are this entry's
        # own, made just now: each takes its status in place, not through dataclasses.replace
        # (about 1.5 us a flag, issue 11).
        listed = []
        for flag in wide:
            status = status_of(flag.since, flag.due, as_of, within, window_end)
            if status is not None:
                flag.status = status
                listed.append(flag)
        flags = tuple(sorted(listed, key=flag_order))
        calendar = tuple((f.rule, f.since) for f in wide)
        calendar_kinds = pack.calendar_kinds()
        kind = pack.planned_kind(case.planned_staffing)
        if case.planned_staffing and case.planned_staffing.date and kind in pack.provider_cycle.customer_kinds:
            planned = (kind, case.planned_staffing.date)
    held = queries.staffings_held(case, as_of)  # once, for the calendar's kinds and the last staffing (issue 11)
    # Positional, in CaseEntry's field order (case, participant, worker, program, provider, file,
    # flags, held, calendar, enrolled, planned, last_staffing, planned_meeting, names): once a case.
    return CaseEntry(
        case.case_id,
        case.participant.name,
        case.worker or default_worker,
        case.program,
        case.provider or "",
        case.file,
        flags,
        tuple((s.kind, s.date) for s in held if s.kind in calendar_kinds) if calendar_kinds else (),
        calendar,
        case.enrolled,
        planned,
        held[-1].date if held else None,  # the last staffing: held oldest first, a day's last in the file last
        queries.planned_meeting(case, as_of),
        tuple(case.names_of_people()),
    )


@dataclass(frozen=True)
class DueJob:
    """The due-list entry of a case as of a date: a pure job the loader can run and cache."""

    packset: PackSet
    as_of: dt.date
    within: int
    default_worker: str
    answer_type: ClassVar[Any] = CaseEntry

    @property
    def key(self) -> str:
        """What an answer depends on besides the case file and the day: the day is kept with each
        answer as the days it holds for (answer_until)."""
        return f"due/{self.within}/{self.default_worker}"

    @property
    def day(self) -> dt.date:
        """The day answers are asked for: a kept answer serves it when it holds that day."""
        return self.as_of

    def __call__(self, case: model.Case) -> CaseEntry:
        return evaluate_entry(case, self.packset, self.as_of, self.within, self.default_worker)

    def answer_until(self, case: model.Case) -> tuple[CaseEntry, dt.date]:
        """The entry as of `as_of`, and the last day it surely stays the same: every comparison the
        rules made with the day is noted (model/watched.py), so the next morning's run can take
        most answers as they are (issue 11)."""
        with watching(self.as_of) as sighting:
            entry = evaluate_entry(case, self.packset, watched(self.as_of), self.within, self.default_worker)
        return entry, sighting.holds_until

    def shared(self, entry: CaseEntry, texts: dict[Any, Any]) -> CaseEntry:
        """`entry`, as decoded from a worker's answer or the cache, with the values thousands of
        entries repeat -- program, worker, rule, status, citation, evidence names, due dates, each
        rule's local defaults -- made one object each through `texts`, and the case's id, file and
        name one object within the entry (issue 11: about 2.7 -> 1.9 KB an entry on sample-shaped
        files, some 40 MB at 50,000 files). The list then makes a rule's local-default line once,
        by the tuple's identity (cli/render_due.py)."""

        one = texts.setdefault  # one(text, text): the copy kept first (called 20 times an entry: no wrapper)
        entry.program, entry.worker = one(entry.program, entry.program), one(entry.worker, entry.worker)
        entry.provider = one(entry.provider, entry.provider)
        case, file, participant = entry.case, entry.file, entry.participant
        if entry.names and entry.names[0] == participant:
            entry.names = (participant, *entry.names[1:])
        if entry.last_staffing is not None:
            entry.last_staffing = one(entry.last_staffing, entry.last_staffing)
        for flag in entry.flags:
            if flag.case == case and flag.file == file and flag.participant == participant:
                flag.case, flag.file, flag.participant = case, file, participant
            flag.since, flag.due = one(flag.since, flag.since), one(flag.due, flag.due)
            flag.program, flag.worker, flag.rule = one(flag.program, flag.program), one(flag.worker, flag.worker), one(flag.rule, flag.rule)
            flag.status, flag.citation = one(flag.status, flag.status), one(flag.citation, flag.citation)
            local = flag.local_default
            if local:  # one tuple for each rule's, as a run in one process has them (rules/evaluate.py)
                flag.local_default = one(local_key(local), local)
            for evidence in flag.evidence:
                evidence.field = one(evidence.field, evidence.field)
        return entry


@dataclass(slots=True)
class CaseRow:
    """One participant and every reason they need attention (flags in flag_order: the most
    pressing first). A plain slotted class, as Flag is: a frozen one sets each field through
    object.__setattr__, and the list of 10,000 sample-shaped cases makes some 8,000 (issue 11)."""

    case: str
    participant: str
    worker: str
    program: str
    file: str
    flags: tuple[Flag, ...]
    last_staffing: dt.date | None = None
    """The day of the last staffing held on or before the as-of date, of any kind."""
    planned_meeting: dt.date | None = None
    """The day of the staffing being prepared, if the file gives one on or after the as-of date."""

    @property
    def hard_deadline(self) -> bool:
        """The most pressing flag is a hard deadline (flags come hard deadlines first within a status)."""
        return self.flags[0].hard_deadline

    @property
    def status(self) -> str:
        """The most pressing flag's status (flags come overdue first, then due, then upcoming)."""
        return self.flags[0].status

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
    def window_end(self) -> dt.date:
        """The window's last day: what is due by it is DUE, what is due after it UPCOMING (flags.WINDOW_MEANING)."""
        return self.as_of + dt.timedelta(days=self.within)

    @property
    def flags(self) -> list[Flag]:
        return [f for row in self.rows for f in row.flags]


class Selectable(Protocol):
    """Anything `--worker` and `--program` choose among: a case's entry, or its weeks in a report."""

    @property
    def program(self) -> str: ...
    @property
    def worker(self) -> str: ...


def in_selection(entry: Selectable, worker: str | None, program: str | None) -> bool:
    """The case is one `--worker` (initials, any case) and `--program` choose: due, calendar and report ask this."""
    if program and entry.program != program:
        return False
    if worker and entry.worker.casefold() != worker.casefold():
        return False
    return True


def _row_order(entry: CaseEntry) -> tuple[int, bool, dt.date, str, str]:
    """The order of the list's rows: by their most pressing flag's status, hard deadlines first,
    then by its due date, the participant and the case. Read from the entry's first flag, so the
    entries are sorted before any row is made, and never through CaseRow's three properties
    (issue 11)."""
    first = entry.flags[0]
    return (STATUS_ORDER[first.status], not first.hard_deadline, first.due, entry.participant, entry.case)


def due_report(
    entries: Sequence[CaseEntry | model.Case],
    packset: PackSet,
    config: Config,
    as_of: dt.date,
    within: int = 14,
    worker: str | None = None,
    program: str | None = None,
) -> DueReport:
    """The morning list from evaluated entries (or cases): overdue rows first, then due, then
    upcoming; within a status, hard deadlines first, then by due date."""
    default_worker = config.worker or ""
    selecting = bool(worker or program)
    chosen: list[CaseEntry] = []
    listed: list[CaseEntry] = []
    for e in entries:  # one pass: each entry is read once while at hand (issue 11)
        entry = e if isinstance(e, CaseEntry) else evaluate_entry(e, packset, as_of, within, default_worker)
        if selecting and not in_selection(entry, worker, program):
            continue
        chosen.append(entry)
        if entry.flags:
            listed.append(entry)
    listed.sort(key=_row_order)
    rows = [
        CaseRow(e.case, e.participant, e.worker, e.program, e.file, e.flags, e.last_staffing, e.planned_meeting)
        for e in listed
    ]
    deadlines: list[Deadline] = []
    for pack in packset.packs.values():
        if pack.provider_cycle is None or (program and pack.id != program):
            continue
        deadlines += provider_deadlines(
            pack, chosen, as_of, within, workdays_for(pack.state), config.provider_meetings
        )
    deadlines.sort(key=lambda d: (d.due, d.program, d.provider, d.item))
    return DueReport(as_of=as_of, within=within, rows=tuple(rows), deadlines=tuple(deadlines), cases=len(chosen))
