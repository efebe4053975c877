"""The il-snap-et monthly provider staffing calendar: forms by the 10th, invites by the earlier of
the 15th and 3 workdays before the meeting, the staffing before the month ends -- with weekends
and Illinois holidays, as the caseworker sees it in `casestaff due`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from casestaff.files.config import Config, load_config
from casestaff.model.dates import Workdays
from casestaff.rules.due import due_report
from casestaff.packset import builtin_pack_files, load_packset
from casestaff.rules.provider_cycle import deadline_date

from ..rule_cases.harness import builtin_packs, load

D = dt.date
IL = Workdays("IL")
CYCLE = builtin_packs().get("il-snap-et").provider_cycle
SPEC = {d.id: d for d in CYCLE.deadlines}

FLAGGED = """\
case_id: IL-T-1
program: il-snap-et
provider: Example Works
participant: {name: Casey Testcase}
enrolled: 2026-01-05
participation:
  - {month: 2026-10, required_hours: 80, actual_hours: 0}
progress_reviews:
  - {date: 2026-09-15, progress: some}
"""

NOT_FLAGGED = """\
case_id: IL-T-2
program: il-snap-et
provider: Example Works
participant: {name: Dana Testcase}
enrolled: 2026-01-05
progress_reviews:
  - {date: 2026-10-20, progress: some}
staffings:
  - date: 2026-10-20
    kind: customer-staffing
    next_steps:
      - {step: Bring the training certificate, due: 2026-11-20}
"""

OTHER_PROVIDER = """\
case_id: IL-T-3
program: il-snap-et
provider: Other Example Center
participant: {name: Eli Testcase}
enrolled: 2026-01-05
risk_factors:
  - {factor: mental_health, noted: 2026-11-02}
