"""How the morning list looks: a compact view on a terminal (or the long one with --long), plain
text when piped, JSON or CSV.

Part of the CLI layer: the core hands over a DueReport and never imports rich. Every output is a
function of the report, the terminal's width and whether it takes colour -- nothing else -- so
an answer stored once replays byte for byte.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from json.encoder import encode_basestring as _encode_string  # the C encoder, as json.dumps(ensure_ascii=False) uses
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import PurePath
from typing import Any, TextIO

from casestaff.model.dates import relative_days
from casestaff.model.problems import printable
from casestaff.model.patterns import compiled_when_used
from casestaff.rules.due import CaseRow, DueReport
from casestaff.rules.flags import DUE, OVERDUE, STATUS_MEANING, UPCOMING, WINDOW_MEANING, Deadline, Evidence, Flag, local_key

COLUMNS = (
    "kind", "case", "file", "participant", "worker", "program", "rule", "reason", "evidence", "since", "due", "status", "citation",
    "local_default", "provider", "hard_deadline", "days_overdue", "last_staffing", "planned_meeting",
)  # fmt: skip
"""CSV columns; the newer ones come last, so a spreadsheet built on the older columns keeps working."""

HARD = "HARD"
"""The word that marks a hard deadline (the pack's `hard_deadline: true`): colour alone is lost on
a printout, a screen reader or a colour-blind reader."""


@lru_cache(maxsize=4096)
def _day_and_distance(day: dt.date, as_of: dt.date) -> str:
    """'Tue 2026-12-01 (in 3 days)': a list of 10,000 cases names a few hundred days, thousands
    of times each."""
    return f"{day:%a %Y-%m-%d} ({relative_days(day, as_of)})"


def _evidence(evidence: tuple[Evidence, ...]) -> str:
    """'field: value (line 12); ...': one evidence needs no list and no join (half the flags have one)."""
    if len(evidence) == 1:
        one = evidence[0]
        return f"{one.field}: {one.value} (line {one.line})"
    return "; ".join([f"{e.field}: {e.value} (line {e.line})" for e in evidence])


def _local(values: Iterable[tuple[str, Any, str]]) -> str:
    """The numbers a flag rests on that are not the policy's, by source: 'local default: days=60, ...'."""
    groups: dict[str, list[str]] = {}
    for param, value, source in values:
        groups.setdefault(source, []).append(f"{param}={value}")
    return "; ".join(f"{source}: {', '.join(shown)}" for source, shown in groups.items())


def _flag_local(flag: Flag) -> str:
    return _local((v.param, v.value, v.source) for v in flag.local_default)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _summary(report: DueReport) -> str:
    overdue = sum(1 for r in report.rows if r.status == OVERDUE)
    people = len(report.rows)
    return (
        f"{_plural(people, 'participant')} need{'s' if people == 1 else ''} attention"
        f" ({overdue} overdue) among {_plural(report.cases, 'case')}."
    )


def _window_end(report: DueReport) -> str:
    return f"{report.window_end:%a %Y-%m-%d}"


def _heading(report: DueReport) -> str:
    return f"casestaff due -- as of {report.as_of:%a %Y-%m-%d}; window: {_plural(report.within, 'day')}, to {_window_end(report)}"


def statuses_help() -> str:
    """The statuses and the window, as `due --help` and the docs print them (one definition: flags.py)."""
    meanings = "; ".join(f"{status.upper()} = {meaning}" for status, meaning in STATUS_MEANING.items())
    return (
        f"Statuses: {meanings}. {WINDOW_MEANING} {HARD} marks a hard deadline -- a sanction or disqualification"
        " takes effect on a set day -- listed first among flags of the same status."
    )


def _total(report: DueReport) -> str:
    """The one-line total at the bottom of the list."""
    counts = {status: 0 for status in STATUS_MEANING}
    flags = hard = 0
    for row in report.rows:  # one pass, not three lists of every flag (report.flags): issue 11
        flags += len(row.flags)
        for flag in row.flags:
            counts[flag.status] += 1
            if flag.hard_deadline:
                hard += 1
    parts = [f"{counts[s]} {s}" for s in (OVERDUE, DUE, UPCOMING)]
    text = f"Total: {_plural(len(report.rows), 'participant')}, {_plural(flags, 'flag')} ({', '.join(parts)}"
    text += f"; {hard} {HARD})" if hard else ")"
    if report.deadlines:
        text += f", {_plural(len(report.deadlines), 'calendar date')}"
    return text + "."


def _marked(flag: Flag) -> str:
    return f"  {HARD} DEADLINE" if flag.hard_deadline else ""


def _row_days(row: CaseRow) -> str:
    """The end of a row's heading: its last staffing and planned meeting, when it has them."""
    text = ""
    if row.last_staffing:
        text += f" -- last staffing {row.last_staffing.isoformat()}"
    if row.planned_meeting:
        text += f" -- planned meeting {row.planned_meeting.isoformat()}"
    return text


def plain_lines(report: DueReport) -> Iterator[str]:
    """The list as plain text, for pipes, files and screen readers: every field of every flag.
    Each piece is one line or more, without its last line end (a flag's lines are one piece). A
    generator, so 50,000 files' list is never held whole (issue 11)."""
    yield _heading(report)
    yield _summary(report)
    yield ""
    as_of = report.as_of
    width = len(f"{len(report.rows)}. ")
    pad = " " * width
    # What thousands of rows and flags repeat, made once a list (issue 11): a row heading's
    # program and worker, and its days; a flag's first line with the reason's indent (status,
    # day and distance, rule, mark), its "since", and its policy and local-default lines. A flag
    # is then five pieces joined, not seventeen formatted.
    middle: dict[tuple[str, str], str] = {}
    days: dict[tuple[dt.date | None, dt.date | None], str] = {}
    opening: dict[tuple[str, dt.date, str, bool], str] = {}
    since_of: dict[dt.date, str] = {}
    closing: dict[Any, str] = {}
    for number, row in enumerate(report.rows, 1):
        between = middle.get((row.program, row.worker))
        if between is None:
            between = middle[row.program, row.worker] = f" -- {row.program} -- worker {row.worker or '-'} -- "
        after = days.get((row.last_staffing, row.planned_meeting))
        if after is None:
            after = days[row.last_staffing, row.planned_meeting] = _row_days(row)
        yield f"{f'{number}.':<{width}}{row.participant} -- {row.case}{between}{printable(row.file)}{after}"
        for flag in row.flags:
            first = opening.get((flag.status, flag.due, flag.rule, flag.hard_deadline))
            if first is None:
                first = opening[flag.status, flag.due, flag.rule, flag.hard_deadline] = (
                    f"{pad}{flag.status.upper():<8} {_day_and_distance(flag.due, as_of)}  {flag.rule}{_marked(flag)}\n{pad}  "
                )
            since = since_of.get(flag.since)
            if since is None:
                since = since_of[flag.since] = f"\n{pad}  since {flag.since.isoformat()}; evidence: "
            # The local defaults by identity: one tuple for each rule's, as evaluated in this
            # process or shared as decoded (DueJob.shared), alive as long as the report is. A
            # tuple not seen yet takes an equal one's lines (answers kept apart), else makes them.
            local = flag.local_default
            key = (flag.citation, id(local)) if local else flag.citation
            last = closing.get(key)
            if last is None:
                same = (flag.citation, local_key(local)) if local else key
                last = closing.get(same)
                if last is None:
                    last = closing[same] = f"\n{pad}  policy: {flag.citation}" + (f"\n{pad}  {_flag_local(flag)}" if local else "")
                closing[key] = last
            yield f"{first}{flag.reason}{since}{_evidence(flag.evidence)}{last}"
        yield ""
    if report.deadlines:
        yield "Program calendar"
        for d in report.deadlines:
            yield f"   {d.status.upper():<8} {_day_and_distance(d.due, report.as_of)}  {d.program} -- {d.provider} -- {d.month} -- {d.item}"
            yield f"     {d.what}"
            if d.note:
                yield f"     {d.note}"
            yield f"     policy: {d.citation}"
        yield ""
    if not report.rows and not report.deadlines:
        yield "Nothing is due in the window. (Use --within DAYS to look further ahead.)"
        yield ""
    yield _total(report)
    yield statuses_help()  # the last line: never blank, never ends in a space


CHUNK_PIECES = 500
"""Pieces (a line, or a flag's lines) written at a time: few writes (each is a call through the
stored answer's copy when one is recorded), and never more than a small slice of the list in
memory (some 300 KB of the plain list)."""


def write_chunked(pieces: Iterable[str], out: TextIO, *, separator: str = "\n") -> None:
    """`pieces`, each followed by `separator`, written to `out` a chunk at a time."""
    chunk: list[str] = []
    for piece in pieces:
        chunk.append(piece)
        if len(chunk) >= CHUNK_PIECES:
            chunk.append("")
            out.write(separator.join(chunk))
            chunk.clear()
    if chunk:
        chunk.append("")
        out.write(separator.join(chunk))


def write_plain(report: DueReport, out: TextIO) -> None:
    """The plain list written to `out` as it is made (the same text as plain())."""
    write_chunked(plain_lines(report), out)


def _days_overdue(report: DueReport, item: dict[str, Any]) -> int:
    """Whole days an overdue item is past its due date as of the report's day; 0 for any other
    (a calendar deadline already done is not overdue, however long ago its day was)."""
    return (report.as_of - dt.date.fromisoformat(item["due"])).days if item["status"] == OVERDUE else 0


def _deadline_record(d: Deadline) -> dict[str, Any]:
    return {
        "kind": "deadline",
        "case": d.case,
        "file": "",
        "participant": d.participant,
        "worker": "",
        "program": d.program,
        "rule": f"{d.program}.provider-cycle.{d.item}",
        "reason": d.what + (f" ({d.note})" if d.note else ""),
        "evidence": [],
        "since": d.due.replace(day=1).isoformat(),
        "due": d.due.isoformat(),
        "status": d.status,
        "citation": d.citation,
        "local_default": [],
        "provider": d.provider,
        "hard_deadline": False,
        "last_staffing": None,
        "planned_meeting": None,
    }


def iter_records(report: DueReport) -> Iterator[dict[str, Any]]:
    """One object per flag (then one per calendar deadline), in the order of the list, made one at
    a time (JSON keys in the CSV's column order)."""
    for row in report.rows:
        last_staffing = row.last_staffing.isoformat() if row.last_staffing else None
        planned_meeting = row.planned_meeting.isoformat() if row.planned_meeting else None
        for flag in row.flags:
            item = {
                "kind": "flag",
                **flag.as_dict(),
                "file": printable(flag.file),
                "provider": "",
                "last_staffing": last_staffing,
                "planned_meeting": planned_meeting,
            }
            item["days_overdue"] = _days_overdue(report, item)
            yield {key: item[key] for key in COLUMNS}
    for d in report.deadlines:
        item = _deadline_record(d)
        item["days_overdue"] = _days_overdue(report, item)
        yield {key: item[key] for key in COLUMNS}


_INDENT = "  "


def indented_json(value: Any, indent: str = "") -> str:
    """Exactly json.dumps(value, indent=2, ensure_ascii=False) (for a value nested at `indent`), built
    from the C string encoder: json.dumps with an indent falls back to Python's slow encoder, 0.3-0.46 s
    for 10,000 flags (issue 11). Anything but plain str, int, finite float, bool, None, str-keyed
    dicts and lists is left to json.dumps itself."""
    kind = type(value)
    if kind is str:
        return _encode_string(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is float and math.isfinite(value):
        return float.__repr__(value)
    inner = indent + _INDENT
    if kind is dict:
        if not value:
            return "{}"
        parts = []
        for key, item in value.items():
            if type(key) is not str:
                break  # json.dumps turns such keys into text its own way
            item_kind = type(item)
            shown = _encode_string(item) if item_kind is str else indented_json(item, inner)
            parts.append(f"{inner}{_encode_string(key)}: {shown}")
        else:
            return "{\n" + ",\n".join(parts) + "\n" + indent + "}"
    elif kind is list:
        if not value:
            return "[]"
        return "[\n" + ",\n".join(inner + indented_json(item, inner) for item in value) + "\n" + indent + "]"
    # A JSON text never holds a raw newline (strings escape it): each line moves in by `indent`.
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + indent)


def _json_lines(report: DueReport) -> Iterator[str]:
    """The JSON list's text, an item at a time: what json.dumps(indent=2) lays out around them."""
    first = True
    for item in iter_records(report):
        yield ("[\n" if first else ",\n") + _INDENT + indented_json(item, _INDENT)
        first = False
    yield "[]" if first else "\n]"


def write_json(report: DueReport, out: TextIO) -> None:
    """The list as JSON (one object per flag, then per calendar deadline), written as it is made:
    the same text as json.dumps(list(iter_records(report)), indent=2, ensure_ascii=False) and a newline."""
    write_chunked(_json_lines(report), out, separator="")
    out.write("\n")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A spreadsheet shows text that starts like a formula as text, never runs it (CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def as_csv(report: DueReport) -> str:
    """CSV for supervisors' spreadsheets: a UTF-8 BOM so Excel on Windows reads accented names,
    CRLF line ends, and no cell a spreadsheet would run as a formula."""
    import csv  # only --format csv needs it: not imported on every start

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for item in iter_records(report):
        row = dict(item)
        row["evidence"] = "; ".join(f"{e['field']}: {e['value']} (line {e['line']})" for e in item["evidence"])
        row["local_default"] = _local((v["param"], v["value"], v["source"]) for v in item["local_default"])
        row["hard_deadline"] = "yes" if item["hard_deadline"] else ""
        row["last_staffing"] = item["last_staffing"] or ""
        row["planned_meeting"] = item["planned_meeting"] or ""
        writer.writerow({key: spreadsheet_safe(value) for key, value in row.items()})
    return "\ufeff" + buffer.getvalue()


# -- on a terminal ----------------------------------------------------------------------------

_STYLE = {OVERDUE: "bold red", DUE: "yellow", UPCOMING: "cyan", "done": "green"}


def _file_name(path: str) -> str:
    """The file's own name: on the compact view it identifies the case; its folder is the case folder."""
    return printable(PurePath(path).name)


def _short_day(day: dt.date, report: DueReport) -> str:
    """The due date once, short: the weekday and month/day in the as-of year, else with the year."""
    return f"{day:%a %m/%d}" if day.year == report.as_of.year else f"{day:%Y-%m-%d}"


def _short_relative(day: dt.date, report: DueReport) -> str:
    delta = (day - report.as_of).days
    if delta < 0:
        return f"{-delta} days late" if delta < -1 else "1 day late"
    return relative_days(day, report.as_of)


def _fit(text: str, room: int, cells: Any) -> str:
    """`text` in at most `room` terminal cells, cut at a word boundary with an ellipsis: never mid-word,
    unless a single word is wider than the room."""
    if cells(text) <= room:
        return text
    if room <= 1:
        return "…"[:room]
    words = text.split(" ")
    shown = ""
    for word in words:
        candidate = f"{shown} {word}" if shown else word
        if cells(candidate) + 1 > room:
            break
        shown = candidate
    if not shown:  # one word wider than the room: cut it, the line must fit
        shown = text
        while shown and cells(shown) + 1 > room:
            shown = shown[:-1]
    return shown.rstrip(" ,;:(") + "…"


def _fit_clauses(text: str, room: int, cells: Any) -> str:
    """As many whole clauses (parts between '; ') as fit, with an ellipsis when some are left out;
    the first clause cut at a word when even it does not fit."""
    clauses = text.split("; ")
    shown = clauses[0]
    if cells(shown) > room:
        return _fit(shown, room, cells)
    for count in range(1, len(clauses)):
        longer = "; ".join(clauses[: count + 1])
        if cells(longer) + (1 if count + 1 < len(clauses) else 0) > room:
            return shown + "…" if cells(shown) + 1 <= room else _fit(shown, room, cells)
        shown = longer
    return shown


_ASIDE = compiled_when_used(r"\s*\([^()]*\)")


def _short_reason(flag: Flag) -> str:
    """The reason without its asides in parentheses (which month, whose step): what is wrong and
    what to do comes first; the whole reason is on --long."""
    text, previous = flag.reason, ""
    while text != previous:  # inner parentheses first, then the ones around them
        previous, text = text, _ASIDE().sub("", text)
    return text


MIN_REASON = 30
"""Cells a flag's reason needs on the compact view before the days-to-go column gives way."""


def compact(report: DueReport, width: int) -> list[Any]:
    """The compact view as rich Text lines, each at most `width` cells: the heading, the summary and
    the statuses' meaning, then each participant and one line per flag, the calendar, and the total."""
    from rich.cells import cell_len
    from rich.text import Text

    def line(*parts: tuple[str, str]) -> Any:
        text = Text(no_wrap=True, overflow="ellipsis", end="\n")
        for chunk, style in parts:
            text.append(chunk, style=style)
        return text

    def wrapped(text: str, style: str = "") -> list[Any]:
        """A sentence on as many lines as it needs, broken between words only."""
        import textwrap  # a terminal's compact list only: a piped one never wraps (issue 11)

        pieces = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]
        return [fitted(piece, style) for piece in pieces]

    def fitted(text: str, style: str = "") -> Any:
        return line((_fit(text, width, cell_len), style))

    out = [*wrapped(_heading(report), "bold"), *wrapped(_summary(report))]
    end = _short_day(report.window_end, report)
    legend = [
        "OVERDUE: past due",
        f"DUE: due by {end}",
        f"UPCOMING: due after {end}",
        f"{HARD}: a sanction or disqualification takes effect",
        "--long: evidence, policy",
    ]
    shown = ""
    for item in legend:  # whole items to a line, never a definition cut short
        if shown and cell_len(f"{shown} · {item}") > width:
            out.append(fitted(shown, "dim"))
            shown = ""
        shown = f"{shown} · {item}" if shown else item
    out.append(fitted(shown, "dim"))
    if report.rows:
        out.append(Text(""))
    date_width = max([len(_short_day(f.due, report)) for f in report.flags] or [0])
    relative_width = max([len(_short_relative(f.due, report)) for f in report.flags] or [0])
    number_width = len(f"{len(report.rows)}.")
    # On a narrow screen the reason needs the room more than "in 3 days" does: the date stays.
    with_relative = width - (number_width + 1 + 9 + 4 + 1 + date_width + 2 + relative_width + 2) >= MIN_REASON
    for number, row in enumerate(report.rows, 1):
        head = f"{number}.".rjust(number_width) + " "
        name = _fit(row.participant, max(8, width - cell_len(head) - len(row.case) - 2), cell_len)
        extras = [row.case, row.program, f"worker {row.worker or '-'}", _file_name(row.file)]
        heading = [(head, ""), (name, "bold")]
        used = cell_len(head) + cell_len(name)
        for position, extra in enumerate(extras):  # ids are dropped whole, never broken: the case id always fits
            if used + 2 + cell_len(extra) > width:
                continue
            heading.append(("  " + extra, "dim" if position else ""))
            used += 2 + cell_len(extra)
        out.append(line(*heading))
        pad = " " * (number_width + 1)
        for flag in row.flags:
            columns = [
                (pad, ""),
                (f"{flag.status.upper():<8} ", _STYLE[flag.status]),
                (HARD if flag.hard_deadline else "    ", "bold reverse red" if flag.hard_deadline else ""),
                (f" {_short_day(flag.due, report):<{date_width}}  ", ""),
                (f"{_short_relative(flag.due, report):<{relative_width}}  " if with_relative else "", ""),
            ]
            room = width - sum(cell_len(chunk) for chunk, _ in columns)
            reason = _fit_clauses(_short_reason(flag), room, cell_len) if room > 0 else ""
            out.append(line(*columns, (reason, "bold" if flag.hard_deadline else "")))
    if report.deadlines:
        out += [Text(""), fitted("Program calendar", "bold")]
        deadline_date = max(len(_short_day(d.due, report)) for d in report.deadlines)
        deadline_relative = max(len(_short_relative(d.due, report)) for d in report.deadlines)
        for d in report.deadlines:
            columns = [
                (f"{d.status.upper():<8} ", _STYLE.get(d.status, "")),
                (f"{_short_day(d.due, report):<{deadline_date}}  {_short_relative(d.due, report):<{deadline_relative}}  ", ""),
            ]
            room = width - sum(cell_len(chunk) for chunk, _ in columns)
            what = _fit(f"{d.provider}: {d.what}", room, cell_len) if room > 0 else ""
            out.append(line(*columns, (what, "")))
    if not report.rows and not report.deadlines:
        out += wrapped("Nothing is due in the window. (Use --within DAYS to look further ahead.)")
    total = _total(report)
    if cell_len(total) > width:  # the short total: the calendar's count goes first, then the hard deadlines'
        total = total.split("), ")[0] + ")"
        if cell_len(total) > width:
            total = total.split("; ")[0] + ")"
    out += [Text(""), *wrapped(total, "bold")]
    return out


def _token_width(row: CaseRow) -> int:
    """The widest word of the participant column: the column is never narrower, so no id is broken."""
    return max(len(word) for word in (row.case, row.program, f"worker {row.worker or '-'}", *row.participant.split()))


def on_terminal(report: DueReport, console: Any, *, long: bool) -> None:
    """The list on a terminal: the compact view, or the long one (`--long`)."""
    if long:
        rich_table(report, console)
    else:
        for line in compact(report, console.width):
            console.print(line, no_wrap=True, overflow="ellipsis")  # a line too wide is cut short, never wrapped


def rich_table(report: DueReport, console: Any) -> None:
    """The long list as a rich table (terminal only): every flag's evidence, citation and local defaults."""
    from rich.table import Table
    from rich.text import Text

    console.print(Text(_heading(report), style="bold"))
    console.print(_summary(report), highlight=False)
    if report.rows:
        table = Table(show_lines=True, expand=True)
        participant_width = min(max(_token_width(row) for row in report.rows), max(12, console.width // 3))
        table.add_column("Participant", min_width=participant_width, max_width=participant_width, overflow="fold")
        table.add_column("Why (rule, evidence, policy)", ratio=1)
        for row in report.rows:
            who = Text(row.participant, style="bold")
            who.append(f"\n{row.case}\n{row.program}\nworker {row.worker or '-'}")
            if row.last_staffing:
                who.append(f"\nlast staffing\n{row.last_staffing.isoformat()}", style="dim")
            if row.planned_meeting:
                who.append(f"\nplanned meeting\n{row.planned_meeting.isoformat()}", style="dim")
            # The file's name heads the wide column: in the narrow one a long name would break mid-word.
            why = Text(f"file: {_file_name(row.file)}", style="dim")
            for flag in row.flags:
                why.append("\n")
                why.append(f"{flag.status.upper()} ", style=_STYLE[flag.status])
                if flag.hard_deadline:
                    why.append(f"{HARD} DEADLINE", style="bold reverse red")
                    why.append(" ")
                why.append(f"{_day_and_distance(flag.due, report.as_of)} ")
                why.append(flag.reason, style="bold")
                why.append(f"\n  [{flag.rule}]\n", style="dim")
                why.append(f"  evidence: {_evidence(flag.evidence)}\n", style="dim")
                why.append(f"  policy: {flag.citation}", style="italic")
                if flag.local_default:
                    why.append(f"\n  {_flag_local(flag)}", style="dim")
            table.add_row(who, why)
        console.print(table)
    if report.deadlines:
        cal = Table(title="Program calendar", expand=True)
        cal.add_column("Due", no_wrap=True)
        cal.add_column("Provider / month", ratio=1, min_width=18)
        cal.add_column("What", ratio=4)
        for d in report.deadlines:
            when = Text(f"{d.due:%a %Y-%m-%d}\n{relative_days(d.due, report.as_of)}", style=_STYLE.get(d.status, ""))
            what = Text(f"{d.status.upper()} ", style=_STYLE.get(d.status, ""))
            what.append(d.what)
            if d.note:
                what.append(f"\n  {d.note}", style="dim")
            what.append(f"\n  policy: {d.citation}", style="italic")
            cal.add_row(when, Text(f"{d.provider}\n{d.program} {d.month}"), what)  # Text: a name is never markup
        console.print(cal)
    if not report.rows and not report.deadlines:
        console.print("Nothing is due in the window. (Use --within DAYS to look further ahead.)", highlight=False)
    console.print(Text(_total(report), style="bold"))
