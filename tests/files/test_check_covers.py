"""A file that passes `check` is never refused later by `record`, `agenda` or `narrate` for a
reason `check` could have named; and a narration never prints a negative age."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

from casestaff.cli.main import app

from ..conftest import REPO

SANCTION = REPO / "tests" / "fixtures" / "record" / "la-step-sanction.yaml"
BRACES = "the case file is written in { } braces; write one 'field: value' per line"
FLOW = """\
# one participant, written on one line
{case_id: LA-0007, program: la-step, participant: {name: Flo Example}, enrolled: 2026-01-05}
"""


def _aged(path: Path) -> Path:
    old = time.time() - 3  # old enough for the cache to trust it
    os.utime(path, (old, old))
    return path


def test_check_reports_what_record_and_narrate_refuse_at_the_same_place(runner, tmp_path):
    flow = tmp_path / "flow.yaml"
    flow.write_text(FLOW, encoding="utf-8")
    _aged(flow)
    for _ in range(2):  # the second run answers from the cache: the problem stays
        result = runner.invoke(app, ["check", str(tmp_path)])
        assert result.output == f"{flow}:2:1: {BRACES}\n1 problem(s) in 1 of 1 file(s).\n"
        assert result.exit_code == 1
    for command in (["narrate", str(flow)], ["record", str(flow), "--done", "1"]):
        refused = runner.invoke(app, command)
        assert refused.exit_code == 1
        assert refused.stderr == f"{flow}:2:1: {BRACES}\n"
    due = runner.invoke(app, ["due", str(tmp_path), "--as-of", "2026-11-23"])
    assert due.exit_code == 0, due.output  # due reads it: only writing into it needs one field per line


def test_a_birth_date_in_the_future_is_a_check_problem_and_no_narration(runner, tmp_path):
    case = tmp_path / "case.yaml"
    case.write_text(SANCTION.read_text(encoding="utf-8").replace("birth_date: 1990-03-12", "birth_date: 2099-03-12"), encoding="utf-8")
    problem = f"{case}:8:15: participant.birth_date: 2099-03-12 is in the future; check the year"
    check = runner.invoke(app, ["check", str(tmp_path)])
    assert check.output == f"{problem}\n1 problem(s) in 1 of 1 file(s).\n"
    narrate = runner.invoke(app, ["narrate", str(case)])
    assert narrate.exit_code == 1
    assert narrate.stdout == ""
    assert narrate.stderr.endswith(f"cannot be printed yet:\n  - {problem}\n")


def test_a_birth_date_is_held_to_today_when_the_cache_answers_too(runner, tmp_path):
    """Born today is not in the future, born tomorrow is -- on the run that reads the file and on
    the next, which takes the birth dates from the cache's index rather than the file."""
    today = dt.date.today()
    tomorrow = today + dt.timedelta(days=1)
    born_today = tmp_path / "today.yaml"
    born_today.write_text(SANCTION.read_text(encoding="utf-8").replace("birth_date: 1990-03-12", f"birth_date: {today}"), encoding="utf-8")
    born_tomorrow = tmp_path / "tomorrow.yaml"
    text = SANCTION.read_text(encoding="utf-8").replace("birth_date: 1990-03-12", f"birth_date: {tomorrow}")
    born_tomorrow.write_text(text.replace("case_id: ", "case_id: T-", 1), encoding="utf-8")
    _aged(born_today)
    _aged(born_tomorrow)
    problem = f"{born_tomorrow}:8:15: participant.birth_date: {tomorrow} is in the future; check the year"
    for _ in range(2):  # the second run answers from the cache
        check = runner.invoke(app, ["check", str(tmp_path)])
        assert check.output == f"{problem}\n1 problem(s) in 1 of 2 file(s).\n"


def test_someone_born_after_the_staffing_has_no_age_in_its_narration(runner, tmp_path):
    """Ivy, born after the 2026-11-12 staffing (and not in the future), is named without an age."""
    case = tmp_path / "case.yaml"
    case.write_text(SANCTION.read_text(encoding="utf-8").replace("birth_date: 2019-02-11", "birth_date: 2026-11-20"), encoding="utf-8")
    result = runner.invoke(app, ["narrate", str(case)])
    assert result.exit_code == 0, result.output
    assert "age -" not in result.stdout
    assert "; Ivy Example, daughter." in result.stdout
