"""File names that are not valid UTF-8, and numbers past the calendar: a clear message and the
right exit code, never a traceback.

On Linux a file name is bytes; one with 0xFF in it cannot be shown as UTF-8. casestaff shows
such bytes as \\xff escapes, the same way in every output.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import pytest

from casestaff.cli.main import app

from .test_bad_input import AS_OF, GOOD


def _bytes_named(folder: Path, raw: bytes, text: str) -> Path:
    path = folder / os.fsdecode(raw)
    try:
        path.write_text(text, encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses file names that are not UTF-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    if sys.platform in ("win32", "darwin"):
        pytest.skip("file names there are always Unicode")
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    _bytes_named(tmp_path, b"caf\xff.yaml", GOOD.replace("LA-0001", "LA-0002").replace("Robin", "Jo"))
    return tmp_path


def test_due_shows_the_name_escaped_in_every_format(runner, folder):
    shown = f"{folder}{os.sep}caf\\xff.yaml"
    table = runner.invoke(app, ["due", str(folder), "--as-of", AS_OF])
    assert table.exit_code == 0, table.output
    assert f"-- LA-0002 -- la-step -- worker KM -- {shown}\n" in table.stdout

    data = runner.invoke(app, ["due", str(folder), "--as-of", AS_OF, "--format", "json"])
    assert data.exit_code == 0, data.output
    assert {item["file"] for item in json.loads(data.stdout) if item["case"] == "LA-0002"} == {shown}

    sheet = runner.invoke(app, ["due", str(folder), "--as-of", AS_OF, "--format", "csv"])
    assert sheet.exit_code == 0, sheet.output
    rows = list(csv.DictReader(io.StringIO(sheet.stdout.lstrip("\ufeff"))))
    assert {row["file"] for row in rows if row["case"] == "LA-0002"} == {shown}


def test_the_cache_keeps_serving_such_a_file_day_after_day(runner, folder):
    """The cache keeps cases and answers as UTF-8 MessagePack: a name that is not UTF-8 must not
    drop the case from a later morning's list, however it is cached."""
    shown = f"{folder}{os.sep}caf\\xff.yaml"
    mornings = [runner.invoke(app, ["due", str(folder), "--as-of", day]) for day in (AS_OF, AS_OF, "2026-12-02", "2026-12-02")]
    for morning in mornings:
        assert morning.exit_code == 0, morning.output
        assert f"-- LA-0002 -- la-step -- worker KM -- {shown}\n" in morning.stdout
    assert mornings[0].stdout == mornings[1].stdout
    assert mornings[2].stdout == mornings[3].stdout


def test_check_names_a_broken_file_escaped(runner, folder):
    _bytes_named(folder, b"bad\xfe.yaml", "case_id: [\n")
    shown = f"{folder}{os.sep}bad\\xfe.yaml"
    text = runner.invoke(app, ["check", str(folder), "--as-of", AS_OF])
    assert text.exit_code == 1
    assert text.output.startswith(f"{shown}:2:1: YAML syntax error:")
    assert text.output.endswith("1 problem(s) in 1 of 3 file(s).\n")

    data = runner.invoke(app, ["check", str(folder), "--as-of", AS_OF, "--format", "json"])
    assert data.exit_code == 1
    assert [p["file"] for p in json.loads(data.stdout)] == [shown]

    due = runner.invoke(app, ["due", str(folder), "--as-of", AS_OF])
    assert due.exit_code == 1
    assert f"{shown}:2:1: YAML syntax error:" in due.stderr
    assert "-- LA-0002 --" in due.stdout


def test_a_duplicate_case_id_names_both_files_escaped(runner, folder):
    _bytes_named(folder, b"copy\xff.yaml", GOOD)
    result = runner.invoke(app, ["check", str(folder), "--as-of", AS_OF])
    assert result.exit_code == 1
    assert f"{folder}{os.sep}good.yaml:1:10: case_id 'LA-0001' is already used by {folder}{os.sep}copy\\xff.yaml;" in result.output


def test_agenda_due_writes_the_agendas(runner, folder, tmp_path):
    out = tmp_path / "agendas"
    result = runner.invoke(app, ["agenda", "--due", str(folder), "--as-of", AS_OF, "--out-dir", str(out)])
    assert result.exit_code == 3, result.output  # written, with the blockers marked
    agenda = (out / "LA-0002.md").read_text(encoding="utf-8")
    assert "caf\\\\xff.yaml" in agenda  # Markdown escapes the backslash


def test_narrate_by_case_id_finds_the_file(runner, folder, monkeypatch):
    monkeypatch.chdir(folder)
    result = runner.invoke(app, ["narrate", "LA-0002"])
    assert result.exit_code == 2
    assert result.stderr == "casestaff: caf\\xff.yaml: no staffing is recorded yet; record one with `casestaff record caf\\xff.yaml`\n"


@pytest.mark.parametrize("command", [["due"], ["agenda", "--due", "--out-dir", "agendas"]])
def test_a_window_past_the_calendar_is_a_usage_error(runner, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, [*command, ".", "--within", "999999999"])
    assert result.exit_code == 2
    assert result.stderr == "casestaff: --within: 999999999 days is more than 100 years; give at most 36500 days\n"
    ok = runner.invoke(app, ["due", ".", "--within", "36500", "--as-of", "2999-12-01", "--format", "json"])
    assert ok.exit_code == 0, ok.output
