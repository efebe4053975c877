"""`casestaff import` from the user's side: a caseload spreadsheet saved the way Excel and
LibreOffice save it (CSV in UTF-8 with or without a BOM or in cp1252, `,` or `;` between cells,
US dates; a .xlsx with real date cells and serial numbers) becomes one case file per row that
`casestaff check` passes and `casestaff due` lists -- and each row that cannot is refused where
it stands, the good rows imported all the same.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from casestaff.cli.main import app

from ..conftest import SAMPLES

AS_OF = "2026-12-01"
HEADER = "Case ID,Participant Name,Program,Worker,Provider,Enrolled,Date of Birth,Phone\r\n"
GOOD_ROWS = (
    "IM-0001,Grace Oduya,il-snap-et,KM,Example Works,5/14/2026,3/22/1990,555-0101\r\n"
    "IM-0002,Jose Nunez,la-step,KM,,1/5/2026,,\r\n"
)


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An office folder: casestaff.toml naming cases/, an empty case folder, and the current folder."""
    (tmp_path / "cases").mkdir()
    (tmp_path / "casestaff.toml").write_text('cases = "cases"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _save(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def _import(runner, *args: str):
    return runner.invoke(app, ["import", *args, "--as-of", AS_OF])


def _case_files(office: Path) -> list[str]:
    return sorted(p.name for p in (office / "cases").iterdir())


def test_a_csv_as_excel_saves_it_becomes_case_files_that_check_passes_and_due_lists(runner, office):
    sheet = _save(office, "caseload.csv", HEADER + GOOD_ROWS)
    result = _import(runner, str(sheet), "--yes")
    assert result.exit_code == 0, result.output
    assert "Wrote " in result.stdout and "IM-0001.yaml (row 2: IM-0001, Grace Oduya, il-snap-et)" in result.stdout
    assert result.stdout.endswith("2 written, 0 skipped, 0 refused (caseload.csv read as UTF-8).\n")
    assert _case_files(office) == ["IM-0001.yaml", "IM-0002.yaml"]
    text = (office / "cases" / "IM-0001.yaml").read_text(encoding="utf-8")
    assert "enrolled: 2026-05-14" in text and "birth_date: 1990-03-22" in text and "provider: Example Works" in text

    checked = runner.invoke(app, ["check"])
    assert checked.exit_code == 0, checked.output
    assert checked.output == "2 file(s) checked, no problems.\n"
    due = runner.invoke(app, ["due", "--as-of", AS_OF])
    assert due.exit_code == 0, due.output
    assert "Grace Oduya -- IM-0001 -- il-snap-et -- worker KM" in due.stdout
    assert "Jose Nunez -- IM-0002 -- la-step -- worker KM" in due.stdout


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_an_xlsx_with_date_cells_and_serial_numbers_becomes_case_files_that_check_passes(runner, office):
    sheet = _workbook(
        office / "caseload.xlsx",
        [
            ["Case #", "Name", "Program", "Enrolled", "DOB"],
            [1234, "Marisol Vega", "la-step", dt.datetime(2026, 2, 3), dt.datetime(1988, 7, 9)],
            [None, None, None, None, None],
            ["IM-7", "Ana Ruiz", "la-step", 46023, None],  # Excel's serial number of 2026-01-01
        ],
    )
    result = _import(runner, str(sheet), "--yes")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("2 written, 0 skipped, 0 refused (caseload.xlsx read from the first sheet; 1 empty row(s) passed over).\n")
    number = (office / "cases" / "1234.yaml").read_text(encoding="utf-8")
    assert 'case_id: "1234"' in number and "enrolled: 2026-02-03" in number and "birth_date: 1988-07-09" in number
    assert "enrolled: 2026-01-01" in (office / "cases" / "IM-7.yaml").read_text(encoding="utf-8")
    checked = runner.invoke(app, ["check"])
    assert checked.output == "2 file(s) checked, no problems.\n"
    due = runner.invoke(app, ["due", "--as-of", AS_OF])
    assert "Marisol Vega -- 1234 -- la-step" in due.stdout and "Ana Ruiz -- IM-7 -- la-step" in due.stdout


@pytest.mark.parametrize(
    ("encoding", "prefix", "said"),
    [("utf-8", "\ufeff", "UTF-8 with BOM"), ("cp1252", "", "cp1252 (Windows)"), ("utf-8", "", "UTF-8")],
)
def test_accents_read_right_whatever_the_encoding_and_the_summary_says_which(runner, office, encoding, prefix, said):
    text = prefix + "Case ID;Name;Program;Enrolled\r\nIM-0003;José Núñez;la-step;2026-01-05\r\n"
    sheet = _save(office, "caseload.csv", text, encoding)
    result = _import(runner, str(sheet), "--yes")
    assert result.exit_code == 0, result.output
    assert f"(caseload.csv read as {said})" in result.stdout
    assert f"caseload.csv ({said}, semicolon-separated): 1 row(s)" in result.stderr
    written = (office / "cases" / "IM-0003.yaml").read_bytes()
    assert "name: José Núñez".encode() in written and not written.startswith(b"\xef\xbb\xbf")
    assert runner.invoke(app, ["check"]).exit_code == 0


def test_a_csv_as_libreoffice_saves_it_quoted_cells_two_digit_years(runner, office):
    text = (
        '"Case ID","First Name","Last Name","Program","Enrolled","Address"\n'
        '"IM-0010","Rosa","Delgado","la-step",01/05/26,"12 Oak St, Apt 4"\n'
        '"IM-0011","Luis","Ortega","la-step",01/15/26,\n'
    )
    result = _import(runner, str(_save(office, "caseload.csv", text)), "--yes")
    assert result.exit_code == 0, result.output
    assert "  'First Name' + 'Last Name' -> participant.name   (guessed)" in result.stderr
    rosa = (office / "cases" / "IM-0010.yaml").read_text(encoding="utf-8")
    assert "name: Rosa Delgado" in rosa and "enrolled: 2026-01-05" in rosa and "address: 12 Oak St, Apt 4" in rosa
    assert runner.invoke(app, ["check"]).output == "2 file(s) checked, no problems.\n"


def test_a_bad_row_among_good_ones_is_located_and_the_good_ones_written(runner, office):
    rows = GOOD_ROWS + "IM-0004,Kim Lee,la-stp,KM,,2/1/2026,,\r\nIM-0005,Ray Poe,la-step,KM,,13/45/2026,,\r\n"
    result = _import(runner, str(_save(office, "caseload.csv", HEADER + rows)), "--yes")
    assert result.exit_code == 1
    assert "caseload.csv:row 4, column 'Program': no program 'la-stp'; did you mean 'la-step'?" in result.stderr
    assert "caseload.csv:row 5, column 'Enrolled': 13/45/2026: there is no month 13" in result.stderr
    assert "2 written, 0 skipped, 2 refused" in result.stdout
    assert _case_files(office) == ["IM-0001.yaml", "IM-0002.yaml"]


def test_a_date_that_reads_two_ways_is_refused_unless_its_column_or_dates_says_which(runner, office):
    sheet = _save(office, "caseload.csv", "Case ID,Name,Program,Enrolled\nIM-1,Ann Bee,la-step,3/4/2026\n")
    refused = _import(runner, str(sheet), "--yes")
    assert refused.exit_code == 1
    assert "caseload.csv:row 2, column 'Enrolled': 3/4/2026 could be March 4 or April 3" in refused.stderr
    assert "--dates mdy" in refused.stderr and _case_files(office) == []

    written = _import(runner, str(sheet), "--yes", "--dates", "dmy")
    assert written.exit_code == 0, written.output
    assert "enrolled: 2026-04-03" in (office / "cases" / "IM-1.yaml").read_text(encoding="utf-8")

    shown = _save(office, "more.csv", "Case ID,Name,Program,Enrolled\nIM-2,Cy Dee,la-step,3/4/2026\nIM-3,Di Eve,la-step,3/14/2026\n")
    assert _import(runner, str(shown), "--yes").exit_code == 0  # 3/14 says the column is month first
    assert "enrolled: 2026-03-04" in (office / "cases" / "IM-2.yaml").read_text(encoding="utf-8")


def test_duplicate_ids_in_the_file_a_repeat_imports_once_two_different_cases_neither(runner, office):
    rows = GOOD_ROWS + GOOD_ROWS.splitlines(keepends=True)[0] + "IM-0002,Someone Else,la-step,KM,,1/5/2026,,\r\n"
    result = _import(runner, str(_save(office, "caseload.csv", HEADER + rows)), "--yes")
    assert result.exit_code == 1
    assert "Skipped row 4 (IM-0001): the same as row 2." in result.stdout
    assert "caseload.csv:row 3, column 'Case ID': case id IM-0002 is also in row 5 with other values" in result.stderr
    assert "caseload.csv:row 5, column 'Case ID': case id IM-0002 is also in row 3 with other values" in result.stderr
    assert _case_files(office) == ["IM-0001.yaml"]


def test_a_case_id_already_in_the_case_folder_is_skipped_and_its_file_untouched(runner, office):
    existing = office / "cases" / "kept.yaml"
    shutil.copy(SAMPLES / "la-step-jose-nunez.yaml", existing)
    before = existing.read_bytes()
    case_id = next(line.split(":", 1)[1].strip() for line in before.decode("utf-8").splitlines() if line.startswith("case_id:"))
    sheet = _save(office, "caseload.csv", f"Case ID,Name,Program,Enrolled\n{case_id.lower()},José Núñez,la-step,2026-01-05\n")
    result = _import(runner, str(sheet), "--yes")
    assert result.exit_code == 0, result.output
    assert f"Skipped row 2 ({case_id.lower()}): case {case_id.lower()} is already in " in result.stdout
    assert "kept.yaml" in result.stdout and "0 written, 1 skipped, 0 refused" in result.stdout
    assert existing.read_bytes() == before and _case_files(office) == ["kept.yaml"]


def test_a_case_id_in_a_file_that_does_not_read_is_refused_not_made_twice(runner, office):
    """A file with a YAML error still holds its case id: importing that id again is refused
    (exit 1) and names the file to fix, instead of making a second file with the same id."""
    broken = office / "cases" / "kept.yaml"
    text = (SAMPLES / "la-step-jose-nunez.yaml").read_text(encoding="utf-8")
    case_id = next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("case_id:"))
    broken.write_text(text.replace("\nenrolled:", "\nenrolled: [2026-01-05\n", 1), encoding="utf-8")
    sheet = _save(office, "caseload.csv", f"Case ID,Name,Program,Enrolled\n{case_id},José Núñez,la-step,2026-01-05\nIM-50,Ann Bee,la-step,2026-01-05\n")
    result = _import(runner, str(sheet), "--yes")
    assert result.exit_code == 1, result.output
    assert f"caseload.csv:row 2, column 'Case ID': case id {case_id} may already be in " in result.stderr
    assert "kept.yaml, which casestaff cannot read" in result.stderr
    assert "1 written, 0 skipped, 1 refused" in result.stdout
    assert _case_files(office) == ["IM-50.yaml", "kept.yaml"]


