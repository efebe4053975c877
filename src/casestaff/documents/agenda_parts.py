"""The parts of an agenda, each read from one case as of a date: background, strengths,
challenges, activities, review areas, the child, the checklist, the team ... Every entry is a
`Value`, so a gap becomes a question and a sensitive fact knows which release it needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from casestaff.model.plain import dataclass
from types import MappingProxyType
from typing import Any

from casestaff.documents.agenda_values import (
    PROGRESS_WORDS,
    RISK_AREAS,
    Value,
    ask,
    fact,
    hours,
    none_said,
    of,
    texts,
    words,
    yes_no,
)
from casestaff.model import queries
from casestaff.model import records as model
from casestaff.model.dates import add_months
from casestaff.model.catalogue import AGENDA_PARTS
from casestaff.model.named import Named, registry
from casestaff.model.pack import Pack
from casestaff.rules.functions import RULE_SPECS

@dataclass(frozen=True)
class Basis:
    """What every part reads: the case, its pack, the meeting date and the as-of date."""

    case: model.Case
    pack: Pack
    meeting: dt.date
    as_of: dt.date


@dataclass(frozen=True)
class Member:
    name: Value
    relationship: Value
    age: Value
    birth_date: Value


@dataclass(frozen=True)
class Background:
    age: Value
    birth_date: Value
    relationship_status: Value
    household: tuple[Member, ...]
    no_household: Value | None
    employment_education: Value
    goal: Value
    address: Value
    phone: Value
    enrolled: Value


def _age(birth: dt.date, on: dt.date) -> str:
    years = queries.age(birth, on)
    return f"{years}" if years is not None else f"born {birth.isoformat()}, after the meeting -- check the birth date"


def background(b: Basis) -> Background:
    p = b.case.participant
    household = tuple(
        Member(
            name=fact(m.name, m.line_of("name"), label="household member"),
            relationship=fact(m.relationship, m.line_of("relationship"), label="household member"),
            age=of(m, "birth_date", f"{m.name}'s age -- ask the participant", label="age", show=lambda d: _age(d, b.meeting)),
            birth_date=of(m, "birth_date", "", label="birth date"),
        )
        for m in b.case.household
    )
    return Background(
        age=of(p, "birth_date", "the participant's age (birth date) -- ask the participant", label="age", show=lambda d: _age(d, b.meeting)),
        birth_date=of(p, "birth_date", "", label="birth date"),
        relationship_status=of(p, "relationship_status", "relationship status -- ask the participant", label="relationship status"),
        household=household,
        no_household=None
        if household
        else none_said(b.case, "household", "nobody else -- the participant lives alone")
        or ask("who lives in the household (names, ages, relationships) -- ask the participant"),
        employment_education=of(p, "employment_education", "employment and education status -- ask the participant", label="employment and education"),
        goal=of(b.case, "goal", "the participant's goal -- ask the participant", label="goal"),
        address=of(p, "address", "", label="address"),
        phone=of(p, "phone", "", label="phone number"),
        enrolled=fact(b.case.enrolled, b.case.line_of("enrolled"), label="enrollment date"),
    )


def circumstances(b: Basis) -> Value:
    """The case's free notes: the circumstances the la-step coach documents."""
    return of(b.case, "notes", "the circumstances of the case -- the worker summarizes them", label="case notes")


@dataclass(frozen=True)
class StrengthsPart:
    individual: tuple[Value, ...]
    family: tuple[Value, ...]


def strengths(b: Basis) -> StrengthsPart:
    s = b.case.strengths
    return StrengthsPart(
        individual=texts(s, "individual", "the participant's own strengths -- ask the participant and the worker", label="strength"),
        family=texts(s, "family", "the family's strengths -- ask the participant", label="family strength"),
    )


@dataclass(frozen=True)
class Risk:
    factor: Value
    noted: Value
    resolved: Value
    duration: Value
    addressed: Value
    note: Value


def _risk(r: model.RiskFactor) -> Risk:
    topic = RISK_AREAS.get(r.factor)
    name = words(r.factor)
    return Risk(
        factor=fact(name, r.line_of("factor"), label="risk factor", topic=topic),
        noted=fact(r.noted, r.line_of("noted"), label="risk factor", topic=topic),
        resolved=of(r, "resolved", "", label="risk factor", topic=topic),
        duration=of(r, "anticipated_duration", f"anticipated duration of the {name} concern -- ask the team", label="risk factor duration", topic=topic),
        addressed=of(r, "how_addressed", f"how the {name} concern has been addressed -- ask the team", label="how a risk factor was addressed", topic=topic),
        note=of(r, "note", "", label="risk factor note", topic=topic),
    )


