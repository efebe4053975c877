"""The monthly provider staffing calendar (il-snap-et): forms, invites and the meeting itself.

Deadlines are per provider and month. A "no later than" day that falls on a weekend or a
state holiday moves to the previous workday, so acting on it is never late (a pack may say
`next` or `keep` instead). When the provider's meeting date is known, invites are due by the
earlier of that day and N workdays before the meeting; a planned customer staffing gets such a
deadline of its own, counted back from its date.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from casestaff.model.plain import dataclass

from casestaff.model.dates import Workdays, add_months, month_end, next_month_start
from casestaff.model.pack import DeadlineDef, Pack
from casestaff.rules.flags import OVERDUE, CaseEntry, Deadline, status_of

DONE = "done"
NO_PROVIDER = "(no provider recorded)"


def _months(as_of: dt.date, within: int) -> list[dt.date]:
    months = [as_of.replace(day=1)]
    last = (as_of + dt.timedelta(days=within)).replace(day=1)
    while months[-1] < last:
        months.append(next_month_start(months[-1]))
    return months


def deadline_date(
    spec: DeadlineDef, month: dt.date, workdays: Workdays, meetings: Sequence[dt.date]
) -> tuple[dt.date, str]:
    """When a deadline falls in `month`, and a note on how it was moved."""
    notes = []
    if spec.month_end:
        day = month_end(month)
    else:
        day = min(month.replace(day=1) + dt.timedelta(days=(spec.day or 1) - 1), month_end(month))
    if spec.non_workday != "keep" and not workdays.is_workday(day):
        why = workdays.why_not(day)
        moved = workdays.on_or_before(day) if spec.non_workday == "previous" else workdays.on_or_after(day)
        notes.append(f"{day:%a %m/%d} is {why}; moved to {moved:%a %m/%d}{_skipped(workdays, day, moved)}")
        day = moved
    meeting = next((m for m in meetings if m.year == month.year and m.month == month.month), None)
    if meeting is not None and spec.workdays_before_meeting:
        before = workdays.before(meeting, spec.workdays_before_meeting)
        if before <= day:
            # The meeting decides: how the day of the month would have moved no longer matters.
            notes = [
                f"{spec.workdays_before_meeting} workdays before the {meeting:%m/%d} meeting"
                f"{_skipped(workdays, before, meeting)}"
            ]
            day = before
    if meeting is not None and spec.month_end:
        notes.append(f"meeting scheduled {meeting:%a %m/%d}")
    return day, "; ".join(notes)


def _skipped(workdays: Workdays, first: dt.date, last: dt.date) -> str:
    """" (Fri 02/12 is Lincoln's Birthday)": the holidays a move or a count passed over, so a
    caseworker counting on a calendar sees why the date is earlier than they expected."""
    skipped = [f"{day:%a %m/%d} is {name}" for day, name in workdays.holidays_between(first, last)]
    return f" ({', '.join(skipped)})" if skipped else ""


@dataclass(frozen=True)
class Coverage:
    """Who a month's provider staffing covered: the customers whose files record it that month."""

    held: dt.date | None
    """The last day it was held that month (by the as-of date), or None."""
    enrolled: tuple[CaseEntry, ...]
    """The customers it must cover: enrolled by the day it was held (by the month's end, when it was not)."""
    missed: tuple[CaseEntry, ...]
    """Those of them whose file records no provider staffing that month."""

    @property
    def done(self) -> bool:
        return self.held is not None and not self.missed

    def note(self) -> str:
        if self.held is None:
            count = len(self.enrolled)
            return f"not held for its {count} enrolled customer{'s' if count != 1 else ''}"
        if not self.missed:
            return f"held {self.held:%m/%d}"
        return (
            f"held {self.held:%m/%d} for {len(self.enrolled) - len(self.missed)} of {len(self.enrolled)} customers;"
            f" not covered: {', '.join(_who(c) for c in self.missed)}"
        )


def _who(case: CaseEntry) -> str:
    return f"{case.participant} ({case.case})"


def coverage(cases: Sequence[CaseEntry], kind: str, month: dt.date, as_of: dt.date) -> Coverage:
    """Whether a provider's staffing of `month` was done for all its enrolled customers.

    IL SNAP E&T: staffings "need to be completed monthly for all enrolled customers", so the
    month is done only when every customer enrolled by the day it was held has it in their
    file; one who enrolled after it is covered by the next month's.
    """
    # Plain loops, no list per case: the list of 10,000 files asks this some ten times of every
    # customer of a provider (issue 11).
    attended: set[int] = set()
    last: dt.date | None = None
    for case in cases:
        for held_kind, held in case.held:
            if held_kind == kind and held <= as_of and _in_month(held, month):
                attended.add(id(case))
                if last is None or held > last:
                    last = held
    by = last or month_end(month)
    enrolled = tuple([c for c in cases if c.enrolled is None or c.enrolled <= by])
    return Coverage(held=last, enrolled=enrolled, missed=tuple([c for c in enrolled if id(c) not in attended]))


