"""A caseload: every case file under the given paths, loaded, with every problem collected.

`load_caseload(paths, packs, today) -> Caseload(cases, problems)`: one broken file never hides
the others -- it is reported and left out, and the rest load.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import model
from .casefile import future_birth_dates, read_case
from .packs import PackSet
from .problems import Problem

CASE_SUFFIXES = (".yaml", ".yml")


class PathError(Exception):
    """A path given on the command line does not exist (a usage error, not a case problem)."""


@dataclass
class Caseload:
    cases: list[model.Case]
    problems: list[Problem]
    files: int
    stats: dict[str, int] = field(default_factory=dict)


def _shown(path: Path) -> str:
    return str(path)


def discover(paths: Sequence[Path], skip: Sequence[Path] = ()) -> list[Path]:
    """Case files under `paths`: *.yaml and *.yml, recursively, skipping hidden folders."""
    skipped = {p.resolve() for p in skip}
    found: list[Path] = []
    for path in paths:
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.endswith(CASE_SUFFIXES) and not name.startswith("."):
                        found.append(Path(folder, name))
        else:
            raise PathError(f"no such file or folder: {path}")
    if skipped:
        found = [p for p in found if p.resolve() not in skipped]
    unique: dict[str, Path] = {}
    for p in found:
        unique.setdefault(os.path.normcase(os.path.abspath(p)), p)
    return list(unique.values())


def read_file(path: Path, packset: PackSet) -> tuple[model.Case | None, list[Problem]]:
    shown = _shown(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(shown, 1, 1, f"cannot read the file: {exc.strerror}")]
    return read_case(data, shown, packset.packs)


def load_caseload(paths: Sequence[Path], packset: PackSet, today: dt.date, skip: Sequence[Path] = ()) -> Caseload:
    """Load every case file under `paths`, collecting problems across all of them."""
    files = discover(paths, skip)
    cases: list[model.Case] = []
    problems: list[Problem] = []
    for path in files:
        case, found = read_file(path, packset)
        problems.extend(found)
        if case is not None:
            cases.append(case)
    return finish(cases, problems, len(files), today)


def finish(cases: list[model.Case], problems: list[Problem], files: int, today: dt.date) -> Caseload:
    """Checks across files and against today's date, done on every run (cached or not)."""
    kept: list[model.Case] = []
    first_file: dict[str, str] = {}
    for case in cases:
        future = future_birth_dates(case, today)
        if future:
            problems.extend(future)
            continue
        if case.case_id in first_file:
            line, col = case.at["case_id"]
            problems.append(
                Problem(
                    case.file,
                    line,
                    col,
                    f"case_id '{case.case_id}' is already used by {first_file[case.case_id]}; each case needs its own id",
                )
            )
            continue
        first_file[case.case_id] = case.file
        kept.append(case)
    problems.sort(key=lambda p: (p.file, p.line, p.col))
    return Caseload(cases=kept, problems=problems, files=files)