def _risks(b: Basis) -> list[model.RiskFactor]:
    return sorted(queries.risks_noted(b.case, b.as_of), key=lambda r: r.noted)


@dataclass(frozen=True)
class ChallengesPart:
    participant: tuple[Value, ...]
    family: tuple[Value, ...]
    risks: tuple[Risk, ...]
    """Risk factors still present on the as-of date."""
    past_risks: tuple[Risk, ...]
    """Risk factors resolved by the as-of date: past issues and how they were addressed."""
    no_risks: Value | None


def challenges(b: Basis) -> ChallengesPart:
    c = b.case.challenges
    risks = _risks(b)
    current = tuple(_risk(r) for r in risks if queries.risk_active_on(r, b.as_of))
    past = tuple(_risk(r) for r in risks if not queries.risk_active_on(r, b.as_of))
    return ChallengesPart(
        participant=texts(c, "participant", "the participant's challenges -- ask the participant and the worker", label="challenge"),
        family=texts(c, "family", "the family's challenges -- ask the participant", label="family challenge"),
        risks=current,
        past_risks=past,
        no_risks=None
        if risks
        else none_said(b.case, "risk_factors", "none known")
        or ask("risk factors (homelessness, domestic violence, substance use ...) -- none recorded; confirm with the team"),
    )


@dataclass(frozen=True)
class ObservationPart:
    other: tuple[Value, ...]
    coach: tuple[Value, ...]


def observation(b: Basis) -> ObservationPart:
    c = b.case.challenges
    return ObservationPart(
        other=texts(c, "other", "any other challenges the participant may be experiencing -- ask the team", label="other challenge"),
        coach=texts(c, "coach", "challenges of the worker in serving this participant -- ask the worker", label="worker's challenge"),
    )


@dataclass(frozen=True)
class Activity:
    name: Value
    start: Value
    end: Value
    provider: Value
    note: Value
    months: int
    """Whole months in the component as of the meeting date (or its end)."""
    benchmark: Value | None
    """Which months-in-component benchmark applies (programs whose rules set them)."""


@dataclass(frozen=True)
class Hours:
    month: str
    required: str
    actual: str
    percent: str
    short: bool
    good_cause: bool
    value: Value
    note: Value


@dataclass(frozen=True)
class Review:
    date: Value
    progress: Value
    note: Value


@dataclass(frozen=True)
class ActivitiesPart:
    past: tuple[Activity, ...]
    current: tuple[Activity, ...]
    no_past: Value | None
    no_current: Value | None
    hours: tuple[Hours, ...]
    no_hours: Value | None
    reviews: tuple[Review, ...]
    no_reviews: Value | None
    working: tuple[Value, ...]
    not_working: tuple[Value, ...]


def benchmarks(pack: Pack) -> tuple[int, ...]:
    """The months-in-component benchmarks the pack's rules set, through the parameter their rule
    function declares (`RuleSpec.benchmarks`; il-snap-et: 6, 9, 12)."""
    found: set[int] = set()
    for rule in pack.rules:
        spec = RULE_SPECS.get(rule.function)
        if spec is not None and spec.benchmarks is not None:
            found.update(rule.params.get(spec.benchmarks, []))
    return tuple(sorted(found))


def _benchmark(component: model.Component, marks: Sequence[int], meeting: dt.date, line: int) -> Value | None:
    if not marks:
        return None
    listed = ", ".join(str(m) for m in marks)
    reached = [m for m in marks if add_months(component.start, m) <= meeting]
    if reached:
        latest = reached[-1]
        text = f"{latest}-month benchmark reached on {add_months(component.start, latest).isoformat()} (staffing mandatory at {listed} months)"
    else:
        first = marks[0]
        text = f"no benchmark reached yet; the {first}-month benchmark falls on {add_months(component.start, first).isoformat()} (staffing mandatory at {listed} months)"
    return fact(text, line, label="benchmark")


