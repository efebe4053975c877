"""The engine around the rule functions: status as of a date, satisfaction by a later staffing,
what a flag carries, and replaying a past morning exactly."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casestaff.files.config import load_config
from casestaff.packset import load_packset
from casestaff.rules.evaluate import evaluate_case, workdays_for
from casestaff.rules.flags import status_of

from ..rule_cases.harness import (
    builtin_packs,
    case_files,
    flags_of,
    load,
    read_rule_case,
)

D = dt.date


@pytest.mark.parametrize(
    "since, due, as_of, within, status",
    [
        (D(2026, 11, 1), D(2026, 11, 11), D(2026, 11, 12), 14, "overdue"),  # the day after the due date
        (D(2026, 11, 1), D(2026, 11, 11), D(2026, 11, 11), 14, "due"),  # the due date itself
        (D(2026, 11, 1), D(2026, 11, 11), D(2026, 11, 1), 14, "due"),  # the day it began
        (D(2026, 11, 1), D(2026, 11, 11), D(2026, 10, 31), 0, None),
        (D(2026, 11, 1), D(2026, 11, 11), D(2026, 10, 18), 14, "upcoming"),  # 14 days ahead: inside
        (D(2026, 11, 1), D(2026, 11, 11), D(2026, 10, 17), 14, None),  # 15 days ahead: outside
        (D(2026, 12, 2), D(2026, 12, 2), D(2026, 12, 1), 1, "due"),  # not begun, but due inside the window
        (D(2026, 12, 2), D(2026, 12, 2), D(2026, 12, 1), 0, None),
        (D(2026, 11, 1), D(2026, 11, 24), D(2026, 11, 10), 14, "due"),  # due on the window's last day
        (D(2026, 11, 1), D(2026, 11, 25), D(2026, 11, 10), 14, "upcoming"),  # begun, due after the window: never "DUE in 15 days"
    ],
)
def test_status_as_of_a_date(since, due, as_of, within, status) -> None:
    assert status_of(since, due, as_of, within) == status


CASE = """\
case_id: LA-T-7001
program: la-step
participant: {name: Robin Testcase}
enrolled: 2026-06-01
participation:
  - {month: 2026-10, required_hours: 80, actual_hours: 40}
progress_reviews:
  - {date: 2026-10-20, progress: some}
risk_factors:
  - {factor: homelessness, noted: 2026-11-20}
