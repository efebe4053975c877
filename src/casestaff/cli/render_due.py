"""How the morning list looks: a rich table on a terminal, plain text when piped, JSON or CSV.

Part of the CLI layer: the core hands over a DueReport and never imports rich.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from casestaff.model.dates import relative_days
from casestaff.rules.due import DueReport
from casestaff.rules.flags import Deadline, Flag
from casestaff.model.problems import printable

COLUMNS = (
    "kind", "case", "file", "participant", "worker", "program", "rule", "reason", "evidence", "since", "due", "status", "citation",
    "local_default", "provider",
)  # fmt: skip


def _day(flag_or_deadline: Flag | Deadline) -> str:
    return f"{flag_or_deadline.due:%a %Y-%m-%d}"


def _evidence(flag: Flag) -> str:
    return "; ".join(f"{e.field}: {e.value} (line {e.line})" for e in flag.evidence)


def _local(values: Iterable[tuple[str, Any, str]]) -> str:
    """The numbers a flag rests on that are not the policy's, by source: 'local default: days=60, ...'."""
    groups: dict[str, list[str]] = {}
    for param, value, source in values:
        groups.setdefault(source, []).append(f"{param}={value}")
    return "; ".join(f"{source}: {', '.join(shown)}" for source, shown in groups.items())


def _flag_local(flag: Flag) -> str:
    return _local((v.param, v.value, v.source) for v in flag.local_default)


def _summary(report: DueReport) -> str:
    overdue = sum(1 for r in report.rows if r.status == "overdue")
    people = len(report.rows)
    return (
        f"{people} participant{'s' if people != 1 else ''} need{'s' if people == 1 else ''} attention"
        f" ({overdue} overdue) among {report.cases} case{'s' if report.cases != 1 else ''}."
    )


def _heading(report: DueReport) -> str:
    return f"casestaff due -- as of {report.as_of:%a %Y-%m-%d}, looking {report.within} days ahead"


def plain(report: DueReport) -> str:
    """The list as plain text, for pipes, files and screen readers."""
    out = [_heading(report), _summary(report), ""]
    width = len(f"{len(report.rows)}. ")
    for number, row in enumerate(report.rows, 1):
        pad = " " * width
        out.append(f"{f'{number}.':<{width}}{row.participant} -- {row.case} -- {row.program} -- worker {row.worker or '-'} -- {printable(row.file)}")
        for flag in row.flags:
            out.append(f"{pad}{flag.status.upper():<8} {_day(flag)} ({relative_days(flag.due, report.as_of)})  {flag.rule}")
            out.append(f"{pad}  {flag.reason}")
            out.append(f"{pad}  since {flag.since:%Y-%m-%d}; evidence: {_evidence(flag)}")
            out.append(f"{pad}  policy: {flag.citation}")
            if flag.local_default:
                out.append(f"{pad}  {_flag_local(flag)}")
        out.append("")
    if report.deadlines:
        out.append("Program calendar")
        for d in report.deadlines:
            out.append(f"   {d.status.upper():<8} {_day(d)} ({relative_days(d.due, report.as_of)})  {d.program} -- {d.provider} -- {d.month} -- {d.item}")
            out.append(f"     {d.what}")
            if d.note:
                out.append(f"     {d.note}")
            out.append(f"     policy: {d.citation}")
        out.append("")
    if not report.rows and not report.deadlines:
        out.append("Nothing is due in the window. (Use --within DAYS to look further ahead.)")
    return "\n".join(out).rstrip() + "\n"


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
    }


def records(report: DueReport) -> list[dict[str, Any]]:
    """One object per flag (then one per calendar deadline), in the order of the list."""
    items = [{"kind": "flag", **flag.as_dict(), "file": printable(flag.file), "provider": ""} for flag in report.flags]
    items += [_deadline_record(d) for d in report.deadlines]
    return items


def as_json(report: DueReport) -> str:
    return json.dumps(records(report), indent=2, ensure_ascii=False) + "\n"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    """A spreadsheet shows text that starts like a formula as text, never runs it (CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def as_csv(report: DueReport) -> str:
    """CSV for supervisors' spreadsheets: a UTF-8 BOM so Excel on Windows reads accented names,
    CRLF line ends, and no cell a spreadsheet would run as a formula."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for item in records(report):
        row = dict(item)
        row["evidence"] = "; ".join(f"{e['field']}: {e['value']} (line {e['line']})" for e in item["evidence"])
        row["local_default"] = _local((v["param"], v["value"], v["source"]) for v in item["local_default"])
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return "\ufeff" + buffer.getvalue()


_STYLE = {"overdue": "bold red", "due": "yellow", "upcoming": "cyan", "done": "green"}


def rich_table(report: DueReport, console: Any) -> None:
    """The list as a rich table (terminal only)."""
    from rich.table import Table
    from rich.text import Text

    console.print(Text(_heading(report), style="bold"))
    console.print(_summary(report), highlight=False)
    if report.rows:
        table = Table(show_lines=True, expand=True)
        table.add_column("Due", no_wrap=True)
        table.add_column("Participant", ratio=1, min_width=20, overflow="fold")
        table.add_column("Why (rule, evidence, policy)", ratio=3, min_width=30)
        for row in report.rows:
            first = row.flags[0]
            due = Text(f"{first.due:%a %Y-%m-%d}\n", style=_STYLE[row.status])
            due.append(relative_days(first.due, report.as_of), style=_STYLE[row.status])
            who = Text(row.participant, style="bold")
            who.append(f"\n{row.case}\n{row.program}\nworker {row.worker or '-'}\n")
            who.append(printable(row.file), style="dim")
            why = Text()
            for i, flag in enumerate(row.flags):
                if i:
                    why.append("\n")
                why.append(f"{flag.status.upper()} ", style=_STYLE[flag.status])
                why.append(f"{flag.due:%a %m/%d} ({relative_days(flag.due, report.as_of)}) ")
                why.append(flag.reason, style="bold")
                why.append(f"  [{flag.rule}]\n", style="dim")
                why.append(f"  evidence: {_evidence(flag)}\n", style="dim")
                why.append(f"  policy: {flag.citation}", style="italic")
                if flag.local_default:
                    why.append(f"\n  {_flag_local(flag)}", style="dim")
            table.add_row(due, who, why)
        console.print(table)
    if report.deadlines:
        cal = Table(title="Program calendar", expand=True)
        cal.add_column("Due", no_wrap=True)
        cal.add_column("Provider / month", ratio=1, min_width=18, overflow="fold")
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
