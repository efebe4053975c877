"""The due list as an iCalendar file (RFC 5545), for Outlook, Google Calendar and Apple Calendar.

Every flag of the due list and every deadline of the program calendar becomes an all-day event
on its due date. Its UID is a hash of what it is about -- the case, the rule and the day the
condition began; the program, provider, month, item (and case) of a calendar deadline -- so
tomorrow's file updates today's events instead of adding copies. What an earlier export of the
same file held and this one does not is sent again as cancelled; that memory is an
`ExportMemory` the caller keeps between exports.

Calendars are synced to cloud services: unless the user asks for names, no event carries a
participant's name -- not in its summary, and not in the free text (reasons, evidence, notes)
either, where every name of the caseload is replaced.

icalendar is imported only when a file is built: `casestaff due` never pays for it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from casestaff.model.plain import dataclass
from functools import lru_cache
from typing import Any

from casestaff import __version__
from casestaff.rules.due import DueReport
from casestaff.rules.flags import Deadline, Flag

UID_DOMAIN = "casestaff.invalid"
"""The UIDs' right-hand side: a name reserved never to be a real domain (RFC 2606), so no
calendar holds another program's event with the same UID."""
KEEP_CANCELLED_DAYS = 60
"""How long a cancelled event is still sent after it stopped applying: a calendar that missed
a day's import still learns of it."""
REMIND_AT_HOUR = 9
"""--remind DAYS rings at this hour, DAYS days before the due day."""
MAX_REMIND_DAYS = 365
WITHHELD = "[name]"
"""What stands where a participant's name was, when names are left out."""
MEMORY_FORMAT = 1