"""


def calendar(
    texts: tuple[str, ...],
    as_of: dt.date,
    within: int = 14,
    meetings: dict[str, tuple[dt.date, ...]] | None = None,
    packset=None,
    provider: str = "Example Works",
    earlier: bool = False,
) -> list[tuple[str, str, str, str]]:
    """(item, due, status, note) of one provider's deadlines in the morning list: those of the
    as-of month on, and with `earlier` those of months before it (missed provider staffings)."""
    packset = packset or builtin_packs()
    cases = [load(text, packset=packset) for text in texts]
    report = due_report(cases, packset, Config(provider_meetings=meetings or {}), as_of, within)
    first = as_of.strftime("%Y-%m")
    return [
        (d.item, d.due.isoformat(), d.status, d.note)
        for d in report.deadlines
        if d.provider == provider and (earlier or d.month >= first)
    ]


CUSTOMERS = "1 customer needs a customer staffing: Casey Testcase (IL-T-1)"


def test_a_plain_month_with_the_meeting_date_known() -> None:
    assert calendar((FLAGGED, NOT_FLAGGED), D(2026, 12, 1), meetings={"Example Works": (D(2026, 12, 17),)}) == [
        ("form-4333", "2026-12-10", "due", CUSTOMERS),
        ("form-4344", "2026-12-10", "due", CUSTOMERS),
        ("invites", "2026-12-14", "due", "3 workdays before the 12/17 meeting"),
    ]


def test_the_staffing_is_due_on_the_months_last_workday() -> None:
    rows = calendar((FLAGGED,), D(2026, 12, 1), within=30, meetings={"Example Works": (D(2026, 12, 17),)})
    assert rows[-1] == ("provider-staffing", "2026-12-31", "due", "meeting scheduled Thu 12/17")
    assert calendar((FLAGGED,), D(2027, 1, 20))[-1] == (
        "provider-staffing",
        "2027-01-29",
        "due",
        "Sun 01/31 is Sunday; moved to Fri 01/29",
    )


def test_invites_without_a_known_meeting_are_due_by_the_15th() -> None:
    assert ("invites", "2026-12-15", "due", "") in calendar((FLAGGED,), D(2026, 12, 1))


def test_invites_the_15th_wins_when_it_is_earlier_than_3_workdays_before() -> None:
    # meeting Tue 12-29: 3 workdays before is Wed 12-23 (Christmas Fri 12-25 skipped); the 15th is earlier
    rows = calendar((FLAGGED,), D(2026, 12, 1), meetings={"Example Works": (D(2026, 12, 29),)})
    assert ("invites", "2026-12-15", "due", "") in rows


def test_a_10th_and_a_15th_on_a_weekend_move_to_the_friday_before() -> None:
    assert calendar((FLAGGED,), D(2026, 10, 1)) == [
        ("form-4333", "2026-10-09", "due", "no customer flagged for a customer staffing; Sat 10/10 is Saturday; moved to Fri 10/09"),
        ("form-4344", "2026-10-09", "due", "no customer flagged for a customer staffing; Sat 10/10 is Saturday; moved to Fri 10/09"),
        ("invites", "2026-10-15", "due", ""),
    ]
    assert ("invites", "2026-11-13", "due", "Sun 11/15 is Sunday; moved to Fri 11/13") in calendar((FLAGGED,), D(2026, 11, 2))
    assert ("form-4333", "2027-01-08", "due", "no customer flagged for a customer staffing; Sun 01/10 is Sunday; moved to Fri 01/08") in calendar(
        (NOT_FLAGGED,), D(2027, 1, 4)
    )


def holiday(state: str, day: dt.date) -> str:
    """The holiday on `day` as the holidays package names it (its names vary between releases)."""
    named = Workdays(state).holiday(day)
    assert named, f"no holiday in {state} on {day}"
    return named


WASHINGTON, LINCOLN = holiday("IL", D(2027, 2, 15)), holiday("IL", D(2027, 2, 12))


def test_a_move_past_a_second_holiday_says_so() -> None:
    # the 15th (Mon 02-15) is Washington's Birthday and Fri 02-12 Lincoln's Birthday
    assert ("invites", "2027-02-11", "due", f"Mon 02/15 is {WASHINGTON}; moved to Thu 02/11 (Fri 02/12 is {LINCOLN})") in calendar(
        (NOT_FLAGGED,), D(2027, 2, 1)
    )


@pytest.mark.parametrize(
    "meeting, invites, note",
    [
        # Veterans Day (Wed 11-11) is not a workday: Thu 12, Tue 10, Mon 9
        (D(2026, 11, 13), "2026-11-09", f"3 workdays before the 11/13 meeting (Wed 11/11 is {holiday('IL', D(2026, 11, 11))})"),
        # Lincoln's Birthday (Fri 02-12) and Washington's Birthday (Mon 02-15): Thu 11, Wed 10, Tue 9
        (
            D(2027, 2, 16),
            "2027-02-09",
            f"3 workdays before the 02/16 meeting (Fri 02/12 is {LINCOLN}, Mon 02/15 is {WASHINGTON})",
        ),
        # Election Day (Tue 11-03): Mon 2, Fri 10-30, Thu 10-29
        (D(2026, 11, 4), "2026-10-29", f"3 workdays before the 11/04 meeting (Tue 11/03 is {holiday('IL', D(2026, 11, 3))})"),
        # Casimir Pulaski Day (Mon 03-01): Wed 3, Tue 2, Fri 02-26
        (D(2027, 3, 4), "2027-02-26", f"3 workdays before the 03/04 meeting (Mon 03/01 is {holiday('IL', D(2027, 3, 1))})"),
    ],
)
def test_an_illinois_holiday_inside_the_3_workday_count(meeting: dt.date, invites: str, note: str) -> None:
    rows = calendar((NOT_FLAGGED,), meeting - dt.timedelta(days=10), within=20, meetings={"Example Works": (meeting,)})
    assert ("invites", invites, "due", note) in rows


def test_a_meeting_right_after_thanksgiving_still_has_invites_by_the_15th() -> None:
    # Mon 11-30: 3 workdays before is Tue 11-24 (Thanksgiving skipped); the 15th (Sunday -> Fri 11-13) is earlier
    assert deadline_date(SPEC["invites"], D(2026, 11, 1), IL, (D(2026, 11, 30),)) == (
        D(2026, 11, 13),
        "Sun 11/15 is Sunday; moved to Fri 11/13",
    )
    assert IL.before(D(2026, 11, 30), 3) == D(2026, 11, 24)


def held_on(text: str, *days: str) -> str:
    """The case with a provider staffing recorded on each day."""
    if "staffings:\n" not in text:
        text += "staffings:\n"
    return text + "".join(f"  - {{date: {day}, kind: provider-staffing}}\n" for day in days)


def test_done_when_a_provider_staffing_is_recorded_that_month_for_every_enrolled_customer() -> None:
    both = (held_on(FLAGGED, "2026-12-17"), held_on(NOT_FLAGGED, "2026-12-17"))
    assert calendar(both, D(2026, 12, 18), meetings={"Example Works": (D(2026, 12, 17),)}) == [
        ("provider-staffing", "2026-12-31", "done", "held 12/17; meeting scheduled Thu 12/17"),
    ]
    # a staffing recorded after as-of is not known yet; one in the month before does not count
    assert calendar(both, D(2026, 12, 16), within=15)[-1][:3] == ("provider-staffing", "2026-12-31", "due")
    earlier = (held_on(FLAGGED, "2026-11-30"), held_on(NOT_FLAGGED, "2026-11-30"))
    assert calendar(earlier, D(2026, 12, 18))[-1][:3] == ("provider-staffing", "2026-12-31", "due")


def customer(case_id: str, name: str, enrolled: str) -> str:
    return f"case_id: {case_id}\nprogram: il-snap-et\nprovider: Example Works\nparticipant: {{name: {name}}}\nenrolled: {enrolled}\n"


ADA = customer("IL-T-11", "Ada Testcase", "2026-12-01")
BEN = customer("IL-T-12", "Ben Testcase", "2026-12-01")


def test_a_provider_staffing_that_left_out_an_enrolled_customer_is_not_done_and_names_them() -> None:
    one = (ADA, held_on(BEN, "2026-12-17"))
    assert calendar(one, D(2026, 12, 18)) == [
        ("provider-staffing", "2026-12-31", "due", "held 12/17 for 1 of 2 customers; not covered: Ada Testcase (IL-T-11)"),
    ]
    # a second staffing that month covers her: done, held on the later day
    assert calendar((held_on(ADA, "2026-12-22"), held_on(BEN, "2026-12-17")), D(2026, 12, 23)) == [
        ("provider-staffing", "2026-12-31", "done", "held 12/22"),
    ]
    # not covered by the month's end: overdue, and it stays so after the month
    assert calendar(one, D(2027, 1, 4), earlier=True)[0] == (
        "provider-staffing",
        "2026-12-31",
        "overdue",
        "held 12/17 for 1 of 2 customers; not covered: Ada Testcase (IL-T-11)",
    )


def test_a_customer_enrolled_after_the_months_provider_staffing_is_covered_next_month() -> None:
    late = FLAGGED.replace("enrolled: 2026-01-05", "enrolled: 2026-12-21")
    assert calendar((late, held_on(NOT_FLAGGED, "2026-12-17")), D(2026, 12, 22)) == [
        ("provider-staffing", "2026-12-31", "done", "held 12/17"),
    ]


def test_a_missed_provider_staffing_is_overdue_the_day_after_the_last_workday() -> None:
    assert calendar((FLAGGED,), D(2027, 1, 29))[0] == ("provider-staffing", "2027-01-29", "due", "Sun 01/31 is Sunday; moved to Fri 01/29")
    assert calendar((FLAGGED,), D(2027, 1, 30))[0] == (
        "provider-staffing",
        "2027-01-29",
        "overdue",
        "not held for its 1 enrolled customer; Sun 01/31 is Sunday; moved to Fri 01/29",
    )


def test_a_missed_provider_staffing_stays_overdue_after_its_month_for_three_cycles() -> None:
    """The pack keeps a missed month on the list for the three monthly cycles after it."""
    december = (held_on(ADA, "2026-12-17"), BEN)  # Ben was not covered in December

    def missed(as_of: dt.date) -> list[tuple[str, str, str, str]]:
        return [r for r in calendar(december, as_of, earlier=True) if r[0] == "provider-staffing" and r[2] == "overdue"]

    assert missed(D(2027, 1, 4)) == [
        ("provider-staffing", "2026-12-31", "overdue", "held 12/17 for 1 of 2 customers; not covered: Ben Testcase (IL-T-12)")
    ]
    # January to March were not held at all, and December is still there on the last day of March
    assert [r[1] for r in missed(D(2027, 3, 31))] == ["2026-12-31", "2027-01-29", "2027-02-26"]
    assert missed(D(2027, 3, 31))[1][3] == "not held for its 2 enrolled customers; Sun 01/31 is Sunday; moved to Fri 01/29"
    assert [r[1] for r in missed(D(2027, 4, 1))] == ["2027-01-29", "2027-02-26", "2027-03-31"]
    # months before anyone was enrolled with the provider are not missed; months done are not repeated
    assert [r[1] for r in missed(D(2026, 12, 1))] == []
    done = (held_on(ADA, "2026-12-17", "2027-01-21"), held_on(BEN, "2026-12-17", "2027-01-21"))
    assert [r for r in calendar(done, D(2027, 2, 1), earlier=True) if r[0] == "provider-staffing"] == []


def test_forms_due_today_are_due_and_then_drop_off() -> None:
    """casestaff cannot see ISETS, so a form deadline that passed is not claimed missed."""
    assert [r[:3] for r in calendar((FLAGGED,), D(2026, 12, 10))][:2] == [
        ("form-4333", "2026-12-10", "due"),
        ("form-4344", "2026-12-10", "due"),
    ]
    assert [r[0] for r in calendar((FLAGGED,), D(2026, 12, 11))] == ["invites"]


def test_only_customers_flagged_for_a_customer_staffing_are_listed_per_provider() -> None:
    texts = (FLAGGED, NOT_FLAGGED, OTHER_PROVIDER)
    assert calendar(texts, D(2026, 12, 1))[0] == ("form-4333", "2026-12-10", "due", CUSTOMERS)
    assert calendar(texts, D(2026, 12, 1), provider="Other Example Center")[0] == (
        "form-4333",
        "2026-12-10",
        "due",
        "1 customer needs a customer staffing: Eli Testcase (IL-T-3)",
    )


def test_the_next_months_forms_come_into_the_window() -> None:
    rows = calendar((FLAGGED,), D(2026, 11, 27))
    assert [(r[0], r[1]) for r in rows] == [
        ("provider-staffing", "2026-11-30"),
        ("form-4333", "2026-12-10"),
        ("form-4344", "2026-12-10"),
    ]


@pytest.mark.parametrize(
    "non_workday, due, note",
    [
        ("previous", D(2026, 10, 9), "Sat 10/10 is Saturday; moved to Fri 10/09"),
        ("next", D(2026, 10, 13), "Sat 10/10 is Saturday; moved to Tue 10/13 (Mon 10/12 is Columbus Day)"),
        ("keep", D(2026, 10, 10), ""),
    ],
)
def test_a_pack_chooses_how_a_non_workday_moves(non_workday: str, due: dt.date, note: str) -> None:
    spec = dataclasses.replace(SPEC["form-4333"], non_workday=non_workday)
    assert deadline_date(spec, D(2026, 10, 1), IL, ()) == (due, note)


def test_a_user_pack_option_is_honoured_from_casestaff_toml(tmp_path: Path) -> None:
    text = dict(builtin_pack_files())["casestaff/program_packs/il-snap-et.yaml"].decode("utf-8")
    text = text.replace("id: il-snap-et", "id: il-example").replace("      day: 10\n", "      day: 10\n      non_workday: keep\n", 1)
    (tmp_path / "il-example.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "casestaff.toml").write_text('packs = ["il-example.yaml"]\n', encoding="utf-8")
    packset = load_packset(load_config(tmp_path / "casestaff.toml"))
    rows = calendar((FLAGGED.replace("il-snap-et", "il-example"),), D(2026, 10, 1), packset=packset)
    assert rows[:2] == [
        ("form-4344", "2026-10-09", "due", "no customer flagged for a customer staffing; Sat 10/10 is Saturday; moved to Fri 10/09"),
        ("form-4333", "2026-10-10", "due", "no customer flagged for a customer staffing"),
    ]


def test_the_state_for_workdays_comes_from_casestaff_toml(tmp_path: Path) -> None:
    """Oregon does not keep Lincoln's Birthday: the same meeting gives a later invite deadline."""
    (tmp_path / "casestaff.toml").write_text('[programs.il-snap-et]\nstate = "OR"\n', encoding="utf-8")
    packset = load_packset(load_config(tmp_path / "casestaff.toml"))
    meetings = {"Example Works": (D(2027, 2, 16),)}
    rows = calendar((NOT_FLAGGED,), D(2027, 2, 8), meetings=meetings, packset=packset)
    presidents_day = holiday("OR", D(2027, 2, 15))
    assert ("invites", "2027-02-10", "due", f"3 workdays before the 02/16 meeting (Mon 02/15 is {presidents_day})") in rows


