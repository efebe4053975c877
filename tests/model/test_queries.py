"""The as-of queries: each fact on the day before, on and after its boundary, and at month edges.

Every command answers these questions through casestaff.model.queries, so the edges tested here
are the edges `due`, `agenda`, `record` and `narrate` all keep.
"""

from __future__ import annotations

import datetime as dt

import pytest

from casestaff.model import queries
from casestaff.model import records as model

D = dt.date


def case(**fields) -> model.Case:
    return model.Case(
        case_id="Q-1",
        program="la-step",
        participant=model.Participant(name="Quinn Example"),
        enrolled=D(2026, 1, 5),
        **fields,
    )


# -- outstanding information ------------------------------------------------------------------

SAFETY = model.OutstandingItem(item="Child safety check", requested=D(2026, 2, 5), received=D(2026, 2, 20))
VISIT = model.OutstandingItem(item="Offsite visit outcome", requested=D(2026, 2, 10))


@pytest.mark.parametrize(
    "day, requested, outstanding",
    [
        (D(2026, 2, 4), [], []),  # the day before it was asked for: not yet requested
        (D(2026, 2, 5), ["Child safety check"], ["Child safety check"]),  # asked for that day
        (D(2026, 2, 19), ["Child safety check", "Offsite visit outcome"], ["Child safety check", "Offsite visit outcome"]),
        (D(2026, 2, 20), ["Child safety check", "Offsite visit outcome"], ["Offsite visit outcome"]),  # received that day
        (D(2026, 12, 31), ["Child safety check", "Offsite visit outcome"], ["Offsite visit outcome"]),  # never received
    ],
)
def test_information_outstanding_is_requested_on_or_before_and_not_received_by_the_day(day, requested, outstanding) -> None:
    c = case(outstanding_info=[SAFETY, VISIT])
    assert [o.item for o in queries.information_requested(c, day)] == requested
    assert [o.item for o in queries.information_outstanding(c, day)] == outstanding


def test_an_item_counts_as_received_from_the_day_it_arrived() -> None:
    assert not queries.received_by(SAFETY, D(2026, 2, 19))
    assert queries.received_by(SAFETY, D(2026, 2, 20))
    assert not queries.received_by(VISIT, D(2030, 1, 1))


# -- eligibility ------------------------------------------------------------------------------


def check(month: dt.date, verified: dt.date, eligible: bool = True) -> model.EligibilityCheck:
    return model.EligibilityCheck(month=month, verified_on=verified, eligible=eligible)


def test_eligibility_counts_only_a_check_of_that_month_known_by_the_as_of_day() -> None:
    november = check(D(2026, 11, 1), D(2026, 10, 30))  # verified for November late in October
    december = check(D(2026, 12, 1), D(2026, 12, 1))  # verified on the first day of the month
    c = case(eligibility_checks=[november, december])
    assert queries.eligibility_check(c, D(2026, 11, 1), D(2026, 10, 29)) is None  # not verified yet
    assert queries.eligibility_check(c, D(2026, 11, 30), D(2026, 10, 30)) is november  # any day of the month
    assert queries.eligibility_check(c, D(2026, 12, 1), D(2026, 11, 30)) is None  # December's check comes the next day
    assert queries.eligibility_check(c, D(2026, 12, 31), D(2026, 12, 1)) is december
    assert queries.eligibility_check(c, D(2027, 1, 1), D(2027, 1, 31)) is None  # a month never verified


def test_a_reverification_replaces_the_earlier_check() -> None:
    first = check(D(2026, 12, 1), D(2026, 12, 2), eligible=False)
    again = check(D(2026, 12, 1), D(2026, 12, 9))
    c = case(eligibility_checks=[again, first])  # file order does not matter across days
    assert queries.eligibility_check(c, D(2026, 12, 1), D(2026, 12, 8)) is first
    assert queries.eligibility_check(c, D(2026, 12, 1), D(2026, 12, 9)) is again


# -- risk factors -----------------------------------------------------------------------------

HOMELESS = model.RiskFactor(factor="homelessness", noted=D(2026, 3, 1), resolved=D(2026, 3, 31))
DV = model.RiskFactor(factor="domestic_violence", noted=D(2026, 3, 31))


