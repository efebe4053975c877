"""casestaff.toml: found in the case folder or above it; every mistake in it is a located
message and exit code 2, never a traceback and never silently ignored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casestaff.cli.main import app
from casestaff.files import config

from .test_bad_input import GOOD

AS_OF = "2026-11-23"

CASE = GOOD


def folder_with(tmp_path: Path, toml: str | bytes) -> Path:
    """A case folder holding one good case and the given casestaff.toml."""
    (tmp_path / "case.yaml").write_text(CASE, encoding="utf-8")
    settings = tmp_path / "casestaff.toml"
    settings.write_bytes(toml if isinstance(toml, bytes) else toml.encode("utf-8"))
    return settings


def settings_error(runner, tmp_path: Path, toml: str | bytes) -> list[str]:
    """The lines `casestaff check` prints for a broken casestaff.toml (it must exit 2)."""
    settings = folder_with(tmp_path, toml)
    result = runner.invoke(app, ["check", str(tmp_path), "--as-of", AS_OF])
    assert "Traceback" not in result.output
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    return [line.replace(str(settings), "casestaff.toml") for line in result.stderr.splitlines()]


SYNTAX_ERRORS = {
    # (text, line, column, message). The column is None where it is tomllib's own look-ahead (its
    # business, and free to move); it is pinned where casestaff computes it (end of the file, dates).
    "unclosed quote": (
        'state = "IL\n',
        1,
        None,
        "TOML syntax error: a quoted value is not closed before the end of its line; add the closing quote on that line",
    ),
    "text without quotes": (
        "worker = KM\n",
        1,
        None,
        'TOML syntax error: a value cannot be read; text goes in quotes (state = "IL");'
        " true, false, numbers and dates go without quotes",
    ),
    "table not closed": (
        '[programs.la-step\nstate = "LA"\n',
        1,
        None,
        "TOML syntax error: a table name is not closed; end it with ']', e.g. [programs.la-step]",
    ),
    "setting given twice": (
        'state = "IL"\nstate = "LA"\n',
        2,
        None,
        "TOML syntax error: this setting is already given above; keep only one of them",
    ),
    "table given twice": (
        '[programs.la-step]\nstate = "LA"\n\n[programs.la-step]\n',
        4,
        None,
        "TOML syntax error: this table is already started above; keep one of its [...] lines and put all its settings under it",
    ),
    "no equals sign": ("worker\n", 1, None, "TOML syntax error: a setting has no '='; write each setting as name = value"),
    "list never closed": (
        'worker = "KM"\npacks = ["a.yaml"\n',
        2,
        18,
        "TOML syntax error: a list opened with '[' is not closed, or two of its items have no comma between them;"
        " separate the items with ',' and end the list with ']'",
    ),
    "impossible date": (
        '[providers."Acme Works"]\nmeetings = [2026-02-30]\n',
        2,
        13,
        "2026-02-30 is not a real date (February 2026 has 28 days); write dates as YYYY-MM-DD without quotes, e.g. 2026-12-17",
    ),
    "month 13 (tomllib blames the list, not the date)": (
        '[providers."Acme Works"]\nmeetings = [2026-12-17, 2026-13-01]  # January\n',
        2,
        25,
        "2026-13-01 is not a real date (there is no month 13); write dates as YYYY-MM-DD without quotes, e.g. 2026-12-17",
    ),
    "day without its zero": (
        '[providers."Acme Works"]\nmeetings = [2026-12-1]\n',
        2,
        13,
        "2026-12-1 is not written as YYYY-MM-DD; write 2026-12-01",
    ),
}


@pytest.mark.parametrize("toml, line, col, message", SYNTAX_ERRORS.values(), ids=SYNTAX_ERRORS.keys())
def test_toml_syntax_errors_are_located(runner, tmp_path, toml, line, col, message):
    [shown] = settings_error(runner, tmp_path, toml)
    location, said = shown.split(": ", 1)
    file, shown_line, shown_col = location.split(":")
    assert (file, int(shown_line), said) == ("casestaff.toml", line, message), shown
    if col is not None:
        assert int(shown_col) == col, shown


def test_a_toml_mistake_casestaff_has_no_words_for_still_says_where_and_what(runner, tmp_path, monkeypatch):
    """Without a matching hint the parser's own message is shown (never nothing), pointing to the docs."""
    monkeypatch.setattr(config, "TOML_HINTS", ())
    [shown] = settings_error(runner, tmp_path, "worker = KM\n")
    assert shown.startswith("casestaff.toml:1:"), shown
    said = shown.split(": ", 1)[1]
    assert said.startswith("TOML syntax error: ") and said.endswith("; see docs/configuration.md"), shown
    assert said.removeprefix("TOML syntax error: ").removesuffix("; see docs/configuration.md").strip(), shown
    assert "(at line" not in said, shown