def _activity(c: model.Component, b: Basis, marks: Sequence[int]) -> Activity:
    return Activity(
        name=fact(c.name, c.line_of("name"), label="activity"),
        start=fact(c.start, c.line_of("start"), label="activity dates"),
        end=of(c, "end", "", label="activity dates"),
        provider=of(c, "provider", "", label="activity provider"),
        note=of(c, "note", "", label="activity note"),
        months=queries.months_in_component(c, b.meeting),
        benchmark=_benchmark(c, marks, b.meeting, c.line_of("start")) if queries.in_component_on(c, b.as_of) else None,
    )


def activities(b: Basis) -> ActivitiesPart:
    marks = benchmarks(b.pack)
    past = tuple(_activity(c, b, marks) for c in queries.past_components(b.case, b.as_of))
    current = tuple(_activity(c, b, marks) for c in queries.current_components(b.case, b.as_of))
    months = sorted((p for p in b.case.participation if p.month <= b.as_of), key=lambda p: p.month)[-3:]
    shown_hours = []
    for p in months:
        share = p.actual_hours / p.required_hours if p.required_hours else 1.0
        short = p.actual_hours < p.required_hours
        text = f"{p.month:%Y-%m}: {hours(p.actual_hours)} of {hours(p.required_hours)} required hours ({share:.0%})"
        if short:
            text += ", good cause" if p.good_cause else ", no good cause"
        shown_hours.append(
            Hours(
                month=f"{p.month:%Y-%m}",
                required=hours(p.required_hours),
                actual=hours(p.actual_hours),
                percent=f"{share:.0%}",
                short=short,
                good_cause=p.good_cause,
                value=fact(text, p.line_of("actual_hours"), label="participation"),
                note=of(p, "note", "", label="participation note"),
            )
        )
    reviews = queries.progress_reviews(b.case, b.as_of)[-3:]
    shown_reviews = tuple(
        Review(
            date=fact(r.date, r.line_of("date"), label="progress review"),
            progress=fact(PROGRESS_WORDS[r.progress], r.line_of("progress"), label="progress review"),
            note=of(r, "note", "", label="progress review note"),
        )
        for r in reviews
    )
    working: list[Value] = []
    not_working: list[Value] = []
    for h in shown_hours:
        (not_working if h.short and not h.good_cause else working).append(h.value)
    for r in reviews:
        text = f"progress review {r.date.isoformat()}: {PROGRESS_WORDS[r.progress]}"
        (not_working if r.progress == "none" else working).append(fact(text, r.line_of("progress"), label="progress review"))
    if not working:
        working.append(ask("what is working -- nothing in the file shows it; ask the participant and the team"))
    if not not_working:
        not_working.append(ask("what is not working -- nothing in the file shows it; ask the participant and the team"))
    return ActivitiesPart(
        past=past,
        current=current,
        no_past=None if past else none_said(b.case, "components") or ask("past activities -- none recorded; ask the participant"),
        no_current=None
        if current
        else none_said(b.case, "components")
        or ask("current activity -- none recorded; which activity is the participant in?"),
        hours=tuple(shown_hours),
        no_hours=None
        if shown_hours
        else none_said(b.case, "participation")
        or ask("participation hours -- none recorded; check attendance reported"),
        reviews=shown_reviews,
        no_reviews=None if shown_reviews else ask("progress toward the goal -- no progress review recorded; ask the worker"),
        working=tuple(working),
        not_working=tuple(not_working),
    )


@dataclass(frozen=True)
class ReferralRow:
    service: Value
    date: Value
    to: Value
    note: Value


@dataclass(frozen=True)
class ReferralsPart:
    rows: tuple[ReferralRow, ...]
    none: Value | None


def _referral(r: model.Referral) -> ReferralRow:
    topic = RISK_AREAS.get(r.service)
    return ReferralRow(
        service=fact(words(r.service), r.line_of("service"), label="referral", topic=topic),
        date=fact(r.date, r.line_of("date"), label="referral", topic=topic),
        to=of(r, "to", f"where the {words(r.service)} referral went -- ask the worker", label="referral", topic=topic),
        note=of(r, "note", "", label="referral note", topic=topic),
    )


def referrals(b: Basis) -> ReferralsPart:
    rows = tuple(_referral(r) for r in sorted(queries.referrals_made(b.case, b.as_of), key=lambda r: r.date))
    none = None if rows else none_said(b.case, "referrals") or ask("referrals and resources -- none recorded; which resources are available?")
    return ReferralsPart(rows=rows, none=none)