def test_meeting_dates_are_read_from_casestaff_toml(tmp_path: Path) -> None:
    (tmp_path / "casestaff.toml").write_text('[providers."Example Works"]\nmeetings = [2026-12-17, 2027-01-21]\n', encoding="utf-8")
    config = load_config(tmp_path / "casestaff.toml")
    assert config.provider_meetings == {"Example Works": (D(2026, 12, 17), D(2027, 1, 21))}
    rows = calendar((FLAGGED,), D(2027, 1, 4), meetings=config.provider_meetings)
    # Thu 01-21: Wed 20, Tue 19, and Mon 01-18 is Martin Luther King Jr. Day, so Fri 01-15
    assert ("invites", "2027-01-15", "due", "3 workdays before the 01/21 meeting (Mon 01/18 is Martin Luther King Jr. Day)") in rows


def test_the_4333_names_customers_needing_a_staffing_by_month_end_whatever_the_window(runner, monkeypatch):
    """Grace Oduya reaches her 6-month benchmark on 12/22: the December 4333 must mark her,
    even though the morning list only looks 14 days ahead."""
    from casestaff.cli.main import app

    from ..conftest import REPO

    monkeypatch.chdir(REPO)
    for within in ("9", "14", "30"):  # 9: the 4333 (12/10) just inside the window
        result = runner.invoke(app, ["due", "sample_cases", "--as-of", "2026-12-01", "--within", within])
        assert result.exit_code == 0, result.output
        form = result.output.split("Prairie Example Training Center -- 2026-12 -- form-4333", 1)[1].splitlines()[2]
        assert "Grace Oduya (IL-ET-0204)" in form, (within, form)


