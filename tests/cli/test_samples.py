"""The sample caseload, from the user's side: what `casestaff due` tells a caseworker about it.

The samples are the README demo (`casestaff due sample_cases --as-of 2026-12-01`) and the
material later agendas and narrations are built from, so these tests pin what each sample is
there to show: every rule of every pack fires, conditions a later staffing satisfied stay quiet,
cases with nothing due stay off the list, and the filters and output formats behave.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from casestaff.cli.main import app

from ..conftest import REPO, SAMPLES

AS_OF = "2026-12-01"
PROGRAMS = ("la-step", "il-snap-et", "or-ssp-reengagement", "fc-reintegration", "or-ssp-case-management")
FLAG_KEYS = {"case", "file", "participant", "worker", "program", "rule", "reason", "evidence", "since", "due", "status", "citation"}
NOTHING_DUE = {
    "LA-ST-0104": "Tamika Reed",
    "IL-ET-0205": "Wei Chen",
    "OR-RE-0304": "Hannah Whitfield",
    "FC-RI-0404": "Elena Torres",
    "OR-CM-0504": "Owen McAllister",
}


def _due(runner, monkeypatch, *options: str, fmt: str | None = None):
    monkeypatch.chdir(REPO)
    args = ["due", "sample_cases", "--as-of", AS_OF, *options]
    if fmt:
        args += ["--format", fmt]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


def _flags(runner, monkeypatch, *options: str) -> list[dict]:
    items = json.loads(_due(runner, monkeypatch, *options, fmt="json"))
    return [item for item in items if item["kind"] == "flag"]


def _deadlines(runner, monkeypatch, *options: str) -> list[dict]:
    items = json.loads(_due(runner, monkeypatch, *options, fmt="json"))
    return [item for item in items if item["kind"] == "deadline"]


def _cases(flags: list[dict]) -> set[str]:
    return {f["case"] for f in flags}


def _header(path: Path) -> dict[str, str]:
    """case_id and program read straight from the file's text (not through casestaff)."""
    text = path.read_text(encoding="utf-8-sig")
    return {key: re.search(rf"^{key}: (\S+)", text, re.M)[1] for key in ("case_id", "program")}


# --- the caseload itself -----------------------------------------------------------------------


def test_samples_cover_every_program_with_at_least_four_participants():
    files = sorted(SAMPLES.glob("*.yaml"))
    assert len(files) >= 24
    headers = {path.name: _header(path) for path in files}
    for name, header in headers.items():
        assert name.startswith(header["program"] + "-"), f"{name} is named after another program"
    ids = [h["case_id"] for h in headers.values()]
    assert len(ids) == len(set(ids))
    for program in PROGRAMS:
        assert sum(1 for h in headers.values() if h["program"] == program) >= 4, program


def test_every_sample_says_what_it_demonstrates_on_its_first_line():
    for path in SAMPLES.glob("*.yaml"):
        first = path.read_text(encoding="utf-8-sig").splitlines()[0]
        assert first.startswith("# ") and len(first) > 30, path.name