FLAG, DEADLINE = "flag", "deadline"


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day event, before it is numbered against the last export."""

    uid: str
    kind: str
    """FLAG or DEADLINE: a past deadline that drops off the list has passed, not been cancelled."""
    day: dt.date
    summary: str
    description: str
    categories: tuple[str, ...]
    private_summary: str
    """The summary without any name: what the memory keeps, to send a cancellation by."""

    def fingerprint(self, remind: int | None) -> str:
        """What makes the event change for a calendar: when this differs, SEQUENCE goes up."""
        text = "\x1f".join([self.day.isoformat(), self.summary, self.description, *self.categories, str(remind)])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def stable_uid(*parts: str) -> str:
    """The same parts give the same UID in every export."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]
    return f"{digest}@{UID_DOMAIN}"


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    """A word as names are compared: case and accents ignored (José == jose). Cached: the same
    words come back in event after event."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_WORD = re.compile(r"\w+")
_NAME_GAP = re.compile(r"[\s'’.-]*")
_WITHHELD_WITH_ID = re.compile(re.escape(WITHHELD) + r" \(([^()\s]+)\)")


class NameScrubber:
    """Replaces participants' names in free text, word by word, with WITHHELD.

    Each whole name is withheld, and each of its words of three letters or more wherever it
    stands alone ("Marisol will call ..."): a reason or a next step typed by a worker names the
    participant by first name. Shorter words (de, la) are left, or program ids would break;
    a two-letter name is withheld only as part of the whole name. Matching ignores case and
    accents. "Name (ID)", as the program calendar lists customers, becomes the ID alone.
    """

    def __init__(self, names: Iterable[str]) -> None:
        words: set[str] = set()
        whole: set[tuple[str, ...]] = set()
        for name in names:
            parts = tuple(_fold(w) for w in _WORD.findall(name))
            if parts:
                whole.add(parts)
            words.update(p for p in parts if len(p) >= 3 and not p.isdigit())
        self.words = frozenset(words)
        self.whole = frozenset(whole)
        self.longest = max((len(parts) for parts in whole), default=0)

    def scrub(self, text: str) -> str:
        found = list(_WORD.finditer(text))
        folded = [_fold(m.group()) for m in found]
        hidden = [False] * len(found)
        for start in range(len(found)):
            for size in range(min(self.longest, len(found) - start), 0, -1):
                if tuple(folded[start : start + size]) in self.whole and self._joined(text, found, start, size):
                    hidden[start : start + size] = [True] * size
                    break
            if folded[start] in self.words:
                hidden[start] = True
        out, last = [], 0
        index = 0
        while index < len(found):
            if not hidden[index]:
                index += 1
                continue
            end = index
            while end + 1 < len(found) and hidden[end + 1] and self._joined(text, found, end, 2):
                end += 1
            out.append(text[last : found[index].start()])
            out.append(WITHHELD)
            last = found[end].end()
            index = end + 1
        out.append(text[last:])
        return _WITHHELD_WITH_ID.sub(r"\1", "".join(out))

    @staticmethod
    def _joined(text: str, found: Sequence[re.Match[str]], start: int, size: int) -> bool:
        """The words found[start:start+size] follow each other with only spaces, hyphens,
        apostrophes or dots between them (one name, not two sentences)."""
        return all(
            _NAME_GAP.fullmatch(text[found[i].end() : found[i + 1].start()]) is not None
            for i in range(start, start + size - 1)
        )


def _flag_event(flag: Flag, names: bool, scrub: NameScrubber) -> CalendarEvent:
    private = f"{flag.case}: {flag.rule}"
    shown = (lambda text: text) if names else scrub.scrub
    lines = [shown(flag.reason)]
    if flag.evidence:
        lines.append("Evidence: " + shown("; ".join(f"{e.field}: {e.value}" for e in flag.evidence)))
    lines.append(f"Policy: {flag.citation}")
    if flag.local_default:
        lines.append("Local values: " + ", ".join(f"{v.param}={v.value} ({v.source})" for v in flag.local_default))
    lines.append(f"Due {flag.due:%a %Y-%m-%d}; since {flag.since:%Y-%m-%d}")
    lines.append(f"Case {flag.case}; program {flag.program}; worker {flag.worker or '-'}")
    if names:
        lines.append(f"File: {flag.file}")
    return CalendarEvent(
        uid=stable_uid(FLAG, flag.case, flag.rule, flag.since.isoformat()),
        kind=FLAG,
        day=flag.due,
        summary=f"{flag.participant} ({flag.case}): {flag.rule}" if names else private,
        description="\n".join(lines),
        categories=("casestaff", flag.program),
        private_summary=private,
    )


def _deadline_event(deadline: Deadline, names: bool, scrub: NameScrubber) -> CalendarEvent:
    d = deadline
    shown = (lambda text: text) if names else scrub.scrub
    title = f"{d.provider}: {d.program}.{d.item} {d.month}"
    private = title + (f" -- {d.case}" if d.case else "")
    lines = [shown(d.what)]
    if d.note:
        lines.append(shown(d.note))
    lines.append(f"Policy: {d.citation}")
    lines.append(f"Due {d.due:%a %Y-%m-%d}; provider {d.provider}; program {d.program}; month {d.month}")
    return CalendarEvent(
        uid=stable_uid(DEADLINE, d.program, d.provider, d.month, d.item, d.case),
        kind=DEADLINE,
        day=d.due,
        summary=title + (f" -- {d.participant} ({d.case})" if d.case and names else f" -- {d.case}" if d.case else ""),
        description="\n".join(lines),
        categories=("casestaff", d.program),
        private_summary=private,
    )


def calendar_events(report: DueReport, *, names: bool, caseload_names: Iterable[str]) -> list[CalendarEvent]:
    """The due list's flags and the program calendar's deadlines as events, in the list's order.

    Without `names`, every name in `caseload_names` is withheld from the free text.
    """
    scrub = NameScrubber(caseload_names if not names else ())
    events = [_flag_event(flag, names, scrub) for flag in report.flags]
    events += [_deadline_event(d, names, scrub) for d in report.deadlines]
    return _numbered_apart(events)


def _numbered_apart(events: list[CalendarEvent]) -> list[CalendarEvent]:
    """Two events about the same thing (two next steps of a case due the same day) each keep
    a UID of their own: the second and later get their place among them added, in the list's
    order."""
    seen: dict[str, int] = {}
    apart = []
    for event in events:
        count = seen.get(event.uid, 0) + 1
        seen[event.uid] = count
        apart.append(event if count == 1 else replace(event, uid=stable_uid(event.uid, str(count))))
    return apart


# --- memory of the last export --------------------------------------------------------------


@dataclass(frozen=True)
class Remembered:
    """What an export sent for one UID: enough to number its next version, or cancel it."""

    kind: str
    day: dt.date
    summary: str
    """Never a name: the private summary."""
    sequence: int
    fingerprint: str
    modified: dt.datetime
    cancelled_on: dt.date | None = None


ExportMemory = Mapping[str, Remembered]


class MemoryUnreadable(ValueError):
    """The memory file is not one casestaff wrote (or from a newer casestaff)."""


def memory_to_json(memory: ExportMemory, output: str) -> str:
    return json.dumps(
        {
            "format": MEMORY_FORMAT,
            "output": output,
            "events": {
                uid: {
                    "kind": r.kind,
                    "day": r.day.isoformat(),
                    "summary": r.summary,
                    "sequence": r.sequence,
                    "fingerprint": r.fingerprint,
                    "modified": r.modified.isoformat(),
                    "cancelled_on": r.cancelled_on.isoformat() if r.cancelled_on else None,
                }
                for uid, r in sorted(memory.items())
            },
        },
        indent=1,
        ensure_ascii=False,
    ) + "\n"


def memory_from_json(text: str) -> dict[str, Remembered]:
    try:
        data = json.loads(text)
        if data.get("format") != MEMORY_FORMAT:
            raise MemoryUnreadable(f"format {data.get('format')!r}, not {MEMORY_FORMAT}")
        return {
            uid: Remembered(
                kind=str(e["kind"]),
                day=dt.date.fromisoformat(e["day"]),
                summary=str(e["summary"]),
                sequence=int(e["sequence"]),
                fingerprint=str(e["fingerprint"]),
                modified=dt.datetime.fromisoformat(e["modified"]),
                cancelled_on=dt.date.fromisoformat(e["cancelled_on"]) if e.get("cancelled_on") else None,
            )
            for uid, e in data["events"].items()
        }
    except MemoryUnreadable:
        raise
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise MemoryUnreadable(str(exc)) from None


@dataclass(frozen=True)
class Export:
    """The events of one export, numbered against the last one, and the memory for the next."""

    events: tuple[tuple[CalendarEvent, Remembered], ...]
    cancelled: tuple[tuple[str, Remembered], ...]
    memory: dict[str, Remembered]


def plan_export(
    events: Sequence[CalendarEvent], previous: ExportMemory, as_of: dt.date, now: dt.datetime, remind: int | None
) -> Export:
    """Number each event against what the last export sent: SEQUENCE goes up when an event
    changed; an event sent before and not now is cancelled (and kept as cancelled for
    KEEP_CANCELLED_DAYS), unless it is a program deadline whose day has passed -- that one simply
    went by."""
    memory: dict[str, Remembered] = {}
    numbered = []
    for event in events:
        fingerprint = event.fingerprint(remind)
        before = previous.get(event.uid)
        if before is None:
            kept = Remembered(event.kind, event.day, event.private_summary, 0, fingerprint, now)
        elif before.fingerprint == fingerprint and before.cancelled_on is None:
            kept = before
        else:
            kept = Remembered(event.kind, event.day, event.private_summary, before.sequence + 1, fingerprint, now)
        memory[event.uid] = kept
        numbered.append((event, kept))
    cancelled = []
    for uid, before in sorted(previous.items(), key=lambda item: (item[1].day, item[0])):
        if uid in memory:
            continue
        if before.cancelled_on is None:
            if before.kind == DEADLINE and before.day < as_of:
                continue
            before = replace(before, sequence=before.sequence + 1, modified=now, cancelled_on=as_of)
        elif (as_of - before.cancelled_on).days > KEEP_CANCELLED_DAYS:
            continue
        memory[uid] = before
        cancelled.append((uid, before))
    return Export(tuple(numbered), tuple(cancelled), memory)


# --- the file --------------------------------------------------------------------------------

CANCELLED_NOTE = (
    "casestaff no longer lists this: a staffing recorded, a step done or the case changed made it"
    " stop applying, or it is outside this export's selection."
)


def _alarm(summary: str, remind: int) -> Any:
    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    # Relative to the all-day event's start (midnight): REMIND_AT_HOUR o'clock, `remind` days before.
    alarm.add("trigger", dt.timedelta(days=-remind, hours=REMIND_AT_HOUR))
    return alarm


def render_ics(export: Export, *, now: dt.datetime, remind: int | None, name: str) -> bytes:
    """The export as an iCalendar file: CRLF lines folded at 75 octets, text escaped, UTF-8;
    `name` is the calendar's, as a program shows a calendar the file is opened as."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", f"-//casestaff//casestaff {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    stamp = now.astimezone(dt.timezone.utc)

    def base(uid: str, day: dt.date, summary: str, kept: Remembered) -> Any:
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("last-modified", kept.modified.astimezone(dt.timezone.utc))
        event.add("sequence", kept.sequence)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", summary)
        event.add("transp", "TRANSPARENT")  # a deadline, not a meeting: the day stays free
        event.add("class", "PRIVATE")
        return event

    for item, kept in export.events:
        event = base(item.uid, item.day, item.summary, kept)
        event.add("status", "CONFIRMED")
        event.add("description", item.description)
        event.add("categories", list(item.categories))
        if remind is not None:
            event.add_component(_alarm(item.summary, remind))
        calendar.add_component(event)
    for uid, kept in export.cancelled:
        event = base(uid, kept.day, f"No longer due: {kept.summary}", kept)
        event.add("status", "CANCELLED")
        event.add("description", CANCELLED_NOTE)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data

