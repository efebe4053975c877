"""The supervisor's overview (`casestaff report`): counts per worker, program and rule, overdue
aging, hard deadlines, staffings held per month and the overdue trend.

The as-of numbers are read off the list `casestaff due` prints (`rules.due.DueReport`); each
past week's count is of the cases `due`'s own evaluation found overdue that day: the "N overdue"
that `casestaff due --as-of DAY` says. Nothing here evaluates a rule (actions/report.py does).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from casestaff.model.plain import dataclass
from pathlib import Path
from typing import Any

from casestaff.documents.templating import render
from casestaff.model.dates import add_months
from casestaff.rules.due import CaseRow, DueReport, in_selection
from casestaff.rules.flags import OVERDUE, CaseEntry

WINDOW_DAYS = 14
"""Days ahead that count, as `casestaff due`'s default --within: the report's lists and its trend
are `due`'s own at that window. Also how far ahead hard deadlines are listed (two weeks)."""

AGING_BUCKETS: tuple[tuple[str, int, int | None], ...] = (("1-7 days", 1, 7), ("8-30 days", 8, 30), ("31+ days", 31, None))
"""(label, first day, last day or None) of the overdue aging buckets."""

NO_WORKER = "(no worker)"


@dataclass(frozen=True)
class CaseWeeks:
    """One case replayed: its program and worker (the file's, else casestaff.toml's, as on due's
    list), whether it was overdue at each past week's end (oldest first; the as-of day is due's
    own list), and the (kind, date) of every staffing held on or before the as-of day."""

    program: str
    worker: str
    overdue: tuple[bool, ...]
    held: tuple[tuple[str, dt.date], ...]


def overdue_in(entry: CaseEntry) -> bool:
    """The participant counts as overdue on the entry's day, as `due` counts them: a flag overdue."""
    return any(f.status == OVERDUE for f in entry.flags)


def week_ends(as_of: dt.date, weeks: int) -> tuple[dt.date, ...]:
    """The last day of each of the last `weeks` weeks, oldest first; a week ends on the as-of
    day's weekday, so the last one is the as-of day itself."""
    return tuple(as_of - dt.timedelta(weeks=back) for back in range(weeks - 1, -1, -1))


@dataclass(frozen=True)
class Tally:
    """Participants needing attention in one group (a worker, a program, a rule), and how many of
    them are overdue; `cases` counts the group's whole caseload (None for a rule)."""

    name: str
    attention: int
    overdue: int
    cases: int | None = None


@dataclass(frozen=True)
class HardDeadline:
    """A flag of a rule the pack marks a hard deadline (a sanction or disqualification about to take
    effect), due in the next two weeks."""

    due: dt.date
    status: str
    case: str
    participant: str
    """Empty in a report without names (--no-names)."""
    worker: str
    program: str
    rule: str


@dataclass(frozen=True)
class TrendPoint:
    day: dt.date
    overdue: int


@dataclass(frozen=True)
class Report:
    """What the overview shows; every count is of participants unless it says staffings."""

    as_of: dt.date
    weeks: int
    worker: str | None
    program: str | None
    names: bool
    cases: int
    attention: int
    overdue: int
    by_worker: tuple[Tally, ...]
    by_program: tuple[Tally, ...]
    by_rule: tuple[Tally, ...]
    aging: tuple[tuple[str, int], ...]
    hard_deadlines: tuple[HardDeadline, ...]
    staffings_by_month: tuple[tuple[str, int], ...]
    trend: tuple[TrendPoint, ...]


def _overdue(row: CaseRow) -> bool:
    return row.status == OVERDUE


def _tallies(rows: Sequence[CaseRow], group: Callable[[CaseRow], str], cases: Counter[str]) -> tuple[Tally, ...]:
    """Per group (as `group` names a row's), its cases, those needing attention and those overdue."""
    attention: Counter[str] = Counter()
    overdue: Counter[str] = Counter()
    for row in rows:
        attention[group(row)] += 1
        overdue[group(row)] += _overdue(row)
    return tuple(Tally(name, attention[name], overdue[name], cases[name]) for name in sorted(set(attention) | set(cases)))


def _worker(row: CaseRow | CaseEntry) -> str:
    return row.worker or NO_WORKER


def _by_rule(rows: Sequence[CaseRow]) -> tuple[Tally, ...]:
    """Per rule: participants with a flag of it, and those of them whose flag of it is overdue."""
    attention: Counter[str] = Counter()
    overdue: Counter[str] = Counter()
    for row in rows:
        rules = {f.rule for f in row.flags}
        attention.update(rules)
        overdue.update({f.rule for f in row.flags if f.status == OVERDUE})
    return tuple(Tally(rule, attention[rule], overdue[rule]) for rule in sorted(attention))


def days_overdue(row: CaseRow, as_of: dt.date) -> int:
    """How long the participant has been overdue: the days since their oldest overdue flag's due date."""
    return max((as_of - f.due).days for f in row.flags if f.status == OVERDUE)


def _aging(rows: Sequence[CaseRow], as_of: dt.date) -> tuple[tuple[str, int], ...]:
    ages = [days_overdue(row, as_of) for row in rows if _overdue(row)]
    return tuple(
        (label, sum(1 for days in ages if first <= days and (last is None or days <= last)))
        for label, first, last in AGING_BUCKETS
    )