def _in_month(day: dt.date, month: dt.date) -> bool:
    return (day.year, day.month) == (month.year, month.month)


def _missed_months(spec: DeadlineDef, cases: Sequence[CaseEntry], as_of: dt.date) -> list[dt.date]:
    """The months before the as-of month whose staffing (`spec.done_by`) still shows when missed."""
    if not spec.done_by or not spec.overdue_months:
        return []
    first = min((c.enrolled for c in cases if c.enrolled is not None), default=as_of).replace(day=1)
    months = [add_months(as_of.replace(day=1), -back) for back in range(spec.overdue_months, 0, -1)]
    return [m for m in months if m >= first]


def provider_deadlines(
    pack: Pack,
    cases: Iterable[CaseEntry],
    as_of: dt.date,
    within: int,
    workdays: Workdays,
    meetings: Mapping[str, Sequence[dt.date]],
) -> list[Deadline]:
    """The provider cycle's deadlines from the as-of month through the end of the window, and the
    staffings of earlier months that were missed (for as many months as the pack keeps them)."""
    cycle = pack.provider_cycle
    if cycle is None:
        return []
    by_provider: dict[str, list[CaseEntry]] = defaultdict(list)
    for case in cases:
        if case.program == pack.id:
            by_provider[case.provider or NO_PROVIDER].append(case)
    customer_rules = {f"{pack.id}.{r.id}" for r in pack.rules if set(r.satisfied_by) & set(cycle.customer_kinds)}
    deadlines = []

    def add(
        provider: str, day: dt.date, spec: DeadlineDef, due: dt.date, status: str, note: str, case: CaseEntry | None = None
    ) -> None:
        """One row of the month `day` falls in; with `case`, of that customer's staffing held on `day`."""
        what = spec.what if case is None else f"{spec.what}, for the customer staffing of {_who(case)} on {day:%a %m/%d}"
        deadlines.append(
            Deadline(
                program=pack.id,
                provider=provider,
                month=day.strftime("%Y-%m"),
                item=spec.id,
                what=what,
                due=due,
                status=status,
                note=note,
                citation=pack.cite(spec.citation),
                case=case.case if case is not None else "",
                participant=case.participant if case is not None else "",
            )
        )

    for provider in sorted(by_provider):
        provider_cases = by_provider[provider]
        provider_meetings = meetings.get(provider, ())
        for spec in cycle.deadlines:
            for month in _missed_months(spec, provider_cases, as_of):
                past = coverage(provider_cases, spec.done_by or "", month, as_of)
                if past.done or not past.enrolled:
                    continue
                due, note = deadline_date(spec, month, workdays, provider_meetings)
                add(provider, month, spec, due, OVERDUE, "; ".join(filter(None, [past.note(), note])))
        for month in _months(as_of, within):
            last_day = month_end(month)  # once a month, not once a condition of every customer (issue 11)
            needing = sorted(
                {
                    _who(case)
                    for case in provider_cases
                    for rule, since in case.calendar
                    if rule in customer_rules and since <= last_day
                }
            )
            for spec in cycle.deadlines:
                due, note = deadline_date(spec, month, workdays, provider_meetings)
                covered = coverage(provider_cases, spec.done_by, month, as_of) if spec.done_by else None
                status = _status(spec, due, covered, as_of, within)
                if status is None:
                    continue
                if covered is not None and (covered.held is not None or status == OVERDUE):
                    note = "; ".join(filter(None, [covered.note(), note]))
                if spec.lists_customers:
                    count = len(needing)
                    listed = f"{count} customer{'s need' if count != 1 else ' needs'} a customer staffing: {', '.join(needing)}" if count else "no customer flagged for a customer staffing"
                    note = "; ".join(filter(None, [listed, note]))
                add(provider, month, spec, due, status, note)
        for case in provider_cases:
            if case.planned is None:
                continue
            meeting = case.planned[1]
            for spec in cycle.deadlines:
                if not spec.workdays_before_meeting:
                    continue  # only a deadline counted back from the meeting is the customer staffing's own
                due, note = deadline_date(spec, meeting.replace(day=1), workdays, (meeting,))
                status = _status(spec, due, None, as_of, within)
                if status is None:
                    continue
                add(provider, meeting, spec, due, status, note, case)
    deadlines.sort(key=lambda d: (d.due, d.provider, d.item, d.case))
    return deadlines


def _status(spec: DeadlineDef, due: dt.date, covered: Coverage | None, as_of: dt.date, within: int) -> str | None:
    if covered is not None and covered.done:
        return DONE
    if due < as_of:
        # Only a deadline casestaff can verify (a staffing held) is known to be missed.
        return OVERDUE if spec.done_by else None
    # A calendar deadline is a day, not a condition: its status is that of a reason beginning on it.
    return status_of(due, due, as_of, within)
