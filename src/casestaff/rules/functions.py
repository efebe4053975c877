"""The rule functions program packs name: small, pure, one condition each.

A rule function reads one case as of a date and yields `Finding`s: when the condition began
(`since`), when a staffing is due, the facts for the pack's reason text and the evidence with
file lines. Thresholds are keyword-only parameters with no defaults of their own: every value
comes from the pack (or the user's casestaff.toml), and the pack linter checks their names and
types against these signatures.

The engine (`evaluate.py`) then drops findings a later staffing of a matching kind satisfied.
Records dated after the as-of date are ignored, so any past morning can be replayed exactly.

Compare dates with the as-of day (`ctx.as_of`) rather than count days from it: the due list is
worked out with the day watched (model/watched.py), and a comparison lets the cache keep the
answer for every day it holds; counting, or reading the day's month, makes it a one-day answer --
still right, only worked out again the next morning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from casestaff.model.plain import dataclass
from types import MappingProxyType

from casestaff.model import queries
from casestaff.model import records as model
from casestaff.model.dates import ONE_DAY, Workdays, add_months, month_end, next_month_start
from casestaff.model.named import Named, registry
from casestaff.rules.flags import Evidence, Finding



@dataclass(frozen=True)
class RuleContext:
    as_of: dt.date
    workdays: Workdays
    satisfied_by: tuple[str, ...]
    counts: Callable[[model.Case, model.Staffing], bool] | None = None
    """Whether a staffing of a satisfying kind meets the pack's requirements for this rule
    (rules/requirements.py); None: every one does. A staffing that falls short is not one the
    rule sees as held."""

    def held(self, case: model.Case, kinds: Sequence[str] | None = None) -> list[model.Staffing]:
        """Staffings held on or before the as-of date, oldest first: of the given kinds, else the
        satisfying ones that count (meet the requirements for this rule)."""
        held = queries.staffings_held(case, self.as_of, self.satisfied_by if kinds is None else kinds)
        if kinds is None and self.counts is not None:
            held = [s for s in held if self.counts(case, s)]
        return held

    def workday_due(self, since: dt.date, due: dt.date) -> dt.date:
        """A computed due date on a weekend or state holiday moves to the workday before it --
        or, when that would come before the condition began, to the workday after."""
        return workday_due(self.workdays, since, due)

    def last_held(self, case: model.Case, kinds: Sequence[str] | None = None) -> model.Staffing | None:
        """The latest staffing held by the as-of date (of the given kinds, else the satisfying ones that count)."""
        if kinds is None and self.counts is not None:
            held = self.held(case)
            return held[-1] if held else None
        return queries.latest_staffing(case, self.as_of, self.satisfied_by if kinds is None else kinds)

    def monthly_cycle(self, day: dt.date) -> tuple[dt.date, dt.date]:
        """(since, due) of a benchmark reviewed in the monthly cycle of the month `day` falls in.

        IL SNAP E&T: the month's form 4333 marks the customer and the staffings of that month
        are held before it ends, so a staffing held on or after the month's first day counts and
        the last workday of the month is the deadline -- even for a benchmark reached on a
        weekend after it (a benchmark on Sunday the 31st is due Friday the 29th).
        """
        return _monthly_cycle(self.workdays, day)


@lru_cache(maxsize=4096)
def _monthly_cycle(workdays: Workdays, day: dt.date) -> tuple[dt.date, dt.date]:
    """RuleContext.monthly_cycle, remembered: the benchmarks of every case fall in the same few
    months (issue 11). `day` is a record's date, never the as-of day (a watched day is no cache
    key, model/watched.py)."""
    return day.replace(day=1), workdays.on_or_before(month_end(day))


@lru_cache(maxsize=65536)
def workday_due(workdays: Workdays, since: dt.date, due: dt.date) -> dt.date:
    """A computed due date on a weekend or state holiday moves to the workday before it -- or,
    when that would come before the condition began, to the workday after (RuleContext.workday_due).
    Remembered: most findings' dates are the same few hundred (issue 11); they are records' dates,
    never the as-of day (a watched day is no cache key, model/watched.py)."""
    moved = workdays.on_or_before(due)
    return moved if moved >= since else workdays.on_or_after(due)


def follow_up_due(workdays: Workdays, staffing_date: dt.date, days: int) -> dt.date:
    """When the meeting that follows a staffing held on `staffing_date` is due: `days` days on, on
    a workday. `meeting_after_staffing` flags it by this date, and the narration prints the same."""
    return workday_due(workdays, staffing_date, staffing_date + dt.timedelta(days=days))


def _ev(record: model.Record, name: str, label: str, value: object | None = None) -> Evidence:
    shown = getattr(record, name) if value is None else value
    if isinstance(shown, dt.date):
        shown = shown.isoformat()
    return Evidence(label, str(shown), record.line_of(name))


@lru_cache(maxsize=4096)
def _month(day: dt.date) -> str:
    """'2026-07' for a record's date (never the as-of day: a watched day is no cache key, see
    model/watched.py). strftime costs about a microsecond, and the benchmarks of every case name
    the same few months (issue 11)."""
    return day.strftime("%Y-%m")


def _hours(value: float) -> str:
    return f"{value:g}"


# ---------------------------------------------------------------------------------------------


def _without_progress(case: model.Case, ctx: RuleContext) -> tuple[dt.date, str, list[Evidence]]:
    """(the day time without progress counts from, the last progress in words, the evidence):
    the last review that recorded progress, else enrollment; then each review since with none."""
    progressed = queries.last_progress(case, ctx.as_of)
    if progressed is not None:
        base = progressed.date
        evidence = [_ev(progressed, "progress", "last progress review", f"{base}: {progressed.progress}")]
        last_progress = base.isoformat()
    else:
        base = case.enrolled
        evidence = [_ev(case, "enrolled", "enrolled (no review has recorded progress)")]
        last_progress = f"none since enrollment on {base}"
    for review in queries.progress_reviews(case, ctx.as_of):
        if review.progress == "none" and review.date > base:
            evidence.append(_ev(review, "progress", "progress review", f"{review.date}: none"))
    return base, last_progress, evidence


def no_progress_for_days(case: model.Case, ctx: RuleContext, *, days: int, due_within_days: int) -> Iterator[Finding]:
    """No progress toward the goal recorded for `days` days (since the last progress or staffing)."""
    base, last_progress, reviews = _without_progress(case, ctx)
    evidence = reviews[:1]
    since = base + dt.timedelta(days=days)
    for staffing in ctx.held(case):
        if staffing.date >= since:
            since = staffing.date + dt.timedelta(days=days)
            evidence.append(_ev(staffing, "date", "last staffing", staffing.date))
    evidence += reviews[1:]
    yield Finding(
        since=since,
        due=ctx.workday_due(since, since + dt.timedelta(days=due_within_days)),
        facts={"days": days, "last_progress": last_progress},
        evidence=tuple(evidence),
    )


def participation_shortfall(
    case: model.Case, ctx: RuleContext, *, min_share: float, due_within_days: int
) -> Iterator[Finding]:
    """Months (already over) with hours below `min_share` of the requirement and no good cause."""
    last: model.Staffing | None = None
    asked = False  # the last staffing held is asked once a month falls short, not for every case (issue 11)
    short = []
    for record in case.participation:
        ended = next_month_start(record.month)
        if ended > ctx.as_of or record.required_hours <= 0 or record.good_cause:
            continue
        if record.actual_hours >= min_share * record.required_hours:
            continue
        if not asked:
            last, asked = ctx.last_held(case), True
        if last is not None and last.date >= ended:
            continue
        short.append(record)
    if not short:
        return
    short.sort(key=lambda r: r.month)
    since = next_month_start(short[0].month)
    evidence = tuple(
        _ev(r, "actual_hours", f"participation {_month(r.month)}", f"{_hours(r.actual_hours)} of {_hours(r.required_hours)} hours, no good cause")
        for r in short
    )
    yield Finding(
        since=since,
        due=ctx.workday_due(since, since + dt.timedelta(days=due_within_days)),
        facts={
            "months": ", ".join(_month(r.month) for r in short),
            "count": len(short),
            "percent": f"{min_share * 100:g}%",
        },
        evidence=evidence,
    )


def _before_effective(ctx: RuleContext, sanction: model.Sanction, workdays: int) -> dt.date:
    """`workdays` workdays before the sanction takes effect; 0 means by the effective day -- still
    a workday, so the last one on or before it."""
    return ctx.workdays.on_or_before(ctx.workdays.before(sanction.effective_on, workdays))


def staffing_before_sanction(
    case: model.Case, ctx: RuleContext, *, workdays_before_effective: int
) -> Iterator[Finding]:
    """A pending sanction: the staffing is due `workdays_before_effective` workdays before it takes effect."""
    sanction = queries.pending_sanction(case, ctx.as_of)
    if sanction is None:
        return
    due = _before_effective(ctx, sanction, workdays_before_effective)
    yield Finding(
        since=sanction.proposed_on,
        due=due,
        facts={"effective_on": sanction.effective_on.isoformat(), "reason": sanction.reason},
        evidence=(
            _ev(sanction, "reason", "sanction.reason"),
            _ev(sanction, "proposed_on", "sanction.proposed_on"),
            _ev(sanction, "effective_on", "sanction.effective_on"),
        ),
    )


def sanction_entered_without_staffing(case: model.Case, ctx: RuleContext) -> Iterator[Finding]:
    """A sanction entered (imposed) with no staffing that counts held once it was proposed: due the day it was entered, and it stays until one is recorded."""
    sanction = queries.sanction_entered(case, ctx.as_of)
    if sanction is None:
        return
    entered = queries.sanction_entered_on(sanction)
    assert entered is not None  # sanction_entered says it was
    on = "decided_on" if sanction.decided_on is not None else "effective_on"
    label = "sanction.decided_on" if on == "decided_on" else "sanction.effective_on (decided_on is not recorded)"
    yield Finding(
        since=sanction.proposed_on,
        due=entered,
        facts={"entered_on": entered.isoformat(), "reason": sanction.reason},
        evidence=(
            _ev(sanction, "status", "sanction.status"),
            _ev(sanction, on, label),
            _ev(sanction, "proposed_on", "sanction.proposed_on"),
        ),
    )


def _factor_names(risks: Sequence[model.RiskFactor]) -> str:
    names: list[str] = []
    for r in risks:
        name = r.factor.replace("_", " ")
        if name not in names:
            names.append(name)
    return ", ".join(names)


def risk_without_staffing(
    case: model.Case, ctx: RuleContext, *, factors: list[str], days: int, due_within_days: int
) -> Iterator[Finding]:
    """Risk factors present and no staffing within `days` days: a candidate for intensive case management."""
    risks = queries.active_risks(case, ctx.as_of, factors)
    if not risks:
        return
    first_noted = min(r.noted for r in risks)
    last = ctx.last_held(case)
    since = first_noted if last is None else max(first_noted, last.date + dt.timedelta(days=days))
    evidence = [_ev(r, "factor", f"risk factor (noted {r.noted})") for r in risks]
    if last is not None:
        evidence.append(_ev(last, "date", "last staffing", last.date))
    yield Finding(
        since=since,
        due=ctx.workday_due(since, since + dt.timedelta(days=due_within_days)),
        facts={
            "factors": _factor_names(risks),
            "days": days,
            "last_staffing": last.date.isoformat() if last else "never",
        },
        evidence=tuple(evidence),
    )


def months_in_component(case: model.Case, ctx: RuleContext, *, months: list[int]) -> Iterator[Finding]:
    """The component the participant is in reaches 6, 9 and 12 months: each benchmark is its own
    finding, reviewed in the monthly cycle of the month it falls in (`RuleContext.monthly_cycle`).

    Only the current component counts (`queries.current_component`): a benchmark reviews the
    activity the customer is in, so one of a component that has ended -- or that a newer one
    replaced -- gives no flag any more, and no benchmark falls after a component's last day.
    """
    component = queries.current_component(case, ctx.as_of)
    if component is None:
        return
    evidence = None  # the same for every benchmark: made once (issue 11)
    for count in months:
        reached = add_months(component.start, count)
        if not queries.in_component_on(component, reached):  # it ends before the benchmark
            continue
        if evidence is None:
            evidence = (
                _ev(component, "name", "component"),
                _ev(component, "start", "started"),
                *((_ev(component, "end", "ends"),) if component.end is not None else ()),
            )
        since, due = ctx.monthly_cycle(reached)
        yield Finding(
            since=since,
            due=due,
            facts={"months": count, "component": component.name, "reached": reached.isoformat(), "cycle": _month(reached)},
            evidence=evidence,
        )


def months_without_progress(case: model.Case, ctx: RuleContext, *, months: list[int]) -> Iterator[Finding]:
    """Time in the program without progress reaches 6, 9 and 12 months: each benchmark is its own
    finding, reviewed in the monthly cycle of the month it falls in (`RuleContext.monthly_cycle`).

    The clock runs from the last progress review that recorded progress (some or good), or from
    enrollment when none has: recorded progress restarts it, a staffing does not (the staffing
    at 6 months leaves 9 and 12 to come). A benchmark passed before progress was recorded gives
    no flag once it is: the customer is no longer without progress.
    """
    base, last_progress, reviews = _without_progress(case, ctx)
    evidence = tuple(reviews)  # the same for every benchmark: made once (issue 11)
    for count in months:
        reached = add_months(base, count)
        since, due = ctx.monthly_cycle(reached)
        yield Finding(
            since=since,
            due=due,
            facts={"months": count, "last_progress": last_progress, "reached": reached.isoformat(), "cycle": _month(reached)},
            evidence=evidence,
        )


def cooperating_without_progress(
    case: model.Case, ctx: RuleContext, *, reviews: int, min_share: float, due_within_days: int
) -> Iterator[Finding]:
    """The last `reviews` progress reviews say no progress while hours were at least `min_share` of
    those required (or short with good cause) in every month they span.

    A share under `min_share` is poor engagement, another rule's: with the same threshold as
    `participation_shortfall`, a customer with no progress is one rule's or the other's.
    """
    latest = queries.progress_reviews(case, ctx.as_of)[-reviews:]
    if len(latest) < reviews or any(r.progress != "none" for r in latest):
        return
    first_month = latest[0].date.replace(day=1)
    months = [
        p
        for p in case.participation
        if first_month <= p.month and next_month_start(p.month) <= ctx.as_of and p.month <= latest[-1].date
    ]
    if not months:
        return
    if any(p.actual_hours < min_share * p.required_hours and not p.good_cause for p in months):
        return
    since = latest[-1].date
    evidence = [_ev(r, "progress", "progress review", f"{r.date}: none") for r in latest]
    evidence += [
        _ev(p, "actual_hours", f"participation {_month(p.month)}", f"{_hours(p.actual_hours)} of {_hours(p.required_hours)} hours")
        for p in months
    ]
    yield Finding(
        since=since,
        due=ctx.workday_due(since, since + dt.timedelta(days=due_within_days)),
        facts={"reviews": reviews, "since_month": _month(first_month), "percent": f"{min_share * 100:g}%"},
        evidence=tuple(evidence),
    )


def need_without_referral(
    case: model.Case, ctx: RuleContext, *, factors: list[str], due_within_days: int
) -> Iterator[Finding]:
    """A noted need (substance use, mental health, DV ...) with no referral for it yet."""
    for risk in queries.active_risks(case, ctx.as_of, factors):
        if queries.referrals_made(case, ctx.as_of, [risk.factor]):
            continue
        yield Finding(
            since=risk.noted,
            due=ctx.workday_due(risk.noted, risk.noted + dt.timedelta(days=due_within_days)),
            facts={"factor": risk.factor.replace("_", " ")},
            evidence=(_ev(risk, "factor", f"risk factor (noted {risk.noted})"),),
        )


def information_received(case: model.Case, ctx: RuleContext, *, days: int) -> Iterator[Finding]:
    """All outstanding information is in: the follow-up case review is due within `days` days."""
    items = queries.information_requested(case, ctx.as_of)
    if not items or queries.information_outstanding(case, ctx.as_of):
        return
    arrived = max(items, key=lambda o: o.received or o.requested)
    since = arrived.received or arrived.requested
    yield Finding(
        since=since,
        due=ctx.workday_due(since, since + dt.timedelta(days=days)),
        facts={"items": ", ".join(o.item for o in items), "received": since.isoformat(), "days": days},
        evidence=tuple(_ev(o, "received", f"{o.item} received") for o in items),
    )


def _item(text: str) -> str:
    """An item's name inside a sentence: 'Child safety check' -> 'child safety check' (an acronym stays)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def information_still_outstanding(case: model.Case, ctx: RuleContext, *, days: int) -> Iterator[Finding]:
    """Each item of information still outstanding keeps the case on the list: follow up within `days` days of the request; only its arrival clears it."""
    for item in queries.information_outstanding(case, ctx.as_of):
        yield Finding(
            since=item.requested,
            due=ctx.workday_due(item.requested, item.requested + dt.timedelta(days=days)),
            facts={"item": _item(item.item), "requested": item.requested.isoformat(), "days": days},
            evidence=(_ev(item, "item", f"outstanding (requested {item.requested})"),),
            satisfiable=False,
        )


