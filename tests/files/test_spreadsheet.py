"""Reading a caseload spreadsheet as Excel and LibreOffice save it: the encoding, the separator,
quoted cells, empty rows, and a clear refusal for what cannot be read."""

from __future__ import annotations

import re

import pytest

from casestaff.files.spreadsheet import SheetError, read_sheet


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Name;City\r\nJosé;Bogotá\r\n".encode("cp1252"), "cp1252 (Windows)"),  # Excel "CSV (Comma delimited)", Windows
        ("\ufeffName;City\r\nJosé;Bogotá\r\n".encode(), "UTF-8 with BOM"),  # Excel "CSV UTF-8"
        ("Name;City\nJosé;Bogotá\n".encode(), "UTF-8"),  # LibreOffice
        ("Name\tCity\r\nJosé\tBogotá\r\n".encode("utf-16"), "UTF-16"),  # Excel "Unicode Text"
    ],
)
def test_accents_come_through_whatever_the_encoding(tmp_path, data, encoding):
    path = tmp_path / "caseload.csv"
    path.write_bytes(data)
    sheet = read_sheet(path)
    assert sheet.encoding == encoding
    assert sheet.headers == ("Name", "City")
    assert [row.cells for row in sheet.rows] == [("José", "Bogotá")]


def test_a_quoted_cell_keeps_its_commas_and_line_breaks_and_empty_rows_are_passed_over(tmp_path):
    path = tmp_path / "caseload.csv"
    path.write_text('Case ID,Address\nA-1,"12 Oak St, Apt 4"\n,\n\nA-2,"Line one\nline two"\n\n', encoding="utf-8")
    sheet = read_sheet(path)
    assert sheet.delimiter == ","
    assert [(row.number, row.cells[1]) for row in sheet.rows] == [(2, "12 Oak St, Apt 4"), (5, "Line one\nline two")]
    assert sheet.empty_rows == 2  # the trailing one is no row at all


def test_semicolons_inside_quotes_do_not_make_the_separator(tmp_path):
    path = tmp_path / "caseload.csv"
    path.write_text('"Name; full",Program,Enrolled\nAnn,la-step,2026-01-05\n', encoding="utf-8")
    assert read_sheet(path).headers == ("Name; full", "Program", "Enrolled")


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("caseload.ods", b"x", "casestaff imports .csv and .xlsx files"),
        ("caseload.csv", b"", "the file holds no rows"),
        ("caseload.csv", b"Name\r\nA\x81B\r\n", "byte 8 is neither UTF-8 nor Windows (cp1252) text"),
        ("caseload.xlsx", b"not a zip", "not a workbook this can read"),
    ],
)
def test_what_cannot_be_read_is_refused_with_what_to_do(tmp_path, name, data, said):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SheetError, match=re.escape(said)):
        read_sheet(path)