@pytest.mark.parametrize(
    "day, active",
    [
        (D(2026, 2, 28), []),
        (D(2026, 3, 1), ["homelessness"]),  # noted that day
        (D(2026, 3, 30), ["homelessness"]),  # the last day it is a concern
        (D(2026, 3, 31), ["domestic_violence"]),  # resolved that day; the other noted that day
        (D(2026, 4, 1), ["domestic_violence"]),
    ],
)
def test_a_risk_is_active_from_the_day_noted_until_the_day_resolved(day, active) -> None:
    c = case(risk_factors=[HOMELESS, DV])
    assert [r.factor for r in queries.active_risks(c, day)] == active
    assert [r.factor for r in queries.risks_noted(c, day)] == [r.factor for r in (HOMELESS, DV) if r.noted <= day]


def test_active_risks_can_be_limited_to_some_factors() -> None:
    c = case(risk_factors=[HOMELESS, DV])
    assert queries.active_risks(c, D(2026, 3, 15), ["domestic_violence", "substance_use"]) == []
    assert queries.active_risks(c, D(2026, 4, 1), ["domestic_violence"]) == [DV]
    assert queries.active_risks(c, D(2026, 4, 1), []) == []


def test_referrals_made_on_or_before_the_day_optionally_for_some_services() -> None:
    counseling = model.Referral(service="mental_health", date=D(2026, 4, 30))
    shelter = model.Referral(service="homelessness", date=D(2026, 5, 1))
    c = case(referrals=[shelter, counseling])
    assert queries.referrals_made(c, D(2026, 4, 29)) == []
    assert queries.referrals_made(c, D(2026, 4, 30)) == [counseling]  # the last day of the month
    assert queries.referrals_made(c, D(2026, 5, 1)) == [shelter, counseling]  # file order
    assert queries.referrals_made(c, D(2026, 5, 1), ["homelessness"]) == [shelter]


# -- components -------------------------------------------------------------------------------

JOB_SEARCH = model.Component(name="Job search", start=D(2026, 1, 5), end=D(2026, 3, 31))
TRAINING = model.Component(name="Training", start=D(2026, 3, 31))


@pytest.mark.parametrize(
    "day, current, past",
    [
        (D(2026, 1, 4), [], []),  # before the first start
        (D(2026, 1, 5), ["Job search"], []),  # the first day
        (D(2026, 3, 30), ["Job search"], []),
        (D(2026, 3, 31), ["Job search", "Training"], []),  # job search's last day, training's first
        (D(2026, 4, 1), ["Training"], ["Job search"]),  # the day after the last day: past
    ],
)
def test_a_component_is_current_through_its_last_day(day, current, past) -> None:
    c = case(components=[JOB_SEARCH, TRAINING])
    assert [x.name for x in queries.current_components(c, day)] == current
    assert [x.name for x in queries.past_components(c, day)] == past


def test_the_current_component_is_the_one_started_last() -> None:
    c = case(components=[JOB_SEARCH, TRAINING])
    assert queries.current_component(c, D(2026, 1, 4)) is None
    assert queries.current_component(c, D(2026, 3, 30)) is JOB_SEARCH
    assert queries.current_component(c, D(2026, 3, 31)) is TRAINING
    same_day = model.Component(name="Work experience", start=D(2026, 3, 31))
    assert queries.current_component(case(components=[TRAINING, same_day]), D(2026, 4, 1)) is same_day


@pytest.mark.parametrize(
    "component, day, months",
    [
        (model.Component(name="a", start=D(2026, 8, 31)), D(2027, 2, 27), 5),
        (model.Component(name="a", start=D(2026, 8, 31)), D(2027, 2, 28), 6),  # as add_months reaches 6 months
        (model.Component(name="a", start=D(2026, 1, 1)), D(2026, 1, 31), 0),  # the last day of the first month
        (model.Component(name="a", start=D(2026, 1, 1)), D(2026, 2, 1), 1),  # the first day of the next
        (model.Component(name="a", start=D(2026, 1, 1), end=D(2026, 6, 30)), D(2026, 12, 31), 5),  # stops at the end
        (model.Component(name="a", start=D(2026, 1, 1), end=D(2026, 7, 1)), D(2026, 7, 1), 6),  # the end day counts
        (model.Component(name="a", start=D(2026, 5, 1)), D(2026, 4, 30), 0),  # not started yet
    ],
)
def test_months_in_a_component_stop_at_its_last_day(component, day, months) -> None:
    assert queries.months_in_component(component, day) == months


# -- staffings --------------------------------------------------------------------------------


def staffing(day: dt.date, kind: str = "case-staffing", title: str | None = None) -> model.Staffing:
    return model.Staffing(date=day, kind=kind, title=title)