def sanction_while_information_outstanding(
    case: model.Case, ctx: RuleContext, *, workdays_before_effective: int
) -> Iterator[Finding]:
    """A pending sanction while information is still outstanding: no determination can be made, flagged `workdays_before_effective` workdays before it takes effect."""
    sanction = queries.pending_sanction(case, ctx.as_of)
    waiting = queries.information_outstanding(case, ctx.as_of)
    if sanction is None or not waiting:
        return
    since = max(sanction.proposed_on, min(o.requested for o in waiting))
    yield Finding(
        since=since,
        due=_before_effective(ctx, sanction, workdays_before_effective),
        facts={
            "effective_on": sanction.effective_on.isoformat(),
            "reason": sanction.reason,
            "items": "; ".join(f"{_item(o.item)} requested on {o.requested}" for o in waiting),
        },
        evidence=(
            _ev(sanction, "effective_on", "sanction.effective_on"),
            *(_ev(o, "item", f"outstanding (requested {o.requested})") for o in waiting),
        ),
        satisfiable=False,
    )


def _last_held_date(case: model.Case, ctx: RuleContext) -> dt.date:
    """The day of the last staffing held that counts, or the first day there is when none is."""
    last = ctx.last_held(case)
    return last.date if last else dt.date.min


def reunification_stalled(case: model.Case, ctx: RuleContext, *, due_within_days: int) -> Iterator[Finding]:
    """While reunification is the case plan goal: case plan tasks past due and not achieved, or a review that records no progress."""
    goal = case.child.permanency_goal if case.child is not None else None
    if goal not in (None, "reunification"):
        return  # adoption, guardianship, OPPLA: progress toward reunification is not what is asked
    # The last staffing held (whose requirements are checked) is asked for once a task or a
    # review could start the clock, not for every case: most have none (issue 11).
    after: dt.date | None = None
    triggers: list[tuple[dt.date, Evidence]] = []
    for task in case.case_plan_tasks:
        if task.due < ctx.as_of and not queries.task_achieved_by(task, ctx.as_of):
            if after is None:
                after = _last_held_date(case, ctx)
            if task.due + ONE_DAY > after:
                triggers.append((task.due + ONE_DAY, _ev(task, "due", f"case plan task '{task.task}' ({task.status})", task.due)))
    for review in case.progress_reviews:
        if review.progress == "none":
            if after is None:
                after = _last_held_date(case, ctx)
            if after < review.date <= ctx.as_of:
                triggers.append((review.date, _ev(review, "progress", "progress review", f"{review.date}: none")))
    if not triggers:
        return
    triggers.sort(key=lambda t: t[0])
    since = triggers[0][0]
    tasks = sum(1 for _, e in triggers if e.field.startswith("case plan task"))
    reviews = len(triggers) - tasks
    what = []
    if tasks:
        what.append(f"{tasks} case plan task{'s' if tasks != 1 else ''} past due and not achieved")
    if reviews:
        what.append(f"{reviews} progress review{'s' if reviews != 1 else ''} with no progress")
    yield Finding(
        since=since,
        due=ctx.workday_due(since, since + dt.timedelta(days=due_within_days)),
        facts={"tasks": tasks, "reviews": reviews, "summary": "; ".join(what)},
        evidence=tuple(e for _, e in triggers),
    )


