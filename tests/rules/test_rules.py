"""Each rule function: when it fires, when it must not, and what a later staffing does to it.

The cases are run through the built-in packs (`evaluate_case`), so each test checks the answer a
caseworker sees: since, due date and status, and the reason in the pack's words.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casestaff.files.config import load_config
from casestaff.model.pack import PackSet
from casestaff.packset import load_packset

from ..rule_cases.harness import flags_of, load

D = dt.date


def seen(text: str, rule: str, as_of: dt.date, within: int = 14, packset: PackSet | None = None) -> list[tuple[str, str, str]]:
    """(since, due, status) of each flag one rule raises for a case written as YAML."""
    flags = flags_of(load(text, packset=packset), rule, as_of, within, packset=packset)
    return [(f.since.isoformat(), f.due.isoformat(), f.status) for f in flags]


def packs_with(tmp_path: Path, toml: str) -> PackSet:
    """The built-in packs as a casestaff.toml with these lines changes them."""
    path = tmp_path / "casestaff.toml"
    path.write_text(toml, encoding="utf-8")
    return load_packset(load_config(path))


def reasons(text: str, rule: str, as_of: dt.date, within: int = 14) -> list[str]:
    return [f.reason for f in flags_of(load(text), rule, as_of, within)]


LA = """\
case_id: LA-T-1
program: la-step
participant: {name: Robin Testcase}
enrolled: 2026-06-01
"""

IL = """\
case_id: IL-T-1
program: il-snap-et
provider: Example Works
participant: {name: Casey Testcase}
enrolled: 2026-01-05
"""

OR_RE = """\
case_id: OR-T-1
program: or-ssp-reengagement
participant: {name: Jamie Testcase}
enrolled: 2026-06-01
"""

FC = """\
case_id: FC-T-1
program: fc-reintegration
participant: {name: Morgan Testcase}
enrolled: 2026-03-02
"""

OR_CM = """\
case_id: OR-CM-T-1
program: or-ssp-case-management
participant: {name: Alex Testcase}
enrolled: 2026-06-01
"""


# ---------------------------------------------------------------------------------------------
# no_progress_for_days (la-step no-progress: 60 days, due 10 days later)


def test_no_progress_counts_from_the_last_review_with_progress() -> None:
    case = LA + """\
progress_reviews:
  - {date: 2026-08-01, progress: none}
  - {date: 2026-09-01, progress: some}
  - {date: 2026-10-01, progress: none}
"""
    assert seen(case, "no-progress", D(2026, 11, 1)) == [("2026-10-31", "2026-11-10", "due")]
    flag = flags_of(load(case), "no-progress", D(2026, 11, 1))[0]
    assert [str(e) for e in flag.evidence] == [
        "last progress review: 2026-09-01: some (line 7)",
        "progress review: 2026-10-01: none (line 8)",
    ]


def test_no_progress_window_edges() -> None:
    case = LA + "progress_reviews:\n  - {date: 2026-10-01, progress: good}\n"
    # the condition begins 11-30 (60 days on); it comes into view 14 days before
    assert seen(case, "no-progress", D(2026, 11, 15)) == []
    assert seen(case, "no-progress", D(2026, 11, 16)) == [("2026-11-30", "2026-12-10", "upcoming")]
    assert seen(case, "no-progress", D(2026, 11, 16), within=0) == []
    assert seen(case, "no-progress", D(2026, 11, 30), within=0) == [("2026-11-30", "2026-12-10", "upcoming")]
    assert seen(case, "no-progress", D(2026, 12, 10)) == [("2026-11-30", "2026-12-10", "due")]
    assert seen(case, "no-progress", D(2026, 12, 11)) == [("2026-11-30", "2026-12-10", "overdue")]


def test_no_progress_a_staffing_before_the_condition_does_not_satisfy_it() -> None:
    case = LA.replace("2026-06-01", "2026-09-01") + "staffings:\n  - {date: 2026-10-20, kind: case-staffing}\n"
    assert seen(case, "no-progress", D(2026, 11, 5)) == [("2026-10-31", "2026-11-10", "due")]


def test_no_progress_a_staffing_after_it_began_restarts_the_clock() -> None:
    case = LA.replace("2026-06-01", "2026-09-01") + "staffings:\n  - {date: 2026-11-03, kind: case-staffing}\n"
    assert seen(case, "no-progress", D(2026, 12, 1)) == []
    assert seen(case, "no-progress", D(2027, 1, 2)) == [("2027-01-02", "2027-01-12", "due")]
    assert reasons(case, "no-progress", D(2027, 1, 2)) == [
        "No progress toward the goal recorded for 60 days (last progress: none since enrollment on 2026-09-01)"
    ]


def test_no_progress_a_staffing_after_as_of_is_not_known_yet() -> None:
    case = LA.replace("2026-06-01", "2026-09-01") + "staffings:\n  - {date: 2026-11-03, kind: case-staffing}\n"
    assert seen(case, "no-progress", D(2026, 11, 2)) == [("2026-10-31", "2026-11-10", "due")]


# ---------------------------------------------------------------------------------------------
# participation_shortfall (la-step non-participation: under 100%; il-snap-et poor-engagement:
# under 50%; or-ssp-reengagement not-engaging: under 100%)


def test_a_short_month_counts_once_it_is_over() -> None:
    # 10 days after 11-01 is Wednesday 11-11, Veterans Day in Louisiana: due Tuesday 11-10
    case = LA + "participation:\n  - {month: 2026-10, required_hours: 80, actual_hours: 60}\n"
    assert seen(case, "non-participation", D(2026, 10, 31)) == []
    assert seen(case, "non-participation", D(2026, 11, 1)) == [("2026-11-01", "2026-11-10", "due")]
    assert seen(case, "non-participation", D(2026, 11, 10)) == [("2026-11-01", "2026-11-10", "due")]
    assert seen(case, "non-participation", D(2026, 11, 11)) == [("2026-11-01", "2026-11-10", "overdue")]


def test_a_february_shortfall_in_a_leap_year_begins_on_march_first() -> None:
    case = LA.replace("2026-06-01", "2027-06-01") + "participation:\n  - {month: 2028-02, required_hours: 80, actual_hours: 0}\n"
    assert seen(case, "non-participation", D(2028, 2, 29)) == []
    # 10 days on is Saturday 2028-03-11: due Friday 03-10
    assert seen(case, "non-participation", D(2028, 3, 1)) == [("2028-03-01", "2028-03-10", "due")]


def test_a_month_with_no_requirement_is_not_a_shortfall() -> None:
    case = LA + "participation:\n  - {month: 2026-10, required_hours: 0, actual_hours: 0}\n"
    assert seen(case, "non-participation", D(2026, 11, 5)) == []


def test_a_staffing_between_two_short_months_satisfies_only_the_first() -> None:
    case = LA + """\