sanction: {reason: No participation in October, proposed_on: 2026-11-16, effective_on: 2026-12-07}
"""


def test_a_flag_carries_everything_the_morning_list_shows() -> None:
    flags = evaluate_case(load(CASE, "cases/robin.yaml"), builtin_packs().get("la-step"), D(2026, 11, 25), 14, worker="KM")
    # the pending sanction is a hard deadline (la-step.yaml says so): first among the flags due
    assert [f.as_dict() for f in flags] == [
        {
            "case": "LA-T-7001",
            "file": "cases/robin.yaml",
            "participant": "Robin Testcase",
            "worker": "KM",
            "program": "la-step",
            "rule": "la-step.non-participation",
            "reason": "Did not participate as required without good cause in 2026-10",
            "evidence": [{"field": "participation 2026-10", "value": "40 of 80 hours, no good cause", "line": 6}],
            "since": "2026-11-01",
            "due": "2026-11-10",  # 10 days on is Veterans Day, a Louisiana holiday
            "status": "overdue",
            "hard_deadline": False,
            "citation": "LA DCFS P-380, II. Procedures",
            "local_default": [
                {"param": "min_share", "value": 1.0, "source": "local default"},
                {"param": "due_within_days", "value": 10, "source": "local default"},
            ],
        },
        {
            "case": "LA-T-7001",
            "file": "cases/robin.yaml",
            "participant": "Robin Testcase",
            "worker": "KM",
            "program": "la-step",
            "rule": "la-step.pending-sanction",
            "reason": "Sanction pending (No participation in October); staff the case before it is entered on 2026-12-07",
            "evidence": [
                {"field": "sanction.reason", "value": "No participation in October", "line": 11},
                {"field": "sanction.proposed_on", "value": "2026-11-16", "line": 11},
                {"field": "sanction.effective_on", "value": "2026-12-07", "line": 11},
            ],
            "since": "2026-11-16",
            "due": "2026-12-04",
            "status": "due",
            "hard_deadline": True,
            "citation": "LA DCFS P-380, II. Procedures, Prior to entering a sanction",
            "local_default": [{"param": "workdays_before_effective", "value": 1, "source": "local default"}],
        },
        {
            "case": "LA-T-7001",
            "file": "cases/robin.yaml",
            "participant": "Robin Testcase",
            "worker": "KM",
            "program": "la-step",
            "rule": "la-step.intensive-case-management",
            "reason": "Risk factors (homelessness) and no case staffing in 90 days (last: never): consider intensive case management",
            "evidence": [{"field": "risk factor (noted 2026-11-20)", "value": "homelessness", "line": 10}],
            "since": "2026-11-20",
            "due": "2026-11-30",
            "status": "due",
            "hard_deadline": False,
            "citation": "LA DCFS P-380, II. Procedures; Case Staffing Outline, Participant's Challenges",
            "local_default": [
                {"param": "days", "value": 90, "source": "local default"},
                {"param": "due_within_days", "value": 10, "source": "local default"},
            ],
        },
    ]


def test_a_flag_says_which_of_its_numbers_are_not_the_policys(tmp_path) -> None:
    """Local defaults and values set in casestaff.toml travel with the flag; the policy's own numbers do not."""
    flags = evaluate_case(load(CASE), builtin_packs().get("la-step"), D(2026, 11, 25), 14)
    assert {f.rule: [(v.param, v.value, v.source) for v in f.local_default] for f in flags} == {
        "la-step.non-participation": [("min_share", 1.0, "local default"), ("due_within_days", 10, "local default")],
        "la-step.intensive-case-management": [("days", 90, "local default"), ("due_within_days", 10, "local default")],
        "la-step.pending-sanction": [("workdays_before_effective", 1, "local default")],
    }
    (tmp_path / "casestaff.toml").write_text("[programs.la-step.rules.pending-sanction]\nworkdays_before_effective = 2\n", encoding="utf-8")
    packset = load_packset(load_config(tmp_path / "casestaff.toml"))
    [flag] = flags_of(load(CASE), "pending-sanction", D(2026, 11, 25), packset=packset)
    assert [(v.param, v.value, v.source) for v in flag.local_default] == [("workdays_before_effective", 2, "set in casestaff.toml")]
    assert [str(v) for v in flag.local_default] == ["workdays_before_effective=2"]


def test_the_case_worker_wins_over_the_default() -> None:
    case = load(CASE.replace("program: la-step\n", "program: la-step\nworker: TB\n"))
    flags = evaluate_case(case, builtin_packs().get("la-step"), D(2026, 11, 25), 14, worker="KM")
    assert {f.worker for f in flags} == {"TB"}


PRE_SANCTION = (
    "present: [{role: Coach, initials: KM}, {role: Supervisor, initials: LR}], all_information_discussed: true,"
    " decision: Refer to intensive case management, explanation: The housing loss is the cause"
)
"""What P-380 asks of the staffing before a sanction: held as a group, all information discussed, the decision explained."""


def test_one_staffing_satisfies_every_condition_that_began_before_it() -> None:
    staffed = CASE + f"staffings:\n  - {{date: 2026-11-24, kind: case-staffing, {PRE_SANCTION}}}\n"
    assert [f.rule for f in evaluate_case(load(staffed), builtin_packs().get("la-step"), D(2026, 11, 25), 14)] == []
    # ... but not before it was held: replaying 11-23 shows the list as it was that morning
    assert [f.rule for f in evaluate_case(load(staffed), builtin_packs().get("la-step"), D(2026, 11, 23), 14)] == [
        "la-step.non-participation",
        "la-step.pending-sanction",
        "la-step.intensive-case-management",
    ]


