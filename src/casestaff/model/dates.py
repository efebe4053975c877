"""Calendar arithmetic: months with relativedelta, workdays that skip weekends and state holidays."""

from __future__ import annotations

import datetime as dt
import json
import os
from functools import cache, lru_cache
from pathlib import Path

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


@lru_cache(maxsize=65536)
def months_between(start: dt.date, on: dt.date) -> int:
    """Whole months from `start` to `on`, counted as add_months counts them (Aug 31 to Feb 28 is 6)."""
    delta = relativedelta(on, start)
    return delta.years * 12 + delta.months


@lru_cache(maxsize=65536)
def age_on(birth: dt.date, on: dt.date) -> int:
    return relativedelta(on, birth).years


US_STATES = frozenset(
    "AK AL AR AS AZ CA CO CT DC DE FL GA GU HI IA ID IL IN KS KY LA MA MD ME MI MN MO MP MS MT NC ND NE"
    " NH NJ NM NV NY OH OK OR PA PR RI SC SD TN TX UM UT VA VI VT WA WI WV WY".split()
)
"""The US states and territories `holidays` has calendars for. Spelled out so that checking a
pack or casestaff.toml does not import `holidays`; a test keeps the two in step."""


TABLE_YEARS = range(2020, 2036)
"""Years of the packaged holiday tables (see holiday_tables/)."""


def preload_holidays() -> None:
    """Import the holidays package now (~60 ms: it loads every country), e.g. once before
    starting worker processes that would each import it again -- unless the packaged tables
    will answer every question (see holidays_in)."""
    if packaged_tables_usable():
        return
    from holidays.countries.united_states import UnitedStates  # noqa: F401


def installed_holidays_version() -> str | None:
    """The installed holidays version, read from its dist-info folder name without importing it."""
    import importlib.util

    spec = importlib.util.find_spec("holidays")
    if spec is None or not spec.origin:
        return None
    site = os.path.dirname(os.path.dirname(spec.origin))
    try:
        for entry in os.scandir(site):
            name = entry.name
            if name.startswith("holidays-") and name.endswith(".dist-info"):
                return name[len("holidays-") : -len(".dist-info")]
    except OSError:
        return None
    return None


def holiday_tables_folder() -> Path:
    """The packaged tables made by the lock's holidays release (constraints.txt), the newest."""
    return Path(__file__).resolve().parent.parent / "holiday_tables"


def tables_folder_for(version: str) -> Path:
    """Where the packaged tables made by holidays `version` are: the lock's newest release's in
    holiday_tables/, an older one's -- the newest that Python 3.10 can install -- in
    holiday_tables/holidays-VERSION/."""
    top = holiday_tables_folder()
    return top if _made_by(top) == version else top / f"holidays-{version}"


def _made_by(folder: Path) -> str | None:
    try:
        return (folder / "VERSION").read_text(encoding="utf-8").strip()
    except OSError:
        return None


@lru_cache(maxsize=1)
def usable_tables_folder() -> Path | None:
    """The packaged tables made by the installed holidays release, or None: tables made by any
    other release may name or date a holiday otherwise (Virginia's changed between 0.107 and
    0.109), so they are not used."""
    installed = installed_holidays_version()
    if installed is None:
        return None
    top = holiday_tables_folder()
    for folder in (top, top / f"holidays-{installed}"):  # where tables_folder_for says, each VERSION read once
        if _made_by(folder) == installed:
            return folder
    return None


def packaged_tables_usable() -> bool:
    """The packaged tables were made by the same holidays version as the one installed."""
    return usable_tables_folder() is not None


@cache
def _packaged_table(folder: Path, state: str) -> dict[str, dict[str, str]] | None:
    try:
        return json.loads((folder / f"{state}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def compute_holidays(state: str, year: int) -> dict[dt.date, str]:
    """A state's public holidays in a year, straight from the holidays package."""
    from holidays.countries.united_states import UnitedStates

    return dict(UnitedStates(subdiv=state, years=year, observed=True))


@cache
def holidays_in(state: str, year: int) -> dict[dt.date, str]:
    """A state's public holidays in a year.

    Importing holidays takes ~60 ms (it loads every country), more than reading a whole small
    caseload. So casestaff ships each state's holidays for 2020-2035 as computed by the
    holidays package (holiday_tables/, regenerated and compared by the test suite), for each
    holidays release the lock installs (tables_folder_for), and uses them only when the
    installed holidays is the version that made them; any other version, state or year is asked
    of the holidays package itself.
    """
    folder = usable_tables_folder() if year in TABLE_YEARS else None
    if folder is not None:
        table = _packaged_table(folder, state)
        if table is not None and str(year) in table:
            return {dt.date.fromisoformat(day): name for day, name in table[str(year)].items()}
    return compute_holidays(state, year)


def write_holiday_tables(folder: Path) -> None:
    """(Re)generate the packaged holiday tables from the installed holidays package."""
    import holidays

    folder.mkdir(parents=True, exist_ok=True)
    for state in sorted(US_STATES):
        table = {
            str(year): {day.isoformat(): name for day, name in sorted(compute_holidays(state, year).items())}
            for year in TABLE_YEARS
        }
        (folder / f"{state}.json").write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    (folder / "VERSION").write_text(holidays.__version__ + "\n", encoding="utf-8")


ONE_DAY = dt.timedelta(days=1)
"""Made once: making a timedelta costs more than adding one (0.2 us), and the workday walks below
add one for every day they pass (issue 11)."""


class Workdays:
    """Workdays for one US state: Monday to Friday, minus that state's public holidays."""

    def __init__(self, state: str) -> None:
        self.state = state

    def holiday(self, day: dt.date) -> str | None:
        """The name of the public holiday on `day`, if any."""
        return holidays_in(self.state, day.year).get(day)

    def is_workday(self, day: dt.date) -> bool:
        return day.weekday() < 5 and self.holiday(day) is None

    def on_or_before(self, day: dt.date) -> dt.date:
        """The last workday on or before `day`: a "no later than" deadline moves earlier."""
        while not self.is_workday(day):
            day -= ONE_DAY
        return day

    def on_or_after(self, day: dt.date) -> dt.date:
        while not self.is_workday(day):
            day += ONE_DAY
        return day

    def before(self, day: dt.date, workdays: int) -> dt.date:
        """The workday `workdays` workdays before `day` (3 workdays before Thu is Mon)."""
        count = 0
        while count < workdays:
            day -= ONE_DAY
            if self.is_workday(day):
                count += 1
        return day

    def holidays_between(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
        """Holidays on weekdays strictly between two days, earliest first: the days a count skipped."""
        low, high = sorted((first, last))
        found = []
        day = low + ONE_DAY
        while day < high:
            name = self.holiday(day) if day.weekday() < 5 else None
            if name:
                found.append((day, name))
            day += ONE_DAY
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
