"""The calendar document: names withheld from free text, and events numbered against the last export."""

from __future__ import annotations

import datetime as dt

import pytest

from casestaff.documents.calendar import (
    DEADLINE,
    FLAG,
    KEEP_CANCELLED_DAYS,
    CalendarEvent,
    MemoryUnreadable,
    NameScrubber,
    memory_from_json,
    memory_to_json,
    plan_export,
    stable_uid,
)

NOW = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.timezone.utc)
LATER = dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.timezone.utc)
DAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Marisol will call three providers", "[name] will call three providers"),
        ("customers: Marisol Vega (OR-RE-0306), Li Wu (OR-RE-0307)", "customers: OR-RE-0306, OR-RE-0307"),
        ("Next step for MARISOL VEGA-RUIZ today", "Next step for [name] today"),
        ("José said Jose's plan", "[name] said [name]'s plan"),
        ("Li will call; the la-step pack", "Li will call; the la-step pack"),
        ("Vegas trip", "Vegas trip"),
        ("asked Marisol (the participant) first", "asked [name] (the participant) first"),
    ],
)
def test_names_are_withheld_word_by_word_accents_and_case_ignored(text, shown):
    scrub = NameScrubber(["Marisol Vega-Ruiz", "Marisol Vega", "Li Wu", "José de la Cruz"])
    assert scrub.scrub(text) == shown


def _event(uid: str, day: dt.date, text: str = "reason", kind: str = FLAG) -> CalendarEvent:
    return CalendarEvent(uid, kind, day, f"CASE: {uid}", text, ("casestaff",), f"CASE: {uid}")


def test_an_unchanged_event_keeps_its_sequence_and_a_changed_one_counts_up():
    first = plan_export([_event("a", DAY), _event("b", DAY)], {}, DAY, NOW, None)
    assert [kept.sequence for _, kept in first.events] == [0, 0]
    second = plan_export([_event("a", DAY), _event("b", DAY, "new reason")], first.memory, DAY, LATER, None)
    assert [(kept.sequence, kept.modified) for _, kept in second.events] == [(0, NOW), (1, LATER)]
    third = plan_export([_event("a", DAY), _event("b", DAY, "new reason")], second.memory, DAY, LATER, 2)
    assert [kept.sequence for _, kept in third.events] == [1, 2]  # a reminder added changes both


def test_a_flag_that_stopped_is_cancelled_then_forgotten_and_a_passed_deadline_just_goes():
    past = DAY - dt.timedelta(days=3)
    first = plan_export([_event("flag", past), _event("form", past, kind=DEADLINE), _event("soon", DAY, kind=DEADLINE)], {}, past, NOW, None)
    second = plan_export([], first.memory, DAY, LATER, None)
    assert [(uid, kept.sequence, kept.cancelled_on) for uid, kept in second.cancelled] == [("flag", 1, DAY), ("soon", 1, DAY)]
    kept_day = DAY + dt.timedelta(days=KEEP_CANCELLED_DAYS)
    assert [uid for uid, _ in plan_export([], second.memory, kept_day, LATER, None).cancelled] == ["flag", "soon"]
    assert plan_export([], second.memory, kept_day + dt.timedelta(days=1), LATER, None).cancelled == ()
    back = plan_export([_event("flag", past)], second.memory, DAY, LATER, None)
    assert [(kept.sequence, kept.cancelled_on) for _, kept in back.events] == [(2, None)]


def test_the_memory_reads_back_and_a_foreign_file_is_refused():
    export = plan_export([_event("a", DAY)], {}, DAY, NOW, None)
    assert memory_from_json(memory_to_json(export.memory, "/x/deadlines.ics")) == export.memory
    for text in ("", "[]", '{"format": 99, "events": {}}', '{"format": 1, "events": {"a": {}}}'):
        with pytest.raises(MemoryUnreadable):
            memory_from_json(text)


def test_uids_depend_on_what_the_event_is_about_only():
    assert stable_uid("flag", "OR-1", "rule", "2026-11-01") == stable_uid("flag", "OR-1", "rule", "2026-11-01")
    assert stable_uid("flag", "OR-1", "rule", "2026-11-01") != stable_uid("flag", "OR-1", "rule", "2026-12-01")
    assert stable_uid("flag", "OR-1", "rule", "2026-11-01").endswith("@casestaff.invalid")
