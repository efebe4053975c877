"""A caseload's due-list answers keep one copy of each text thousands of them repeat -- a rule's
citation, its id, the program, the status (issue 11: peak memory at 50,000 files) -- however
they were got: parsed here, sent by worker processes, or read from the cache."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

from casestaff.files import caseload
from casestaff.files.caseload import run_caseload
from casestaff.files.config import Config
from casestaff.packset import load_packset
from casestaff.rules.due import DueJob

from ..conftest import SAMPLES

AS_OF = dt.date(2026, 12, 1)
SAMPLE_IDS = [
    next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("case_id:")).split(":", 1)[1].strip()
    for path in SAMPLES.glob("*.yaml")
]


@pytest.fixture
def cases(tmp_path: Path) -> Path:
    """The samples twice over (each copy its own case id), aged so the cache may trust them."""
    folder = tmp_path / "cases"
    folder.mkdir()
    for copy in ("a", "b"):
        for sample in SAMPLES.glob("*.yaml"):
            text = sample.read_text(encoding="utf-8")
            case_id = next(line for line in text.splitlines() if line.startswith("case_id:")).split(":", 1)[1].strip()
            (folder / f"{copy}-{sample.name}").write_text(text.replace(case_id, f"{case_id}-{copy}"), encoding="utf-8")
    old = time.time() - 3
    for path in folder.iterdir():
        os.utime(path, (old, old))
    return folder


def _texts_by_value(run) -> dict[str, set[int]]:
    """Each repeated text of the answers, with the identities of the objects that hold it."""
    seen: dict[str, set[int]] = {}
    for entry in run.results:
        for text in (entry.program, *(t for f in entry.flags for t in (f.rule, f.citation, f.status, f.program))):
            seen.setdefault(text, set()).add(id(text))
    return seen


@pytest.mark.parametrize("workers", [False, True], ids=["one process", "worker processes"])
def test_repeated_texts_are_one_object_each_parsed_and_from_the_cache(cases, monkeypatch, workers):
    if workers:
        monkeypatch.setattr(caseload, "PARALLEL_FROM", 1)
        monkeypatch.setattr(caseload, "TRIM_FROM", 7)  # memory handed back every 7 answers: the answers are whole
    packset = load_packset(Config())
    job = DueJob(packset=packset, as_of=AS_OF, within=14, default_worker="")
    for attempt in ("parsed", "cached"):
        run = run_caseload([cases], packset, job, AS_OF, jobs=2 if workers else 1)
        assert run.stats[attempt] == 58 and not run.problems, attempt
        repeated = _texts_by_value(run)
        assert len(repeated) > 10
        assert all(len(identities) == 1 for identities in repeated.values()), attempt
        assert sorted(entry.case for entry in run.results) == sorted(f"{c}-{copy}" for c in SAMPLE_IDS for copy in "ab")