SETTING_ERRORS = {
    "unknown setting": (
        'worker = "KM"\ntemplate = "mine"\n',
        [
            "2:1: unknown setting 'template' (settings: cases, state, worker, templates, packs, cache, shared_folder,"
            " programs, providers, import); did you mean 'templates'?"
        ],
    ),
    "unknown setting, nothing close": (
        'colour = "blue"\n',
        [
            "1:1: unknown setting 'colour' (settings: cases, state, worker, templates, packs, cache, shared_folder,"
            " programs, providers, import); remove it or correct the name"
        ],
    ),
    "unknown program setting": (
        '[programs.la-step]\nstat = "LA"\n',
        ["2:1: unknown setting programs.la-step.stat (settings: state, rules, requirements); did you mean 'state'?"],
    ),
    "unknown program": (
        'state = "IL"\n\n[programs.la-stpe]\nstate = "LA"\n',
        ["3:1: programs.la-stpe: no such program; did you mean 'la-step'?"],
    ),
    "cache in quotes": ('cache = "no"\n', ["1:1: cache must be true or false, without quotes, e.g. cache = false; not 'no'"]),
    "shared_folder in quotes": (
        'shared_folder = "yes"\n',
        ["1:1: shared_folder must be true or false, without quotes, e.g. shared_folder = true; not 'yes'"],
    ),
    "state is a number": ("state = 17\n", ['1:1: state must be text in quotes, e.g. state = "IL"']),
    "state is not a state": ('state = "Illinois"\n', ["1:1: state must be a two-letter US state code such as \"IL\", not 'Illinois'"]),
    "worker is a number": ("worker = 12\n", ['1:1: worker must be text in quotes, e.g. worker = "KM"']),
    "cases folder misspelt": (
        'cases = "caseload"\ntemplates = "my-templates"\n',
        [
            "1:1: cases: the folder {folder}/caseload does not exist; correct the path or create the folder",
            "2:1: templates: the folder {folder}/my-templates does not exist; correct the path or create the folder",
        ],
    ),
    "cases is a number": ("cases = 3\n", ['1:1: cases must be text in quotes, e.g. cases = "caseload"']),
    "packs is one path": ('packs = "mine.yaml"\n', ['1:1: packs must be a list of file paths, e.g. packs = ["packs/my-program.yaml"]']),
    "program state further down": (
        'state = "IL"\nworker = "KM"\n\n[programs.la-step]\nstate = 7\n',
        ['5:1: programs.la-step.state must be a two-letter US state code such as "LA", not 7'],
    ),
    "rules is not a table": (
        "[programs.la-step]\nrules = 5\n",
        ["2:1: programs.la-step.rules must be a table: [programs.la-step.rules.RULE]"],
    ),
    "meetings in quotes": (
        'worker = "KM"\n[providers."Acme Works"]\nmeetings = ["2026-12-17"]\n',
        ['3:1: providers."Acme Works".meetings must be a list of dates without quotes, e.g. meetings = [2026-12-17]'],
    ),
    "unknown provider setting": (
        '[providers."Acme Works"]\nmeeting = [2026-12-17]\n',
        ['2:1: unknown setting providers."Acme Works".meeting; the only one is meetings'],
    ),
    "unknown rule": (
        "[programs.la-step.rules.no-progres]\ndays = 30\n",
        [
            "1:1: programs.la-step.rules.no-progres: la-step has no rule 'no-progres'; did you mean 'no-progress'?;"
            " its rules: no-progress, non-participation, pending-sanction, sanction-entered, intensive-case-management, next-steps"
        ],
    ),
    "unknown import setting": (
        '[import]\nmapping = { "Case #" = "case_id" }\n',
        ["2:1: unknown setting import.mapping; the only one is map"],
    ),
    "import map is not a table of text": (
        '[import]\nmap = { "Case #" = 1 }\n',
        ['2:1: import.map must be a table of column = field, both in quotes, e.g. map = { "Case #" = "case_id", "DOB" = "birth_date" }'],
    ),
    "every mistake at once": (
        'stat = "IL"\ncache = "no"\nworker = 12\n',
        [
            "1:1: unknown setting 'stat' (settings: cases, state, worker, templates, packs, cache, shared_folder,"
            " programs, providers, import); did you mean 'state'?",
            "2:1: cache must be true or false, without quotes, e.g. cache = false; not 'no'",
            '3:1: worker must be text in quotes, e.g. worker = "KM"',
        ],
    ),
}


@pytest.mark.parametrize("toml, expected", SETTING_ERRORS.values(), ids=SETTING_ERRORS.keys())
def test_setting_errors_are_located(runner, tmp_path, toml, expected):
    expected = [line.replace("{folder}/", str(tmp_path / "x")[:-1]) for line in expected]
    assert settings_error(runner, tmp_path, toml) == [f"casestaff.toml:{line}" for line in expected]