participation:
  - {month: 2026-08, required_hours: 80, actual_hours: 10}
  - {month: 2026-09, required_hours: 80, actual_hours: 80}
  - {month: 2026-10, required_hours: 80, actual_hours: 20}
staffings:
  - {date: 2026-09-10, kind: case-staffing}
"""
    assert seen(case, "non-participation", D(2026, 11, 5)) == [("2026-11-01", "2026-11-10", "due")]  # 11-11: Veterans Day
    assert reasons(case, "non-participation", D(2026, 11, 5)) == ["Did not participate as required without good cause in 2026-10"]
    assert seen(case, "non-participation", D(2026, 9, 5)) == [("2026-09-01", "2026-09-11", "due")]


def test_poor_engagement_threshold_is_the_packs() -> None:
    def month(actual: float) -> str:
        return IL + f"participation:\n  - {{month: 2026-10, required_hours: 80, actual_hours: {actual}}}\n"

    assert seen(month(39.9), "poor-engagement", D(2026, 11, 2)) == [("2026-11-01", "2026-12-01", "upcoming")]
    assert seen(month(40), "poor-engagement", D(2026, 11, 2)) == []
    # under the full requirement is la-step's and Oregon's threshold, not Illinois's
    # (due Tuesday 11-10: Wednesday 11-11 is Veterans Day in Oregon too)
    assert seen(OR_RE + "participation:\n  - {month: 2026-10, required_hours: 80, actual_hours: 79}\n", "not-engaging", D(2026, 11, 2)) == [
        ("2026-11-01", "2026-11-10", "due")
    ]


def test_a_customer_staffing_satisfies_poor_engagement_a_provider_staffing_does_not() -> None:
    case = IL + "participation:\n  - {month: 2026-10, required_hours: 80, actual_hours: 0}\nstaffings:\n  - {date: 2026-11-20, kind: provider-staffing}\n"
    assert seen(case, "poor-engagement", D(2026, 12, 1)) == [("2026-11-01", "2026-12-01", "due")]
    assert seen(case.replace("provider-staffing", "customer-staffing"), "poor-engagement", D(2026, 12, 1)) == []


# ---------------------------------------------------------------------------------------------
# staffing_before_sanction: due `workdays_before_effective` workdays before the sanction takes
# effect (1 in la-step and or-ssp-reengagement: the last workday before it)


def sanction(proposed: str, effective: str, program: str = LA, status: str = "pending") -> str:
    return program + f"sanction: {{reason: No participation, proposed_on: {proposed}, effective_on: {effective}, status: {status}}}\n"


def test_sanction_effective_on_a_monday_is_staffed_by_the_friday_before() -> None:
    assert seen(sanction("2026-11-16", "2026-12-07"), "pending-sanction", D(2026, 12, 1)) == [("2026-11-16", "2026-12-04", "due")]


def test_sanction_effective_on_a_tuesday_is_staffed_by_the_monday() -> None:
    assert seen(sanction("2026-11-16", "2026-12-08"), "pending-sanction", D(2026, 12, 1)) == [("2026-11-16", "2026-12-07", "due")]


def test_sanction_effective_right_after_a_louisiana_holiday() -> None:
    # Tue 2027-01-19, after Martin Luther King Jr. Day (Mon 01-18): due Friday 01-15
    assert seen(sanction("2027-01-04", "2027-01-19"), "pending-sanction", D(2027, 1, 5)) == [("2027-01-04", "2027-01-15", "due")]
    # Wed 2027-02-10, after Mardi Gras (Tue 02-09), a Louisiana holiday: due Monday 02-08
    assert seen(sanction("2027-01-20", "2027-02-10"), "pending-sanction", D(2027, 2, 1)) == [("2027-01-20", "2027-02-08", "due")]
    # Wed 2026-11-04, after Election Day (Tue 11-03), a Louisiana holiday: due Monday 11-02
    assert seen(sanction("2026-10-20", "2026-11-04"), "pending-sanction", D(2026, 11, 1)) == [("2026-10-20", "2026-11-02", "due")]


def test_sanction_due_date_itself_is_due_and_the_day_after_overdue() -> None:
    case = sanction("2026-11-16", "2026-12-07")
    assert seen(case, "pending-sanction", D(2026, 12, 4)) == [("2026-11-16", "2026-12-04", "due")]
    assert seen(case, "pending-sanction", D(2026, 12, 5)) == [("2026-11-16", "2026-12-04", "overdue")]


def test_sanction_staffing_must_come_after_the_proposal() -> None:
    documented = (
        "present: [{role: Coach, initials: KM}, {role: Supervisor, initials: LR}], all_information_discussed: true,"
        " decision: No sanction, explanation: Good cause found"
    )
    case = sanction("2026-11-16", "2026-12-07") + f"staffings:\n  - {{date: 2026-11-13, kind: case-staffing, {documented}}}\n"
    assert seen(case, "pending-sanction", D(2026, 12, 1)) == [("2026-11-16", "2026-12-04", "due")]
    assert seen(case.replace("2026-11-13", "2026-11-16"), "pending-sanction", D(2026, 12, 1)) == []


def test_only_a_pending_sanction_wants_a_staffing() -> None:
    for status in ("imposed", "withdrawn"):
        assert seen(sanction("2026-11-16", "2026-12-07", status=status), "pending-sanction", D(2026, 12, 1)) == []


def test_oregon_disqualification_uses_oregon_holidays() -> None:
    # Fri 2026-11-27, the day after Thanksgiving: Oregon's review is due Wednesday 11-25
    assert seen(sanction("2026-11-09", "2026-11-27", OR_RE), "disqualification-pending", D(2026, 11, 20)) == [
        ("2026-11-09", "2026-11-25", "due")
    ]


def test_workdays_before_effective_counts_workdays_back_over_a_weekend(tmp_path: Path) -> None:
    two = packs_with(tmp_path, "[programs.la-step.rules.pending-sanction]\nworkdays_before_effective = 2\n")
    # Effective Monday 12-07: one workday before is Friday 12-04, two is Thursday 12-03
    # (counting calendar days, two before would have been Saturday 12-05, moved to Friday).
    assert seen(sanction("2026-11-16", "2026-12-07"), "pending-sanction", D(2026, 12, 1), packset=two) == [
        ("2026-11-16", "2026-12-03", "due")
    ]
    # Effective Friday 11-27: Thanksgiving (Thu 11-26) is not a workday -- Wed 11-25, then Tue 11-24
    assert seen(sanction("2026-11-09", "2026-11-27"), "pending-sanction", D(2026, 11, 20), packset=two) == [
        ("2026-11-09", "2026-11-24", "due")
    ]


def test_zero_workdays_before_effective_is_the_last_workday_on_or_before_it(tmp_path: Path) -> None:
    zero = packs_with(tmp_path, "[programs.la-step.rules.pending-sanction]\nworkdays_before_effective = 0\n")
    # Effective Saturday 12-12: by Friday 12-11; effective Tuesday 12-08: that day itself
    assert seen(sanction("2026-11-16", "2026-12-12"), "pending-sanction", D(2026, 12, 1), packset=zero) == [
        ("2026-11-16", "2026-12-11", "due")
    ]
    assert seen(sanction("2026-11-16", "2026-12-08"), "pending-sanction", D(2026, 12, 1), packset=zero) == [
        ("2026-11-16", "2026-12-08", "due")
    ]


# ---------------------------------------------------------------------------------------------
# risk_without_staffing (la-step intensive-case-management: 90 days, due 10 days later)


def test_risk_noted_after_as_of_is_not_known_yet() -> None:
    case = LA + "risk_factors:\n  - {factor: substance_use, noted: 2026-12-02}\n"
    assert seen(case, "intensive-case-management", D(2026, 12, 1)) == []
    assert seen(case, "intensive-case-management", D(2026, 12, 2)) == [("2026-12-02", "2026-12-11", "due")]  # 12-12 is a Saturday


def test_risk_resolved_after_as_of_was_still_there() -> None:
    case = LA + "risk_factors:\n  - {factor: homelessness, noted: 2026-11-01, resolved: 2026-12-15}\n"
    assert seen(case, "intensive-case-management", D(2026, 12, 1)) == [("2026-11-01", "2026-11-10", "overdue")]  # 11-11: Veterans Day
    assert seen(case, "intensive-case-management", D(2026, 12, 15)) == []


def test_risk_comes_back_into_view_90_days_after_the_last_staffing() -> None:
    case = LA + "risk_factors:\n  - {factor: domestic_violence, noted: 2026-09-01}\nstaffings:\n  - {date: 2026-09-10, kind: case-staffing}\n"
    assert seen(case, "intensive-case-management", D(2026, 11, 24)) == []
    assert seen(case, "intensive-case-management", D(2026, 11, 25)) == [("2026-12-09", "2026-12-18", "upcoming")]  # 12-19 is a Saturday
    assert reasons(case, "intensive-case-management", D(2026, 12, 9)) == [
        "Risk factors (domestic violence) and no case staffing in 90 days (last: 2026-09-10): consider intensive case management"
    ]


# ---------------------------------------------------------------------------------------------
# months_in_component (il-snap-et component-benchmark: 6, 9 and 12 months)


def component(start: str, end: str | None = None, staffings: tuple[str, ...] = ()) -> str:
    text = IL.replace("2026-01-05", "2025-01-06") + f"components:\n  - {{name: Job search, start: {start}"
    text += f", end: {end}}}\n" if end else "}\n"
    if staffings:
        text += "staffings:\n" + "".join(f"  - {{date: {d}, kind: customer-staffing}}\n" for d in staffings)
    return text


def test_each_benchmark_is_its_own_flag_reviewed_in_its_months_cycle() -> None:
    # 6, 9 and 12 months from 03-02: September, December and March, each due by its last workday
    assert seen(component("2026-03-02"), "component-benchmark", D(2027, 3, 2), within=0) == [
        ("2026-09-01", "2026-09-30", "overdue"),
        ("2026-12-01", "2026-12-31", "overdue"),
        ("2027-03-01", "2027-03-31", "upcoming"),
    ]
    assert reasons(component("2026-03-02"), "component-benchmark", D(2027, 3, 2)) == [
        f"{n} months in the same component (Job search) reached {d}: mandatory customer staffing in the {d[:7]} monthly cycle"
        for n, d in ((6, "2026-09-02"), (9, "2026-12-02"), (12, "2027-03-02"))
    ]


def test_a_benchmark_is_due_from_the_first_day_of_its_month() -> None:
    """The month's 4333 marks the customer, so the benchmark is due from the first of the month."""
    case = component("2026-06-22")  # 6 months on 12-22
    assert seen(case, "component-benchmark", D(2026, 11, 30), within=0) == []
    assert seen(case, "component-benchmark", D(2026, 11, 30), within=1) == [("2026-12-01", "2026-12-31", "upcoming")]
    assert seen(case, "component-benchmark", D(2026, 12, 1), within=0) == [("2026-12-01", "2026-12-31", "upcoming")]
    assert seen(case, "component-benchmark", D(2026, 12, 31)) == [("2026-12-01", "2026-12-31", "due")]
    assert seen(case, "component-benchmark", D(2027, 1, 1)) == [("2026-12-01", "2026-12-31", "overdue")]


