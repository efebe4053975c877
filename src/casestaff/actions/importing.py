"""`casestaff import`: a caseload spreadsheet brought in as one new case file per row.

Two steps, so the command line can show the column mapping and ask before anything is written:
`prepare_import` reads the spreadsheet and settles the mapping; `run_import` turns each row into
a case file from its program's skeleton, checked as `casestaff check` checks it, and creates it
owner-only (group-editable with shared_folder), never over an existing file, and never for a
case id the case folder already holds.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import field
from casestaff.model.plain import dataclass
from pathlib import Path

from casestaff.actions.workspace import Workspace
from casestaff.documents.importing import ColumnMap, NewCase, RowProblem, RowReader, date_orders, map_columns, missing_columns
from casestaff.documents.skeleton import file_name
from casestaff.files import writer
from casestaff.files.caseload import CaseFileJob, may_hold_id, run_caseload
from casestaff.files.permissions import modes
from casestaff.files.spreadsheet import Row, Sheet, read_sheet
from casestaff.model.errors import UsageError
from casestaff.model.problems import did_you_mean
from casestaff.model.when import DATE_ORDERS

MAP_OPTION = "--map"


@dataclass(frozen=True)
class ImportPlan:
    """The spreadsheet read, its mapping settled, and where its case files go."""

    workspace: Workspace
    sheet: Sheet
    columns: ColumnMap
    folder: Path
    program: str | None
    dates: str | None = None
    """--dates: mdy or dmy for every date of the file that reads both ways; None to refuse those."""


@dataclass
class ImportOutcome:
    """What became of each row: written (or, with --dry-run, would be), skipped and why, refused where."""

    written: list[tuple[NewCase, Path]] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)
    """(row, case id, why)."""
    refused: list[RowProblem] = field(default_factory=list)

    @property
    def refused_rows(self) -> int:
        return len({problem.row for problem in self.refused})


def read_map_option(values: list[str]) -> list[tuple[str, str, str]]:
    """--map 'COLUMN=field,COLUMN=field' (the option may be repeated) as (header, field, '--map')."""
    pairs = []
    for value in values:
        for item in value.split(","):
            if not item.strip():
                continue
            header, equals, name = item.rpartition("=")
            if not equals or not header.strip():
                raise UsageError(f"--map: '{item.strip()}' is not COLUMN=field; e.g. --map 'Case #=case_id,DOB=birth_date'")
            pairs.append((header.strip(), name.strip(), MAP_OPTION))
    return pairs


def prepare_import(file: Path, into: Path | None, map_values: list[str], program: str | None, dates: str | None = None) -> ImportPlan:
    """Settings for the case folder, the spreadsheet's rows, and the column mapping: --map, then
    casestaff.toml's [import] map, then a guess from the headers for the columns neither names."""
    if into is not None and not into.is_dir():
        raise UsageError(f"--into {into}: no such folder; create it first, or give the case folder")
    workspace = Workspace.open([into] if into is not None else None)
    config = workspace.config
    folder = into if into is not None else config.cases
    if folder is None:
        raise UsageError('casestaff.toml names no case folder; give the folder the case files go in with --into DIR, or set cases = "FOLDER" in casestaff.toml')
    if program is not None and workspace.packset.get(program) is None:
        raise UsageError(f"--program: no program '{program}'{did_you_mean(program, workspace.packset.packs)}; see `casestaff programs`")
    if dates is not None and dates not in DATE_ORDERS:
        raise UsageError(f"--dates: '{dates}' is not mdy (3/4/2026 is March 4) or dmy (3/4/2026 is April 3)")
    sheet = read_sheet(file)
    given = read_map_option(map_values)
    named = {header.casefold() for header, _, _ in given}
    present = {header.casefold() for header in sheet.headers}
    settings = f"{config.file} [import] map"
    # the settings serve every spreadsheet the office imports: a column this one lacks is no mistake
    given += [
        (header, name, settings)
        for header, name in config.import_map.items()
        if header.strip().casefold() not in named and header.strip().casefold() in present
    ]
    columns = map_columns(sheet.headers, given)
    missing = missing_columns(sheet, columns, program is not None)
    if missing:
        raise UsageError(missing)
    return ImportPlan(workspace, sheet, columns, folder, program, dates)


@dataclass(frozen=True)
class FolderIds:
    """The case ids the case folders already hold, and the files there that could not be read
    as cases: such a file still holds its case id, and a second file must not take it."""

    files_by_id: dict[str, str]
    """Case id (folded for case) -> its file."""
    unreadable: list[str]

    def unreadable_holding(self, case_id: str) -> list[str]:
        """The unreadable files whose bytes may hold `case_id` (all of them when bytes cannot tell)."""
        found = may_hold_id(case_id, self.unreadable)
        return self.unreadable if found is None else found