def test_a_benchmark_is_on_the_4333_of_its_own_month_and_that_months_customer_staffing_covers_it() -> None:
    """Six months in work experience on 12-22: the December 4333 marks the customer (not the
    November one), and the customer staffing held with the December provider staffing on 12-17
    covers it -- it is off the January 4333 and off the morning list."""
    benchmark = customer("IL-T-21", "Flo Testcase", "2026-06-15") + (
        "components:\n  - {name: Work experience, start: 2026-06-22}\n"
        "progress_reviews:\n  - {date: 2026-11-16, progress: some}\n"
    )
    assert calendar((benchmark,), D(2026, 11, 2))[0] == ("form-4333", "2026-11-10", "due", "no customer flagged for a customer staffing")
    assert calendar((benchmark,), D(2026, 12, 1))[0] == (
        "form-4333",
        "2026-12-10",
        "due",
        "1 customer needs a customer staffing: Flo Testcase (IL-T-21)",
    )
    staffed = benchmark + "staffings:\n  - {date: 2026-12-17, kind: customer-staffing}\n  - {date: 2026-12-17, kind: provider-staffing}\n"
    assert calendar((staffed,), D(2027, 1, 4))[0] == ("form-4333", "2027-01-08", "due", "no customer flagged for a customer staffing; Sun 01/10 is Sunday; moved to Fri 01/08")
    report = due_report([load(staffed)], builtin_packs(), Config(), D(2027, 1, 4), 14)
    assert report.flags == []