def test_a_customer_staffing_held_in_the_benchmarks_month_counts_even_before_the_benchmark() -> None:
    """The December provider cycle reviews a benchmark reached 12-22: a customer staffing held with
    it on 12-17 counts; one held on the last day of November does not."""
    assert seen(component("2026-06-22", staffings=("2026-12-17",)), "component-benchmark", D(2027, 1, 4)) == []
    assert seen(component("2026-06-22", staffings=("2026-12-01",)), "component-benchmark", D(2027, 1, 4)) == []
    assert seen(component("2026-06-22", staffings=("2026-11-30",)), "component-benchmark", D(2027, 1, 4)) == [
        ("2026-12-01", "2026-12-31", "overdue")
    ]


def test_a_staffing_between_6_and_9_months_satisfies_6_but_not_9() -> None:
    case = component("2026-03-02", staffings=("2026-10-15",))
    assert seen(case, "component-benchmark", D(2027, 3, 2)) == [
        ("2026-12-01", "2026-12-31", "overdue"),
        ("2027-03-01", "2027-03-31", "upcoming"),
    ]


def test_a_staffing_after_12_months_satisfies_every_benchmark() -> None:
    assert seen(component("2026-03-02", staffings=("2027-03-02",)), "component-benchmark", D(2027, 3, 10)) == []


