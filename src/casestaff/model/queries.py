"""What a case file says as of a day: each fact answered once, for every command.

`due`, `agenda`, `record` and `narrate` ask the same few questions of a case -- what is still
outstanding, is the customer eligible this month, which risks are active, which component is the
participant in, when was the last staffing, is a sanction pending. Answered in each command's
own words, the answers drifted apart: a component ending on the as-of day was past on the team
agenda and current on the provider agenda. Here each question has one answer, and its docstring
says which day counts and why.

Two conventions hold for every query:

- A record dated on the day is known on that day, one dated after it is not: a past morning
  replays exactly, whatever was typed into the file since.
- A date the file calls a *last day* is still inside (a component's `end`, a job's `end`: the
  participant is in the component, or at work, on it); a date the file calls the day something *stopped or arrived* is
  already past it (a risk `resolved`, an item `received`, a sanction `decided_on`).

When two records tie on the date that orders them, the later one in the file wins: lists are
written oldest first, so it is the one written last.

Pure functions of model records; this module imports nothing outside casestaff.model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Sequence
from operator import attrgetter
from typing import TypeVar

from casestaff.model import records as model
from casestaff.model.dates import age_on, months_between

_BY_DATE = attrgetter("date")
"""A staffing's or a progress review's date: the key both are sorted by, oldest first."""

R = TypeVar("R")


def _latest(records: Iterable[R], key: Callable[[R], dt.date]) -> R | None:
    """The record with the greatest key; on a tie, the one that comes later in the file."""
    best: R | None = None
    for record in records:
        if best is None or key(record) >= key(best):
            best = record
    return best


# -- outstanding information ------------------------------------------------------------------


def information_requested(case: model.Case, day: dt.date) -> list[model.OutstandingItem]:
    """Items asked for on or before `day`, in file order, received or not.

    An item requested later was not yet asked for on `day`, so it can neither hold up nor
    complete a review held then.
    """
    return [o for o in case.outstanding_info if o.requested <= day]


def received_by(item: model.OutstandingItem, day: dt.date) -> bool:
    """The item arrived on or before `day`.

    An item received after `day` was still missing on it: the date is when it arrived, so on
    that day the team has it.
    """
    return item.received is not None and item.received <= day


def information_outstanding(case: model.Case, day: dt.date) -> list[model.OutstandingItem]:
    """Items requested on or before `day` and not received by it, in file order.

    OR SSP: while information is missing the determination waits for a follow-up case review,
    so the rules, the readiness check, the agenda and the narration check all ask this one
    question.
    """
    return [o for o in information_requested(case, day) if not received_by(o, day)]


# -- SNAP eligibility -------------------------------------------------------------------------


def eligibility_check(case: model.Case, month: dt.date, as_of: dt.date) -> model.EligibilityCheck | None:
    """The verification of eligibility for the month of `month` that stands on `as_of`, or None.

    IL SNAP E&T: eligibility is verified in IES before each monthly staffing, so only a check of
    that month counts (any day of it may be given). A re-verification replaces an earlier one,
    and a check made after `as_of` was not known yet.
    """
    first = month.replace(day=1)
    return _latest(
        (e for e in case.eligibility_checks if e.month == first and e.verified_on <= as_of),
        key=lambda e: e.verified_on,
    )


# -- risk factors and referrals ---------------------------------------------------------------


def risks_noted(case: model.Case, day: dt.date) -> list[model.RiskFactor]:
    """Risk factors noted on or before `day`, in file order, whether still active or resolved.

    Past issues and how they were addressed belong on the agenda and in the narration too.
    """
    return [r for r in case.risk_factors if r.noted <= day]


def risk_active_on(risk: model.RiskFactor, day: dt.date) -> bool:
    """Noted on or before `day` and not resolved by it.

    `resolved` is the day it stopped being a concern, so on that day it is no longer one.
    """
    return risk.noted <= day and (risk.resolved is None or risk.resolved > day)


def active_risks(case: model.Case, day: dt.date, factors: Collection[str] | None = None) -> list[model.RiskFactor]:
    """Risk factors active on `day` (only those of `factors`, when given), in file order."""
    return [r for r in case.risk_factors if (factors is None or r.factor in factors) and risk_active_on(r, day)]


def referrals_made(case: model.Case, day: dt.date, services: Collection[str] | None = None) -> list[model.Referral]:
    """Referrals made on or before `day` (only for `services`, when given), in file order.

    A need with a referral made is a need the team has acted on; one dated later was not made yet.
    """
    return [r for r in case.referrals if r.date <= day and (services is None or r.service in services)]


# -- components -------------------------------------------------------------------------------


def in_component_on(component: model.Component, day: dt.date) -> bool:
    """The participant is in the component on `day`: started by it, and not ended before it.

    `end` is the component's last day, so on that day the participant is still in it -- as a
    caseworker reads "ends on the 15th", and as the 6-, 9- and 12-month benchmarks count time
    "engaged in the same component" (docs/programs.md quotes the IL SNAP E&T policy).
    """
    return component.start <= day and (component.end is None or component.end >= day)


def current_components(case: model.Case, day: dt.date) -> list[model.Component]:
    """Components the participant is in on `day`, in file order (see `in_component_on`)."""
    return [c for c in case.components if in_component_on(c, day)]


def past_components(case: model.Case, day: dt.date) -> list[model.Component]:
    """Components whose last day came before `day`, in file order: the past activities."""
    return [c for c in case.components if c.end is not None and c.end < day]


def current_component(case: model.Case, day: dt.date) -> model.Component | None:
    """The component the participant is in on `day`; of two at once, the one started last.

    A new component often starts before the old one's end is typed, and the newer one is what
    the participant is doing now.
    """
    return _latest(current_components(case, day), key=lambda c: c.start)


def months_in_component(component: model.Component, day: dt.date) -> int:
    """Whole months in the component from its start to `day`, or to its last day if that came first.

    Time after the end is not time in the component: a benchmark it ended before is never reached.
    """
    until = day if component.end is None or component.end >= day else component.end
    return max(0, months_between(component.start, until))


# -- staffings --------------------------------------------------------------------------------


def staffings_held(case: model.Case, day: dt.date, kinds: Collection[str] | None = None) -> list[model.Staffing]:
    """Staffings held on or before `day` (only those of `kinds`, when given), oldest first.

    A staffing dated after `day` had not been held yet; two on one day keep their file order.
    """
    if kinds is None:
        held = [s for s in case.staffings if s.date <= day]
    else:
        held = [s for s in case.staffings if s.date <= day and s.kind in kinds]
    if len(held) > 1:  # asked several times a case by the rules, of a case that has one staffing or none most often (issue 11)
        held.sort(key=_BY_DATE)
    return held


def latest_staffing(
    case: model.Case, day: dt.date | None = None, kinds: Collection[str] | None = None
) -> model.Staffing | None:
    """The last staffing held on or before `day` (any day when None), of `kinds` when given.

    Of two held the same day, the later one in the file: staffings are written oldest first.
    """
    best: model.Staffing | None = None
    for staffing in case.staffings:  # a loop, not _latest over a generator: asked twice a case, or more (issue 11)
        if (day is None or staffing.date <= day) and (kinds is None or staffing.kind in kinds):
            if best is None or staffing.date >= best.date:
                best = staffing
    return best


def planned_meeting(case: model.Case, day: dt.date) -> dt.date | None:
    """The date of the staffing being prepared (planned_staffing.date), when it is `day` or later.

    A planned date already past is a meeting held or missed, not one ahead: the file's staffings
    say which, so it is no longer the planned meeting.
    """
    planned = case.planned_staffing
    return planned.date if planned is not None and planned.date is not None and planned.date >= day else None


def invitees(case: model.Case, extra: Sequence[model.Person] = ()) -> list[model.Person]:
    """Who is invited to the planned staffing: its `invited` list, then those added (`--invite`).

    The agenda's team, its readiness checks and record's suggestion of who was present all read
    the same list.
    """
    planned = list(case.planned_staffing.invited) if case.planned_staffing else []
    return planned + list(extra)


# -- progress and plans -----------------------------------------------------------------------


def progress_reviews(case: model.Case, day: dt.date) -> list[model.ProgressReview]:
    """Progress reviews dated on or before `day`, oldest first (two on one day keep their file order)."""
    reviews = [r for r in case.progress_reviews if r.date <= day]
    if len(reviews) > 1:  # asked two or three times a case by the rules (issue 11)
        reviews.sort(key=_BY_DATE)
    return reviews


def latest_progress_review(case: model.Case, day: dt.date) -> model.ProgressReview | None:
    """The last progress review on or before `day`: what the team knows of progress then."""
    return _latest((r for r in case.progress_reviews if r.date <= day), key=lambda r: r.date)


def last_progress(case: model.Case, day: dt.date) -> model.ProgressReview | None:
    """The last progress review on or before `day` that recorded progress (some or good), or None.

    A review's progress is "since the last review", so progress is known from the review's date:
    the time without progress counts from it (or, when no review has recorded any, from
    enrollment).
    """
    best: model.ProgressReview | None = None
    for review in case.progress_reviews:  # a loop, as latest_staffing's (issue 11)
        if review.date <= day and review.progress != "none" and (best is None or review.date >= best.date):
            best = review
    return best


def step_done_by(step: model.NextStep, day: dt.date) -> bool:
    """The next step was marked done on or before `day`; until then it is open (only marking it done closes it)."""
    return step.done is not None and step.done <= day


def task_achieved_by(task: model.CasePlanTask, day: dt.date) -> bool:
    """The case plan task is achieved and was by `day`.

    A task marked achieved without a completion date counts as achieved on any day: the file
    does not say since when, and the worker's word stands.
    """
    return task.status == "achieved" and (task.completed is None or task.completed <= day)


def employed_on(job: model.Employment | None, day: dt.date) -> bool:
    """The job had started by `day` and had not ended before it (`end` is the last day of work)."""
    return job is not None and job.start <= day and (job.end is None or job.end >= day)


# -- sanctions --------------------------------------------------------------------------------


def sanction_pending_on(sanction: model.Sanction, day: dt.date) -> bool:
    """Proposed by `day` and not yet imposed or withdrawn on it.

    `decided_on` is the day it was decided, so from that day on it is no longer pending and the
    pre-sanction staffing is no longer due; before it a past morning still sees it pending. A
    decided sanction without `decided_on` never counts as pending: the file does not say when
    it was.
    """
    if sanction.proposed_on > day:
        return False
    return sanction.status == "pending" or (sanction.decided_on is not None and sanction.decided_on > day)


def pending_sanction(case: model.Case, day: dt.date) -> model.Sanction | None:
    """The case's sanction when it is pending on `day` (see `sanction_pending_on`), else None."""
    sanction = case.sanction
    return sanction if sanction is not None and sanction_pending_on(sanction, day) else None


