"""Which case files a command reads when given no path, and where `new` puts a case file.

A caseworker runs casestaff from a project folder that also holds src/, tests/ and build/ with
YAML of their own. casestaff.toml's `cases` names the case folder; without it only the case
files directly in the current folder are read (never its sub-folders), and a current folder
with none is refused with a message naming the setting.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casestaff.cli.main import app

from ..conftest import SAMPLES

AS_OF = "2026-12-01"
AMY = "or-ssp-reengagement-amy.yaml"
MARISOL = "or-ssp-reengagement-marisol-vega.yaml"
NO_FOLDER = "casestaff.toml names no case folder"
HOW = 'once in casestaff.toml: cases = "FOLDER"'


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder: the cases in sample_cases/, and YAML that is not a caseload in src/, tests/ and build/."""
    root = tmp_path / "project"
    for sub in ("sample_cases", "src", "tests", "build"):
        (root / sub).mkdir(parents=True)
    for name in (AMY, MARISOL):
        (root / "sample_cases" / name).write_bytes((SAMPLES / name).read_bytes())
    (root / "tests" / "fixture-case.yaml").write_bytes((SAMPLES / AMY).read_bytes())  # a test's copy: same case id
    (root / "src" / "settings.yaml").write_text("name: build\nsteps: [lint, test]\n", encoding="utf-8")
    (root / "build" / "workflow.yml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def _due_ids(result) -> set[str]:
    assert result.exit_code == 0, result.output
    return {item["case"] for item in json.loads(result.stdout) if item.get("case")}


@pytest.mark.parametrize(
    "command",
    [
        ["due"],
        ["check"],
        ["agenda", "--due", "--out-dir", "agendas"],
        ["agenda", "--provider", "Anyone", "--out-dir", "agendas"],
        ["record", "OR-RE-0001", "--done", "1"],
        ["narrate", "OR-RE-0001"],
        ["agenda", "OR-RE-0001"],
    ],
)
@pytest.mark.parametrize("settings", [None, 'worker = "KM"\n'], ids=["no casestaff.toml", "casestaff.toml without cases"])
def test_no_case_folder_and_no_case_files_here_is_refused_naming_the_setting(runner, project, command, settings):
    if settings is not None:
        (project / "casestaff.toml").write_text(settings, encoding="utf-8")
    before = (project / "tests" / "fixture-case.yaml").read_bytes()
    result = runner.invoke(app, [*command, "--as-of", AS_OF])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert NO_FOLDER in result.stderr
    assert "not its sub-folders" in result.stderr
    assert HOW in result.stderr
    assert "src" not in result.stderr.replace(str(project), "")  # nothing under src/, tests/ or build/ was read
    assert not (project / "agendas").exists()
    assert (project / "tests" / "fixture-case.yaml").read_bytes() == before


def test_without_a_case_folder_only_the_case_files_here_are_read(runner, project):
    (project / AMY).write_bytes((SAMPLES / AMY).read_bytes())
    assert _due_ids(runner.invoke(app, ["due", "--as-of", AS_OF, "--format", "json"])) == {"OR-RE-0001"}
    checked = runner.invoke(app, ["check", "--as-of", AS_OF])
    assert checked.exit_code == 0, checked.output
    assert checked.stdout == "1 file(s) checked, no problems.\n"  # not tests/fixture-case.yaml: no shared case id


def test_a_path_given_is_read_with_its_sub_folders(runner, project):
    checked = runner.invoke(app, ["check", ".", "--as-of", AS_OF])
    assert checked.exit_code == 1  # src/ and build/ hold YAML that is not a case file, and the case id is shared
    assert "5 file(s)" in checked.stdout


def test_the_case_folder_named_in_casestaff_toml_is_read_by_every_command(runner, project):
    (project / "casestaff.toml").write_text('cases = "sample_cases"\n', encoding="utf-8")
    assert _due_ids(runner.invoke(app, ["due", "--as-of", AS_OF, "--format", "json"])) == {"OR-RE-0001", "OR-RE-0306"}
    checked = runner.invoke(app, ["check", "--as-of", AS_OF])
    assert checked.stdout == "2 file(s) checked, no problems.\n", checked.output
    by_id = runner.invoke(app, ["agenda", "OR-RE-0001", "--as-of", AS_OF, "--out", "amy.md"])
    assert by_id.exit_code in (0, 3), by_id.output  # found in sample_cases/, not refused as in two files
    assert (project / "amy.md").is_file()


def test_new_writes_into_the_case_folder_so_the_next_run_reads_it(runner, project):
    (project / "casestaff.toml").write_text('cases = "sample_cases"\nworker = "KM"\n', encoding="utf-8")
    result = runner.invoke(app, ["new", "--program", "la-step", "--id", "LA-0107", "--name", "Pat Example"])
    assert result.exit_code == 0, result.output
    created = project / "sample_cases" / "LA-0107.yaml"
    assert created.is_file()
    assert not (project / "LA-0107.yaml").exists()
    assert result.stderr == ""
    checked = runner.invoke(app, ["check", "--as-of", AS_OF])  # the next morning's run, no path given
    assert "3 file(s)" in checked.stdout, checked.output
    assert "LA-0107.yaml" in checked.stdout


def test_new_with_out_still_writes_where_it_is_told(runner, project):
    (project / "casestaff.toml").write_text('cases = "sample_cases"\n', encoding="utf-8")
    result = runner.invoke(app, ["new", "--program", "la-step", "--id", "LA-0107", "--out", "elsewhere.yaml"])
    assert result.exit_code == 0, result.output
    assert (project / "elsewhere.yaml").is_file()
    assert not (project / "sample_cases" / "LA-0107.yaml").exists()


def test_new_without_a_case_folder_writes_here_and_says_so_when_it_is_the_first_case_file(runner, project):
    first = runner.invoke(app, ["new", "--program", "la-step", "--id", "LA-0107"])
    assert first.exit_code == 0, first.output
    assert (project / "LA-0107.yaml").is_file()
    assert NO_FOLDER in first.stderr
    assert HOW in first.stderr
    second = runner.invoke(app, ["new", "--program", "la-step", "--id", "LA-0108"])
    assert second.exit_code == 0, second.output
    assert (project / "LA-0108.yaml").is_file()
    assert second.stderr == ""  # this folder holds case files now: it is the case folder