def test_a_planned_customer_staffing_gets_its_own_invites_deadline() -> None:
    """3 workdays before the customer staffing, and no later than the 15th of its month."""
    planned = FLAGGED + "planned_staffing:\n  date: 2026-12-08\n  kind: customer-staffing\n"
    rows = [r for r in calendar((planned,), D(2026, 12, 1)) if r[0] == "invites"]
    # Tue 12-08: Mon 7, Fri 4, Thu 3
    assert rows == [
        ("invites", "2026-12-03", "due", "3 workdays before the 12/08 meeting"),
        ("invites", "2026-12-15", "due", ""),
    ]
    cases = load(planned)
    report = due_report([cases], builtin_packs(), Config(), D(2026, 12, 1), 14)
    own = next(d for d in report.deadlines if d.case)
    assert (own.case, own.participant, own.month) == ("IL-T-1", "Casey Testcase", "2026-12")
    assert own.what == "IDHS sends staffing invites to all necessary parties, for the customer staffing of Casey Testcase (IL-T-1) on Tue 12/08"


def customer_invites(text: str, as_of: dt.date) -> list[tuple[str, str, str]]:
    """(due, status, note) of the invites deadlines of customers' own staffings."""
    report = due_report([load(text)], builtin_packs(), Config(), as_of, 14)
    return [(d.due.isoformat(), d.status, d.note) for d in report.deadlines if d.item == "invites" and d.case]