def test_two_ids_that_make_the_same_file_name_are_both_imported_to_two_files(runner, office):
    """'LA 1' and 'LA-1' are two participants whose ids make the same file name: neither is
    dropped, in one spreadsheet or across two imports."""
    sheet = _save(office, "caseload.csv", "Case ID,Name,Program,Enrolled\nLA 1,Ann Bee,la-step,2026-01-05\nLA-1,Cy Dee,la-step,2026-01-05\n")
    result = _import(runner, str(sheet), "--yes")
    assert result.exit_code == 0, result.output
    assert "2 written, 0 skipped, 0 refused" in result.stdout
    assert _case_files(office) == ["LA-1-2.yaml", "LA-1.yaml"]
    assert "case_id: LA 1" in (office / "cases" / "LA-1.yaml").read_text(encoding="utf-8")
    assert "case_id: LA-1" in (office / "cases" / "LA-1-2.yaml").read_text(encoding="utf-8")

    later = _save(office, "later.csv", "Case ID,Name,Program,Enrolled\nLA/1,Di Eve,la-step,2026-01-05\nLA-1,Cy Dee,la-step,2026-01-05\n")
    again = _import(runner, str(later), "--yes")
    assert again.exit_code == 0, again.output
    assert "1 written, 1 skipped, 0 refused" in again.stdout
    assert "case_id: LA/1" in (office / "cases" / "LA-1-3.yaml").read_text(encoding="utf-8")
    assert runner.invoke(app, ["check", str(office / "cases"), "--as-of", AS_OF]).exit_code == 0


