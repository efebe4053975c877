"""Rows of a caseload spreadsheet, as Excel and LibreOffice save them: a .csv (UTF-8 with or
without a BOM, UTF-16 as Excel's "Unicode text", else cp1252 as Excel writes it on Windows;
`,`, `;` or tab between cells) or a .xlsx workbook's first sheet.

Cells come back as the file holds them: text from a CSV; text, numbers and datetimes from a
workbook (openpyxl gives a date-formatted cell, an Excel serial date, as a datetime). What a
cell means is for the importer to decide. openpyxl is imported only here, when a .xlsx is read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import stat
from collections.abc import Sequence
from casestaff.model.plain import dataclass
from pathlib import Path

from casestaff.files.yamlread import read_bounded
from casestaff.model.errors import UsageError

Cell = str | int | float | bool | dt.datetime | dt.date | dt.time | None

SUFFIXES = (".csv", ".xlsx")
DELIMITERS = (",", ";", "\t")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
MAX_SHEET_BYTES = 256 * 1024**2
"""Larger than any caseload (10,000 rows of a few hundred bytes is a few MB), small enough to hold."""


class SheetError(UsageError):
    """The spreadsheet cannot be read at all (no rows are imported): why, and what to do."""


@dataclass(frozen=True)
class Row:
    """One row that holds anything: its number as the spreadsheet shows it (the header is row 1)."""

    number: int
    cells: tuple[Cell, ...]

    def cell(self, column: int) -> Cell:
        return self.cells[column] if column < len(self.cells) else None


@dataclass(frozen=True)
class Sheet:
    """A spreadsheet's header and its rows that are not empty."""

    path: Path
    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    encoding: str
    """How it was read, said in the summary: 'UTF-8', 'UTF-8 with BOM', 'cp1252 (Windows)', 'xlsx'."""
    delimiter: str | None = None
    empty_rows: int = 0


def read_sheet(path: Path) -> Sheet:
    """The header and rows of a .csv or .xlsx file; SheetError when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise SheetError(f"{path}: casestaff imports .csv and .xlsx files; save the spreadsheet as one of those (File > Save As)")
    try:
        data = read_guarded(path)
    except OSError as exc:
        raise SheetError(f"cannot read {path}: {exc.strerror or exc}") from None
    if suffix == ".xlsx":
        return _from_rows(path, _xlsx_rows(path, data), "xlsx", None)
    text, encoding = decode(data, path)
    delimiter = sniff_delimiter(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise SheetError(f"{path}: not a CSV file this can read ({exc}); save it again from the spreadsheet as CSV") from None
    return _from_rows(path, records, encoding, delimiter)


def read_guarded(path: Path) -> bytes:
    """The file's bytes, refused (SheetError) before it is opened when it is not an ordinary file
    or is over MAX_SHEET_BYTES: the case files' guarded read (yamlread.read_bounded), with a
    spreadsheet's limit and words."""
    data, _ = read_bounded(path, MAX_SHEET_BYTES, lambda info, _named: _refuse_unless_a_file(info, path))
    if len(data) > MAX_SHEET_BYTES:
        raise SheetError(_too_big(path, MAX_SHEET_BYTES + 1))
    return data


def _refuse_unless_a_file(info: os.stat_result, path: Path) -> None:
    if not stat.S_ISREG(info.st_mode):
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "a named pipe" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
        if path.is_symlink():
            what = f"a link to {os.readlink(path)}, {what}"
        raise SheetError(f"{path}: this is {what}, not a file; save the spreadsheet as a .csv or .xlsx file and import that")
    if info.st_size > MAX_SHEET_BYTES:
        raise SheetError(_too_big(path, info.st_size))


def _too_big(path: Path, size: int) -> str:
    return (
        f"{path}: the file is over {size // 1024**2} MB; a caseload spreadsheet is far smaller, so this is"
        f" probably not one (casestaff imports files up to {MAX_SHEET_BYTES // 1024**2} MB): split it, or check the file name"
    )


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """(text, how it was decoded): valid UTF-8 first (with or without its BOM), UTF-16 with its
    BOM, else cp1252, the Windows encoding Excel saves "CSV" in."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            pass
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            return data[3:].decode("utf-8"), "UTF-8 with BOM"
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252 (Windows)"
    except UnicodeDecodeError as exc:
        raise SheetError(
            f"{path}: byte {exc.start + 1} is neither UTF-8 nor Windows (cp1252) text; save the spreadsheet again as"
            " 'CSV UTF-8' (Excel) or with the character set UTF-8 (LibreOffice)"
        ) from None


def sniff_delimiter(text: str) -> str:
    """The cell separator: the one of `,` `;` tab the header line uses most (outside quotes).
    Excel in much of Europe saves CSV with `;`; a header line is never a single quoted cell."""
    header = text.lstrip("\r\n").splitlines()[0] if text.strip() else ""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _xlsx_rows(path: Path, data: bytes) -> list[list[Cell]]:
    """The first sheet's values as Excel last saved them (data_only: a formula's result)."""
    import zipfile

    from openpyxl import load_workbook  # type: ignore[import-untyped]
    from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise SheetError(f"{path}: not a workbook this can read ({exc}); open it in the spreadsheet and save it again as .xlsx or .csv") from None
    try:
        sheet = book.worksheets[0]
        return [list(values) for values in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _from_rows(path: Path, records: Sequence[Sequence[Cell]], encoding: str, delimiter: str | None) -> Sheet:
    """The first row that holds anything is the header; later empty rows are skipped and counted."""
    numbered: list[tuple[int, tuple[Cell, ...]]] = [(number, tuple(cells)) for number, cells in enumerate(records, 1)]
    start = next((i for i, (_, cells) in enumerate(numbered) if not all(_blank(c) for c in cells)), None)
    header_cells = numbered[start][1] if start is not None else ()
    if start is None:
        raise SheetError(f"{path}: the file holds no rows; the first row should name the columns (Case ID, Name, Program, Enrolled ...)")
    headers = tuple("" if _blank(c) else str(c).strip() for c in header_cells)
    while headers and not headers[-1]:
        headers = headers[:-1]
    rows = []
    empty = between = 0  # empty rows between rows that hold something (not a workbook's unused tail)
    for number, cells in numbered[start + 1 :]:
        if all(_blank(c) for c in cells):
            between += 1
            continue
        rows.append(Row(number, cells))
        empty, between = empty + between, 0
    return Sheet(path=path, headers=headers, rows=tuple(rows), encoding=encoding, delimiter=delimiter, empty_rows=empty)