def test_benchmarks_from_the_31st_land_on_month_ends() -> None:
    # 2026-08-31: 6 months on 2027-02-28, 9 on 2027-05-31, 12 on 2027-08-31
    assert [r for _, _, r in flags_facts(component("2026-08-31"), D(2027, 8, 31))] == ["2027-02-28", "2027-05-31", "2027-08-31"]
    # 2027-08-31: 6 months on the leap day 2028-02-29, reviewed in February 2028
    leap = component("2027-08-31").replace("2025-01-06", "2027-08-02")
    assert seen(leap, "component-benchmark", D(2028, 1, 31), within=0) == []
    assert seen(leap, "component-benchmark", D(2028, 2, 1)) == [("2028-02-01", "2028-02-29", "upcoming")]
    assert seen(leap, "component-benchmark", D(2028, 3, 1)) == [("2028-02-01", "2028-02-29", "overdue")]


def test_the_last_workday_of_the_month_skips_weekends_and_illinois_holidays() -> None:
    # 2027-02-28 is a Sunday: due Friday 02-26
    assert seen(component("2026-08-31"), "component-benchmark", D(2027, 2, 1)) == [("2027-02-01", "2027-02-26", "upcoming")]
    # 2027-05-31 is Memorial Day (a Monday): the 9-month benchmark reached that day is due Friday 05-28,
    # and a customer staffing held that Friday counts
    may = component("2026-08-31", staffings=("2027-02-26",))
    assert seen(may, "component-benchmark", D(2027, 5, 28)) == [("2027-05-01", "2027-05-28", "due")]
    assert seen(may, "component-benchmark", D(2027, 5, 29)) == [("2027-05-01", "2027-05-28", "overdue")]
    assert seen(component("2026-08-31", staffings=("2027-02-26", "2027-05-28")), "component-benchmark", D(2027, 6, 1)) == []
    # 2027-12-31 is New Year's Day observed (a Friday): due Thursday 12-30
    assert seen(component("2027-06-30").replace("2025-01-06", "2027-06-01"), "component-benchmark", D(2027, 12, 1)) == [
        ("2027-12-01", "2027-12-30", "upcoming")
    ]


def test_a_benchmark_on_the_first_day_of_a_month_is_reviewed_in_that_month() -> None:
    case = component("2026-05-01")  # 6 months on Sunday 11-01
    assert seen(case, "component-benchmark", D(2026, 11, 1)) == [("2026-11-01", "2026-11-30", "upcoming")]
    assert seen(component("2026-05-01", staffings=("2026-10-31",)), "component-benchmark", D(2026, 12, 1)) == [
        ("2026-11-01", "2026-11-30", "overdue")
    ]
    assert seen(component("2026-05-01", staffings=("2026-11-01",)), "component-benchmark", D(2026, 12, 1)) == []


def test_a_component_that_ended_gives_no_flag() -> None:
    ended = component("2026-03-02", end="2026-10-30")
    # while the customer is in it, its missed 6-month benchmark is overdue ...
    assert seen(ended, "component-benchmark", D(2026, 10, 30)) == [("2026-09-01", "2026-09-30", "overdue")]
    # ... and from the day after its last day it is no longer the customer's activity
    assert seen(ended, "component-benchmark", D(2026, 10, 31)) == []
    assert seen(ended, "component-benchmark", D(2027, 3, 2)) == []
    # a benchmark after the component's last day is never due, one on the last day is
    assert seen(component("2026-03-02", end="2026-09-01"), "component-benchmark", D(2026, 8, 20)) == []
    assert seen(component("2026-03-02", end="2026-09-02"), "component-benchmark", D(2026, 8, 20), within=30) == [
        ("2026-09-01", "2026-09-30", "upcoming")
    ]


def test_only_the_component_the_customer_is_in_counts() -> None:
    """A newer component replaces one whose end was never typed: the old one's benchmarks stop."""
    case = component("2026-03-02") + "  - {name: Vocational training, start: 2026-11-02}\n"
    assert [r for _, _, r in flags_facts(case, D(2027, 5, 3))] == ["2027-05-02", "2027-08-02", "2027-11-02"]
    assert reasons(case, "component-benchmark", D(2027, 5, 3)) == [
        "6 months in the same component (Vocational training) reached 2027-05-02: mandatory customer staffing in the 2027-05 monthly cycle"
    ]


def test_a_component_not_started_by_as_of_is_ignored() -> None:
    assert seen(component("2026-12-02"), "component-benchmark", D(2026, 12, 1), within=400) == []


def flags_facts(text: str, as_of: dt.date) -> list[tuple[str, str, str]]:
    """(since, due, date reached) of each component benchmark flag."""
    return [
        (f.since.isoformat(), f.due.isoformat(), f.reason.split(" reached ")[1].split(":")[0])
        for f in flags_of(load(text), "component-benchmark", as_of, 400)
    ]


# ---------------------------------------------------------------------------------------------
# months_without_progress (il-snap-et program-without-progress: 6, 9 and 12 months)


