"""How the supervisor's overview looks as plain text and as CSV (the HTML page is a template:
documents/report.py). Part of the CLI layer: the core hands over a Report."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence

# render_due's CSV-injection guard, private there (not this branch's file): one copy of the rule.
from casestaff.cli.render_due import spreadsheet_safe
from casestaff.documents.report import WINDOW_DAYS, Report, Tally


def selection(report: Report) -> str:
    """Which cases the report covers, as the heading says it."""
    chosen = [f"worker {report.worker}" if report.worker else "", f"program {report.program}" if report.program else ""]
    return ", ".join(c for c in chosen if c) or "all workers and programs"


def summary(report: Report) -> str:
    people = report.attention
    return (
        f"{people} participant{'s' if people != 1 else ''} need{'s' if people == 1 else ''} attention"
        f" ({report.overdue} overdue) among {report.cases} case{'s' if report.cases != 1 else ''}."
    )


def _table(title: str, head: Sequence[str], rows: Sequence[Sequence[object]]) -> Iterator[str]:
    """A titled table: counts right-aligned (their headings too), text left-aligned."""
    yield title
    cells = [[str(c) for c in row] for row in [head, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(head))]
    numeric = [bool(rows) and all(isinstance(row[i], int) for row in rows) for i in range(len(head))]
    for row in cells:
        shown = (f"{c:>{w}}" if right else f"{c:<{w}}" for c, w, right in zip(row, widths, numeric, strict=True))
        yield ("  " + "  ".join(shown)).rstrip()
    if not rows:
        yield "  (none)"
    yield ""


def _tally_rows(tallies: Sequence[Tally], with_cases: bool) -> list[list[object]]:
    return [[t.name, *([t.cases] if with_cases else []), t.attention, t.overdue] for t in tallies]


def plain(report: Report) -> str:
    """The overview as plain text, for a terminal, a pipe or a screen reader."""
    out = [f"casestaff report -- as of {report.as_of:%a %Y-%m-%d}, {selection(report)}", summary(report), ""]
    out += _table("By worker", ["worker", "cases", "need attention", "overdue"], _tally_rows(report.by_worker, True))
    out += _table("By program", ["program", "cases", "need attention", "overdue"], _tally_rows(report.by_program, True))
    out += _table("By rule", ["rule", "flagged", "overdue"], _tally_rows(report.by_rule, False))
    out += _table("Overdue for (participants, by their longest-overdue flag)", ["days", "participants"], [list(a) for a in report.aging])
    hard_head = ["due", "status", "case", *(["participant"] if report.names else []), "worker", "rule"]
    hard_rows = [
        [f"{d.due:%a %Y-%m-%d}", d.status, d.case, *([d.participant] if report.names else []), d.worker or "-", d.rule]
        for d in report.hard_deadlines
    ]
    out += _table(f"Hard deadlines in the next {WINDOW_DAYS} days (a sanction or disqualification taking effect)", hard_head, hard_rows)
    out += _table("Staffings held per month", ["month", "staffings"], [list(m) for m in report.staffings_by_month])
    top = max((p.overdue for p in report.trend), default=0)
    trend_rows = [[f"{p.day:%a %Y-%m-%d}", p.overdue, _bar(p.overdue, top)] for p in report.trend]
    out += _table(f"Overdue at each week's end (last {report.weeks} week{'s' if report.weeks != 1 else ''})", ["week ending", "overdue", ""], trend_rows)
    return "\n".join(out).rstrip() + "\n"


TEXT_BAR = 30
"""Characters of the longest bar in the text trend."""


def _bar(value: int, top: int) -> str:
    return "#" * round(value * TEXT_BAR / top) if top else ""


COLUMNS = ("section", "group", "measure", "value", "participant", "worker", "program", "rule")


def csv_rows(report: Report) -> Iterator[dict[str, object]]:
    """One row per number (section, group, measure, value), then one per hard deadline -- long
    form, so a spreadsheet's pivot table can regroup them."""
    yield {"section": "caseload", "group": selection(report), "measure": "cases", "value": report.cases}
    yield {"section": "caseload", "group": selection(report), "measure": "need attention", "value": report.attention}
    yield {"section": "caseload", "group": selection(report), "measure": "overdue", "value": report.overdue}
    for section, tallies in (("by worker", report.by_worker), ("by program", report.by_program), ("by rule", report.by_rule)):
        for t in tallies:
            if t.cases is not None:
                yield {"section": section, "group": t.name, "measure": "cases", "value": t.cases}
            yield {"section": section, "group": t.name, "measure": "need attention", "value": t.attention}
            yield {"section": section, "group": t.name, "measure": "overdue", "value": t.overdue}
    for label, count in report.aging:
        yield {"section": "overdue for", "group": label, "measure": "participants", "value": count}
    for d in report.hard_deadlines:
        yield {
            "section": "hard deadline",
            "group": d.case,
            "measure": f"due ({d.status})",
            "value": d.due.isoformat(),
            "participant": d.participant,
            "worker": d.worker,
            "program": d.program,
            "rule": d.rule,
        }
    for month, count in report.staffings_by_month:
        yield {"section": "staffings held", "group": month, "measure": "staffings", "value": count}
    for p in report.trend:
        yield {"section": "overdue trend", "group": p.day.isoformat(), "measure": "overdue", "value": p.overdue}


def as_csv(report: Report) -> str:
    """CSV as `due --format csv` writes it: a UTF-8 BOM for Excel, CRLF, no cell run as a formula."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n", restval="")
    writer.writeheader()
    for row in csv_rows(report):
        writer.writerow({key: spreadsheet_safe(value) for key, value in row.items()})
    return "\ufeff" + buffer.getvalue()