@dataclass(frozen=True)
class ReviewRow:
    area: str
    title: str
    who: Value
    limitation: Value
    accommodations: Value
    affected: Value
    note: Value
    related: tuple[Value, ...]
    """Risk factors and referrals in the file that bear on this area."""


def _review_row(b: Basis, area: str, title: str, release: str | None, factors: tuple[str, ...], lookback_months: int | None) -> ReviewRow:
    entry = next((r for r in b.case.review_areas if r.area == area), None)
    short = title.split(" (")[0].lower()
    related: list[Value] = []
    window_start = add_months(b.meeting, -lookback_months) if lookback_months is not None else dt.date.min
    for r in _risks(b):
        if r.factor in factors and (r.resolved is None or r.resolved >= window_start):
            state = "still present" if queries.risk_active_on(r, b.as_of) or r.resolved is None else f"resolved {r.resolved.isoformat()}"
            related.append(fact(f"risk factor {words(r.factor)} noted {r.noted.isoformat()} ({state})", r.line_of("factor"), label="risk factor", topic=release))
    for ref in queries.referrals_made(b.case, b.as_of, factors):
        related.append(fact(f"referral for {words(ref.service)} on {ref.date.isoformat()}", ref.line_of("service"), label="referral", topic=release))
    if entry is None:
        source = "review the Family Assessment, eligibility and JOBS notes, and contractor feedback"
        return ReviewRow(
            area=area,
            title=title,
            who=ask(f"{short}: adult, children or both?", label="review area", topic=release),
            limitation=ask(f"was a {short} limitation or challenge present? -- {source}", label="review area", topic=release),
            accommodations=ask(f"{short}: accommodations and resources offered by the department", label="review area accommodations", topic=release),
            affected=ask(f"{short}: did it affect the participant's ability to participate?", label="review area", topic=release),
            note=Value(),
            related=tuple(related),
        )
    line = entry.line_of
    limitation = (
        ask(f"was a {short} limitation or challenge present? (the file says unknown)", label="review area", topic=release)
        if entry.limitation == "unknown"
        else fact(yes_no(entry.limitation), line("limitation"), label="review area", topic=release)
    )
    if entry.limitation == "no":
        accommodations = of(entry, "accommodations", "", label="review area accommodations", topic=release) if entry.accommodations else fact("none needed", line("limitation"), label="review area", topic=release)
        affected = (
            fact("no (no limitation)", line("limitation"), label="review area", topic=release)
            if entry.affected_participation == "unknown"
            else fact(yes_no(entry.affected_participation), line("affected_participation"), label="review area", topic=release)
        )
    else:
        accommodations = of(entry, "accommodations", f"{short}: accommodations and resources offered by the department", label="review area accommodations", topic=release)
        affected = (
            ask(f"{short}: did it affect the participant's ability to participate?", label="review area", topic=release)
            if entry.affected_participation == "unknown"
            else fact(yes_no(entry.affected_participation), line("affected_participation"), label="review area", topic=release)
        )
    return ReviewRow(
        area=area,
        title=title,
        who=of(entry, "who", f"{short}: adult, children or both?", label="review area", topic=release) if entry.limitation != "no" else Value(),
        limitation=limitation,
        accommodations=accommodations,
        affected=affected,
        note=of(entry, "note", "", label="review area note", topic=release),
        related=tuple(related),
    )


def review_areas(b: Basis) -> tuple[ReviewRow, ...]:
    """A row for each area the pack's agenda.review_areas lists, in its order."""
    return tuple(
        _review_row(b, a.area, a.title, a.release_area, tuple(a.risk_factors), a.lookback_months) for a in b.pack.review_areas
    )


@dataclass(frozen=True)
class Outstanding:
    item: Value
    requested: Value
    received: Value
    waiting: bool
    """Still missing on the as-of date."""


def outstanding(b: Basis) -> tuple[Outstanding, ...]:
    rows = []
    for o in sorted(queries.information_requested(b.case, b.as_of), key=lambda o: o.requested):
        waiting = not queries.received_by(o, b.as_of)
        rows.append(
            Outstanding(
                item=fact(o.item, o.line_of("item"), label="outstanding information"),
                requested=fact(o.requested, o.line_of("requested"), label="information requested"),
                received=Value() if waiting else fact(o.received, o.line_of("received"), label="information requested"),
                waiting=waiting,
            )
        )
    return tuple(rows)