def test_time_without_progress_counts_from_enrollment_and_each_benchmark_is_its_own_flag() -> None:
    case = IL + "progress_reviews:\n  - {date: 2026-04-01, progress: none}\n"
    assert seen(case, "program-without-progress", D(2027, 1, 5), within=0) == [
        ("2026-07-01", "2026-07-31", "overdue"),
        ("2026-10-01", "2026-10-30", "overdue"),  # 10-31 is a Saturday
        ("2027-01-01", "2027-01-29", "upcoming"),  # 01-31 is a Sunday
    ]
    flag = flags_of(load(case), "program-without-progress", D(2027, 1, 5))[0]
    assert flag.reason == (
        "6 months in the program without progress (last progress: none since enrollment on 2026-01-05)"
        " reached 2026-07-05: mandatory customer staffing in the 2026-07 monthly cycle"
    )
    assert [str(e) for e in flag.evidence] == [
        "enrolled (no review has recorded progress): 2026-01-05 (line 5)",
        "progress review: 2026-04-01: none (line 7)",
    ]


def test_recorded_progress_restarts_the_clock_and_a_staffing_does_not() -> None:
    case = IL + """\
progress_reviews:
  - {date: 2026-03-10, progress: some}
  - {date: 2026-06-10, progress: none}
staffings:
  - {date: 2026-09-01, kind: customer-staffing}
"""
    # 6 months from the 03-10 progress: September, satisfied by the 09-01 staffing; 9 months: December
    assert seen(case, "program-without-progress", D(2026, 12, 1)) == [("2026-12-01", "2026-12-31", "upcoming")]
    assert reasons(case, "program-without-progress", D(2026, 12, 1)) == [
        "9 months in the program without progress (last progress: 2026-03-10) reached 2026-12-10:"
        " mandatory customer staffing in the 2026-12 monthly cycle"
    ]
    # progress recorded in November: no benchmark is reached until May
    progressed = case.replace("  - {date: 2026-06-10, progress: none}\n", "  - {date: 2026-06-10, progress: none}\n  - {date: 2026-11-20, progress: good}\n")
    assert seen(progressed, "program-without-progress", D(2026, 12, 1)) == []
    assert seen(progressed, "program-without-progress", D(2027, 5, 1)) == [("2027-05-01", "2027-05-28", "upcoming")]
    # a review dated after the morning is not known yet
    assert seen(progressed, "program-without-progress", D(2026, 11, 19)) == [("2026-12-01", "2026-12-31", "upcoming")]


def test_a_benchmark_missed_before_progress_was_recorded_gives_no_flag_once_it_is() -> None:
    case = IL + "progress_reviews:\n  - {date: 2026-08-20, progress: some}\n"
    assert seen(case, "program-without-progress", D(2026, 8, 19)) == [("2026-07-01", "2026-07-31", "overdue")]
    assert seen(case, "program-without-progress", D(2026, 8, 20)) == []


def test_two_clocks_two_flags_one_staffing() -> None:
    """Six months in one component and six months without progress: two reasons, both reviewed in
    the December cycle, and one customer staffing that month covers both."""
    case = IL.replace("2026-01-05", "2026-06-15") + "components:\n  - {name: Job search, start: 2026-06-15}\n"
    as_of = D(2026, 12, 1)
    assert seen(case, "component-benchmark", as_of) == seen(case, "program-without-progress", as_of) == [("2026-12-01", "2026-12-31", "upcoming")]
    staffed = case + "staffings:\n  - {date: 2026-12-17, kind: customer-staffing}\n"
    assert seen(staffed, "component-benchmark", D(2027, 1, 4)) == seen(staffed, "program-without-progress", D(2027, 1, 4)) == []


# ---------------------------------------------------------------------------------------------
# cooperating_without_progress (il-snap-et: last 2 reviews none, hours at least 80%)


COOPERATING = IL + """\
participation:
  - {month: 2026-09, required_hours: 80, actual_hours: 80}
  - {month: 2026-10, required_hours: 80, actual_hours: 20, good_cause: true}
progress_reviews:
  - {date: 2026-09-20, progress: none}
  - {date: 2026-10-20, progress: none}
"""


def test_a_short_month_with_good_cause_is_still_cooperating() -> None:
    assert seen(COOPERATING, "cooperating-not-progressing", D(2026, 11, 2)) == [("2026-10-20", "2026-11-19", "upcoming")]


def test_cooperating_needs_a_month_that_is_over() -> None:
    case = IL + """\
participation:
  - {month: 2026-11, required_hours: 80, actual_hours: 80}
progress_reviews:
  - {date: 2026-11-05, progress: none}
  - {date: 2026-11-20, progress: none}
"""
    assert seen(case, "cooperating-not-progressing", D(2026, 11, 30)) == []
    assert seen(case, "cooperating-not-progressing", D(2026, 12, 1)) == [("2026-11-20", "2026-12-18", "upcoming")]  # 12-20 is a Sunday


def test_a_new_review_with_no_progress_after_a_staffing_fires_again() -> None:
    case = COOPERATING + "  - {date: 2026-11-20, progress: none}\nstaffings:\n  - {date: 2026-10-28, kind: customer-staffing}\n"
    assert seen(case, "cooperating-not-progressing", D(2026, 11, 19)) == []
    assert seen(case, "cooperating-not-progressing", D(2026, 12, 1)) == [("2026-11-20", "2026-12-18", "upcoming")]


def test_no_share_of_hours_leaves_a_customer_without_progress_unflagged() -> None:
    """Poor engagement is under half the hours; cooperating without progress is half or more:
    whatever the hours, a customer whose reviews record no progress is one rule's or the other's."""
    for tenths in range(0, 1001, 5):  # 0 to 100 of 80 required hours, by half hours
        hours = tenths / 10
        case = IL + f"""\
participation:
  - {{month: 2026-10, required_hours: 80, actual_hours: {hours}}}
progress_reviews:
  - {{date: 2026-10-05, progress: none}}
  - {{date: 2026-10-20, progress: none}}
"""
        poor = seen(case, "poor-engagement", D(2026, 11, 2))
        cooperating = seen(case, "cooperating-not-progressing", D(2026, 11, 2))
        assert len(poor) + len(cooperating) == 1, (hours, poor, cooperating)
        assert bool(poor) == (hours < 40), hours