def test_settings_saved_as_windows_1252(runner, tmp_path):
    lines = settings_error(runner, tmp_path, 'worker = "José"\n'.encode("cp1252"))
    assert lines == [
        "casestaff.toml:1:14: the file is not UTF-8 (byte 0xE9); it looks like Windows-1252 (cp1252) text;"
        " save it again as UTF-8 (in Notepad: Save as, Encoding: UTF-8)"
    ]


@pytest.mark.parametrize("prefix", [b"", b"\xef\xbb\xbf"], ids=["plain", "bom"])
def test_settings_with_bom_and_crlf_are_read(runner, tmp_path, prefix):
    folder_with(tmp_path, prefix + b'worker = "KM"\r\n\r\n[programs.la-step.rules.no-progress]\r\ndays = 400\r\n')
    result = runner.invoke(app, ["due", str(tmp_path), "--as-of", AS_OF, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(row["rule"], row["worker"]) for row in rows] == [("la-step.pending-sanction", "KM")]


def test_settings_are_found_in_a_parent_folder(runner, tmp_path):
    """Run on a subfolder: the casestaff.toml two folders up still applies."""
    settings = tmp_path / "casestaff.toml"
    settings.write_text('worker = "KM"\n[programs.la-step.rules.no-progress]\ndays = 400\n', encoding="utf-8")
    cases = tmp_path / "office" / "team-a"
    cases.mkdir(parents=True)
    (cases / "case.yaml").write_text(CASE, encoding="utf-8")
    result = runner.invoke(app, ["due", str(cases), "--as-of", AS_OF, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [(row["rule"], row["worker"]) for row in json.loads(result.stdout)] == [("la-step.pending-sanction", "KM")]

    settings.unlink()
    without = runner.invoke(app, ["due", str(cases), "--as-of", AS_OF, "--format", "json"])
    assert without.exit_code == 0, without.output
    assert [row["rule"] for row in json.loads(without.stdout)] == ["la-step.no-progress", "la-step.pending-sanction"]


def test_a_broken_parent_setting_is_reported_from_a_subfolder(runner, tmp_path):
    (tmp_path / "casestaff.toml").write_text("cache = maybe\n", encoding="utf-8")
    cases = tmp_path / "team-a"
    cases.mkdir()
    (cases / "case.yaml").write_text(CASE, encoding="utf-8")
    result = runner.invoke(app, ["check", str(cases), "--as-of", AS_OF])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{tmp_path / 'casestaff.toml'}:1:"), result.stderr
    assert result.stderr.endswith(
        ': TOML syntax error: a value cannot be read; text goes in quotes (state = "IL");'
        " true, false, numbers and dates go without quotes\n"
    ), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr


def test_the_nearest_settings_file_wins(runner, tmp_path):
    (tmp_path / "casestaff.toml").write_text("cache = maybe\n", encoding="utf-8")
    cases = tmp_path / "team-a"
    cases.mkdir()
    (cases / "casestaff.toml").write_text('worker = "KM"\n', encoding="utf-8")
    (cases / "case.yaml").write_text(CASE, encoding="utf-8")
    result = runner.invoke(app, ["check", str(cases), "--as-of", AS_OF])
    assert result.output == "1 file(s) checked, no problems.\n"
    assert result.exit_code == 0


def test_the_case_folder_setting_is_used_without_a_path(runner, tmp_path, monkeypatch):
    (tmp_path / "casestaff.toml").write_text('cases = "caseload"\n', encoding="utf-8")
    (tmp_path / "caseload").mkdir()
    (tmp_path / "caseload" / "case.yaml").write_text(CASE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["due", "--as-of", AS_OF, "--format", "json"])
    assert result.exit_code == 0, result.output
    files = {Path(row["file"]).resolve() for row in json.loads(result.stdout)}
    assert files == {(tmp_path / "caseload" / "case.yaml").resolve()}


def test_casestaff_config_names_the_file_to_use(runner, tmp_path, monkeypatch):
    (tmp_path / "casestaff.toml").write_text("cache = maybe\n", encoding="utf-8")
    (tmp_path / "case.yaml").write_text(CASE, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere.toml"
    elsewhere.write_text('worker = "KM"\n', encoding="utf-8")
    monkeypatch.setenv("CASESTAFF_CONFIG", str(elsewhere))
    result = runner.invoke(app, ["check", str(tmp_path), "--as-of", AS_OF])
    assert result.output == "1 file(s) checked, no problems.\n"
    assert result.exit_code == 0


def test_a_threshold_too_large_for_dates_is_a_settings_error_not_a_traceback(runner, tmp_path):
    toml = "[programs.la-step.rules.no-progress]\ndays = 99999999999\n"
    settings = folder_with(tmp_path, toml)
    result = runner.invoke(app, ["due", str(tmp_path), "--as-of", AS_OF])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"{settings}:2:1: programs.la-step.rules.no-progress: parameter 'days' of no_progress_for_days"
        " cannot be more than 36500 (100 years of days), not 99999999999\n"
    )
