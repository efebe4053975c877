"""The as-of day, watched: how long an answer worked out as of one day stays the same.

Why: a due-list entry is a pure function of a case file and a day. The next morning almost every
answer is what it was (83-97 % of sample-shaped files, 98-99 % of the generator's), yet working
each one out again is most of the next morning's run (issue 11). So the rules are run with the
as-of day wrapped in a `WatchedDay`, which notes every comparison made with it: compared with
2026-12-19, an answer as of 2026-12-04 may turn on that day, so it holds through 2026-12-18 at
most. Any other use of the day -- its weekday, its month, its text, a difference in days, its
hash -- may change from one day to the next, and the answer then holds for its own day only.
The watch is conservative by construction: it never says an answer holds longer than every
comparison it saw allows, and whatever it cannot follow makes the answer a one-day answer.

`watching(day)` opens a sighting for one evaluation; `watched(day)` is the day to evaluate with
(`sighting.holds_until` once it is done). A day plus or minus whole days stays watched (its
comparisons are noted as the day's own, moved by the offset), so a window end `as_of + 14 days`
compared with a due date is a comparison of the as-of day.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from typing import Any, NoReturn

from casestaff.model.dates import ONE_DAY, month_end



class Sighting:
    """What one evaluation learned about the as-of day: the last day its answer surely holds."""

    __slots__ = ("day", "holds_until")

    def __init__(self, day: dt.date) -> None:
        self.day = day
        self.holds_until = dt.date.max

    def flips_on(self, at: dt.date) -> None:
        """`day < at` and `day >= at` change on the day `at` is reached."""
        if at > self.day and at <= self.holds_until:
            self.holds_until = at - ONE_DAY

    def flips_after(self, at: dt.date) -> None:
        """`day <= at` and `day > at` change the day after `at`."""
        if self.day <= at < self.holds_until:
            self.holds_until = at

    def flips_on_or_off(self, at: dt.date) -> None:
        """`day == at` and `day != at` change on `at`, and the day after it."""
        if at > self.day:
            self.flips_on(at)
        elif at == self.day:
            self.holds_until = self.day

    def one_day(self) -> None:
        """The day was used in a way that may change daily: the answer holds for this day only."""
        self.holds_until = self.day


_SIGHTING: list[Sighting | None] = [None]
"""The sighting open in this process (evaluations do not nest, nor run in threads)."""


class watching:  # lower case: used as a function, `with watching(day) as sighting`
    """Note what the evaluation inside learns about `day` (give it `watched(day)`): a sighting.
    A class rather than a generator: it is opened once a case, 10,000 times a list."""

    __slots__ = ("sighting",)

    def __init__(self, day: dt.date) -> None:
        self.sighting = Sighting(plain(day))

    def __enter__(self) -> Sighting:
        open_one = _SIGHTING[0]
        if open_one is not None:  # evaluations never nest: one inside another would take its comparisons
            _overlapped(open_one)
        _SIGHTING[0] = self.sighting
        return self.sighting

    def __exit__(self, *exc: object) -> None:
        if _SIGHTING[0] is not self.sighting:  # another evaluation's comparisons may have landed here, or this one's there
            _overlapped(self.sighting)
        _SIGHTING[0] = None


def _overlapped(sighting: Sighting) -> NoReturn:
    """Two watched evaluations met: `sighting` holds for its day only, no sighting is trusted any
    more, and the caller is told."""
    sighting.one_day()
    _SIGHTING[0] = None
    raise RuntimeError("two watched evaluations overlapped (threads?): model/watched.py keeps one sighting a process")


def _one_day() -> None:
    sighting = _SIGHTING[0]
    if sighting is not None:
        sighting.one_day()


def plain(day: dt.date) -> dt.date:
    """`day` as a plain date (a watched day's value, noting nothing): for keys of caches."""
    return day.plain if isinstance(day, WatchedDay) else day


def note_until(day: dt.date, last: dt.date) -> None:
    """Say that what is worked out from `day` holds only while `day` is on or before `last`: for
    a value taken from a watched day's plain date (`plain`), such as the end of its month. A
    watched day notes it as a comparison; a plain day has nothing to note."""
    if isinstance(day, WatchedDay):
        day._note(Sighting.flips_after, last)


def month_end_of(day: dt.date) -> dt.date:
    """The last day of `day`'s month. Worked out from the plain date, so a watched day is told
    (note_until) that it holds while the day stays in that month: the rules never take a value
    from `plain` and forget to say how long it holds."""
    last = month_end(plain(day))
    note_until(day, last)
    return last


def watched(day: dt.date) -> WatchedDay:
    """The as-of day to evaluate with inside `watching(day)`."""
    return _moved(plain(day), 0)


def _moved(value: dt.date, offset: int) -> WatchedDay:
    """The as-of day moved by `offset` days, whose value is `value`: one object each, as it holds
    nothing of an evaluation's own and making one costs about a microsecond -- the day itself and
    the window's end are asked for once a case (issue 11)."""
    key = (value, offset)
    made = _WATCHED.get(key)
    if made is None:
        made = _WATCHED[key] = WatchedDay._make(value, offset)
    return made


_WATCHED: dict[tuple[dt.date, int], WatchedDay] = {}


class WatchedDay(dt.date):
    """A date that notes, in the open sighting, what is learned about the as-of day through it
    (see the module's docstring). It is the as-of day moved by `offset` days; `plain` is its value."""

    # Attributes, not slots: a date's subclass may not add slots on every Python this supports.
    plain: dt.date
    offset: int
    _back: dt.timedelta

    @classmethod
    def _make(cls, value: dt.date, offset: int) -> WatchedDay:
        made = dt.date.__new__(cls, value.year, value.month, value.day)
        made.plain = value
        made.offset = offset
        made._back = dt.timedelta(days=offset)
        return made

    # -- comparisons: noted, exactly (made below, one per operator) ------------------------------

    def _note(self, flips: Callable[[Sighting, dt.date], None], other: object) -> None:
        """The comparison with anything but a plain date (the short way, in _comparison)."""
        sighting = _SIGHTING[0]
        if sighting is None or not isinstance(other, dt.date):
            return
        if isinstance(other, WatchedDay):
            return  # two moves of the same day: their order never changes
        if isinstance(other, dt.datetime):
            sighting.one_day()
            return
        flips(sighting, other - self._back)

    # -- whole days added or taken: still watched, moved -------------------------------------

    def __add__(self, other: object) -> Any:
        if isinstance(other, dt.timedelta) and not other.seconds and not other.microseconds:
            return _moved(self.plain + other, self.offset + other.days)
        _one_day()
        return self.plain.__add__(other)  # type: ignore[operator]

    __radd__ = __add__

    def __sub__(self, other: object) -> Any:
        if isinstance(other, dt.timedelta) and not other.seconds and not other.microseconds:
            return _moved(self.plain - other, self.offset - other.days)
        if isinstance(other, WatchedDay):
            return dt.timedelta(days=self.offset - other.offset)  # the same day moved twice: a constant
        _one_day()
        return self.plain.__sub__(other)  # type: ignore[operator]

    def __rsub__(self, other: object) -> Any:
        _one_day()
        return other.__sub__(self.plain) if isinstance(other, dt.date) else NotImplemented

    # -- anything else may change from day to day ---------------------------------------------

    def __hash__(self) -> int:
        _one_day()
        return hash(self.plain)

    def __reduce__(self) -> Any:
        _one_day()
        return self.plain.__reduce__()

    def __reduce_ex__(self, protocol: Any) -> Any:
        _one_day()
        return self.plain.__reduce_ex__(protocol)

    def __copy__(self) -> WatchedDay:
        return self

    def __deepcopy__(self, memo: Any) -> WatchedDay:
        return self


def _comparison(compare: Callable[[Any, Any], Any], flips: Callable[[Sighting, dt.date], None]) -> Any:
    """A watched day's comparison: noted in the open sighting by `flips`, answered as `compare`
    answers its plain value. A plain date -- what rules compare the day with, thousands of times
    a list -- takes the short way (about 0.3 us)."""

    def method(self: WatchedDay, other: object) -> Any:
        if type(other) is dt.date:
            if (sighting := _SIGHTING[0]) is not None:
                flips(sighting, other - self._back)
            return compare(self.plain, other)
        self._note(flips, other)
        return compare(self.plain, plain(other)) if isinstance(other, dt.date) else NotImplemented

    method.__name__ = f"__{compare.__name__}__"
    return method


COMPARISONS = {
    operator.lt: Sighting.flips_on,  # `day < at` and `day >= at` change the day `at` is reached
    operator.ge: Sighting.flips_on,
    operator.le: Sighting.flips_after,  # `day <= at` and `day > at` change the day after `at`
    operator.gt: Sighting.flips_after,
    operator.eq: Sighting.flips_on_or_off,
    operator.ne: Sighting.flips_on_or_off,
}
"""Each comparison a watched day answers, and how it changes with the day."""
for _compare, _flips in COMPARISONS.items():
    setattr(WatchedDay, f"__{_compare.__name__}__", _comparison(_compare, _flips))


def _daily_method(name: str) -> Any:
    method = getattr(dt.date, name)

    def use(self: WatchedDay, *args: Any, **kwargs: Any) -> Any:
        _one_day()
        return method(self.plain, *args, **kwargs)

    use.__name__ = name
    return use


def _daily_property(name: str) -> property:
    def read(self: WatchedDay) -> Any:
        _one_day()
        return getattr(self.plain, name)

    return property(read)


DAILY_METHODS = (
    "weekday", "isoweekday", "toordinal", "isoformat", "isocalendar", "timetuple", "ctime", "strftime",
    "replace", "__str__", "__repr__", "__format__",
    *(("__replace__",) if hasattr(dt.date, "__replace__") else ()),  # Python 3.13's copy.replace
)  # fmt: skip
"""A watched day's methods whose answer may change daily: each makes the answer a one-day one."""
DAILY_PROPERTIES = ("year", "month", "day")
CLASS_MAKERS = ("fromordinal", "fromisoformat", "fromisocalendar", "fromtimestamp", "today")
"""Class methods: on a watched day's class they make a plain date (they know no as-of day)."""

for _name in DAILY_METHODS:
    setattr(WatchedDay, _name, _daily_method(_name))
for _name in DAILY_PROPERTIES:
    setattr(WatchedDay, _name, _daily_property(_name))


def _plain_maker(name: str) -> Any:
    maker = getattr(dt.date, name)

    def make(cls: type, *args: Any, **kwargs: Any) -> dt.date:
        return maker(*args, **kwargs)

    make.__name__ = name
    return classmethod(make)


for _name in CLASS_MAKERS:
    setattr(WatchedDay, _name, _plain_maker(_name))
