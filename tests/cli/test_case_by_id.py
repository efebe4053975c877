"""CASE given as a case id finds the same file, with the same answer, however the id is written
in it: a BOM, CRLF line ends, quotes, a { } flow mapping, an escape -- and whatever else in
the folder mentions the id (a comment, another field) is not taken for it."""

from __future__ import annotations

import pytest
import yaml

from casestaff.cli.main import app

from ..conftest import SAMPLES

AS_OF = "2026-12-01"
TEXT = (SAMPLES / "la-step-jose-nunez.yaml").read_text(encoding="utf-8")
ORIGINAL_ID = "case_id: LA-ST-0101"


def with_id(line: str, text: str = TEXT) -> str:
    return text.replace(ORIGINAL_ID, line, 1)


def as_flow_mapping(case_id: str) -> str:
    """The case as one { } flow mapping, as a program might write it."""
    data = yaml.safe_load(with_id(f"case_id: {case_id}"))
    return yaml.safe_dump(data, default_flow_style=True, width=10_000, allow_unicode=True)


def history(runner, case: str):
    return runner.invoke(app, ["history", case, "--as-of", AS_OF])


@pytest.fixture
def folder(tmp_path, monkeypatch, write):
    """A case folder whose other files mention LA-ST-7001 without being its case."""
    monkeypatch.chdir(tmp_path)
    write("decoy-comment.yaml", with_id("case_id: LA-ST-7002\n# moved from LA-ST-7001 in 2025"))
    write("decoy-field.yaml", with_id("case_id: LA-ST-7003").replace("Exampleville", "LA-ST-7001 street"))
    write("la-st-70011.yaml", with_id("case_id: LA-ST-70011"))
    return tmp_path


def layout_bytes(layout: str) -> bytes:
    if layout == "a flow mapping":
        return as_flow_mapping("LA-ST-7001").encode("utf-8")
    if layout == "BOM and CRLF":
        return b"\xef\xbb\xbf" + with_id("case_id: LA-ST-7001").replace("\n", "\r\n").encode("utf-8")
    return with_id(LAYOUTS[layout]).encode("utf-8")


LAYOUTS = {
    "plain": "case_id: LA-ST-7001",
    "double quotes": 'case_id: "LA-ST-7001"',
    "single quotes": "case_id: 'LA-ST-7001'",
    "an escape": 'case_id: "LA-ST-\\x37001"',
    "a line-folded escape": 'case_id: "LA-ST-\\\n  7001"',
    "an anchor": "case_id: &id LA-ST-7001",
    "a tag": "case_id: !!str LA-ST-7001",
    "another case": "case_id: la-st-7001",
    "a flow mapping": "",
    "BOM and CRLF": "",
}


@pytest.mark.parametrize("layout", LAYOUTS, ids=list(LAYOUTS))
def test_an_id_however_written_finds_its_file(runner, folder, write, layout):
    write("case.yaml", "", raw=layout_bytes(layout))
    by_file = history(runner, "case.yaml")
    by_id = history(runner, "LA-ST-7001")
    assert by_file.exit_code == 0, by_file.output
    assert (by_id.exit_code, by_id.stdout, by_id.stderr) == (by_file.exit_code, by_file.stdout, by_file.stderr)


@pytest.mark.parametrize("layout", LAYOUTS, ids=list(LAYOUTS))
def test_an_id_however_written_in_a_second_file_is_refused_naming_both(runner, folder, write, layout):
    """No file holding the id is missed: the second one makes the id ambiguous."""
    write("a.yaml", "", raw=layout_bytes(layout))
    write("b.yaml", with_id("case_id: La-St-7001"))
    result = history(runner, "lA-sT-7001")
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("casestaff: case_id '")
    assert "' is in 2 files: " in result.stderr
    assert "a.yaml" in result.stderr and "b.yaml" in result.stderr


@pytest.mark.parametrize("typed", ["la-st-7001", "LA-st-7001"])
def test_an_id_typed_in_another_case_finds_its_file(runner, folder, write, typed):
    write("case.yaml", with_id("case_id: LA-ST-7001"))
    assert history(runner, typed).stdout == history(runner, "case.yaml").stdout


def test_an_accented_id_typed_in_another_case_finds_its_file(runner, folder, write):
    write("case.yaml", with_id("case_id: LÀ-ÉTÉ-7001"))
    by_id = history(runner, "là-été-7001")
    assert by_id.exit_code == 0, by_id.output
    assert by_id.stdout == history(runner, "case.yaml").stdout


def test_an_id_in_two_files_is_refused_naming_both(runner, folder, write):
    write("a.yaml", with_id("case_id: LA-ST-7001"))
    write("b.yaml", with_id("case_id: 'LA-ST-7001'"))
    result = history(runner, "LA-ST-7001")
    assert result.exit_code == 2
    assert result.stderr == (
        "casestaff: case_id 'LA-ST-7001' is in 2 files: ./a.yaml, ./b.yaml; give the file's path,"
        " and give each case its own id\n"
    )


def test_an_id_only_mentioned_elsewhere_is_not_found(runner, folder):
    result = history(runner, "LA-ST-7001")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "casestaff: no case file with case_id 'LA-ST-7001', nor a participant named so, in .;"
    )


def test_a_file_with_problems_holding_the_id_is_not_taken_for_it(runner, folder, write):
    write("case.yaml", with_id("case_id: LA-ST-7001").replace("program: la-step", "program: la-stepp"))
    result = history(runner, "LA-ST-7001")
    assert result.exit_code == 2
    assert "1 file(s) there have problems (run `casestaff check`)" in result.stderr


def test_an_id_in_a_case_with_a_future_birth_date_is_not_taken_for_it(runner, folder, write):
    write("case.yaml", with_id("case_id: LA-ST-7001").replace("birth_date: 1988-07-22", "birth_date: 2030-07-22"))
    result = runner.invoke(app, ["history", "LA-ST-7001", "--as-of", AS_OF])
    assert result.exit_code == 2
    assert "1 file(s) there have problems" in result.stderr
