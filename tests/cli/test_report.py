"""`casestaff report`, from the supervisor's side: numbers hand-counted on a small caseload, the
trend equal to `casestaff due --as-of` at each week's end, the page self-contained and its charts
drawing the tables' numbers, and no participant's name in a report made with --no-names."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from casestaff.actions.due import who_is_due
from casestaff.actions.report import overview
from casestaff.actions.workspace import Workspace
from casestaff.cli.main import app

from ..agenda_helpers import check_html
from ..conftest import SAMPLES

# Five la-step cases, all enrolled 2026-09-01, so each has la-step.no-progress coming up on
# 2026-11-10 (60 days without progress, then 10 to staff): upcoming at 2026-10-30, not overdue.
# Three have a next step not done: overdue from the day after its date.
STEP_CASE = """\
case_id: LA-R-{n}
program: la-step
worker: {worker}
participant: {{name: {name}}}
enrolled: 2026-09-01
staffings:
  - date: {held}
    kind: case-staffing
    next_steps:
      - {{step: Call the training provider, owner: participant, due: {step_due}}}
"""
SANCTION_CASE = """\
case_id: LA-R-4
program: la-step
worker: TB
participant: {name: Dee Delta}
enrolled: 2026-09-01
sanction:
  reason: Missed orientation
  proposed_on: 2026-10-26
  effective_on: 2026-11-06
  status: pending
"""
STAFFED_CASE = """\
case_id: LA-R-5
program: la-step
worker: TB
participant: {name: Eve Epsilon}
enrolled: 2026-09-01
staffings:
  - date: 2026-10-05
    kind: case-staffing
"""
AS_OF = "2026-10-30"  # a Friday: the weeks end on Fridays


@pytest.fixture
def caseload(write) -> Path:
    steps = [
        (1, "KM", "Ana Alpha", "2026-09-15", "2026-10-20"),  # overdue 10 days on 10-30
        (2, "KM", "Ben Beta", "2026-09-15", "2026-10-28"),  # overdue 2 days
        (3, "TB", "Cy Gamma", "2026-09-10", "2026-09-25"),  # overdue 35 days, since the 09-25 week
    ]
    for n, worker, name, held, step_due in steps:
        write(f"cases/la-{n}.yaml", STEP_CASE.format(n=n, worker=worker, name=name, held=held, step_due=step_due))
    write("cases/la-4.yaml", SANCTION_CASE)  # staff before 11-06: due the workday before, Thu 11-05
    path = write("cases/la-5.yaml", STAFFED_CASE)
    return path.parent


EXPECTED_TEXT = """\
casestaff report -- as of Fri 2026-10-30, all workers and programs
5 participants need attention (3 overdue) among 5 cases.

By worker
  worker  cases  need attention  overdue
  KM          2               2        2
  TB          3               3        1

By program
  program  cases  need attention  overdue
  la-step      5               5        3

By rule
  rule                      flagged  overdue
  la-step.next-steps              3        3
  la-step.no-progress             5        0
  la-step.pending-sanction        1        0

Overdue for (participants, by their longest-overdue flag)
  days       participants
  1-7 days              1
  8-30 days             1
  31+ days              1

Hard deadlines in the next 14 days (a sanction or disqualification taking effect)
  due             status  case    participant  worker  rule
  Thu 2026-11-05  due     LA-R-4  Dee Delta    TB      la-step.pending-sanction

Staffings held per month
  month    staffings
  2026-09          3
  2026-10          1

Overdue at each week's end (last 8 weeks)
  week ending     overdue
  Fri 2026-09-11        0
  Fri 2026-09-18        0
  Fri 2026-09-25        0
  Fri 2026-10-02        1  ##########
  Fri 2026-10-09        1  ##########
  Fri 2026-10-16        1  ##########
  Fri 2026-10-23        2  ####################
  Fri 2026-10-30        3  ##############################