def sanction_entered_on(sanction: model.Sanction) -> dt.date | None:
    """The day an imposed sanction was entered: `decided_on`; when the file does not say, the day
    it took effect (it was entered by then at the latest). None for a sanction not imposed --
    pending, or withdrawn (never entered)."""
    if sanction.status != "imposed":
        return None
    return sanction.decided_on or sanction.effective_on


def sanction_entered(case: model.Case, day: dt.date) -> model.Sanction | None:
    """The case's sanction when it was entered (imposed) on or before `day`, else None.

    LA DCFS P-380 wants the case staffing documented "prior to entering a sanction"; a sanction
    entered is one the team can no longer staff before it, only after.
    """
    sanction = case.sanction
    if sanction is None:
        return None
    entered = sanction_entered_on(sanction)
    return sanction if entered is not None and entered <= day else None


def sanction_to_decide(case: model.Case, day: dt.date) -> model.Sanction | None:
    """The sanction a staffing held on `day` comes before, or None.

    LA DCFS P-380 wants a case staffing "prior to entering a sanction", documented as such; that
    staffing is the one held once the sanction was proposed and before it was decided. A
    sanction decided on the very day of the staffing still counts -- the team meets, then the
    sanction is entered or withdrawn -- so this is pending on the day *or* decided on it. When
    the file says a sanction was decided but not when, a staffing before it took effect is taken
    to come before it: the safe side, its pre-sanction documentation is asked for. `record`
    asks its question and `narrate` checks its documentation with this one answer.
    """
    sanction = case.sanction
    if sanction is None or sanction.proposed_on > day:
        return None
    if sanction_pending_on(sanction, day) or sanction.decided_on == day:
        return sanction
    if sanction.status != "pending" and sanction.decided_on is None and sanction.effective_on >= day:
        return sanction
    return None


# -- people -----------------------------------------------------------------------------------


def age(birth_date: dt.date | None, day: dt.date) -> int | None:
    """Whole years of age on `day`, or None when the birth date is not in the file or is after
    `day` (a mistake `check` reports): never a negative age.

    Ages are those on the day of the meeting (agenda) or of the staffing (narration), so that an
    agenda printed a week early shows the age the team will see.
    """
    return age_on(birth_date, day) if birth_date is not None and birth_date <= day else None