def test_staffings_held_are_those_on_or_before_the_day_oldest_first() -> None:
    later = staffing(D(2026, 3, 1))
    first = staffing(D(2026, 2, 1), "follow-up")
    c = case(staffings=[later, first])
    assert queries.staffings_held(c, D(2026, 1, 31)) == []
    assert queries.staffings_held(c, D(2026, 2, 1)) == [first]  # held that day
    assert queries.staffings_held(c, D(2026, 3, 1)) == [first, later]
    assert queries.staffings_held(c, D(2026, 3, 1), ["follow-up"]) == [first]


def test_the_latest_staffing_on_or_before_a_day_optionally_of_some_kinds() -> None:
    review = staffing(D(2026, 2, 28), "follow-up")
    meeting = staffing(D(2026, 3, 1))
    c = case(staffings=[review, meeting])
    assert queries.latest_staffing(c, D(2026, 2, 27)) is None
    assert queries.latest_staffing(c, D(2026, 2, 28)) is review  # the last day of the month
    assert queries.latest_staffing(c, D(2026, 3, 1)) is meeting  # the first day of the next
    assert queries.latest_staffing(c, D(2026, 3, 1), ["follow-up"]) is review
    assert queries.latest_staffing(c, D(2026, 3, 1), ["other"]) is None
    assert queries.latest_staffing(c) is meeting  # whatever the file holds


def test_of_two_staffings_on_one_day_the_later_entry_is_the_latest() -> None:
    morning = staffing(D(2026, 3, 1), title="morning")
    afternoon = staffing(D(2026, 3, 1), title="afternoon")
    c = case(staffings=[morning, afternoon])
    assert queries.latest_staffing(c, D(2026, 3, 1)) is afternoon
    assert queries.staffings_held(c, D(2026, 3, 1)) == [morning, afternoon]


def test_invitees_are_the_planned_staffings_then_those_added() -> None:
    coach = model.Person(role="Coach", initials="KM")
    partner = model.Person(role="Partner", initials="AK", organization="Example Rapid Rehousing")
    assert queries.invitees(case()) == []
    assert queries.invitees(case(), [partner]) == [partner]
    planned = model.PlannedStaffing(date=D(2026, 3, 1), invited=[coach])
    assert queries.invitees(case(planned_staffing=planned), [partner]) == [coach, partner]


# -- sanctions --------------------------------------------------------------------------------


def sanction(status: str = "pending", decided_on: dt.date | None = None) -> model.Sanction:
    return model.Sanction(
        reason="No participation", proposed_on=D(2026, 11, 2), effective_on=D(2026, 12, 1), status=status, decided_on=decided_on
    )


@pytest.mark.parametrize(
    "s, day, pending",
    [
        (sanction(), D(2026, 11, 1), False),  # not proposed yet
        (sanction(), D(2026, 11, 2), True),  # proposed that day
        (sanction(), D(2026, 12, 31), True),  # pending past its effective day until decided
        (sanction("withdrawn", D(2026, 11, 20)), D(2026, 11, 19), True),  # a past morning replays
        (sanction("withdrawn", D(2026, 11, 20)), D(2026, 11, 20), False),  # decided that day
        (sanction("imposed"), D(2026, 11, 2), False),  # decided, the file does not say when
    ],
)
def test_a_sanction_is_pending_from_its_proposal_until_the_day_it_is_decided(s, day, pending) -> None:
    assert queries.sanction_pending_on(s, day) is pending
    assert (queries.pending_sanction(case(sanction=s), day) is s) is pending


def test_no_sanction_is_never_pending() -> None:
    assert queries.pending_sanction(case(), D(2026, 11, 2)) is None


@pytest.mark.parametrize(
    "s, day, precedes",
    [
        (sanction(), D(2026, 11, 1), False),  # a staffing before the proposal
        (sanction(), D(2026, 11, 2), True),  # on the day it was proposed
        (sanction(), D(2026, 12, 2), True),  # still pending after its effective day
        (sanction("withdrawn", D(2026, 11, 20)), D(2026, 11, 19), True),
        (sanction("withdrawn", D(2026, 11, 20)), D(2026, 11, 20), True),  # the team met, then withdrew it
        (sanction("withdrawn", D(2026, 11, 20)), D(2026, 11, 21), False),  # decided before the staffing
        (sanction("imposed"), D(2026, 12, 1), True),  # decided, date unknown: up to its effective day ...
        (sanction("imposed"), D(2026, 12, 2), False),  # ... and not after
    ],
)
def test_a_staffing_comes_before_a_sanction_from_its_proposal_through_the_day_it_is_decided(s, day, precedes) -> None:
    assert (queries.sanction_to_decide(case(sanction=s), day) is s) is precedes
    assert queries.sanction_to_decide(case(), day) is None


