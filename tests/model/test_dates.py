"""Calendar arithmetic: month ends and leap years, and workdays that know each state's holidays."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from casestaff.model.dates import Workdays, add_months, compute_holidays, age_on, month_end, next_month_start, relative_days

D = dt.date


@pytest.mark.parametrize(
    "start, months, reached",
    [
        (D(2026, 8, 31), 6, D(2027, 2, 28)),  # the example: not a leap year
        (D(2027, 8, 31), 6, D(2028, 2, 29)),  # ... and in a leap year
        (D(2026, 8, 31), 9, D(2027, 5, 31)),
        (D(2026, 8, 31), 12, D(2027, 8, 31)),
        (D(2027, 8, 30), 6, D(2028, 2, 29)),
        (D(2026, 3, 31), 6, D(2026, 9, 30)),
        (D(2028, 2, 29), 12, D(2029, 2, 28)),
        (D(2026, 5, 15), 9, D(2027, 2, 15)),
    ],
)
def test_add_months_lands_on_the_months_last_day_when_it_must(start, months, reached) -> None:
    assert add_months(start, months) == reached


def test_month_end_and_next_month_start() -> None:
    assert month_end(D(2028, 2, 3)) == D(2028, 2, 29)
    assert month_end(D(2027, 2, 28)) == D(2027, 2, 28)
    assert month_end(D(2026, 12, 1)) == D(2026, 12, 31)
    assert next_month_start(D(2026, 12, 31)) == D(2027, 1, 1)
    assert next_month_start(D(2026, 1, 31)) == D(2026, 2, 1)


def test_age_on_counts_birthdays_the_way_add_months_counts_months() -> None:
    """One convention for anniversaries: a Feb 29 birthday comes round on Feb 28 in other years."""
    born = D(2008, 2, 29)
    assert age_on(born, D(2026, 2, 27)) == 17
    assert age_on(born, add_months(born, 18 * 12)) == 18 == age_on(born, D(2026, 2, 28))
    assert age_on(born, D(2028, 2, 28)) == 19
    assert age_on(born, D(2028, 2, 29)) == 20
    assert age_on(D(2012, 6, 15), D(2026, 6, 14)) == 13
    assert age_on(D(2012, 6, 15), D(2026, 6, 15)) == 14


@pytest.mark.parametrize(
    "due, as_of, words",
    [
        (D(2026, 12, 1), D(2026, 12, 1), "today"),
        (D(2026, 12, 2), D(2026, 12, 1), "tomorrow"),
        (D(2026, 12, 4), D(2026, 12, 1), "in 3 days"),
        (D(2026, 11, 30), D(2026, 12, 1), "1 day overdue"),
        (D(2026, 11, 26), D(2026, 12, 1), "5 days overdue"),
    ],
)
def test_relative_days(due, as_of, words) -> None:
    assert relative_days(due, as_of) == words


# ---------------------------------------------------------------------------------------------
# Workdays


IL, LA, OR = Workdays("IL"), Workdays("LA"), Workdays("OR")


@pytest.mark.parametrize(
    "workdays, day, why",
    [
        (IL, D(2026, 12, 5), "Saturday"),
        (IL, D(2026, 12, 6), "Sunday"),
        (IL, D(2026, 11, 26), "Thanksgiving Day"),
        (IL, D(2026, 11, 11), "Veterans Day"),
        (IL, D(2026, 11, 3), "Election Day"),
        (IL, D(2027, 2, 12), "Lincoln's Birthday"),
        (IL, D(2027, 3, 1), "Casimir Pulaski Day"),
        (IL, D(2026, 7, 3), "Independence Day (observed)"),
        (IL, D(2027, 12, 31), "New Year's Day (observed)"),
        (LA, D(2027, 2, 9), "Mardi Gras"),
        (LA, D(2026, 4, 3), "Good Friday"),
        (OR, D(2026, 2, 16), "Presidents Day"),
    ],
)
def test_weekends_and_state_holidays_are_not_workdays(workdays, day, why) -> None:
    """The names of holidays are the holidays package's (they vary between its releases); the
    test pins that the day is not a workday and that the holiday named is the one on that day."""
    assert not workdays.is_workday(day)
    if why in ("Saturday", "Sunday"):
        assert workdays.why_not(day) == why
    else:
        named = compute_holidays(workdays.state, day.year).get(day)
        assert named, f"the holidays package knows no holiday on {day} ({why})"
        assert workdays.why_not(day) == named


@pytest.mark.parametrize(
    "workdays, day",
    [
        (IL, D(2026, 11, 27)),  # the day after Thanksgiving is not a public holiday in Illinois
        (OR, D(2027, 2, 12)),  # Lincoln's Birthday is Illinois's, not Oregon's
        (IL, D(2027, 2, 9)),  # Mardi Gras is Louisiana's
        (LA, D(2026, 3, 2)),  # Casimir Pulaski Day is Illinois's
        (IL, D(2026, 12, 1)),
    ],
)
def test_a_holiday_of_another_state_is_a_workday(workdays, day) -> None:
    assert workdays.is_workday(day)
    assert workdays.why_not(day) is None
    assert workdays.holiday(day) is None


def test_on_or_before_moves_a_no_later_than_day_earlier() -> None:
    assert IL.on_or_before(D(2026, 12, 1)) == D(2026, 12, 1)
    assert IL.on_or_before(D(2026, 10, 10)) == D(2026, 10, 9)  # Saturday -> Friday
    assert IL.on_or_before(D(2027, 1, 18)) == D(2027, 1, 15)  # MLK Day Monday -> Friday
    assert IL.on_or_before(D(2027, 2, 15)) == D(2027, 2, 11)  # Washington's Birthday, then Lincoln's
    assert LA.on_or_before(D(2027, 2, 9)) == D(2027, 2, 8)  # Mardi Gras Tuesday -> Monday
    assert IL.on_or_before(D(2027, 1, 3)) == D(2026, 12, 31)  # across the new year


def test_on_or_after_moves_later() -> None:
    assert IL.on_or_after(D(2027, 1, 16)) == D(2027, 1, 19)  # Sat, Sun, MLK Day
    assert IL.on_or_after(D(2026, 12, 25)) == D(2026, 12, 28)
    assert IL.on_or_after(D(2026, 12, 28)) == D(2026, 12, 28)


@pytest.mark.parametrize(
    "workdays, meeting, before",
    [
        (IL, D(2026, 12, 17), D(2026, 12, 14)),  # Thursday -> Monday
        (IL, D(2026, 12, 14), D(2026, 12, 9)),  # Monday -> the Wednesday before
        (IL, D(2026, 11, 30), D(2026, 11, 24)),  # Monday after Thanksgiving: Fri 27, Wed 25, Tue 24
        (IL, D(2026, 11, 13), D(2026, 11, 9)),  # Veterans Day (Wed 11) does not count
        (IL, D(2027, 2, 16), D(2027, 2, 9)),  # Washington's Birthday and Lincoln's Birthday skipped
        (OR, D(2027, 2, 16), D(2027, 2, 10)),  # Oregon works on Lincoln's Birthday
        (IL, D(2027, 1, 5), D(2026, 12, 30)),  # back across New Year's Day
    ],
)
def test_n_workdays_before_a_meeting(workdays, meeting, before) -> None:
    assert workdays.before(meeting, 3) == before


def test_holidays_are_imported_only_when_a_date_needs_them() -> None:
    """Start-up time counts: importing dates (or checking a weekend) must not load `holidays`."""
    code = (
        "import sys, datetime as dt\n"
        "from casestaff.model.dates import Workdays\n"
        "assert not Workdays('IL').is_workday(dt.date(2026, 12, 5))\n"
        "print('holidays' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_the_state_codes_casestaff_accepts_are_those_holidays_knows() -> None:
    from holidays.countries.united_states import UnitedStates

    from casestaff.model.dates import US_STATES

    assert US_STATES == frozenset(UnitedStates.subdivisions)


def test_holidays_between_names_the_weekday_holidays_a_count_skipped() -> None:
    assert IL.holidays_between(D(2027, 2, 16), D(2027, 2, 9)) == [
        (D(2027, 2, 12), "Lincoln's Birthday"),
        (D(2027, 2, 15), "Washington's Birthday"),
    ]
    assert IL.holidays_between(D(2026, 11, 11), D(2026, 11, 13)) == []  # the ends themselves are not between
    assert IL.holidays_between(D(2026, 12, 31), D(2027, 1, 4)) == [(D(2027, 1, 1), "New Year's Day")]
    assert IL.holidays_between(D(2026, 7, 2), D(2026, 7, 6)) == [(D(2026, 7, 3), "Independence Day (observed)")]
