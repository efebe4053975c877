"""An answer kept with the days it holds for (rules/due.py DueJob.answer_until, model/watched.py)
is, on every one of those days, the very answer worked out afresh: checked day by day for every
sample and rule case, and for generated cases of all five programs, from start days a year
around and next to each date the case names. A stale morning list is the failure this guards."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import sys
from pathlib import Path

import pytest

from casestaff.files import yamlread
from casestaff.files.cachecodec import encoded
from casestaff.files.casefile import read_case
from casestaff.files.config import Config
from casestaff.model import records as model
from casestaff.packset import load_packset
from casestaff.rules.due import DueJob

from ..conftest import REPO, SAMPLES

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import case_text

ONE = dt.timedelta(days=1)
CORPUS = sorted(SAMPLES.glob("*.yaml")) + sorted((REPO / "tests" / "rule_cases").rglob("*.yaml"))
GRID = [dt.date(2026, 6, 1) + dt.timedelta(days=7 * week) for week in range(53)]
HORIZON = 35
"""Days after the start checked one by one (an answer may hold for longer)."""


@pytest.fixture(scope="module")
def packset():
    return load_packset(Config())


def _dates_in(value: object, found: set[dt.date]) -> set[dt.date]:
    """Every date a case names, anywhere in it."""
    if isinstance(value, dt.date):
        found.add(value)
    elif isinstance(value, model.Record):
        for field in dataclasses.fields(value):
            _dates_in(getattr(value, field.name), found)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _dates_in(item, found)
    return found


def _starts(case: model.Case) -> list[dt.date]:
    """The weekly grid, and the days next to each date the case names (where answers turn)."""
    near = {day + dt.timedelta(days=shift) for day in _dates_in(case, set()) for shift in (-15, -14, -1, 0, 1)}
    return sorted({*GRID, *(day for day in near if dt.date(2020, 1, 1) < day < dt.date(2035, 1, 1))})


def _check(case: model.Case, packset, start: dt.date, within: int = 14) -> int:
    """Assert the answer as of `start` is the fresh answer on every day it says it holds for
    (up to HORIZON days on); the days checked."""
    job = DueJob(packset=packset, as_of=start, within=within, default_worker="")
    entry, until = job.answer_until(case)
    assert entry == job(case), "watching the day changes nothing in the answer"
    assert until >= start
    assert encoded(entry) is not None, "no watched day is left in an answer (it could not be kept)"
    checked = 0
    day = start + ONE
    while day <= until and day <= start + dt.timedelta(days=HORIZON):
        fresh = DueJob(packset=packset, as_of=day, within=within, default_worker="")(case)
        assert fresh == entry, f"{case.file}: the answer as of {start}, said to hold until {until}, is not the answer of {day}"
        checked += 1
        day += ONE
    return checked


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: str(p.relative_to(REPO)))
def test_every_sample_and_rule_case_holds_for_the_days_it_says(path: Path, packset) -> None:
    case, _ = read_case(yamlread.decode(path.read_bytes()).encode("utf-8"), str(path), packset.packs)
    if case is None:
        assert path.parent != SAMPLES
        return
    checked = sum(_check(case, packset, start) for start in _starts(case))
    if path.parent == SAMPLES:
        assert checked > 0, "some answer of a sample holds past its own day"


@pytest.mark.parametrize("within", [0, 1, 30])
def test_other_windows_hold_for_the_days_they_say(within: int, packset) -> None:
    for path in sorted(SAMPLES.glob("*.yaml")):
        case, _ = read_case(path.read_bytes(), str(path), packset.packs)
        assert case is not None
        for start in GRID[::4]:
            _check(case, packset, start, within)


def test_generated_cases_of_every_program_hold_for_the_days_they_say(packset) -> None:
    rng = random.Random(11)
    programs = set()
    for number in range(60):
        case, _ = read_case(case_text(number, rng).encode("utf-8"), f"generated-{number}.yaml", packset.packs)
        assert case is not None
        programs.add(case.program)
        for start in GRID[::3]:
            _check(case, packset, start)
    assert programs == set(packset.packs)
