"""The watched as-of day (model/watched.py): every comparison with it is noted exactly, every
other use makes an answer a one-day answer, and it is the same date in every other way."""

from __future__ import annotations

import datetime as dt
import operator
import pickle

import pytest

from casestaff.model import watched as w
from casestaff.model.watched import WatchedDay, watched, watching

DAY = dt.date(2026, 12, 4)
ONE = dt.timedelta(days=1)
OPERATORS = {"lt": operator.lt, "le": operator.le, "gt": operator.gt, "ge": operator.ge, "eq": operator.eq, "ne": operator.ne}


def _first_flip(compare, at: dt.date, offset: int) -> dt.date | None:
    """The first day after DAY on which `compare(day + offset, at)` comes out otherwise than on DAY."""
    now = compare(DAY + dt.timedelta(days=offset), at)
    for later in range(1, 40):
        day = DAY + dt.timedelta(days=later)
        if compare(day + dt.timedelta(days=offset), at) != now:
            return day
    return None


@pytest.mark.parametrize("name", OPERATORS)
@pytest.mark.parametrize("offset", [0, 14, -3])
@pytest.mark.parametrize("distance", range(-20, 25))
@pytest.mark.parametrize("reflected", [False, True])
def test_a_comparison_holds_exactly_until_the_day_it_would_come_out_otherwise(name, offset, distance, reflected) -> None:
    compare = OPERATORS[name]
    at = DAY + dt.timedelta(days=distance)
    with watching(DAY) as sighting:
        day = watched(DAY) + dt.timedelta(days=offset) if offset >= 0 else watched(DAY) - dt.timedelta(days=-offset)
        result = compare(at, day) if reflected else compare(day, at)
    expected = compare(at, DAY + dt.timedelta(days=offset)) if reflected else compare(DAY + dt.timedelta(days=offset), at)
    assert result == expected
    flip = _first_flip((lambda a, b: compare(b, a)) if reflected else compare, at, offset)
    if flip is None:
        assert sighting.holds_until > DAY + dt.timedelta(days=38)
    else:
        assert sighting.holds_until == flip - ONE


def test_the_tightest_comparison_wins_and_the_same_day_moved_twice_notes_nothing() -> None:
    with watching(DAY) as sighting:
        day = watched(DAY)
        assert day < dt.date(2026, 12, 30)
        assert day + dt.timedelta(days=14) >= dt.date(2026, 12, 10)
        assert day < day + dt.timedelta(days=1)
        assert (day + dt.timedelta(days=14)) - day == dt.timedelta(days=14)
    assert sighting.holds_until == dt.date(2026, 12, 29)  # the window end met 12-10 long ago: it stays met


def test_moved_days_note_the_as_of_day_itself() -> None:
    with watching(DAY) as sighting:
        assert watched(DAY) + dt.timedelta(days=14) <= dt.date(2026, 12, 20)
    assert sighting.holds_until == dt.date(2026, 12, 6)  # 12-07 + 14 days is 12-21, past 12-20


@pytest.mark.parametrize(
    "use",
    [
        *(pytest.param(lambda d, name=name: getattr(d, name)(), id=name) for name in ("weekday", "isoweekday", "toordinal", "isoformat", "isocalendar", "timetuple", "ctime")),
        pytest.param(lambda d: d.strftime("%Y"), id="strftime"),
        pytest.param(lambda d: d.replace(day=1), id="replace"),
        pytest.param(lambda d: d.year, id="year"),
        pytest.param(lambda d: d.month, id="month"),
        pytest.param(lambda d: d.day, id="day"),
        pytest.param(str, id="str"),
        pytest.param(repr, id="repr"),
        pytest.param(lambda d: f"{d:%d}", id="format"),
        pytest.param(hash, id="hash"),
        pytest.param(lambda d: {d: 1}, id="dict key"),
        pytest.param(lambda d: dt.date(2026, 12, 25) - d, id="date minus it"),
        pytest.param(lambda d: d - dt.date(2026, 11, 1), id="it minus a date"),
        pytest.param(lambda d: d + dt.timedelta(hours=30), id="hours added"),
        pytest.param(lambda d: d == dt.datetime(2026, 12, 25), id="against a datetime"),
        pytest.param(lambda d: pickle.dumps(d), id="pickled"),
    ],
)
def test_any_other_use_makes_it_a_one_day_answer(use) -> None:
    with watching(DAY) as sighting:
        use(watched(DAY))
    assert sighting.holds_until == DAY