@dataclass(frozen=True)
class SanctionPart:
    reason: Value
    proposed_on: Value
    effective_on: Value
    status: str


def sanction(b: Basis) -> SanctionPart | None:
    """The pending sanction (or disqualification) as of the as-of date; None when there is none."""
    s = queries.pending_sanction(b.case, b.as_of)
    if s is None:
        return None
    return SanctionPart(
        reason=fact(s.reason, s.line_of("reason"), label="sanction reason"),
        proposed_on=fact(s.proposed_on, s.line_of("proposed_on"), label="sanction"),
        effective_on=fact(s.effective_on, s.line_of("effective_on"), label="sanction"),
        status=s.status,
    )


@dataclass(frozen=True)
class EligibilityPart:
    month: str
    verified: Value
    eligible: bool | None


def eligibility(b: Basis) -> EligibilityPart:
    month = b.meeting.replace(day=1)
    last = queries.eligibility_check(b.case, month, b.as_of)
    label = f"{month:%B %Y}"
    if last is None:
        return EligibilityPart(
            month=label,
            verified=ask(f"SNAP eligibility for {label} -- not verified yet; verify in IES before the staffing", label="eligibility"),
            eligible=None,
        )
    word = "eligible" if last.eligible else "NOT eligible"
    return EligibilityPart(
        month=label,
        verified=fact(f"verified {last.verified_on.isoformat()}: {word}", last.line_of("verified_on"), last.line_of("eligible"), label="eligibility"),
        eligible=last.eligible,
    )


@dataclass(frozen=True)
class EmploymentPart:
    employed: bool
    employer: Value
    start: Value
    hours: Value
    wage: Value
    end: Value


def employment(b: Basis) -> EmploymentPart:
    job = b.case.employment
    if job is None or job.start > b.as_of:
        missing = ask("employment -- no current job recorded; ask the client about work and wages")
        return EmploymentPart(employed=False, employer=missing, start=Value(), hours=Value(), wage=Value(), end=Value())
    return EmploymentPart(
        employed=queries.employed_on(job, b.as_of),
        employer=fact(job.employer, job.line_of("employer"), label="employer"),
        start=fact(job.start, job.line_of("start"), label="employment"),
        hours=of(job, "hours_per_week", "usual hours per week -- ask the client", label="employment", show=hours),
        wage=of(job, "hourly_wage", "hourly wage -- ask the client", label="employment", show=lambda w: f"${w:,.2f}"),
        end=of(job, "end", "", label="employment"),
    )


@dataclass(frozen=True)
class ChildPart:
    name: Value
    age: Value
    age_years: int | None
    birth_date: Value
    special_needs: tuple[Value, ...]
    has_special_needs: bool
    placement: Value
    placement_since: Value
    relative_placement: Value
    permanency_goal: Value
    wants_adoption: Value
    siblings_together: Value
    visits: Value
    brought_forward: tuple[Value, ...]
    """Questions that apply to this child: 14 or older, siblings apart, an OPPLA goal."""