# -- ages -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "born, day, years",
    [
        (D(2012, 6, 15), D(2026, 6, 14), 13),  # the day before the birthday
        (D(2012, 6, 15), D(2026, 6, 15), 14),  # on the birthday
        (D(2008, 2, 29), D(2026, 2, 28), 18),  # a Feb 29 birthday comes round on the month's last day
        (D(2008, 2, 29), D(2026, 3, 1), 18),
        (D(2000, 1, 1), D(2025, 12, 31), 25),  # the last day of the year
        (None, D(2026, 1, 1), None),  # no birth date in the file
    ],
)
def test_age_on_a_day(born, day, years) -> None:
    assert queries.age(born, day) == years


# -- progress and plans -----------------------------------------------------------------------


def test_progress_reviews_by_a_day_oldest_first_and_the_latest_of_two_on_one_day() -> None:
    none = model.ProgressReview(date=D(2026, 2, 28), progress="none")
    some = model.ProgressReview(date=D(2026, 2, 28), progress="some")
    march = model.ProgressReview(date=D(2026, 3, 1), progress="good")
    c = case(progress_reviews=[march, none, some])
    assert queries.progress_reviews(c, D(2026, 2, 27)) == []
    assert queries.progress_reviews(c, D(2026, 2, 28)) == [none, some]  # the last day of the month
    assert queries.progress_reviews(c, D(2026, 3, 1)) == [none, some, march]
    assert queries.latest_progress_review(c, D(2026, 2, 27)) is None
    assert queries.latest_progress_review(c, D(2026, 2, 28)) is some
    assert queries.latest_progress_review(c, D(2026, 3, 1)) is march


def test_last_progress_is_the_last_review_that_recorded_some_and_is_known_by_the_day() -> None:
    some = model.ProgressReview(date=D(2026, 2, 10), progress="some")
    good = model.ProgressReview(date=D(2026, 2, 10), progress="good")
    none = model.ProgressReview(date=D(2026, 3, 10), progress="none")
    april = model.ProgressReview(date=D(2026, 4, 10), progress="some")
    c = case(progress_reviews=[april, some, good, none])
    assert queries.last_progress(c, D(2026, 2, 9)) is None
    assert queries.last_progress(c, D(2026, 2, 10)) is good  # of two on one day, the later entry
    assert queries.last_progress(c, D(2026, 4, 9)) is good  # a review of no progress is not progress
    assert queries.last_progress(c, D(2026, 4, 10)) is april


def test_a_step_is_done_from_the_day_it_is_marked_done() -> None:
    step = model.NextStep(step="Call the housing authority", due=D(2026, 3, 1), done=D(2026, 3, 31))
    assert not queries.step_done_by(step, D(2026, 3, 30))
    assert queries.step_done_by(step, D(2026, 3, 31))
    assert not queries.step_done_by(model.NextStep(step="Open", due=D(2026, 3, 1)), D(2030, 1, 1))


@pytest.mark.parametrize(
    "status, completed, day, achieved",
    [
        ("achieved", D(2026, 4, 1), D(2026, 3, 31), False),  # achieved the next day
        ("achieved", D(2026, 4, 1), D(2026, 4, 1), True),
        ("achieved", None, D(2026, 1, 1), True),  # no date: the worker's word stands
        ("not_achieved", None, D(2026, 4, 1), False),
        ("open", D(2026, 4, 1), D(2026, 4, 1), False),
    ],
)
def test_a_task_is_achieved_from_its_completion_day(status, completed, day, achieved) -> None:
    task = model.CasePlanTask(task="Parenting class", due=D(2026, 3, 1), status=status, completed=completed)
    assert queries.task_achieved_by(task, day) is achieved


@pytest.mark.parametrize(
    "day, employed",
    [
        (D(2026, 1, 31), False),  # the day before the first day of work
        (D(2026, 2, 1), True),
        (D(2026, 6, 30), True),  # the last day of work
        (D(2026, 7, 1), False),
    ],
)
def test_employed_from_the_first_through_the_last_day_of_work(day, employed) -> None:
    job = model.Employment(employer="Example Grocers", start=D(2026, 2, 1), end=D(2026, 6, 30))
    assert queries.employed_on(job, day) is employed
    assert queries.employed_on(None, day) is False