def _hard_deadlines(rows: Sequence[CaseRow], as_of: dt.date, names: bool) -> tuple[HardDeadline, ...]:
    horizon = as_of + dt.timedelta(days=WINDOW_DAYS)
    found = [
        HardDeadline(f.due, f.status, row.case, row.participant if names else "", row.worker, row.program, f.rule)
        for row in rows
        for f in row.flags
        if f.hard_deadline and as_of <= f.due <= horizon
    ]
    return tuple(sorted(found, key=lambda d: (d.due, d.case, d.rule)))


def _month(day: dt.date) -> str:
    return day.strftime("%Y-%m")


def _staffings_by_month(
    weeks: Sequence[CaseWeeks], first: dt.date, as_of: dt.date, worker: str | None, program: str | None
) -> tuple[tuple[str, int], ...]:
    """Staffings held in each month from the first day's month through the as-of day's."""
    start = first.replace(day=1)
    months: dict[str, int] = {}
    day = start
    while day <= as_of:
        months[_month(day)] = 0
        day = add_months(day, 1)
    for case in weeks:
        if not in_selection(case, worker, program):
            continue
        for _, held in case.held:
            if start <= held <= as_of:
                months[_month(held)] += 1
    return tuple(months.items())


def _trend(now: DueReport, weeks: Sequence[CaseWeeks], days: Sequence[dt.date], worker: str | None, program: str | None) -> tuple[TrendPoint, ...]:
    chosen = [case for case in weeks if in_selection(case, worker, program)]
    past = [TrendPoint(day, sum(1 for case in chosen if case.overdue[i])) for i, day in enumerate(days[:-1])]
    return (*past, TrendPoint(days[-1], sum(1 for row in now.rows if _overdue(row))))


def build_report(
    now: DueReport,
    entries: Sequence[CaseEntry],
    weeks: Sequence[CaseWeeks],
    days: Sequence[dt.date],
    worker: str | None = None,
    program: str | None = None,
    *,
    names: bool = True,
) -> Report:
    """The overview from due's list as of the last of `days` (`now`, made from `entries`, every
    case's entry that day) and each case's past weeks (`weeks`)."""
    as_of = days[-1]
    chosen = [e for e in entries if in_selection(e, worker, program)]
    return Report(
        as_of=as_of,
        weeks=len(days),
        worker=worker,
        program=program,
        names=names,
        cases=now.cases,
        attention=len(now.rows),
        overdue=sum(1 for row in now.rows if _overdue(row)),
        by_worker=_tallies(now.rows, _worker, Counter(_worker(e) for e in chosen)),
        by_program=_tallies(now.rows, lambda row: row.program, Counter(e.program for e in chosen)),
        by_rule=_by_rule(now.rows),
        aging=_aging(now.rows, as_of),
        hard_deadlines=_hard_deadlines(now.rows, as_of, names),
        staffings_by_month=_staffings_by_month(weeks, days[0], as_of, worker, program),
        trend=_trend(now, weeks, days, worker, program),
    )


# -- charts: plain SVG geometry, drawn by the template ----------------------------------------


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    overdue: int
    y: float
    width: float
    overdue_width: float


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars (one per worker): the whole bar is participants needing attention, its
    darker part those overdue; lengths are proportional to the counts."""

    bars: tuple[Bar, ...]
    width: int
    height: int
    left: int
    """Where the bars start (the labels are to their left)."""
    scale: float
    """Pixels per participant."""


BAR_HEIGHT, BAR_GAP, BAR_LEFT, BAR_SPAN, BAR_LABEL = 18, 8, 110, 420, 130


def bar_chart(tallies: Sequence[Tally]) -> BarChart:
    top = max((t.attention for t in tallies), default=0)
    scale = BAR_SPAN / top if top else 0.0
    bars = tuple(
        Bar(t.name, t.attention, t.overdue, i * (BAR_HEIGHT + BAR_GAP), t.attention * scale, t.overdue * scale)
        for i, t in enumerate(tallies)
    )
    height = max(len(bars) * (BAR_HEIGHT + BAR_GAP), BAR_HEIGHT)
    return BarChart(bars, BAR_LEFT + BAR_SPAN + BAR_LABEL, height, BAR_LEFT, scale)


@dataclass(frozen=True)
class LinePoint:
    day: dt.date
    value: int
    x: float
    y: float


@dataclass(frozen=True)
class LineChart:
    """The overdue count at each week's end as a line; y grows downward in SVG, so a point's y is
    `bottom - value * scale`."""

    points: tuple[LinePoint, ...]
    width: int
    height: int
    bottom: int
    scale: float
    top_value: int

    @property
    def path(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


LINE_LEFT, LINE_STEP, LINE_TOP, LINE_SPAN = 40, 50, 20, 160


def line_chart(trend: Sequence[TrendPoint]) -> LineChart:
    top = max((p.overdue for p in trend), default=0)
    scale = LINE_SPAN / top if top else 0.0
    bottom = LINE_TOP + LINE_SPAN
    points = tuple(
        LinePoint(p.day, p.overdue, LINE_LEFT + i * LINE_STEP, bottom - p.overdue * scale) for i, p in enumerate(trend)
    )
    width = LINE_LEFT + max(len(points) - 1, 0) * LINE_STEP + 40
    return LineChart(points, width, bottom + 40, bottom, scale, top)


def render_html(report: Report, templates: Path | None = None) -> str:
    """The overview as one self-contained printable page: inline CSS and SVG, no script, nothing
    fetched (templates/report/default.html.j2, or the user's own of that name)."""
    context: dict[str, Any] = {
        "report": report,
        "workers_chart": bar_chart(report.by_worker),
        "trend_chart": line_chart(report.trend),
    }
    return render(["report/default.html.j2"], context, templates, html=True)