def test_one_review_is_not_enough() -> None:
    case = IL + "participation:\n  - {month: 2026-10, required_hours: 80, actual_hours: 80}\nprogress_reviews:\n  - {date: 2026-10-20, progress: none}\n"
    assert seen(case, "cooperating-not-progressing", D(2026, 11, 2)) == []


# ---------------------------------------------------------------------------------------------
# need_without_referral (il-snap-et non-et-services)


def test_each_need_without_its_own_referral_is_a_flag() -> None:
    case = IL + """\
risk_factors:
  - {factor: substance_use, noted: 2026-11-02}
  - {factor: domestic_violence, noted: 2026-11-09}
  - {factor: childcare, noted: 2026-11-09}
referrals:
  - {service: mental_health, date: 2026-11-03}
"""
    assert reasons(case, "non-et-services", D(2026, 12, 1)) == [
        "May need non-E&T services (substance use) and no referral is recorded",
        "May need non-E&T services (domestic violence) and no referral is recorded",
    ]
    assert seen(case, "non-et-services", D(2026, 12, 1)) == [
        ("2026-11-02", "2026-12-02", "due"),
        ("2026-11-09", "2026-12-09", "due"),
    ]


def test_a_customer_staffing_after_the_need_was_noted_satisfies_it() -> None:
    case = IL + "risk_factors:\n  - {factor: mental_health, noted: 2026-11-02}\nstaffings:\n  - {date: 2026-11-01, kind: customer-staffing}\n"
    assert seen(case, "non-et-services", D(2026, 12, 1)) == [("2026-11-02", "2026-12-02", "due")]
    assert seen(case.replace("2026-11-01, kind", "2026-11-02, kind"), "non-et-services", D(2026, 12, 1)) == []


# ---------------------------------------------------------------------------------------------
# information_received (or-ssp-reengagement follow-up-review: 10 days)


def test_the_follow_up_review_waits_for_all_missing_information() -> None:
    case = OR_RE + """\
outstanding_info:
  - {item: Child safety check, requested: 2026-11-02, received: 2026-11-10}
  - {item: Outcome of the offsite visit, requested: 2026-11-02, received: 2026-11-19}
"""
    assert seen(case, "follow-up-review", D(2026, 11, 18)) == []
    # 10 days on is Sunday 11-29: due Friday 11-27 (the day after Thanksgiving is no Oregon holiday)
    assert seen(case, "follow-up-review", D(2026, 11, 19)) == [("2026-11-19", "2026-11-27", "due")]
    assert seen(case, "follow-up-review", D(2026, 11, 27)) == [("2026-11-19", "2026-11-27", "due")]
    assert seen(case, "follow-up-review", D(2026, 11, 28)) == [("2026-11-19", "2026-11-27", "overdue")]


def test_information_requested_after_as_of_does_not_hold_up_the_review() -> None:
    case = OR_RE + """\
outstanding_info:
  - {item: Child safety check, requested: 2026-11-02, received: 2026-11-10}
  - {item: Second offsite visit, requested: 2026-11-20}
"""
    assert seen(case, "follow-up-review", D(2026, 11, 15)) == [("2026-11-10", "2026-11-20", "due")]
    assert seen(case, "follow-up-review", D(2026, 11, 20)) == []


def test_a_review_before_the_information_arrived_does_not_satisfy_it() -> None:
    case = OR_RE + """\
outstanding_info:
  - {item: Child safety check, requested: 2026-11-02, received: 2026-11-10}
staffings:
  - {date: 2026-11-09, kind: follow-up-review}
"""
    assert seen(case, "follow-up-review", D(2026, 11, 15)) == [("2026-11-10", "2026-11-20", "due")]
    team = "present: [{role: FC, initials: RH}, {role: Manager, initials: XR}, {role: Lead Worker, initials: PG}]"
    later = case.replace("2026-11-09, kind: follow-up-review", f"2026-11-12, kind: re-engagement, {team}")
    assert seen(later, "follow-up-review", D(2026, 11, 15)) == []


# ---------------------------------------------------------------------------------------------
# reunification_stalled (fc-reintegration not-progressing: due 14 days later)


def test_tasks_past_due_before_the_last_staffing_were_discussed_there() -> None:
    case = FC + """\
case_plan_tasks:
  - {task: Complete parenting class, due: 2026-09-01, status: open}
  - {task: Find stable housing, due: 2026-10-31, status: not_achieved}
staffings:
  - {date: 2026-10-01, kind: reintegration-staffing, present: [{role: CM, initials: DG}]}
"""
    assert seen(case, "not-progressing", D(2026, 11, 5)) == [("2026-11-01", "2026-11-13", "due")]  # 11-15 is a Sunday
    flag = flags_of(load(case), "not-progressing", D(2026, 11, 5))[0]
    assert [str(e) for e in flag.evidence] == ["case plan task 'Find stable housing' (not_achieved): 2026-10-31 (line 7)"]


def test_a_task_achieved_after_as_of_was_not_achieved_yet() -> None:
    case = FC + "case_plan_tasks:\n  - {task: Complete parenting class, due: 2026-11-01, status: achieved, completed: 2026-11-20}\n"
    assert seen(case, "not-progressing", D(2026, 11, 10)) == [("2026-11-02", "2026-11-16", "due")]
    assert seen(case, "not-progressing", D(2026, 11, 20)) == []


# ---------------------------------------------------------------------------------------------
# meeting_after_staffing (fc-reintegration case-planning-meeting: 30 days)


def test_the_case_planning_meeting_follows_the_latest_staffing() -> None:
    case = FC + """\
staffings:
  - {date: 2026-08-03, kind: reintegration-staffing}
  - {date: 2026-08-20, kind: case-planning-meeting}
  - {date: 2026-11-05, kind: reintegration-staffing}
"""
    assert seen(case, "case-planning-meeting", D(2026, 11, 4)) == []
    # 30 days on is Saturday 12-05: due Friday 12-04
    assert seen(case, "case-planning-meeting", D(2026, 11, 5)) == [("2026-11-05", "2026-12-04", "upcoming")]
    assert seen(case, "case-planning-meeting", D(2026, 12, 5)) == [("2026-11-05", "2026-12-04", "overdue")]


