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