def child(b: Basis) -> ChildPart:
    c = b.case.child
    years = queries.age(c.birth_date, b.meeting) if c else None
    forward: list[Value] = []
    if c is not None and years is not None and years >= 14:
        wants = {"yes": "the child wants to be adopted", "no": "the child does NOT want to be adopted: explore other permanency options"}.get(
            c.wants_adoption or "", ""
        )
        if wants:
            text = f"The child is {years}: {wants}; do not move toward termination of parental rights unless adoption is the goal and the child agrees"
            forward.append(fact(text, c.line_of("birth_date"), c.line_of("wants_adoption"), label="child"))
        else:
            question = f"the child is {years}: does the child want to be adopted? (required before moving toward termination of parental rights)"
            forward.append(ask(question, label="child"))
    if c is not None and c.siblings_placed_together == "no":
        text = "Siblings are placed apart: what would need to occur to place them together, and are the therapeutic reasons documented?"
        forward.append(fact(text, c.line_of("siblings_placed_together"), label="child"))
    if c is not None and c.permanency_goal == "oppla":
        text = "OPPLA is the case plan goal: keep strengthening relationships and keep evaluating guardianship or adoption"
        forward.append(fact(text, c.line_of("permanency_goal"), label="child"))
    return ChildPart(
        name=of(c, "name", "the child (name, birth date, placement) -- add a child: block to the case file", label="child"),
        age=fact(str(years), c.line_of("birth_date"), label="child") if c and years is not None else Value(),
        age_years=years,
        birth_date=of(c, "birth_date", "", label="child's birth date"),
        special_needs=texts(c, "special_needs", "special needs -- none recorded; confirm (IEP, MR/DD, mental health, physical health)", label="special needs"),
        has_special_needs=bool(c and c.special_needs),
        placement=of(c, "placement", "the child's current placement -- ask the case manager", label="child"),
        placement_since=of(c, "placement_since", "", label="child"),
        relative_placement=of(c, "relative_placement", "is the child in a relative/kin placement?", label="child", show=lambda v: "yes" if v else "no"),
        permanency_goal=of(c, "permanency_goal", "the case plan goal (reunification, adoption, guardianship, OPPLA)", label="child", show=lambda g: "OPPLA" if g == "oppla" else g),
        wants_adoption=of(c, "wants_adoption", "does the child want to be adopted?", label="child", show=yes_no) if years is not None and years >= 14 else Value(),
        siblings_together=of(c, "siblings_placed_together", "are siblings placed together?", label="child", show=yes_no),
        visits=of(c, "visits_occurring", "are visits occurring?", label="child", show=yes_no),
        brought_forward=tuple(forward),
    )


@dataclass(frozen=True)
class ChecklistRow:
    item: str
    value: Value
    documented: bool


def checklist(b: Basis) -> tuple[ChecklistRow, ...]:
    """A row for each item the pack's agenda.checklist lists, in its order."""
    c = b.case.checklist
    return tuple(
        ChecklistRow(item=title, value=of(c, name, question, label="checklist"), documented=bool(getattr(c, name, None)))
        for name, title, question in ((i.field, i.item, i.ask) for i in b.pack.checklist)
    )


@dataclass(frozen=True)
class Task:
    task: Value
    owner: Value
    due: Value
    status: str
    overdue: bool
    note: Value


@dataclass(frozen=True)
class CasePlanPart:
    achieved: tuple[Task, ...]
    not_achieved: tuple[Task, ...]
    open: tuple[Task, ...]
    none: Value | None


def case_plan(b: Basis) -> CasePlanPart:
    tasks = []
    for t in sorted(b.case.case_plan_tasks, key=lambda t: t.due):
        status = "achieved" if queries.task_achieved_by(t, b.as_of) else ("not_achieved" if t.status == "not_achieved" else "open")
        tasks.append(
            Task(
                task=fact(t.task, t.line_of("task"), label="case plan task"),
                owner=of(t, "owner", "who owns this task?", label="case plan task owner and due date"),
                due=fact(t.due, t.line_of("due"), label="case plan task owner and due date"),
                status=status,
                overdue=status != "achieved" and t.due < b.meeting,
                note=of(t, "note", "", label="case plan task note"),
            )
        )
    return CasePlanPart(
        achieved=tuple(t for t in tasks if t.status == "achieved"),
        not_achieved=tuple(t for t in tasks if t.status == "not_achieved"),
        open=tuple(t for t in tasks if t.status == "open"),
        none=None if tasks else ask("case plan tasks -- none recorded; which tasks were the parents given?", label="case plan task"),
    )


@dataclass(frozen=True)
class Step:
    step: Value
    owner: Value
    due: Value
    overdue: bool
    staffing: str
    done: Value


@dataclass(frozen=True)
class PastStaffing:
    date: Value
    kind: str
    present: Value
    decision: Value


@dataclass(frozen=True)
class HistoryPart:
    last: PastStaffing | None
    open_steps: tuple[Step, ...]
    done_steps: tuple[Step, ...]
    """Steps set at the last staffing and done since: what the participant agreed to and did."""
    held: int