def test_a_staffing_satisfies_only_conditions_that_began_on_or_before_it() -> None:
    staffed = CASE + f"staffings:\n  - {{date: 2026-11-18, kind: case-staffing, {PRE_SANCTION}}}\n"
    flags = flags_of(load(staffed), "intensive-case-management", D(2026, 11, 25))
    assert flags == [], "the staffing restarts the 90 days"
    assert [f.rule for f in evaluate_case(load(staffed), builtin_packs().get("la-step"), D(2026, 11, 25), 14)] == []
    before = CASE + "staffings:\n  - {date: 2026-11-13, kind: case-staffing}\n"
    assert [f.rule for f in evaluate_case(load(before), builtin_packs().get("la-step"), D(2026, 11, 25), 14)] == [
        "la-step.pending-sanction"
    ], "a staffing before the sanction was proposed does not satisfy it"


def test_a_staffing_that_falls_short_of_the_requirements_keeps_the_flag_and_says_why() -> None:
    """The staffing held after the sanction was proposed decides on it without what P-380 asks of
    one before a sanction: it counts for nothing -- each flag it would have cleared stays, saying
    why -- until its record is complete."""
    short = CASE + "staffings:\n  - {date: 2026-11-18, kind: case-staffing, present: [{role: Coach, initials: KM}], decision: Sanction}\n"
    flags = evaluate_case(load(short), builtin_packs().get("la-step"), D(2026, 11, 25), 14)
    assert [f.rule for f in flags] == ["la-step.non-participation", "la-step.pending-sanction", "la-step.intensive-case-management"]
    for flag in (flags[0], flags[1]):
        assert flag.reason.endswith(
            "; the 2026-11-18 staffing did not count: only 1 department staff; not recorded whether all available information was discussed;"
            " the decision is not explained"
        ), flag.reason
        assert str(flag.evidence[-1]) == "case-staffing held, did not count: 2026-11-18 (line 13)"
    # the homelessness noted after it is a condition the staffing never saw
    assert flags[2].reason.endswith("(last: never): consider intensive case management")
    complete = CASE + f"staffings:\n  - {{date: 2026-11-18, kind: case-staffing, {PRE_SANCTION}}}\n"
    assert evaluate_case(load(complete), builtin_packs().get("la-step"), D(2026, 11, 25), 14) == []


def test_only_the_rules_own_kinds_satisfy_it() -> None:
    base = """\
case_id: IL-T-7001
program: il-snap-et
provider: Example Works
participant: {name: Casey Testcase}
enrolled: 2026-01-05
components:
  - {name: Job search, start: 2026-05-01}
progress_reviews:
  - {date: 2026-10-01, progress: some}
staffings:
  - {date: 2026-11-10, kind: provider-staffing}
"""
    assert [f.rule for f in evaluate_case(load(base), builtin_packs().get("il-snap-et"), D(2026, 12, 1), 14)] == [
        "il-snap-et.component-benchmark"
    ]


def test_flags_come_soonest_due_first_then_by_rule() -> None:
    """Three conditions, all due Fri 12-11 (the sanction takes effect Saturday 12-12)."""
    case = """\
case_id: OR-T-7001
program: or-ssp-reengagement
participant: {name: Jamie Testcase}
enrolled: 2026-06-01
participation:
  - {month: 2026-11, required_hours: 80, actual_hours: 0}
outstanding_info:
  - {item: Child safety check, requested: 2026-11-02, received: 2026-12-01}
sanction: {reason: Not engaging, proposed_on: 2026-12-01, effective_on: 2026-12-12}
"""
    flags = evaluate_case(load(case), builtin_packs().get("or-ssp-reengagement"), D(2026, 12, 1), 14)
    assert [(f.rule, f.due.isoformat()) for f in flags] == [
        ("or-ssp-reengagement.disqualification-pending", "2026-12-11"),
        ("or-ssp-reengagement.follow-up-review", "2026-12-11"),
        ("or-ssp-reengagement.not-engaging", "2026-12-11"),
    ]


# ---------------------------------------------------------------------------------------------
# Replaying a past morning: records dated after as-of change nothing


PAST = """\
case_id: LA-T-7002
program: la-step
participant: {name: Robin Testcase}
enrolled: 2026-06-01
participation:
  - {month: 2026-09, required_hours: 80, actual_hours: 10}
progress_reviews:
  - {date: 2026-08-01, progress: some}
risk_factors:
  - {factor: substance_use, noted: 2026-10-01}
staffings:
  - date: 2026-09-01
    kind: case-staffing
    next_steps:
      - {step: Enroll in the GED class, due: 2026-10-15}
"""