def meeting_after_staffing(case: model.Case, ctx: RuleContext, *, after: list[str], days: int) -> Iterator[Finding]:
    """After the latest staffing of the `after` kinds, a follow-up meeting is due within `days` days."""
    last = ctx.last_held(case, after)
    if last is None:
        return
    yield Finding(
        since=last.date,
        due=follow_up_due(ctx.workdays, last.date, days),
        facts={"staffing_date": last.date.isoformat(), "days": days},
        evidence=(_ev(last, "date", f"{last.kind} held"),),
    )


def periodic_review(case: model.Case, ctx: RuleContext, *, days: int) -> Iterator[Finding]:
    """A review every `days` days, counted from the last one (or from enrollment)."""
    last = ctx.last_held(case)
    if last is not None:
        base, evidence = last.date, _ev(last, "date", "last review", last.date)
        last_review = last.date.isoformat()
    else:
        base, evidence = case.enrolled, _ev(case, "enrolled", "enrolled (no review yet)")
        last_review = "none yet"
    # Moved back, a short interval could land on the last review itself, which would then
    # satisfy the next one for ever: the next review is due after the last one.
    due = ctx.workday_due(base + ONE_DAY, base + dt.timedelta(days=days))
    yield Finding(since=due, due=due, facts={"days": days, "last_review": last_review}, evidence=(evidence,))