def test_it_is_the_same_date_in_value() -> None:
    day = watched(DAY)
    assert isinstance(day, dt.date)
    assert day == DAY and DAY == day
    assert (day + dt.timedelta(days=3)) == DAY + dt.timedelta(days=3)
    assert str(day) == "2026-12-04" and f"{day:%a}" == "Fri" and day.year == 2026
    assert dt.date(2026, 12, 25) - day == dt.timedelta(days=21)
    assert pickle.loads(pickle.dumps(day)) == DAY and type(pickle.loads(pickle.dumps(day))) is dt.date
    assert sorted([dt.date(2026, 12, 9), day, dt.date(2026, 1, 1)]) == [dt.date(2026, 1, 1), DAY, dt.date(2026, 12, 9)]
    assert type(WatchedDay.fromordinal(DAY.toordinal())) is dt.date


def test_outside_a_sighting_nothing_is_noted() -> None:
    day = watched(DAY)
    assert day < dt.date(2027, 1, 1) and hash(day) == hash(DAY)
    with watching(DAY + ONE) as sighting:
        assert watched(DAY + ONE) < dt.date(2026, 12, 10)
    assert sighting.holds_until == dt.date(2026, 12, 9)


HANDLED = {
    "__lt__", "__le__", "__gt__", "__ge__", "__eq__", "__ne__", "__add__", "__radd__", "__sub__", "__rsub__", "__hash__",
    "__reduce__", "__reduce_ex__", *w.DAILY_METHODS, *w.DAILY_PROPERTIES, *w.CLASS_MAKERS,
}  # fmt: skip
HARMLESS = {
    "__class__", "__doc__", "__new__", "__init__", "__init_subclass__", "__subclasshook__", "__getattribute__", "__setattr__",
    "__delattr__", "__dir__", "__sizeof__", "__getstate__", "min", "max", "resolution",
}  # fmt: skip
"""What a date has that says nothing of its value (or makes a plain date)."""


def test_every_way_to_read_a_date_is_watched() -> None:
    """A Python release that gives dates a new method fails here: decide whether it reads the value."""
    assert set(dir(dt.date)) <= HANDLED | HARMLESS, sorted(set(dir(dt.date)) - HANDLED - HARMLESS)


def test_a_value_taken_from_the_plain_day_is_said_to_hold_while_the_day_is_in_range() -> None:
    """The program calendar's window runs to the end of the month the list's window ends in: the
    same month end while `as_of + 14 days` stays in that month."""
    with watching(DAY) as sighting:
        window_end = watched(DAY) + dt.timedelta(days=14)
        month_end = dt.date(2026, 12, 31)
        w.note_until(window_end, month_end)
    assert sighting.holds_until == dt.date(2026, 12, 17)  # 12-18 + 14 days is 2027-01-01
    w.note_until(DAY, dt.date(2026, 12, 5))  # a plain day: nothing to note, nothing said


def test_evaluations_that_overlap_are_refused_not_mixed() -> None:
    """One sighting a process, and evaluations never nest: a second one opened while the first is
    (threads) would take the first's comparisons, which could then be kept for days they do not
    hold for. Both are refused, the first made a one-day answer."""
    first = watching(DAY)
    outer = first.__enter__()
    with pytest.raises(RuntimeError, match="overlapped"):
        watching(DAY).__enter__()
    assert outer.holds_until == DAY
    with pytest.raises(RuntimeError, match="overlapped"):
        first.__exit__(None, None, None)
    with watching(DAY) as after:  # nothing left behind
        assert watched(DAY) < dt.date(2026, 12, 10)
    assert after.holds_until == dt.date(2026, 12, 9)


BLIND_SPOTS = {
    r"\bcombine\(": "datetime.combine reads a date's fields in C, unwatched",
    r"\bdt\.date\.(?!fromisoformat\(|fromordinal\(|today\(|min\b|max\b)\w+\(": "an unbound date method reads its fields in C, unwatched",
    r"\bvars\(|__getstate__|__dict__": "reads a watched day's own attributes",
    r"\.plain\b(?! import)|\bplain\(": "a watched day's plain value, unwatched",
}
"""Ways to read the as-of day that model/watched.py cannot see."""


ALLOWED = (
    'what = ("plan", plain(as_of), isinstance(as_of, WatchedDay))',  # rules/evaluate.py: a cache key, not a value used
)


def test_the_due_path_reads_the_day_only_in_ways_the_watch_sees() -> None:
    from ..conftest import REPO

    package = REPO / "src" / "casestaff"
    import re

    files = [*sorted((package / "rules").glob("*.py")), package / "model" / "queries.py", package / "model" / "dates.py"]
    found = [
        f"{path.relative_to(REPO)}:{number}: {why}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for pattern, why in BLIND_SPOTS.items()
        if re.search(pattern, line.split("#")[0]) and not any(allowed in line for allowed in ALLOWED)
    ]
    assert not found, "\n".join(found)