FUTURE = """\
case_id: LA-T-7002
program: la-step
participant: {name: Robin Testcase}
enrolled: 2026-06-01
participation:
  - {month: 2026-09, required_hours: 80, actual_hours: 10}
  - {month: 2026-11, required_hours: 80, actual_hours: 0}
progress_reviews:
  - {date: 2026-08-01, progress: some}
  - {date: 2026-11-10, progress: good}
risk_factors:
  - {factor: substance_use, noted: 2026-10-01, resolved: 2026-11-12}
  - {factor: homelessness, noted: 2026-11-03}
sanction: {reason: No participation, proposed_on: 2026-11-04, effective_on: 2026-12-01}
staffings:
  - date: 2026-09-01
    kind: case-staffing
    next_steps:
      - {step: Enroll in the GED class, due: 2026-10-15, done: 2026-11-05}
  - date: 2026-11-06
    kind: case-staffing
    present: [{role: Coach, initials: KM}, {role: Supervisor, initials: LR}]
    all_information_discussed: true
    decision: No sanction; refer to housing
    explanation: The missed hours follow the loss of housing
    next_steps:
      - {step: Visit the housing office, due: 2026-11-09}
"""


@pytest.mark.parametrize("as_of", [D(2026, 10, 20), D(2026, 10, 31), D(2026, 11, 1), D(2026, 11, 2)])
def test_records_dated_after_as_of_change_nothing(as_of: dt.date) -> None:
    pack = builtin_packs().get("la-step")

    def answer(text: str) -> list[tuple[str, dt.date, dt.date, str, str]]:
        return [(f.rule, f.since, f.due, f.status, f.reason) for f in evaluate_case(load(text), pack, as_of, 14)]

    assert answer(PAST) == answer(FUTURE)
    assert answer(PAST), "the past morning has something to show"


def test_the_later_records_do_count_once_their_day_comes() -> None:
    pack = builtin_packs().get("la-step")
    later = [f.rule for f in evaluate_case(load(FUTURE), pack, D(2026, 11, 10), 14)]
    assert later == ["la-step.next-steps"], "the 11-06 staffing satisfied the rest; its own step is now due"


# ---------------------------------------------------------------------------------------------
# Any morning, any window: every rule case evaluates without error and its flags are coherent
# (and every due date a rule computes is a workday of the pack's state, never before it began)

ALL_CASES = [read_rule_case(path) for path in case_files()]


@given(
    index=st.integers(min_value=0, max_value=len(ALL_CASES) - 1),
    as_of=st.dates(min_value=D(2025, 1, 1), max_value=D(2029, 12, 31)),
    within=st.integers(min_value=0, max_value=400),
)
def test_any_morning_gives_coherent_flags(index: int, as_of: dt.date, within: int) -> None:
    rule_case = ALL_CASES[index]
    case = load(rule_case.text(), str(rule_case.path))
    pack = builtin_packs().get(case.program)
    flags = evaluate_case(case, pack, as_of, within)
    rank = {"overdue": 0, "due": 1, "upcoming": 2}  # overdue first, then due, then upcoming; hard deadlines first; soonest first
    order = [(rank[f.status], not f.hard_deadline, f.due, f.rule) for f in flags]
    assert order == sorted(order)
    functions = {f"{pack.id}.{r.id}": r.function for r in pack.rules}
    workdays = workdays_for(pack.state)
    for flag in flags:
        assert flag.status == status_of(flag.since, flag.due, as_of, within)
        assert "{" not in flag.reason and "}" not in flag.reason
        assert flag.rule.startswith(pack.id + ".")
        function = functions[flag.rule]
        if function != "next_steps_past_due":  # a date the team set is kept as written
            assert workdays.is_workday(flag.due), f"{flag.rule} is due on {flag.due:%A %Y-%m-%d}, not a workday"
        if function not in ("next_steps_past_due", "staffing_before_sanction"):
            assert flag.due >= flag.since, f"{flag.rule} is due {flag.due} before it began {flag.since}"
    wider = evaluate_case(case, pack, as_of, within + 30)
    assert {(f.rule, f.since, f.due) for f in flags} <= {(f.rule, f.since, f.due) for f in wider}, (
        "a wider window only adds flags"
    )
