"""One reading of typed dates and times: what is taken, and the words for what is not."""

from __future__ import annotations

import datetime as dt

import pytest

from casestaff.documents.templating import time12
from casestaff.model.when import WhenError, read_date, read_time


def test_a_date_is_taken_as_yyyy_mm_dd():
    assert read_date(" 2026-03-01 ") == dt.date(2026, 3, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-13-01", "2026-13-01: there is no month 13"),
        ("2026-02-30", "2026-02-30: February 2026 has 28 days"),
        ("03/04/1991", "write dates as YYYY-MM-DD: 03/04/1991 is 1991-03-04 if you mean March 4"),
        ("3/24/2026", "write dates as YYYY-MM-DD: 3/24/2026 is 2026-03-24"),
        ("2026-2-3", "write dates as YYYY-MM-DD: 2026-2-3 is 2026-02-03"),
        ("last spring", "'last spring' is not a date; write dates as YYYY-MM-DD, e.g. 2026-03-01"),
    ],
)
def test_a_date_written_otherwise_says_how_to_write_it(text, message):
    with pytest.raises(WhenError) as caught:
        read_date(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("15:00", "15:00"),
        ("9:05", "09:05"),
        ("3pm", "15:00"),
        ("3 pm", "15:00"),
        ("3:00 p.m.", "15:00"),
        ("3:30PM", "15:30"),
        ("12 a.m.", "00:00"),
        ("12pm", "12:00"),
        ("9:30 am", "09:30"),
    ],
)
def test_a_time_is_taken_in_24_hour_or_am_pm_form_and_kept_as_hh_mm(text, stored):
    assert read_time(text) == stored


def test_the_narrations_own_time_reads_back_to_itself():
    for stored in ("00:00", "09:30", "12:00", "15:00", "23:59"):
        assert read_time(time12(stored)) == stored


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("25:00", "25:00: there is no hour 25 on a 24-hour clock; write times like 15:00, 3pm or 3:30 p.m."),
        ("10:75", "10:75: there is no minute 75; write times like 15:00, 3pm or 3:30 p.m."),
        ("13pm", "13pm: there is no 13 p.m.; write times like 15:00, 3pm or 3:30 p.m."),
        ("3", "3 could be 3 a.m. or 3 p.m.; write times like 15:00, 3pm or 3:30 p.m."),
        ("noonish", "'noonish' is not a time; write times like 15:00, 3pm or 3:30 p.m."),
    ],
)
def test_a_time_written_otherwise_says_how_to_write_it(text, message):
    with pytest.raises(WhenError) as caught:
        read_time(text)
    assert str(caught.value) == message


# -- dates as spreadsheets write them (casestaff import) ------------------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from casestaff.model.when import AmbiguousDate, read_sheet_date  # noqa: E402

SHEET_DAYS = st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2099, 12, 31))


@given(SHEET_DAYS)
def test_a_date_written_month_first_or_day_first_reads_back_in_its_order(day):
    assert read_sheet_date(f"{day.month}/{day.day}/{day.year}", "mdy") == day  # Excel, US
    assert read_sheet_date(f"{day.day:02d}.{day.month:02d}.{day.year}", "dmy") == day  # Excel, Germany
    assert read_sheet_date(day.isoformat()) == day


@given(SHEET_DAYS)
def test_without_an_order_a_date_is_read_only_when_it_reads_one_way(day):
    text = f"{day.month}/{day.day}/{day.year}"
    if day.day <= 12 and day.day != day.month:
        with pytest.raises(AmbiguousDate):
            read_sheet_date(text)
    else:
        assert read_sheet_date(text) == day


@pytest.mark.parametrize(
    ("text", "read"),
    [("03/14/26", dt.date(2026, 3, 14)), ("3/14/29", dt.date(2029, 3, 14)), ("3/14/30", dt.date(1930, 3, 14)), ("14/3/1988", dt.date(1988, 3, 14))],
)
def test_two_digit_years_are_read_as_excel_reads_them(text, read):
    assert read_sheet_date(text) == read


def test_a_date_that_reads_two_ways_names_both():
    with pytest.raises(AmbiguousDate, match=r"^3/4/2026 could be March 4 or April 3; write it as YYYY-MM-DD \(2026-03-04 or 2026-04-03\)$"):
        read_sheet_date("3/4/2026")
