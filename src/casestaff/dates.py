"""Calendar arithmetic: months with relativedelta, workdays that skip weekends and state holidays."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from dateutil.relativedelta import relativedelta


# relativedelta is exact and slow (~10 us a call); a caseload asks the same few questions of it
# thousands of times, so the answers are remembered.


@lru_cache(maxsize=65536)
def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus whole months; the 31st lands on the month's last day (Aug 31 + 6 = Feb 28/29)."""
    return day + relativedelta(months=months)


@lru_cache(maxsize=4096)
def month_end(day: dt.date) -> dt.date:
    return day + relativedelta(day=31)


@lru_cache(maxsize=4096)
def next_month_start(day: dt.date) -> dt.date:
    return day.replace(day=1) + relativedelta(months=1)


def age_on(birth: dt.date, on: dt.date) -> int:
    return relativedelta(on, birth).years


US_STATES = frozenset(
    "AK AL AR AS AZ CA CO CT DC DE FL GA GU HI IA ID IL IN KS KY LA MA MD ME MI MN MO MP MS MT NC ND NE"
    " NH NJ NM NV NY OH OK OR PA PR RI SC SD TN TX UM UT VA VI VT WA WI WV WY".split()
)
"""The US states and territories `holidays` has calendars for. Spelled out so that checking a
pack or casestaff.toml does not import `holidays`; a test keeps the two in step."""


def preload_holidays() -> None:
    """Import the holidays package now (~60 ms: it loads every country), e.g. once before
    starting worker processes that would each import it again."""
    from holidays.countries.united_states import UnitedStates  # noqa: F401


@lru_cache(maxsize=None)
def _holidays(state: str, year: int) -> dict[dt.date, str]:
    # Imported here, not at the top: a run that needs no workday (a warm `due` of
    # cached answers without a program calendar) never pays for it.
    from holidays.countries.united_states import UnitedStates

    return dict(UnitedStates(subdiv=state, years=year, observed=True))


class Workdays:
    """Workdays for one US state: Monday to Friday, minus that state's public holidays."""

    def __init__(self, state: str) -> None:
        self.state = state

    def holiday(self, day: dt.date) -> str | None:
        """The name of the public holiday on `day`, if any."""
        return _holidays(self.state, day.year).get(day)

    def is_workday(self, day: dt.date) -> bool:
        return day.weekday() < 5 and self.holiday(day) is None

    def on_or_before(self, day: dt.date) -> dt.date:
        """The last workday on or before `day`: a "no later than" deadline moves earlier."""
        while not self.is_workday(day):
            day -= dt.timedelta(days=1)
        return day

    def on_or_after(self, day: dt.date) -> dt.date:
        while not self.is_workday(day):
            day += dt.timedelta(days=1)
        return day

    def before(self, day: dt.date, workdays: int) -> dt.date:
        """The workday `workdays` workdays before `day` (3 workdays before Thu is Mon)."""
        count = 0
        while count < workdays:
            day -= dt.timedelta(days=1)
            if self.is_workday(day):
                count += 1
        return day

    def holidays_between(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
        """Holidays on weekdays strictly between two days, earliest first: the days a count skipped."""
        low, high = sorted((first, last))
        found = []
        day = low + dt.timedelta(days=1)
        while day < high:
            name = self.holiday(day) if day.weekday() < 5 else None
            if name:
                found.append((day, name))
            day += dt.timedelta(days=1)
        return found

    def why_not(self, day: dt.date) -> str | None:
        """Why `day` is not a workday ("Saturday", "Thanksgiving Day"), or None."""
        name = self.holiday(day)
        if name:
            return name
        if day.weekday() >= 5:
            return day.strftime("%A")
        return None


def relative_days(due: dt.date, as_of: dt.date) -> str:
    """"today", "in 3 days", "5 days overdue"."""
    delta = (due - as_of).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta > 0:
        return f"in {delta} days"
    if delta == -1:
        return "1 day overdue"
    return f"{-delta} days overdue"
