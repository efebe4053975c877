"""The monthly provider staffing calendar (il-snap-et): forms, invites and the meeting itself.

Deadlines are per provider and month. A "no later than" day that falls on a weekend or a
state holiday moves to the previous workday, so acting on it is never late (a pack may say
`next` or `keep` instead). When the provider's meeting date is known, invites are due by the
earlier of that day and N workdays before the meeting.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from casestaff.model.dates import Workdays, month_end, next_month_start
from casestaff.model.pack import DeadlineDef, Pack
from casestaff.rules.flags import DUE, OVERDUE, UPCOMING, CaseEntry, Deadline

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


def provider_deadlines(
    pack: Pack,
    cases: Iterable[CaseEntry],
    as_of: dt.date,
    within: int,
    workdays: Workdays,
    meetings: Mapping[str, Sequence[dt.date]],
) -> list[Deadline]:
    """The provider cycle's deadlines from the as-of month through the end of the window."""
    cycle = pack.provider_cycle
    if cycle is None:
        return []
    by_provider: dict[str, list[CaseEntry]] = defaultdict(list)
    for case in cases:
        if case.program == pack.id:
            by_provider[case.provider or NO_PROVIDER].append(case)
    customer_rules = {f"{pack.id}.{r.id}" for r in pack.rules if set(r.satisfied_by) & set(cycle.customer_kinds)}
    horizon = as_of + dt.timedelta(days=within)
    deadlines = []
    for provider in sorted(by_provider):
        provider_cases = by_provider[provider]
        for month in _months(as_of, within):
            needing = sorted(
                {
                    f"{case.participant} ({case.case})"
                    for case in provider_cases
                    for rule, since in case.calendar
                    if rule in customer_rules and since <= month_end(month)
                }
            )
            for spec in cycle.deadlines:
                due, note = deadline_date(spec, month, workdays, meetings.get(provider, ()))
                status = _status(spec, due, month, provider_cases, as_of)
                if status is None or (status == UPCOMING and due > horizon):
                    continue
                if spec.done_by and status == DONE:
                    held = _held_in(provider_cases, spec.done_by, month, as_of)
                    note = "; ".join(filter(None, [f"held {held:%m/%d}" if held else "", note]))
                if spec.lists_customers:
                    count = len(needing)
                    listed = f"{count} customer{'s need' if count != 1 else ' needs'} a customer staffing: {', '.join(needing)}" if count else "no customer flagged for a customer staffing"
                    note = "; ".join(filter(None, [listed, note]))
                deadlines.append(
                    Deadline(
                        program=pack.id,
                        provider=provider,
                        month=month.strftime("%Y-%m"),
                        item=spec.id,
                        what=spec.what,
                        due=due,
                        status=status,
                        note=note,
                        citation=pack.cite(spec.citation),
                    )
                )
    deadlines.sort(key=lambda d: (d.due, d.provider, d.item))
    return deadlines


def _held_in(cases: Sequence[CaseEntry], kind: str, month: dt.date, as_of: dt.date) -> dt.date | None:
    dates = [
        held
        for case in cases
        for held_kind, held in case.held
        if held_kind == kind and held <= as_of and (held.year, held.month) == (month.year, month.month)
    ]
    return max(dates) if dates else None


def _status(spec: DeadlineDef, due: dt.date, month: dt.date, cases: Sequence[CaseEntry], as_of: dt.date) -> str | None:
    if spec.done_by and _held_in(cases, spec.done_by, month, as_of):
        return DONE
    if due < as_of:
        # Only a deadline casestaff can verify (a staffing held) is known to be missed.
        return OVERDUE if spec.done_by else None
    if due == as_of:
        return DUE
    return UPCOMING


