"""A spreadsheet row as a new case file: which column holds which field (guessed from the
headers, or given), the row's cells read as the field's kind, and the program's skeleton with
them filled in -- checked as `casestaff check` checks it before anything is written.

A problem is located as a spreadsheet user finds it: `caseload.csv:row 14, column 'Enrolled'`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import field
from casestaff.model.plain import dataclass

from casestaff.documents.skeleton import fillable_fields, single_value_fields, skeleton, yaml_scalar
from casestaff.files.casefile import read_case
from casestaff.files.spreadsheet import Cell, Row, Sheet
from casestaff.model import records as model
from casestaff.model.errors import UsageError
from casestaff.model.pack import Pack
from casestaff.model.problems import did_you_mean, printable
from casestaff.model.records import PLAUSIBLE_YEARS
from casestaff.model.spec import FieldSpec, fields_of
from casestaff.model.when import DATE_ORDERS, AmbiguousDate, WhenError, order_shown_by, read_sheet_date

NAME_FIELD = "participant.name"
REQUIRED = ("case_id", "program", NAME_FIELD, "enrolled")
"""What every case file must have; `program` may instead come from --program."""

HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "case_id": ("case id", "case", "case number", "case no", "case num", "case nr", "caseid", "case #", "id", "case file"),
    "program": ("program", "program id", "programme", "program code"),
    "worker": ("worker", "caseworker", "case worker", "worker initials", "assigned worker", "coach", "case manager"),
    "provider": ("provider", "service provider", "provider name"),
    "enrolled": ("enrolled", "enrollment", "enrollment date", "enrolment", "enrolment date", "enrolled on", "date enrolled", "enroll date", "start date"),
    "goal": ("goal", "participant goal"),
    "notes": ("notes", "note", "comments", "comment", "remarks"),
    NAME_FIELD: ("name", "participant", "participant name", "full name", "client", "client name", "customer", "customer name"),
    "participant.birth_date": ("birth date", "date of birth", "dob", "birthdate", "birthday", "born"),
    "participant.relationship_status": ("relationship status", "marital status", "relationship"),
    "participant.employment_education": ("employment education", "employment", "education", "employment and education"),
    "participant.address": ("address", "home address", "street address"),
    "participant.phone": ("phone", "phone number", "telephone", "tel", "mobile", "cell"),
}
"""Header texts (lowercase, punctuation as spaces) that name each field, beside the field's own name."""

NAME_PARTS = (("first name", "given name", "first"), ("middle name", "middle"), ("last name", "surname", "family name", "last"))
"""Columns that together make the participant's name, in the order they are joined."""


def importable_fields() -> list[str]:
    """Every field a spreadsheet column can fill, in the case file's order."""
    return single_value_fields(fields_of(model.Case))


def field_spec(name: str) -> FieldSpec:
    if name.startswith("participant."):
        return fields_of(model.Participant)[name.split(".", 1)[1]]
    return fields_of(model.Case)[name]


def field_named(word: str) -> str | None:
    """The field a --map or [import] map value names: `enrolled`, `participant.birth_date`, or a
    participant's field by its own name (`birth_date`), in any case."""
    wanted = word.strip().lower().replace("-", "_").replace(" ", "_")
    fields = importable_fields()
    if wanted in fields:
        return wanted
    bare = [name for name in fields if name.startswith("participant.") and name.split(".", 1)[1] == wanted]
    top = [name for name in fields if name == wanted]
    found = top or bare
    return found[0] if len(found) == 1 else None