def retention_check_in(case: model.Case, ctx: RuleContext, *, days: int) -> Iterator[Finding]:
    """An employed family gets a retention check-in every `days` days while the job lasts."""
    job = case.employment
    if job is None or not queries.employed_on(job, ctx.as_of):
        return
    last = ctx.last_held(case)
    if last is not None and last.date < job.start:
        last = None  # check-ins count from the first day of work
    base = last.date if last else job.start
    due = ctx.workday_due(base + ONE_DAY, base + dt.timedelta(days=days))  # after the last one, as periodic_review
    evidence = [_ev(job, "employer", "employed at", f"{job.employer} since {job.start}")]
    if last:
        evidence.append(_ev(last, "date", "last check-in", last.date))
    yield Finding(
        since=due,
        due=due,
        facts={"days": days, "employer": job.employer, "last_check_in": last.date.isoformat() if last else "none yet"},
        evidence=tuple(evidence),
    )


def next_steps_past_due(case: model.Case, ctx: RuleContext) -> Iterator[Finding]:
    """Next steps set at a staffing, due and not marked done; only marking them done clears them."""
    for staffing in queries.staffings_held(case, ctx.as_of):
        for step in staffing.next_steps:
            if queries.step_done_by(step, ctx.as_of):
                continue
            yield Finding(
                since=step.due,
                due=step.due,
                facts={"step": step.step, "owner": step.owner or "unassigned", "staffing_date": staffing.date.isoformat()},
                evidence=(_ev(step, "due", f"next step '{step.step}' from the {staffing.date} staffing", step.due),),
                satisfiable=False,
            )


