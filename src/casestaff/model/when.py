"""One reading of the dates and times a caseworker types: `check`'s suggestions, the `record`
prompts and every date option (--as-of, --date, --staffing) all go through here.

Only unambiguous forms are taken: dates as YYYY-MM-DD; times on a 24-hour clock (15:00) or
with a.m./p.m. (3pm, 3 pm, 3:00 p.m., 3:30PM). Anything else is refused with a message that
says what is wrong and how to write it. Times come back as case files store them, `HH:MM`.
"""

from __future__ import annotations

import datetime as dt
import re

from casestaff.model.patterns import compiled_when_used

DATE_EXAMPLE = "2026-03-01"

PLAUSIBLE_YEARS = range(1900, 3000)
"""Years a date may fall in, typed or in a case file: 9999-12-31 as "no end date" (or a typo)
would make the date arithmetic of every rule overflow. Here, not in model.records, so the
command line can check a typed date without importing every record class (start-up time)."""

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip  (not strftime's %B, which follows the locale)

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_LOOSE_DATE = compiled_when_used(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_US_DATE = compiled_when_used(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$")
_CLOCK = compiled_when_used(r"^(\d{1,2}):(\d{2})$")
_AM_PM = compiled_when_used(r"^(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s*m\.?$", re.IGNORECASE)
_TIME_HOW = "write times like 15:00, 3pm or 3:30 p.m."


class WhenError(ValueError):
    """A typed date or time casestaff will not read; the message says what is wrong and how to write it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def why_not_a_date(year: int, month: int, day: int) -> str:
    """Why year-month-day is no calendar date, in words a caseworker can act on."""
    if year < 1:
        return "there is no year 0"
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    days = (next_month - dt.timedelta(days=1)).day
    if day < 1:
        return "there is no day 0"
    return f"{_MONTH_NAMES[month - 1]} {year} has {days} days"


def suggest_date(text: str) -> str | None:
    """The YYYY-MM-DD spelling of a date written another common way, `if you mean ...` when
    the other way reads two ways (03/04 is April 3 to much of the world); None when there is none."""
    match = _LOOSE_DATE().match(text)
    if match:
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    else:
        match = _US_DATE().match(text)
        if not match:
            return None
        month, day, year = int(match[1]), int(match[2]), int(match[3])
        if year < 100:
            return None
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    if not _LOOSE_DATE().match(text) and day <= 12 and day != month:
        return f"{date.isoformat()} if you mean {_MONTH_NAMES[month - 1]} {day}"
    return date.isoformat()


def read_date(text: str) -> dt.date:
    """A date typed as YYYY-MM-DD; WhenError says why any other text is not one."""
    text = str(text).strip()
    match = _ISO_DATE.match(text)
    if match:
        year, month, day = int(match[1]), int(match[2]), int(match[3])
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise WhenError(f"{text}: {why_not_a_date(year, month, day)}") from None
    suggestion = suggest_date(text)
    if suggestion:
        raise WhenError(f"write dates as YYYY-MM-DD: {text} is {suggestion}")
    raise WhenError(f"{text!r} is not a date; write dates as YYYY-MM-DD, e.g. {DATE_EXAMPLE}")


class AmbiguousDate(WhenError):
    """A date such as 3/4/2026 that reads as two days, month first or day first."""


DATE_ORDERS = ("mdy", "dmy")
"""How a spreadsheet writes day and month: 3/14/2026 (month first, as Excel does in the US) or 14/3/2026."""


TWO_DIGIT_YEAR_PIVOT = 30
"""A two-digit year below this is 20xx, else 19xx: Excel's own reading of 1/2/29 and 1/2/30."""


def order_shown_by(text: str) -> str | None:
    """The order ("mdy" or "dmy") a date like 3/14/2026 proves by a part above 12; None when it
    proves none (3/4/2026) or is not written so."""
    match = _US_DATE().match(str(text).strip())
    if not match:
        return None
    first, second = int(match[1]), int(match[2])
    if first <= 12 < second:
        return "mdy"
    if second <= 12 < first:
        return "dmy"
    return None


def read_sheet_date(text: str, order: str | None = None) -> dt.date:
    """A date as a spreadsheet writes it: YYYY-MM-DD, or with slashes or dots (3/14/2026,
    14.03.2026, 03/14/26 with a two-digit year read as Excel reads it). A part above 12 says which is the day; when neither is,
    `order` ("mdy" or "dmy") decides, and without it the date is refused, naming both readings."""
    text = str(text).strip()
    match = _LOOSE_DATE().match(text)
    if match:
        return _real_date(text, int(match[1]), int(match[2]), int(match[3]))
    match = _US_DATE().match(text)
    if not match:
        return read_date(text)
    first, second, year = int(match[1]), int(match[2]), int(match[3])
    if len(match[3]) == 2:  # LibreOffice's US default, 03/14/26: read as Excel does, 00-29 as 20xx
        year += 2000 if year < TWO_DIGIT_YEAR_PIVOT else 1900
    elif len(match[3]) != 4:
        raise WhenError(f"{text}: write the year with four digits, or the date as YYYY-MM-DD")
    shown = order_shown_by(text) or ("mdy" if first == second else order)
    if shown is None and first <= 12 and second <= 12:
        as_mdy, as_dmy = dt.date(year, first, second), dt.date(year, second, first)
        raise AmbiguousDate(
            f"{text} could be {_MONTH_NAMES[first - 1]} {second} or {_MONTH_NAMES[second - 1]} {first};"
            f" write it as YYYY-MM-DD ({as_mdy.isoformat()} or {as_dmy.isoformat()})"
        )
    if shown == "dmy":
        return _real_date(text, year, second, first)
    return _real_date(text, year, first, second)


def _real_date(text: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise WhenError(f"{text}: {why_not_a_date(year, month, day)}") from None


def read_time(text: str) -> str:
    """A time of day as case files store it (`HH:MM`, 24-hour), from 15:00, 3pm, 3 pm,
    3:00 p.m. or 3:30PM; WhenError says why any other text is not one."""
    text = str(text).strip()
    match = _CLOCK().match(text)
    if match:
        hours, minutes = int(match[1]), int(match[2])
        if hours > 23:
            raise WhenError(f"{text}: there is no hour {hours} on a 24-hour clock; {_TIME_HOW}")
        if minutes > 59:
            raise WhenError(f"{text}: there is no minute {minutes}; {_TIME_HOW}")
        return f"{hours:02d}:{minutes:02d}"
    match = _AM_PM().match(text)
    if match:
        hours, minutes = int(match[1]), int(match[2] or 0)
        half = "a.m." if match[3].lower() == "a" else "p.m."
        if not 1 <= hours <= 12:
            raise WhenError(f"{text}: there is no {hours} {half}; {_TIME_HOW}")
        if minutes > 59:
            raise WhenError(f"{text}: there is no minute {minutes}; {_TIME_HOW}")
        return f"{hours % 12 + (12 if half == 'p.m.' else 0):02d}:{minutes:02d}"
    if text.isdigit() and 1 <= int(text) <= 12:
        raise WhenError(f"{text} could be {int(text)} a.m. or {int(text)} p.m.; {_TIME_HOW}")
    raise WhenError(f"{text!r} is not a time; {_TIME_HOW}")
