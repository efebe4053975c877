"""What casestaff tells a caseworker: flags that explain themselves, and calendar deadlines."""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from casestaff.model.plain import dataclass
from typing import Any

OVERDUE, DUE, UPCOMING = "overdue", "due", "upcoming"
STATUS_ORDER = {OVERDUE: 0, DUE: 1, UPCOMING: 2}

WINDOW_MEANING = (
    "The window: the as-of day and the DAYS days after it (--within DAYS; 14 unless given). A flag due in the"
    " window is DUE; one due after it whose reason has begun, or begins in the window, is UPCOMING; one whose"
    " reason begins after the window is not listed."
)
"""What --within means, in words: `due --help`, the docs and the list say this; `status_of` computes it."""

STATUS_MEANING = {
    OVERDUE: "its due date has passed",
    DUE: "due in the window (today or in the next DAYS days)",
    UPCOMING: "due after the window, its reason begun or beginning in it",
}
"""The one definition of each status: `status_of` computes it, help and docs print it."""


# Evidence and Flag live in the cache (as MessagePack: files/cachecodec.py) and are decoded by the
# ten thousand: plain slotted dataclasses, built in C, not frozen ones.
@dataclass(slots=True)
class Evidence:
    """A value from the case file that made a rule fire, and the file line it stands on."""

    field: str
    value: str
    line: int

    def __str__(self) -> str:
        return f"{self.field}: {self.value} (line {self.line})"


@dataclass(slots=True)
class LocalValue:
    """A parameter a flag rests on whose value the policy does not give: a local default, or the
    office's own from casestaff.toml (`source` says which)."""

    param: str
    value: Any
    source: str

    def __str__(self) -> str:
        return f"{self.param}={self.value}"


def local_key(values: tuple[LocalValue, ...]) -> tuple[Any, ...]:
    """Local defaults as a key that equal ones share: an int value as itself (equal ints print
    alike), any other by its repr (1.0, True and Decimal("1.00") equal 1 but print otherwise,
    and a list could not be a key). Its first item, the class, tells it from any other key."""
    if len(values) == 1:  # most flags with local defaults: no list to make
        one = values[0]
        value = one.value
        return (LocalValue, one.param, value if value.__class__ is int else repr(value), one.source)
    return (LocalValue, *[(v.param, v.value if v.value.__class__ is int else repr(v.value), v.source) for v in values])


@dataclass(slots=True)  # not frozen: rule functions make several a case (issue 11)
class Finding:
    """What a rule function returns: a condition that began on `since` and wants a staffing by `due`.

    `facts` fill the pack's reason template; `evidence` says where in the file they came from.
    """

    since: dt.date
    due: dt.date
    facts: dict[str, Any] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()
    satisfiable: bool = True
    """False when only the case file itself (a step marked done) can clear it, not a staffing."""


@dataclass(slots=True)
class Flag:
    """A finding about one case, as the caseworker sees it."""

    case: str
    file: str
    participant: str
    worker: str
    program: str
    rule: str
    reason: str
    evidence: tuple[Evidence, ...]
    since: dt.date
    due: dt.date
    status: str
    citation: str
    local_default: tuple[LocalValue, ...] = ()
    """The rule's parameters whose values are not the policy's: what the flag's timing rests on besides it."""
    hard_deadline: bool = False
    """The pack declares the rule a hard deadline: something takes effect on a set day (a sanction)."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "case": self.case,
            "file": self.file,
            "participant": self.participant,
            "worker": self.worker,
            "program": self.program,
            "rule": self.rule,
            "reason": self.reason,
            "evidence": [{"field": e.field, "value": e.value, "line": e.line} for e in self.evidence],
            "since": self.since.isoformat(),
            "due": self.due.isoformat(),
            "status": self.status,
            "hard_deadline": self.hard_deadline,
            "citation": self.citation,
            "local_default": [{"param": v.param, "value": v.value, "source": v.source} for v in self.local_default],
        }


@dataclass(frozen=True, slots=True)
class Deadline:
    """A program calendar deadline (forms, invites, the monthly provider staffing)."""

    program: str
    provider: str
    month: str
    item: str
    what: str
    due: dt.date
    status: str
    note: str
    citation: str
    case: str = ""
    """The case, for a deadline of one customer's staffing (its invites); empty for the provider's."""
    participant: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "program": self.program,
            "provider": self.provider,
            "case": self.case,
            "participant": self.participant,
            "month": self.month,
            "item": self.item,
            "what": self.what,
            "due": self.due.isoformat(),
            "status": self.status,
            "note": self.note,
            "citation": self.citation,
        }


def status_of(since: dt.date, due: dt.date, as_of: dt.date, within: int, window_end: dt.date | None = None) -> str | None:
    """overdue / due / upcoming as of a date (see STATUS_MEANING), or None when its reason begins
    after the window: the due date alone says whether it falls in the window, so a heading
    "looking 14 days ahead" never sits above "DUE in 23 days"."""
    if due < as_of:
        return OVERDUE
    if window_end is None:  # (a window given by its end: the program calendar's, to a month's end)
        window_end = as_of + dt.timedelta(days=within)  # compared, not subtracted: see model/watched.py
    if due <= window_end:
        return DUE
    if since <= window_end:
        return UPCOMING
    return None


def flag_order(flag: Flag) -> tuple[int, bool, dt.date, str]:
    """The order of a participant's flags: by status, hard deadlines first within one, then by due date."""
    return (STATUS_ORDER[flag.status], not flag.hard_deadline, flag.due, flag.rule)


@dataclass(slots=True)  # not frozen: it is decoded from the cache by the thousand
class CaseEntry:
    """What the morning list needs from one case: who, and every flag as of the date.

    Small on purpose: it crosses process boundaries and lives in the cache, where a whole
    Case would cost more to move than to re-read.
    """

    case: str
    participant: str
    worker: str
    program: str
    provider: str
    file: str
    flags: tuple[Flag, ...]
    held: tuple[tuple[str, dt.date], ...]
    """(kind, date) of staffings held on or before the as-of date whose kind a program calendar tracks."""
    calendar: tuple[tuple[str, dt.date], ...] = ()
    """(rule, since) of every condition through the last month a program calendar shows."""
    enrolled: dt.date | None = None
    """When the participant enrolled: from then on a monthly provider staffing must cover them."""
    planned: tuple[str, dt.date] | None = None
    """(kind, date) of the staffing being prepared, when a program calendar tracks its kind."""
    last_staffing: dt.date | None = None
    """The day of the last staffing held on or before the as-of date, of any kind."""
    planned_meeting: dt.date | None = None
    """The day of the staffing being prepared, when the file gives one on or after the as-of date."""
    names: tuple[str, ...] = ()
    """Every person's name in the file (participant, household, child, people at staffings): what
    an export without names withholds."""