"""


def test_the_numbers_are_the_hand_counted_ones(runner, caseload):
    result = runner.invoke(app, ["report", str(caseload), "--as-of", AS_OF, "--weeks", "8"])
    assert result.exit_code == 0, result.output
    assert result.stdout == EXPECTED_TEXT


def test_one_worker_or_one_program(runner, caseload):
    km = runner.invoke(app, ["report", str(caseload), "--as-of", AS_OF, "--weeks", "8", "--worker", "km"])
    assert km.exit_code == 0, km.output
    assert km.stdout.startswith("casestaff report -- as of Fri 2026-10-30, worker km\n2 participants need attention (2 overdue) among 2 cases.\n")
    assert "  2026-09          2\n" in km.stdout  # Ana's and Ben's staffings; Cy's is TB's
    assert "Fri 2026-10-23        1" in km.stdout and "Fri 2026-10-30        2" in km.stdout
    assert "LA-R-4" not in km.stdout  # TB's hard deadline
    other = runner.invoke(app, ["report", str(caseload), "--as-of", AS_OF, "--program", "il-snap-et"])
    assert other.exit_code == 0, other.output
    assert "0 participants need attention (0 overdue) among 0 cases." in other.stdout
    unknown = runner.invoke(app, ["report", str(caseload), "--program", "la-stpe"])
    assert unknown.exit_code == 2
    assert "no program 'la-stpe'" in unknown.stderr and "la-step" in unknown.stderr


def _csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_csv_has_the_same_numbers(runner, caseload, tmp_path):
    sheet = tmp_path / "report.csv"
    result = runner.invoke(app, ["report", str(caseload), "--as-of", AS_OF, "--weeks", "8", "--out", str(sheet)])
    assert result.exit_code == 0, result.output
    data = sheet.read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n")  # Excel's line ends
    rows = _csv(data.decode("utf-8"))
    value = {(r["section"], r["group"], r["measure"]): r["value"] for r in rows}
    assert value["caseload", "all workers and programs", "overdue"] == "3"
    assert value["by worker", "KM", "cases"] == "2" and value["by worker", "TB", "need attention"] == "3"
    assert value["by rule", "la-step.next-steps", "overdue"] == "3"
    assert [value["overdue for", label, "participants"] for label in ("1-7 days", "8-30 days", "31+ days")] == ["1", "1", "1"]
    assert [(r["group"], r["value"]) for r in rows if r["section"] == "staffings held"] == [("2026-09", "3"), ("2026-10", "1")]
    trend = [(r["group"], r["value"]) for r in rows if r["section"] == "overdue trend"]
    assert trend[-3:] == [("2026-10-16", "1"), ("2026-10-23", "2"), ("2026-10-30", "3")] and len(trend) == 8
    (hard,) = [r for r in rows if r["section"] == "hard deadline"]
    assert (hard["group"], hard["value"], hard["participant"], hard["rule"]) == ("LA-R-4", "2026-11-05", "Dee Delta", "la-step.pending-sanction")


def _overdue_per_due(runner, paths: list[str], day: str) -> int:
    """What `casestaff due --as-of DAY` counts as overdue: participants with an overdue flag."""
    result = runner.invoke(app, ["due", *paths, "--as-of", day, "--format", "json"])
    assert result.exit_code == 0, result.output
    return len({item["case"] for item in json.loads(result.stdout) if item["kind"] == "flag" and item["status"] == "overdue"})


@pytest.mark.parametrize("as_of", ["2026-12-01", "2026-11-18"])
def test_the_trend_is_what_due_says_at_each_weeks_end(runner, as_of):
    report = runner.invoke(app, ["report", str(SAMPLES), "--as-of", as_of, "--weeks", "6", "--format", "csv"])
    assert report.exit_code == 0, report.output
    trend = [(r["group"], int(r["value"])) for r in _csv(report.stdout) if r["section"] == "overdue trend"]
    assert len(trend) == 6 and trend[-1][0] == as_of
    assert len({count for _, count in trend}) > 1, "a flat trend would not show the replay"
    assert trend == [(day, _overdue_per_due(runner, [str(SAMPLES)], day)) for day, _ in trend]


def _participant_names() -> set[str]:
    names = set()
    for path in SAMPLES.glob("*.yaml"):
        case = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
        people = [case["participant"], *case.get("household", []), *([case["child"]] if case.get("child") else [])]
        for person in people:
            names.add(person["name"])
            names.update(part for part in person["name"].split() if len(part) > 2)
    return names


def test_no_names_leaves_every_participant_name_out(runner, tmp_path):
    names = _participant_names()
    with_names = runner.invoke(app, ["report", str(SAMPLES), "--as-of", "2026-12-01"])
    assert "Rosa Delgado" in with_names.stdout  # the hard deadlines name her without --no-names
    for fmt in ("text", "csv", "html"):
        out = tmp_path / f"report.{fmt}"
        result = runner.invoke(app, ["report", str(SAMPLES), "--as-of", "2026-12-01", "--no-names", "--format", fmt, "--out", str(out)])
        assert result.exit_code == 0, result.output
        text = out.read_text(encoding="utf-8")
        assert "OR-RE-0302" in text  # her case, by its id
        found = sorted(n for n in names if re.search(rf"\b{re.escape(n)}\b", text, re.IGNORECASE))
        assert not found, f"{fmt}: {found}"


def test_out_writes_the_page_owner_only_and_the_suffix_chooses_the_format(runner, caseload, tmp_path):
    page = tmp_path / "overview.html"
    result = runner.invoke(app, ["report", str(caseload), "--as-of", AS_OF, "--output", str(page)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"Wrote the report to {page}." in result.stderr
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    if os.name == "posix":
        assert stat.S_IMODE(page.stat().st_mode) == 0o600  # it names participants
    sheet = tmp_path / "overview.csv"
    assert runner.invoke(app, ["report", str(caseload), "--as-of", AS_OF, "--out", str(sheet)]).exit_code == 0
    assert sheet.read_text(encoding="utf-8").startswith("\ufeffsection,group,measure,value")
    refused = runner.invoke(app, ["report", str(caseload), "--out", str(caseload / "la-1.yaml")])
    assert refused.exit_code == 2 and "looks like a case or settings file" in refused.stderr
    assert "LA-R-1" in (caseload / "la-1.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "given"), [("overview.pdf", []), ("overview.docx", []), ("overview.pdf", ["--format", "html"])])
def test_a_file_named_for_a_format_the_report_cannot_write_is_refused(runner, caseload, tmp_path, name, given):
    """A .pdf or .docx file holding text or HTML would not open: refused, nothing written."""
    out = tmp_path / name
    result = runner.invoke(app, ["report", str(caseload), "--as-of", AS_OF, "--out", str(out), *given])
    assert result.exit_code == 2, result.output
    assert f"--out {out}: " in result.stderr and "report writes text, csv or html" in result.stderr
    assert not out.exists()


def test_bad_options_are_refused(runner, caseload):
    for args, words in (
        (["--weeks", "0"], "--weeks: 0 is not between 1 and 104"),
        (["--format", "pdf"], "--format: 'pdf' is not one of text, csv, html"),
        (["--as-of", "2026-13-01"], "--as-of"),
    ):
        result = runner.invoke(app, ["report", str(caseload), *args])
        assert result.exit_code == 2, (args, result.output)
        assert words in result.stderr


def test_a_broken_file_is_reported_and_the_rest_counted(runner, caseload, write):
    write("cases/broken.yaml", "case_id: X-1\nprogram: la-step\nparticipant: {name: Broken File}\nenrolled: 2026-02-30\n")
    result = runner.invoke(app, ["report", str(caseload), "--as-of", AS_OF, "--weeks", "8"])
    assert result.exit_code == 1
    assert result.stdout == EXPECTED_TEXT
    assert "broken.yaml:4:" in result.stderr and "run `casestaff check`" in result.stderr


# -- the page ---------------------------------------------------------------------------------


def _page(runner, paths: list[str], *args: str) -> str:
    result = runner.invoke(app, ["report", *paths, "--format", "html", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def _svg(html: str, chart_id: str) -> ET.Element:
    """The inline chart, parsed as the XML an SVG is."""
    match = re.search(rf'<svg class="chart" id="{chart_id}".*?</svg>', html, re.DOTALL)
    assert match, chart_id
    return ET.fromstring(match.group(0))


def _table_after(html: str, section: str) -> list[list[str]]:
    body = html.split(f'<section id="{section}">', 1)[1].split("</section>", 1)[0]
    table = body.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.DOTALL)]


def test_the_page_is_self_contained_and_printable(runner, caseload):
    html = _page(runner, [str(caseload)], "--as-of", AS_OF)
    check_html(html)
    assert "<script" not in html.lower()
    assert not re.search(r"https?:", html), "the page names a URL"
    assert "Dee Delta" in html and "<strong>3</strong> overdue" in html


def test_the_charts_draw_the_tables_numbers(runner):
    html = _page(runner, [str(SAMPLES)], "--as-of", "2026-12-01", "--weeks", "10")
    workers = _table_after(html, "by-worker")
    bars = _svg(html, "workers-chart").findall("g")
    assert [(b.get("data-label"), b.get("data-value"), b.get("data-overdue")) for b in bars] == [(w, n, o) for w, _, n, o in workers]
    assert len(bars) >= 5
    # Each bar's length is proportional to its number, its overdue part to the overdue count.
    def width(bar: ET.Element, part: str) -> float:
        return float(bar.find(f"rect[@class='{part}']").get("width"))

    scale = width(bars[0], "attention") / int(bars[0].get("data-value"))
    for bar in bars:
        assert width(bar, "attention") == pytest.approx(int(bar.get("data-value")) * scale, abs=0.01)
        assert width(bar, "overdue") == pytest.approx(int(bar.get("data-overdue")) * scale, abs=0.01)
    trend = _table_after(html, "trend")
    points = _svg(html, "trend-chart").findall("g")
    assert [p.get("data-value") for p in points] == [count for _, count in trend]
    assert [p.findall("text")[0].text for p in points] == [count for _, count in trend]
    # Higher counts sit higher (smaller y), equal counts at the same height.
    placed = [(float(p.find("circle").get("cy")), int(p.get("data-value"))) for p in points]
    for y1, c1 in placed:
        for y2, c2 in placed:
            assert (y1 < y2) == (c1 > c2)


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed")
def test_the_page_renders_in_a_browser(runner, tmp_path):
    page = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(SAMPLES), "--as-of", "2026-12-01", "--out", str(page)])
    assert result.exit_code == 0, result.output
    shot = tmp_path / "shot.png"
    subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--no-first-run", f"--screenshot={shot}", "--window-size=1400,1000", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000  # the charts and tables, not a blank canvas


# -- one load, N evaluations, and the cache shared with `due` ---------------------------------


@pytest.fixture
def aged_samples(tmp_path: Path) -> Path:
    """A copy of the samples, aged three seconds so the cache may trust them."""
    folder = tmp_path / "samples"
    shutil.copytree(SAMPLES, folder)
    old = time.time() - 3
    for path in folder.iterdir():
        os.utime(path, (old, old))
    return folder


def test_the_trend_reuses_the_cases_due_cached_and_leaves_dues_cache_whole(aged_samples):
    workspace = Workspace.open([aged_samples])
    files = len(list(aged_samples.glob("*.yaml")))
    as_of = dt.date(2026, 12, 1)
    morning = who_is_due(workspace, as_of, 14)
    assert morning.run.stats["parsed"] == files
    first = overview(workspace, as_of, 12)
    assert first.run.stats["cached"] == files  # the as-of day is due's own answer
    assert first.past.stats == {**first.past.stats, "parsed": 0, "recomputed": files}  # no file read again
    again = overview(workspace, as_of, 12)
    assert again.past.stats["cached"] == files and again.report == first.report
    after = who_is_due(workspace, as_of, 14)
    assert after.run.stats["cached"] == files  # the report's answers did not spoil due's
    assert first.report.overdue == sum(1 for row in after.report.rows if row.status == "overdue")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals here")
def test_html_is_not_poured_onto_a_terminal(caseload):
    """A page of markup on the screen helps nobody: say where to put it instead."""
    controller, terminal = os.openpty()
    try:
        shown = subprocess.run(
            [sys.executable, "-m", "casestaff", "report", str(caseload), "--format", "html"],
            stdout=terminal, stderr=subprocess.PIPE, text=True, timeout=120,
        )  # fmt: skip
    finally:
        os.close(terminal)
        os.close(controller)
    assert shown.returncode == 2
    assert "casestaff: --format html: give the page a file to go to, e.g. --out report.html" in shown.stderr


def test_names_are_escaped_on_the_page_and_never_run_as_formulas(runner, write, tmp_path):
    write("odd/la.yaml", SANCTION_CASE.replace("{name: Dee Delta}", '{name: "=HYPERLINK(1) <b>Dee</b> & Co"}').replace("worker: TB", 'worker: "@TB"'))
    page = _page(runner, [str(tmp_path / "odd")], "--as-of", AS_OF)
    check_html(page)
    assert "=HYPERLINK(1) &lt;b&gt;Dee&lt;/b&gt; &amp; Co" in page and "<b>Dee" not in page
    sheet = tmp_path / "odd.csv"
    assert runner.invoke(app, ["report", str(tmp_path / "odd"), "--as-of", AS_OF, "--out", str(sheet)]).exit_code == 0
    rows = _csv(sheet.read_text(encoding="utf-8"))
    (hard,) = [r for r in rows if r["section"] == "hard deadline"]
    assert hard["participant"] == "'=HYPERLINK(1) <b>Dee</b> & Co" and hard["worker"] == "'@TB"
    assert ("by worker", "'@TB") in {(r["section"], r["group"]) for r in rows}