def test_samples_check_clean(runner):
    result = runner.invoke(app, ["check", str(SAMPLES), "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{len(list(SAMPLES.glob('*.yaml')))} file(s) checked, no problems.\n"


def test_a_windows_file_with_bom_and_crlf_and_accented_names_loads(runner, monkeypatch):
    raw = (SAMPLES / "la-step-zoe-angstrom.yaml").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == raw.count(b"\n") > 20
    names = {f["participant"] for f in _flags(runner, monkeypatch)}
    assert {"Zoë Ångström", "José Núñez", "Đặng Thị Mai", "Lúcia Ferreira", "Bjørn Sørensen"} <= names


# --- output formats ----------------------------------------------------------------------------


def _value_is_on(evidence: dict, line: str) -> bool:
    """Does this file line hold the evidence value (as rules phrase it)?"""
    value = evidence["value"]
    if value in line:
        return True
    progress = re.fullmatch(r"\d{4}-\d{2}-\d{2}: (\w+)", value)  # "2026-10-30: none" on the progress line
    if progress:
        return f"progress: {progress[1]}" in line
    hours = re.fullmatch(r"([\d.]+) of ([\d.]+) hours.*", value)  # field "participation 2026-10"
    if hours:
        month = evidence["field"].rsplit(" ", 1)[-1]
        return f"month: {month}" in line and f"actual_hours: {hours[1]}" in line and f"required_hours: {hours[2]}" in line
    employer = re.fullmatch(r"(.+) since \d{4}-\d{2}-\d{2}", value)
    if employer:
        return f"employer: {employer[1]}" in line
    if value == "still in it":  # a component with no end: the evidence points at the component
        return line.lstrip().startswith("- name:")
    return False


def test_json_flags_carry_every_field_and_evidence_points_at_real_lines(runner, monkeypatch):
    flags = _flags(runner, monkeypatch)
    assert flags
    lines_of: dict[str, list[str]] = {}
    for flag in flags:
        assert FLAG_KEYS <= flag.keys()
        assert flag["status"] in ("overdue", "due", "upcoming")
        assert flag["citation"] and flag["reason"] and flag["evidence"]
        assert flag["file"].replace("\\", "/").startswith("sample_cases/")
        dt.date.fromisoformat(flag["since"])
        dt.date.fromisoformat(flag["due"])
        lines = lines_of.setdefault(flag["file"], (REPO / flag["file"]).read_text(encoding="utf-8-sig").splitlines())
        for evidence in flag["evidence"]:
            line = lines[evidence["line"] - 1]
            assert _value_is_on(evidence, line), (flag["file"], evidence, line)


def test_evidence_lines_read_back_exactly(runner, monkeypatch):
    flags = _flags(runner, monkeypatch)

    def line_of(case: str, rule: str, field: str) -> str:
        flag = next(f for f in flags if f["case"] == case and f["rule"] == rule)
        evidence = next(e for e in flag["evidence"] if e["field"] == field)
        return (REPO / flag["file"]).read_text(encoding="utf-8-sig").splitlines()[evidence["line"] - 1]

    assert line_of("LA-ST-0101", "la-step.pending-sanction", "sanction.effective_on") == "  effective_on: 2026-12-07"
    assert line_of("IL-ET-0201", "il-snap-et.component-benchmark", "started") == "    start: 2026-05-31"
    # The CRLF + BOM file counts lines like any other.
    assert line_of("LA-ST-0102", "la-step.pending-sanction", "sanction.proposed_on") == "  proposed_on: 2026-11-25"
    assert line_of("OR-RE-0303", "or-ssp-reengagement.follow-up-review", "Child safety check received") == "    received: 2026-11-25"


def test_csv_has_the_json_columns_and_one_row_per_item(runner, monkeypatch):
    items = json.loads(_due(runner, monkeypatch, fmt="json"))
    text = _due(runner, monkeypatch, fmt="csv")
    assert text.startswith("\ufeffkind,"), "a UTF-8 BOM, so Excel on Windows reads accented names"
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert FLAG_KEYS <= set(rows[0].keys())
    assert list(rows[0].keys()) == list(items[0].keys())
    assert [(r["case"], r["rule"], r["due"]) for r in rows] == [(i["case"], i["rule"], i["due"]) for i in items]
    jose = next(r for r in rows if r["rule"] == "la-step.pending-sanction" and r["case"] == "LA-ST-0101")
    assert "sanction.effective_on: 2026-12-07 (line " in jose["evidence"]


# --- what the list says ------------------------------------------------------------------------


def test_every_rule_of_every_pack_fires_on_the_samples(runner, monkeypatch):
    from casestaff.files.config import Config
    from casestaff.packset import load_packset

    packset = load_packset(Config())
    rules = {f"{pack.id}.{rule.id}" for pack in packset.packs.values() for rule in pack.rules}
    assert len(packset.packs) >= 5 and len(rules) >= 20
    fired = {f["rule"] for f in _flags(runner, monkeypatch)}
    assert rules - fired == set()


def test_flags_for_all_five_programs_with_every_status(runner, monkeypatch):
    flags = _flags(runner, monkeypatch)
    assert {f["program"] for f in flags} == set(PROGRAMS)
    assert {f["status"] for f in flags} == {"overdue", "due", "upcoming"}
    for program in PROGRAMS:
        assert any(f["status"] == "overdue" for f in flags if f["program"] == program), program


def test_one_row_per_participant_overdue_first_then_earliest_due(runner, monkeypatch):
    flags = _flags(runner, monkeypatch)
    rows: list[list[dict]] = []
    for flag in flags:  # JSON lists flags in the order of the rows
        if rows and rows[-1][0]["case"] == flag["case"]:
            rows[-1].append(flag)
        else:
            rows.append([flag])
    cases = [row[0]["case"] for row in rows]
    assert len(cases) == len(set(cases)), "a participant appears in two rows"
    rank = {"overdue": 0, "due": 1, "upcoming": 2}
    for row in rows:  # within a row: overdue, then due, then upcoming; hard deadlines first; soonest first
        inner = [(rank[f["status"]], not f["hard_deadline"], f["due"]) for f in row]
        assert inner == sorted(inner), row[0]["participant"]
    keys = [(rank[row[0]["status"]], not row[0]["hard_deadline"], row[0]["due"]) for row in rows]  # a row by its most pressing flag
    assert keys == sorted(keys)
    assert keys[0][0] == 0 and keys[-1][0] > 0

    plain = _due(runner, monkeypatch)
    numbered = re.findall(r"^\d+\.\s+(.+?) -- ", plain, re.M)
    assert numbered == [row[0]["participant"] for row in rows]
    assert plain.splitlines()[1] == f"{len(rows)} participants need attention ({sum(k[0] == 0 for k in keys)} overdue) among {len(list(SAMPLES.glob('*.yaml')))} cases."


def test_cases_with_nothing_due_are_not_listed(runner, monkeypatch):
    flags = _flags(runner, monkeypatch)
    assert _cases(flags).isdisjoint(NOTHING_DUE)
    plain = _due(runner, monkeypatch)
    for name in NOTHING_DUE.values():
        assert name not in plain


@pytest.mark.parametrize(
    ("case", "rule", "before", "fragment"),
    [
        # 6 months in job search reached 09/02; the 09/10 customer staffing satisfied it.
        ("IL-ET-0203", "il-snap-et.component-benchmark", "2026-09-05", "6 months"),
        # IEP task missed 10/20 and no progress on 10/30; the 11/19 reintegration staffing took it up.
        ("FC-RI-0402", "fc-reintegration.not-progressing", "2026-11-10", "not progressing"),
        # No hours in September and October; the 11/12 re-engagement staffing.
        ("OR-RE-0303", "or-ssp-reengagement.not-engaging", "2026-11-05", "2026-09, 2026-10"),
        # Offsite visit outcome received 10/01; reviewed at the 10/06 staffing.
        ("OR-RE-0304", "or-ssp-reengagement.follow-up-review", "2026-10-02", "offsite visit"),
        # Under half the hours in September; the 10/14 customer staffing.
        ("IL-ET-0204", "il-snap-et.poor-engagement", "2026-10-05", "2026-09"),
        # Reintegration staffing 08/25; the case planning meeting followed on 09/15.
        ("FC-RI-0401", "fc-reintegration.case-planning-meeting", "2026-09-01", "2026-08-25"),
        # Short hours in August and September; the 10/12 case staffing.
        ("LA-ST-0104", "la-step.non-participation", "2026-10-05", "2026-08, 2026-09"),
    ],
)
def test_a_condition_a_later_staffing_satisfied_is_not_shown(runner, monkeypatch, case, rule, before, fragment):
    def reasons(as_of: str) -> list[str]:
        monkeypatch.chdir(REPO)
        result = runner.invoke(app, ["due", "sample_cases", "--as-of", as_of, "--format", "json"])
        assert result.exit_code == 0, result.output
        return [f["reason"] for f in json.loads(result.stdout) if f["case"] == case and f["rule"] == rule]

    assert any(fragment in r for r in reasons(before)), f"{rule} should fire for {case} before the staffing"
    assert not any(fragment in r for r in reasons(AS_OF)), f"{rule} should be satisfied for {case} by {AS_OF}"


def test_month_end_benchmark_and_holiday_moved_sanction_deadline(runner, monkeypatch):
    flags = _flags(runner, monkeypatch)
    benchmark = next(f for f in flags if f["case"] == "IL-ET-0201")
    assert (benchmark["rule"], benchmark["due"], benchmark["status"]) == ("il-snap-et.component-benchmark", "2026-11-30", "overdue")
    assert "6 months in the same component (Vocational training (welding)) reached 2026-11-30" in benchmark["reason"]
    # Effective Mon 12/28: one workday before it, skipping Sunday, Saturday and Christmas Day -> Thu 12/24.
    sanction = next(f for f in flags if f["case"] == "LA-ST-0102" and f["rule"] == "la-step.pending-sanction")
    # Due in 23 days: after the 14-day window, so UPCOMING (never "DUE in 23 days"), and a hard deadline.
    assert (sanction["due"], sanction["status"], sanction["hard_deadline"]) == ("2026-12-24", "upcoming", True)


# --- filters -----------------------------------------------------------------------------------


def test_worker_filter_keeps_only_that_workers_cases(runner, monkeypatch):
    km = _flags(runner, monkeypatch, "--worker", "km")
    assert _cases(km) == {"LA-ST-0101", "LA-ST-0102", "LA-ST-0105"}
    rh = _flags(runner, monkeypatch, "--worker", "RH")
    assert _cases(rh) == {"OR-RE-0001", "OR-RE-0302", "OR-RE-0305"}
    assert _deadlines(runner, monkeypatch, "--worker", "RH") == []
    # IDHS worker LP sees the calendar of the provider whose customers LP carries, not the other one.
    assert {d["provider"] for d in _deadlines(runner, monkeypatch, "--worker", "LP")} == {"Prairie Example Training Center"}
    nobody = _due(runner, monkeypatch, "--worker", "nobody")
    assert "0 participants need attention (0 overdue) among 0 cases." in nobody
    assert "Nothing is due in the window." in nobody


def test_program_filter_keeps_only_that_program(runner, monkeypatch):
    fc = _flags(runner, monkeypatch, "--program", "fc-reintegration")
    assert {f["program"] for f in fc} == {"fc-reintegration"}
    assert _cases(fc) == {"FC-RI-0401", "FC-RI-0402", "FC-RI-0403", "FC-RI-0405", "FC-RI-0406"}
    assert _deadlines(runner, monkeypatch, "--program", "fc-reintegration") == []
    il = _deadlines(runner, monkeypatch, "--program", "il-snap-et")
    assert {d["provider"] for d in il} == {"Lakeview Example Works", "Prairie Example Training Center"}


def test_within_widens_and_narrows_the_window(runner, monkeypatch):
    retention = ("OR-CM-0502", "or-ssp-case-management.retention-check-in")
    # Bjørn started work 11/16: his first retention check-in is due 12/16, 15 days out.
    assert retention not in {(f["case"], f["rule"]) for f in _flags(runner, monkeypatch)}
    wider = _flags(runner, monkeypatch, "--within", "15")
    check_in = next(f for f in wider if (f["case"], f["rule"]) == retention)
    assert (check_in["due"], check_in["status"]) == ("2026-12-16", "due")  # inside the 15 days: due

    today_only = _flags(runner, monkeypatch, "--within", "0")
    assert {f["due"] for f in today_only if f["status"] == "due"} == {AS_OF}  # the window is the day itself
    assert all(f["since"] <= AS_OF < f["due"] for f in today_only if f["status"] == "upcoming")  # begun, due later
    assert "LA-ST-0105" not in _cases(today_only)  # nothing of Đặng Thị Mai's has begun yet
    assert "IL-ET-0203" in _cases(today_only)  # Luis Ortega's cooperating-not-progressing has begun
    assert {f["status"] for f in today_only} == {"overdue", "due", "upcoming"}
    # only the provider staffings missed in earlier months (overdue) are left of the calendar
    assert {d["status"] for d in _deadlines(runner, monkeypatch, "--within", "0")} == {"overdue"}


# --- the il-snap-et provider calendar ------------------------------------------------------------


def test_december_provider_cycle_for_each_provider(runner, monkeypatch):
    deadlines = {(d["provider"], d["rule"].rsplit(".", 1)[1]): d for d in _deadlines(runner, monkeypatch)}
    for provider in ("Lakeview Example Works", "Prairie Example Training Center"):
        for item in ("form-4333", "form-4344"):
            assert deadlines[(provider, item)]["due"] == "2026-12-10"
    lakeview = deadlines[("Lakeview Example Works", "invites")]
    assert lakeview["due"] == "2026-12-15"
    prairie = deadlines[("Prairie Example Training Center", "invites")]
    # casestaff.toml gives Prairie a Thu 12/17 meeting: invites go 3 workdays before, Mon 12/14.
    assert prairie["due"] == "2026-12-14" < "2026-12-15"
    assert "3 workdays before the 12/17 meeting" in prairie["reason"]
    assert "Aisha Rahman (IL-ET-0202), Dmitri Volkov (IL-ET-0201)" in deadlines[("Lakeview Example Works", "form-4333")]["reason"]
    assert "Luis Ortega (IL-ET-0203)" in deadlines[("Prairie Example Training Center", "form-4333")]["reason"]


def test_without_the_meeting_date_prairie_invites_fall_on_the_15th(runner, tmp_path):
    for path in SAMPLES.glob("il-snap-et-*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    result = runner.invoke(app, ["due", str(tmp_path), "--as-of", AS_OF, "--format", "json"])
    assert result.exit_code == 0, result.output
    invites = {d["provider"]: d["due"] for d in json.loads(result.stdout) if d["rule"].endswith(".invites")}
    assert invites == {"Lakeview Example Works": "2026-12-15", "Prairie Example Training Center": "2026-12-15"}


# --- the terminal table --------------------------------------------------------------------------


def _column(text: str, index: int) -> str:
    """One column of a rich table's text, its wrapped lines joined back with spaces."""
    cells = [line.split("│")[index].strip() for line in text.splitlines() if line.count("│") >= 3]
    return " ".join(cell for cell in cells if cell)


def test_rich_table_shows_names_reasons_and_citations():
    from rich.console import Console

    from casestaff.cli import render_due
    from casestaff.files.caseload import load_caseload
    from casestaff.files.config import find_config, load_config
    from casestaff.rules.due import due_report
    from casestaff.packset import load_packset

    as_of = dt.date.fromisoformat(AS_OF)
    config = load_config(find_config(SAMPLES))
    packset = load_packset(config)
    caseload = load_caseload([SAMPLES], packset, as_of)
    assert caseload.problems == []
    report = due_report(caseload.cases, packset, config, as_of)
    console = Console(record=True, width=140, file=io.StringIO())
    render_due.rich_table(report, console)
    text = console.export_text()

    assert text.startswith("casestaff due -- as of Tue 2026-12-01; window: 14 days, to Tue 2026-12-15")
    who, why = _column(text, 1), _column(text, 2)
    for row in report.rows:
        assert row.participant in who
        for flag in row.flags:
            assert flag.reason in why
            assert flag.citation in why
    assert "policy: LA DCFS P-380, II. Procedures local default: days=60, due_within_days=10" in why
    assert "local default: workdays_before_effective=1" in why
    assert "Program calendar" in text
    assert "Prairie Example Training Center" in _column(text.split("Program calendar")[1], 2)
    for name in NOTHING_DUE.values():
        assert name not in text


def test_rich_table_prints_square_brackets_in_names_as_written(tmp_path):
    """A provider 'Acme [North]' or '[/]' is text, not rich markup (it vanished, or crashed the table)."""
    from rich.console import Console

    from casestaff.cli import render_due
    from casestaff.files.caseload import load_caseload
    from casestaff.files.config import Config
    from casestaff.rules.due import due_report
    from casestaff.packset import load_packset

    for index, provider in enumerate(("Acme [North] Works", "Bad [/] Provider")):
        text = (SAMPLES / "il-snap-et-wei-chen.yaml").read_text(encoding="utf-8")
        (tmp_path / f"p{index}.yaml").write_text(
            re.sub(r"(?m)^provider: .*$", f'provider: "{provider}"', text).replace("IL-ET-0205", f"IL-ET-99{index}"), encoding="utf-8"
        )
    as_of = dt.date.fromisoformat(AS_OF)
    packset = load_packset(Config())
    caseload = load_caseload([tmp_path], packset, as_of)
    assert caseload.problems == []
    console = Console(record=True, width=140, file=io.StringIO())
    render_due.rich_table(due_report(caseload.cases, packset, Config(), as_of), console)
    shown = _column(console.export_text(), 2)
    assert "Acme [North] Works" in shown and "Bad [/] Provider" in shown