def test_a_case_planning_meeting_the_same_day_counts() -> None:
    case = FC + "staffings:\n  - {date: 2026-11-05, kind: reintegration-staffing}\n  - {date: 2026-11-05, kind: case-planning-meeting}\n"
    assert seen(case, "case-planning-meeting", D(2026, 12, 1)) == []


# ---------------------------------------------------------------------------------------------
# periodic_review and retention_check_in (or-ssp-case-management: 90 and 30 days)


def test_case_plan_review_counts_from_the_last_review() -> None:
    case = OR_CM + "staffings:\n  - {date: 2026-09-01, kind: case-plan-review}\n  - {date: 2026-11-01, kind: retention-check-in}\n"
    assert seen(case, "case-plan-review", D(2026, 11, 15)) == []
    assert seen(case, "case-plan-review", D(2026, 11, 16)) == [("2026-11-30", "2026-11-30", "due")]
    assert seen(case, "case-plan-review", D(2026, 11, 30)) == [("2026-11-30", "2026-11-30", "due")]
    assert seen(case, "case-plan-review", D(2026, 12, 1)) == [("2026-11-30", "2026-11-30", "overdue")]


def test_retention_check_ins_count_from_the_job_start() -> None:
    case = OR_CM + """\
employment: {employer: Example Grocers, start: 2026-10-15}
staffings:
  - {date: 2026-10-01, kind: retention-check-in}
"""
    # 30 days after the job start is Saturday 11-14: the check-in is due (and begins) Friday 11-13
    assert seen(case, "retention-check-in", D(2026, 11, 12)) == [("2026-11-13", "2026-11-13", "due")]
    assert seen(case, "retention-check-in", D(2026, 11, 13)) == [("2026-11-13", "2026-11-13", "due")]
    assert reasons(case, "retention-check-in", D(2026, 11, 13)) == [
        "Retention check-in every 30 days for the employed family (Example Grocers; last: none yet)"
    ]
    later = case + "  - {date: 2026-11-10, kind: retention-check-in}\n"
    assert seen(later, "retention-check-in", D(2026, 11, 26)) == [("2026-12-10", "2026-12-10", "due")]


def test_no_retention_check_in_before_the_job_starts() -> None:
    case = OR_CM + "employment: {employer: Example Grocers, start: 2026-12-07}\n"
    assert seen(case, "retention-check-in", D(2026, 12, 1), within=60) == []


# ---------------------------------------------------------------------------------------------
# Computed due dates land on workdays of the pack's state; dates a user set stay as written


def test_a_computed_due_date_on_a_saturday_moves_to_the_friday_before() -> None:
    # Risk noted Wednesday 12-02; 10 days on is Saturday 12-12, so the staffing is due Friday 12-11
    case = LA + "risk_factors:\n  - {factor: homelessness, noted: 2026-12-02}\n"
    assert seen(case, "intensive-case-management", D(2026, 12, 11)) == [("2026-12-02", "2026-12-11", "due")]
    assert seen(case, "intensive-case-management", D(2026, 12, 12)) == [("2026-12-02", "2026-12-11", "overdue")]
    # the condition still began when the risk was noted: a staffing that Friday satisfies it
    staffed = case + "staffings:\n  - {date: 2026-12-11, kind: case-staffing}\n"
    assert seen(staffed, "intensive-case-management", D(2026, 12, 14)) == []


def test_a_computed_due_date_on_a_state_holiday_moves_to_the_workday_before() -> None:
    # October's hours short: 10 days after 11-01 is Wednesday 11-11, Veterans Day in Louisiana
    case = LA + "participation:\n  - {month: 2026-10, required_hours: 80, actual_hours: 0}\n"
    assert seen(case, "non-participation", D(2026, 11, 10)) == [("2026-11-01", "2026-11-10", "due")]
    assert seen(case, "non-participation", D(2026, 11, 11)) == [("2026-11-01", "2026-11-10", "overdue")]


def test_the_packs_state_decides_which_holidays_move_a_due_date(tmp_path: Path) -> None:
    # Progress last recorded 12-01: the 60 days run out Saturday 2027-01-30 and the staffing is
    # due 10 days later, Tuesday 02-09 -- Mardi Gras, a Louisiana holiday but not an Illinois one.
    case = LA + "progress_reviews:\n  - {date: 2026-12-01, progress: some}\n"
    assert seen(case, "no-progress", D(2027, 2, 1)) == [("2027-01-30", "2027-02-08", "due")]
    illinois = packs_with(tmp_path, '[programs.la-step]\nstate = "IL"\n')
    assert seen(case, "no-progress", D(2027, 2, 1), packset=illinois) == [("2027-01-30", "2027-02-09", "due")]


def test_a_due_date_never_comes_before_the_condition_began(tmp_path: Path) -> None:
    # due the day the condition begins: Sunday 11-01 has no workday on or before it since then,
    # so the staffing is due Monday 11-02
    same_day = packs_with(tmp_path, "[programs.la-step.rules.non-participation]\ndue_within_days = 0\n")
    case = LA + "participation:\n  - {month: 2026-10, required_hours: 80, actual_hours: 0}\n"
    assert seen(case, "non-participation", D(2026, 11, 1), packset=same_day) == [("2026-11-01", "2026-11-02", "due")]


def test_a_periodic_review_due_on_a_sunday_begins_and_is_due_the_friday_before() -> None:
    # 90 days after enrollment (06-01) is Sunday 08-30: both the start and the due date move to Friday 08-28
    assert seen(OR_CM, "case-plan-review", D(2026, 8, 27)) == [("2026-08-28", "2026-08-28", "due")]
    assert seen(OR_CM, "case-plan-review", D(2026, 8, 28)) == [("2026-08-28", "2026-08-28", "due")]
    assert seen(OR_CM, "case-plan-review", D(2026, 8, 29)) == [("2026-08-28", "2026-08-28", "overdue")]
    reviewed = OR_CM + "staffings:\n  - {date: 2026-08-28, kind: case-plan-review}\n"
    assert seen(reviewed, "case-plan-review", D(2026, 8, 31)) == []
    # the next one counts from that Friday: 90 days on is Thanksgiving (11-26), so Wednesday 11-25
    assert seen(reviewed, "case-plan-review", D(2026, 11, 25)) == [("2026-11-25", "2026-11-25", "due")]