@pytest.mark.parametrize(
    "meeting, kind, as_of, expected",
    [
        # planned late in the month: the 15th comes first
        ("2026-12-28", "customer-staffing", D(2026, 12, 1), ("2026-12-15", "due", "")),
        # no kind is the program's first, a customer staffing; Veterans Day is skipped in the count
        ("2026-11-13", None, D(2026, 11, 2), ("2026-11-09", "due", "3 workdays before the 11/13 meeting (Wed 11/11 is Veterans Day)")),
        # the 15th on a Sunday moves to Friday 11-13, earlier than 3 workdays before Thursday 11-19
        ("2026-11-19", "customer-staffing", D(2026, 11, 2), ("2026-11-13", "due", "Sun 11/15 is Sunday; moved to Fri 11/13")),
        # due today
        ("2026-12-08", "customer-staffing", D(2026, 12, 3), ("2026-12-03", "due", "3 workdays before the 12/08 meeting")),
    ],
)
def test_a_customer_staffings_invites_deadline_edges(meeting: str, kind: str | None, as_of: dt.date, expected: tuple) -> None:
    planned = NOT_FLAGGED + f"planned_staffing:\n  date: {meeting}\n" + (f"  kind: {kind}\n" if kind else "")
    assert customer_invites(planned, as_of) == [expected]
    # the day after, it is no longer shown: casestaff cannot see whether the invites went out
    assert customer_invites(planned, dt.date.fromisoformat(expected[0]) + dt.timedelta(days=1)) == []


def test_a_planned_provider_staffing_or_a_past_one_gets_no_customer_invites() -> None:
    provider_kind = NOT_FLAGGED + "planned_staffing:\n  date: 2026-12-08\n  kind: provider-staffing\n"
    assert [r for r in calendar((provider_kind,), D(2026, 12, 1)) if r[0] == "invites"] == [("invites", "2026-12-15", "due", "")]
    undated = NOT_FLAGGED + "planned_staffing:\n  kind: customer-staffing\n"
    assert [r for r in calendar((undated,), D(2026, 12, 1)) if r[0] == "invites"] == [("invites", "2026-12-15", "due", "")]