def test_into_another_folder_an_id_already_in_the_case_folder_is_skipped_all_the_same(runner, office):
    shutil.copy(SAMPLES / "la-step-jose-nunez.yaml", office / "cases" / "kept.yaml")
    case_id = next(line.split(":", 1)[1].strip() for line in (office / "cases" / "kept.yaml").read_text(encoding="utf-8").splitlines() if line.startswith("case_id:"))
    (office / "new-office").mkdir()
    sheet = _save(office, "caseload.csv", f"Case ID,Name,Program,Enrolled\n{case_id},José Núñez,la-step,2026-01-05\nIM-50,Ann Bee,la-step,2026-01-05\n")
    result = _import(runner, str(sheet), "--yes", "--into", str(office / "new-office"))
    assert result.exit_code == 0, result.output
    assert f"Skipped row 2 ({case_id}): case {case_id} is already in " in result.stdout
    assert sorted(p.name for p in (office / "new-office").iterdir()) == ["IM-50.yaml"]


def test_dry_run_shows_what_would_be_written_and_writes_nothing(runner, office):
    result = _import(runner, str(_save(office, "caseload.csv", HEADER + GOOD_ROWS)), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Would write " in result.stdout and "IM-0001.yaml: row 2, IM-0001, Grace Oduya, il-snap-et" in result.stdout
    assert "    enrolled: 2026-05-14" in result.stdout
    assert "2 would be written, 0 skipped, 0 refused" in result.stdout
    assert _case_files(office) == []


def test_the_file_is_the_programs_skeleton_with_the_rows_values_comments_kept(runner, office):
    made = runner.invoke(app, ["new", "--program", "la-step", "--id", "IM-9", "--name", "Ann Bee", "--out", str(office / "new.yaml")])
    assert made.exit_code == 0, made.output
    sheet = _save(office, "caseload.csv", "Case ID,Name,Program,Enrolled\nIM-9,Ann Bee,la-step,2026-01-05\n")
    assert _import(runner, str(sheet), "--yes").exit_code == 0
    skeleton = (office / "new.yaml").read_text(encoding="utf-8")
    imported = (office / "cases" / "IM-9.yaml").read_text(encoding="utf-8")
    blank = "enrolled:                       # (required) Enrollment date. e.g. 2026-01-05\n"
    assert blank in skeleton
    assert imported == skeleton.replace(blank, "enrolled: 2026-01-05            # (required) Enrollment date.\n")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
@pytest.mark.parametrize(("shared", "mode"), [(False, 0o600), (True, 0o660)])
def test_case_files_are_owner_only_unless_the_folder_is_shared(runner, office, shared, mode):
    if shared:
        (office / "casestaff.toml").write_text('cases = "cases"\nshared_folder = true\n', encoding="utf-8")
    assert _import(runner, str(_save(office, "caseload.csv", HEADER + GOOD_ROWS)), "--yes").exit_code == 0
    for path in (office / "cases").iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == mode


def test_a_guessed_mapping_is_shown_and_without_a_terminal_needs_yes(runner, office):
    sheet = _save(office, "caseload.csv", HEADER + GOOD_ROWS)
    result = _import(runner, str(sheet))
    assert result.exit_code == 2
    assert "  'Date of Birth' -> participant.birth_date   (guessed)" in result.stderr
    assert "run again with --yes to accept it, or give it with --map" in result.stderr
    assert _case_files(office) == []


def test_a_mapping_given_in_full_is_not_asked_about_and_settings_map_the_rest(runner, office):
    (office / "casestaff.toml").write_text(
        'cases = "cases"\n[import]\nmap = { "Client" = "participant.name", "Started" = "enrolled", "Status" = "", "Other sheet" = "goal" }\n',
        encoding="utf-8",
    )
    sheet = _save(office, "caseload.csv", "File No,Client,Started,Status\nIM-20,Bo Cruz,2026-02-02,open\n")
    result = _import(runner, str(sheet), "--map", "File No=case_id", "--program", "la-step")
    assert result.exit_code == 0, result.output
    assert "(guessed)" not in result.stderr and "  'Status' -> not imported" in result.stderr
    text = (office / "cases" / "IM-20.yaml").read_text(encoding="utf-8")
    assert "name: Bo Cruz" in text and "enrolled: 2026-02-02" in text and "program: la-step" in text


def test_a_missing_required_column_is_named_with_the_headers_found(runner, office):
    sheet = _save(office, "caseload.csv", "Case ID,Name,Program,Status\nIM-1,Ann Bee,la-step,open\n")
    result = _import(runner, str(sheet), "--yes")
    assert result.exit_code == 2
    assert "caseload.csv: no column for enrolled; the headers found: 'Case ID', 'Name', 'Program', 'Status';" in result.stderr
    assert "--map 'COLUMN=enrolled'" in result.stderr


def test_unknown_map_column_or_field_says_what_there_is(runner, office):
    sheet = _save(office, "caseload.csv", HEADER + GOOD_ROWS)
    column = _import(runner, str(sheet), "--map", "Enroled=enrolled")
    assert column.exit_code == 2 and "no column 'Enroled' in the spreadsheet; did you mean 'Enrolled'?" in column.stderr
    field = _import(runner, str(sheet), "--map", "Enrolled=enroled")
    assert field.exit_code == 2 and "'enroled' (for column 'Enrolled') is not a field a spreadsheet can fill; did you mean 'enrolled'?" in field.stderr
    two = _import(runner, str(sheet), "--map", "Enrolled=enrolled,Date of Birth=enrolled")
    assert two.exit_code == 2 and "--map: 'Date of Birth' and 'Enrolled' both fill enrolled; only text is joined" in two.stderr


def test_help_says_the_exit_codes(runner):
    result = runner.invoke(app, ["import", "--help"])
    assert result.exit_code == 0
    assert "Exit code 0 when every row was written (or skipped), 1 when some rows were refused." in " ".join(result.stdout.split())


@pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal")
@pytest.mark.parametrize(("answer", "written"), [("n", []), ("y", ["IM-0001.yaml", "IM-0002.yaml"])])
def test_on_a_terminal_the_guessed_mapping_is_confirmed_before_anything_is_written(office, answer, written):
    import pty

    sheet = _save(office, "caseload.csv", HEADER + GOOD_ROWS)
    main, secondary = pty.openpty()
    os.write(main, f"{answer}\n".encode())
    command = [sys.executable, "-c", "from casestaff.cli.main import main; main()", "import", str(sheet), "--as-of", AS_OF]
    try:
        done = subprocess.run(command, stdin=secondary, stderr=secondary, stdout=subprocess.PIPE, timeout=120, check=False, env=os.environ)
    finally:
        os.close(secondary)
    shown = b""
    try:
        while chunk := os.read(main, 4096):
            shown += chunk
    except OSError:  # the terminal is closed once everything is read
        pass
    os.close(main)
    assert done.returncode == 0
    assert "'Enrolled' -> enrolled   (guessed)" in shown.decode("utf-8")
    assert "Import the rows with this mapping? [Y/n]" in shown.decode("utf-8")
    assert _case_files(office) == written


def test_due_does_not_load_the_spreadsheet_reader(tmp_path):
    env = {**os.environ, "CASESTAFF_CACHE_DIR": str(tmp_path / "cache"), "CASESTAFF_DATA_DIR": str(tmp_path / "data")}
    command = [sys.executable, "-X", "importtime", "-m", "casestaff", "due", str(SAMPLES), "--as-of", AS_OF, "--no-cache"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False, env=env)
    assert done.returncode == 0 and "casestaff.actions.due" in done.stderr
    assert "openpyxl" not in done.stderr and "casestaff.cli.importing" not in done.stderr


@pytest.mark.skipif(os.name != "posix", reason="named pipes and /dev/zero")
@pytest.mark.parametrize("kind", ["link to /dev/zero", "named pipe"])
def test_a_spreadsheet_name_that_is_no_file_is_refused_at_once(office, tmp_path, kind):
    """A .csv that is a link to a device or a named pipe is refused with what it is, before it
    is opened: it would fill memory, or wait forever for a writer."""
    sheet = office / "caseload.csv"
    if kind == "named pipe":
        os.mkfifo(sheet)
    else:
        sheet.symlink_to("/dev/zero")
    env = {**os.environ, "CASESTAFF_CACHE_DIR": str(tmp_path / "cache"), "CASESTAFF_DATA_DIR": str(tmp_path / "data")}
    command = [sys.executable, "-m", "casestaff", "import", str(sheet), "--yes", "--as-of", AS_OF]
    # the timeout only keeps a regression from hanging the suite; a fixed run answers at once
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False, env=env, cwd=office)
    assert done.returncode == 2, done.stderr
    assert f"{sheet}: this is " in done.stderr and "not a file; save the spreadsheet as a .csv or .xlsx file" in done.stderr
    assert "Traceback" not in done.stderr and _case_files(office) == []