def history(b: Basis) -> HistoryPart:
    held = queries.staffings_held(b.case, b.as_of)
    kinds = {k.id: k.name for k in b.pack.staffing_kinds}
    last = None
    if held:
        s = held[-1]
        present = ", ".join(f"{p.role}: {p.initials}" for p in s.present)
        last = PastStaffing(
            date=fact(s.date, s.line_of("date"), label="staffing"),
            kind=kinds.get(s.kind, s.kind),
            present=fact(present, s.line_of("present"), label="staffing") if present else ask("who attended the last staffing -- not recorded"),
            decision=of(s, "decision", "", label="staffing decision"),
        )
    open_steps: list[Step] = []
    done_steps: list[Step] = []
    for s in held:
        for n in s.next_steps:
            done = queries.step_done_by(n, b.as_of)
            if done and s is not held[-1]:
                continue
            (done_steps if done else open_steps).append(
                Step(
                    step=fact(n.step, n.line_of("step"), label="next step"),
                    owner=of(n, "owner", "who owns this step?", label="next step owner and dates"),
                    due=fact(n.due, n.line_of("due"), label="next step owner and dates"),
                    overdue=not done and n.due < b.meeting,
                    staffing=s.date.isoformat(),
                    done=fact(n.done, n.line_of("done"), label="next step owner and dates") if done else Value(),
                )
            )
    return HistoryPart(last=last, open_steps=tuple(open_steps), done_steps=tuple(done_steps), held=len(held))


@dataclass(frozen=True, kw_only=True)
class PartSpec(Named):
    """An agenda part: the function that reads it from the case, and what it declares."""

    function: Callable[[Basis], Any]
    listed_in: str | None = None
    """The list in the pack's `agenda` section whose entries this part shows (review_areas,
    checklist): a pack naming the part must fill it."""


PART_SPECS: MappingProxyType[str, PartSpec] = registry(
    (
        PartSpec(function=background),
        PartSpec(function=circumstances),
        PartSpec(function=strengths),
        PartSpec(function=challenges),
        PartSpec(function=observation),
        PartSpec(function=activities),
        PartSpec(function=referrals),
        PartSpec(function=review_areas, listed_in="review_areas"),
        PartSpec(function=outstanding),
        PartSpec(function=sanction),
        PartSpec(function=eligibility),
        PartSpec(function=employment),
        PartSpec(function=child),
        PartSpec(function=checklist, listed_in="checklist"),
        PartSpec(function=case_plan),
        PartSpec(function=history),
    ),
    AGENDA_PARTS,
)
"""The agenda parts a pack's agenda.parts may name."""


# -- the team ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Invitee:
    role: str
    initials: str
    who: Value
    """Role and person ("FC: RH"), for a list of everyone invited."""
    person: Value
    """The person alone ("RH"), under a heading or in a row that already names the role."""
    organization: str
    department: bool


@dataclass(frozen=True)
class RoleRow:
    abbr: str
    title: str
    department: bool
    note: str
    release_form: str
    invited: tuple[Invitee, ...]


@dataclass(frozen=True)
class Team:
    roles: tuple[RoleRow, ...]
    invited: tuple[Invitee, ...]
    department_invited: int
    source: str
    """Where the invitations come from: the planned staffing and/or --invite."""
    nobody: Value | None
    """The question when nobody is invited yet."""


def team(case: model.Case, pack: Pack, extra: Sequence[model.Person] = ()) -> Team:
    people = []
    for p in queries.invitees(case, extra):
        role = pack.role(p.role)
        shown = " ".join(filter(None, [p.initials, f"({p.name})" if p.name else "", f"-- {p.organization}" if p.organization else ""]))
        line = p.line_of("initials")
        added = "" if line else " (from --invite)"
        who = fact(f"{p.role}: {shown}{added}", line, label="invitee")
        person = fact(f"{shown}{added}", line, label="invitee")
        people.append(
            Invitee(
                role=role.abbr if role else p.role,
                initials=p.initials,
                who=who,
                person=person,
                organization=p.organization or "",
                department=bool(role and role.department),
            )
        )
    roles = tuple(
        RoleRow(
            abbr=r.abbr,
            title=r.title,
            department=r.department,
            note=r.note or "",
            release_form=r.release_form or "",
            invited=tuple(i for i in people if i.role == r.abbr),
        )
        for r in pack.roles
    )
    sources = []
    if case.planned_staffing and case.planned_staffing.invited:
        sources.append(f"the planned staffing's invitations (line {case.planned_staffing.line_of('invited')})")
    if extra:
        sources.append("--invite")
    return Team(
        roles=roles,
        invited=tuple(people),
        department_invited=sum(1 for i in people if i.department),
        source=" and ".join(sources),
        nobody=None if people else ask("who is invited -- list them with the planned staffing in the case file, or use --invite ROLE:INITIALS", label="invitee"),
    )
