"""The commands a new user runs first answer, with the documented exit codes."""

from __future__ import annotations

from casestaff.cli.main import app

from ..conftest import SAMPLES


def test_every_command_has_help(runner):
    for command in ("due", "check", "schema", "programs"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0, result.output
        assert "Usage" in result.output


def test_samples_check_clean(runner):
    result = runner.invoke(app, ["check", str(SAMPLES)])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


def test_bad_as_of_is_a_usage_error(runner):
    result = runner.invoke(app, ["due", str(SAMPLES), "--as-of", "2026-13-01"])
    assert result.exit_code == 2
    assert "--as-of: 2026-13-01: there is no month 13" in result.output


def test_missing_path_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(app, ["check", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output


def test_schema_out_writes_utf8_json(runner, tmp_path):
    import json

    target = tmp_path / "casestaff-case.schema.json"
    result = runner.invoke(app, ["schema", "--out", str(target)])
    assert result.exit_code == 0, result.output
    data = target.read_bytes()
    assert not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf"))
    assert json.loads(data.decode("utf-8"))["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert f"Wrote the case-file schema to {target}." in result.output


def test_schema_out_into_a_missing_folder_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(app, ["schema", "--out", str(tmp_path / "nope" / "s.json")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_a_folder_without_case_files_says_so(runner, tmp_path):
    """Pointed at the wrong folder, 'nothing is due' would be a wrong answer: say why it is empty."""
    (tmp_path / "notes.txt").write_text("not a case\n", encoding="utf-8")
    note = (
        f"casestaff: no case files (.yaml or .yml) in {tmp_path}; give the folder that holds them,"
        " or set cases in casestaff.toml\n"
    )
    for command in (["due"], ["check"], ["agenda", "--due", "--out-dir", str(tmp_path / "out")]):
        result = runner.invoke(app, [*command, str(tmp_path), "--as-of", "2026-12-01"])
        assert result.exit_code == 0, result.output
        assert result.stderr == note
    assert runner.invoke(app, ["due", str(SAMPLES), "--as-of", "2026-12-01"]).stderr == ""


def test_csv_cells_never_start_like_a_spreadsheet_formula(runner, write):
    import csv
    import io

    case = write(
        "case.yaml",
        """
        case_id: LA-X
        program: la-step
        worker: "@KM"
        participant:
          name: "=HYPERLINK(\\"http://example.invalid\\")"
        enrolled: 2026-01-05
        """,
    )
    result = runner.invoke(app, ["due", str(case), "--as-of", "2026-12-01", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert rows, "the case should be flagged (no progress since enrollment)"
    assert {r["participant"] for r in rows} == {"'=HYPERLINK(\"http://example.invalid\")"}
    assert {r["worker"] for r in rows} == {"'@KM"}


def test_as_of_explains_a_month_day_date_as_check_does(runner):
    result = runner.invoke(app, ["due", str(SAMPLES), "--as-of", "03/04/2026"])
    assert result.exit_code == 2
    assert "--as-of: write dates as YYYY-MM-DD: 03/04/2026 is 2026-03-04 if you mean March 4" in result.output