def test_a_short_interval_is_never_due_on_the_last_review_itself(tmp_path: Path) -> None:
    """Moved back to Friday, a review due Sunday would be 'held' by Friday's review for ever."""
    every_two_days = packs_with(
        tmp_path,
        "[programs.or-ssp-case-management.rules.case-plan-review]\ndays = 2\n"
        "[programs.or-ssp-case-management.rules.retention-check-in]\ndays = 2\n",
    )
    # Last review and check-in Friday 11-20; two days on is Sunday 11-22: due Monday 11-23
    case = OR_CM + """\
employment: {employer: Example Grocers, start: 2026-11-02}
staffings:
  - {date: 2026-11-20, kind: case-plan-review}
  - {date: 2026-11-20, kind: retention-check-in}
"""
    assert seen(case, "case-plan-review", D(2026, 11, 23), packset=every_two_days) == [("2026-11-23", "2026-11-23", "due")]
    assert seen(case, "retention-check-in", D(2026, 11, 23), packset=every_two_days) == [("2026-11-23", "2026-11-23", "due")]


def test_a_next_step_due_on_a_weekend_or_holiday_stays_where_the_team_put_it() -> None:
    """Only dates a rule computes move; a date the team agreed is the caseworker's to change."""
    case = LA + """\
staffings:
  - date: 2026-10-01
    kind: case-staffing
    next_steps:
      - {step: Visit the food bank, due: 2026-11-14}
      - {step: Bring the pay stubs, due: 2026-11-11}
"""
    assert seen(case, "next-steps", D(2026, 11, 10)) == [
        ("2026-11-11", "2026-11-11", "due"),
        ("2026-11-14", "2026-11-14", "due"),
    ]
    assert seen(case, "next-steps", D(2026, 11, 14)) == [
        ("2026-11-11", "2026-11-11", "overdue"),
        ("2026-11-14", "2026-11-14", "due"),
    ]


# ---------------------------------------------------------------------------------------------
# next_steps_past_due (every pack's next-steps)


STEPS = LA + """\
staffings:
  - date: 2026-10-01
    kind: case-staffing
    next_steps:
      - {step: Enroll in the GED class, owner: participant, due: 2026-11-15}
      - {step: Call the housing authority, due: 2026-11-25}
"""


def test_next_steps_show_as_they_come_due() -> None:
    assert seen(STEPS, "next-steps", D(2026, 11, 15)) == [
        ("2026-11-15", "2026-11-15", "due"),
        ("2026-11-25", "2026-11-25", "due"),
    ]
    assert seen(STEPS, "next-steps", D(2026, 11, 16), within=7) == [("2026-11-15", "2026-11-15", "overdue")]


def test_a_next_step_reason_never_calls_an_upcoming_step_past_due() -> None:
    assert reasons(STEPS, "next-steps", D(2026, 11, 16)) == [
        "Action plan step not done: Enroll in the GED class (owner: participant; set at the 2026-10-01 staffing)",
        "Action plan step not done: Call the housing authority (owner: unassigned; set at the 2026-10-01 staffing)",
    ]


def test_next_steps_clear_only_when_marked_done() -> None:
    later_staffing = STEPS + "  - {date: 2026-11-20, kind: case-staffing}\n"
    assert [s for s, _, _ in seen(later_staffing, "next-steps", D(2026, 12, 1))] == ["2026-11-15", "2026-11-25"]
    done = STEPS.replace("due: 2026-11-15}", "due: 2026-11-15, done: 2026-11-20}")
    assert [s for s, _, _ in seen(done, "next-steps", D(2026, 12, 1))] == ["2026-11-25"]
    assert [s for s, _, _ in seen(done, "next-steps", D(2026, 11, 19))] == ["2026-11-15", "2026-11-25"]


def test_next_steps_from_a_staffing_after_as_of_are_not_known_yet() -> None:
    case = LA + """\
staffings:
  - date: 2026-12-02
    kind: case-staffing
    next_steps:
      - {step: Enroll in the GED class, due: 2026-12-03}
"""
    assert seen(case, "next-steps", D(2026, 12, 1)) == []
    assert seen(case, "next-steps", D(2026, 12, 2)) == [("2026-12-03", "2026-12-03", "due")]


def test_a_withdrawn_sanction_still_counts_on_mornings_before_its_decision() -> None:
    """decided_on lets a past morning replay exactly: before it, the sanction was pending."""
    from casestaff.files.config import Config
    from casestaff.rules.evaluate import evaluate_case
    from casestaff.packset import load_packset
    from casestaff.files.casefile import read_case

    text = (
        "case_id: LA-R\nprogram: la-step\nparticipant: {name: Pat Example}\nenrolled: 2026-01-05\n"
        "sanction:\n  reason: No participation\n  proposed_on: 2026-11-02\n  effective_on: 2026-12-01\n"
        "  status: withdrawn\n  decided_on: 2026-11-20\n"
    )
    packs = load_packset(Config()).packs
    case, problems = read_case(text.encode(), "r.yaml", packs)
    assert problems == []
    before = [f.rule for f in evaluate_case(case, packs["la-step"], D(2026, 11, 19), 14)]
    after = [f.rule for f in evaluate_case(case, packs["la-step"], D(2026, 11, 20), 14)]
    assert "la-step.pending-sanction" in before
    assert "la-step.pending-sanction" not in after


def test_negative_thresholds_are_refused() -> None:
    from casestaff.packset import check_params

    assert check_params("no_progress_for_days", {"days": -5, "due_within_days": 10}) == [
        "parameter 'days' of no_progress_for_days counts days, months or a share: it cannot be negative (-5)"
    ]
    assert check_params("months_in_component", {"months": [6, -9]})
