"""The monthly provider staffing agenda (il-snap-et form 4333): every enrolled customer of one
provider, with level of participation, progress challenges and plan changes, and those who need
a customer staffing (form 4344) marked -- plus the month's deadlines and the eligibility check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from casestaff.model.plain import dataclass
from pathlib import Path

from casestaff.documents.agenda_records import Check
from casestaff.documents.agenda_values import (
    PROGRESS_WORDS,
    Value,
    ask,
    fact,
    hours,
    item_line,
    words,
)
from casestaff.documents.readiness import OK, READINESS_SPECS, eligibility_status
from casestaff.documents.sources import place_sources
from casestaff.documents.templating import render
from casestaff.model import queries
from casestaff.model import records as model
from casestaff.model.dates import month_end
from casestaff.model.pack import Pack
from casestaff.rules.evaluate import evaluate_case, workdays_for
from casestaff.rules.provider_cycle import deadline_date
from casestaff.model.problems import printable


@dataclass(frozen=True)
class CustomerRow:
    case_id: str
    participant: str
    file: str
    component: Value
    participation: Value
    progress: Value
    challenges: tuple[Value, ...]
    plan_changes: tuple[Value, ...]
    eligibility: Value
    eligible: bool
    staffing_reasons: tuple[Value, ...]
    """Why a customer staffing (form 4344) is needed; empty when it is not."""


@dataclass(frozen=True)
class MonthDeadline:
    what: str
    due: dt.date
    note: str
    citation: str


@dataclass(frozen=True)
class ProviderAgenda:
    program: str
    program_name: str
    cite_as: str
    provider: str
    month: dt.date
    meeting: dt.date
    meeting_known: bool
    as_of: dt.date
    customers: tuple[CustomerRow, ...]
    deadlines: tuple[MonthDeadline, ...]
    readiness: tuple[Check, ...]

    @property
    def needing_staffing(self) -> tuple[CustomerRow, ...]:
        return tuple(c for c in self.customers if c.staffing_reasons)

    @property
    def blocked(self) -> bool:
        return any(c.blocking for c in self.readiness)


def _current_component(case: model.Case, as_of: dt.date, meeting: dt.date) -> Value:
    """The component the customer is in on the as-of date, with whole months in it by the meeting."""
    c = queries.current_component(case, as_of)
    if c is None:
        return ask("current component -- none recorded")
    months = queries.months_in_component(c, max(meeting, as_of))
    return fact(f"{c.name} since {c.start.isoformat()} ({months} months by the meeting)", c.line_of("name"))


def _participation(case: model.Case, month: dt.date, as_of: dt.date) -> Value:
    """The latest month of hours reported, up to the staffing month."""
    months = [p for p in case.participation if p.month <= month and p.month <= as_of]
    if not months:
        return ask("level of participation -- no hours reported")
    p = max(months, key=lambda p: p.month)
    share = p.actual_hours / p.required_hours if p.required_hours else 1.0
    text = f"{p.month:%Y-%m}: {hours(p.actual_hours)} of {hours(p.required_hours)} hours ({share:.0%})"
    if p.actual_hours < p.required_hours:
        text += ", good cause" if p.good_cause else ", no good cause"
    return fact(text, p.line_of("actual_hours"))


def _progress(case: model.Case, as_of: dt.date) -> Value:
    r = queries.latest_progress_review(case, as_of)
    if r is None:
        return ask("progress -- no progress review recorded")
    return fact(f"{r.date.isoformat()}: {PROGRESS_WORDS[r.progress]}" + (f" -- {r.note}" if r.note else ""), r.line_of("progress"))


def _challenges(case: model.Case, as_of: dt.date) -> tuple[Value, ...]:
    found = []
    if case.challenges:
        found += [fact(text, item_line(case.challenges, "participant", i)) for i, text in enumerate(case.challenges.participant, 1)]
    for r in queries.active_risks(case, as_of):
        found.append(fact(f"barrier: {words(r.factor)} (noted {r.noted.isoformat()})", r.line_of("factor")))
    return tuple(found)


def _plan_changes(case: model.Case, month: dt.date, as_of: dt.date) -> tuple[Value, ...]:
    """Components that started or ended in the staffing month or the month before."""
    since = (month - dt.timedelta(days=1)).replace(day=1)
    until = min(month_end(month), as_of)
    changes = []
    for c in case.components:
        if since <= c.start <= until:
            changes.append(fact(f"started {c.name} on {c.start.isoformat()}", c.line_of("start")))
        if c.end is not None and since <= c.end <= until:
            changes.append(fact(f"ended {c.name} on {c.end.isoformat()}", c.line_of("end")))
    return tuple(changes)


def customer_row(case: model.Case, pack: Pack, month: dt.date, meeting: dt.date, as_of: dt.date, worker: str) -> CustomerRow:
    cycle = pack.provider_cycle
    kinds = set(cycle.customer_kinds) if cycle else set()
    customer_rules = {f"{pack.id}.{r.id}" for r in pack.rules if set(r.satisfied_by) & kinds}
    window = max(0, (month_end(month) - as_of).days)
    flags = [
        f for f in evaluate_case(case, pack, as_of, window, worker) if f.rule in customer_rules and f.since <= month_end(month)
    ]
    eligible, said = eligibility_status(case, month, as_of)
    check = queries.eligibility_check(case, month, as_of)
    line = check.line_of("verified_on") if check is not None else 0
    return CustomerRow(
        case_id=case.case_id,
        participant=case.participant.name,
        file=printable(Path(case.file).name),
        component=_current_component(case, as_of, meeting),
        participation=_participation(case, month, as_of),
        progress=_progress(case, as_of),
        challenges=_challenges(case, as_of),
        plan_changes=_plan_changes(case, month, as_of),
        eligibility=fact(said, line) if line else ask(said),
        eligible=eligible,
        staffing_reasons=tuple(fact(f.reason, *(e.line for e in f.evidence)) for f in flags),
    )


def build_provider_agenda(
    cases: Sequence[model.Case],
    pack: Pack,
    provider: str,
    month: dt.date,
    as_of: dt.date,
    meetings: Sequence[dt.date] = (),
    meeting: dt.date | None = None,
    worker: str = "",
) -> ProviderAgenda:
    """The provider staffing of `month` for the customers enrolled with `provider` by then."""
    cycle = pack.provider_cycle
    known = meeting or next((m for m in meetings if (m.year, m.month) == (month.year, month.month)), None)
    workdays = workdays_for(pack.state)
    deadlines = []
    for deadline in cycle.deadlines if cycle else ():
        due, note = deadline_date(deadline, month, workdays, [known] if known else [])
        deadlines.append(MonthDeadline(what=deadline.what, due=due, note=note, citation=pack.cite(deadline.citation)))
    held_by = known or (deadlines[-1].due if deadlines else month_end(month))
    enrolled = sorted((c for c in cases if c.enrolled <= month_end(month)), key=lambda c: (c.participant.name, c.case_id))
    rows = tuple(customer_row(c, pack, month, held_by, as_of, worker) for c in enrolled)
    readiness = []
    for spec in pack.readiness_checks:
        per_customer = READINESS_SPECS[spec.check].per_customer
        if per_customer is None:
            continue
        results = [(r, *per_customer.check(c, month, as_of)) for r, c in zip(rows, enrolled, strict=True)]
        failing = [f"{r.participant} ({r.case_id}): {said}" for r, passed, said in results if not passed]
        words = {"count": len(failing), "total": len(rows), "month": f"{month:%B %Y}"}
        readiness.append(
            Check(
                id=spec.id,
                title=f"{spec.title}, for every customer",
                status=spec.on_fail if failing else OK,
                message=(per_customer.failing if failing else per_customer.passing).format(**words),
                details=tuple(failing),
                citation=pack.cite(spec.citation),
            )
        )
    return ProviderAgenda(
        program=pack.id,
        program_name=pack.name,
        cite_as=pack.policy.cite_as,
        provider=provider,
        month=month,
        meeting=held_by,
        meeting_known=known is not None,
        as_of=as_of,
        customers=rows,
        deadlines=tuple(deadlines),
        readiness=tuple(readiness),
    )


def render_provider_agenda(agenda: ProviderAgenda, fmt: str, user_dir: Path | None = None, sources: bool = True) -> str:
    """The provider agenda in md, txt or html through the program's provider template (the user's
    first); each fact with its file and line, or without when not `sources`."""
    context = {"agenda": agenda, "fmt": fmt, "show_sources": sources}
    return place_sources(render([f"agenda/{agenda.program}-provider.{fmt}.j2"], context, user_dir, html=fmt == "html"), fmt, sources)