RuleFunction = Callable[..., Iterator[Finding]]


@dataclass(frozen=True)
class FollowUp:
    """A rule whose flag is a meeting that must follow a staffing: `after` names the parameter
    listing the staffing kinds it follows, `days` the one giving the days it is due within."""

    after: str
    days: str


@dataclass(frozen=True, kw_only=True)
class RuleSpec(Named):
    """A rule function and what it declares: the facts a pack's reason text may use, the case-file
    blocks it reads, and what else casestaff does for a rule that names it."""

    function: RuleFunction
    facts: tuple[str, ...]
    """The names it puts in `Finding.facts`, which a pack's reason text may use."""
    reads: tuple[str, ...]
    """The case-file blocks it reads: `casestaff new` writes them for a program whose rules name it."""
    benchmarks: str | None = None
    """The parameter (a list of months) holding months-in-component benchmarks: the agenda shows
    each current activity's benchmark."""
    follow_up: FollowUp | None = None
    """The narration of a staffing this rule follows says when the follow-up meeting (a kind the
    rule's `satisfied_by` names) is held, scheduled or due."""


RULE_SPECS: MappingProxyType[str, RuleSpec] = registry(
    (
        RuleSpec(function=no_progress_for_days, facts=("days", "last_progress"), reads=("progress_reviews",)),
        RuleSpec(function=participation_shortfall, facts=("months", "count", "percent"), reads=("participation",)),
        RuleSpec(function=staffing_before_sanction, facts=("effective_on", "reason"), reads=("sanction",)),
        RuleSpec(function=sanction_entered_without_staffing, facts=("entered_on", "reason"), reads=("sanction",)),
        RuleSpec(function=risk_without_staffing, facts=("factors", "days", "last_staffing"), reads=("risk_factors",)),
        RuleSpec(
            function=months_in_component,
            facts=("months", "component", "reached", "cycle"),
            reads=("components",),
            benchmarks="months",
        ),
        RuleSpec(function=months_without_progress, facts=("months", "last_progress", "reached", "cycle"), reads=("progress_reviews",)),
        RuleSpec(
            function=cooperating_without_progress, facts=("reviews", "since_month", "percent"), reads=("progress_reviews", "participation")
        ),
        RuleSpec(function=need_without_referral, facts=("factor",), reads=("risk_factors", "referrals")),
        RuleSpec(function=information_received, facts=("items", "received", "days"), reads=("outstanding_info",)),
        RuleSpec(function=information_still_outstanding, facts=("item", "requested", "days"), reads=("outstanding_info",)),
        RuleSpec(
            function=sanction_while_information_outstanding,
            facts=("effective_on", "reason", "items"),
            reads=("sanction", "outstanding_info"),
        ),
        RuleSpec(
            function=reunification_stalled, facts=("tasks", "reviews", "summary"), reads=("case_plan_tasks", "progress_reviews")
        ),
        RuleSpec(
            function=meeting_after_staffing, facts=("staffing_date", "days"), reads=(), follow_up=FollowUp(after="after", days="days")
        ),
        RuleSpec(function=periodic_review, facts=("days", "last_review"), reads=()),
        RuleSpec(function=retention_check_in, facts=("days", "employer", "last_check_in"), reads=("employment",)),
        RuleSpec(function=next_steps_past_due, facts=("step", "owner", "staffing_date"), reads=()),
    )
)
"""Every rule function a pack may name, by name, with what it declares."""