def _words(header: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z#]+", " ", header.lower()).split())


@dataclass(frozen=True)
class ColumnMap:
    """Which columns fill which field (several columns: their cells joined by spaces, as First and
    Last name make the name), which fields were guessed from the headers, which columns are left out."""

    columns: dict[str, tuple[int, ...]]
    guessed: frozenset[str] = frozenset()
    ignored: tuple[int, ...] = ()

    def column_of(self, name: str) -> int | None:
        columns = self.columns.get(name)
        return columns[0] if columns else None


def map_columns(headers: Sequence[str], given: Sequence[tuple[str, str, str]]) -> ColumnMap:
    """The mapping: what `given` says, as (header, field, where it was said; an empty field leaves
    the column out), and for the rest a guess from the headers. UsageError names an unknown
    column or field."""
    columns: dict[str, list[int]] = {}
    taken: set[int] = set()
    for header, name, source in given:
        index = _column_index(headers, header, source)
        taken.add(index)
        if name.strip() in ("", "-"):
            continue
        target = field_named(name)
        if target is None:
            fields = importable_fields()
            raise UsageError(
                f"{source}: '{name}' (for column '{header}') is not a field a spreadsheet can fill{did_you_mean(name, fields)};"
                f" fields: {', '.join(fields)}"
            )
        if target in columns and field_spec(target).kind.name != "text":
            first = headers[columns[target][0]]
            raise UsageError(f"{source}: '{header}' and '{first}' both fill {target}; only text is joined from two columns, so map one of them")
        columns.setdefault(target, []).append(index)
    guessed: set[str] = set()
    name_parts: list[tuple[int, int]] = []
    for index, header in enumerate(headers):
        if index in taken or not header:
            continue
        words = _words(header)
        target = next((name for name in importable_fields() if words in (_words(name.split(".")[-1]), *HEADER_WORDS.get(name, ()))), None)
        part = next((rank for rank, names in enumerate(NAME_PARTS) if words in names), None)
        if part is not None and NAME_FIELD not in columns:
            name_parts.append((part, index))
        elif target is not None and target not in columns:
            columns[target] = [index]
            guessed.add(target)
        else:
            continue
        taken.add(index)
    if name_parts and NAME_FIELD not in columns:
        columns[NAME_FIELD] = [index for _, index in sorted(name_parts)]
        guessed.add(NAME_FIELD)
    used = {index for cols in columns.values() for index in cols}
    ignored = tuple(i for i, header in enumerate(headers) if i not in used and header)
    in_sheet_order = sorted(columns.items(), key=lambda item: min(item[1]))
    return ColumnMap({name: tuple(cols) for name, cols in in_sheet_order}, frozenset(guessed), ignored)


def _column_index(headers: Sequence[str], header: str, source: str) -> int:
    wanted = header.strip()
    for index, found in enumerate(headers):
        if found == wanted:
            return index
    folded = [index for index, found in enumerate(headers) if found.casefold() == wanted.casefold()]
    if len(folded) == 1:
        return folded[0]
    shown = ", ".join(f"'{h}'" for h in headers if h)
    raise UsageError(f"{source}: no column '{header}' in the spreadsheet{did_you_mean(header, headers)}; its columns: {shown}")


def missing_columns(sheet: Sheet, columns: ColumnMap, program_given: bool) -> str | None:
    """Why the spreadsheet cannot be imported for lack of a required column, naming the headers
    found and how to map one; None when every required field has a column."""
    missing = [name for name in REQUIRED if name not in columns.columns and not (name == "program" and program_given)]
    if not missing:
        return None
    shown = ", ".join(f"'{h}'" for h in sheet.headers if h) or "none"
    hint = " (or give every row's program with --program ID)" if "program" in missing else ""
    return (
        f"{sheet.path.name}: no column for {', '.join(missing)}{hint}; the headers found: {shown};"
        f" name the column with --map 'COLUMN={missing[0]}' or in casestaff.toml's [import] map"
    )


def date_orders(sheet: Sheet, columns: ColumnMap, given: str | None = None) -> dict[str, str | None]:
    """For each date field, the order (month or day first) `given` for the whole file, else the
    one its column proves by a part above 12 in some row, when all such rows agree: a US
    spreadsheet that writes 3/14/2026 in a column writes 3/4/2026 as March 4 in the same column."""
    orders: dict[str, str | None] = {}
    for name, cols in columns.columns.items():
        if field_spec(name).kind.name != "date":
            continue
        if given is not None:
            orders[name] = given
            continue
        shown = {order_shown_by(cell) for row in sheet.rows if isinstance(cell := row.cell(cols[0]), str)} - {None}
        orders[name] = shown.pop() if len(shown) == 1 else None
    return orders


@dataclass(frozen=True)
class RowProblem:
    """Why a row was not imported, where a spreadsheet user finds it."""

    file: str
    row: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f", column '{self.column}'" if self.column is not None else ""
        return printable(f"{self.file}:row {self.row}{where}: {self.message}")


@dataclass(frozen=True)
class NewCase:
    """A row ready to become a case file: its id, program, name, and the file's text."""

    row: int
    case_id: str
    program: str
    name: str
    text: str
    values: dict[str, str] = field(default_factory=dict)
    """The fields filled in, as written in the file (for --dry-run)."""


@dataclass(frozen=True)
class RowReader:
    """What reading every row of one spreadsheet shares: its mapping, packs and defaults."""

    sheet: Sheet
    columns: ColumnMap
    packs: Mapping[str, Pack]
    program: str | None
    worker: str | None
    today: dt.date
    orders: dict[str, str | None] = field(default_factory=dict)

    def header(self, name: str) -> str | None:
        column = self.columns.column_of(name)
        return self.sheet.headers[column] if column is not None else None

    def problem(self, row: Row, name: str | None, message: str) -> RowProblem:
        return RowProblem(self.sheet.path.name, row.number, self.header(name) if name else None, message)

    def case_id(self, row: Row) -> str:
        """The row's case id as it will be written ('' when empty)."""
        return self._text(row, "case_id") or ""

    def _text(self, row: Row, name: str) -> str | None:
        cells = [cell_text(row.cell(column)) for column in self.columns.columns.get(name, ())]
        joined = " ".join(part for part in cells if part)
        return joined or None

    def new_case(self, row: Row, shown_path: str) -> NewCase | list[RowProblem]:
        """The row as a case file's text, checked as `casestaff check` would; else its problems."""
        problems: list[RowProblem] = []
        pack = self._pack(row, problems)
        filled: dict[str, str] = {}
        fillable = fillable_fields(pack) if pack is not None else importable_fields()
        failed: set[str] = set()
        for name in self.columns.columns:
            before = len(problems)
            value = self._value(row, name, problems)
            if len(problems) > before:
                failed.add(name)
            if value is None:
                continue
            if pack is not None and name not in fillable:
                problems.append(self.problem(row, name, f"program {pack.id} has no {name} field; leave the cell empty or choose the right program"))
                continue
            filled[name] = value
        for name in REQUIRED:
            if name not in filled and name not in failed and name != "program":
                what = field_spec(name).doc.rstrip(".").lower()
                problems.append(self.problem(row, name, f"empty; every case file needs the {name} ({what})"))
        if pack is not None and pack.provider_cycle is not None and "provider" not in filled:
            problems.append(self.problem(row, "provider", f"empty; program {pack.id} needs the provider (its provider staffings go by it)"))
        if problems or pack is None:
            return problems
        if "worker" not in filled and self.worker:
            filled["worker"] = yaml_scalar(self.worker)
        filled["program"] = pack.id
        text = skeleton(pack, filled=filled)
        _, found = read_case(text.encode("utf-8"), shown_path, self.packs)
        if found:
            at_line = _fields_by_line(text)
            return [self.problem(row, at_line.get(p.line), p.message) for p in found]
        name = self._text(row, NAME_FIELD) or ""
        return NewCase(row.number, self.case_id(row), pack.id, name, text, filled)

    def _pack(self, row: Row, problems: list[RowProblem]) -> Pack | None:
        wanted = self._text(row, "program") or self.program
        if not wanted:
            problems.append(self.problem(row, "program", "empty; give the program id (see `casestaff programs`), or --program ID for rows without one"))
            return None
        pack = self.packs.get(wanted) or next((p for key, p in self.packs.items() if key.casefold() == wanted.casefold()), None)
        if pack is None:
            where = "program" if self._text(row, "program") else None
            message = f"no program '{wanted}'{did_you_mean(wanted, self.packs)}; see `casestaff programs`"
            problems.append(self.problem(row, where, message if where else f"--program: {message}"))
        return pack

    def _value(self, row: Row, name: str, problems: list[RowProblem]) -> str | None:
        """The field's value as YAML text, None when the cell is empty or wrong (then a problem)."""
        if name == "program":
            return None  # _pack reads it
        columns = self.columns.columns[name]
        if field_spec(name).kind.name != "date":
            text = self._text(row, name)
            return yaml_scalar(text) if text else None
        cell = row.cell(columns[0])
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            return None
        try:
            day = cell_date(cell, self.orders.get(name))
        except AmbiguousDate as exc:
            problems.append(self.problem(row, name, f"{exc}; or give --dates mdy (month first, as Excel writes in the US) or --dates dmy"))
            return None
        except WhenError as exc:
            problems.append(self.problem(row, name, str(exc)))
            return None
        if day.year not in PLAUSIBLE_YEARS:
            problems.append(self.problem(row, name, f"{day} is in the year {day.year}; check the year"))
            return None
        if name == "participant.birth_date" and day > self.today:
            problems.append(self.problem(row, name, f"{day} is in the future; check the year"))
            return None
        return day.isoformat()


EXCEL_EPOCH = dt.date(1899, 12, 30)
"""Day 0 of Excel's serial dates (1900 date system, counting its phantom 1900-02-29)."""


def cell_date(cell: Cell, order: str | None) -> dt.date:
    """A date cell: a workbook's datetime, an Excel serial number, or text as a spreadsheet writes
    dates (model/when.py's read_sheet_date); WhenError says why it is none."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        if cell == int(cell) and 61 <= cell < 2958466:
            return EXCEL_EPOCH + dt.timedelta(days=int(cell))
        raise WhenError(f"{cell} is not a date; format the cell as a date, or write YYYY-MM-DD")
    if isinstance(cell, str):
        return read_sheet_date(cell, order if order in DATE_ORDERS else None)
    raise WhenError(f"{cell} is not a date; write YYYY-MM-DD")


def cell_text(cell: Cell) -> str | None:
    """A cell as text: a whole number without '.0' (a case number Excel stored as a number)."""
    if cell is None:
        return None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, dt.datetime):
        cell = cell.date() if cell.time() == dt.time() else cell
    text = " ".join(str(cell).split())
    return text or None


_KEY_LINE = re.compile(r"^( *)([A-Za-z_]+):")


def _fields_by_line(text: str) -> dict[int, str]:
    """Which field each line of a filled skeleton holds (1-based), to locate check's problems."""
    found: dict[int, str] = {}
    parent = ""
    for number, line in enumerate(text.splitlines(), 1):
        match = _KEY_LINE.match(line)
        if not match:
            continue
        if not match[1]:
            parent = match[2]
            found[number] = match[2]
        elif parent == "participant":
            found[number] = f"participant.{match[2]}"
    return found