def existing_case_ids(plan: ImportPlan, today: dt.date) -> FolderIds:
    """Every case id already in the case folder and the --into folder (folded for case), with its
    file; and the files there that have problems that keep them from being read."""
    config = plan.workspace.config
    folders = [plan.folder] + ([config.cases] if config.cases is not None and config.cases.is_dir() else [])
    run = run_caseload(folders, plan.workspace.packset, CaseFileJob(), today, skip=config.pack_files, use_cache=config.cache)
    found = {case_id.casefold(): file for case_id, file, _ in run.results}
    found.update({case_id.casefold(): files[0] for case_id, files in run.shared_ids.items()})
    valid = {file for _, file, _ in run.results} | {file for files in run.shared_ids.values() for file in files}
    unreadable = sorted({problem.file for problem in run.problems} - valid)
    return FolderIds(found, unreadable)


def run_import(plan: ImportPlan, today: dt.date, *, dry_run: bool) -> ImportOutcome:
    """Each row as a new case file, written unless `dry_run`; every row's fate in the outcome."""
    config = plan.workspace.config
    reader = RowReader(
        plan.sheet,
        plan.columns,
        plan.workspace.packset.packs,
        plan.program,
        config.worker,
        today,
        date_orders(plan.sheet, plan.columns, plan.dates),
    )
    present = existing_case_ids(plan, today)
    first_row, clashing = _duplicates(plan.sheet.rows, reader)
    mode = modes(config.shared_folder).case_file
    outcome = ImportOutcome()
    taken: set[str] = set()
    for row in plan.sheet.rows:
        case_id = reader.case_id(row)
        key = case_id.casefold()
        if key in clashing:
            others = ", ".join(str(number) for number in clashing[key] if number != row.number)
            message = f"case id {case_id} is also in row {others} with other values; give each case its own id (none of these rows is imported)"
            outcome.refused.append(reader.problem(row, "case_id", message))
            continue
        if case_id and first_row.get(key, row).number != row.number:
            outcome.skipped.append((row.number, case_id, f"the same as row {first_row[key].number}"))
            continue
        if case_id and key in present.files_by_id:
            outcome.skipped.append((row.number, case_id, f"case {case_id} is already in {present.files_by_id[key]}"))
            continue
        if case_id and (unread := present.unreadable_holding(case_id)):
            message = (
                f"case id {case_id} may already be in {', '.join(unread)}, which casestaff cannot read"
                " (`casestaff check` says why); fix that file, then import again"
            )
            outcome.refused.append(reader.problem(row, "case_id", message))
            continue
        target = _free_target(plan.folder, case_id, taken)
        made = reader.new_case(row, str(target))
        if isinstance(made, list):
            outcome.refused += made
            continue
        taken.add(target.name.casefold())
        if not dry_run:
            try:
                writer.create_whole(target, made.text.encode("utf-8"), mode=mode)
            except FileExistsError:
                outcome.skipped.append((row.number, case_id, f"{target} already exists; casestaff never overwrites a file"))
                continue
            except OSError as exc:
                outcome.refused.append(reader.problem(row, None, f"cannot create {target}: {exc.strerror or exc}"))
                continue
        outcome.written.append((made, target))
    return outcome


def _free_target(folder: Path, case_id: str, taken: set[str]) -> Path:
    """The file for a new case: named by its id, or -2, -3 ... after it when that name is taken
    (by a file, or by a row before): two ids can make one name ("LA 1", "LA-1"), and a case whose
    file has another's name is no reason to drop it. Names compared ignoring case, as Windows does."""
    name = file_name(case_id, "case")
    stem, suffix = name.removesuffix(".yaml"), ".yaml"
    candidate, number = name, 2
    while candidate.casefold() in taken or os.path.lexists(folder / candidate):
        candidate, number = f"{stem}-{number}{suffix}", number + 1
    return folder / candidate


def _duplicates(rows: tuple[Row, ...], reader: RowReader) -> tuple[dict[str, Row], dict[str, list[int]]]:
    """(the first row of each case id, the rows of each id that stands for different cases):
    a row repeated as it is imports once; one id with two different rows imports neither."""
    first: dict[str, Row] = {}
    numbers: dict[str, list[int]] = {}
    differ: set[str] = set()
    for row in rows:
        key = reader.case_id(row).casefold()
        if not key:
            continue
        numbers.setdefault(key, []).append(row.number)
        if key not in first:
            first[key] = row
        elif _cells(first[key]) != _cells(row):
            differ.add(key)
    return first, {key: numbers[key] for key in differ}


def _cells(row: Row) -> tuple[object, ...]:
    cells = list(row.cells)
    while cells and cells[-1] in (None, ""):
        cells.pop()
    return tuple(cells)
