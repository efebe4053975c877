"""`casestaff new`: a skeleton with every field the program uses, each commented, that passes
`casestaff check` once the required values are filled in -- and never overwrites a file."""

from __future__ import annotations

import os
import re
import stat

import pytest

from casestaff.model import records as model
from casestaff.cli.main import app
from casestaff.files.config import Config
from casestaff.packset import load_packset
from casestaff.documents.skeleton import program_fields, skeleton
from casestaff.model.spec import fields_of

PACKS = load_packset(Config()).packs


def _fill(text: str, field: str, value: str) -> str:
    """Write `value` after `field:` on its (only) line, keeping the comment."""
    pattern = re.compile(rf"^({field}:)(\s*#)", re.M)
    assert len(pattern.findall(text)) == 1, field
    return pattern.sub(rf"\g<1> {value}\g<2>", text)


@pytest.mark.parametrize("program", sorted(PACKS))
def test_new_then_fill_the_required_values_then_check_passes(runner, tmp_path, program):
    target = tmp_path / "case.yaml"
    result = runner.invoke(app, ["new", "--program", program, "--id", "NEW-0001", "--name", "Alex Example", "--worker", "KM", "--out", str(target)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"Created {target} ({PACKS[program].name}).\n"
        f"Fill in the values (lines marked 'required' must have one), then run: casestaff check {target}\n"
    )
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600

    unfilled = runner.invoke(app, ["check", str(target)])
    assert unfilled.exit_code == 1
    assert f"{target}:" in unfilled.output and "enrolled" in unfilled.output

    text = _fill(target.read_text(encoding="utf-8"), "enrolled", "2026-01-05")
    if PACKS[program].provider_cycle is not None:
        text = _fill(text, "provider", "Example Works")
    target.write_text(text, encoding="utf-8")
    checked = runner.invoke(app, ["check", str(target)])
    assert checked.exit_code == 0, checked.output
    assert checked.output == "1 file(s) checked, no problems.\n"


@pytest.mark.parametrize("program", sorted(PACKS))
def test_every_field_the_program_uses_is_there_with_its_own_comment(program):
    text = skeleton(PACKS[program])
    specs = fields_of(model.Case)
    for name in program_fields(PACKS[program]):
        line = next(line for line in text.splitlines() if line.startswith(f"{name}:"))
        assert f"# {'(required) ' if specs[name].required or name == 'provider' else ''}{specs[name].doc}" in line
    for line in text.splitlines():
        if line.strip():
            assert "#" in line, f"no comment on: {line!r}"


def test_programs_get_their_own_blocks():
    reengagement = program_fields(PACKS["or-ssp-reengagement"])
    assert "review_areas" in reengagement and "outstanding_info" in reengagement and "child" not in reengagement
    reintegration = program_fields(PACKS["fc-reintegration"])
    assert {"child", "checklist", "case_plan_tasks"} <= set(reintegration) and "review_areas" not in reintegration
    snap = program_fields(PACKS["il-snap-et"])
    assert {"provider", "eligibility_checks", "components", "participation"} <= set(snap)


def test_dates_are_shown_as_yyyy_mm_dd_examples():
    text = skeleton(PACKS["la-step"])
    assert re.search(r"^enrolled: +# \(required\) Enrollment date\. e\.g\. 2026-01-05$", text, re.M)
    assert re.search(r"^  birth_date: +# Date of birth, YYYY-MM-DD\. e\.g\. 1990-01-31$", text, re.M)
    assert re.search(r"^  # - month: +# \(required\) The month, YYYY-MM\. e\.g\. 2026-01$", text, re.M)


def test_values_that_need_quotes_get_them(runner, tmp_path):
    target = tmp_path / "q.yaml"
    result = runner.invoke(app, ["new", "--program", "la-step", "--id", "007", "--name", "O'Neil: Jr. #2", "--out", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert re.search(r'^case_id: "007" +#', text, re.M)
    assert re.search(r'^  name: "O\'Neil: Jr. #2" +#', text, re.M)


def test_new_never_overwrites(runner, tmp_path):
    target = tmp_path / "case.yaml"
    target.write_text("case_id: MINE\n", encoding="utf-8")
    result = runner.invoke(app, ["new", "--program", "la-step", "--out", str(target)])
    assert result.exit_code == 2
    assert f"casestaff: {target} already exists; casestaff never overwrites a file: choose another name with --out" in result.output
    assert target.read_text(encoding="utf-8") == "case_id: MINE\n"


def test_default_name_in_the_case_folder(runner, tmp_path, write, monkeypatch):
    folder = tmp_path / "cases"
    folder.mkdir()
    write("casestaff.toml", 'cases = "cases"\nworker = "RH"\n')
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["new", "--program", "or-ssp-reengagement", "--id", "OR 0009/b"])
    assert result.exit_code == 0, result.output
    created = folder / "OR-0009-b.yaml"
    assert re.search(r"^worker: RH +#", created.read_text(encoding="utf-8"), re.M)
    result = runner.invoke(app, ["new", "--program", "or-ssp-reengagement"])
    assert (folder / "new-or-ssp-reengagement.yaml").exists()


def test_unknown_program(runner, tmp_path):
    result = runner.invoke(app, ["new", "--program", "la-stp", "--out", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2
    assert "casestaff: --program: no program 'la-stp'; did you mean 'la-step'?" in result.output
    assert not (tmp_path / "x.yaml").exists()


def test_a_staffing_can_be_recorded_into_a_new_skeleton(runner, tmp_path, write):
    target = tmp_path / "case.yaml"
    runner.invoke(app, ["new", "--program", "la-step", "--id", "LA-1", "--name", "Al Example", "--out", str(target)])
    target.write_text(_fill(target.read_text(encoding="utf-8"), "enrolled", "2026-01-05"), encoding="utf-8")
    before = target.read_text(encoding="utf-8")
    outcome = write(
        "outcome.yaml",
        """\
        date: 2026-02-01
        kind: case-staffing
        present: [{role: Coach, initials: KM}]
        next_steps:
          - {step: Call the clinic, due: 2026-02-10}
        """,
    )
    result = runner.invoke(app, ["record", str(target), "--from", str(outcome), "--as-of", "2026-02-01"])
    assert result.exit_code == 0, result.output
    after = target.read_text(encoding="utf-8")
    # the entry lands after the commented example entry, before `notes:`
    head, tail = before.split("notes:", 1)
    assert after == head + (
        "  - date: 2026-02-01\n    kind: case-staffing\n    present:\n      - {role: Coach, initials: KM}\n"
        "    next_steps:\n      - step: Call the clinic\n        due: 2026-02-10\n"
    ) + "notes:" + tail
    assert runner.invoke(app, ["check", str(target)]).exit_code == 0
